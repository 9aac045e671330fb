#pragma once
/// Summary statistics over replications.
#include <vector>

namespace almpsim {

struct Summary {
  double mean, sd, q05, q50, q95;
};

/// Quantile by linear interpolation between order statistics (R's type 7); NaNs are ignored.
double quantile(std::vector<double> values, double p);
/// Mean, sample standard deviation and the 5/50/95% quantiles, ignoring NaNs (all NaN: NaN).
Summary summarise(const std::vector<double>& values);

}  // namespace almpsim
