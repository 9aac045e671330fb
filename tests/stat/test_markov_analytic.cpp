// The reference Markov workload against its exact answer: occupancy share at week w = p0 . P^w.
#include <Eigen/Dense>
#include <cmath>
#include <iostream>

#include "almpsim/engine.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

TEST_CASE("reference Markov occupancy matches p0 . P^t within 5 standard errors", "[stat]") {
  const Params p = test::shipped("reference_markov.toml");
  // The same numbers as scenarios/reference_markov.toml, typed in independently.
  Eigen::Matrix<double, 9, 9> P;
  P << 0.9975, 0.0010, 0.0012, 0.0000, 0.0000, 0.0000, 0.0000, 0.0001, 0.0002,  //
      0.0200, 0.9680, 0.0040, 0.0005, 0.0000, 0.0025, 0.0015, 0.0025, 0.0010,   //
      0.0360, 0.0060, 0.9500, 0.0020, 0.0000, 0.0030, 0.0020, 0.0000, 0.0010,   //
      0.0000, 0.0020, 0.0020, 0.9700, 0.0220, 0.0000, 0.0030, 0.0000, 0.0010,   //
      0.0010, 0.0000, 0.0020, 0.0050, 0.9900, 0.0000, 0.0010, 0.0000, 0.0010,   //
      0.0080, 0.0040, 0.0020, 0.0050, 0.0000, 0.9750, 0.0050, 0.0000, 0.0010,   //
      0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 1.0000, 0.0000, 0.0000,   //
      0.0150, 0.0030, 0.0010, 0.0000, 0.0000, 0.0000, 0.0000, 0.9800, 0.0010,   //
      0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 1.0000;
  Eigen::Matrix<double, 1, 9> p0;
  p0 << 0.800, 0.070, 0.030, 0.005, 0.020, 0.005, 0.050, 0.015, 0.005;
  REQUIRE(p.population.size == 1000000);
  REQUIRE(p.calendar.weeks == 520);

  MonteCarloOptions options;
  options.threads = 2;
  const auto r = run_monte_carlo(p, options).front();
  const double n = static_cast<double>(p.population.size);
  constexpr double k = 5.0;  // standard errors allowed
  double largest = 0.0;
  for (const Week w : {0, 52, 260, 519}) {
    Eigen::Matrix<double, 1, 9> expected = p0;
    for (Week t = 0; t < w; ++t) expected = expected * P;
    for (int s = 0; s < kStates; ++s) {
      const double e = expected(s);
      const double share = r.occupancy[static_cast<std::size_t>(w) * kStates + static_cast<std::size_t>(s)] / n;
      const double se = std::sqrt(e * (1 - e) / n);
      INFO("week " << w << " state " << kStateNames[static_cast<std::size_t>(s)] << " expected " << e << " got "
                   << share);
      CHECK(std::abs(share - e) <= k * se);
      largest = std::max(largest, std::abs(share - e) / se);
    }
  }
  std::cout << "reference Markov: largest deviation from p0.P^t = " << largest << " standard errors\n";
}
