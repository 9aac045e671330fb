#include "almpsim/case_codes.hpp"

#include <vector>

namespace almpsim {

static_assert(index_of(Activity::none) == 0,
              "a state's code without an activity is its first: the activity adds to it");

void write_case_codes(const Population& pop, Week w, CitizenId first, CitizenId last, CaseCode* out_codes) {
  CaseCode* __restrict out = out_codes;  // no input array aliases it: the loops vectorise
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

void count_case_codes(const CaseCode* codes, CitizenId first, CitizenId last, std::size_t kinds,
                      std::uint32_t* counts) {
  // Neighbours mostly share a code: four histograms side by side, so that an add need not wait
  // for the one before it to the same count.
  thread_local std::vector<std::uint32_t> ways;
  ways.assign(4 * kinds, 0);
  std::uint32_t* const way[4] = {ways.data(), ways.data() + kinds, ways.data() + 2 * kinds, ways.data() + 3 * kinds};
  CitizenId i = first;
  for (; i + 4 <= last; i += 4) {
    ++way[0][codes[i]];
    ++way[1][codes[i + 1]];
    ++way[2][codes[i + 2]];
    ++way[3][codes[i + 3]];
  }
  for (; i < last; ++i) ++counts[codes[i]];
  for (std::size_t c = 0; c < kinds; ++c) counts[c] += way[0][c] + way[1][c] + way[2][c] + way[3][c];
}

}  // namespace almpsim
