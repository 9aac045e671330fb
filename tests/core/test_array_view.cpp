// The view over flat result arrays: row-major indexing and sub-arrays.
#include "almpsim/array_view.hpp"

#include "support/catch.hpp"

using namespace almpsim;

TEST_CASE("an array view indexes row-major and its sub-arrays share the data", "[unit]") {
  std::vector<int> flat(2 * 3 * 4);
  for (std::size_t k = 0; k < flat.size(); ++k) flat[k] = static_cast<int>(k);
  const auto v = view(flat, 2, 3, 4);
  CHECK(v(0, 0, 0) == 0);
  CHECK(v(0, 0, 3) == 3);
  CHECK(v(0, 2, 1) == 9);
  CHECK(v(1, 2, 3) == 23);
  CHECK(v.extent(1) == 3);
  const auto second = v[1];
  CHECK(second(0, 0) == 12);
  CHECK(second(2, 3) == 23);
  second(1, 1) = -1;
  CHECK(flat[1 * 12 + 1 * 4 + 1] == -1);
  const std::vector<double> constant{1.0, 2.0};
  CHECK(view(constant, 2)(1) == 2.0);
}
