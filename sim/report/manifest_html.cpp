// The manifest section every HTML report ends with: what made the file, and from what.
#include "almpsim/output.hpp"
#include "almpsim/report_inputs.hpp"
#include "html_page.hpp"
#include "reports.hpp"

namespace almpsim::report {

void manifest(HtmlPage& page, const std::string& path) {
  page.heading(2, "Manifest");
  std::vector<std::vector<std::string>> rows;
  for (const auto& [name, value] : read_manifest(path)) rows.push_back({name, value});
  rows.push_back({"results file", path});
  page.table({"", ""}, rows, 2);
  page.details("The scenario as run (resolved)", stored_scenario(path));
}

}  // namespace almpsim::report
