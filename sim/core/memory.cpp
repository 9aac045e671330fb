#include "almpsim/memory.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "almpsim/population.hpp"
#include "almpsim/scenario.hpp"

namespace almpsim {

double expected_citizens(const Params& params) {
  double citizens = static_cast<double>(params.population.size);
  for (const WeekSeries& rates : params.inflow_rate)
    for (double r : rates) citizens += r;
  return citizens;
}

double bytes_per_citizen(const Params& params) {
  const bool worked = works_cases(params);
  return kBytesPerCitizen + (worked ? kCaseworkBytesPerCitizen : 0.0) +
         (worked || !params.cohorts.empty() || params.run.register_spells ? kCaseCodeBytesPerCitizen : 0.0);
}

double minimum_run_bytes(const Params& params, int threads) {
  const int side_by_side = params.run.replications >= threads ? threads : 1;
  return expected_citizens(params) * bytes_per_citizen(params) * side_by_side;
}

std::optional<double> available_memory_bytes() {
  std::ifstream meminfo("/proc/meminfo");
  for (std::string line; std::getline(meminfo, line);) {
    std::istringstream fields(line);
    std::string name;
    double kib = 0.0;
    if (fields >> name >> kib && name == "MemAvailable:") return kib * 1024.0;
  }
  const long pages = ::sysconf(_SC_AVPHYS_PAGES), page = ::sysconf(_SC_PAGESIZE);
  if (pages > 0 && page > 0) return static_cast<double>(pages) * static_cast<double>(page);
  return std::nullopt;
}

std::optional<std::string> memory_shortfall(const Params& params, int threads) {
  const auto available = available_memory_bytes();
  const double needed = minimum_run_bytes(params, threads);
  if (!available || needed <= *available) return std::nullopt;
  char text[256];
  const int side_by_side = params.run.replications >= threads ? threads : 1;
  std::snprintf(text, sizeof text,
                "the run needs at least %.1f GB (%.0f citizens x %.0f bytes x %d replication(s) side by side), "
                "more than the %.1f GB this machine has available",
                needed / 1e9, expected_citizens(params), bytes_per_citizen(params), side_by_side, *available / 1e9);
  return std::string(text);
}

void require_memory(const Params& params, int threads, const std::string& scenario_file) {
  if (auto shortfall = memory_shortfall(params, threads))
    throw ScenarioError({{scenario_file, 0, "population.size", *shortfall}});
}

}  // namespace almpsim
