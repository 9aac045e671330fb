#include "compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "almpsim/compare.hpp"
#include "almpsim/measures.hpp"
#include "exit_status.hpp"

namespace almpsim::cli {

namespace {

/// The printed unit of a row: percent for shares, the currency for money, else the measure's own.
std::string unit_of(const PairedDifference& row, const std::string& currency) {
  if (row.scale == 100.0) return "percent";
  const CohortMeasure* m = find_cohort_measure(row.measure);
  if (m && m->in_currency) return currency.empty() ? "money" : currency;
  return "";
}

std::string signed_number(double x, int decimals) {
  char s[40];
  std::snprintf(s, sizeof s, "%+.*f", decimals, x);
  return s;
}

void print_text(const Comparison& c, const StoredRun& base, const StoredRun& variant, const std::string& base_path,
                const std::string& variant_path) {
  std::printf("%s: %s against %s, %d paired replications (seed %llu)\n", base.scenario_name.c_str(),
              variant_path.c_str(), base_path.c_str(), c.replications, static_cast<unsigned long long>(base.seed));
  if (base.replications != variant.replications)
    std::printf("(the runs have %d and %d replications: the first %d of each are paired)\n", base.replications,
                variant.replications, c.replications);
  std::printf(
      "Difference variant - base: the mean over replications of each replication's difference, with its %.0f%%\n"
      "interval; common random numbers make it narrower than the two runs' own intervals suggest, which\n"
      "'unpaired +-' gives. * marks an interval that excludes 0. Shares in percent, differences in points.\n",
      100 * c.level);
  for (const auto& name : c.cohorts_left_out) std::printf("cohort %s is in one run only: left out\n", name.c_str());
  for (const auto& name : c.actors_left_out) std::printf("actor %s is in one run only: left out\n", name.c_str());
  const auto identical = std::count_if(c.rows.begin(), c.rows.end(), [](const auto& r) { return r.identical; });
  if (identical > 0)
    std::printf(
        "%td numbers are the same in both runs in every replication (what the variant does not reach): "
        "not shown\n",
        identical);
  std::string cohort;
  for (const PairedDifference& row : c.rows) {
    if (row.identical) continue;
    if (row.cohort != cohort) {
      cohort = row.cohort;
      std::printf("\nCohort %s\n  %-38s %-16s %12s %12s %12s  %-24s %s\n", cohort.c_str(), "measure", "actor", "base",
                  "variant", "difference", "interval", "unpaired +-");
    }
    const int decimals = row.decimals;
    const double scale = row.scale;
    std::string label = row.measure;
    if (const std::string unit = unit_of(row, base.currency); !unit.empty()) label += " (" + unit + ")";
    const std::string interval = "[" + signed_number(scale * row.difference.lower, decimals + 1) + ", " +
                                 signed_number(scale * row.difference.upper, decimals + 1) + "]" +
                                 (row.excludes_zero() ? " *" : "");
    std::printf("  %-38s %-16s %12.*f %12.*f %12s  %-24s %.*f\n", label.c_str(), row.actor.c_str(), decimals,
                scale * row.base, decimals, scale * row.variant,
                signed_number(scale * row.difference.mean, decimals + 1).c_str(), interval.c_str(), decimals + 1,
                scale * row.unpaired_half_width);
  }
}

nlohmann::ordered_json as_json(const Comparison& c, const StoredRun& base, const std::string& base_path,
                               const std::string& variant_path) {
  using json = nlohmann::ordered_json;
  json rows = json::array();
  for (const PairedDifference& row : c.rows) {
    const double scale = row.scale;
    rows.push_back({{"cohort", row.cohort},
                    {"actor", row.actor},
                    {"measure", row.measure},
                    {"unit", unit_of(row, base.currency)},
                    {"base", scale * row.base},
                    {"variant", scale * row.variant},
                    {"difference", scale * row.difference.mean},
                    {"lower", scale * row.difference.lower},
                    {"upper", scale * row.difference.upper},
                    {"unpaired_half_width", scale * row.unpaired_half_width},
                    {"replications", row.replications},
                    {"identical", row.identical}});
  }
  return {{"scenario", base.scenario_name},
          {"base", base_path},
          {"variant", variant_path},
          {"seed", base.seed},
          {"replications", c.replications},
          {"level", c.level},
          {"left_out", {{"cohorts", c.cohorts_left_out}, {"actors", c.actors_left_out}}},
          {"rows", std::move(rows)}};
}

void print_csv(const Comparison& c, const StoredRun& base) {
  std::printf(
      "cohort,actor,measure,unit,base,variant,difference,lower,upper,unpaired_half_width,replications,identical\n");
  for (const PairedDifference& row : c.rows) {
    const double scale = row.scale;
    // Names are identifiers (scenario keys), so they need no quoting.
    std::printf("%s,%s,%s,%s,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%d,%s\n", row.cohort.c_str(), row.actor.c_str(),
                row.measure.c_str(), unit_of(row, base.currency).c_str(), scale * row.base, scale * row.variant,
                scale * row.difference.mean, scale * row.difference.lower, scale * row.difference.upper,
                scale * row.unpaired_half_width, row.replications, row.identical ? "true" : "false");
  }
}

}  // namespace

int compare(const std::string& base_path, const std::string& variant_path, CompareFormat format) {
  for (const std::string& path : {base_path, variant_path})
    if (is_sweep_file(path)) {
      std::fprintf(stderr, "error: %s is a sweep file; compare takes two files written by almpsim run\n", path.c_str());
      return kExitBadInput;
    }
  const StoredRun base = read_run(base_path), variant = read_run(variant_path);
  Comparison c;
  try {
    c = compare_runs(base, variant);
  } catch (const UnpairedRuns& e) {
    std::fprintf(stderr, "error: %s and %s cannot be compared: %s\n", base_path.c_str(), variant_path.c_str(),
                 e.what());
    return kExitBadInput;
  }
  if (base.scenario_name != variant.scenario_name)
    std::fprintf(stderr, "note: the runs are of scenarios named %s and %s\n", base.scenario_name.c_str(),
                 variant.scenario_name.c_str());
  switch (format) {
    case CompareFormat::text:
      print_text(c, base, variant, base_path, variant_path);
      break;
    case CompareFormat::json:
      std::printf("%s\n", as_json(c, base, base_path, variant_path).dump(2).c_str());
      break;
    case CompareFormat::csv:
      print_csv(c, base);
      break;
  }
  return 0;
}

}  // namespace almpsim::cli
