#pragma once
// How the week's moves share the citizens present among a team of threads. Private to sim/core.
#include <cstdint>

#include "almpsim/types.hpp"

namespace almpsim {

/// The first citizen of thread t's share of the `present` citizens moved by a team of `team`
/// threads (thread t's share ends where thread t + 1's starts, the last's at `present`): equal
/// shares of neighbours in id order, each starting at a multiple of four (a block's first
/// citizen must be), so that no share is four citizens or more from present / team. Each thread
/// then moves about the same citizens every week (the inflow shifts the shares a little), which
/// its core's cache may still hold.
inline CitizenId thread_share_start(CitizenId present, int t, int team) {
  const auto start =
      static_cast<std::uint64_t>(present) * static_cast<std::uint64_t>(t) / static_cast<std::uint64_t>(team);
  return static_cast<CitizenId>(start) & ~CitizenId{3};
}

}  // namespace almpsim
