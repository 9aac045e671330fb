// almpsim report on a sweep file: each outcome at each point, and its response to each key.
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "almpsim/array_view.hpp"
#include "almpsim/measures.hpp"
#include "almpsim/output.hpp"
#include "almpsim/sweep_effects.hpp"
#include "report.hpp"
#include "text_columns.hpp"

namespace almpsim::cli {

namespace {

/// The measures a sweep report shows, in the table's order.
std::vector<const CohortMeasure*> shown() {
  std::vector<const CohortMeasure*> out;
  for (const CohortMeasure& m : cohort_measures())
    if (m.in_sweep_report) out.push_back(&m);
  return out;
}

std::string fmt(const char* format, double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, x);
  return buf;
}
/// A value already in a measure's printed unit, with the measure's decimals.
std::string fixed(const CohortMeasure& m, double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", m.decimals, x);
  return buf;
}

}  // namespace

namespace {
/// Each point's values, and per cohort, measure and actor the mean and 90% interval at every
/// point; NaN (an arm that serves nobody) becomes null.
void print_sweep_json(const StoredSweep& sw) {
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
    for (std::size_t m = 0; m < shown().size(); ++m) {
      const CohortMeasure& s = *shown()[m];
      const StoredSweep::Measure& ms = sw.cohorts[c][m];
      const auto mean_at = view(ms.mean, points, actors), q05_at = view(ms.q05, points, actors),
                 q95_at = view(ms.q95, points, actors);
      json by_actor = json::object();
      for (std::size_t a = 0; a < actors; ++a) {
        json mean = json::array(), q05 = json::array(), q95 = json::array();
        for (std::size_t p = 0; p < points; ++p) {
          mean.push_back(mean_at(p, a) * s.scale);
          q05.push_back(q05_at(p, a) * s.scale);
          q95.push_back(q95_at(p, a) * s.scale);
        }
        by_actor[sw.actors[a]] = {{"mean", std::move(mean)}, {"q05", std::move(q05)}, {"q95", std::move(q95)}};
      }
      measures[std::string(s.name)] = std::move(by_actor);
    }
    cohorts[sw.cohort_names[c]] = std::move(measures);
  }
  const json out = {{"scenario", sw.scenario_name},
                    {"design", sw.design},
                    {"points", std::move(point_values)},
                    {"cohorts", std::move(cohorts)}};
  std::printf("%s\n", out.dump().c_str());
}
}  // namespace

int report_sweep(const std::string& path, bool json) {
  std::vector<std::string> names;
  for (const CohortMeasure* s : shown()) names.emplace_back(s->name);
  const StoredSweep sw = read_sweep(path, names);
  if (json) {
    print_sweep_json(sw);
    return 0;
  }
  const std::size_t actors = sw.actors.size(), points = sw.values.size();
  std::ostringstream out;
  out << "Sweep of " << sw.scenario_name << ": " << points << " point(s) (" << sw.design << ") x " << sw.replications
      << " replication(s); mean [90% interval over replications]\n";
  for (std::size_t c = 0; c < sw.cohort_names.size(); ++c) {
    out << "\ncohort " << sw.cohort_names[c] << "\n";
    for (std::size_t m = 0; m < shown().size(); ++m) {
      const CohortMeasure& s = *shown()[m];
      const StoredSweep::Measure& ms = sw.cohorts[c][m];
      const auto mean_at = view(ms.mean, points, actors), q05_at = view(ms.q05, points, actors),
                 q95_at = view(ms.q95, points, actors);
      out << "  " << s.label << "\n    ";
      for (const std::string& k : sw.keys) out << padded(k.substr(k.rfind('.') + 1), 15);
      for (const std::string& a : sw.actors) out << padded(a, 28);
      out << "\n";
      for (std::size_t p = 0; p < points; ++p) {
        out << "    ";
        for (const std::string& v : sw.values[p]) out << padded(v, 15);
        for (std::size_t a = 0; a < actors; ++a) {
          const std::string cell = fixed(s, mean_at(p, a) * s.scale) + " [" + fixed(s, q05_at(p, a) * s.scale) + ", " +
                                   fixed(s, q95_at(p, a) * s.scale) + "]";
          out << padded(cell, 28);
        }
        out << "\n";
      }
      // The response to each key, per actor.
      for (std::size_t a = 0; a < actors; ++a) {
        std::vector<double> means(points);
        for (std::size_t p = 0; p < points; ++p) means[p] = mean_at(p, a) * s.scale;
        if (sw.design == "grid") {
          for (std::size_t k = 0; k < sw.keys.size(); ++k) {
            out << "    response of " << sw.actors[a] << " to " << sw.keys[k] << ":";
            for (const auto& [v, x] : main_effect(sw.values, k, means)) out << "  " << v << " -> " << fixed(s, x);
            out << "\n";
          }
        } else {
          const auto b = least_squares_slopes(sw.numbers, means);
          for (std::size_t k = 0; k < sw.keys.size(); ++k)
            out << "    response of " << sw.actors[a] << " to " << sw.keys[k] << ": " << fmt("%.4g", b[k])
                << " per unit (least squares over the points)\n";
        }
      }
    }
  }
  std::fputs(out.str().c_str(), stdout);
  return 0;
}

}  // namespace almpsim::cli
