#pragma once
// almpsim trace: the weeks of a few citizens' lives in one replication, as the full run has them.
#include <string>

#include "report/citizen_stories.hpp"

namespace almpsim::cli {

struct TraceArgs : report::TraceRequest {
  std::string format = "text";  ///< text, json or html
  std::string output;           ///< the page (html); empty: standard output
};

/// Prints each traced citizen's weeks and meetings; returns the exit status. Throws
/// ScenarioError for bad input.
int trace(const TraceArgs& args);

}  // namespace almpsim::cli
