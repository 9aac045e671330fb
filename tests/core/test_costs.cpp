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
