// The HTML report of a run: its cohorts, where their members are, how long they stay, the
// benefit states over time, the published tables against the simulated ones, the trial
// statistics and the manifest.
#include <algorithm>
#include <cmath>

#include "almpsim/measures.hpp"
#include "almpsim/output.hpp"
#include "almpsim/report_inputs.hpp"
#include "almpsim/stats.hpp"
#include "almpsim/trial.hpp"
#include "html_page.hpp"
#include "markup.hpp"
#include "published_rows.hpp"
#include "reports.hpp"
#include "run_views.hpp"
#include "svg_chart.hpp"

namespace almpsim::report {

namespace {

/// Element `index` of a measure over replications, times `scale` (100 for percent).
std::vector<double> draws(const StoredRun& run, std::size_t c, std::vector<double> CohortOutcome::*member,
                          std::size_t index, double scale = 1) {
  std::vector<double> v = over_replications(run, c, member, index);
  for (double& x : v) x *= scale;
  return v;
}

std::string interval_text(const Summary& s, int decimals) {
  return decimal(s.mean, decimals) + " [" + decimal(s.q05, decimals) + ", " + decimal(s.q95, decimals) + "]";
}

void cohort_tables(HtmlPage& page, const StoredRun& run) {
  page.heading(2, "Cohorts");
  page.paragraph("Each measure by actor: mean [90% interval over replications]. Money in " + run.money_unit + ".");
  const bool transfers = pays_transfers(run);  // shown only where some are paid
  for (std::size_t c = 0; c < run.cohort_names.size(); ++c) {
    page.heading(3, "Cohort " + run.cohort_names[c] + " (" + run.cohort_kinds[c] + ")");
    page.paragraph("Measured " + run.measure_dates[c] + ".");
    std::vector<std::string> header{"measure"};
    for (const std::string& actor : run.actors) header.push_back(actor);
    std::vector<std::vector<std::string>> rows;
    for (const CohortMeasure& m : cohort_measures()) {
      if (!m.in_run_summary || (m.needs_transfers && !transfers)) continue;
      std::vector<std::string> row{std::string(m.label)};
      for (std::size_t a = 0; a < run.actors.size(); ++a)
        row.push_back(interval_text(summarise(draws(run, c, m.field, a, m.scale)), m.decimals));
      rows.push_back(std::move(row));
    }
    page.table(header, rows);
  }
}

void status_bars(HtmlPage& page, const StoredRun& run) {
  std::vector<StackedBar> bars;
  for (std::size_t c = 0; c < run.cohort_names.size(); ++c)
    for (const std::size_t a : served_actors(run, c)) {
      StackedBar bar{run.cohort_names[c] + " \u00b7 " + run.actors[a], {}};
      for (std::size_t s = 0; s < kStates; ++s)
        bar.shares.push_back(summarise(draws(run, c, &CohortOutcome::status, a * kStates + s)).mean);
      bars.push_back(std::move(bar));
    }
  if (bars.empty()) return;
  page.heading(2, "Where the members are at the measure date");
  page.figure(stacked_bars("Members by benefit state at the measure date",
                           std::vector<std::string>(kStateNames.begin(), kStateNames.end()), bars),
              "Each cohort's members by actor, the mean share over replications in each state at its measure date.");
}

void survival_curves(HtmlPage& page, const StoredRun& run) {
  page.heading(2, "Time on benefit");
  page.paragraph(
      "The share of each cohort's members still on benefit by weeks since they entered it (Kaplan-Meier), the mean "
      "over replications in a band from the 5th to the 95th percentile.");
  page.open_figures();
  for (std::size_t c = 0; c < run.cohort_names.size(); ++c) {
    LineChart chart;
    chart.title = run.cohort_names[c];
    chart.x_label = "weeks since entry";
    chart.y_label = "still on benefit, %";
    chart.y_from = 0;
    for (const std::size_t a : served_actors(run, c)) {
      Series s;
      s.label = run.actors[a];
      const std::size_t weeks = run.cohorts.front()[c].survival.size() / run.actors.size();
      for (std::size_t w = 0; w < weeks; ++w) {
        const Summary at = summarise(draws(run, c, &CohortOutcome::survival, a * weeks + w, 100));
        s.x.push_back(static_cast<double>(w));
        s.y.push_back(at.mean);
        s.lower.push_back(at.q05);
        s.upper.push_back(at.q95);
      }
      chart.series.push_back(std::move(s));
    }
    if (chart.series.empty()) continue;
    page.figure(line_chart(chart), "Cohort " + run.cohort_names[c] + ", by actor.");
  }
  page.close_figures();
}

void occupancy_over_time(HtmlPage& page, const std::string& path, const std::string& scenario_text) {
  const StoredOccupancy occ = read_occupancy(path);
  const std::vector<ShockWeeks> shocks = shock_weeks(scenario_text);
  const std::size_t weeks = occ.weeks.size(), actors = occ.actors.size();
  page.heading(2, "Benefit states over time");
  page.paragraph(std::string("Citizens in each benefit state at the start of each week, by actor: the mean over "
                             "replications in a band from the 5th to the 95th percentile.") +
                 (shocks.empty() ? ""
                                 : " Shaded: the scenario's shocks on the states they touch, from their start to "
                                   "the end of their recovery."));
  page.open_figures();
  for (std::size_t s = 0; s < kStates; ++s) {
    LineChart chart;
    chart.title = std::string(kStateNames[s]);
    chart.x_label = "week starting";
    chart.y_label = "citizens";
    chart.y_from = 0;
    chart.x_tick = [&occ](double w) {
      const auto i = static_cast<std::size_t>(std::lround(std::clamp(w, 0.0, double(occ.weeks.size() - 1))));
      return occ.weeks[i].substr(0, 7);
    };
    bool anyone = false;
    for (std::size_t a = 0; a < actors; ++a) {
      Series line;
      line.label = occ.actors[a];
      for (std::size_t w = 0; w < weeks; ++w) {
        const std::size_t at = (w * actors + a) * kStates + s;
        line.x.push_back(static_cast<double>(w));
        line.y.push_back(occ.mean[at]);
        line.lower.push_back(occ.q05[at]);
        line.upper.push_back(occ.q95[at]);
        anyone = anyone || occ.q95[at] > 0;
      }
      chart.series.push_back(std::move(line));
    }
    if (!anyone || s == static_cast<std::size_t>(State::exited)) continue;
    for (const ShockWeeks& shock : shocks)
      if (shock.states.empty() ||
          std::find(shock.states.begin(), shock.states.end(), kStateNames[s]) != shock.states.end())
        chart.shaded.push_back({shock.start, shock.end, shock.name});
    page.figure(line_chart(chart), std::string(kStateNames[s]) + ", by actor.");
  }
  page.close_figures();
}

void published_tables(HtmlPage& page, const StoredRun& run) {
  const PublishedComparison published = compare_with_published(run);
  if (published.rows.empty()) return;
  page.heading(2, "Published and simulated");
  page.paragraph(
      "Each published value beside the simulated mean and its 90% interval over replications; * marks a published "
      "value outside the interval, \u2013 a category the model does not distinguish.");
  // One section per published table, cohort and measure, in the order they first appear.
  std::vector<PublishedRow> rows = published.rows;
  auto section = [](const PublishedRow& r) {
    return r.target->table + '\n' + r.target->cohort + '\n' + r.target->measure;
  };
  std::vector<std::string> order;
  for (const PublishedRow& r : rows)
    if (std::find(order.begin(), order.end(), section(r)) == order.end()) order.push_back(section(r));
  std::stable_sort(rows.begin(), rows.end(), [&](const PublishedRow& x, const PublishedRow& y) {
    return std::find(order.begin(), order.end(), section(x)) < std::find(order.begin(), order.end(), section(y));
  });
  for (std::size_t i = 0; i < rows.size();) {
    const Target& first = *rows[i].target;
    std::size_t j = i;
    while (j < rows.size() && section(rows[j]) == section(rows[i])) ++j;
    const std::string title = source_title(first) + ": " + first.cohort + ", " + first.measure +
                              (first.fit ? "" : " (held out of calibration)");
    page.heading(3, title);
    std::vector<IntervalRow> chart_rows;
    std::vector<std::vector<std::string>> table;
    for (std::size_t k = i; k < j; ++k) {
      const Target& t = *rows[k].target;
      const Summary& s = rows[k].simulated;
      const int d = published_decimals(t);
      table.push_back({t.category, arm_label(t), decimal(t.value, d), t.simulated ? decimal(s.mean, d) : "\u2013",
                       t.simulated ? "[" + decimal(s.q05, d) + ", " + decimal(s.q95, d) + "]" : "",
                       rows[k].outside ? "*" : ""});
      // The actor first: a long category is cut at the end.
      if (t.simulated) chart_rows.push_back({arm_label(t) + " \u00b7 " + t.category, s.mean, s.q05, s.q95, t.value});
    }
    if (!chart_rows.empty()) page.figure(interval_chart(title, published_unit(first), chart_rows), title + ".");
    page.table({"category", "actor", "published", "simulated", "90% interval", ""}, table, 2);
    i = j;
  }
}

void trial_tables(HtmlPage& page, const StoredRun& run) {
  const auto arms = trial_arms(run.actors, run.controls);
  if (arms.empty()) return;
  page.heading(2, "Trial statistics");
  page.paragraph(
      "Each arm against its control as the experiment would test it, distributed over replications: mean [90% "
      "interval]; the share of replications in which the test is significant at 10%.");
  for (const auto& [arm, control] : arms) {
    page.heading(3, run.actors[arm] + " against " + run.actors[control]);
    std::vector<std::vector<std::string>> rows;
    for (std::size_t c = 0; c < run.cohort_names.size(); ++c) {
      const TrialSeries t = trial_series(run.cohorts, c, control, arm);
      const Summary lower = summarise(t.lower), upper = summarise(t.upper);
      rows.push_back(
          {run.cohort_names[c], interval_text(summarise(t.chi2), 1), interval_text(summarise(t.p_value), 2),
           interval_text(summarise(t.difference), 1) + " (95% CI ~" + decimal(lower.mean, 1) + " to " +
               decimal(upper.mean, 1) + ")",
           decimal(100 * t.significant_chi2, 0) + "% / " + decimal(100 * t.significant_difference, 0) + "%"});
    }
    page.table({"cohort", "chi-square (status)", "p-value", "self-support difference, points",
                "significant at 10%: chi-square / difference"},
               rows);
  }
}

/// A trial in several sites: how many arms come out significant, and the arms pooled.
void sites_table(HtmlPage& page, const StoredRun& run) {
  const auto arms = trial_arms(run.actors, run.controls);
  if (arms.size() < 2) return;
  page.heading(2, "Sites");
  page.paragraph("Of the " + std::to_string(arms.size()) +
                 " arms, how many have a self-support difference from their control significant at 5%, above or "
                 "below 0, in each simulated trial; and the arms pooled against their controls as one trial. Mean "
                 "[90% interval over replications].");
  std::vector<std::vector<std::string>> rows;
  for (std::size_t c = 0; c < run.cohort_names.size(); ++c) {
    const SitesView v = sites_view(run, arms, c);
    rows.push_back({run.cohort_names[c], interval_text(v.positive, 1), interval_text(v.negative, 1),
                    interval_text(v.pooled, 1), decimal(100 * v.pooled_significant, 0) + "%"});
  }
  page.table({"cohort", "significant, positive", "significant, negative", "pooled difference, points",
              "pooled trial significant"},
             rows);
}

}  // namespace

std::string run_report_html(const std::string& path) {
  const StoredRun run = read_run(path);
  HtmlPage page(run.scenario_name + ": " + std::to_string(run.replications) + " replication" +
                (run.replications == 1 ? "" : "s"));
  page.paragraph("Seed " + std::to_string(run.seed) + ". Actors: " + [&] {
    std::string names;
    for (const std::string& a : run.actors) names += (names.empty() ? "" : ", ") + a;
    return names;
  }() + ". Intervals are over replications unless a section says otherwise.");
  cohort_tables(page, run);
  status_bars(page, run);
  survival_curves(page, run);
  occupancy_over_time(page, path, stored_scenario(path));
  published_tables(page, run);
  trial_tables(page, run);
  sites_table(page, run);
  manifest(page, path);
  return page.str();
}

}  // namespace almpsim::report
