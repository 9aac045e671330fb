#pragma once
/// The cases on benefit in a running programme, by serving actor and programme, week by week,
/// kept from the cases' changes instead of counted over everyone present every week. A case on
/// benefit adds one to its (actor, programme) from its programme's first week until its end.
/// Whatever changes that (a move, a meeting, a referral, a place from a waiting list) takes
/// the case's weeks to come away as they were and adds them as they are now, as changes in a
/// calendar of weeks; a week's count is their running sum. Counts are whole numbers, which add
/// up the same in any order: each thread takes its changes into a calendar of its own, and a
/// week's changes are added up over the threads when the week is counted.
#include <cstdint>
#include <vector>

#include "almpsim/params.hpp"
#include "almpsim/population.hpp"

namespace almpsim {

/// `delta` cases more in `bin` ([actor][activity]) from the week of calendar slot `slot` on.
struct CountChange {
  std::int32_t slot;
  std::uint16_t bin;
  std::int16_t delta;
};

/// case_count_changes() for a case with a programme booked, running or past.
void programme_count_changes(const Params& params, const Population& pop, CitizenId i, Week from_week, int sign,
                             std::vector<CountChange>& out);

/// Appends to `out` what citizen i's case as it now stands adds to the count from week
/// `from_week` on, times `sign`: -1 just before something changes the case, +1 just after.
/// Inline up to the test most cases end at: no programme.
inline void case_count_changes(const Params& params, const Population& pop, CitizenId i, Week from_week, int sign,
                               std::vector<CountChange>& out) {
  if (pop.activity_of(i) != Activity::none) programme_count_changes(params, pop, i, from_week, sign, out);
}

/// The count of the run's weeks, from the calendar's first, kept as changes by week.
class ProgrammeCount {
 public:
  /// An empty count over the calendar's weeks and the actors' bins, its changes kept in
  /// `parts` calendars (at least one), one for each thread that takes changes in at the same time.
  explicit ProgrammeCount(const Params& params, int parts = 1);
  /// Takes in changes to weeks not yet counted, into calendar `part` (threads taking changes in
  /// at the same time each into their own). Throws std::logic_error, taking none of them in, if
  /// one is to a week already counted or outside the calendar or the bins.
  void apply(const std::vector<CountChange>& changes, int part = 0);
  /// The count at the start of week w, [actor][activity] ([actor][none] stays 0). The weeks are
  /// taken in order, from the calendar's first, each once (std::logic_error otherwise).
  const std::vector<std::int32_t>& advance_to(Week w);

 private:
  const Calendar& calendar_;
  std::size_t bins_;
  std::vector<std::vector<std::int32_t>> changes_;  // [part][calendar slot][bin] the count's change in that week
  std::vector<std::int32_t> running_;               // [bin] the count of the last week taken
  int counted_ = -1;                                // the last calendar slot taken
};

}  // namespace almpsim
