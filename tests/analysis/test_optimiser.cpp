#include "almpsim/optimiser.hpp"

#include <cmath>

#include "support/catch.hpp"

using namespace almpsim;

TEST_CASE("the optimiser finds the minimum of a smooth bowl inside the unit cube", "[unit]") {
  const std::vector<double> target = {0.3, 0.7, 0.55};
  auto bowl = [&](const std::vector<double>& x) {
    double s = 0.0;
    for (std::size_t k = 0; k < x.size(); ++k) s += (k + 1.0) * (x[k] - target[k]) * (x[k] - target[k]);
    return s;
  };
  for (const char* algorithm : {"sbplx", "neldermead", "bobyqa"}) {
    const OptimiserResult r = minimise(bowl, {0.5, 0.5, 0.5}, algorithm, 2000);
    INFO(algorithm << ": " << r.status);
    for (std::size_t k = 0; k < target.size(); ++k) CHECK(r.x[k] == Approx(target[k]).margin(1e-3));
    CHECK(r.value < 1e-5);
    CHECK(r.evaluations > 0);
  }
}

TEST_CASE("unit-cube coordinates map to scale factors log-uniformly and to ranges linearly", "[unit]") {
  CHECK(from_unit(0.5, true, 0.25, 4.0) == Approx(1.0));
  CHECK(from_unit(0.0, true, 0.25, 4.0) == Approx(0.25));
  CHECK(from_unit(0.25, false, 10.0, 30.0) == Approx(15.0));
  CHECK(to_unit(from_unit(0.37, true, 0.5, 3.0), true, 0.5, 3.0) == Approx(0.37));
  CHECK(to_unit(100.0, false, 0.0, 1.0) == 1.0);
}

TEST_CASE("the fit objective sums squared standardised errors", "[unit]") {
  CHECK(fit_objective({{10.0, 12.0, 1.0}, {0.5, 0.4, 0.05}}) == Approx(4.0 + 4.0));
  CHECK(fit_objective({{10.0, NAN, 1.0}}) >= 1e6);
}
