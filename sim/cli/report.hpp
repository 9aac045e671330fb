#pragma once
// almpsim report: published tables beside the simulated ones, and the trial statistics.
#include <string>

namespace almpsim::cli {

/// Prints the report of a results file as text or JSON; returns the exit status.
/// `reference_point` (from 1) is the point a sweep's points are compared with; 0: the first,
/// and for a run file, none.
int report(const std::string& path, bool json, int reference_point = 0);
/// The report of a sweep file: outcomes per point, their paired difference from the reference
/// point and the main effect of each swept key.
int report_sweep(const std::string& path, bool json, int reference_point);
/// The report of a results or sweep file as one self-contained HTML page, written to `output`
/// (empty: standard output).
int report_html(const std::string& path, int reference_point, const std::string& output);

}  // namespace almpsim::cli
