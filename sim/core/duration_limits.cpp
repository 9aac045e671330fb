#include "almpsim/duration_limits.hpp"

namespace almpsim {

State reassessed_state(const DurationLimit& limit, const RandomStreams& rng, CitizenId i, Week w) {
  const double u = RandomStreams::unit(rng.words(i, w, Process::duration_limit)[0]);
  return static_cast<State>(draw_index(limit.destination_shares, u));
}

}  // namespace almpsim
