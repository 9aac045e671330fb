#include "../../sim/core/thread_shares.hpp"

#include <cstdlib>
#include <vector>

#include "support/catch.hpp"

using namespace almpsim;

TEST_CASE("thread shares cover every citizen once, start at multiples of four and are about equal", "[unit]") {
  // Known values: 15 citizens on two threads start at 0 and 4 (7 rounded down to a multiple of 4).
  CHECK(thread_share_start(15, 0, 2) == 0);
  CHECK(thread_share_start(15, 1, 2) == 4);
  CHECK(thread_share_start(1000000, 1, 2) == 500000);
  std::vector<CitizenId> populations;
  for (CitizenId n = 0; n <= 50; ++n) populations.push_back(n);
  for (const CitizenId n : {8191u, 8192u, 8193u, 3u * 8192u + 5u, 1000003u, 0xFFFFFFF0u}) populations.push_back(n);
  for (int team = 1; team <= 8; ++team)
    for (const CitizenId present : populations) {
      INFO("team " << team << ", " << present << " citizens");
      CHECK(thread_share_start(present, 0, team) == 0);
      std::uint64_t covered = 0;
      for (int t = 0; t < team; ++t) {
        const CitizenId start = thread_share_start(present, t, team);
        const CitizenId end = t + 1 == team ? present : thread_share_start(present, t + 1, team);
        CHECK(start % 4 == 0);
        REQUIRE(start <= end);
        covered += end - start;
        // Within four citizens of an equal share.
        const double equal = static_cast<double>(present) / team;
        CHECK(std::abs(static_cast<double>(end - start) - equal) < 4.0);
      }
      CHECK(covered == present);
    }
}
