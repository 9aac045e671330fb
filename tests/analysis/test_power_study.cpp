// Power as a study: the scenario's [power] table gives the defaults, the request overrides
// them, and a larger municipality gives proportionally larger arms.
#include "almpsim/power_study.hpp"

#include <cmath>

#include "almpsim/stats.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
// A second cohort, and the defaults of a power study.
const char* kTrial = R"(
[[cohorts]]
name = "later"
states = ["cash_benefit"]
at = 2020-03-02
measure_at = 2020-07-27
[power]
arms = ["a", "b"]
sizes = [1, 2]
alpha = 0.05
)";
}  // namespace

TEST_CASE("a power study takes its arms, sizes and level from [power] unless asked otherwise", "[analysis]") {
  test::TempDir dir;
  PowerRequest request;
  request.scenario = dir.write("trial.toml", test::null_trial(kTrial));
  request.overrides = {"population.size=600"};
  request.replications = 40;
  const PowerStudy study = run_power_study(request);
  CHECK(study.arms == std::vector<std::string>{"a", "b"});
  CHECK(study.alpha == 0.05);
  CHECK(study.replications == 40);
  // One block per cohort in scenario order, sizes in the order given.
  REQUIRE(study.rows.size() == 4);
  CHECK(study.rows[0].cohort == "stock");
  CHECK(study.rows[0].factor == 1.0);
  CHECK(study.rows[1].factor == 2.0);
  CHECK(study.rows[2].cohort == "later");
  // Each arm holds about half of 600 (binomial sd 12.2 per replication); twice the size gives
  // twice as many. Tolerance: 4 standard errors of the difference of the two means.
  const double one = summarise(study.rows[0].members_a).mean, two = summarise(study.rows[1].members_a).mean;
  const double se = std::sqrt(4 * 300 * 0.25 / 40.0 + 600 * 0.25 / 40.0);
  CHECK(std::abs(two - 2 * one) <= 4 * se);
  CHECK(study.rows[0].members_a.size() == 40);

  request.arms = {"b", "a"};
  request.cohort = "later";
  request.sizes = {1};
  request.alpha = 0.2;
  const PowerStudy asked = run_power_study(request);
  CHECK(asked.arms == std::vector<std::string>{"b", "a"});
  CHECK(asked.alpha == 0.2);
  REQUIRE(asked.rows.size() == 1);
  CHECK(asked.rows[0].cohort == "later");
}

TEST_CASE("a power study names an unknown arm and lists the actors", "[analysis]") {
  test::TempDir dir;
  PowerRequest request;
  request.scenario = dir.write("trial.toml", test::null_trial(kTrial));
  request.arms = {"a", "agens"};
  try {
    run_power_study(request);
    FAIL("expected a ScenarioError");
  } catch (const ScenarioError& e) {
    CHECK(std::string(e.what()).find("actors: a, b") != std::string::npos);
  }
}

TEST_CASE("the power is the share of p-values below the level", "[unit]") {
  CHECK(share_below({0.01, 0.2, 0.04, 0.5}, 0.05) == 0.5);
  CHECK(std::isnan(share_below({}, 0.05)));
}
