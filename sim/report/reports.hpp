#pragma once
// The reports of a results file as one text: JSON for scripts, HTML pages to read.
#include <string>

#include "almpsim/output.hpp"
#include "published_rows.hpp"

namespace almpsim::report {

class HtmlPage;

/// A run's cohort measures, trial statistics, sites and published tables as JSON (the numbers
/// of the text report).
std::string run_report_json(const StoredRun& run, const PublishedComparison& published);

/// The report of a run file. Throws OutputError.
std::string run_report_html(const std::string& path);

/// The report of a sweep file, its points compared with `reference_point` (from 1, valid).
/// Throws OutputError.
std::string sweep_report_html(const std::string& path, int reference_point);

/// The file's manifest (program, command, seed, scenario file) and the resolved scenario.
void manifest(HtmlPage& page, const std::string& path);

}  // namespace almpsim::report
