#pragma once
/// Counter-based random numbers: every draw is a pure function of
/// (seed, replication, citizen or slot, week, process), so results do not depend on the
/// number of threads or the order of execution, and scenarios that differ only in one rule
/// keep the same draws elsewhere (common random numbers).
#include <Random123/philox.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "almpsim/philox_batch.hpp"
#include "almpsim/types.hpp"

namespace almpsim {

/// One id per call site that draws: a change in one process leaves the others' draws alone.
enum class Process : std::uint32_t {
  initial_state = 1,
  attributes,
  assignment,
  transition,
  duration_limit,
  meeting,
  activation,
  sanction,
  inflow_count,
  entry,
  first_meeting,  ///< spreading the initial stock's first meetings over the interval
  site_effect,    ///< an actor's job-finding multiplier of one replication
  reassessment,   ///< a meeting's reassessment of the match category
  referral,       ///< a meeting's referral of the case to another actor
  area_effect,    ///< an area's job-finding multiplier of one replication
};

class RandomStreams {
 public:
  RandomStreams(std::uint64_t seed, std::uint32_t replication)
      : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}}, replication_(replication) {}

  /// Four independent 32-bit words for (subject, week, process).
  std::array<std::uint32_t, 4> words(std::uint32_t subject, Week week, Process process) const {
    r123::Philox4x32::ctr_type ctr{
        {subject, static_cast<std::uint32_t>(week), static_cast<std::uint32_t>(process), replication_}};
    const auto out = r123::Philox4x32{}(ctr, key_);
    return {out[0], out[1], out[2], out[3]};
  }

  /// words(subject, week, process) for subjects first..first+count-1, four words each, in order.
  void words_batch(std::uint32_t first, std::size_t count, Week week, Process process, std::uint32_t* out,
                   VectorPath widest = VectorPath::avx512) const {
    philox4x32_batch(key_[0], key_[1], first, count, static_cast<std::uint32_t>(week),
                     static_cast<std::uint32_t>(process), replication_, out, widest);
  }

  /// words(subjects[k], week, process) for k = 0..count-1, four words each, in order.
  void words_listed(const std::uint32_t* subjects, std::size_t count, Week week, Process process, std::uint32_t* out,
                    VectorPath widest = VectorPath::avx512) const {
    philox4x32_listed(key_[0], key_[1], subjects, count, static_cast<std::uint32_t>(week),
                      static_cast<std::uint32_t>(process), replication_, out, widest);
  }

  /// A uniform on [0, 1) from one word.
  static double unit(std::uint32_t word) { return word * 0x1p-32; }

  /// A 64-bit seed for a conventional engine where speed does not matter.
  std::uint64_t seed64(std::uint32_t subject, Week week, Process process) const {
    const auto w = words(subject, week, process);
    return (static_cast<std::uint64_t>(w[0]) << 32) | w[1];
  }

 private:
  r123::Philox4x32::key_type key_;
  std::uint32_t replication_;
};

/// Index drawn from unnormalised weights with one uniform on [0,1); weights must not all be 0.
template <class Container>
int draw_index(const Container& weights, double u) {
  double total = 0.0;
  for (double w : weights) total += w;
  double acc = 0.0;
  const double target = u * total;
  int last_positive = 0;
  for (int i = 0; i < static_cast<int>(weights.size()); ++i) {
    if (weights[i] <= 0.0) continue;
    last_positive = i;
    acc += weights[i];
    if (target < acc) return i;
  }
  return last_positive;
}

/// draw_index over fixed weights, their sums made once: the same index as draw_index for every u.
class IndexDraw {
  static constexpr std::size_t kCountedEnds = 16;

 public:
  template <class Container>
  explicit IndexDraw(const Container& weights) {
    for (double w : weights) total_ += w;  // in draw_index's order, so the same total
    double acc = 0.0;
    for (int i = 0; i < static_cast<int>(weights.size()); ++i) {
      if (weights[i] <= 0.0) continue;
      acc += weights[i];
      ends_.push_back(acc);
      index_.push_back(i);
    }
  }
  int operator()(double u) const {
    const double target = u * total_;
    // The first end above the target is the count of those at or below it (the ends never
    // fall). Counted without a branch where they are few: the draws are random, so a search's
    // branches mispredict.
    std::size_t k = 0;
    if (ends_.size() <= kCountedEnds)
      for (const double end : ends_) k += !(target < end);  // the search's own test
    else
      k = static_cast<std::size_t>(std::upper_bound(ends_.begin(), ends_.end(), target) - ends_.begin());
    if (k < index_.size()) return index_[k];
    return index_.empty() ? 0 : index_.back();
  }

 private:
  double total_ = 0.0;
  std::vector<double> ends_;  // the running sum after each positive weight
  std::vector<int> index_;    // that weight's index
};

}  // namespace almpsim
