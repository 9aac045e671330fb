#pragma once
// The points of a sweep, each loaded and checked before anything runs: shared by `sweep` and
// `decompose`.
#include <string>
#include <vector>

#include "almpsim/scenario.hpp"
#include "almpsim/sweep_design.hpp"

namespace almpsim::cli {

struct SweepPlan {
  LoadedScenario base;                    ///< the scenario with the command line's overrides
  SweepSpec spec;                         ///< its [sweep] with --vary axes added
  std::vector<SweepPoint> points;         ///< in the design's order
  std::vector<LoadedScenario> scenarios;  ///< the scenario at each point
};

/// The --set overrides, then replications and seed from the command line as overrides (0 and
/// -1: the scenario's), so that every point's stored scenario records them.
std::vector<Override> run_overrides(const std::vector<std::string>& sets, int replications, long long seed);

/// The scenario's [sweep] with the --vary axes, and every point loaded. Throws ScenarioError
/// for a bad axis or point, or when there is nothing to sweep.
SweepPlan plan_sweep(const std::string& scenario, const std::vector<Override>& overrides,
                     const std::vector<std::string>& vary);

}  // namespace almpsim::cli
