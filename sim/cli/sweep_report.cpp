// almpsim report on a sweep file: each outcome at each point, its paired difference from a
// reference point, and its main effect of each key.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "almpsim/array_view.hpp"
#include "almpsim/measures.hpp"
#include "almpsim/output.hpp"
#include "almpsim/stats.hpp"
#include "almpsim/sweep_effects.hpp"
#include "exit_status.hpp"
#include "report.hpp"
#include "report/sweep_views.hpp"
#include "text_columns.hpp"

namespace almpsim::cli {

using report::paired_contrast;

namespace {

std::string fixed(int decimals, double x, bool sign = false) {
  char buf[64];
  std::snprintf(buf, sizeof buf, sign ? "%+.*f" : "%.*f", decimals, x);
  return buf;
}

using report::key_column;
using report::KeyColumn;

/// The first point at which key k has this value (as text).
std::size_t first_point_with(const StoredSweep& sw, std::size_t k, const std::string& value) {
  std::size_t p = 0;
  while (p + 1 < sw.values.size() && sw.values[p][k] != value) ++p;
  return p;
}

void print_sweep_json(const StoredSweep& sw, std::size_t reference, std::size_t members) {
  using json = nlohmann::ordered_json;
  const std::size_t actors = sw.actors.size(), points = sw.values.size();
  json point_values = json::array();
  for (std::size_t p = 0; p < points; ++p) {
    json values = json::object();
    for (std::size_t k = 0; k < sw.keys.size(); ++k) values[sw.keys[k]] = sw.values[p][k];
    point_values.push_back(std::move(values));
  }
  json cohorts = json::object();
  for (std::size_t c = 0; c < sw.cohort_names.size(); ++c) {
    json measures = json::object();
    for (std::size_t m = 0; m < report::sweep_report_measures().size(); ++m) {
      const CohortMeasure& s = *report::sweep_report_measures()[m];
      const StoredSweep::Measure& ms = sw.cohorts[c][m];
      const auto mean_at = view(ms.mean, points, actors), q05_at = view(ms.q05, points, actors),
                 q95_at = view(ms.q95, points, actors);
      json by_actor = json::object();
      for (const std::size_t a : report::served_actors(sw, c, members)) {
        json mean = json::array(), q05 = json::array(), q95 = json::array(), diff = json::array(),
             lower = json::array(), upper = json::array();
        for (std::size_t p = 0; p < points; ++p) {
          mean.push_back(mean_at(p, a) * s.scale);
          q05.push_back(q05_at(p, a) * s.scale);
          q95.push_back(q95_at(p, a) * s.scale);
          const MeanInterval d = paired_contrast(sw, ms, p, reference, a);
          diff.push_back(d.mean * s.scale);
          lower.push_back(d.lower * s.scale);
          upper.push_back(d.upper * s.scale);
        }
        by_actor[sw.actors[a]] = {{"mean", std::move(mean)},
                                  {"q05", std::move(q05)},
                                  {"q95", std::move(q95)},
                                  {"difference", std::move(diff)},
                                  {"difference_lower", std::move(lower)},
                                  {"difference_upper", std::move(upper)}};
      }
      measures[std::string(s.name)] = std::move(by_actor);
    }
    cohorts[sw.cohort_names[c]] = std::move(measures);
  }
  const json out = {{"scenario", sw.scenario_name},      {"design", sw.design},
                    {"replications", sw.replications},   {"reference_point", reference + 1},
                    {"points", std::move(point_values)}, {"cohorts", std::move(cohorts)}};
  std::printf("%s\n", out.dump().c_str());
}

/// One measure of one cohort: a row per point, two columns per served actor.
void print_measure(std::ostringstream& out, const StoredSweep& sw, const std::vector<KeyColumn>& keys,
                   const CohortMeasure& s, const StoredSweep::Measure& ms, const std::vector<std::size_t>& actors,
                   std::size_t reference) {
  const std::size_t points = sw.values.size(), all_actors = sw.actors.size();
  const auto mean_at = view(ms.mean, points, all_actors), q05_at = view(ms.q05, points, all_actors),
             q95_at = view(ms.q95, points, all_actors);
  const int decimals = s.decimals;
  out << "\n  " << s.label << (s.in_currency ? " (" + sw.money_unit + ")" : "") << "\n    " << padded("point", 7);
  for (const KeyColumn& key : keys) out << padded(key.heading, std::max<std::size_t>(key.heading.size() + 2, 8));
  for (const std::size_t a : actors)
    out << padded(sw.actors[a], 24) << padded("vs point " + std::to_string(reference + 1), 30);
  out << "\n";
  for (std::size_t p = 0; p < points; ++p) {
    out << "    " << padded(std::to_string(p + 1), 7);
    for (const KeyColumn& key : keys) out << padded(key.cells[p], std::max<std::size_t>(key.heading.size() + 2, 8));
    for (const std::size_t a : actors) {
      const double scale = s.scale;
      out << padded(fixed(decimals, scale * mean_at(p, a)) + " [" + fixed(decimals, scale * q05_at(p, a)) + ", " +
                        fixed(decimals, scale * q95_at(p, a)) + "]",
                    24);
      if (p == reference) {
        out << padded("reference", 30);
        continue;
      }
      const MeanInterval diff = paired_contrast(sw, ms, p, reference, a);
      const bool clear = diff.lower > 0 || diff.upper < 0;
      out << padded(fixed(decimals + 1, scale * diff.mean, true) + " [" +
                        fixed(decimals + 1, scale * diff.lower, true) + ", " +
                        fixed(decimals + 1, scale * diff.upper, true) + "]" + (clear ? " *" : ""),
                    30);
    }
    out << "\n";
  }
  for (const std::size_t a : actors) {
    std::vector<double> means(points);
    for (std::size_t p = 0; p < points; ++p) means[p] = mean_at(p, a) * s.scale;
    for (std::size_t k = 0; k < sw.keys.size(); ++k) {
      if (sw.design == "grid") {
        out << "    main effect of " << keys[k].heading << " for " << sw.actors[a] << ":";
        const auto effect = main_effect(sw.values, k, means);
        for (std::size_t i = 0; i < effect.size(); ++i)
          out << (i ? " | " : " ") << keys[k].cells[first_point_with(sw, k, effect[i].first)] << ": "
              << fixed(decimals, effect[i].second);
        out << "\n";
      } else {
        char slope[48];
        std::snprintf(slope, sizeof slope, "%.4g", least_squares_slopes(sw.numbers, means)[k]);
        out << "    slope of " << sw.actors[a] << " on " << keys[k].heading << ": " << slope
            << " per unit (least squares over the points)\n";
      }
    }
  }
}

}  // namespace

int report_sweep(const std::string& path, bool json, int reference_point) {
  std::vector<std::string> names;
  for (const CohortMeasure* s : report::sweep_report_measures()) names.emplace_back(s->name);
  names.emplace_back("members");
  const StoredSweep sw = read_sweep(path, names);
  const std::size_t points = sw.values.size();
  if (reference_point < 1 || static_cast<std::size_t>(reference_point) > points) {
    std::fprintf(stderr, "error: --reference %d: the sweep has points 1 to %zu\n", reference_point, points);
    return kExitBadInput;
  }
  const auto reference = static_cast<std::size_t>(reference_point - 1);
  // The members are read after the shown measures, to find the actors each cohort has.
  const std::size_t members_at = report::sweep_report_measures().size();
  if (json) {
    print_sweep_json(sw, reference, members_at);
    return 0;
  }
  std::vector<KeyColumn> keys;
  for (std::size_t k = 0; k < sw.keys.size(); ++k) keys.push_back(key_column(sw, k));
  std::ostringstream out;
  out << "Sweep of " << sw.scenario_name << ": " << points << " point(s) (" << sw.design << ") x " << sw.replications
      << " replication(s).\n"
      << "Each point: mean [90% interval over replications]. vs point " << reference + 1
      << ": the difference from that point,\n"
      << "replication by replication (the same draws at every point), mean [95% interval], * where it\n"
      << "excludes 0 (--reference chooses the point). Actors that serve nobody in a cohort are left out.\n"
      << "A main effect is the mean over the points with each value.\n\nKeys:\n";
  for (std::size_t k = 0; k < sw.keys.size(); ++k) {
    out << "  " << keys[k].heading << " = " << sw.keys[k] << "\n";
    for (const std::string& line : keys[k].legend) out << "    " << line << "\n";
  }
  for (std::size_t c = 0; c < sw.cohort_names.size(); ++c) {
    const report::CohortActors actors = report::cohort_actors(sw, c);
    out << "\ncohort " << sw.cohort_names[c];
    if (actors.reached.empty() && actors.unreached.empty()) {
      out << ": no members at any point\n";
      continue;
    }
    out << "\n";
    for (const std::size_t a : actors.unreached)
      out << "  " << sw.actors[a] << ": the same at every point in every replication (the sweep does not reach it)\n";
    if (actors.reached.empty()) continue;
    for (std::size_t m = 0; m < report::sweep_report_measures().size(); ++m)
      print_measure(out, sw, keys, *report::sweep_report_measures()[m], sw.cohorts[c][m], actors.reached, reference);
  }
  // Cells are padded to their columns; the last one's padding ends no line.
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) {
    line.erase(line.find_last_not_of(' ') + 1);
    std::printf("%s\n", line.c_str());
  }
  return 0;
}

}  // namespace almpsim::cli
