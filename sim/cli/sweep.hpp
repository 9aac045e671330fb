#pragma once
// almpsim sweep: run a scenario at every point of a grid or Latin hypercube of its keys.
#include <string>
#include <vector>

#include "ranks.hpp"

namespace almpsim::cli {

struct SweepArgs {
  std::string scenario, output;
  std::vector<std::string> overrides;
  std::vector<std::string> vary;  ///< "key=v1,v2,..." grid axes added on the command line
  int replications = 0, threads = 1;
  long long seed = -1;
  bool resume = false, quiet = false;
  bool register_spells = false;  ///< each point's spells, stacked as /sweep/register/spells
};

/// Returns the exit status; throws ScenarioError or OutputError like `run`.
int sweep(const SweepArgs& args, const Ranks& ranks, const std::string& command_line);

}  // namespace almpsim::cli
