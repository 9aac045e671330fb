#include "citizen_stories.hpp"

#include <algorithm>
#include <cstdio>
#include <random>
#include <set>

#include "almpsim/case_rules.hpp"
#include "almpsim/engine.hpp"
#include "almpsim/meeting_effect.hpp"
#include "almpsim/scenario.hpp"

namespace almpsim::report {

namespace {

/// The citizens to trace: those named, and `sample` of the initial stock drawn from the seed.
std::vector<CitizenId> chosen(const TraceRequest& request, const Params& params) {
  std::set<CitizenId> ids;
  for (const long long id : request.citizens) {
    if (id < 0) throw ScenarioError({{request.scenario, 0, "--citizen", "an id is 0 or more"}});
    ids.insert(static_cast<CitizenId>(id));
  }
  if (request.sample > 0) {
    if (request.sample > params.population.size)
      throw ScenarioError({{request.scenario, 0, "--sample",
                            "the initial stock has " + std::to_string(params.population.size) + " citizens"}});
    std::mt19937_64 draw(params.run.seed);
    std::uniform_int_distribution<std::int64_t> any(0, params.population.size - 1);
    std::set<CitizenId> sample;
    while (static_cast<int>(sample.size()) < request.sample) sample.insert(static_cast<CitizenId>(any(draw)));
    ids.insert(sample.begin(), sample.end());
  }
  if (ids.empty())
    throw ScenarioError({{request.scenario, 0, "--citizen", "name the citizens: --citizen ID or --sample N"}});
  return {ids.begin(), ids.end()};
}

std::string three(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

/// "draw < chance" where the draw made it happen, "draw >= chance" where it did not.
std::string decided(double draw, double chance) {
  return three(draw) + (draw < chance ? " < " : " >= ") + three(chance);
}

}  // namespace

TracedRun trace_citizens(const TraceRequest& request) {
  LoadedScenario loaded = load_scenario(request.scenario, request.overrides);
  TracedRun out{std::move(loaded.params), request.replication, {}};
  Params& params = out.params;
  if (request.seed >= 0) params.run.seed = static_cast<std::uint64_t>(request.seed);
  params.run.traced = chosen(request, params);
  const HazardModel hazards(params);
  // The replication as the full run draws it: tracing reads the population, it draws nothing.
  ReplicationResult r =
      run_replication(params, hazards, static_cast<std::uint32_t>(request.replication), std::max(1, request.threads));
  for (const CitizenId id : params.run.traced)
    if (id >= r.citizens)
      throw ScenarioError({{request.scenario, 0, "--citizen",
                            "citizen " + std::to_string(id) + " is not in this run, which has " +
                                std::to_string(r.citizens) + " (ids 0 to " + std::to_string(r.citizens - 1) + ")"}});
  // Week by week, citizen by citizen: grouped by citizen, each in its order of weeks.
  const auto by_citizen = [](const auto& a, const auto& b) { return a.citizen < b.citizen; };
  std::stable_sort(r.trace.begin(), r.trace.end(), by_citizen);
  std::stable_sort(r.traced_meetings.begin(), r.traced_meetings.end(), by_citizen);
  auto meeting = r.traced_meetings.begin();
  for (auto first = r.trace.begin(); first != r.trace.end();) {
    const auto last = std::find_if(first, r.trace.end(), [&](const auto& t) { return t.citizen != first->citizen; });
    CitizenStory story{{first, last}, {}};
    while (meeting != r.traced_meetings.end() && meeting->citizen < first->citizen) ++meeting;
    for (; meeting != r.traced_meetings.end() && meeting->citizen == first->citizen; ++meeting)
      story.meetings.push_back(*meeting);
    out.citizens.push_back(std::move(story));
    first = last;
  }
  return out;
}

std::string week_date(const Params& p, std::int16_t week) {
  return week == kNever || week == kNoMeeting ? std::string("-") : p.calendar.date_of(week).iso();
}

std::string week_text(const Params& p, const TracedWeek& t) {
  std::string s =
      std::string(kStateNames[t.state]) + " since " + week_date(p, t.state_since) + ", " + p.actors[t.actor].name;
  if (t.match) s += ", match " + std::string(kMatchNames[t.match]);
  if (t.activity != static_cast<std::uint8_t>(Activity::none)) {
    s += "; " + std::string(kActivityNames[t.activity]);
    if (t.activity_from == kNever)
      s += " decided, waiting for a place";
    else
      s += std::string(t.week < t.activity_from ? " announced"
                       : t.week < t.activity_to ? " running"
                                                : " ended") +
           " (told " + week_date(p, t.activity_announced) + ", runs " + week_date(p, t.activity_from) + " to " +
           week_date(p, t.activity_to) + ")";
  }
  if (t.next_meeting != kNever)
    s += std::string(t.next_meeting < t.week ? "; meeting overdue since " : "; next meeting ") +
         week_date(p, t.next_meeting);
  return s;
}

std::string meeting_text(const TracedMeeting& m) {
  if (!m.attended) {
    std::string s = "no-show (draw " + decided(m.no_show_draw, m.no_show_chance) + ")";
    if (m.sanction_chance > 0)
      s += ", " + std::string(m.sanctioned ? "sanctioned" : "not sanctioned") + " (" +
           decided(m.sanction_draw, m.sanction_chance) + ")";
    if (m.sanctioned)
      s += ", " + std::string(m.leaves_benefit ? "benefit ended" : "benefit kept") + " (" +
           decided(m.exit_draw, m.exit_chance) + ")";
    return s;
  }
  std::string s = "attended (no-show draw " + decided(m.no_show_draw, m.no_show_chance) + ")";
  if (m.reassessed) s += "; match category reassessed";
  if (m.referred) s += "; handed on";
  if (m.started) s += "; decided " + std::string(kActivityNames[m.started]);
  return s;
}

std::string citizen_text(const Params& p, const TracedWeek& first) {
  return std::string(kSexNames[first.sex]) + ", " + std::string(kOriginNames[first.origin]) + ", born " +
         p.calendar.date_of(first.birth_week).iso().substr(0, 7) + ", area " +
         (p.attributes.area_names.empty() ? std::string("-") : p.attributes.area_names[first.area]) +
         ", employability class " + std::to_string(first.employability + 1) + " of " +
         std::to_string(p.employability.shares.size()) + " (1: least employable)";
}

std::vector<StoryLine> story_lines(const Params& p, const CitizenStory& story) {
  std::vector<StoryLine> lines;
  std::string previous;
  auto meeting = story.meetings.begin();
  for (std::size_t k = 0; k < story.weeks.size(); ++k) {
    const TracedWeek& t = story.weeks[k];
    const std::string now = week_text(p, t);
    const bool met = meeting != story.meetings.end() && meeting->week == t.week;
    if (now != previous || met || k == 0 || k + 1 == story.weeks.size())
      lines.push_back({p.calendar.date_of(t.week).iso(), std::to_string(t.week), now});
    previous = now;
    for (; meeting != story.meetings.end() && meeting->week == t.week; ++meeting)
      lines.push_back({"", "", "meeting: " + meeting_text(*meeting)});
  }
  return lines;
}

nlohmann::ordered_json story_json(const Params& p, const CitizenStory& story) {
  using json = nlohmann::ordered_json;
  auto week_or_null = [&](std::int16_t w) { return week_date(p, w) == "-" ? json(nullptr) : json(week_date(p, w)); };
  const TracedWeek& first = story.weeks.front();
  json weeks = json::array();
  for (const TracedWeek& t : story.weeks)
    weeks.push_back({{"week", p.calendar.date_of(t.week).iso()},
                     {"state", kStateNames[t.state]},
                     {"state_since", week_date(p, t.state_since)},
                     {"actor", p.actors[t.actor].name},
                     {"match", kMatchNames[t.match]},
                     {"sick_category", kSickNames[t.sick_category]},
                     {"activity", kActivityNames[t.activity]},
                     {"activity_announced", week_or_null(t.activity_announced)},
                     {"activity_from", week_or_null(t.activity_from)},
                     {"activity_to", week_or_null(t.activity_to)},
                     {"next_meeting", week_or_null(t.next_meeting)},
                     {"last_met", week_or_null(t.last_met)},
                     {"meetings", t.meetings}});
  json meetings = json::array();
  for (const TracedMeeting& m : story.meetings)
    meetings.push_back({{"week", p.calendar.date_of(m.week).iso()},
                        {"attended", m.attended},
                        {"no_show_draw", m.no_show_draw},
                        {"no_show_chance", m.no_show_chance},
                        {"sanctioned", m.sanctioned},
                        {"sanction_draw", m.attended ? json(nullptr) : json(m.sanction_draw)},
                        {"sanction_chance", m.sanction_chance},
                        {"benefit_ended", m.leaves_benefit},
                        {"exit_draw", m.sanctioned ? json(m.exit_draw) : json(nullptr)},
                        {"exit_chance", m.exit_chance},
                        {"reassessed", m.reassessed},
                        {"handed_on", m.referred},
                        {"decided", m.started ? json(kActivityNames[m.started]) : json(nullptr)}});
  return {{"citizen", first.citizen},
          {"sex", kSexNames[first.sex]},
          {"origin", kOriginNames[first.origin]},
          {"born", p.calendar.date_of(first.birth_week).iso()},
          {"area", p.attributes.area_names.empty() ? json(nullptr) : json(p.attributes.area_names[first.area])},
          {"employability_class", first.employability + 1},  // 1 (least employable) to classes, as text
          {"weeks", std::move(weeks)},
          {"meetings", std::move(meetings)}};
}

nlohmann::ordered_json traced_run_json(const TracedRun& run) {
  nlohmann::ordered_json citizens = nlohmann::ordered_json::array();
  for (const CitizenStory& story : run.citizens) citizens.push_back(story_json(run.params, story));
  return {{"scenario", run.params.name},
          {"seed", run.params.run.seed},
          {"replication", run.replication},
          {"citizens", std::move(citizens)}};
}

}  // namespace almpsim::report
