#pragma once
// almpsim trace: the weeks of a few citizens' lives in one replication, as the full run has them.
#include <string>
#include <vector>

namespace almpsim::cli {

struct TraceArgs {
  std::string scenario;
  std::vector<std::string> overrides;
  std::vector<long long> citizens;  ///< ids (0 is the first of the initial stock)
  int sample = 0;                   ///< or this many of the initial stock, drawn from the seed
  int replication = 0;
  int threads = 1;
  long long seed = -1;
  bool json = false;
};

/// Prints each traced citizen's weeks; returns the exit status. Throws ScenarioError for bad input.
int trace(const TraceArgs& args);

}  // namespace almpsim::cli
