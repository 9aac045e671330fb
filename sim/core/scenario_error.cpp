#include "almpsim/scenario.hpp"

namespace almpsim {

std::string ScenarioIssue::str() const {
  std::string s = file;
  if (line > 0) s += ":" + std::to_string(line);
  s += ": ";
  if (!key.empty()) s += key + ": ";
  return s + message;
}

ScenarioError::ScenarioError(std::vector<ScenarioIssue> issues) : issues_(std::move(issues)) {
  for (const auto& i : issues_) text_ += (text_.empty() ? "" : "\n") + i.str();
}

}  // namespace almpsim
