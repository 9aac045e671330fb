#pragma once
/// The reassessment at a state's duration limit (e.g. the sickness-benefit limit of 52 weeks):
/// a deadline, not a hazard. A spell that reaches the limit is reassessed at the end of that
/// week and moves to a destination drawn from the limit's shares.
#include <optional>

#include "almpsim/params.hpp"
#include "almpsim/rng.hpp"

namespace almpsim {

/// Whether a spell that began in week `since` is reassessed during week w.
inline bool reassessment_due(const DurationLimit& limit, Week since, Week w) {
  return limit.weeks > 0 && w - since + 1 >= limit.weeks;
}

/// The week in which a spell that began in `since` is reassessed; none when the state has no limit.
inline std::optional<Week> reassessment_week(const DurationLimit& limit, Week since) {
  if (limit.weeks <= 0) return std::nullopt;
  return since + limit.weeks - 1;
}

/// Where citizen i's case goes when reassessed in week w.
State reassessed_state(const DurationLimit& limit, const RandomStreams& rng, CitizenId i, Week w);

}  // namespace almpsim
