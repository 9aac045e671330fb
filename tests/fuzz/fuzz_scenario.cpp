// Any bytes given as a scenario file end in a result or in located problems (ScenarioError),
// never a crash, a hang, undefined behaviour or unbounded memory.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "almpsim/scenario.hpp"

namespace {
const std::string& scenario_path() {
  static const std::string path = [] {
    char dir[] = "/tmp/almpsim-fuzz-XXXXXX";
    if (!::mkdtemp(dir)) std::abort();
    return std::string(dir) + "/scenario.toml";
  }();
  return path;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    std::ofstream out(scenario_path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    const almpsim::LoadedScenario loaded = almpsim::load_scenario(scenario_path());
    (void)loaded;
  } catch (const almpsim::ScenarioError& e) {
    // Every problem is located: a key or a file, and a message.
    for (const auto& issue : e.issues())
      if (issue.message.empty() || issue.file.empty()) std::abort();
  }
  return 0;
}
