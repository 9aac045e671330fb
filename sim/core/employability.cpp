#include "almpsim/employability.hpp"

#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <limits>

namespace almpsim {

std::vector<double> employability_classes(double sd, int classes) {
  std::vector<double> log_values(static_cast<std::size_t>(classes), 0.0);
  if (sd <= 0 || classes == 1) return log_values;
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const boost::math::normal_distribution<double> z;
  for (int k = 0; k < classes; ++k) {
    const double lo = k == 0 ? -kInf : boost::math::quantile(z, double(k) / classes);
    const double hi = k + 1 == classes ? kInf : boost::math::quantile(z, double(k + 1) / classes);
    const double phi_lo = std::isinf(lo) ? 0.0 : boost::math::pdf(z, lo);
    const double phi_hi = std::isinf(hi) ? 0.0 : boost::math::pdf(z, hi);
    log_values[static_cast<std::size_t>(k)] = sd * classes * (phi_lo - phi_hi);
  }
  return log_values;
}

std::vector<double> tilted_shares(const std::vector<double>& shares, const std::vector<double>& log_values,
                                  double tilt) {
  std::vector<double> out(shares.size());
  double total = 0.0;
  for (std::size_t k = 0; k < shares.size(); ++k) total += out[k] = shares[k] * std::exp(-tilt * log_values[k]);
  for (double& x : out) x /= total;
  return out;
}

}  // namespace almpsim
