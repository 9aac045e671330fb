#pragma once
// almpsim report --format html: a results or sweep file as one self-contained page.
#include <string>

namespace almpsim::report {

class HtmlPage;

/// The report of a run file. Throws OutputError.
std::string run_report_html(const std::string& path);

/// The report of a sweep file, its points compared with `reference_point` (from 1, valid).
/// Throws OutputError.
std::string sweep_report_html(const std::string& path, int reference_point);

/// The file's manifest (program, command, seed, scenario file) and the resolved scenario.
void manifest(HtmlPage& page, const std::string& path);

}  // namespace almpsim::report
