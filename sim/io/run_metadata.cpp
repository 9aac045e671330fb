#include <fstream>
#include <iterator>

#include "almpsim/output.hpp"
#include "almpsim/targets.hpp"

namespace almpsim {

RunMetadata run_metadata(const LoadedScenario& loaded, const Params& params, const std::string& scenario_file,
                         const std::string& command_line) {
  RunMetadata meta;
  meta.version = ALMPSIM_VERSION;
  meta.command_line = command_line;
  meta.scenario_file = scenario_file;
  meta.resolved_scenario = loaded.resolved_text;
  meta.seed = params.run.seed;
  // Published numbers travel inside the results file, checked against the scenario first.
  if (!loaded.study.targets_file.empty()) {
    check_targets(read_targets(loaded.study.targets_file), params, loaded.study.targets_file);
    std::ifstream in(loaded.study.targets_file);
    meta.targets_csv.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    meta.targets_file = loaded.study.targets_file;
  }
  return meta;
}

}  // namespace almpsim
