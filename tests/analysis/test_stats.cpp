#include "almpsim/stats.hpp"

#include <cmath>
#include <stdexcept>

#include "support/catch.hpp"

using namespace almpsim;

TEST_CASE("quantiles interpolate between order statistics as R type 7", "[unit]") {
  const std::vector<double> v = {3, 1, 4, 1, 5, 9, 2, 6};
  CHECK(quantile(v, 0.0) == 1.0);
  CHECK(quantile(v, 1.0) == 9.0);
  CHECK(quantile(v, 0.5) == Approx(3.5));
  CHECK(quantile(v, 0.05) == Approx(1.0));   // h = 0.35 between 1 and 1
  CHECK(quantile(v, 0.95) == Approx(7.95));  // h = 6.65 between 6 and 9
  const Summary s = summarise({1, 2, 3, 4, NAN});
  CHECK(s.mean == 2.5);
  CHECK(s.sd == Approx(std::sqrt(5.0 / 3.0)));
}

TEST_CASE("Pearson chi-square of a 2x2 table against the hand computation", "[unit]") {
  // Expected counts 12, 18 / 28, 42: chi2 = 4/12 + 4/18 + 4/28 + 4/42, 1 df.
  const ChiSquare c = pearson_chi_square({10, 20}, {30, 40});
  const double expected = 4.0 / 12 + 4.0 / 18 + 4.0 / 28 + 4.0 / 42;
  CHECK(c.statistic == Approx(expected));
  CHECK(c.df == 1);
  // With 1 df the p-value is erfc(sqrt(x / 2)).
  CHECK(c.p_value == Approx(std::erfc(std::sqrt(expected / 2))).epsilon(1e-10));
  // Empty columns do not count as degrees of freedom.
  CHECK(pearson_chi_square({10, 0, 20}, {30, 0, 40}).df == 1);
}

TEST_CASE("the difference of two shares and its normal interval", "[unit]") {
  const ShareDifference d = share_difference(0.311, 540, 0.254, 551);
  const double se = std::sqrt(0.311 * 0.689 / 540 + 0.254 * 0.746 / 551);
  CHECK(d.difference == Approx(-0.057));
  CHECK(d.upper - d.difference == Approx(1.959963984540054 * se));
  CHECK(d.difference - d.lower == Approx(1.959963984540054 * se));
  CHECK(d.se == Approx(se));
  // z = 0.057 / 0.0272159 = 2.09437; two-sided normal p = erfc(z / sqrt 2).
  CHECK(d.p_value == Approx(0.0362274).epsilon(1e-5));
  CHECK(share_difference(0.0, 10, 0.0, 10).p_value == 1.0);
}

TEST_CASE("a mean's Student-t interval against the tabulated quantile", "[unit]") {
  // Mean 2.5, sd sqrt(5/3), 4 draws: half-width t(0.975, 3) * sd / 2, with t(0.975, 3) = 3.182446
  // (statistical tables); the NaN is left out.
  const MeanInterval m = mean_interval({1, 2, 3, 4, NAN});
  const double half = 3.182446305284263 * std::sqrt(5.0 / 3.0) / 2.0;
  CHECK(m.mean == 2.5);
  CHECK(m.lower == Approx(2.5 - half).epsilon(1e-9));
  CHECK(m.upper == Approx(2.5 + half).epsilon(1e-9));
  // At 90%, t(0.95, 3) = 2.353363.
  CHECK(mean_interval({1, 2, 3, 4}, 0.90).upper == Approx(2.5 + 2.353363434801823 * std::sqrt(5.0 / 3.0) / 2.0));
  // One draw has a mean and no interval.
  const MeanInterval one = mean_interval({7.0});
  CHECK(one.mean == 7.0);
  CHECK(std::isnan(one.lower));
}

TEST_CASE("an interval's level must lie between 0 and 1", "[unit]") {
  CHECK_THROWS_AS(mean_interval({1, 2, 3}, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(mean_interval({1, 2, 3}, 0.0), std::invalid_argument);
}
