#include "html_page.hpp"

#include "markup.hpp"

namespace almpsim::report {

namespace {

constexpr const char* kStyle = R"(
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; max-width: 1180px;
       margin: 0 auto; padding: 1.5em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.3em; border-bottom: 1px solid #ccc; margin-top: 2em; }
h3 { font-size: 1.05em; margin-top: 1.5em; }
nav ul { columns: 2; list-style: none; padding-left: 0; }
nav li.sub { padding-left: 1.2em; font-size: 0.93em; }
table { border-collapse: collapse; margin: 0.6em 0 1em; font-size: 0.92em; }
th, td { padding: 0.2em 0.7em; border-bottom: 1px solid #e4e4e4; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.flag { color: #b00020; font-weight: bold; }
.figures { display: flex; flex-wrap: wrap; gap: 1em; }
figure { margin: 0.5em 0 1em; width: min-content; }
figcaption { font-size: 0.88em; color: #555; max-width: 680px; }
svg.chart { font: 11px system-ui, sans-serif; display: block; }
svg .chart-title { font-size: 12.5px; font-weight: 600; }
svg .tick { fill: #444; }
svg .axis-label { fill: #333; }
svg .grid { stroke: #e6e6e6; }
svg .axis { stroke: #777; }
svg .zero { stroke: #333; stroke-dasharray: 4 3; }
svg .line { fill: none; stroke-width: 2; }
svg .line.thin { stroke-width: 1.2; opacity: 0.7; }
svg .band { opacity: 0.18; stroke: none; }
svg .whisker { fill: none; stroke-width: 1.3; }
svg .interval { stroke-width: 3; opacity: 0.75; }
svg .published { fill: #222; }
svg .published.outside { fill: #b00020; }
svg .shading { fill: #888; opacity: 0.16; }
svg .lane { fill: #f3f3f3; }
svg .shading-label { fill: #555; font-size: 10px; }
pre { background: #f7f7f7; padding: 0.8em; overflow-x: auto; font-size: 0.85em; }
@media print { nav { display: none; } h2 { break-before: page; } figure { break-inside: avoid; } }
)";

std::string anchor(std::size_t i) {
  return "s" + std::to_string(i + 1);
}

}  // namespace

HtmlPage::HtmlPage(const std::string& title) : title_(title) {}

void HtmlPage::heading(int level, const std::string& text) {
  if (level == 2 || level == 3) {
    body_ << "<h" << level << " id=\"" << anchor(contents_.size()) << "\">" << escape(text) << "</h" << level << ">\n";
    contents_.emplace_back(level, text);
    return;
  }
  body_ << "<h" << level << ">" << escape(text) << "</h" << level << ">\n";
}

void HtmlPage::paragraph(const std::string& text) {
  body_ << "<p>" << escape(text) << "</p>\n";
}

void HtmlPage::table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                     std::size_t numeric_from) {
  body_ << "<table><thead><tr>";
  for (const std::string& h : header) body_ << "<th>" << escape(h) << "</th>";
  body_ << "</tr></thead><tbody>\n";
  for (const auto& row : rows) {
    body_ << "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      // A lone asterisk flags a published value outside the simulated interval.
      const char* cls = row[i] == "*" ? " class=\"flag\"" : i >= numeric_from ? " class=\"num\"" : "";
      body_ << "<td" << cls << ">" << escape(row[i]) << "</td>";
    }
    body_ << "</tr>\n";
  }
  body_ << "</tbody></table>\n";
}

void HtmlPage::figure(const std::string& svg, const std::string& caption) {
  body_ << "<figure>" << svg << "<figcaption>" << escape(caption) << "</figcaption></figure>\n";
}

void HtmlPage::open_figures() {
  body_ << "<div class=\"figures\">\n";
}
void HtmlPage::close_figures() {
  body_ << "</div>\n";
}

void HtmlPage::details(const std::string& summary, const std::string& text) {
  body_ << "<details><summary>" << escape(summary) << "</summary><pre>" << escape(text) << "</pre></details>\n";
}

std::string HtmlPage::str() const {
  std::ostringstream page;
  page << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
       << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" << escape(title_)
       << "</title><style>" << kStyle << "</style></head><body>\n<h1>" << escape(title_) << "</h1>\n<nav><ul>\n";
  for (std::size_t i = 0; i < contents_.size(); ++i)
    page << "<li" << (contents_[i].first == 3 ? " class=\"sub\"" : "") << "><a href=\"#" << anchor(i) << "\">"
         << escape(contents_[i].second) << "</a></li>\n";
  page << "</ul></nav>\n" << body_.str() << "</body></html>\n";
  return page.str();
}

}  // namespace almpsim::report
