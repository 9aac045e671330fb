#include "sweep.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "almpsim/engine.hpp"
#include "almpsim/memory.hpp"
#include "almpsim/output.hpp"
#include "almpsim/scenario.hpp"
#include "almpsim/sweep_design.hpp"
#include "output_path.hpp"
#include "progress.hpp"
#include "sweep_plan.hpp"

namespace almpsim::cli {

namespace fs = std::filesystem;

namespace {

std::string point_file(const fs::path& dir, std::size_t p) {
  char name[32];
  std::snprintf(name, sizeof name, "point_%06zu.h5", p);
  return (dir / name).string();
}

}  // namespace

int sweep(const SweepArgs& args, const Ranks& ranks, const std::string& command_line) {
  // Replications and seed go into the scenario text, so each point file records them and a
  // resumed sweep can tell whether a finished point belongs to it.
  const std::vector<Override> overrides = run_overrides(args.overrides, args.replications, args.seed);
  const SweepPlan plan = plan_sweep(args.scenario, overrides, args.vary);
  const LoadedScenario& base = plan.base;
  const std::vector<SweepPoint>& points = plan.points;
  const std::vector<LoadedScenario>& point_scenarios = plan.scenarios;
  SweepTable table;
  table.design = plan.spec.design == SweepSpec::Design::grid ? "grid" : "latin_hypercube";
  table.with_register = args.register_spells;
  for (const SweepAxis& a : plan.spec.axes) table.keys.push_back(a.key);
  for (std::size_t p = 0; p < points.size(); ++p) {
    require_memory(point_scenarios[p].params, args.threads, args.scenario);
    table.scenarios.push_back(point_scenarios[p].resolved_text);
    table.values.push_back(points[p].values);
  }

  const std::string output =
      results_path(args.output, base.params.name + "_sweep.h5", args.quiet || args.resume || ranks.rank() != 0);
  const fs::path dir = output + ".points";
  if (args.resume && !fs::exists(dir)) {
    if (fs::exists(output) && stored_sweep_scenarios(output) == table.scenarios &&
        (!args.register_spells || stored_register(output))) {
      if (ranks.rank() == 0 && !args.quiet) std::printf("%s is complete already: nothing to resume\n", output.c_str());
      return 0;
    }
    if (ranks.rank() == 0)
      std::fprintf(stderr, "note: no finished points in %s: every point is run\n", dir.string().c_str());
  }
  if (ranks.rank() == 0) OutputTarget probe(output);  // an unwritable destination fails before any simulation
  if (ranks.rank() == 0) {
    if (!args.resume) fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ranks.all(true);

  const int reps = base.params.run.replications;
  long long owned = 0;
  for (std::size_t p = 0; p < points.size(); ++p) owned += ranks.owns(static_cast<long long>(p)) ? 1 : 0;
  Progress progress(!args.quiet && ranks.rank() == 0, ranks.progress_scope(std::to_string(points.size()) + " points"));
  long long done = 0, ran = 0;  // replications finished, and of them run by this process now
  int points_done = 0;
  const auto started = std::chrono::steady_clock::now();
  const std::string resume_note =
      "the finished points are kept in " + dir.string() + "; the same command with --resume runs only the rest";
  set_interrupt_note("interrupted: " + resume_note);
  for (std::size_t p = 0; p < points.size(); ++p) {
    if (!ranks.owns(static_cast<long long>(p))) continue;
    const std::string file = point_file(dir, p);
    if (args.resume && fs::exists(file)) {
      const std::string stored = stored_scenario(file);
      if (!stored.empty() && stored != table.scenarios[p])
        throw ScenarioError({{file, 0, "--resume",
                              "this finished point belongs to a different sweep; remove " + dir.string() +
                                  " or run without --resume"}});
      if (!stored.empty() && (!args.register_spells || stored_register(file))) {
        done += reps;
        progress.skipped(reps);
        progress.sweep_step(static_cast<double>(done), owned * reps, ++points_done, static_cast<int>(owned));
        continue;
      }
      // A point file that cannot be read (damaged after it was written), or that lacks the
      // register the sweep now asks for, is computed again.
      if (stored.empty())
        std::fprintf(stderr, "note: %s cannot be read: point %zu is run again\n", file.c_str(), p + 1);
      else
        std::fprintf(stderr, "note: %s was run without the register: point %zu is run again\n", file.c_str(), p + 1);
    }
    Params params = point_scenarios[p].params;
    params.run.register_spells = args.register_spells;
    MonteCarloOptions options;
    options.threads = args.threads;
    const long long before = done;
    // Within the point about once a second (weeks of running replications as fractions); the
    // point's end is reported below.
    options.on_progress = [&](double finished, int) {
      progress.sweep_step(static_cast<double>(before) + finished, owned * reps, points_done, static_cast<int>(owned));
    };
    // Same seed at every point: common random numbers, so differences between points are the
    // parameters' and not the draws'.
    const auto results = run_monte_carlo(params, options);
    try {
      OutputTarget target(file);
      write_results(target, params, run_metadata(point_scenarios[p], params, args.scenario, command_line), results);
      target.commit();
    } catch (const OutputError&) {
      if (points_done > 0) std::fprintf(stderr, "note: %s\n", resume_note.c_str());
      throw;
    }
    done += reps;
    ran += reps;
    progress.sweep_step(static_cast<double>(done), owned * reps, ++points_done, static_cast<int>(owned));
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!ranks.all(true)) return 1;
  if (ranks.rank() != 0) return 0;

  std::vector<std::string> files;
  for (std::size_t p = 0; p < points.size(); ++p) files.push_back(point_file(dir, p));
  try {
    OutputTarget target(output);
    write_sweep(target, run_metadata(base, base.params, args.scenario, command_line), table, files);
    target.commit();
  } catch (const OutputError&) {
    std::fprintf(stderr, "note: %s\n", resume_note.c_str());
    throw;
  }
  set_interrupt_note("");
  fs::remove_all(dir);
  if (!args.quiet) {
    std::printf("%s: %zu point(s) x %d replication(s); this process ran %lld replication(s) in %.2f s (%.1f per s)",
                base.params.name.c_str(), points.size(), reps, ran, seconds,
                seconds > 0 ? static_cast<double>(ran) / seconds : 0.0);
    if (ran < owned * reps) std::printf("; %lld were finished already", owned * reps - ran);
    std::printf("\n");
    std::printf("wrote %s\n", output.c_str());
  }
  return 0;
}

}  // namespace almpsim::cli
