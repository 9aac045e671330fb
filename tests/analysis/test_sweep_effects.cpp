// What a sweep says about its keys: main effects on a grid, slopes over a Latin hypercube.
#include "almpsim/sweep_effects.hpp"

#include <cmath>

#include "support/catch.hpp"

using namespace almpsim;

TEST_CASE("a main effect is the mean over the points at each value, in the order first met", "[unit]") {
  // A 2 x 3 grid: key 0 in {a, b}, key 1 in {1, 2, 3}; mean = 10 (a) or 20 (b) + key 1.
  const std::vector<std::vector<std::string>> values = {{"a", "1"}, {"a", "2"}, {"a", "3"},
                                                        {"b", "1"}, {"b", "2"}, {"b", "3"}};
  const std::vector<double> means = {11, 12, 13, 21, 22, 23};
  const auto first = main_effect(values, 0, means);
  REQUIRE(first.size() == 2);
  CHECK(first[0].first == "a");
  CHECK(first[0].second == Approx(12.0));
  CHECK(first[1].second == Approx(22.0));
  const auto second = main_effect(values, 1, means);
  REQUIRE(second.size() == 3);
  CHECK(second[2].first == "3");
  CHECK(second[2].second == Approx(18.0));
}

TEST_CASE("least-squares slopes recover an exact linear response, and say NaN when they cannot", "[unit]") {
  const std::vector<std::vector<double>> numbers = {{0, 1}, {1, 0}, {2, 5}, {3, 2}, {4, 4}};
  std::vector<double> means;
  for (const auto& x : numbers) means.push_back(1.5 + 2.0 * x[0] - 0.5 * x[1]);
  const auto b = least_squares_slopes(numbers, means);
  REQUIRE(b.size() == 2);
  CHECK(b[0] == Approx(2.0));
  CHECK(b[1] == Approx(-0.5));
  const auto too_few = least_squares_slopes({{0, 1}, {1, 0}}, {1.0, 2.0});
  CHECK(std::isnan(too_few[0]));
}
