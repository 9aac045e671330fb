#include "trace.hpp"

#include <cstdio>

#include "almpsim/output.hpp"
#include "exit_status.hpp"
#include "output_path.hpp"

namespace almpsim::cli {

namespace {

/// The citizen's attributes, then a line where the case changed (and the first and last
/// weeks), and a line for each meeting held in the week, with the draws behind it.
void print_citizen(const Params& p, const report::CitizenStory& story) {
  std::printf("\ncitizen %u: %s\n", story.weeks.front().citizen, report::citizen_text(p, story.weeks.front()).c_str());
  for (const report::StoryLine& line : report::story_lines(p, story))
    std::printf("  %10s  %s%4s  %s\n", line.date.c_str(), line.week.empty() ? "     " : "week ", line.week.c_str(),
                line.text.c_str());
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
