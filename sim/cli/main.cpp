// almpsim: the command-line program. Exit status 0 on success, 2 for bad input (scenario or
// arguments), 1 when results cannot be written or another failure occurs.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <optional>

#include "almpsim/array_view.hpp"
#include "almpsim/costs.hpp"
#include "almpsim/engine.hpp"
#include "almpsim/measures.hpp"
#include "almpsim/memory.hpp"
#include "almpsim/output.hpp"
#include "almpsim/scenario.hpp"
#include "almpsim/scenario_run.hpp"
#include "almpsim/schema.hpp"
#include "almpsim/stats.hpp"
#include "almpsim/targets.hpp"
#include "almpsim/trial.hpp"
#include "calibrate.hpp"
#include "cohort_summary.hpp"
#include "compare.hpp"
#include "decompose.hpp"
#include "exit_status.hpp"
#include "output_path.hpp"
#include "power.hpp"
#include "progress.hpp"
#include "ranks.hpp"
#include "report.hpp"
#include "serve/server.hpp"
#include "sweep.hpp"
#include "trace.hpp"

namespace {

using namespace almpsim;
using cli::kExitBadInput;
using cli::kExitFailure;

/// The range the scenario schema gives a key, for an option that overrides it.
CLI::Range schema_range(std::string_view key) {
  const schema::Key& k = schema::at(key);
  return CLI::Range(k.lo, k.hi);
}

/// A results file named on the command line that is not there is bad input, said plainly.
bool all_exist(std::initializer_list<std::string> paths) {
  for (const std::string& path : paths)
    if (!std::filesystem::exists(path)) {
      std::fprintf(stderr, "error: %s: no such file\n", path.c_str());
      return false;
    }
  return true;
}

/// "2009-09-30", or where the week's first day differs, "2009-09-30 (the state at the start of
/// its week, 2009-09-29)": what the measurement date means in a weekly model.
std::string measured_text(const Calendar& calendar, const CohortSpec& spec) {
  const Date week_start = calendar.date_of(spec.measure_at);
  return almpsim::measured_text(spec.measure_date.value_or(week_start), week_start);
}

struct RunArgs {
  std::string scenario;
  std::string output;
  std::vector<std::string> overrides;
  int replications = 0;
  int threads = 1;
  long long seed = -1;
  double scale = 1.0;
  bool quiet = false;
  bool register_spells = false;
};

/// The command as recorded in /meta. "--resume" is left out: a resumed sweep's file is the
/// file of the uninterrupted command.
std::string join_command_line(int argc, char** argv) {
  std::string s;
  for (int i = 0; i < argc; ++i)
    if (std::string(argv[i]) != "--resume") s += (s.empty() ? "" : " ") + std::string(argv[i]);
  return s;
}

/// Each actor's spending over the reported weeks by account (its costs, and the transfers its
/// citizens receive), where any was booked.
void print_accounts(const Params& params, const std::vector<ReplicationResult>& reps) {
  const auto actors = static_cast<std::size_t>(params.actor_count());
  const auto weeks = static_cast<std::size_t>(params.calendar.weeks);
  std::vector<double> total(actors * kCostAccounts, 0.0);
  for (const auto& r : reps)
    for (std::size_t k = 0; k < weeks * actors * kCostAccounts; ++k)
      total[k % (actors * kCostAccounts)] += r.cost_accounts[k] / static_cast<double>(reps.size());
  if (std::all_of(total.begin(), total.end(), [](double x) { return x == 0.0; })) return;
  std::printf("\nspending over the run by account (%s), mean over replications\n  %-20s", money_unit(params).c_str(),
              "account");
  for (const auto& a : params.actors) std::printf(" %14s", a.name.c_str());
  std::printf("\n");
  for (std::size_t k = 0; k < kCostAccounts; ++k) {
    std::printf("  %-20s", std::string(kCostAccountNames[k]).c_str());
    for (std::size_t a = 0; a < actors; ++a) std::printf(" %14.0f", total[a * kCostAccounts + k]);
    std::printf("\n");
  }
}

/// The lists for programme places in the last week, for the programmes some actor limits.
void print_waiting_lists(const Params& params, const std::vector<ReplicationResult>& reps) {
  const auto actors = static_cast<std::size_t>(params.actor_count());
  const auto last = static_cast<std::size_t>(params.calendar.weeks - 1);
  bool header = false;
  for (int k = 1; k < kActivities; ++k) {
    if (std::none_of(params.actors.begin(), params.actors.end(), [k](const ActorSpec& a) { return a.places[k] > 0; }))
      continue;
    if (!header) {
      std::printf("\nwaiting for a programme place in the last week, mean over replications\n  %-20s", "programme");
      for (const auto& a : params.actors) std::printf(" %12s", a.name.c_str());
      std::printf("\n");
      header = true;
    }
    std::printf("  %-20s", std::string(kActivityNames[static_cast<std::size_t>(k)]).c_str());
    for (std::size_t a = 0; a < actors; ++a) {
      double sum = 0;
      for (const auto& r : reps)
        sum += view(r.waiting_for_place, params.calendar.weeks, actors, kActivities)(last, a, k);
      std::printf(" %12.1f", sum / static_cast<double>(reps.size()));
    }
    std::printf("\n");
  }
}

void print_summary(const Params& params, const std::vector<ReplicationResult>& reps, double seconds) {
  std::printf("%s: %d replication(s), %d weeks from %s, %.2f s\n", params.name.c_str(), params.run.replications,
              params.calendar.weeks, params.calendar.start.iso().c_str(), seconds);
  const auto actors = static_cast<std::size_t>(params.actor_count());
  const auto last = static_cast<std::size_t>(params.calendar.weeks - 1);
  std::printf("\nstock in the last week (%s), mean over replications\n",
              params.calendar.date_of(params.calendar.weeks - 1).iso().c_str());
  std::printf("  %-20s", "state");
  for (const auto& a : params.actors) std::printf(" %12s", a.name.c_str());
  std::printf("\n");
  for (int s = 0; s < kStates; ++s) {
    std::printf("  %-20s", std::string(kStateNames[static_cast<std::size_t>(s)]).c_str());
    for (std::size_t a = 0; a < actors; ++a) {
      double sum = 0;
      for (const auto& r : reps) sum += view(r.occupancy, params.calendar.weeks, actors, kStates)(last, a, s);
      std::printf(" %12.1f", sum / static_cast<double>(reps.size()));
    }
    std::printf("\n");
  }
  print_waiting_lists(params, reps);
  for (std::size_t c = 0; c < params.cohorts.size(); ++c) {
    const CohortSpec& spec = params.cohorts[c];
    cli::print_cohort_summary(
        spec.name, std::string(name_of(spec.kind)), measured_text(params.calendar, spec), params.actor_names(),
        [&](const CohortMeasure& m, std::size_t a) {
          std::vector<double> v;
          for (const auto& r : reps) v.push_back((r.cohorts[c].*m.field)[a]);
          return v;
        },
        money_unit(params), books_transfers(params));
  }
  print_accounts(params, reps);
}

// Under MPI each rank runs the replications it owns (r % ranks == rank) and the first writes
// them all: the file is the one a single process writes.
int run(const RunArgs& args, const cli::Ranks& ranks, const std::string& command_line) {
  const RunRequest request{args.scenario, args.overrides,       args.replications, args.seed,
                           args.scale,    args.register_spells, args.threads,      command_line};
  const LoadedScenario loaded = prepare_run(request);
  const bool first = ranks.rank() == 0, quiet = args.quiet || !first;
  if (!quiet)
    for (const std::string& note : loaded.notes) std::fprintf(stderr, "note: %s\n", note.c_str());
  const Params& params = loaded.params;
  // Every rank checks what the file will record (a targets file that does not fit the
  // scenario, say) before simulating, so all of them stop together on bad input.
  const RunMetadata meta = run_metadata_of(loaded, request);
  // Only the first rank writes; an unwritable destination fails there before any simulation,
  // and main then stops every rank.
  std::string output;
  std::optional<OutputTarget> target;
  if (first) {
    output = cli::results_path(args.output, params.name + ".h5", quiet);
    target.emplace(output);
  }
  ranks.all(true);

  // Progress counts the first rank's own replications, and says so.
  cli::Progress progress(!quiet, ranks.progress_scope(std::to_string(params.run.replications) + " replications"));
  MonteCarloOptions options;
  options.threads = args.threads;
  options.stride = ranks.size();
  options.offset = ranks.rank();
  // Within replications about once a second (a long replication is not silence), and the end.
  options.on_progress = [&](double done, int total) { progress.replication_done(done, total); };
  options.on_replication_done = [&](int done, int total) {
    if (done == total) progress.replication_done(done, total);
  };
  const auto start = std::chrono::steady_clock::now();
  auto results = run_monte_carlo(params, options);
  ranks.gather(results);
  if (!first) return 0;
  write_run(params, meta, *target, results);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!args.quiet) print_summary(params, results, seconds);
  if (!args.quiet) std::printf("\nwrote %s\n", output.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  skip_hdf5_cleanup_at_exit();
  const cli::Ranks ranks(argc, argv);
  CLI::App app{"almpsim: an agent-based simulator of active labour market policy"};
  app.set_version_flag("--version", std::string("almpsim ") + ALMPSIM_VERSION);
  app.require_subcommand(1);

  RunArgs args;
  auto* run_cmd = app.add_subcommand("run", "Run a scenario and write its results to HDF5");
  run_cmd->add_option("scenario", args.scenario, "Scenario file (TOML)")->required();
  run_cmd->add_option("-o,--output", args.output, "Output file (default: output/<scenario name>.h5)");
  run_cmd->add_option("--replications", args.replications, "Number of replications (overrides the scenario)")
      ->check(schema_range("replications"));
  run_cmd->add_option("--threads", args.threads, "Worker threads (results do not depend on it)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  run_cmd->add_option("--seed", args.seed, "Random seed (overrides the scenario)")->check(CLI::NonNegativeNumber);
  run_cmd->add_option("--set", args.overrides, "Override a scenario key: --set key.path=value (repeatable)");
  run_cmd
      ->add_option("--scale", args.scale,
                   "Population factor: the initial size, the inflow and the caseworkers (caseloads stay)")
      ->check(CLI::Range(1e-3, 1e3))
      ->capture_default_str();
  run_cmd->add_flag("--quiet", args.quiet, "No progress and no summary");
  run_cmd->add_flag("--register", args.register_spells, "Also write register-style spells to /register/spells");

  std::string validate_path;
  std::vector<std::string> validate_overrides;
  auto* validate_cmd = app.add_subcommand("validate", "Check a scenario without running it");
  validate_cmd->add_option("scenario", validate_path, "Scenario file (TOML)")->required();
  validate_cmd->add_option("--set", validate_overrides, "Override a scenario key (repeatable)");
  bool validate_print = false;
  validate_cmd->add_flag("--print", validate_print,
                         "Print the resolved scenario (after extends and overrides) as TOML");

  std::string report_path, report_format = "text";
  auto* report_cmd = app.add_subcommand("report", "Published tables beside the simulated ones, and trial statistics");
  report_cmd->add_option("results", report_path, "Results file (HDF5) written by almpsim run")->required();
  report_cmd->add_option("--format", report_format, "text, json or html (one self-contained page with figures)")
      ->check(CLI::IsMember({"text", "json", "html"}))
      ->capture_default_str();
  std::string report_output;
  report_cmd->add_option("-o,--output", report_output,
                         "With --format html: the page to write (default: standard output)");
  int report_reference = 0;
  report_cmd
      ->add_option("--reference", report_reference,
                   "For a sweep file: the point (from 1) the others are compared with (default 1)")
      ->check(CLI::Range(1, 1000000));

  std::string compare_base, compare_variant, compare_format = "text";
  auto* compare_cmd = app.add_subcommand(
      "compare", "Two runs with the same seed, replication by replication: paired differences with intervals");
  compare_cmd->add_option("base", compare_base, "Results file of the base run")->required();
  compare_cmd->add_option("variant", compare_variant, "Results file of the variant, run with the same seed")
      ->required();
  compare_cmd->add_option("--format", compare_format, "text, json or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();

  std::string export_path, export_output, export_format = "csv";
  auto* export_cmd = app.add_subcommand(
      "export", "Every cohort measure of a results or sweep file as one long table, a row per number");
  export_cmd->add_option("results", export_path, "Results or sweep file (HDF5)")->required();
  export_cmd->add_option("-o,--output", export_output, "File to write (default: standard output)");
  export_cmd->add_option("--format", export_format, "csv")->check(CLI::IsMember({"csv"}))->capture_default_str();

  cli::TraceArgs tr;
  auto* trace_cmd = app.add_subcommand("trace", "A few citizens' lives week by week, as the full run has them");
  trace_cmd->add_option("scenario", tr.scenario, "Scenario file (TOML)")->required();
  trace_cmd->add_option("--citizen", tr.citizens, "A citizen's id (0: the first of the initial stock; repeatable)");
  trace_cmd->add_option("--sample", tr.sample, "Also this many citizens of the initial stock, drawn from the seed")
      ->check(CLI::Range(1, 10000));
  trace_cmd->add_option("--replication", tr.replication, "Which replication (from 0)")
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  trace_cmd->add_option("--threads", tr.threads, "Worker threads (results do not depend on it)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  trace_cmd->add_option("--seed", tr.seed, "Random seed (overrides the scenario)")->check(CLI::NonNegativeNumber);
  trace_cmd->add_option("--set", tr.overrides, "Override a scenario key (repeatable)");
  trace_cmd->add_option("--format", tr.format, "text, json or html (a timeline per citizen)")
      ->check(CLI::IsMember({"text", "json", "html"}))
      ->capture_default_str();
  trace_cmd->add_option("-o,--output", tr.output, "With --format html: the page to write (default: standard output)");

  serve::ServeOptions srv;
  srv.scenarios_folder = std::string(ALMPSIM_SOURCE_ROOT) + "/scenarios";
  srv.page_folder = std::string(ALMPSIM_SOURCE_ROOT) + "/sim/serve/page";
  srv.chart_library = std::string(ALMPSIM_SOURCE_ROOT) + "/third_party/chart.js/chart.umd.min.js";
  auto* serve_cmd = app.add_subcommand(
      "serve", "A local page to teach with: move a strategy's sliders and see its effect against the scenario");
  serve_cmd->add_option("--port", srv.port, "Port to listen on (0: any free one)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve_cmd->add_option("--host", srv.host, "Address to listen on")->capture_default_str();
  serve_cmd->add_option("--scenarios", srv.scenarios_folder, "Folder of the scenarios to offer")
      ->check(CLI::ExistingDirectory)
      ->capture_default_str();
  serve_cmd->add_option("--threads", srv.threads, "Worker threads per run (results do not depend on it)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();

  bool schema_markdown = false, schema_measures = false;
  auto* schema_cmd = app.add_subcommand("schema", "Every scenario key: type, range, default, unit and meaning");
  schema_cmd->add_flag("--markdown", schema_markdown,
                       "As the Markdown tables of scenarios/README.md (default: one line per key)");
  schema_cmd->add_flag("--measures", schema_measures,
                       "Instead, every cohort measure of a results file, as the table of output/README.md");

  cli::CalibrateArgs cal;
  auto* calibrate_cmd = app.add_subcommand("calibrate", "Fit the scenario's free parameters to its published targets");
  calibrate_cmd->add_option("scenario", cal.scenario, "Scenario file (TOML) with [[calibration.free]] and targets")
      ->required();
  calibrate_cmd->add_option("-o,--output", cal.output, "Fitted scenario to write (default: <scenario>_fitted.toml)");
  calibrate_cmd->add_option("--replications", cal.replications, "Replications per evaluation")
      ->check(schema_range("calibration.replications"));
  calibrate_cmd->add_option("--max-evaluations", cal.max_evaluations, "Most evaluations of the objective")
      ->check(schema_range("calibration.max_evaluations"));
  calibrate_cmd->add_option("--threads", cal.threads, "Worker threads")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  calibrate_cmd->add_option("--seed", cal.seed, "Random seed")->check(CLI::NonNegativeNumber);
  calibrate_cmd->add_option("--set", cal.overrides, "Override a scenario key (repeatable)");
  calibrate_cmd->add_flag("--quiet", cal.quiet, "No progress and no summary");

  cli::SweepArgs sw;
  auto* sweep_cmd = app.add_subcommand("sweep", "Run the scenario at every point of its [sweep] grid or hypercube");
  sweep_cmd->add_option("scenario", sw.scenario, "Scenario file (TOML) with a [sweep] table, or use --vary")
      ->required();
  sweep_cmd->add_option("-o,--output", sw.output, "Output file (default: output/<scenario name>_sweep.h5)");
  sweep_cmd->add_option("--vary", sw.vary, "A grid axis: --vary key=value1,value2,... (repeatable)");
  sweep_cmd->add_option("--replications", sw.replications, "Replications per point")
      ->check(schema_range("replications"));
  sweep_cmd->add_option("--threads", sw.threads, "Worker threads (results do not depend on it)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  sweep_cmd->add_option("--seed", sw.seed, "Random seed (overrides the scenario)")->check(CLI::NonNegativeNumber);
  sweep_cmd->add_option("--set", sw.overrides, "Override a scenario key at every point (repeatable)");
  sweep_cmd->add_flag("--resume", sw.resume, "Keep the finished points of an interrupted sweep and run the rest");
  sweep_cmd->add_flag("--quiet", sw.quiet, "No progress and no summary");
  sweep_cmd->add_flag("--register", sw.register_spells,
                      "Also write each point's register-style spells to /sweep/register/spells");

  cli::DecomposeArgs dc;
  std::string decompose_format = "text";
  auto* decompose_cmd = app.add_subcommand(
      "decompose", "Each point of a sweep against a reference point, split by channel (threat, lock-in, ...)");
  decompose_cmd->add_option("scenario", dc.scenario, "Scenario file (TOML) with a [sweep] table, or use --vary")
      ->required();
  decompose_cmd->add_option("--vary", dc.vary, "A grid axis: --vary key=value1,value2,... (repeatable)");
  decompose_cmd->add_option("--reference", dc.reference, "The point the others are compared with (from 1)");
  decompose_cmd->add_option("--channels", dc.channels,
                            "Channels to switch off, e.g. threat,lock_in (default: every one the model has)");
  decompose_cmd->add_option("--measures", dc.measures, "Cohort measures with one number per actor")
      ->capture_default_str();
  decompose_cmd->add_option("--cohort", dc.cohort, "Only this cohort (default: every cohort)");
  decompose_cmd->add_option("--replications", dc.replications, "Replications per point and channel setting")
      ->check(schema_range("replications"));
  decompose_cmd->add_option("--threads", dc.threads, "Worker threads (results do not depend on it)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  decompose_cmd->add_option("--seed", dc.seed, "Random seed (overrides the scenario)")->check(CLI::NonNegativeNumber);
  decompose_cmd->add_option("--set", dc.overrides, "Override a scenario key at every point (repeatable)");
  decompose_cmd->add_option("--format", decompose_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  decompose_cmd->add_flag("--quiet", dc.quiet, "No progress");

  cli::PowerArgs pw;
  std::string power_format = "text";
  auto* power_cmd = app.add_subcommand("power", "Power of a trial between two actors, over replications and sizes");
  power_cmd->add_option("scenario", pw.scenario, "Scenario file (TOML)")->required();
  power_cmd->add_option("--arms", pw.arms,
                        "The two actors compared: A,B (the difference is B - A; default [power] arms)");
  power_cmd->add_option("--cohort", pw.cohort, "Only this cohort (default: every cohort)");
  power_cmd->add_option("--alpha", pw.alpha, "Significance level")->check(schema_range("power.alpha"));
  power_cmd->add_option("--sizes", pw.sizes, "Population factors to try, e.g. 0.5,1,2 (default 1)")
      ->delimiter(',')
      ->check(schema_range("power.sizes"));
  power_cmd->add_option("--replications", pw.replications, "Replications per size")
      ->check(schema_range("replications"));
  power_cmd->add_option("--threads", pw.threads, "Worker threads (results do not depend on it)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  power_cmd->add_option("--seed", pw.seed, "Random seed (overrides the scenario)")->check(CLI::NonNegativeNumber);
  power_cmd->add_option("--set", pw.overrides, "Override a scenario key (repeatable)");
  power_cmd->add_option("--format", power_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  power_cmd->add_flag("--quiet", pw.quiet, "No progress");

  // CLI11 would say only that a subcommand is required.
  if (argc >= 2 && argv[1][0] != '-') {
    std::string names;
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands({})) {
      names += (names.empty() ? "" : ", ") + sub->get_name();
      known = known || sub->get_name() == argv[1];
    }
    if (!known) {
      std::fprintf(stderr, "unknown command '%s'; the commands are %s (almpsim --help)\n", argv[1], names.c_str());
      return kExitBadInput;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitBadInput;
  }

  try {
    if (*validate_cmd) {
      const LoadedScenario s = load_scenario(validate_path, validate_overrides);
      for (const std::string& note : s.notes) std::fprintf(stderr, "note: %s\n", note.c_str());
      if (validate_print) {
        std::fputs(s.resolved_text.c_str(), stdout);
        return 0;
      }
      std::printf("%s: ok (%d weeks from %s, %zu actor(s), %zu cohort(s))\n", validate_path.c_str(),
                  s.params.calendar.weeks, s.params.calendar.start.iso().c_str(), s.params.actors.size(),
                  s.params.cohorts.size());
      return 0;
    }
    if (*schema_cmd) {
      const std::string text = schema_measures   ? cohort_measures_markdown()
                               : schema_markdown ? schema::markdown()
                                                 : schema::listing();
      std::fputs(text.c_str(), stdout);
      return 0;
    }
    if ((*export_cmd || *report_cmd) && !all_exist({*export_cmd ? export_path : report_path})) return kExitBadInput;
    if (*compare_cmd && !all_exist({compare_base, compare_variant})) return kExitBadInput;
    if (*export_cmd) {
      if (cli::would_replace_input(export_path, export_output)) return kExitBadInput;
      cli::write_text_output(export_output, [&](std::ostream& out) { export_cohorts_csv(export_path, out); });
      return 0;
    }
    if (*trace_cmd) {
      return cli::trace(tr);
    }
    if (*serve_cmd) return serve::serve(srv);
    if (*report_cmd) {
      if (report_format == "html") return cli::report_html(report_path, report_reference, report_output);
      if (!report_output.empty()) {
        std::fprintf(stderr,
                     "error: -o: only with --format html (the text and JSON reports print to standard output)\n");
        return kExitBadInput;
      }
      return cli::report(report_path, report_format == "json", report_reference);
    }
    if (*compare_cmd)
      return cli::compare(compare_base, compare_variant,
                          compare_format == "json"  ? cli::CompareFormat::json
                          : compare_format == "csv" ? cli::CompareFormat::csv
                                                    : cli::CompareFormat::text);
    if (*calibrate_cmd) return cli::calibrate(cal);
    if (*sweep_cmd) return cli::sweep(sw, ranks, join_command_line(argc, argv));
    if (*decompose_cmd) {
      dc.json = decompose_format == "json";
      return cli::decompose(dc);
    }
    if (*power_cmd) {
      pw.json = power_format == "json";
      return cli::power(pw);
    }
    return run(args, ranks, join_command_line(argc, argv));
  } catch (const ScenarioError& e) {
    // Every rank reads the same input, so rank 0 speaks for all.
    if (ranks.rank() == 0) std::fprintf(stderr, "%s\n", e.what());
    if (ranks.size() > 1) ranks.abort(kExitBadInput);
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    // A rank that fails alone would leave the others waiting.
    if (ranks.size() > 1) ranks.abort(kExitFailure);
    return kExitFailure;
  }
}
