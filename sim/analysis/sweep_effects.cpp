#include "almpsim/sweep_effects.hpp"

#include <Eigen/Dense>
#include <cmath>
#include <map>

namespace almpsim {

std::vector<std::pair<std::string, double>> main_effect(const std::vector<std::vector<std::string>>& values,
                                                        std::size_t key, const std::vector<double>& point_means) {
  std::vector<std::pair<std::string, double>> out;
  std::map<std::string, std::pair<double, int>> sums;
  for (std::size_t p = 0; p < values.size(); ++p) {
    const std::string& v = values[p][key];
    if (!sums.count(v)) out.emplace_back(v, 0.0);
    sums[v].first += point_means[p];
    sums[v].second += 1;
  }
  for (auto& [v, m] : out) m = sums[v].first / sums[v].second;
  return out;
}

std::vector<double> least_squares_slopes(const std::vector<std::vector<double>>& numbers,
                                         const std::vector<double>& point_means) {
  const auto n = static_cast<Eigen::Index>(numbers.size());
  const auto k = static_cast<Eigen::Index>(numbers.empty() ? 0 : numbers[0].size());
  Eigen::MatrixXd x(n, k + 1);
  Eigen::VectorXd y(n);
  for (Eigen::Index p = 0; p < n; ++p) {
    x(p, 0) = 1.0;
    for (Eigen::Index j = 0; j < k; ++j)
      x(p, j + 1) = numbers[static_cast<std::size_t>(p)][static_cast<std::size_t>(j)];
    y(p) = point_means[static_cast<std::size_t>(p)];
  }
  std::vector<double> out(static_cast<std::size_t>(k), NAN);
  if (n <= k + 1 || !x.allFinite() || !y.allFinite()) return out;
  const Eigen::VectorXd b = x.colPivHouseholderQr().solve(y);
  for (Eigen::Index j = 0; j < k; ++j) out[static_cast<std::size_t>(j)] = b(j + 1);
  return out;
}

}  // namespace almpsim
