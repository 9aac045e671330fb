// almpsim trace --format html: each traced citizen's timeline above the lines of the text.
#include <cmath>
#include <iterator>

#include "almpsim/case_rules.hpp"
#include "citizen_stories.hpp"
#include "html_page.hpp"
#include "svg_chart.hpp"
#include "svg_timeline.hpp"

namespace almpsim::report {

namespace {

/// Programmes in colours apart from the states' (Tableau's muted set), by activity.
std::string programme_colour(std::size_t activity) {
  static constexpr const char* kColours[] = {"#7f7f7f", "#8c564b", "#9467bd", "#17becf",
                                             "#bcbd22", "#e377c2", "#1f77b4"};
  return kColours[activity % std::size(kColours)];
}

/// Runs of weeks with the same value of `key` (skipping weeks where `key` gives a negative),
/// coloured by `colour` of the value.
template <class Key, class Label, class Colour>
std::vector<TimelineSpan> spans(const std::vector<TracedWeek>& weeks, Key key, Label label, Colour colour) {
  std::vector<TimelineSpan> out;
  for (std::size_t k = 0; k < weeks.size();) {
    const int value = key(weeks[k]);
    std::size_t end = k + 1;
    while (end < weeks.size() && key(weeks[end]) == value) ++end;
    if (value >= 0)
      out.push_back({static_cast<double>(weeks[k].week), static_cast<double>(weeks[end - 1].week + 1), label(weeks[k]),
                     colour(static_cast<std::size_t>(value))});
    k = end;
  }
  return out;
}

Timeline timeline_of(const Params& p, const CitizenStory& story) {
  Timeline t;
  const TracedWeek& first = story.weeks.front();
  t.title = "citizen " + std::to_string(first.citizen);
  t.weeks = p.calendar.weeks;
  t.x_tick = [&p](double w) { return p.calendar.date_of(static_cast<Week>(std::lround(w))).iso().substr(0, 7); };
  t.states = spans(
      story.weeks, [](const TracedWeek& w) { return static_cast<int>(w.state); },
      [](const TracedWeek& w) { return std::string(kStateNames[w.state]); }, series_colour);
  // A programme's span: the weeks it runs, not the weeks it is announced.
  t.programmes = spans(
      story.weeks,
      [](const TracedWeek& w) {
        const bool running =
            w.activity != 0 && w.activity_from != kNever && w.week >= w.activity_from && w.week < w.activity_to;
        return running ? static_cast<int>(w.activity) : -1;
      },
      [](const TracedWeek& w) { return std::string(kActivityNames[w.activity]); }, programme_colour);
  for (const TracedMeeting& m : story.meetings) {
    const auto kind = m.attended         ? TimelineMark::Kind::attended
                      : m.leaves_benefit ? TimelineMark::Kind::benefit_ended
                      : m.sanctioned     ? TimelineMark::Kind::sanctioned
                                         : TimelineMark::Kind::no_show;
    t.meetings.push_back(
        {static_cast<double>(m.week), kind, p.calendar.date_of(m.week).iso() + ": " + meeting_text(m)});
  }
  return t;
}

}  // namespace

std::string trace_html(const TracedRun& run) {
  const Params& p = run.params;
  HtmlPage page(p.name + ": " + std::to_string(run.citizens.size()) + " citizen" +
                (run.citizens.size() == 1 ? "" : "s") + " week by week");
  page.paragraph("Replication " + std::to_string(run.replication) + ", seed " + std::to_string(p.run.seed) +
                 ": the same draws as the full run. Each timeline shows the benefit state at the start of each week, "
                 "the weeks a programme runs, and each meeting (hover for what happened and the draws behind it: a "
                 "draw below its chance makes the event happen).");
  for (const CitizenStory& story : run.citizens) {
    const TracedWeek& first = story.weeks.front();
    page.heading(2, "Citizen " + std::to_string(first.citizen));
    page.paragraph(citizen_text(p, first) + ".");
    page.figure(timeline_chart(timeline_of(p, story)), "Citizen " + std::to_string(first.citizen) + ".");
    std::vector<std::vector<std::string>> rows;
    for (const StoryLine& line : story_lines(p, story)) rows.push_back({line.date, line.week, line.text});
    page.table({"week starting", "week", "the case at the start of the week, and its meetings"}, rows, 3);
  }
  return page.str();
}

}  // namespace almpsim::report
