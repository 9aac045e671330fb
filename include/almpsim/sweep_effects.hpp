#pragma once
/// What a sweep says about each swept key, from the mean of an outcome at each point.
#include <string>
#include <utility>
#include <vector>

namespace almpsim {

/// Main effect of key `key` on a grid: for each of its values (in the order first met), the
/// mean over the points that have it. `values[p][k]` is key k's value at point p as text.
std::vector<std::pair<std::string, double>> main_effect(const std::vector<std::vector<std::string>>& values,
                                                        std::size_t key, const std::vector<double>& point_means);

/// Least-squares slopes of the point means on the numeric key values (`numbers[p][k]`), as
/// for a Latin hypercube; NaN when there are too few points or a value is not finite.
std::vector<double> least_squares_slopes(const std::vector<std::vector<double>>& numbers,
                                         const std::vector<double>& point_means);

}  // namespace almpsim
