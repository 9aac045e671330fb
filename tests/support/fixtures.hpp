#pragma once
// Helpers shared by the tests: paths, scenario files written on the fly, running the CLI.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "almpsim/engine.hpp"
#include "almpsim/scenario.hpp"

namespace almpsim::test {

/// Equal bit for bit, so that NaN (an outcome with no members) equals NaN.
template <class T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

inline std::string source_path(const std::string& relative) {
  return std::string(ALMPSIM_SOURCE_DIR) + "/" + relative;
}

/// A directory of its own for one test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    char pattern[] = "/tmp/almpsim-test-XXXXXX";
    path_ = ::mkdtemp(pattern);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(file(name)) << text;
    return file(name);
  }
  const std::string& path() const { return path_; }
  std::vector<std::string> entries() const {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(path_)) out.push_back(e.path().filename().string());
    return out;
  }

 private:
  std::string path_;
};

struct CommandResult {
  int status = -1;
  std::string output;  // standard output and error together
};

/// Runs a shell command line; its standard output and error together.
inline CommandResult run_shell(const std::string& command) {
  CommandResult r;
  FILE* pipe = ::popen(("(" + command + ") 2>&1").c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) r.output.append(buf, n);
  const int raw = ::pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

/// Runs the almpsim program with arguments (shell-quoted by the caller where needed), after
/// `shell_setup` (e.g. "ulimit -f 100; ") in the same shell.
inline CommandResult run_cli(const std::string& args, const std::string& shell_setup = "") {
  return run_shell(shell_setup + std::string(ALMPSIM_BINARY) + " " + args);
}

/// Index of week w, actor a, column k of a [week][actor][width] series of a run of `p`.
inline std::size_t cell(const Params& p, Week w, std::size_t a, int k, int width) {
  return (static_cast<std::size_t>(w) * static_cast<std::size_t>(p.actor_count()) + a) *
             static_cast<std::size_t>(width) +
         static_cast<std::size_t>(k);
}

/// Loads a shipped scenario with overrides.
inline Params shipped(const std::string& name, const std::vector<std::string>& overrides = {}) {
  return load_scenario(source_path("scenarios/" + name), overrides).params;
}

/// A small two-state scenario text (cash benefit <-> self-support) to build tests on.
inline std::string two_state_scenario(const std::string& extra = "") {
  return R"(
start = 2020-01-06
weeks = 30
seed = 7
[population]
size = 2000
state_shares = { cash_benefit = 1.0 }
[hazards.cash_benefit.self_support]
baseline = 0.05
[hazards.self_support.cash_benefit]
baseline = 0.01
)" + extra;
}

/// One stock cohort of cash benefit at two_state_scenario's start, followed for 21 weeks.
inline const std::string kStockCohort = R"(
[[cohorts]]
name = "stock"
states = ["cash_benefit"]
at = 2020-01-06
measure_at = 2020-06-01
)";

/// Two identical arms over two_state_scenario: actor a takes half of the citizens at random,
/// actor b the rest; kStockCohort.
inline std::string null_trial(const std::string& extra = "") {
  return two_state_scenario(R"(
[[actors]]
name = "a"
assignment = { rule = "random_share", share = 0.5 }
[[actors]]
name = "b"
assignment = { rule = "rest" }
)" + kStockCohort + extra);
}

}  // namespace almpsim::test
