#include "almpsim/stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace almpsim {

namespace {
std::vector<double> finite(const std::vector<double>& v) {
  std::vector<double> out;
  out.reserve(v.size());
  for (double x : v)
    if (!std::isnan(x)) out.push_back(x);
  return out;
}
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

double quantile(std::vector<double> values, double p) {
  values = finite(values);
  if (values.empty()) return kNaN;
  std::sort(values.begin(), values.end());
  const double h = (static_cast<double>(values.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

Summary summarise(const std::vector<double>& values) {
  const auto v = finite(values);
  if (v.empty()) return {kNaN, kNaN, kNaN, kNaN, kNaN};
  double mean = 0.0;
  for (double x : v) mean += x;
  mean /= static_cast<double>(v.size());
  double ss = 0.0;
  for (double x : v) ss += (x - mean) * (x - mean);
  const double sd = v.size() > 1 ? std::sqrt(ss / static_cast<double>(v.size() - 1)) : kNaN;
  return {mean, sd, quantile(v, 0.05), quantile(v, 0.5), quantile(v, 0.95)};
}

}  // namespace almpsim
