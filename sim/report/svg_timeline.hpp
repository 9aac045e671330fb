#pragma once
// One citizen's life as an SVG timeline: benefit state and programme as coloured spans over the
// weeks, meetings as marks, for the page of `almpsim trace --format html`.
#include <functional>
#include <string>
#include <vector>

namespace almpsim::report {

/// A stretch of weeks [from, to) in one state or programme, in its colour.
struct TimelineSpan {
  double from = 0, to = 0;
  std::string label;
  std::string colour;
};

/// A meeting in a week: attended, a no-show, a sanction, or a sanction that ended the spell.
struct TimelineMark {
  enum class Kind { attended, no_show, sanctioned, benefit_ended };
  double week = 0;
  Kind kind = Kind::attended;
  std::string label;  ///< the tooltip: what happened and the draws behind it
};

struct Timeline {
  std::string title;
  double weeks = 1;                           ///< the axis runs from 0 to weeks
  std::function<std::string(double)> x_tick;  ///< a week's tick text (a date)
  std::vector<TimelineSpan> states, programmes;
  std::vector<TimelineMark> meetings;
};

/// The timeline as an <svg>: three rows (benefit state, programme, meetings), a date axis and a
/// legend of the states, programmes and marks that occur.
std::string timeline_chart(const Timeline& timeline);

}  // namespace almpsim::report
