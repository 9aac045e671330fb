// Calibration as a study: with targets computed from known parameter values and the same
// draws (common random numbers), the fit finds those values again from a start away from them.
#include "almpsim/calibration.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>

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
    for (const auto& r : reps) mean += simulated_value(t, {{"early", "late"}, {"jc"}}, r.cohorts) / 4.0;
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
  const double again =
      evaluate_fit(scenario,
                   {kSize, "hazards.cash_benefit.self_support.baseline=" + std::to_string(fit.values[0].values[0]),
                    "hazards.self_support.cash_benefit.baseline=" + std::to_string(fit.values[1].values[0])},
                   fit.setting)
          .objective();
  CHECK(again == Approx(fit.record.objective).margin(0.05));
  CHECK(fit.record.priors.empty());
  CHECK(fit.record.at_bound.empty());
}

/// A scenario extending the two-hazard one with its own [[calibration.free]] entries, fitted
/// to targets made at the truth (0.05, 0.01) with the same draws.
Calibration fit_with_free(test::TempDir& dir, const std::string& free) {
  const std::string truth = dir.write("two_hazards.toml", kScenario);
  dir.write("targets.csv", "");
  dir.write("targets.csv", targets_at_truth(truth));
  CalibrationRequest request;
  request.scenario = dir.write("variant.toml", "extends = \"two_hazards.toml\"\n" + free);
  request.overrides = {kSize};
  return calibrate_scenario(request);
}

TEST_CASE("a prior pulls the fit from the tables towards the evidence", "[analysis]") {
  test::TempDir dir;
  // Evidence that the job-finding hazard is 0.08 (sd 0.005), against tables made at 0.05.
  const Calibration fit = fit_with_free(dir, R"([[calibration.free]]
key = "hazards.cash_benefit.self_support.baseline"
range = [0.02, 0.12]
prior = { mean = 0.08, sd = 0.005, source = "a study of the same population" }
[[calibration.free]]
key = "hazards.self_support.cash_benefit.baseline"
range = [0.002, 0.03]
)");
  REQUIRE(fit.values.size() == 2);
  const double found = fit.values[0].values.at(0);
  INFO("fitted " << found << ", " << fit.values[1].values.at(0));
  // Pulled from the tables' 0.05 towards the evidence's 0.08, and all the way to neither: the
  // tables' standard errors (about 0.3 points on 20,000) weigh against a 6-sd miss of the prior.
  CHECK(found > 0.05 + 1e-3);
  CHECK(found < 0.08 - 1e-3);
  REQUIRE(fit.record.priors.size() == 1);
  const PriorRow& prior = fit.record.priors[0];
  CHECK(prior.key == "hazards.cash_benefit.self_support.baseline");
  CHECK(prior.fitted == Approx(found).epsilon(1e-9));  // as written to the scenario, 10 digits
  CHECK(prior.source == "a study of the same population");
  const double z = (prior.fitted - 0.08) / 0.005;
  CHECK(fit.record.objective == Approx(fit.record.tables_objective + z * z).epsilon(1e-12));
  CHECK(fit.record.tables_objective > 0.0);
  CHECK(fit.record.at_bound.empty());
}

TEST_CASE("a free parameter the fit leaves at a bound is reported", "[analysis]") {
  test::TempDir dir;
  // The job-finding hazard's range stops below its truth of 0.05; job loss may reach 0.002.
  const Calibration fit = fit_with_free(dir, R"([[calibration.free]]
key = "hazards.cash_benefit.self_support.baseline"
range = [0.02, 0.04]
[[calibration.free]]
key = "hazards.self_support.cash_benefit.baseline"
range = [0.002, 0.03]
)");
  INFO("fitted " << fit.values[0].values.at(0) << ", " << fit.values[1].values.at(0));
  // Too few leave cash benefit, so the fit also keeps as many as it can out of it: job loss
  // goes to the bottom of its range. Both are where the optimiser stopped.
  REQUIRE(fit.record.at_bound.size() == 2);
  CHECK(fit.record.at_bound[0] == "hazards.cash_benefit.self_support.baseline (upper bound)");
  CHECK(fit.record.at_bound[1] == "hazards.self_support.cash_benefit.baseline (lower bound)");
}

TEST_CASE("the fit record keeps an effect's arm and control apart", "[analysis]") {
  test::TempDir dir;
  const std::string base = dir.write("base.toml", kScenario);
  FitRecord record;
  record.rows.push_back({"T", "stock", "arm", "control", "self_support_weeks", "effect", 5.0, 4.5});
  record.rows.push_back({"T", "stock", "arm", "", "status_share", "level", 30.0, 31.0});
  const std::string out = dir.file("fitted.toml");
  write_fitted_scenario(out, base, {}, record);
  std::ifstream in(out);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("actor = 'arm'") != std::string::npos);
  CHECK(text.find("versus = 'control'") != std::string::npos);
  CHECK(text.find("versus") == text.rfind("versus"));  // the level has none
  CHECK(text.find("arm - control") == std::string::npos);
}
