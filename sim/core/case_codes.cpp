#include "almpsim/case_codes.hpp"

namespace almpsim {

static_assert(index_of(Activity::none) == 0,
              "a state's code without an activity is its first: the activity adds to it");

void write_case_codes(const Population& pop, Week w, CitizenId first, CitizenId last, CaseCode* codes) {
  CaseCode* __restrict out = codes;  // no input array aliases it: the loops vectorise
  const std::uint8_t* state = pop.state.data();
  const std::uint8_t* actor = pop.actor.data();
  if (!pop.casework) {
    for (CitizenId i = first; i < last; ++i) out[i] = case_code(actor[i], state[i], index_of(Activity::none));
    return;
  }
  // Branch-free (the activity runs in [from, to); none is code 0 within a state), so the loop vectorises.
  const std::uint8_t* activity = pop.activity.data();
  const std::int16_t* from = pop.activity_from.data();
  const std::int16_t* to = pop.activity_to.data();
  for (CitizenId i = first; i < last; ++i) {
    const unsigned running = static_cast<unsigned>(w >= from[i]) & static_cast<unsigned>(w < to[i]);
    out[i] = static_cast<CaseCode>(case_code(actor[i], state[i], index_of(Activity::none)) + running * activity[i]);
  }
}

void count_case_codes(const CaseCode* codes, CitizenId first, CitizenId last, const std::uint16_t* bin_of,
                      std::size_t bins, std::uint32_t* ways) {
  static_assert(kCountWays == 4);
  std::uint32_t* const way[kCountWays] = {ways, ways + bins, ways + 2 * bins, ways + 3 * bins};
  CitizenId i = first;
  for (; i + kCountWays <= last; i += kCountWays) {
    ++way[0][bin_of[codes[i]]];
    ++way[1][bin_of[codes[i + 1]]];
    ++way[2][bin_of[codes[i + 2]]];
    ++way[3][bin_of[codes[i + 3]]];
  }
  for (; i < last; ++i) ++way[0][bin_of[codes[i]]];
}

}  // namespace almpsim
