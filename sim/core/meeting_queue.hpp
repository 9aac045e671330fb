#pragma once
// One team's follow-up meetings due and not yet held (an actor's cases in one state), kept from
// week to week, so that a caseload over capacity is not listed and sorted again every week.
// Private to sim/core.
#include <algorithm>
#include <cstddef>
#include <vector>

#include "almpsim/actors.hpp"

namespace almpsim {

/// The meetings waiting, in the order they are held: longest overdue first, ties by citizen id
/// (select_meetings' order). An entry stays while its citizen's next meeting is still the week it
/// was due; a citizen who moves on gets a later one (every rule books the next meeting after the
/// week it is set in), so its entry is dead and is skipped when reached.
class MeetingQueue {
 public:
  /// Cases that waited here have moved on to another state: their entries no longer count.
  void forget(std::size_t cases) { live_ -= cases; }

  /// Cases waiting from earlier weeks.
  std::size_t waiting() const { return live_; }

  /// The week's list is the cases waiting, then `fresh` (those first due this week, in citizen
  /// order); `held` of them are taken into `out`, in the order they are held, and the rest wait.
  /// As select_meetings orders them: the first `held` by due week and citizen, or, when all are
  /// held, all in citizen order. `still_due(entry)` tells whether an entry is live.
  template <class StillDue>
  void take(const std::vector<DueMeeting>& fresh, std::size_t held, StillDue still_due, std::vector<DueMeeting>& out) {
    const std::size_t total = live_ + fresh.size();
    out.clear();
    std::size_t k = head_;
    for (; out.size() < std::min(held, live_) && k < entries_.size(); ++k)
      if (still_due(entries_[k])) out.push_back(entries_[k]);
    if (held == total) {
      const bool waited = !out.empty();
      out.insert(out.end(), fresh.begin(), fresh.end());
      if (waited) std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.citizen < b.citizen; });
      entries_.clear();
      head_ = live_ = 0;
      return;
    }
    const std::size_t from_fresh = held - out.size();
    out.insert(out.end(), fresh.begin(), fresh.begin() + static_cast<std::ptrdiff_t>(from_fresh));
    head_ = k;
    entries_.insert(entries_.end(), fresh.begin() + static_cast<std::ptrdiff_t>(from_fresh), fresh.end());
    live_ = total - held;
    // Dead entries are dropped when reached; when they outnumber the live ones, all at once.
    const std::size_t dead = entries_.size() - head_ - live_;
    if (dead > live_ + kCompactAbove) {
      compact(still_due);
    } else if (head_ > entries_.size() / 2) {
      entries_.erase(entries_.begin(), entries_.begin() + static_cast<std::ptrdiff_t>(head_));
      head_ = 0;
    }
  }

 private:
  static constexpr std::size_t kCompactAbove = 4096;

  template <class StillDue>
  void compact(StillDue still_due) {
    std::size_t kept = 0;
    for (std::size_t k = head_; k < entries_.size(); ++k)
      if (still_due(entries_[k])) entries_[kept++] = entries_[k];
    entries_.resize(kept);
    head_ = 0;
  }

  std::vector<DueMeeting> entries_;  // [head_, end): by due week, then citizen; some dead
  std::size_t head_ = 0;
  std::size_t live_ = 0;
};

}  // namespace almpsim
