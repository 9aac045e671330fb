#include <cmath>

#include "almpsim/trial.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

TEST_CASE("two identical actors are found different at rate alpha", "[stat]") {
  // A null trial: both arms follow the same rules, citizens split at random. The share of
  // replications in which the self-support difference is significant at alpha must be alpha,
  // within three binomial standard errors of the replication count.
  test::TempDir dir;
  Params p =
      load_scenario(dir.write("null.toml", test::null_trial()), {"replications=1000", "population.size=600"}).params;
  const auto results = run_monte_carlo(p, {2, {}});
  const double alpha = 0.10;
  int tested = 0, rejected_difference = 0, rejected_chi_square = 0;
  for (const auto& r : results) {
    const TrialTest t = trial_test(r.cohorts[0], 0, 1);
    REQUIRE(t.valid);
    ++tested;
    rejected_difference += t.difference_p_value < alpha;
    rejected_chi_square += t.chi_square.p_value < alpha;
  }
  const double se = std::sqrt(alpha * (1 - alpha) / tested);
  const double rate_difference = double(rejected_difference) / tested;
  const double rate_chi_square = double(rejected_chi_square) / tested;
  INFO("false-positive rate, difference " << rate_difference << ", chi-square " << rate_chi_square << ", se " << se);
  CHECK(std::abs(rate_difference - alpha) < 3 * se);
  CHECK(std::abs(rate_chi_square - alpha) < 3 * se);
}

TEST_CASE("scaling the population scales every cohort", "[unit]") {
  test::TempDir dir;
  Params p = load_scenario(dir.write("s.toml", test::two_state_scenario(R"(
[inflow]
cash_benefit = 10.0
[[actors]]
name = "team"
caseworkers = { cash_benefit = 4.0 }
)")))
                 .params;
  const auto cash = index_of(State::cash_benefit);
  scale_population(p, 2.5);
  CHECK(p.population.size == 5000);
  CHECK(p.inflow_rate[cash][0] == Approx(25.0));
  CHECK(p.actors[0].caseworkers[cash][0] == Approx(10.0));  // the same caseload per caseworker
}

TEST_CASE("sites pooled as one trial add up their arms and count a shared control once", "[unit]") {
  // Actors: two arms (0, 1), their controls (2 for both, and 3 unused by any arm).
  CohortOutcome o;
  o.members = {100, 300, 200, 50};
  o.self_support_share = {0.30, 0.10, 0.20, 0.90};
  o.status.assign(4 * kStates, 0.0);
  for (std::size_t a = 0; a < 4; ++a) {
    o.status[a * kStates + index_of(State::self_support)] = o.self_support_share[a];
    o.status[a * kStates + index_of(State::cash_benefit)] = 1 - o.self_support_share[a];
  }
  const TrialTest t = pooled_trial_test(o, {{0, 2}, {1, 2}});
  REQUIRE(t.valid);
  // Arms: (30 + 30) / 400 = 0.15; controls: 0.20 of 200, counted once.
  CHECK(t.difference == Approx(0.15 - 0.20));
  CHECK(t.difference_se == Approx(std::sqrt(0.15 * 0.85 / 400 + 0.20 * 0.80 / 200)));
  // One site alone is the ordinary test.
  const TrialTest one = pooled_trial_test(o, {{0, 2}});
  const TrialTest direct = trial_test(o, 2, 0);
  CHECK(one.difference == Approx(direct.difference));
  CHECK(one.difference_se == Approx(direct.difference_se));
  CHECK(one.chi_square.statistic == Approx(direct.chi_square.statistic));
}
