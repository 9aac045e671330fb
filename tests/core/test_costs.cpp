#include "almpsim/costs.hpp"

#include "almpsim/engine.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

TEST_CASE("a case-week costs administration plus the running programme at the actor's factor", "[unit]") {
  ActorSpec actor;
  actor.costs = {.admin_per_case_week = 300,
                 .fixed_fee_per_case = 5000,
                 .bonus_per_self_support = 1000,
                 .programme_cost_factor = 0.5};
  PerActivity<ProgrammeSpec> programmes{};
  programmes[index_of(Activity::guidance)].cost_per_week = 800;
  CHECK(case_week_cost(actor, programmes, true, Activity::none) == 300);
  CHECK(case_week_cost(actor, programmes, true, Activity::guidance) == 300 + 0.5 * 800);
  CHECK(case_week_cost(actor, programmes, false, Activity::guidance) == 0);  // off benefit: nothing
  CHECK(entry_fee(actor) == 5000);
  CHECK(self_support_bonus(actor) == 1000);
}

TEST_CASE("a milestone pays for a spell that has lasted its weeks, and sums with another at the same length",
          "[unit]") {
  ActorSpec actor;
  actor.costs.milestones[index_of(State::flexjob)] = {{8, 10000}, {17, 10000}, {8, 500}};
  CHECK(milestone_payment(actor, State::flexjob, 8) == 10500);
  CHECK(milestone_payment(actor, State::flexjob, 17) == 10000);
  CHECK(milestone_payment(actor, State::flexjob, 9) == 0);
  CHECK(milestone_payment(actor, State::self_support, 8) == 0);
}

TEST_CASE("the fee is paid for the cases taken over at the start, and milestones as the spells reach them", "[unit]") {
  // 1,000 waiting for a flex job, placed at 0.1 a week; nobody leaves a flex job. The provider is
  // paid 100 for each case it takes over and 10 and 20 when a flex job has lasted 2 and 4 weeks.
  // A move in week w starts the spell in week w + 1, so week w pays 10 for each placement of
  // week w - 3 and 20 for each of week w - 5; the stock cohort of the start pays the same.
  test::TempDir dir;
  const std::string scenario = dir.write("payments.toml", R"(
start = 2020-01-06
weeks = 20
seed = 5
[population]
size = 1000
state_shares = { waiting_flexjob = 1.0 }
[hazards.waiting_flexjob.flexjob]
baseline = 0.1
[[actors]]
name = "provider"
costs = { fixed_fee_per_case = 100, milestones = { flexjob = [[2, 10], [4, 20]] } }
[[cohorts]]
name = "taken_over"
states = ["waiting_flexjob"]
at = 2020-01-06
measure_at = 2020-05-18
)");
  const Params p = load_scenario(scenario).params;
  const ReplicationResult r = run_monte_carlo(p, {}).front();
  auto placed = [&](Week w) {
    return w < 0 ? 0.0 : double(r.entries[static_cast<std::size_t>(w) * kStates + index_of(State::flexjob)]);
  };
  double paid = 0.0;
  for (Week w = 0; w < 20; ++w) {
    const double expected = (w == 0 ? 1000 * 100.0 : 0.0) + 10 * placed(w - 3) + 20 * placed(w - 5);
    INFO("week " << w);
    CHECK(r.costs[static_cast<std::size_t>(w)] == expected);
    if (w < 19) paid += r.costs[static_cast<std::size_t>(w)];
  }
  CHECK(placed(1) > 0);
  // The cohort counts weeks 0 to 18 (its measure is at the start of week 19).
  const CohortOutcome& c = r.cohorts.at(0);
  CHECK(c.members[0] == 1000);
  CHECK(c.cost_per_citizen[0] * 1000 == Approx(paid).epsilon(1e-12));
}

TEST_CASE("accounts close with each actor's transfers and a savings share settled per period", "[unit]") {
  // Two actors, three weeks, 1,000 a week on cash benefit. The control (actor 0) has 10, 8 and
  // 6 on cash benefit and 5 gone in week 0, who count for nothing; the provider has 10, 6 and 9.
  // The provider's savings at the control's transfer per citizen: 10 x 1000 - 10,000 = 0, then
  // 8,000 - 6,000 = 2,000, then 6,000 - 9,000 = -3,000. Settled every 2 weeks at half: 1,000 at
  // the end of weeks 0-1, and nothing for week 2 alone (a loss is never charged). The control
  // also serves 3 on rehabilitation at 5,000, a case type the provider never takes: they count
  // in its transfers but not in the comparison.
  Params p;
  p.calendar.weeks = 3;
  p.actors.resize(2);
  p.transfer_per_week[index_of(State::cash_benefit)] = 1000;
  p.transfer_per_week[index_of(State::rehabilitation)] = 5000;
  p.actors[1].assignment.except_states[index_of(State::rehabilitation)] = true;
  p.actors[1].costs.savings_share = {.share = 0.5, .against = 0, .settle_every_weeks = 2};
  ReplicationResult r;
  r.occupancy.assign(3 * 2 * kStates, 0);
  auto occupy = [&](std::size_t w, std::size_t a, State s, int n) {
    r.occupancy[(w * 2 + a) * kStates + index_of(s)] = n;
  };
  const int control[3] = {10, 8, 6}, provider[3] = {10, 6, 9};
  for (std::size_t w = 0; w < 3; ++w) {
    occupy(w, 0, State::cash_benefit, control[w]);
    occupy(w, 0, State::self_support, 10 - control[w]);
    occupy(w, 1, State::cash_benefit, provider[w]);
    occupy(w, 1, State::self_support, 10 - provider[w]);
    occupy(w, 0, State::rehabilitation, 3);
  }
  occupy(0, 0, State::exited, 5);
  r.cost_accounts.assign(3 * 2 * kCostAccounts, 0.0);
  auto account = [&](std::size_t w, std::size_t a, CostAccount k) -> double& {
    return r.cost_accounts[(w * 2 + a) * kCostAccounts + static_cast<std::size_t>(k)];
  };
  account(1, 1, CostAccount::administration) = 70;
  account(1, 1, CostAccount::programmes) = 30;

  close_accounts(p, r);
  CHECK(account(0, 0, CostAccount::transfers) == 10000 + 15000);
  CHECK(account(2, 1, CostAccount::transfers) == 9000);
  CHECK(account(0, 1, CostAccount::payments) == 0);
  CHECK(account(1, 1, CostAccount::payments) == 1000);
  CHECK(account(2, 1, CostAccount::payments) == 0);
  CHECK(account(1, 0, CostAccount::payments) == 0);  // the control has no share
  // Costs are administration, programmes and payments; transfers are apart.
  CHECK(r.costs[1 * 2 + 1] == 70 + 30 + 1000);
  CHECK(r.costs[0] == 0);
}

TEST_CASE("a staff bonus pays each caseworker of the week when the period's target was met", "[unit]") {
  ActorSpec actor;
  actor.costs.staff_bonus = {.per_caseworker = 1000, .every_weeks = 2, .self_support_at_least = 3};
  actor.caseworkers[index_of(State::cash_benefit)] = {4, 4, 4};
  actor.caseworkers[index_of(State::sickness_benefit)] = {2, 2, 3};
  CHECK(staff_bonus(actor, 1, 3) == 6000);  // 4 + 2 caseworkers in slot 1
  CHECK(staff_bonus(actor, 2, 7) == 7000);
  CHECK(staff_bonus(actor, 1, 2) == 0);  // the target missed
  CHECK(ends_bonus_period(actor.costs.staff_bonus, 1));
  CHECK_FALSE(ends_bonus_period(actor.costs.staff_bonus, 2));
  CHECK_FALSE(ends_bonus_period(actor.costs.staff_bonus, -1));  // burn-in weeks are not settled
}

TEST_CASE("a run books the staff bonus at each period's end from its cases' moves into self-support", "[unit]") {
  // Administration holds nothing but the bonus. No referral and no excepted states, so the cases
  // the actor moved into self-support are also its entries there.
  test::TempDir dir;
  const Params p = load_scenario(dir.write("bonus.toml", test::two_state_scenario(R"(
[[actors]]
name = "centre"
meeting_interval_weeks = { cash_benefit = 4 }
caseworkers = { cash_benefit = 3 }
costs = { staff_bonus = { per_caseworker = 1000, every_weeks = 4, self_support_at_least = 300 } }
)")))
                       .params;
  const auto r = run_monte_carlo(p, {}).front();
  const auto administration = [&](Week w) {
    return r.cost_accounts[static_cast<std::size_t>(w) * kCostAccounts +
                           static_cast<std::size_t>(CostAccount::administration)];
  };
  double moved = 0;
  int paid = 0, missed = 0;
  for (Week w = 0; w < p.calendar.weeks; ++w) {
    const std::int32_t moves = r.moved_to_self_support[static_cast<std::size_t>(w)];
    CHECK(moves == r.entries[static_cast<std::size_t>(w) * kStates + index_of(State::self_support)]);
    moved += moves;
    if ((w + 1) % 4 != 0) {
      CHECK(administration(w) == 0);
      continue;
    }
    CHECK(administration(w) == (moved >= 300 ? 3000 : 0));
    (moved >= 300 ? paid : missed) += 1;
    moved = 0;
  }
  CHECK(paid > 0);
  CHECK(missed > 0);
}

TEST_CASE("a cohort's transfers per citizen are its weeks on benefit at the weekly transfer", "[unit]") {
  // Only cash benefit is on benefit and paid: a member's transfers are 2,500 times its weeks on
  // benefit in the window, which the support rate counts independently.
  test::TempDir dir;
  const std::string scenario = dir.write("transfers.toml", test::two_state_scenario(R"(
[transfers]
cash_benefit = 2500
[[cohorts]]
name = "stock"
states = ["cash_benefit"]
at = 2020-01-06
measure_at = 2020-06-22
)"));
  const ReplicationResult r = run_monte_carlo(load_scenario(scenario).params, {}).front();
  const CohortOutcome& c = r.cohorts.at(0);
  const double window = 24;  // weeks from 6 January to 22 June
  CHECK(c.transfers_per_citizen[0] == Approx(2500 * c.support_rate[0] * window).epsilon(1e-12));
  // The account: everyone on cash benefit at the start of the week, at 2,500.
  for (std::size_t w = 0; w < 30; ++w)
    CHECK(r.cost_accounts[w * kCostAccounts + static_cast<std::size_t>(CostAccount::transfers)] ==
          2500.0 * r.occupancy[w * kStates + index_of(State::cash_benefit)]);
}
