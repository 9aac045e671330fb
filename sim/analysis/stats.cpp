#include "almpsim/stats.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
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

#include <boost/math/distributions/students_t.hpp>
#include <stdexcept>

namespace almpsim {

MeanInterval mean_interval(const std::vector<double>& values, double level) {
  if (!(level > 0.0 && level < 1.0)) throw std::invalid_argument("an interval's level lies between 0 and 1");
  const Summary s = summarise(values);
  const auto n = static_cast<double>(finite(values).size());
  if (n < 2) return {s.mean, kNaN, kNaN};
  const boost::math::students_t t(n - 1);
  const double half = boost::math::quantile(t, 0.5 + level / 2) * s.sd / std::sqrt(n);
  return {s.mean, s.mean - half, s.mean + half};
}

}  // namespace almpsim

#include <boost/math/distributions/chi_squared.hpp>

namespace almpsim {

ChiSquare pearson_chi_square(const std::vector<double>& a, const std::vector<double>& b) {
  double total_a = 0.0, total_b = 0.0;
  for (double x : a) total_a += x;
  for (double x : b) total_b += x;
  const double total = total_a + total_b;
  ChiSquare out;
  if (total_a <= 0.0 || total_b <= 0.0) {
    out.p_value = std::numeric_limits<double>::quiet_NaN();
    return out;
  }
  int columns = 0;
  for (std::size_t k = 0; k < a.size(); ++k) {
    const double column = a[k] + b[k];
    if (column <= 0.0) continue;
    ++columns;
    const double expected_a = column * total_a / total, expected_b = column * total_b / total;
    out.statistic +=
        (a[k] - expected_a) * (a[k] - expected_a) / expected_a + (b[k] - expected_b) * (b[k] - expected_b) / expected_b;
  }
  out.df = columns - 1;
  out.p_value = out.df > 0 ? boost::math::cdf(boost::math::complement(
                                 boost::math::chi_squared_distribution<double>(out.df), out.statistic))
                           : 1.0;
  return out;
}

ShareDifference share_difference(double share_a, double n_a, double share_b, double n_b, double z) {
  const double se = std::sqrt(share_a * (1 - share_a) / n_a + share_b * (1 - share_b) / n_b);
  const double d = share_b - share_a;
  double p = 1.0;
  if (se > 0)
    p = 2.0 * boost::math::cdf(boost::math::complement(boost::math::normal_distribution<double>(), std::abs(d) / se));
  return {d, d - z * se, d + z * se, se, p};
}

}  // namespace almpsim
