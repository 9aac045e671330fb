#pragma once
/// Loading a scenario: TOML with `extends` and command-line overrides, every key checked.
#include <exception>
#include <string>
#include <vector>

#include "almpsim/params.hpp"

namespace almpsim {

/// One problem found in a scenario, located at a file, a line and a key.
struct ScenarioIssue {
  std::string file;
  int line = 0;
  std::string key;
  std::string message;
  /// "file:line: key: message" (the line is left out when unknown).
  std::string str() const;
};

/// Thrown when a scenario cannot be used; holds every problem found, in file order.
class ScenarioError : public std::exception {
 public:
  explicit ScenarioError(std::vector<ScenarioIssue> issues);
  const std::vector<ScenarioIssue>& issues() const { return issues_; }
  const char* what() const noexcept override { return text_.c_str(); }

 private:
  std::vector<ScenarioIssue> issues_;
  std::string text_;
};

struct LoadedScenario {
  Params params;
  /// The scenario after `extends` and overrides, as TOML: what /meta records.
  std::string resolved_text;
  /// Remarks on a valid scenario, e.g. an override that also reaches an actor extending the
  /// one it names.
  std::vector<std::string> notes;
};

/// Reads `path`, follows `extends`, applies `overrides` ("dotted.key=value", the value in
/// TOML syntax or a bare string), checks every key and resolves the parameters.
/// Throws ScenarioError listing every problem.
LoadedScenario load_scenario(const std::string& path, const std::vector<std::string>& overrides = {});

/// The number, or the numbers of an array, at a dotted key of the resolved scenario (entries
/// of [[actors]], [[cohorts]] and [[shocks]] by name). Throws ScenarioError if there is none.
std::vector<double> scenario_numbers(const std::string& path, const std::vector<std::string>& overrides,
                                     const std::string& key);

}  // namespace almpsim
