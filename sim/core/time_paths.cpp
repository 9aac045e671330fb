#include "almpsim/time_paths.hpp"

#include <algorithm>
#include <cmath>

namespace almpsim {

WeekSeries step_path(const Calendar& cal, const WeekPoints& steps) {
  WeekSeries series(static_cast<std::size_t>(cal.total()), steps.empty() ? 0.0 : steps.front().second);
  for (Week w = cal.first(); w < cal.end(); ++w) {
    double value = steps.front().second;
    for (const auto& [from, v] : steps)
      if (w >= from) value = v;
    series[static_cast<std::size_t>(cal.slot(w))] = value;
  }
  return series;
}

WeekSeries linear_path(const Calendar& cal, const WeekPoints& points) {
  WeekSeries series(static_cast<std::size_t>(cal.total()), points.empty() ? 0.0 : points.front().second);
  if (points.empty()) return series;
  for (Week w = cal.first(); w < cal.end(); ++w) {
    double u = points.front().second;
    if (w >= points.back().first) u = points.back().second;
    for (std::size_t k = 0; k + 1 < points.size(); ++k)
      if (w >= points[k].first && w < points[k + 1].first)
        u = points[k].second + (points[k + 1].second - points[k].second) * (w - points[k].first) /
                                   double(points[k + 1].first - points[k].first);
    series[static_cast<std::size_t>(cal.slot(w))] = u;
  }
  return series;
}

double shock_level(int since, int ramp, int length, int recovery) {
  if (since < 0) return 0.0;
  if (since < ramp) return (since + 1) / double(ramp + 1);
  if (since < ramp + length) return 1.0;
  if (since < ramp + length + recovery) return 1.0 - (since - ramp - length + 1) / double(recovery + 1);
  return 0.0;
}

WeekSeries ramp_up_path(const Calendar& cal, double from, int weeks, Week start) {
  WeekSeries series(static_cast<std::size_t>(cal.total()), 1.0);
  for (Week w = cal.first(); w < cal.end(); ++w) {
    const double t = weeks == 0 ? 1.0 : std::clamp((w - start) / double(weeks), 0.0, 1.0);
    series[static_cast<std::size_t>(cal.slot(w))] = w < start ? from : from + (1.0 - from) * t;
  }
  return series;
}

WeekSeries network_contact(const WeekSeries& consultants, double built, double build_weeks, double reference) {
  const double closes = -std::expm1(-1.0 / build_weeks);
  WeekSeries contact(consultants.size());
  double network = built;
  for (std::size_t t = 0; t < consultants.size(); ++t) {
    contact[t] = network / reference;
    network += (consultants[t] - network) * closes;
  }
  return contact;
}

}  // namespace almpsim
