#pragma once
/// One run of a scenario into a results file, as `almpsim run` and python/almpsim's `run` make
/// it: the scenario loaded with its overrides, the run's options applied, the memory checked,
/// the replications run and the file written whole.
#include <string>
#include <vector>

#include "almpsim/engine.hpp"
#include "almpsim/output.hpp"
#include "almpsim/scenario.hpp"

namespace almpsim {

struct RunRequest {
  std::string scenario;                ///< the scenario file
  std::vector<std::string> overrides;  ///< --set KEY=VALUE, in order
  int replications = 0;                ///< the scenario's where 0
  long long seed = -1;                 ///< the scenario's where negative
  double scale = 1.0;                  ///< population, inflow and caseworkers (scale_population)
  bool register_spells = false;        ///< also /register/spells
  int threads = 1;
  std::string command_line;  ///< as /meta records it
};

/// The scenario as the run will simulate it. Throws ScenarioError (including a run that would
/// not fit in memory).
LoadedScenario prepare_run(const RunRequest& request);

/// What the results file records of the run (/meta). Throws ScenarioError if a targets file
/// does not fit the scenario, so it is made before simulating.
RunMetadata run_metadata_of(const LoadedScenario& loaded, const RunRequest& request);

/// Writes the replications' results to `target`, then commits it. Throws OutputError.
void write_run(const Params& params, const RunMetadata& meta, OutputTarget& target,
               const std::vector<ReplicationResult>& results);

/// Runs the prepared scenario and writes its results to `target` (write_run). Returns the
/// replications' results. Throws OutputError.
std::vector<ReplicationResult> run_to_target(const LoadedScenario& loaded, const RunRequest& request,
                                             OutputTarget& target, const MonteCarloOptions& options);

}  // namespace almpsim
