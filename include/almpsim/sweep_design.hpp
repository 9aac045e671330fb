#pragma once
/// The points of a parameter sweep: a full grid over listed values, or a Latin hypercube over
/// ranges. Each point is a list of scenario overrides ("key=value").
#include <string>
#include <vector>

#include "almpsim/scenario.hpp"
#include "almpsim/study.hpp"

namespace almpsim {

struct SweepPoint {
  std::vector<Override> overrides;  ///< "key=value", one per axis, in axis order, located at the axis
  std::vector<std::string> values;  ///< the values alone, as TOML text
};

/// Grid: every combination, the first axis varying slowest. Latin hypercube: `points` points,
/// each axis's range cut into that many equal strata and each stratum used once.
std::vector<SweepPoint> sweep_points(const SweepSpec& spec);

/// Splits "v1,v2,..." at the commas outside brackets, braces and quotes.
std::vector<std::string> split_values(const std::string& text);

}  // namespace almpsim
