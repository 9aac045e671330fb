// A citizen's timeline: spans placed by their weeks, marks by kind, a legend of what occurs.
#include <regex>

#include "report/svg_timeline.hpp"
#include "support/catch.hpp"

using namespace almpsim::report;

TEST_CASE("a timeline's spans cover their weeks in proportion, and its legend names what occurs", "[unit]") {
  Timeline t;
  t.title = "citizen <7>";
  t.weeks = 40;
  t.states = {{0, 10, "cash_benefit", "#E69F00"}, {10, 40, "self_support", "#0072B2"}};
  t.programmes = {{2, 6, "guidance", "#9467bd"}};
  t.meetings = {{1, TimelineMark::Kind::attended, "attended"}, {8, TimelineMark::Kind::benefit_ended, "ended"}};
  const std::string svg = timeline_chart(t);
  CHECK(svg.find("citizen &lt;7&gt;") != std::string::npos);
  // The lane runs from x = 92 for 900 - 92 - 30 = 778 pixels: 10 of 40 weeks is a quarter of it.
  const std::regex span(R"re(class="span" x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)")re");
  std::vector<std::pair<double, double>> spans;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), span); it != std::sregex_iterator(); ++it)
    spans.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
  REQUIRE(spans.size() == 3);
  CHECK(spans[0].first == Approx(92));
  CHECK(spans[0].second == Approx(778.0 / 4).margin(0.1));
  CHECK(spans[1].second == Approx(778.0 * 3 / 4).margin(0.1));
  CHECK(spans[2].first == Approx(92 + 778.0 * 2 / 40).margin(0.1));
  // Two kinds of mark occur, so two of the four are in the legend.
  CHECK(svg.find("meeting attended") != std::string::npos);
  CHECK(svg.find("sanction that ended the benefit") != std::string::npos);
  CHECK(svg.find(">no-show<") == std::string::npos);
  CHECK(svg.find("<circle") != std::string::npos);  // an attended meeting is a dot, the others crosses
}
