#pragma once
/// Summary statistics over replications.
#include <limits>
#include <vector>

namespace almpsim {

struct Summary {
  double mean, sd, q05, q50, q95;
};

/// Quantile by linear interpolation between order statistics (R's type 7); NaNs are ignored.
double quantile(std::vector<double> values, double p);
/// Mean, sample standard deviation and the 5/50/95% quantiles, ignoring NaNs (all NaN: NaN).
Summary summarise(const std::vector<double>& values);

/// A mean with its confidence interval; NaN where undefined.
struct MeanInterval {
  double mean = std::numeric_limits<double>::quiet_NaN();
  double lower = std::numeric_limits<double>::quiet_NaN();
  double upper = std::numeric_limits<double>::quiet_NaN();
};

/// The mean of independent draws (e.g. paired differences over replications) and its Student-t
/// interval at `level` (in (0, 1); else std::invalid_argument), ignoring NaNs; the interval is
/// NaN with fewer than two draws.
MeanInterval mean_interval(const std::vector<double>& values, double level = 0.95);

}  // namespace almpsim

namespace almpsim {

struct ChiSquare {
  double statistic = 0.0;
  int df = 0;
  double p_value = 1.0;
};

/// Pearson's chi-square test of independence for two rows of counts (e.g. the status
/// distribution of two trial arms); columns empty in both rows are left out.
ChiSquare pearson_chi_square(const std::vector<double>& a, const std::vector<double>& b);

struct ShareDifference {
  double difference = 0.0;  ///< share_b - share_a
  double lower = 0.0, upper = 0.0;
  double se = 0.0;       ///< unpooled standard error of the difference
  double p_value = 1.0;  ///< two-sided test of no difference, normal approximation (1 when se is 0)
};

/// Difference of two independent shares with a normal-approximation interval at `z`
/// (1.96 for 95%) and its test against 0.
ShareDifference share_difference(double share_a, double n_a, double share_b, double n_b, double z = 1.959963984540054);

}  // namespace almpsim
