// almpsim report --format html: the page written whole or not at all.
#include <cstdio>

#include "almpsim/output.hpp"
#include "exit_status.hpp"
#include "output_path.hpp"
#include "report.hpp"
#include "report/reports.hpp"

namespace almpsim::cli {

int report_html(const std::string& path, int reference_point, const std::string& output) {
  if (would_replace_input(path, output)) return kExitBadInput;
  std::string page;
  if (is_sweep_file(path)) {
    const std::size_t points = stored_sweep_scenarios(path).size();
    const int reference = reference_point == 0 ? 1 : reference_point;
    if (static_cast<std::size_t>(reference) > points) {
      std::fprintf(stderr, "error: --reference %d: the sweep has points 1 to %zu\n", reference, points);
      return kExitBadInput;
    }
    page = report::sweep_report_html(path, reference);
  } else {
    if (reference_point != 0) {
      std::fprintf(stderr, "error: --reference: %s is not a sweep file (to compare two runs, use almpsim compare)\n",
                   path.c_str());
      return kExitBadInput;
    }
    page = report::run_report_html(path);
  }
  write_text_output(output, [&](std::ostream& out) { out << page; });
  if (!output.empty()) std::fprintf(stderr, "wrote %s\n", output.c_str());
  return 0;
}

}  // namespace almpsim::cli
