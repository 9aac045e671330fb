#pragma once
// A few citizens' lives in one replication, as the full run has them: the weeks of their cases
// and their meetings with the draws behind them, for `almpsim trace` (text, JSON, HTML) and
// python/almpsim.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "almpsim/params.hpp"
#include "almpsim/results.hpp"

namespace almpsim::report {

struct TraceRequest {
  std::string scenario;
  std::vector<std::string> overrides;
  std::vector<long long> citizens;  ///< ids (0 is the first of the initial stock)
  int sample = 0;                   ///< or this many of the initial stock, drawn from the seed
  int replication = 0;
  int threads = 1;
  long long seed = -1;  ///< the scenario's where negative
};

struct CitizenStory {
  std::vector<TracedWeek> weeks;        ///< the case at the start of each reported week
  std::vector<TracedMeeting> meetings;  ///< the meetings held, in order
};

struct TracedRun {
  Params params;
  int replication = 0;
  std::vector<CitizenStory> citizens;  ///< by id
};

/// Runs the replication with the citizens traced: the same draws as the full run (tracing
/// draws nothing). Throws ScenarioError for a bad scenario or ids the run does not have.
TracedRun trace_citizens(const TraceRequest& request);

/// A week as a date; "-" for the markers of none (never planned, never met).
std::string week_date(const Params& p, std::int16_t week);

/// What a week's line says about the case: state, actor, programme, next meeting.
std::string week_text(const Params& p, const TracedWeek& t);

/// What happened at a meeting and the draws that decided it: "no-show (draw 0.031 < 0.050),
/// sanctioned (0.120 < 0.300), benefit ended (0.080 < 0.150)", "attended; decided guidance".
std::string meeting_text(const TracedMeeting& m);

/// "female, danish, born 1967-11, area all, employability class 4 of 5 (1: least employable)".
std::string citizen_text(const Params& p, const TracedWeek& first);

/// A line of a citizen's story: a week where the case changed (and the first and last weeks),
/// or a meeting held in the week above it (date and week empty).
struct StoryLine {
  std::string date, week, text;
};
std::vector<StoryLine> story_lines(const Params& p, const CitizenStory& story);

/// One citizen's story as JSON: attributes, weeks and meetings.
nlohmann::ordered_json story_json(const Params& p, const CitizenStory& story);

/// The whole traced run as JSON: scenario, seed, replication and each citizen's story.
nlohmann::ordered_json traced_run_json(const TracedRun& run);

/// The traced run as one self-contained page: a timeline per citizen (benefit state, programme,
/// meetings) above the lines of the text.
std::string trace_html(const TracedRun& run);

}  // namespace almpsim::report
