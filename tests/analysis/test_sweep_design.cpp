// Sweep designs: a full grid and a Latin hypercube over the swept keys.
#include "almpsim/sweep_design.hpp"

#include <set>

#include "support/catch.hpp"

using namespace almpsim;

TEST_CASE("a grid runs every combination with the first axis varying slowest", "[unit]") {
  SweepSpec spec;
  spec.axes = {{"a", {"1", "2"}, 0, 0, false}, {"b", {"'x'", "'y'", "'z'"}, 0, 0, false}};
  const auto points = sweep_points(spec);
  REQUIRE(points.size() == 6);
  auto texts = [](const SweepPoint& p) {
    std::vector<std::string> out;
    for (const Override& o : p.overrides) out.push_back(o.text);
    return out;
  };
  CHECK(texts(points[0]) == std::vector<std::string>{"a=1", "b='x'"});
  CHECK(texts(points[2]) == std::vector<std::string>{"a=1", "b='z'"});
  CHECK(texts(points[3]) == std::vector<std::string>{"a=2", "b='x'"});
  CHECK(points[5].values == std::vector<std::string>{"2", "'z'"});
}

TEST_CASE("a Latin hypercube puts one point in each stratum of every range", "[unit]") {
  SweepSpec spec;
  spec.design = SweepSpec::Design::latin_hypercube;
  spec.points = 40;
  spec.seed = 3;
  spec.axes = {{"a", {}, 0.0, 1.0, false}, {"b", {}, 10.0, 50.0, false}};
  const auto points = sweep_points(spec);
  REQUIRE(points.size() == 40);
  for (std::size_t k = 0; k < 2; ++k) {
    std::set<int> strata;
    for (const auto& p : points) {
      const double x = std::stod(p.values[k]);
      const double u = k == 0 ? x : (x - 10.0) / 40.0;
      REQUIRE(u >= 0.0);
      REQUIRE(u < 1.0);
      strata.insert(static_cast<int>(u * 40));
    }
    CHECK(strata.size() == 40);
  }
  // The same seed gives the same design; another seed another one.
  CHECK(sweep_points(spec)[7].values == points[7].values);
  spec.seed = 4;
  CHECK(sweep_points(spec)[7].values != points[7].values);
}

TEST_CASE("sweep values split at top-level commas only", "[unit]") {
  CHECK(split_values("1, 2.5,'a,b'") == std::vector<std::string>{"1", "2.5", "'a,b'"});
  CHECK(split_values("[1, 2],{ a = 1, b = 2 }") == std::vector<std::string>{"[1, 2]", "{ a = 1, b = 2 }"});
}
