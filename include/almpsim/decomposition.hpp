#pragma once
/// How much of a policy's effect passes through each channel (channels.hpp). Every point of a
/// sweep is compared with a reference point under common random numbers, then again with each
/// listed channel switched off in both, and with all of them off:
///
///   total = other + sum over channels of (total - total without the channel) + interaction,
///
/// where `other` is the difference left with every listed channel off (what the policy does
/// through none of them) and `interaction` what the channels do only together. Each term is a
/// mean over replications of paired differences, with its interval; a replication in which any
/// term is undefined (an arm that serves nobody) is left out of all of them, so that the means
/// still add up.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "almpsim/channels.hpp"
#include "almpsim/engine.hpp"
#include "almpsim/measures.hpp"
#include "almpsim/stats.hpp"

namespace almpsim {

/// The points to compare, the channels to switch off and the measures to split.
struct DecompositionRequest {
  std::vector<Params> points;  ///< the model at each point; same seed, replications, actors and cohorts
  std::size_t reference = 0;   ///< the point the others are compared with (from 0)
  std::vector<Channel> channels;
  std::vector<const CohortMeasure*> measures;  ///< measures with one number per actor
  MonteCarloOptions options;
  /// Called after each run (one point under one set of switched-off channels).
  std::function<void(int done, int total)> on_run_done;
};

/// One cohort, measure and actor at one point, against the reference point.
struct ChannelSplit {
  MeanInterval total;                    ///< every channel on
  std::vector<MeanInterval> by_channel;  ///< per listed channel: total minus the difference without it
  MeanInterval other;                    ///< the difference with every listed channel off
  MeanInterval interaction;              ///< total - other - the sum of the channels
};

/// Every point's split, for every cohort, measure and actor.
struct Decomposition {
  std::vector<Channel> channels;
  std::vector<const CohortMeasure*> measures;
  std::vector<std::string> cohorts, actors;
  std::size_t point_count = 0, reference = 0;
  int replications = 0;
  std::vector<ChannelSplit> splits;  ///< [point][cohort][measure][actor]

  /// The split of one cohort's measure for one actor at one point.
  const ChannelSplit& at(std::size_t point, std::size_t cohort, std::size_t measure, std::size_t actor) const;
};

/// Runs every point with all channels on, with each listed channel off and with all of them off
/// (points x (channels + 2) Monte Carlo runs; points x (channels + 1) for fewer than two). Throws std::invalid_argument
/// for a request it cannot compare: no points, a reference out of range, a channel listed twice, a missing measure or
/// one with more than one number per actor, points with different seeds, replications, actors or cohorts.
Decomposition decompose(const DecompositionRequest& request);

}  // namespace almpsim
