#pragma once
// almpsim report: published tables beside the simulated ones, and the trial statistics.
#include <string>

namespace almpsim::cli {

/// Prints the report of a results file as text or JSON; returns the exit status.
int report(const std::string& path, bool json);
/// The report of a sweep file: outcomes per point and their response to each swept key.
int report_sweep(const std::string& path, bool json);

}  // namespace almpsim::cli
