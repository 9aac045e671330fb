#include "svg_timeline.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "markup.hpp"
#include "svg_chart.hpp"

namespace almpsim::report {

namespace {

constexpr const char* kMarkColour[] = {"#333333", "#E69F00", "#D55E00", "#B00020"};
constexpr const char* kMarkName[] = {"meeting attended", "no-show", "no-show sanctioned",
                                     "sanction that ended the benefit"};

}  // namespace

std::string timeline_chart(const Timeline& t) {
  const double left = 92, width = 900, right = 30, row = 20, gap = 8, top = 26;
  const double plot = width - left - right;
  const auto at = [&](double week) { return left + std::clamp(week / std::max(t.weeks, 1.0), 0.0, 1.0) * plot; };
  const double state_y = top, programme_y = top + row + gap, meeting_y = top + 2 * (row + gap),
               axis_y = meeting_y + row + 4;

  // The legend: each state and programme that occurs once, then the kinds of mark that occur.
  std::vector<std::pair<std::string, std::string>> legend;  // (colour, label)
  for (const auto* spans : {&t.states, &t.programmes})
    for (const TimelineSpan& s : *spans) {
      const std::pair entry{s.colour, s.label};
      if (std::find(legend.begin(), legend.end(), entry) == legend.end()) legend.push_back(entry);
    }
  for (int k = 0; k < 4; ++k)
    if (std::any_of(t.meetings.begin(), t.meetings.end(),
                    [k](const TimelineMark& m) { return static_cast<int>(m.kind) == k; }))
      legend.emplace_back(kMarkColour[k], kMarkName[k]);
  int legend_rows = 1;
  double x = left;
  for (const auto& [colour, label] : legend) {
    const double item = 32 + 6.6 * static_cast<double>(label.size());
    if (x > left && x + item > left + plot) {
      x = left;
      ++legend_rows;
    }
    x += item;
  }
  const double legend_y = axis_y + 34;
  const int height = static_cast<int>(legend_y + 18.0 * legend_rows + 4);

  std::ostringstream svg;
  svg << "<svg class=\"chart timeline\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" << width
      << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << ' ' << height << "\"><title>" << escape(t.title)
      << "</title><text class=\"chart-title\" x=\"4\" y=\"15\">" << escape(t.title) << "</text>";
  const std::pair<double, const char*> rows[] = {
      {state_y, "benefit state"}, {programme_y, "programme"}, {meeting_y, "meetings"}};
  for (const auto& [y, name] : rows)
    svg << "<text class=\"tick\" text-anchor=\"end\" x=\"" << svg_number(left - 6) << "\" y=\"" << svg_number(y + 14)
        << "\">" << name << "</text><rect class=\"lane\" x=\"" << svg_number(left) << "\" y=\"" << svg_number(y)
        << "\" width=\"" << svg_number(plot) << "\" height=\"" << row << "\"/>";
  for (const auto& [spans, y] : {std::pair{&t.states, state_y}, std::pair{&t.programmes, programme_y}})
    for (const TimelineSpan& s : *spans) {
      const double from = at(s.from), to = at(s.to);
      if (to <= from) continue;
      svg << "<rect class=\"span\" x=\"" << svg_number(from) << "\" y=\"" << svg_number(y) << "\" width=\""
          << svg_number(to - from) << "\" height=\"" << row << "\" fill=\"" << s.colour << "\"><title>"
          << escape(s.label) << "</title></rect>";
    }
  for (const TimelineMark& m : t.meetings) {
    const double cx = at(m.week + 0.5), cy = meeting_y + row / 2;
    const char* colour = kMarkColour[static_cast<int>(m.kind)];
    svg << "<g class=\"mark\"><title>" << escape(m.label) << "</title>";
    if (m.kind == TimelineMark::Kind::attended)
      svg << "<circle cx=\"" << svg_number(cx) << "\" cy=\"" << svg_number(cy) << "\" r=\"4\" fill=\"" << colour
          << "\"/>";
    else
      svg << "<path d=\"M" << svg_number(cx - 4.5) << ' ' << svg_number(cy - 4.5) << "l9 9m0 -9l-9 9\" stroke=\""
          << colour << "\" stroke-width=\"2.5\"/>";
    svg << "</g>";
  }
  for (const double w : nice_ticks(0, t.weeks, 8)) {
    svg << "<line class=\"axis\" x1=\"" << svg_number(at(w)) << "\" x2=\"" << svg_number(at(w)) << "\" y1=\""
        << svg_number(axis_y) << "\" y2=\"" << svg_number(axis_y + 4)
        << "\"/><text class=\"tick\" text-anchor=\"middle\" x=\"" << svg_number(at(w)) << "\" y=\""
        << svg_number(axis_y + 16) << "\">" << escape(t.x_tick ? t.x_tick(w) : tick_text(w)) << "</text>";
  }
  x = left;
  double y = legend_y;
  for (const auto& [colour, label] : legend) {
    const double item = 32 + 6.6 * static_cast<double>(label.size());
    if (x > left && x + item > left + plot) {
      x = left;
      y += 18;
    }
    svg << "<rect class=\"swatch\" x=\"" << svg_number(x) << "\" y=\"" << svg_number(y)
        << "\" width=\"12\" height=\"12\" fill=\"" << colour << "\"/><text x=\"" << svg_number(x + 17) << "\" y=\""
        << svg_number(y + 10) << "\">" << escape(label) << "</text>";
    x += item;
  }
  svg << "</svg>";
  return svg.str();
}

}  // namespace almpsim::report
