#pragma once
/// Register-style microdata: spells of (actor, state, activity) per citizen, like the weekly
/// benefit register (DREAM). Observes the population at the start of each reported week.
#include <vector>

#include "almpsim/population.hpp"
#include "almpsim/results.hpp"

namespace almpsim {

class SpellRecorder {
 public:
  void observe(Week w, const Population& pop, CitizenId present);
  /// Closes the open spells at `last_week` and returns all spells by citizen, then week.
  std::vector<Spell> finish(Week last_week);

 private:
  std::vector<std::uint32_t> code_;  // actor | state | activity of the open spell
  std::vector<Week> since_;
  std::vector<Spell> closed_;
};

}  // namespace almpsim
