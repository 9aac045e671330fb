#pragma once
// almpsim decompose: each point of a sweep against a reference point, split by channel.
#include <string>
#include <vector>

namespace almpsim::cli {

struct DecomposeArgs {
  std::string scenario;
  std::vector<std::string> overrides, vary;
  std::string channels;  ///< "threat,lock_in,..."; empty: every channel the model has
  std::string measures = "self_support_share";
  std::string cohort;  ///< empty: every cohort
  int reference = 1;   ///< the point compared with, counted from 1 as printed
  int replications = 0, threads = 1;
  long long seed = -1;
  bool json = false, quiet = false;
};

/// Returns the exit status; throws ScenarioError for bad input.
int decompose(const DecomposeArgs& args);

}  // namespace almpsim::cli
