#pragma once
// The first pass over a block of citizens in a week: which citizens need more than a draw that
// stays. It reads a few bytes per citizen and one row head each (two for a citizen with a
// programme or a recent meeting), and runs sixteen citizens at a time in AVX-512, or eight in
// AVX2, where the CPU has them; the portable loop gives the same marks.
// Private to sim/core.
#include <cstddef>
#include <cstdint>

#include "almpsim/types.hpp"
#include "almpsim/vector_path.hpp"
#include "transition_cache.hpp"

namespace almpsim {

/// What the first pass reads for everyone, as raw views indexed by citizen id. Without casework
/// the four casework views are null: nobody has a programme or a meeting, and they are not read.
struct WeekMarkInputs {
  const std::uint8_t* activity;      ///< Activity::none (0) or a programme booked, running or past
  const std::int16_t* row_until;     ///< the week the row key goes stale
  const std::int16_t* last_met;      ///< week of the last meeting attended
  const std::int16_t* next_meeting;  ///< week the next meeting is due
  /// The citizen's row in `heads` and `effect_heads`: 16-bit keys where every row fits them,
  /// else 32-bit (exactly one of the two is given).
  const std::uint16_t* row_of16;
  const std::uint32_t* row_of32;
  const RowHead* heads;  ///< this thread's rows; a row is current if its stamp is the week
  std::size_t rows;      ///< how many rows `heads` holds
  /// This thread's rows' draws from which a citizen stays under any programme or meeting effect,
  /// as TransitionCache::stays_under_any_effect reads them; current where the stamp is the week.
  const RowHead* effect_heads;
  const std::uint32_t* word_of;  ///< the citizen's random word of the week
  Week week;
  Week reach;  ///< a meeting's effect may act up to this many weeks after it (very negative: none)
};

/// What the first pass found of a marked citizen.
enum WeekMark : std::uint8_t {
  kStays = 1,  ///< its draw stays (on its row, or under any effect): only its meeting is due
  kKeyed = 2,  ///< no programme, a current row key and no meeting's effect: the row's draw is its draw
};

/// Lists in `marked` (in id order) the citizens of [lo, hi) who need the second pass: those
/// whose draw is not settled, and those whose meeting falls due this week (those due earlier and
/// not yet met wait in their team's queue). A draw is settled where the row key is current, the
/// row filled this week, and the draw stays: on the row's thresholds for a citizen without a
/// programme or a recent meeting (keyed), or at or above the row's draw that stays under any
/// effect for one with a programme (booked, running or past) or a recent meeting. flags[k]
/// holds marked[k]'s WeekMark bits. Returns how many are marked. `marked` and `flags` hold
/// hi - lo entries. Every path gives the same marks.
std::size_t mark_week(const WeekMarkInputs& in, CitizenId lo, CitizenId hi, CitizenId* marked, std::uint8_t* flags,
                      VectorPath widest = VectorPath::avx512);

}  // namespace almpsim
