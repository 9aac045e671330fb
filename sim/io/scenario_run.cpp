#include "almpsim/scenario_run.hpp"

#include "almpsim/memory.hpp"
#include "almpsim/trial.hpp"

namespace almpsim {

LoadedScenario prepare_run(const RunRequest& request) {
  LoadedScenario loaded = load_scenario(request.scenario, request.overrides);
  Params& params = loaded.params;
  if (request.replications > 0) params.run.replications = request.replications;
  if (request.seed >= 0) params.run.seed = static_cast<std::uint64_t>(request.seed);
  if (request.scale != 1.0) scale_population(params, request.scale);
  params.run.register_spells = request.register_spells;
  require_memory(params, request.threads, request.scenario);
  return loaded;
}

RunMetadata run_metadata_of(const LoadedScenario& loaded, const RunRequest& request) {
  return run_metadata(loaded, loaded.params, request.scenario, request.command_line);
}

void write_run(const Params& params, const RunMetadata& meta, OutputTarget& target,
               const std::vector<ReplicationResult>& results) {
  write_results(target, params, meta, results);
  target.commit();
}

std::vector<ReplicationResult> run_to_target(const LoadedScenario& loaded, const RunRequest& request,
                                             OutputTarget& target, const MonteCarloOptions& options) {
  const RunMetadata meta = run_metadata_of(loaded, request);
  std::vector<ReplicationResult> results = run_monte_carlo(loaded.params, options);
  write_run(loaded.params, meta, target, results);
  return results;
}

}  // namespace almpsim
