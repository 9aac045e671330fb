#pragma once
// almpsim calibrate: fit a scenario's free parameters to its published targets.
#include <string>
#include <vector>

namespace almpsim::cli {

struct CalibrateArgs {
  std::string scenario, output;
  std::vector<std::string> overrides;
  int replications = 0, max_evaluations = 0, threads = 1;
  long long seed = -1;
  bool quiet = false;
};

/// Returns the exit status; throws ScenarioError or OutputError like `run`.
int calibrate(const CalibrateArgs& args);

}  // namespace almpsim::cli
