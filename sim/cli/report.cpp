#include "report.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

#include "almpsim/measures.hpp"
#include "almpsim/output.hpp"
#include "almpsim/stats.hpp"
#include "almpsim/targets.hpp"
#include "almpsim/trial.hpp"
#include "cohort_summary.hpp"
#include "exit_status.hpp"
#include "report/published_rows.hpp"
#include "report/reports.hpp"
#include "report/run_views.hpp"

namespace almpsim::cli {

namespace {

using report::over_replications;
using report::sites_view;
using report::SitesView;
using Row = report::PublishedRow;

void print_sites(const StoredRun& run, const TrialArms& arms) {
  if (arms.size() < 2) return;
  std::printf(
      "\nArms significant at 5%% (self-support difference), of %zu, per trial, and the arms pooled against their "
      "controls as one trial (difference, points): mean [90%% interval over replications]\n",
      arms.size());
  for (std::size_t c = 0; c < run.cohort_names.size(); ++c) {
    const SitesView v = sites_view(run, arms, c);
    std::printf(
        "  %-18s positive %.1f [%.0f, %.0f]   negative %.1f [%.0f, %.0f]   pooled %.1f [%.1f, %.1f], "
        "significant in %.0f%% of trials\n",
        run.cohort_names[c].c_str(), v.positive.mean, v.positive.q05, v.positive.q95, v.negative.mean, v.negative.q05,
        v.negative.q95, v.pooled.mean, v.pooled.q05, v.pooled.q95, 100 * v.pooled_significant);
  }
}

/// Cohorts no published table covers: where their members are at the measure date, by actor.
void print_status(const StoredRun& run, const std::vector<Row>& rows) {
  for (std::size_t c = 0; c < run.cohort_names.size(); ++c) {
    const std::string& name = run.cohort_names[c];
    // A count of significant arms does not show where the members are: the table stays.
    if (std::any_of(rows.begin(), rows.end(),
                    [&](const Row& r) { return r.target->cohort == name && !is_arm_count(r.target->measure); }))
      continue;
    std::printf("\nCohort %s: members by state at the measure date, percent, mean [90%% interval over replications]\n",
                name.c_str());
    std::printf("  %-20s", "state");
    for (std::size_t a = 0; a < run.actors.size(); ++a)
      std::printf(a + 1 < run.actors.size() ? " %-22s" : " %s", run.actors[a].c_str());
    std::printf("\n");
    for (std::size_t s = 0; s < kStates; ++s) {
      std::vector<Summary> by_actor;
      bool anyone = false;
      for (std::size_t a = 0; a < run.actors.size(); ++a) {
        std::vector<double> v = over_replications(run, c, &CohortOutcome::status, a * kStates + s);
        for (double& x : v) x *= 100;
        by_actor.push_back(summarise(v));
        anyone = anyone || by_actor.back().q95 > 0;
      }
      if (!anyone) continue;
      std::printf("  %-20s", std::string(kStateNames[s]).c_str());
      for (std::size_t a = 0; a < by_actor.size(); ++a) {
        const Summary& x = by_actor[a];
        char cell[40];
        std::snprintf(cell, sizeof cell, "%.1f [%.1f, %.1f]", x.mean, x.q05, x.q95);
        std::printf(a + 1 < by_actor.size() ? " %-22s" : " %s", cell);
      }
      std::printf("\n");
    }
  }
}

void print_text(const StoredRun& run, const std::vector<Row>& rows) {
  std::printf("%s: %d replications\n", run.scenario_name.c_str(), run.replications);
  // The cohorts as `run` summarised them; transfers where the scenario pays any (as far as the
  // file shows: some member received some).
  const bool transfers = report::pays_transfers(run);
  for (std::size_t c = 0; c < run.cohort_names.size(); ++c) {
    print_cohort_summary(
        run.cohort_names[c], run.cohort_kinds[c], run.measure_dates[c], run.actors,
        [&](const CohortMeasure& m, std::size_t a) { return over_replications(run, c, m.field, a); }, run.money_unit,
        transfers);
  }
  print_status(run, rows);
  if (!rows.empty()) {
    std::printf(
        "\nPublished values beside the simulated mean [90%% interval over replications];\n"
        "* marks a published value outside the interval, - a category the model does not distinguish.\n");
    int arm_width = 10;
    for (const Row& r : rows) arm_width = std::max(arm_width, static_cast<int>(arm_label(*r.target).size()));
    std::string current;
    for (const Row& r : rows) {
      const Target& t = *r.target;
      const std::string key = t.table + " " + t.cohort + " " + t.measure;
      if (key != current) {
        current = key;
        std::printf("\n%s  %s  %s%s\n", report::source_title(t).c_str(), t.cohort.c_str(), t.measure.c_str(),
                    t.fit ? "" : "  (held out of calibration)");
        std::printf("  %-32s %-*s %10s %10s  %s\n", "category", arm_width, "actor", "published", "simulated",
                    "90% interval");
      }
      const int decimals = report::published_decimals(t);
      if (!t.simulated) {
        std::printf("  %-32s %-*s %10.*f %10s\n", t.category.c_str(), arm_width, arm_label(t).c_str(), decimals,
                    t.value, "-");
        continue;
      }
      std::printf("  %-32s %-*s %10.*f %10.*f  [%.*f, %.*f]%s\n", t.category.c_str(), arm_width, arm_label(t).c_str(),
                  decimals, t.value, decimals, r.simulated.mean, decimals, r.simulated.q05, decimals, r.simulated.q95,
                  r.outside ? " *" : "");
    }
  }
  // Each arm against its control (the first actor unless it names another).
  const auto arms = trial_arms(run.actors, run.controls);
  for (const auto& [arm, control] : arms) {
    std::printf("\nTrial statistics, %s against %s, distribution over replications (mean [90%% interval])\n",
                run.actors[arm].c_str(), run.actors[control].c_str());
    std::printf("  %-18s %-24s %-20s %-34s %s\n", "cohort", "chi-square (status)", "p-value",
                "self-support difference, points", "significant at 10%: chi-square / difference");
    for (std::size_t c = 0; c < run.cohort_names.size(); ++c) {
      const TrialSeries t = trial_series(run.cohorts, c, control, arm);
      const Summary chi = summarise(t.chi2), p = summarise(t.p_value), d = summarise(t.difference),
                    lo = summarise(t.lower), hi = summarise(t.upper);
      char diff[80];
      std::snprintf(diff, sizeof diff, "%.1f [%.1f, %.1f] (95%% CI ~%.1f..%.1f)", d.mean, d.q05, d.q95, lo.mean,
                    hi.mean);
      std::printf("  %-18s %5.1f [%5.1f, %5.1f]     %.2f [%.2f, %.2f]     %-34s %3.0f%% / %3.0f%%\n",
                  run.cohort_names[c].c_str(), chi.mean, chi.q05, chi.q95, p.mean, p.q05, p.q95, diff,
                  100 * t.significant_chi2, 100 * t.significant_difference);
    }
  }
  print_sites(run, arms);
}

}  // namespace

int report(const std::string& path, bool json, int reference_point) {
  if (is_sweep_file(path)) return report_sweep(path, json, reference_point == 0 ? 1 : reference_point);
  if (reference_point != 0) {
    std::fprintf(stderr, "error: --reference: %s is not a sweep file (to compare two runs, use almpsim compare)\n",
                 path.c_str());
    return kExitBadInput;
  }
  const StoredRun run = read_run(path);
  const report::PublishedComparison published = report::compare_with_published(run);
  const std::vector<Row>& rows = published.rows;
  if (json)
    std::printf("%s\n", report::run_report_json(run, published).c_str());
  else
    print_text(run, rows);
  return 0;
}

}  // namespace almpsim::cli
