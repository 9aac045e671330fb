#pragma once
// How the week's moves share the citizens present among a team of threads. Private to sim/core.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "almpsim/types.hpp"

namespace almpsim {

/// The first citizen of thread t's share of the `present` citizens moved by a team of `team`
/// threads (thread t's share ends where thread t + 1's starts, the last's at `present`): equal
/// shares of neighbours in id order, each starting at a multiple of four (a block's first
/// citizen must be), so that no share is four citizens or more from present / team. The shares
/// of the first week, before any work is counted, and of a team other than the one the week's
/// shares were cut for (work_share_starts cuts them to equal work).
inline CitizenId thread_share_start(CitizenId present, int t, int team) {
  const auto start =
      static_cast<std::uint64_t>(present) * static_cast<std::uint64_t>(t) / static_cast<std::uint64_t>(team);
  return static_cast<CitizenId>(start) & ~CitizenId{3};
}

/// The moves' work is measured by segments of 2^kShareSegmentBits neighbouring citizens.
inline constexpr int kShareSegmentBits = 12;

/// A citizen the second pass takes costs about this many citizens the first pass settles alone
/// (Køge at 1M citizens, one thread: the first pass and its words about 1.2 ns a citizen-week,
/// the second pass and the row keys about 25 ns a citizen it takes).
inline constexpr double kMarkedCitizenWork = 20.0;

/// The first citizen of each thread's share (team + 1 entries, the last `present`) when shares
/// are cut to equal work rather than equal numbers: citizens differ, the inflow's recent
/// entrants moving and meeting more than the long-term stock. `marked[s]` is how many citizens
/// of segment s (citizens [s, s + 1) << kShareSegmentBits) the second pass took last week, of
/// the `measured` citizens then present; each citizen costs 1, and each marked one
/// kMarkedCitizenWork more. Citizens not measured (this week's arrivals, or all of them in the
/// first week) cost the measured ones' average, or 1. Shares start at multiples of four, in
/// order; how the citizens are shared changes no result, only how long each thread takes.
inline std::vector<CitizenId> work_share_starts(CitizenId present, int team, const std::vector<std::uint32_t>& marked,
                                                CitizenId measured) {
  measured = std::min(measured, present);
  const std::size_t segment = std::size_t{1} << kShareSegmentBits;
  const auto citizens_in = [&](std::size_t s) {
    return static_cast<double>(std::min<std::size_t>(measured, (s + 1) * segment) - s * segment);
  };
  const auto work_in = [&](std::size_t s) {
    return citizens_in(s) + kMarkedCitizenWork * static_cast<double>(s < marked.size() ? marked[s] : 0);
  };
  const std::size_t segments = (static_cast<std::size_t>(measured) + segment - 1) / segment;
  double measured_work = 0.0;
  for (std::size_t s = 0; s < segments; ++s) measured_work += work_in(s);
  const double unmeasured_each = measured > 0 ? measured_work / measured : 1.0;
  const double total = measured_work + unmeasured_each * static_cast<double>(present - measured);

  std::vector<CitizenId> starts(static_cast<std::size_t>(team) + 1, present);
  starts[0] = 0;
  std::size_t s = 0;
  double before = 0.0;  // the work of the segments before s
  for (int t = 1; t < team; ++t) {
    const double target = total * t / team;
    double start;
    for (;;) {
      if (s >= segments) {  // among the citizens not measured
        start = static_cast<double>(measured) + (target - before) / unmeasured_each;
        break;
      }
      const double work = work_in(s);
      if (before + work >= target) {
        start = static_cast<double>(s * segment) + (target - before) / work * citizens_in(s);
        break;
      }
      before += work;
      ++s;
    }
    const auto cut = static_cast<CitizenId>(std::clamp(start, 0.0, static_cast<double>(present))) & ~CitizenId{3};
    starts[static_cast<std::size_t>(t)] = std::max(cut, starts[static_cast<std::size_t>(t) - 1]);
  }
  return starts;
}

/// Keeps each of last week's cuts (`before`, for the same team) that `starts` would move by
/// less than `within` citizens, so that each thread moves the same citizens as the week before,
/// which its core's cache may still hold; the cuts stay in order.
inline void keep_near_cuts(std::vector<CitizenId>& starts, const std::vector<CitizenId>& before, CitizenId within) {
  if (before.size() != starts.size()) return;
  for (std::size_t t = 1; t + 1 < starts.size(); ++t)
    if (std::max(starts[t], before[t]) - std::min(starts[t], before[t]) < within) starts[t] = before[t];
  for (std::size_t t = 1; t < starts.size(); ++t) starts[t] = std::max(starts[t], starts[t - 1]);
}

}  // namespace almpsim
