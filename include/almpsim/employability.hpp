#pragma once
/// Latent employability: unobserved heterogeneity as a discretised normal log-multiplier on
/// job finding, one class drawn per citizen.
#include <vector>

namespace almpsim {

/// Log multipliers of `classes` equal-probability classes of N(0, sd²), each at the normal's
/// conditional mean within its slice (all 0 when sd is 0 or there is one class).
std::vector<double> employability_classes(double sd, int classes);

/// Employability class shares of a stock sampled at one date: each class weighted by
/// exp(-tilt * log multiplier), i.e. by its expected spell length when tilt equals the loading
/// of the exit hazard. Tilt 0 gives the inflow's shares back.
std::vector<double> tilted_shares(const std::vector<double>& shares, const std::vector<double>& log_values,
                                  double tilt);

}  // namespace almpsim
