#pragma once
/// A citizen's week as cohorts count it, packed in 16 bits: the serving actor, the state and
/// the activity running. Written once a week for everyone present, so that a cohort member's
/// week reads one value instead of five arrays (state, actor, activity and its two weeks),
/// which for members spread over a large population are as many cache misses.
#include <cstddef>
#include <cstdint>

#include "almpsim/population.hpp"
#include "almpsim/types.hpp"

namespace almpsim {

using CaseCode = std::uint16_t;

/// Codes of a model with `actors` actors: [0, case_codes(actors)).
constexpr std::size_t case_codes(std::size_t actors) {
  return actors * kStates * kActivities;
}
static_assert(case_codes(256) <= 65536, "every actor (an 8-bit id), state and activity has a 16-bit code");

constexpr CaseCode case_code(std::size_t actor, std::size_t state, std::size_t activity) {
  return static_cast<CaseCode>((actor * kStates + state) * kActivities + activity);
}

/// Writes the codes of citizens [first, last) at the start of week w to out[first, last).
void write_case_codes(const Population& pop, Week w, CitizenId first, CitizenId last, CaseCode* out);

/// Adds to counts[c] the citizens of [first, last) whose code is c, for every c below `kinds`
/// (case_codes of the model): a histogram of who is where, by actor, state and activity running.
void count_case_codes(const CaseCode* codes, CitizenId first, CitizenId last, std::size_t kinds, std::uint32_t* counts);

}  // namespace almpsim
