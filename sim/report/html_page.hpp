#pragma once
// A self-contained HTML page built in sections: its style is inline and it loads nothing.
#include <sstream>
#include <string>
#include <vector>

namespace almpsim::report {

class HtmlPage {
 public:
  explicit HtmlPage(const std::string& title);

  /// A heading; levels 2 and 3 enter the page's contents with an anchor.
  void heading(int level, const std::string& text);
  /// A paragraph of plain text.
  void paragraph(const std::string& text);
  /// A table of plain-text cells; cells of columns from `numeric_from` on align right.
  void table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
             std::size_t numeric_from = 1);
  /// An <svg> (from svg_chart) in a figure with a caption.
  void figure(const std::string& svg, const std::string& caption);
  /// Opens and closes a row of figures laid side by side where the page is wide enough.
  void open_figures();
  void close_figures();
  /// Preformatted text under a summary line that opens it.
  void details(const std::string& summary, const std::string& text);

  /// The whole page: contents first, then the sections in order.
  std::string str() const;

 private:
  std::string title_;
  std::ostringstream body_;
  std::vector<std::pair<int, std::string>> contents_;  // (level, heading)
};

}  // namespace almpsim::report
