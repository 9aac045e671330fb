#include "trace.hpp"

#include <cstdio>

#include "almpsim/output.hpp"
#include "exit_status.hpp"
#include "output_path.hpp"

namespace almpsim::cli {

namespace {

/// A line where the case changed from the week before (and the first and last weeks), and a
/// line for each meeting held in the week, with the draws behind it.
void print_citizen(const Params& p, const report::CitizenStory& story) {
  const TracedWeek& first = story.weeks.front();
  std::printf("\ncitizen %u: %s, %s, born %s, area %s, employability class %d of %zu (1: least employable)\n",
              first.citizen, std::string(kSexNames[first.sex]).c_str(), std::string(kOriginNames[first.origin]).c_str(),
              p.calendar.date_of(first.birth_week).iso().substr(0, 7).c_str(),
              p.attributes.area_names.empty() ? "-" : p.attributes.area_names[first.area].c_str(),
              first.employability + 1, p.employability.shares.size());
  std::string previous;
  auto meeting = story.meetings.begin();
  for (std::size_t k = 0; k < story.weeks.size(); ++k) {
    const TracedWeek& t = story.weeks[k];
    const std::string now = report::week_text(p, t);
    const bool met = meeting != story.meetings.end() && meeting->week == t.week;
    if (now != previous || met || k == 0 || k + 1 == story.weeks.size())
      std::printf("  %s  week %4d  %s\n", p.calendar.date_of(t.week).iso().c_str(), t.week, now.c_str());
    previous = now;
    for (; meeting != story.meetings.end() && meeting->week == t.week; ++meeting)
      std::printf("  %10s  %9s  meeting: %s\n", "", "", report::meeting_text(*meeting).c_str());
  }
}

}  // namespace

int trace(const TraceArgs& args) {
  if (args.format != "html" && !args.output.empty()) {
    std::fprintf(stderr, "error: -o: only with --format html (text and JSON print to standard output)\n");
    return kExitBadInput;
  }
  const report::TracedRun run = report::trace_citizens(args);
  const Params& params = run.params;
  if (args.format == "json") {
    std::printf("%s\n", report::traced_run_json(run).dump(2).c_str());
    return 0;
  }
  if (args.format == "html") {
    const std::string page = report::trace_html(run);
    write_text_output(args.output, [&](std::ostream& out) { out << page; });
    if (!args.output.empty()) std::fprintf(stderr, "wrote %s\n", args.output.c_str());
    return 0;
  }
  std::printf(
      "%s, replication %d (seed %llu): each citizen's weeks, a line where something changed.\n"
      "Each line is the case at the start of that week: benefit state and since when, actor, match category\n"
      "(1-3 job-ready, 4-5 not), a programme announced, running or ended, the next meeting due. Below it, each\n"
      "meeting held that week and the draws behind it (a draw below its chance makes the event happen).\n",
      params.name.c_str(), args.replication, static_cast<unsigned long long>(params.run.seed));
  for (const report::CitizenStory& story : run.citizens) print_citizen(params, story);
  return 0;
}

}  // namespace almpsim::cli
