#include "almpsim/employability.hpp"

#include <cmath>
#include <numeric>

#include "support/catch.hpp"

using namespace almpsim;

TEST_CASE("a tilted stock mix weights classes by exp(-tilt x log multiplier)", "[unit]") {
  const std::vector<double> shares{0.5, 0.5}, values{-1.0, 1.0};
  const auto flat = tilted_shares(shares, values, 0.0);
  CHECK(flat[0] == Approx(0.5));
  const auto biased = tilted_shares(shares, values, 1.0);
  // e^1 / (e^1 + e^-1) by hand.
  CHECK(biased[0] == Approx(std::exp(1.0) / (std::exp(1.0) + std::exp(-1.0))));
  CHECK(biased[0] + biased[1] == Approx(1.0));
}

TEST_CASE("employability classes are the normal's conditional means in equal-probability slices", "[unit]") {
  const auto v = employability_classes(0.8, 5);
  REQUIRE(v.size() == 5);
  // Symmetric around 0, increasing, and their mean is the normal's mean.
  CHECK(v[2] == Approx(0.0).margin(1e-12));
  CHECK(v[0] == Approx(-v[4]));
  CHECK(std::accumulate(v.begin(), v.end(), 0.0) == Approx(0.0).margin(1e-12));
  for (std::size_t k = 1; k < v.size(); ++k) CHECK(v[k] > v[k - 1]);
  // Two classes: +-sd * phi(0) / (1/2) = +-sd * sqrt(2/pi).
  CHECK(employability_classes(1.0, 2)[1] == Approx(std::sqrt(2.0 / M_PI)));
  CHECK(employability_classes(0.0, 5) == std::vector<double>(5, 0.0));
}
