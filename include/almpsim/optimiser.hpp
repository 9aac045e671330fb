#pragma once
/// Fitting scenario parameters to published numbers with a derivative-free optimiser (NLopt).
#include <functional>
#include <string>
#include <vector>

namespace almpsim {

struct OptimiserResult {
  std::vector<double> x;  ///< best point found, in the unit cube
  double value = 0.0;
  int evaluations = 0;
  std::string status;
};

/// Minimises f over [0,1]^n from x0 with an NLopt local derivative-free algorithm
/// ("sbplx", "neldermead", "bobyqa" or "cobyla"), at most max_evaluations calls.
OptimiserResult minimise(const std::function<double(const std::vector<double>&)>& f, std::vector<double> x0,
                         const std::string& algorithm, int max_evaluations);

/// Maps a unit-cube coordinate to a parameter value: log-uniform between the bounds of a
/// scale factor, linear for a range.
double from_unit(double u, bool scale, double lower, double upper);
/// The inverse of from_unit, clamped to [0, 1].
double to_unit(double value, bool scale, double lower, double upper);

/// One fitted published number: its simulated mean and its weight in the objective.
struct FitTerm {
  double published, simulated, standard_error;
};
/// The calibration objective: sum of ((simulated - published) / standard error)^2.
double fit_objective(const std::vector<FitTerm>& terms);

}  // namespace almpsim
