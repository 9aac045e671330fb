// The HTML report of a sweep: the points, and for each cohort and measure its response to the
// swept keys beside the paired difference from the reference point.
#include <algorithm>
#include <cmath>

#include "almpsim/array_view.hpp"
#include "html_page.hpp"
#include "markup.hpp"
#include "reports.hpp"
#include "svg_chart.hpp"
#include "sweep_views.hpp"

namespace almpsim::report {

namespace {

/// Where the points sit: along the first swept key whose values are all numbers, with a curve
/// for each combination of the other keys' values (a grid's response curves); without such a
/// key, along the points' numbers.
struct PointLayout {
  std::string x_label;
  std::vector<double> x;                         ///< [point]
  std::vector<std::string> curve_names;          ///< [curve]
  std::vector<std::vector<std::size_t>> curves;  ///< [curve] its points in x order
  bool connect = true;                           ///< lines between a curve's points (not for a Latin hypercube)
};

PointLayout point_layout(const StoredSweep& sw) {
  PointLayout layout;
  const std::size_t points = sw.values.size();
  std::size_t along = sw.keys.size();
  for (std::size_t k = 0; k < sw.keys.size() && along == sw.keys.size(); ++k)
    if (std::all_of(sw.numbers.begin(), sw.numbers.end(), [k](const auto& v) { return std::isfinite(v.at(k)); }))
      along = k;
  layout.connect = sw.design == "grid";
  if (along == sw.keys.size()) {
    layout.x_label = "point (see the table of points)";
    for (std::size_t p = 0; p < points; ++p) layout.x.push_back(static_cast<double>(p + 1));
    layout.curve_names.emplace_back();
    layout.curves.emplace_back();
    for (std::size_t p = 0; p < points; ++p) layout.curves[0].push_back(p);
    return layout;
  }
  layout.x_label = sw.keys[along];
  std::vector<KeyColumn> columns;
  for (std::size_t k = 0; k < sw.keys.size(); ++k) columns.push_back(key_column(sw, k));
  for (std::size_t p = 0; p < points; ++p) {
    layout.x.push_back(sw.numbers[p][along]);
    std::string curve;
    for (std::size_t k = 0; k < sw.keys.size(); ++k)
      if (k != along && layout.connect)
        curve += (curve.empty() ? "" : ", ") + columns[k].heading + " " + columns[k].cells[p];
    auto at = std::find(layout.curve_names.begin(), layout.curve_names.end(), curve);
    if (at == layout.curve_names.end()) {
      layout.curve_names.push_back(curve);
      layout.curves.emplace_back();
      at = layout.curve_names.end() - 1;
    }
    layout.curves[static_cast<std::size_t>(at - layout.curve_names.begin())].push_back(p);
  }
  for (auto& curve : layout.curves)
    std::stable_sort(curve.begin(), curve.end(),
                     [&](std::size_t a, std::size_t b) { return layout.x[a] < layout.x[b]; });
  return layout;
}

void points_table(HtmlPage& page, const StoredSweep& sw, std::size_t reference) {
  page.heading(2, "Points");
  std::vector<std::string> header{"point"};
  for (const std::string& key : sw.keys) header.push_back(key);
  std::vector<KeyColumn> columns;
  for (std::size_t k = 0; k < sw.keys.size(); ++k) columns.push_back(key_column(sw, k));
  std::vector<std::vector<std::string>> rows;
  for (std::size_t p = 0; p < sw.values.size(); ++p) {
    std::vector<std::string> row{std::to_string(p + 1) + (p == reference ? " (reference)" : "")};
    // A value named by a letter in the charts is shown with its letter.
    for (std::size_t k = 0; k < sw.keys.size(); ++k)
      row.push_back(columns[k].legend.empty() ? sw.values[p][k] : columns[k].cells[p] + ": " + sw.values[p][k]);
    rows.push_back(std::move(row));
  }
  page.table(header, rows, header.size());
}

/// Two charts of one measure of one cohort: its level at each point, and its paired difference
/// from the reference point.
void measure_charts(HtmlPage& page, const StoredSweep& sw, std::size_t c, std::size_t m,
                    const std::vector<std::size_t>& actors, const PointLayout& layout, std::size_t reference) {
  const CohortMeasure& measure = *sweep_report_measures()[m];
  const StoredSweep::Measure& stored = sw.cohorts[c][m];
  const std::size_t points = sw.values.size(), all_actors = sw.actors.size();
  const auto mean_at = view(stored.mean, points, all_actors), q05_at = view(stored.q05, points, all_actors),
             q95_at = view(stored.q95, points, all_actors);
  const std::string unit =
      measure.in_currency ? " (" + sw.money_unit + ")" : "";  // in the caption: too long for an axis
  LineChart level, difference;
  level.title = std::string(measure.label);
  level.x_label = difference.x_label = layout.x_label;
  level.y_label = std::string(measure.label);
  difference.title = std::string(measure.label) + " against point " + std::to_string(reference + 1);
  // A difference of percentages is in points.
  difference.y_label = measure.label.back() == '%' ? "difference, points" : "difference";
  difference.zero_line = true;
  for (const std::size_t a : actors)
    for (std::size_t g = 0; g < layout.curves.size(); ++g) {
      const std::string label =
          layout.curve_names[g].empty() ? sw.actors[a] : sw.actors[a] + ", " + layout.curve_names[g];
      Series at_level{label, {}, {}, {}, {}, true, layout.connect}, against = at_level;
      for (const std::size_t p : layout.curves[g]) {
        at_level.x.push_back(layout.x[p]);
        against.x.push_back(layout.x[p]);
        at_level.y.push_back(measure.scale * mean_at(p, a));
        at_level.lower.push_back(measure.scale * q05_at(p, a));
        at_level.upper.push_back(measure.scale * q95_at(p, a));
        const MeanInterval d = paired_contrast(sw, stored, p, reference, a);
        against.y.push_back(measure.scale * d.mean);
        against.lower.push_back(measure.scale * d.lower);
        against.upper.push_back(measure.scale * d.upper);
      }
      level.series.push_back(std::move(at_level));
      difference.series.push_back(std::move(against));
    }
  page.figure(line_chart(level), "Mean and 90% interval over replications at each point" + unit + ".");
  page.figure(line_chart(difference), "Paired difference from point " + std::to_string(reference + 1) +
                                          ", replication by replication, with its 95% interval" + unit + ".");
}

}  // namespace

std::string sweep_report_html(const std::string& path, int reference_point) {
  const auto measures = sweep_report_measures();
  std::vector<std::string> names;
  for (const CohortMeasure* m : measures) names.emplace_back(m->name);
  names.emplace_back("members");
  const StoredSweep sw = read_sweep(path, names);
  const auto reference = static_cast<std::size_t>(reference_point - 1);
  HtmlPage page("Sweep of " + sw.scenario_name + ": " + std::to_string(sw.values.size()) + " points (" + sw.design +
                ") \u00d7 " + std::to_string(sw.replications) + " replications");
  page.paragraph(
      "Every point has the same draws in replication r, so a point is compared with the reference replication by "
      "replication: the paired difference and its 95% interval are far narrower than the overlap of the two "
      "points' intervals suggests. Actors that serve nobody in a cohort, or that the swept keys do not reach, are "
      "left out.");
  points_table(page, sw, reference);
  const PointLayout layout = point_layout(sw);
  for (std::size_t c = 0; c < sw.cohort_names.size(); ++c) {
    const CohortActors actors = cohort_actors(sw, c);
    page.heading(2, "Cohort " + sw.cohort_names[c]);
    for (const std::size_t a : actors.unreached)
      page.paragraph(sw.actors[a] + ": the same at every point in every replication (the sweep does not reach it).");
    if (actors.reached.empty()) {
      page.paragraph("No actor the sweep reaches has members in this cohort.");
      continue;
    }
    page.open_figures();
    for (std::size_t m = 0; m < measures.size(); ++m) measure_charts(page, sw, c, m, actors.reached, layout, reference);
    page.close_figures();
  }
  manifest(page, path);
  return page.str();
}

}  // namespace almpsim::report
