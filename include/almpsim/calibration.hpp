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
#include "almpsim/study.hpp"
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

/// A prior on the value at a scenario key (one element of an array, or its only number).
struct PriorTerm {
  std::string key;
  std::optional<int> index;
  Prior prior;
};

/// How one set of parameter values is scored: the targets it is fitted to, the priors on
/// free parameters, and the draws.
struct FitSetting {
  std::vector<Target> fitted;     ///< targets used by the fit, in file order
  std::vector<PriorTerm> priors;  ///< of the free parameters that carry one, in their order
  int replications = 1;
  std::uint64_t seed = 1;
  int threads = 1;
};

/// One evaluation of the objective, in its two parts.
struct FitScore {
  double tables = 0.0;               ///< sum over fitted targets of ((simulated - published) / se)^2
  double priors = 0.0;               ///< sum over priors of ((value - mean) / sd)^2
  std::vector<double> means;         ///< simulated mean of each fitted target
  std::vector<double> prior_values;  ///< the scenario's value at each prior's key
  double objective() const { return tables + priors; }
};

/// Scores a scenario file with overrides. Throws ScenarioError for a bad scenario.
FitScore evaluate_fit(const std::string& scenario, const std::vector<std::string>& overrides,
                      const FitSetting& setting);

struct Calibration {
  std::vector<FittedValue> values;  ///< one per free key, in the order of [[calibration.free]]
  FitRecord record;                 ///< objective, evaluations and published beside simulated
  FitSetting setting;               ///< what the objective was computed with
};

/// Checks the free parameters' bounds and the targets, then minimises the objective. Throws
/// ScenarioError for bad input (no free parameters, bounds the scenario refuses, no targets).
Calibration calibrate_scenario(const CalibrationRequest& request);

}  // namespace almpsim
