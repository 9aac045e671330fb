#include "sweep_views.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "almpsim/array_view.hpp"

namespace almpsim::report {

namespace {
constexpr std::size_t kLongestValue = 14;  // longer values (inline tables) print as letters
}  // namespace

std::vector<const CohortMeasure*> sweep_report_measures() {
  std::vector<const CohortMeasure*> out;
  for (const CohortMeasure& m : cohort_measures())
    if (m.in_sweep_report) out.push_back(&m);
  return out;
}

std::vector<std::size_t> served_actors(const StoredSweep& sw, std::size_t c, std::size_t members) {
  const std::size_t actors = sw.actors.size(), points = sw.values.size();
  const auto mean_at = view(sw.cohorts[c][members].mean, points, actors);
  std::vector<std::size_t> out;
  for (std::size_t a = 0; a < actors; ++a)
    for (std::size_t p = 0; p < points; ++p)
      if (mean_at(p, a) > 0) {
        out.push_back(a);
        break;
      }
  return out;
}

bool reached_by_sweep(const StoredSweep& sw, std::size_t c, std::size_t a, std::size_t measures) {
  const std::size_t points = sw.values.size(), reps = static_cast<std::size_t>(sw.replications);
  for (std::size_t m = 0; m < measures; ++m) {
    const auto draw = view(sw.cohorts[c][m].draws, points, reps, sw.actors.size());
    for (std::size_t p = 1; p < points; ++p)
      for (std::size_t r = 0; r < reps; ++r) {
        const double x = draw(p, r, a), y = draw(0, r, a);
        if (x != y && !(std::isnan(x) && std::isnan(y))) return true;
      }
  }
  return false;
}

CohortActors cohort_actors(const StoredSweep& sw, std::size_t c) {
  const std::size_t measures = sweep_report_measures().size();  // "members" is read after them
  CohortActors out;
  for (const std::size_t a : served_actors(sw, c, measures))
    (reached_by_sweep(sw, c, a, measures) ? out.reached : out.unreached).push_back(a);
  return out;
}

MeanInterval paired_contrast(const StoredSweep& sw, const StoredSweep::Measure& m, std::size_t p, std::size_t reference,
                             std::size_t a) {
  const std::size_t actors = sw.actors.size(), reps = static_cast<std::size_t>(sw.replications);
  const auto draw = view(m.draws, sw.values.size(), reps, actors);
  std::vector<double> d;
  for (std::size_t r = 0; r < reps; ++r) d.push_back(draw(p, r, a) - draw(reference, r, a));
  return mean_interval(d, 0.95);
}

KeyColumn key_column(const StoredSweep& sw, std::size_t k) {
  KeyColumn col;
  col.heading = sw.keys[k].substr(sw.keys[k].rfind('.') + 1);
  bool long_values = false;
  for (std::size_t p = 0; p < sw.values.size(); ++p) {
    const double x = sw.numbers[p][k];
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", x);
    col.cells.push_back(std::isfinite(x) ? std::string(buf) : sw.values[p][k]);
    long_values = long_values || col.cells.back().size() > kLongestValue;
  }
  if (!long_values) return col;
  std::vector<std::string> distinct;
  for (std::size_t p = 0; p < sw.values.size(); ++p) {
    auto at = std::find(distinct.begin(), distinct.end(), sw.values[p][k]);
    if (at == distinct.end()) at = distinct.insert(distinct.end(), sw.values[p][k]);
    col.cells[p] = std::string(1, static_cast<char>('a' + (at - distinct.begin()) % 26));
  }
  for (std::size_t i = 0; i < distinct.size(); ++i)
    col.legend.push_back(std::string(1, static_cast<char>('a' + i % 26)) + " = " + distinct[i]);
  return col;
}

}  // namespace almpsim::report
