// Calibration as a study: with targets computed from known parameter values and the same
// draws (common random numbers), the fit finds those values again from a start away from them.
#include "almpsim/calibration.hpp"

#include <cmath>
#include <cstdio>

#include "almpsim/engine.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {

// Two stock cohorts of one two-state population (20,000 citizens), measured early (job finding) and late (the
// balance of job finding and job loss): together they identify both hazards.
const std::string kSize = "population.size=20000";
const std::string kScenario = test::two_state_scenario(R"(
[[actors]]
name = "jc"
assignment = { rule = "rest" }
[[cohorts]]
name = "early"
kind = "stock"
states = ["cash_benefit"]
at = 2020-01-06
measure_at = 2020-03-16
[[cohorts]]
name = "late"
kind = "stock"
states = ["cash_benefit"]
at = 2020-01-06
measure_at = 2020-07-27
[targets]
file = "targets.csv"
[calibration]
replications = 4
max_evaluations = 400
[[calibration.free]]
key = "hazards.cash_benefit.self_support.baseline"
range = [0.02, 0.12]
[[calibration.free]]
key = "hazards.self_support.cash_benefit.baseline"
range = [0.002, 0.03]
)");

/// The self-support share (percent) of each cohort at the scenario's values, as published numbers.
std::string targets_at_truth(const std::string& scenario) {
  Params p = load_scenario(scenario, {kSize}).params;
  p.run.replications = 4;
  const auto reps = run_monte_carlo(p, {});
  std::string csv = "table,use,cohort,actor,measure,category,states,activities,value,n,source\n";
  for (const char* cohort : {"early", "late"}) {
    Target t;
    t.cohort = cohort;
    t.actor = "jc";
    t.measure = "status_share";
    t.states[index_of(State::self_support)] = true;
    t.activities.fill(true);
    double mean = 0.0;
    for (const auto& r : reps) mean += simulated_value(t, {"early", "late"}, {"jc"}, r.cohorts) / 4.0;
    char row[200];
    std::snprintf(row, sizeof row, "T,fit,%s,jc,status_share,self-support,self_support,any,%.17g,20000,test\n", cohort,
                  mean);
    csv += row;
  }
  return csv;
}

}  // namespace

TEST_CASE("calibration recovers two hazards from targets made with them and the same draws", "[analysis]") {
  test::TempDir dir;
  const std::string scenario = dir.write("two_hazards.toml", kScenario);
  dir.write("targets.csv", "");  // the scenario names it; its numbers come from the scenario itself
  dir.write("targets.csv", targets_at_truth(scenario));
  CalibrationRequest request;
  request.scenario = scenario;
  // Start away from the truth (0.05, 0.01).
  request.overrides = {kSize, "hazards.cash_benefit.self_support.baseline=0.08",
                       "hazards.self_support.cash_benefit.baseline=0.02"};
  int evaluations = 0;
  request.on_evaluation = [&](int, int, double, double) { ++evaluations; };
  const Calibration fit = calibrate_scenario(request);
  REQUIRE(fit.values.size() == 2);
  INFO("fitted " << fit.values[0].values.at(0) << ", " << fit.values[1].values.at(0) << " after " << evaluations);
  REQUIRE(fit.record.rows.size() == 2);
  CHECK(fit.setting.replications == 4);
  CHECK(fit.setting.seed == 7);
  CHECK(evaluations == fit.record.evaluations);
  // Deterministic, not statistical: the optimiser stops within 1e-4 of the unit cube (1e-5 and
  // 3e-6 in these ranges), and with 80,000 simulated citizens a share moves in steps of 1.25e-5,
  // a hazard step of about 1e-5; 1e-4 leaves room for both and for the flat objective (found:
  // 0.049991 and 0.009977 after 111 evaluations).
  CHECK(fit.values[0].values.at(0) == Approx(0.05).margin(1e-4));
  CHECK(fit.values[1].values.at(0) == Approx(0.01).margin(1e-4));
  for (const FitRow& row : fit.record.rows) CHECK(row.simulated == Approx(row.published).margin(0.05));
  // The fitted values, evaluated again, give the objective the fit reports.
  std::vector<double> means;
  const double again =
      evaluate_fit(scenario,
                   {kSize, "hazards.cash_benefit.self_support.baseline=" + std::to_string(fit.values[0].values[0]),
                    "hazards.self_support.cash_benefit.baseline=" + std::to_string(fit.values[1].values[0])},
                   fit.setting, means);
  CHECK(again == Approx(fit.record.objective).margin(0.05));
}

TEST_CASE("calibration refuses a scenario without free parameters or targets, naming the key", "[analysis]") {
  test::TempDir dir;
  const std::string scenario = dir.write("plain.toml", test::two_state_scenario());
  CalibrationRequest request;
  request.scenario = scenario;
  try {
    calibrate_scenario(request);
    FAIL("expected a ScenarioError");
  } catch (const ScenarioError& e) {
    CHECK(std::string(e.what()).find("calibration.free") != std::string::npos);
  }
}
