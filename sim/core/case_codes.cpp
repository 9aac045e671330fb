#include "almpsim/case_codes.hpp"

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

}  // namespace almpsim
