// almpsim_bench: times one replication of a scenario through the engine, in its own process,
// and prints one JSON line. The benchmark driver (run_benchmark.py) calls it once per
// measurement so that each figure of peak memory belongs to one workload.
//
//   almpsim_bench SCENARIO [--threads N] [--citizens N] [--set key=value ...]
//
// --citizens scales the municipality (scale_population: the initial population, the inflow
// and the caseworkers by the same factor), so that it keeps the scenario's caseloads.
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "almpsim/engine.hpp"
#include "almpsim/scenario.hpp"
#include "almpsim/trial.hpp"

namespace {

using namespace almpsim;

/// User and system time of the whole process so far.
double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

/// The process's own peak resident memory (VmHWM). Not getrusage's ru_maxrss: Linux carries that
/// over exec from the forked parent, so a worker started by a large Python process would report
/// the parent's size.
long peak_resident_bytes() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6) * 1024L;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss * 1024L;
}

[[noreturn]] void usage(const char* message) {
  std::fprintf(stderr, "almpsim_bench: %s\nusage: almpsim_bench SCENARIO [--threads N] [--citizens N] [--set k=v]\n",
               message);
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  std::vector<std::string> overrides;
  int threads = 1;
  double citizens = 0;
  for (int k = 1; k < argc; ++k) {
    const std::string arg = argv[k];
    auto value = [&]() -> std::string {
      if (k + 1 >= argc) usage(("missing value after " + arg).c_str());
      return argv[++k];
    };
    if (arg == "--threads")
      threads = std::atoi(value().c_str());
    else if (arg == "--citizens")
      citizens = std::atof(value().c_str());
    else if (arg == "--set")
      overrides.push_back(value());
    else if (!arg.empty() && arg[0] == '-')
      usage(("unknown option " + arg).c_str());
    else
      path = arg;
  }
  if (path.empty() || threads < 1) usage("a scenario and a positive thread count are needed");

  try {
    Params params = load_scenario(path, overrides).params;
    if (citizens > 0 && params.population.size > 0)
      scale_population(params, citizens / static_cast<double>(params.population.size));
    const HazardModel hazards(params);

    const double cpu_before = cpu_seconds();
    const auto start = std::chrono::steady_clock::now();
    const ReplicationResult result = run_replication(params, hazards, 0, threads);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu = cpu_seconds() - cpu_before;

    // Citizen-weeks: everyone present at the start of each reported week.
    double citizen_weeks = 0;
    for (std::int32_t n : result.occupancy) citizen_weeks += n;
    std::printf(
        "{\"scenario\": \"%s\", \"threads\": %d, \"citizens\": %zu, \"citizen_weeks\": %.0f, \"seconds\": %.6f, "
        "\"cpu_seconds\": %.6f, \"peak_rss_bytes\": %ld}\n",
        params.name.c_str(), threads, result.citizens, citizen_weeks, seconds, cpu, peak_resident_bytes());
  } catch (const ScenarioError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "almpsim_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
