#pragma once
// One team's follow-up meetings due and not yet held (an actor's cases in one state), kept from
// week to week, so that a caseload over capacity is not listed and sorted again every week.
// Private to sim/core.
#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <vector>

#include "almpsim/actors.hpp"
#include "week_lists.hpp"

namespace almpsim {

/// Asks for nothing ahead: for a queue whose liveness test reads memory at hand.
struct AskNothingAhead {
  void operator()(const DueMeeting&) const {}
};

/// The meetings waiting, in the order they are held: longest overdue first, ties by citizen id.
/// Every rule books a case's next meeting after the week it is set in (or never), so a case
/// falls due in one week only, when the engine adds it here, and an entry is live while the
/// case's next meeting is still the week it fell due. A case that moves on to another state
/// (or another actor) is booked afresh, which leaves its entry dead; dead entries are skipped
/// when reached.
class MeetingQueue {
 public:
  /// Cases that waited here have moved on: their entries no longer count.
  void forget(std::size_t cases) {
    if (cases > live_) throw std::logic_error("a meeting queue lost more cases than it held");
    live_ -= cases;
  }

  /// Cases waiting from earlier weeks.
  std::size_t overdue() const { return live_; }

  /// Entries kept, the dead among them.
  std::size_t stored() const { return entries_.size() - head_; }

  /// The week's list is the cases overdue, then `fresh` (those falling due this week, in citizen
  /// order). Takes up to `capacity` of them, appended to `out` in the order they are held, and
  /// returns how many: the first by due week and citizen, or, when all are held, all in citizen
  /// order.
  /// The rest wait. `still_due(entry)` tells whether an entry is live; `ask_ahead(entry)` is
  /// called on the stored entry kAskAhead places beyond the one being tested, to prefetch what
  /// the test will read (the live test of a long queue is a cache miss apiece). Entries asked
  /// for are mostly tested later; some are dropped first, when all are held.
  template <class StillDue, class AskAhead = AskNothingAhead>
  std::size_t take(const std::vector<DueMeeting>& fresh, std::size_t capacity, StillDue still_due,
                   std::vector<DueMeeting>& out, AskAhead ask_ahead = {}) {
    const std::size_t start = out.size();
    out.resize(start + to_take(fresh.size(), capacity));
    return take_into(fresh, capacity, still_due, out.data() + start, ask_ahead);
  }

  /// How many take() takes of the overdue and `fresh` cases falling due this week.
  std::size_t to_take(std::size_t fresh, std::size_t capacity) const { return std::min(capacity, live_ + fresh); }

  /// take(), writing the meetings taken to out[0, to_take(fresh.size(), capacity)) instead of
  /// appending them: teams choosing side by side write straight into the week's list.
  template <class StillDue, class AskAhead = AskNothingAhead>
  std::size_t take_into(const std::vector<DueMeeting>& fresh, std::size_t capacity, StillDue still_due, DueMeeting* out,
                        AskAhead ask_ahead = {}) {
    const std::size_t due = live_ + fresh.size(), held = std::min(capacity, due);
    const std::size_t from_queue = std::min(held, live_);
    take_live(from_queue, still_due, ask_ahead, out);
    if (held == due) {
      std::copy(fresh.begin(), fresh.end(), out + from_queue);
      if (from_queue > 0)
        std::sort(out, out + held, [](const DueMeeting& a, const DueMeeting& b) { return a.citizen < b.citizen; });
      empty_for_next_week(entries_);
      head_ = live_ = 0;
      return held;
    }
    const auto from_fresh = static_cast<std::ptrdiff_t>(held - from_queue);
    std::copy(fresh.begin(), fresh.begin() + from_fresh, out + from_queue);
    entries_.insert(entries_.end(), fresh.begin() + from_fresh, fresh.end());
    live_ = due - held;
    drop_dead(still_due, ask_ahead);
    trim();
    return held;
  }

 private:
  /// Dead entries are cleared all at once when they outnumber the live ones by this many.
  static constexpr std::size_t kClearDeadAbove = 4096;
  /// How many entries ahead of the one tested ask_ahead is called.
  static constexpr std::size_t kAskAhead = 16;

  template <class AskAhead>
  void ask_ahead_of(std::size_t k, AskAhead ask_ahead) const {
    if (k + kAskAhead < entries_.size()) ask_ahead(entries_[k + kAskAhead]);
  }

  /// Moves the first `count` live entries from the front to out[0, count).
  template <class StillDue, class AskAhead>
  void take_live(std::size_t count, StillDue still_due, AskAhead ask_ahead, DueMeeting* out) {
    std::size_t taken = 0;
    for (; taken < count && head_ < entries_.size(); ++head_) {
      ask_ahead_of(head_, ask_ahead);
      if (still_due(entries_[head_])) out[taken++] = entries_[head_];
    }
    if (taken < count) throw std::logic_error("a meeting queue held fewer live cases than it counted");
  }

  template <class StillDue, class AskAhead>
  void drop_dead(StillDue still_due, AskAhead ask_ahead) {
    if (stored() - live_ > live_ + kClearDeadAbove) {
      std::size_t kept = 0;
      for (std::size_t k = head_; k < entries_.size(); ++k) {
        ask_ahead_of(k, ask_ahead);
        if (still_due(entries_[k])) entries_[kept++] = entries_[k];
      }
      entries_.resize(kept);
      head_ = 0;
      if (entries_.size() != live_) throw std::logic_error("a meeting queue's live cases are out of count");
    } else if (head_ > entries_.size() / 2) {
      entries_.erase(entries_.begin(), entries_.begin() + static_cast<std::ptrdiff_t>(head_));
      head_ = 0;
    }
  }

  /// A queue worked down from a long one keeps memory for about as many entries as it stores.
  void trim() {
    if (give_back_surplus(entries_, head_)) head_ = 0;
  }

  std::vector<DueMeeting> entries_;  // [head_, end): by due week, then citizen; some dead
  std::size_t head_ = 0;
  std::size_t live_ = 0;
};

}  // namespace almpsim
