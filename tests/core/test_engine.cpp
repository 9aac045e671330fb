#include "almpsim/employability.hpp"
#include "almpsim/engine.hpp"
#include "almpsim/population.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;
using test::cell;

namespace {
Params from_text(const test::TempDir& dir, const std::string& text) {
  return load_scenario(dir.write("s.toml", text)).params;
}
}  // namespace

TEST_CASE("stock-flow identity holds for every week and state and actor", "[unit]") {
  Params p = test::shipped("two_actors_shock.toml", {"population.size=1500", "replications=2"});
  const auto reps = run_monte_carlo(p, {});
  const std::size_t actors = static_cast<std::size_t>(p.actor_count());
  long long moves = 0;
  for (const auto& r : reps) {
    for (Week w = 0; w + 1 < p.calendar.weeks; ++w)
      for (std::size_t a = 0; a < actors; ++a)
        for (int s = 0; s < kStates; ++s) {
          const auto now = cell(p, w, a, s, kStates), next = cell(p, w + 1, a, s, kStates);
          REQUIRE(r.occupancy[now] + r.entries[now] - r.exits[now] == r.occupancy[next]);
          moves += r.exits[now];
        }
  }
  CHECK(moves > 1000);  // the identity was exercised by real flows
}

TEST_CASE("a zero hazard gives zero exits", "[unit]") {
  test::TempDir dir;
  std::string text = test::two_state_scenario();
  text.replace(text.find("baseline = 0.05"), 15, "baseline = 0.0");
  const Params p = from_text(dir, text);
  const auto r = run_monte_carlo(p, {}).front();
  for (Week w = 0; w < p.calendar.weeks; ++w) {
    CHECK(r.exits[cell(p, w, 0, index_of(State::cash_benefit), kStates)] == 0);
    CHECK(r.occupancy[cell(p, w, 0, index_of(State::cash_benefit), kStates)] == 2000);
  }
}

TEST_CASE("the sickness-benefit duration limit moves every case at its deadline", "[unit]") {
  test::TempDir dir;
  const Params p = from_text(dir, R"(
start = 2020-01-06
weeks = 20
[population]
size = 3000
state_shares = { sickness_benefit = 1.0 }
[duration_limits.sickness_benefit]
weeks = 12
destinations = { cash_benefit = 0.25, self_support = 0.75 }
)");
  const auto r = run_monte_carlo(p, {}).front();
  const auto at = [&](Week w, State s) { return r.occupancy[cell(p, w, 0, index_of(s), kStates)]; };
  CHECK(at(11, State::sickness_benefit) == 3000);
  CHECK(at(12, State::sickness_benefit) == 0);
  // Binomial split of 3000 cases, 4 standard errors.
  const double se = std::sqrt(3000 * 0.25 * 0.75);
  CHECK(std::abs(at(12, State::cash_benefit) - 750.0) < 4 * se);
}

TEST_CASE("inflow enters at the scenario's weekly rate", "[stat]") {
  test::TempDir dir;
  const Params p = from_text(dir, R"(
start = 2020-01-06
weeks = 200
[population]
size = 0
[inflow]
cash_benefit = 25.0
)");
  const auto r = run_monte_carlo(p, {}).front();
  double entries = 0;
  for (Week w = 0; w + 1 < p.calendar.weeks; ++w)
    entries += r.entries[cell(p, w, 0, index_of(State::cash_benefit), kStates)];
  const double n = p.calendar.weeks - 1, expected = 25.0 * n;
  // Poisson total over n weeks: sd = sqrt(25 n); 4 standard errors.
  CHECK(std::abs(entries - expected) < 4 * std::sqrt(expected));
}

TEST_CASE("meetings held never exceed the capacity of the team and the rest are overdue", "[unit]") {
  test::TempDir dir;
  const std::string team = test::two_state_scenario(R"(
[[actors]]
name = "centre"
meeting_interval_weeks = { cash_benefit = 4 }
caseworkers = { cash_benefit = 10 }
meetings_per_caseworker_week = 2.5
)");
  const Params p = from_text(dir, team);
  const auto r = run_monte_carlo(p, {}).front();
  int overdue_weeks = 0;
  long long held = 0;
  for (Week w = 0; w < p.calendar.weeks; ++w) {
    CHECK(r.meetings_held[cell(p, w, 0, 0, 1)] <= 25);
    held += r.meetings_held[cell(p, w, 0, 0, 1)];
    overdue_weeks += r.meetings_overdue[cell(p, w, 0, 0, 1)] > 0;
  }
  // About 2000 cases meeting every 4 weeks want ~500 meetings a week: the cap binds.
  CHECK(held == 25LL * p.calendar.weeks);
  CHECK(overdue_weeks == p.calendar.weeks);

  // In groups of 8, the same caseworkers see 200 citizens a week.
  const Params groups = from_text(dir, team + "group_meetings = 8\n");
  const auto g = run_monte_carlo(groups, {}).front();
  for (Week w = 0; w < 4; ++w) CHECK(g.meetings_held[cell(groups, w, 0, 0, 1)] == 200);
}

TEST_CASE("early meetings: weekly in a spell's first weeks, then the ordinary interval", "[unit]") {
  // New insured unemployed who never leave, met first 2 weeks in, weekly while the spell is
  // younger than 8 weeks, then every 13: at spell weeks 2, 3, ..., 8, then 21 (the ordinary
  // schedule alone: 2 and 15). A spell counted among week e's entries begins in week e + 1, so
  // the meetings held in week w are exactly the entries of the weeks w - 1 - k for those k,
  // replication by replication.
  test::TempDir dir;
  const Params p = from_text(dir, R"(
start = 2020-01-06
weeks = 30
seed = 5
inflow = { ui_benefit = 40 }
[hazards.ui_benefit.self_support]
baseline = 0.0
[[actors]]
name = "centre"
first_meeting_weeks = 2
meeting_interval_weeks = { ui_benefit = 13 }
early_meetings = { interval_weeks = 1, for_weeks = 8 }
)");
  const auto r = run_monte_carlo(p, {}).front();
  auto entries = [&](Week w) { return w < 0 ? 0 : r.entries[cell(p, w, 0, index_of(State::ui_benefit), kStates)]; };
  for (Week w = 0; w < p.calendar.weeks; ++w) {
    long long expected = 0;
    for (const int k : {2, 3, 4, 5, 6, 7, 8, 21}) expected += entries(w - 1 - k);
    INFO("week " << w);
    CHECK(r.meetings_held[cell(p, w, 0, 0, 1)] == expected);
  }
}

TEST_CASE("immediate activation starts after its delay and lasts its length", "[unit]") {
  test::TempDir dir;
  const Params p = from_text(dir, R"(
start = 2020-01-06
weeks = 40
[population]
size = 0
[inflow]
cash_benefit = 50.0
[[actors]]
name = "centre"
immediate_activation = { states = ["cash_benefit"], delay_weeks = 2, length_weeks = 3, kind = "guidance" }
)");
  const auto r = run_monte_carlo(p, {}).front();
  const auto act = [&](Week w) {
    return r.activity_occupancy[cell(p, w, 0, index_of(Activity::guidance), kActivities)];
  };
  const auto entered = [&](Week w) { return r.entries[cell(p, w - 1, 0, index_of(State::cash_benefit), kStates)]; };
  // Nobody leaves cash benefit here, so in guidance at week w are exactly those who entered
  // in weeks w-4 .. w-2 (entries recorded in the week before they appear).
  for (Week w = 6; w < p.calendar.weeks; ++w) CHECK(act(w) == entered(w - 2) + entered(w - 3) + entered(w - 4));
}

TEST_CASE("a sanction with certain exit ends the spell at the first meeting", "[unit]") {
  test::TempDir dir;
  std::string text = test::two_state_scenario(R"(
[[actors]]
name = "centre"
first_meeting_weeks = 1
meeting_interval_weeks = { cash_benefit = 4 }
sanctions = { no_show = 1.0, rate = 1.0, exit_share = 1.0 }
)");
  text.replace(text.find("baseline = 0.05"), 15, "baseline = 0.0");
  text.replace(text.find("baseline = 0.01"), 15, "baseline = 0.0");
  const Params p = from_text(dir, text);
  const auto r = run_monte_carlo(p, {}).front();
  // The stock's first meetings are spread over the 4-week interval; after it, nobody is left.
  CHECK(r.occupancy[cell(p, 0, 0, index_of(State::cash_benefit), kStates)] == 2000);
  CHECK(r.occupancy[cell(p, 5, 0, index_of(State::cash_benefit), kStates)] == 0);
  CHECK(r.occupancy[cell(p, 5, 0, index_of(State::self_support), kStates)] == 2000);
}

TEST_CASE("a stock cohort is the stock of its states at its date", "[unit]") {
  const Params p = test::shipped("two_actors_shock.toml", {"population.size=1200", "replications=1"});
  const auto r = run_monte_carlo(p, {}).front();
  for (std::size_t c = 0; c < p.cohorts.size(); ++c) {
    const CohortSpec& spec = p.cohorts[c];
    if (spec.kind != CohortSpec::Kind::stock) continue;
    for (std::size_t a = 0; a < static_cast<std::size_t>(p.actor_count()); ++a) {
      double stock = 0;
      for (int s = 0; s < kStates; ++s)
        if (spec.states[static_cast<std::size_t>(s)]) stock += r.occupancy[cell(p, spec.at, a, s, kStates)];
      INFO(spec.name << " actor " << a);
      CHECK(r.cohorts[c].members[a] == stock);
    }
  }
}

TEST_CASE("a tilted initial stock leaves at the rate its class mix implies", "[stat]") {
  test::TempDir dir;
  // One exit (to self-support, employability loading 1) and nothing back, so the first week's
  // exits are binomial with the class-mixed exit probability.
  auto first_week_exits = [&](double tilt, double& expected, double& se) {
    const Params p = from_text(dir, R"(
start = 2020-01-06
weeks = 3
seed = 11
[population]
size = 40000
state_shares = { cash_benefit = 1.0 }
employability_tilt = { cash_benefit = )" +
                                        std::to_string(tilt) + R"( }
[employability]
sd = 1.0
classes = 5
[hazards.cash_benefit.self_support]
baseline = 0.1
)");
    const auto& e = p.employability;
    const auto q = tilted_shares(e.shares, e.log_values, tilt);
    double prob = 0.0;
    for (std::size_t k = 0; k < q.size(); ++k) prob += q[k] * (1.0 - std::exp(-0.1 * std::exp(e.log_values[k])));
    expected = 40000 * prob;
    se = std::sqrt(40000 * prob * (1 - prob));
    return run_monte_carlo(p, {}).front().exits[cell(p, 0, 0, index_of(State::cash_benefit), kStates)];
  };
  double flat_expected, flat_se, tilted_expected, tilted_se;
  const double flat = first_week_exits(0.0, flat_expected, flat_se);
  const double tilted = first_week_exits(1.0, tilted_expected, tilted_se);
  // Each within 4 binomial standard errors of its own analytic value...
  CHECK(std::abs(flat - flat_expected) < 4 * flat_se);
  CHECK(std::abs(tilted - tilted_expected) < 4 * tilted_se);
  // ...and the two analytic values far apart, so the test tells the mixes apart.
  CHECK(flat_expected - tilted_expected > 10 * flat_se);
}

TEST_CASE("an odd-birth-day share splits the initial stock between birth-day arms", "[stat]") {
  test::TempDir dir;
  // Two actors split by birth day; the cash stock starts 70% odd-born, the sickness stock as
  // in the population (16 of 31 days).
  const Params p = from_text(dir, R"(
start = 2020-01-06
weeks = 1
seed = 5
[population]
size = 20000
state_shares = { cash_benefit = 0.5, sickness_benefit = 0.5 }
odd_birth_day_share = { cash_benefit = 0.7 }
[[actors]]
name = "even"
assignment = { rule = "rest" }
[[actors]]
name = "odd"
assignment = { rule = "odd_birth_day" }
)");
  const auto r = run_monte_carlo(p, {}).front();
  auto share_odd = [&](State s) {
    const double even = r.occupancy[cell(p, 0, 0, index_of(s), kStates)];
    const double odd = r.occupancy[cell(p, 0, 1, index_of(s), kStates)];
    return std::pair{odd / (odd + even), odd + even};
  };
  const auto [cash, n_cash] = share_odd(State::cash_benefit);
  const auto [sick, n_sick] = share_odd(State::sickness_benefit);
  // Within 4 binomial standard errors of 0.7 and of 16/31.
  CHECK(std::abs(cash - 0.7) < 4 * std::sqrt(0.7 * 0.3 / n_cash));
  CHECK(std::abs(sick - 16.0 / 31.0) < 4 * std::sqrt(0.25 / n_sick));
}

TEST_CASE("a threat that rises towards the start moves fewer people off benefit than a constant one", "[stat]") {
  // New cash-benefit cases are told at once of a guidance course 8 weeks on, with a threat of
  // 1.5. Constant, it raises job finding in all 8 weeks; with a one-week rise, mostly in the
  // last. The exits from cash benefit must differ by far more than their Poisson noise.
  test::TempDir dir;
  const std::string text = R"(
start = 2020-01-06
weeks = 30
seed = 11
[population]
size = 0
[inflow]
cash_benefit = 1000.0
[hazards.cash_benefit.self_support]
baseline = 0.05
[programmes.guidance]
threat_effect = 1.5
[[actors]]
name = "centre"
immediate_activation = { states = ["cash_benefit"], delay_weeks = 8, length_weeks = 4, kind = "guidance" }
)";
  const std::string path = dir.write("threat.toml", text);
  const auto exits = [&](const std::vector<std::string>& overrides) {
    const auto r = run_monte_carlo(load_scenario(path, overrides).params, {}).front();
    double total = 0;
    for (std::size_t k = index_of(State::cash_benefit); k < r.exits.size(); k += kStates) total += r.exits[k];
    return total;
  };
  const double constant = exits({}), rising = exits({"programmes.guidance.threat_rise_weeks=1"});
  INFO("exits: constant threat " << constant << ", rising " << rising);
  CHECK(constant - rising > 10 * std::sqrt(constant));
}

TEST_CASE("citizens leave from any state in the week they reach the pension age", "[stat]") {
  // Ages uniform on [60, 65) at the start and a pension age of 65: a fifth of the stock
  // leaves per year of ageing, whatever their benefit state.
  test::TempDir dir;
  const std::string bands = "\n[attributes]\nage_bands = [60, 65]\n";
  const std::string with = dir.write("pension.toml", test::two_state_scenario(bands + "pension_age = 65\n"));
  const std::string without = dir.write("none.toml", test::two_state_scenario(bands));
  const std::vector<std::string> sets = {"population.size=20000", "weeks=60"};
  const Params p = load_scenario(with, sets).params, q = load_scenario(without, sets).params;
  const ReplicationResult r = run_replication(p, HazardModel(p), 0, 1);
  const double n = 20000;
  for (const Week w : {1, 10, 30, 59}) {
    const double exited = r.occupancy[cell(p, w, 0, index_of(State::exited), kStates)] / n;
    const double expected = w * 7.0 / 1825.0;
    // Binomial error, and one week of ageing for where the week boundaries fall.
    const double tolerance = 4 * std::sqrt(expected * (1 - expected) / n) + 7.0 / 1825.0;
    INFO("week " << w << ": " << exited << " exited, expected " << expected);
    CHECK(std::abs(exited - expected) < tolerance);
  }
  // Both states lose members to it, in proportion to their size.
  const ReplicationResult all = run_replication(q, HazardModel(q), 0, 1);
  for (const State s : {State::cash_benefit, State::self_support}) {
    const double kept =
        double(r.occupancy[cell(p, 59, 0, index_of(s), kStates)]) / all.occupancy[cell(q, 59, 0, index_of(s), kStates)];
    INFO(name_of(s) << " keeps " << kept);
    CHECK(std::abs(kept - (1 - 59 * 7.0 / 1825.0)) < 0.03);
  }
}

TEST_CASE("stock-flow identity holds when cases are referred from one actor to another", "[unit]") {
  // Actor a meets its cases every 4 weeks and hands a fifth of those it meets to b, in the same
  // spell: an exit from a and an entry to b in the same state.
  test::TempDir dir;
  const std::string path = dir.write("s.toml", test::null_trial());
  const std::vector<std::string> meets = {"actors.a.meeting_interval_weeks.cash_benefit=4"};
  std::vector<std::string> refers = meets;
  refers.push_back("actors.a.referral={to = \"b\", chance = 0.2}");
  const Params p = load_scenario(path, refers).params;
  const auto reps = run_monte_carlo(p, {});
  const auto plain = run_monte_carlo(load_scenario(path, meets).params, {});
  const std::size_t cash = index_of(State::cash_benefit);
  long long into_b = 0, into_b_plain = 0;
  for (std::size_t k = 0; k < reps.size(); ++k)
    for (Week w = 0; w + 1 < p.calendar.weeks; ++w) {
      for (std::size_t a = 0; a < 2; ++a)
        for (int s = 0; s < kStates; ++s) {
          const auto now = cell(p, w, a, s, kStates), next = cell(p, w + 1, a, s, kStates);
          REQUIRE(reps[k].occupancy[now] + reps[k].entries[now] - reps[k].exits[now] == reps[k].occupancy[next]);
        }
      into_b += reps[k].entries[cell(p, w, 1, cash, kStates)];
      into_b_plain += plain[k].entries[cell(p, w, 1, cash, kStates)];
    }
  // The referrals are entries to b on top of its own returns to cash benefit.
  CHECK(into_b > into_b_plain + 100);
}

TEST_CASE("progress within replications rises through fractions and changes no result", "[unit]") {
  Params p = test::shipped("two_actors_shock.toml", {"population.size=1500", "replications=3"});
  MonteCarloOptions watched;
  watched.progress_seconds = 0;  // every eighth week, so that a small run reports
  std::vector<double> reported;
  watched.on_progress = [&](double done, int total) {
    CHECK(total == 3);
    reported.push_back(done);
  };
  const auto with = run_monte_carlo(p, watched);
  const auto without = run_monte_carlo(p, {});
  // (80 + 104 burn-in weeks) x 3 replications, one report in eight weeks, the last left out.
  REQUIRE(reported.size() > 60);
  CHECK(std::is_sorted(reported.begin(), reported.end()));
  CHECK(reported.front() > 0);
  CHECK(reported.back() < 3);
  CHECK(std::any_of(reported.begin(), reported.end(), [](double x) { return x != std::floor(x); }));
  for (std::size_t r = 0; r < with.size(); ++r) CHECK(with[r].occupancy == without[r].occupancy);
}

TEST_CASE("a replication that fails beside others stops the run with its own error", "[unit]") {
  // An inflow of 100 million a week gives more citizens than ids can number: the population
  // refuses to be made, in each of two replications run side by side on two threads.
  Params p = test::shipped("reference_markov.toml", {"population.size=1000", "replications=2", "weeks=60"});
  p.inflow_rate[index_of(State::cash_benefit)].assign(static_cast<std::size_t>(p.calendar.total()), 1e8);
  MonteCarloOptions options;
  options.threads = 2;
  CHECK_THROWS_AS(run_monte_carlo(p, options), std::length_error);
}

TEST_CASE("a progress call that throws stops the run with its error, on one thread and on two", "[unit]") {
  Params p = test::shipped("reference_markov.toml", {"population.size=1000", "replications=4", "weeks=40"});
  for (const int threads : {1, 2}) {
    INFO("threads " << threads);
    MonteCarloOptions within;
    within.threads = threads;
    within.progress_seconds = 0;
    within.on_progress = [](double, int) { throw std::runtime_error("progress failed"); };
    CHECK_THROWS_WITH(run_monte_carlo(p, within), "progress failed");
    MonteCarloOptions after;
    after.threads = threads;
    after.on_replication_done = [](int, int) { throw std::runtime_error("replication report failed"); };
    CHECK_THROWS_WITH(run_monte_carlo(p, after), "replication report failed");
  }
}

TEST_CASE("actors that work no cases keep no casework, and citizens move as under meetings that change nothing",
          "[unit]") {
  test::TempDir dir;
  const std::string& cohort = test::kStockCohort;
  const Params lean = from_text(dir, test::two_state_scenario("[[actors]]\nname = \"centre\"\n" + cohort));
  const Params met =
      from_text(dir, test::two_state_scenario(
                         "[[actors]]\nname = \"centre\"\nmeeting_interval_weeks = { cash_benefit = 4 }\n" + cohort));
  CHECK_FALSE(works_cases(lean));
  CHECK(works_cases(met));
  const Population pop = create_population(lean, RandomStreams(lean.run.seed, 0));
  CHECK(pop.size() >= 2000);
  CHECK(pop.activity.empty());
  CHECK(pop.activity_from.empty());
  CHECK(pop.next_meeting.empty());
  CHECK(pop.last_met.empty());
  CHECK(pop.meetings.empty());
  CHECK(create_population(met, RandomStreams(met.run.seed, 0)).next_meeting.size() == pop.size());

  const ReplicationResult a = run_monte_carlo(lean, {}).front(), b = run_monte_carlo(met, {}).front();
  CHECK(test::same_bits(a.occupancy, b.occupancy));
  CHECK(test::same_bits(a.entries, b.entries));
  CHECK(test::same_bits(a.exits, b.exits));
  REQUIRE(a.cohorts.size() == 1);
  CHECK(test::same_bits(a.cohorts[0].status, b.cohorts[0].status));
  CHECK(test::same_bits(a.cohorts[0].survival, b.cohorts[0].survival));
  // The meetings were held, and only where there is casework.
  long long held_lean = 0, held_met = 0;
  for (const auto n : a.meetings_held) held_lean += n;
  for (const auto n : b.meetings_held) held_met += n;
  CHECK(held_lean == 0);
  CHECK(held_met > 5000);
  CHECK(a.cohorts[0].meeting_rate[0] == 0.0);
  CHECK(b.cohorts[0].meeting_rate[0] > 0.5);
}

TEST_CASE("a citizen's hazards change in the week it reaches a new age band where they depend on age", "[stat]") {
  // Ages uniform on [29, 31) at the start; only the 30-year-olds may leave cash benefit. The
  // 29-year-olds leave only once they turn 30 (uniformly over the first year), so after 52
  // weeks the exits are half of 1 - e^(-0.1 * 52) plus half of its average over the week the
  // band is reached.
  test::TempDir dir;
  std::string text = test::two_state_scenario("\n[attributes]\nage_bands = [29, 30, 31]\n");
  text.replace(text.find("baseline = 0.05"), 15, "baseline = 0.1\nlog_effects = { \"age:29-29\" = -20.0 }");
  text.replace(text.find("baseline = 0.01"), 15, "baseline = 0.0");
  Params p = load_scenario(dir.write("ages.toml", text), {"population.size=4000", "weeks=53"}).params;
  for (CitizenId i = 0; i < 4000; i += 4) p.run.traced.push_back(i);
  const ReplicationResult r = run_replication(p, HazardModel(p), 0, 1);
  const double n = 4000, left = r.occupancy[cell(p, 52, 0, index_of(State::self_support), kStates)] / n;
  double young = 0.0;
  for (int t = 0; t < 52; ++t) young += (1.0 - std::exp(-0.1 * (52 - t - 0.5))) / 52.0;
  const double expected = 0.5 * (1.0 - std::exp(-0.1 * 52)) + 0.5 * young;
  // Binomial error, and a week either way for where birthdays fall against week boundaries (the
  // young half's exits shift by at most a 52nd).
  const double tolerance = 5 * std::sqrt(expected * (1 - expected) / n) + 0.5 / 52;
  INFO("left " << left << ", expected " << expected);
  CHECK(std::abs(left - expected) < tolerance);
  // Citizen by citizen: nobody leaves while 29, and many leave after turning 30.
  std::vector<TracedWeek> lives = r.trace;  // week by week, each week all traced citizens
  std::stable_sort(lives.begin(), lives.end(),
                   [](const TracedWeek& a, const TracedWeek& b) { return a.citizen < b.citizen; });
  int left_young = 0, left_after_birthday = 0;
  for (std::size_t k = 1; k < lives.size(); ++k) {
    const TracedWeek &before = lives[k - 1], &after = lives[k];
    if (before.citizen != after.citizen || before.state == after.state) continue;
    const int age = (before.week - before.birth_week) * 7 / 365;  // in the week of the move
    const int age_at_start = (0 - before.birth_week) * 7 / 365;
    left_young += age < 30;
    left_after_birthday += age_at_start < 30;
  }
  CHECK(left_young == 0);
  CHECK(left_after_birthday > 300);
}
