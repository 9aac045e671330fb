#pragma once
/// Loading a scenario: TOML with `extends` and command-line overrides, every key checked.
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "almpsim/params.hpp"
#include "almpsim/study.hpp"

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

/// An override "dotted.key=value" and where the user wrote it, so that a problem it causes is
/// reported there.
struct Override {
  explicit Override(std::string text_, std::string origin_ = "--set", int position_ = 0)
      : text(std::move(text_)), origin(std::move(origin_)), position(position_) {}
  std::string text;
  std::string origin = "--set";  ///< "--set", "--vary", or the scenario file of a [[sweep.vary]] entry
  int position = 0;              ///< which --set or --vary argument (from 1), or the file's line
};

/// --set arguments in command-line order.
std::vector<Override> set_overrides(const std::vector<std::string>& texts);

/// One spelling of a dotted key, parts quoted only where TOML needs it, so that two spellings
/// of the same key (log_effects."sex:male" and log_effects.'sex:male') compare equal.
std::string canonical_key(const std::string& dotted);

struct LoadedScenario {
  Params params;
  StudySpec study;
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
/// load_scenario with overrides that say where they were written (--vary, a sweep entry).
LoadedScenario load_scenario_with(const std::string& path, const std::vector<Override>& overrides);

/// The number, or the numbers of an array, at a dotted key of the resolved scenario (entries
/// of [[actors]], [[cohorts]] and [[shocks]] by name). Throws ScenarioError if there is none.
std::vector<double> scenario_numbers(const std::string& path, const std::vector<std::string>& overrides,
                                     const std::string& key);

}  // namespace almpsim
