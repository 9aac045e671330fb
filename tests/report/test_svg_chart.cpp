// The SVG charts of the HTML report: ticks, text, and data placed where its values say.
#include <cmath>
#include <limits>
#include <regex>

#include "report/markup.hpp"
#include "report/svg_chart.hpp"
#include "support/catch.hpp"

using namespace almpsim::report;

namespace {
std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}
}  // namespace

namespace {
void check_ticks(const std::vector<double>& ticks, const std::vector<double>& expected) {
  REQUIRE(ticks.size() == expected.size());
  for (std::size_t i = 0; i < ticks.size(); ++i) CHECK(ticks[i] == Approx(expected[i]).margin(1e-12));
}
}  // namespace

TEST_CASE("nice ticks are round steps of 1, 2 or 5 covering the range", "[unit]") {
  check_ticks(nice_ticks(0, 10, 5), {0, 2, 4, 6, 8, 10});
  check_ticks(nice_ticks(0, 1, 5), {0, 0.2, 0.4, 0.6, 0.8, 1});
  check_ticks(nice_ticks(-0.6, 0.2, 4), {-0.6, -0.4, -0.2, 0, 0.2});
  check_ticks(nice_ticks(470, 610, 5), {480, 500, 520, 540, 560, 580, 600});
  check_ticks(nice_ticks(3, 3, 5), {3});
  // A range of one rounding error at a large value ends with a few ticks (a step below the
  // numbers' resolution would never advance).
  CHECK(nice_ticks(1e4, std::nextafter(1e4, 2e4), 5).size() <= 24);
}

TEST_CASE("a flat, empty or single-point series still makes a chart with an axis", "[unit]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const Series& s : {Series{"flat", {0, 1, 2}, {31202.000000000004, 31202, 31202}, {}, {}},
                          Series{"missing", {0, 1}, {nan, nan}, {}, {}}, Series{"one", {5}, {2}, {}, {}},
                          Series{"none", {}, {}, {}, {}}}) {
    LineChart chart;
    chart.series = {s};
    const std::string svg = line_chart(chart);
    INFO(s.label);
    CHECK(svg.find("</svg>") != std::string::npos);
    CHECK(svg.find("nan") == std::string::npos);
    CHECK(count(svg, "class=\"tick\"") >= 2);
  }
}

TEST_CASE("tick and table numbers read as numbers", "[unit]") {
  CHECK(tick_text(12000) == "12000");
  CHECK(tick_text(0.25) == "0.25");
  CHECK(tick_text(-1e-15) == "0");
  CHECK(decimal(-0.04, 1) == "0.0");
  CHECK(decimal(-0.06, 1) == "-0.1");
  CHECK(decimal(std::numeric_limits<double>::quiet_NaN(), 1) == "\u2013");
}

TEST_CASE("text in a page cannot open markup", "[unit]") {
  CHECK(escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
}

TEST_CASE("a line chart places its points by their values, and breaks the line at a gap", "[unit]") {
  LineChart chart;
  chart.title = "t <1>";
  chart.series.push_back({"rising", {0, 1, 2, 3, 4}, {0, 10, std::nan(""), 30, 40}, {}, {}});
  chart.y_from = 0;
  const std::string svg = line_chart(chart);
  CHECK(svg.find("t &lt;1&gt;") != std::string::npos);
  // Two pieces of line around the missing week; no band without an interval.
  CHECK(count(svg, "class=\"line\"") == 2);
  CHECK(count(svg, "class=\"band\"") == 0);
  // x from 0 to 4 spans the plot's width (58 to 426 of 440); y from 0 to 40 its height, upwards.
  const std::regex first(R"re(class="line"[^>]*d="M([0-9.]+) ([0-9.]+)L([0-9.]+) ([0-9.]+))re");
  std::smatch m;
  REQUIRE(std::regex_search(svg, m, first));
  const double x0 = std::stod(m[1]), y0 = std::stod(m[2]), x1 = std::stod(m[3]), y1 = std::stod(m[4]);
  CHECK(x0 == Approx(58.0));
  CHECK(x1 - x0 == Approx((426.0 - 58.0) / 4).margin(0.1));
  CHECK(y1 < y0);
  CHECK(y0 - y1 == Approx(186.0 / 4).margin(0.1));  // 10 of the axis's 40 over its 186 pixels
}

TEST_CASE("an interval becomes a band under a line, or whiskers on points", "[unit]") {
  LineChart chart;
  chart.series.push_back({"band", {0, 1}, {1, 2}, {0.5, 1.5}, {1.5, 2.5}});
  chart.series.push_back({"points", {0, 1}, {1, 2}, {0.5, 1.5}, {1.5, 2.5}, true});
  const std::string svg = line_chart(chart);
  CHECK(count(svg, "class=\"band\"") == 1);
  CHECK(count(svg, "class=\"whisker\"") == 2);
  CHECK(count(svg, "class=\"point\"") == 2);
  CHECK(count(svg, "class=\"swatch\"") == 2);
}

TEST_CASE("shading outside the plotted weeks is left out", "[unit]") {
  LineChart chart;
  chart.series.push_back({"s", {0, 10}, {1, 1}, {}, {}});
  chart.shaded = {{2, 4, "shock"}, {20, 30, "later"}};
  const std::string svg = line_chart(chart);
  CHECK(count(svg, "class=\"shading\"") == 1);
  CHECK(svg.find("later") == std::string::npos);
}

TEST_CASE("stacked bars split 100% by their shares, and name only the parts some bar has", "[unit]") {
  const std::string svg = stacked_bars("where", {"a", "b", "c"}, {{"one", {0.25, 0.75, 0}}, {"two", {0.5, 0.5, 0}}});
  CHECK(count(svg, "class=\"bar-part\"") == 4);
  CHECK(count(svg, "class=\"swatch\"") == 2);
  CHECK(svg.find("one, b: 75.0%") != std::string::npos);
}

TEST_CASE("an interval chart marks a published value outside the simulated interval", "[unit]") {
  const std::string svg = interval_chart("t", "share", {{"in", 10, 8, 12, 11}, {"out", 10, 8, 12, 15}});
  CHECK(count(svg, "class=\"published\"") == 1);
  CHECK(count(svg, "class=\"published outside\"") == 1);
  CHECK(count(svg, "class=\"interval\"") == 2);
}
