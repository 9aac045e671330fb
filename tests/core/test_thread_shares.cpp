#include "../../sim/core/thread_shares.hpp"

#include <algorithm>
#include <cstdlib>
#include <random>
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

namespace {

/// The work of citizens [from, to) as work_share_starts counts it, citizen by citizen: 1, and
/// its segment's marked work spread over the segment's measured citizens; a citizen not
/// measured the average of the measured.
double work_of(CitizenId from, CitizenId to, const std::vector<std::uint32_t>& marked, CitizenId measured) {
  const std::size_t segment = std::size_t{1} << kShareSegmentBits;
  double all_marked = 0.0;
  for (const std::uint32_t m : marked) all_marked += m;
  const double unmeasured = measured > 0 ? (measured + kMarkedCitizenWork * all_marked) / measured : 1.0;
  double work = 0.0;
  for (CitizenId i = from; i < to; ++i) {
    if (i >= measured) {
      work += unmeasured;
      continue;
    }
    const std::size_t s = i / segment;
    const double n = static_cast<double>(std::min<std::size_t>(measured, (s + 1) * segment) - s * segment);
    work += 1.0 + kMarkedCitizenWork * marked[s] / n;
  }
  return work;
}

}  // namespace

TEST_CASE(
    "shares cut to equal work: equal shares where nothing is measured, known cuts, and every share's work "
    "about equal",
    "[unit]") {
  constexpr CitizenId kSegment = CitizenId{1} << kShareSegmentBits;
  // Nothing measured: the equal shares.
  for (const int team : {1, 2, 3, 8}) {
    const std::vector<CitizenId> starts = work_share_starts(1000003, team, {}, 0);
    REQUIRE(starts.size() == static_cast<std::size_t>(team) + 1);
    for (int t = 0; t < team; ++t) CHECK(starts[static_cast<std::size_t>(t)] == thread_share_start(1000003, t, team));
    CHECK(starts.back() == 1000003);
  }
  // Known values: a quiet segment and a busy one (a quarter of it marked). The work is 4,096 and
  // 4,096 + 20 x 1,024 = 24,576; half of all, 14,336, lies 10,240 into the busy segment's work,
  // 1,706.7 of its citizens: the cut is at 4,096 + 1,706, rounded down to a multiple of four.
  static_assert(kMarkedCitizenWork == 20.0, "the known cut below takes a marked citizen as twenty");
  CHECK(work_share_starts(2 * kSegment, 2, {0, 1024}, 2 * kSegment) ==
        std::vector<CitizenId>{0, kSegment + 1704, 2 * kSegment});
  // Citizens arrived since the counts cost the measured ones' average: one quiet segment
  // measured, twice as many present, cut in the middle.
  CHECK(work_share_starts(2 * kSegment, 2, {0}, kSegment) == std::vector<CitizenId>{0, kSegment, 2 * kSegment});
  // Random counts: shares in order, starting at multiples of four, covering everyone, each
  // within a few citizens' work of an equal share.
  std::mt19937 g(20261206);
  for (int round = 0; round < 40; ++round) {
    const int team = 2 + static_cast<int>(g() % 5);
    const CitizenId measured = g() % (12 * kSegment);
    const CitizenId present = measured + g() % (3 * kSegment);
    std::vector<std::uint32_t> marked((measured + kSegment - 1) / kSegment);
    for (std::size_t s = 0; s < marked.size(); ++s)
      marked[s] = static_cast<std::uint32_t>(g() % (std::min<CitizenId>(kSegment, measured - s * kSegment) + 1));
    const std::vector<CitizenId> starts = work_share_starts(present, team, marked, measured);
    INFO("round " << round << ", team " << team << ", " << measured << " measured, " << present << " present");
    REQUIRE(starts.size() == static_cast<std::size_t>(team) + 1);
    CHECK(starts.front() == 0);
    CHECK(starts.back() == present);
    const double total = work_of(0, present, marked, measured);
    // A share's ends each lie within four citizens (and the rounding) of the equal cut: four
    // citizens of the busiest kind cost at most 4 x 21.
    const double slack = 2 * 4 * (1.0 + kMarkedCitizenWork) + 1e-6 * total;
    for (int t = 0; t < team; ++t) {
      const CitizenId start = starts[static_cast<std::size_t>(t)], end = starts[static_cast<std::size_t>(t) + 1];
      REQUIRE(start <= end);
      if (t > 0) CHECK(start % 4 == 0);
      CHECK(std::abs(work_of(start, end, marked, measured) - total / team) <= slack);
    }
  }
}

TEST_CASE("shares cut to equal work take counts shorter than the segments, and fewer citizens than counted", "[unit]") {
  constexpr CitizenId kSegment = CitizenId{1} << kShareSegmentBits;
  // Counts for the first segment only: the second, measured but not counted, costs a citizen
  // each, as with a zero count.
  CHECK(work_share_starts(2 * kSegment, 2, {1024}, 2 * kSegment) ==
        work_share_starts(2 * kSegment, 2, {1024, 0}, 2 * kSegment));
  // More measured than present (never in a run, where citizens only arrive): the cut lies
  // within the present.
  const std::vector<CitizenId> starts = work_share_starts(kSegment, 2, {0, 4096}, 2 * kSegment);
  CHECK(starts == std::vector<CitizenId>{0, kSegment / 2, kSegment});
}

TEST_CASE("a cut that would move less than the given distance stays where it was, and the cuts stay in order",
          "[unit]") {
  std::vector<CitizenId> starts{0, 1000, 5000, 9000, 10000};
  keep_near_cuts(starts, {0, 1200, 2000, 8990, 10000}, 100);
  // The first moved 200 and the second 3,000: both taken; the third moved 10: kept.
  CHECK(starts == std::vector<CitizenId>{0, 1000, 5000, 8990, 10000});
  // A kept cut that would come before the new one ahead of it is moved up to it.
  starts = {0, 5000, 5010, 10000};
  keep_near_cuts(starts, {0, 4000, 4990, 10000}, 100);
  CHECK(starts == std::vector<CitizenId>{0, 5000, 5000, 10000});
  // Last week's cuts for another team are not read.
  starts = {0, 500, 1000};
  keep_near_cuts(starts, {0, 501, 900, 1000}, 100);
  CHECK(starts == std::vector<CitizenId>{0, 500, 1000});
}
