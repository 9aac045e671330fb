#pragma once
/// A citizen's week as the accounts count it, packed in 16 bits: the serving actor, the state
/// and the activity running. The engine writes them for everyone present in the weeks they are
/// used, so that a cohort member's week reads one value instead of five arrays (state, actor,
/// activity and its two weeks), which for members spread over a large population are as many
/// cache misses, and counts them for the week's cases in running programmes.
#include <cstddef>
#include <cstdint>

#include "almpsim/population.hpp"
#include "almpsim/types.hpp"
#include "almpsim/vector_path.hpp"

namespace almpsim {

/// (actor, state, activity running) as one number: case_code() makes it.
using CaseCode = std::uint16_t;

/// Codes of a model with `actors` actors: [0, case_codes(actors)).
constexpr std::size_t case_codes(std::size_t actors) {
  return actors * kStates * kActivities;
}
static_assert(case_codes(256) <= 65536, "every actor (an 8-bit id), state and activity has a 16-bit code");

/// The code of a case served by `actor` in `state` with `activity` running (index_of values).
constexpr CaseCode case_code(std::size_t actor, std::size_t state, std::size_t activity) {
  return static_cast<CaseCode>((actor * kStates + state) * kActivities + activity);
}

/// What a case code holds: the serving actor, the state and the activity running (index_of values).
struct CaseParts {
  std::uint8_t actor, state, activity;
  bool operator==(const CaseParts&) const = default;
};

/// The parts case_code() made `code` of.
constexpr CaseParts case_parts(CaseCode code) {
  return {static_cast<std::uint8_t>(code / (kStates * kActivities)),
          static_cast<std::uint8_t>(code / kActivities % kStates), static_cast<std::uint8_t>(code % kActivities)};
}

/// Writes the codes of citizens [first, last) at the start of week w to codes[first, last):
/// thirty-two at a time in AVX-512 where the CPU has it and `widest` allows; every path writes
/// the same codes.
void write_case_codes(const Population& pop, Week w, CitizenId first, CitizenId last, CaseCode* codes,
                      VectorPath widest = VectorPath::avx512);

/// How many ways count_case_codes() counts side by side.
inline constexpr std::size_t kCountWays = 4;

/// Counts the citizens of [first, last) with an activity running into the bins their codes
/// fall in (bin_of[code], each below `bins`); a citizen without one is in no bin. Adds to
/// ways[k * bins + b], for k < kCountWays; a bin's count is the sum of its kCountWays entries.
/// Neighbours mostly share a code, and counting them side by side saves each add waiting for
/// the one before it to the same count. Where the CPU has AVX-512 and `widest` allows,
/// thirty-two citizens at a time are tested for an activity and the few with one counted one by
/// one: the same counts.
void count_case_codes(const CaseCode* codes, CitizenId first, CitizenId last, const std::uint16_t* bin_of,
                      std::size_t bins, std::uint32_t* ways, VectorPath widest = VectorPath::avx512);

}  // namespace almpsim
