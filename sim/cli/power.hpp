#pragma once
// almpsim power: how often a trial between two actors finds their difference significant.
#include <string>
#include <vector>

namespace almpsim::cli {

struct PowerArgs {
  std::string scenario, arms, cohort;
  std::vector<std::string> overrides;
  std::vector<double> sizes;  ///< population factors (1 is the scenario's own size); default [power] or 1
  double alpha = -1.0;        ///< default: [power] alpha
  int replications = 0, threads = 1;
  long long seed = -1;
  bool json = false, quiet = false;
};

/// Prints the distribution of the trial tests and the power per cohort and size; returns the
/// exit status. Throws ScenarioError for bad input.
int power(const PowerArgs& args);

}  // namespace almpsim::cli
