#pragma once
/// Calibration as a study: a scenario's free parameters ([[calibration.free]]) fitted to its
/// published targets by simulation, with common random numbers across evaluations. The
/// program's `calibrate` command is a thin layer over this.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "almpsim/fitted_scenario.hpp"
#include "almpsim/targets.hpp"

namespace almpsim {

struct CalibrationRequest {
  std::string scenario;                ///< the scenario file
  std::vector<std::string> overrides;  ///< "key=value", as --set
  int replications = 0;                ///< per evaluation; 0: [calibration] replications
  int max_evaluations = 0;             ///< 0: [calibration] max_evaluations
  std::optional<std::uint64_t> seed;   ///< none: the scenario's
  int threads = 1;
  /// Called after each evaluation of the objective (its number, the budget, its value, the best).
  std::function<void(int evaluation, int budget, double value, double best)> on_evaluation;
};

/// How one set of parameter values is scored: the targets it is fitted to and the draws.
struct FitSetting {
  std::vector<Target> fitted;  ///< targets used by the fit, in file order
  int replications = 1;
  std::uint64_t seed = 1;
  int threads = 1;
};

/// The objective (sum of squared standardised errors) of a scenario file with overrides, and
/// the simulated mean of each fitted target. Throws ScenarioError for a bad scenario.
double evaluate_fit(const std::string& scenario, const std::vector<std::string>& overrides, const FitSetting& setting,
                    std::vector<double>& means);

struct Calibration {
  std::vector<FittedValue> values;  ///< one per free key, in the order of [[calibration.free]]
  FitRecord record;                 ///< objective, evaluations and published beside simulated
  FitSetting setting;               ///< what the objective was computed with
};

/// Checks the free parameters' bounds and the targets, then minimises the objective. Throws
/// ScenarioError for bad input (no free parameters, bounds the scenario refuses, no targets).
Calibration calibrate_scenario(const CalibrationRequest& request);

}  // namespace almpsim
