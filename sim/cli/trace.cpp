#include "trace.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "almpsim/case_rules.hpp"
#include "almpsim/engine.hpp"
#include "almpsim/meeting_effect.hpp"
#include "almpsim/scenario.hpp"

namespace almpsim::cli {

namespace {

/// The citizens to trace: those named, and `sample` of the initial stock drawn from the seed.
std::vector<CitizenId> chosen(const TraceArgs& args, const Params& params) {
  std::set<CitizenId> ids;
  for (const long long id : args.citizens) {
    if (id < 0) throw ScenarioError({{args.scenario, 0, "--citizen", "an id is 0 or more"}});
    ids.insert(static_cast<CitizenId>(id));
  }
  if (args.sample > 0) {
    if (args.sample > params.population.size)
      throw ScenarioError({{args.scenario, 0, "--sample",
                            "the initial stock has " + std::to_string(params.population.size) + " citizens"}});
    std::mt19937_64 draw(params.run.seed);
    std::uniform_int_distribution<std::int64_t> any(0, params.population.size - 1);
    std::set<CitizenId> sample;
    while (static_cast<int>(sample.size()) < args.sample) sample.insert(static_cast<CitizenId>(any(draw)));
    ids.insert(sample.begin(), sample.end());
  }
  if (ids.empty())
    throw ScenarioError({{args.scenario, 0, "--citizen", "name the citizens: --citizen ID or --sample N"}});
  return {ids.begin(), ids.end()};
}

/// A week as a date; "-" for the markers of none (never planned, never met).
std::string date(const Params& p, std::int16_t week) {
  return week == kNever || week == kNoMeeting ? std::string("-") : p.calendar.date_of(week).iso();
}

/// What a week's line says about the case: state, actor, programme, meetings.
std::string describe(const Params& p, const TracedWeek& t) {
  std::string s =
      std::string(kStateNames[t.state]) + " since " + date(p, t.state_since) + ", " + p.actors[t.actor].name;
  if (t.match) s += ", match " + std::string(kMatchNames[t.match]);
  if (t.activity != static_cast<std::uint8_t>(Activity::none)) {
    s += "; " + std::string(kActivityNames[t.activity]);
    if (t.activity_from == kNever)
      s += " decided, waiting for a place";
    else
      s += std::string(t.week < t.activity_from ? " announced"
                       : t.week < t.activity_to ? " running"
                                                : " ended") +
           " (told " + date(p, t.activity_announced) + ", runs " + date(p, t.activity_from) + " to " +
           date(p, t.activity_to) + ")";
  }
  if (t.next_meeting != kNever)
    s +=
        std::string(t.next_meeting < t.week ? "; meeting overdue since " : "; next meeting ") + date(p, t.next_meeting);
  return s;
}

/// A line where something changed from the week before (and the first and last weeks).
void print_citizen(const Params& p, const std::vector<TracedWeek>& weeks) {
  const TracedWeek& first = weeks.front();
  std::printf("\ncitizen %u: %s, %s, born %s, area %s, employability class %d of %zu (1: least employable)\n",
              first.citizen, std::string(kSexNames[first.sex]).c_str(), std::string(kOriginNames[first.origin]).c_str(),
              p.calendar.date_of(first.birth_week).iso().substr(0, 7).c_str(),
              p.attributes.area_names.empty() ? "-" : p.attributes.area_names[first.area].c_str(),
              first.employability + 1, p.employability.shares.size());
  std::string previous;
  for (std::size_t k = 0; k < weeks.size(); ++k) {
    const TracedWeek& t = weeks[k];
    const std::string now = describe(p, t);
    const int met = k > 0 ? t.meetings - weeks[k - 1].meetings : 0;
    if (now == previous && met == 0 && k > 0 && k + 1 < weeks.size()) continue;
    previous = now;
    const std::string line = met > 0 ? "met (" + std::to_string(met) + "); " + now : now;
    std::printf("  %s  week %4d  %s\n", p.calendar.date_of(t.week).iso().c_str(), t.week, line.c_str());
  }
}

nlohmann::ordered_json as_json(const Params& p, const std::vector<TracedWeek>& weeks) {
  using json = nlohmann::ordered_json;
  auto week_or_null = [&](std::int16_t w) { return date(p, w) == "-" ? json(nullptr) : json(date(p, w)); };
  const TracedWeek& first = weeks.front();
  json rows = json::array();
  for (const TracedWeek& t : weeks)
    rows.push_back({{"week", p.calendar.date_of(t.week).iso()},
                    {"state", kStateNames[t.state]},
                    {"state_since", date(p, t.state_since)},
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
  return {{"citizen", first.citizen},
          {"sex", kSexNames[first.sex]},
          {"origin", kOriginNames[first.origin]},
          {"born", p.calendar.date_of(first.birth_week).iso()},
          {"area", p.attributes.area_names.empty() ? json(nullptr) : json(p.attributes.area_names[first.area])},
          {"employability_class", first.employability + 1},  // 1 (least employable) to classes, as text
          {"weeks", std::move(rows)}};
}

}  // namespace

int trace(const TraceArgs& args) {
  LoadedScenario loaded = load_scenario(args.scenario, args.overrides);
  Params& params = loaded.params;
  if (args.seed >= 0) params.run.seed = static_cast<std::uint64_t>(args.seed);
  params.run.traced = chosen(args, params);
  const HazardModel hazards(params);
  // The replication as the full run draws it: tracing reads the population, it draws nothing.
  const ReplicationResult r =
      run_replication(params, hazards, static_cast<std::uint32_t>(args.replication), std::max(1, args.threads));
  for (const CitizenId id : params.run.traced)
    if (id >= r.citizens)
      throw ScenarioError({{args.scenario, 0, "--citizen",
                            "citizen " + std::to_string(id) + " is not in this run, which has " +
                                std::to_string(r.citizens) + " (ids 0 to " + std::to_string(r.citizens - 1) + ")"}});
  std::vector<TracedWeek> all = r.trace;
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.citizen < b.citizen; });
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  if (!args.json)
    std::printf(
        "%s, replication %d (seed %llu): each citizen's weeks, a line where something changed.\n"
        "Each line is the case at the start of that week: benefit state and since when, actor, match category\n"
        "(1-3 job-ready, 4-5 not), a programme announced, running or ended, the next meeting due; \"met (n)\":\n"
        "n meetings attended the week before.\n",
        params.name.c_str(), args.replication, static_cast<unsigned long long>(params.run.seed));
  for (auto first = all.begin(); first != all.end();) {
    const auto last = std::find_if(first, all.end(), [&](const auto& t) { return t.citizen != first->citizen; });
    const std::vector<TracedWeek> weeks(first, last);
    if (args.json)
      out.push_back(as_json(params, weeks));
    else
      print_citizen(params, weeks);
    first = last;
  }
  if (args.json) {
    const nlohmann::ordered_json doc = {{"scenario", params.name},
                                        {"seed", params.run.seed},
                                        {"replication", args.replication},
                                        {"citizens", std::move(out)}};
    std::printf("%s\n", doc.dump(2).c_str());
  }
  return 0;
}

}  // namespace almpsim::cli
