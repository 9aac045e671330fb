#pragma once
/// The scheduler: the only loop over time. Each week runs a fixed list of phases:
///   1. new cases from the inflow enter,
///   2. observers (cohorts, register) see the start-of-week population, and the week's cases in
///      running programmes are counted,
///   3. every citizen is counted and may change state (parallel over citizen blocks),
///   4. follow-up meetings are chosen within each team's capacity (the teams side by side) and
///      held side by side; the moves they cause touch only their own citizens and are made as
///      they are held, or, where their order matters (waiting lists for places, milestones,
///      traced citizens), one by one after, team by team, in a fixed order.
#include <cstdint>
#include <functional>
#include <vector>

#include "almpsim/hazards.hpp"
#include "almpsim/params.hpp"
#include "almpsim/results.hpp"

namespace almpsim {

/// Citizens per block: the unit of parallel work, a multiple of four (a Philox counter serves
/// four neighbouring citizens). What blocks add up is whole counts, or lists merged in id
/// order, so results depend neither on it nor on the thread count.
inline constexpr std::size_t kBlockSize = 8192;

/// The week's meetings (all teams' together) are held on several threads from this many on
/// (fewer on one): a thousand meetings take some tens of microseconds, starting and ending a
/// parallel loop a few.
inline constexpr std::size_t kParallelMeetings = 1024;

/// Called after each simulated week of a replication (burn-in included), for progress; it
/// must not throw, and it changes no result.
using WeekDone = std::function<void()>;

/// Runs one replication. `threads` splits the citizen blocks; the result does not depend on it.
ReplicationResult run_replication(const Params& params, const HazardModel& hazards, std::uint32_t replication,
                                  int threads, const WeekDone& week_done = {});

struct MonteCarloOptions {
  int threads = 1;
  /// Called (from any thread, one call at a time) when a replication finishes.
  std::function<void(int done, int total)> on_replication_done;
  /// Called (from any thread, one call at a time) every progress_seconds while replications run:
  /// the replications done so far, counting the weeks of those running as fractions, so that
  /// a long replication is not minutes of silence.
  std::function<void(double done, int total)> on_progress;
  double progress_seconds = 1.0;  ///< the least time between two on_progress calls
  /// Only the replications r with r % stride == offset are run (the others are left empty):
  /// how the processes of an MPI run share them. A replication's result does not depend on
  /// which process runs it. The progress callbacks count this process's replications only.
  int stride = 1, offset = 0;
};

/// Runs params.run.replications replications (those of options' stride and offset), spread over
/// threads: over replications when there are at least as many as threads, else within each
/// replication. Same bits either way.
std::vector<ReplicationResult> run_monte_carlo(const Params& params, const MonteCarloOptions& options);

}  // namespace almpsim
