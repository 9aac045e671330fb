#pragma once
/// Register-style microdata: spells of (actor, state, activity) per citizen, like the weekly
/// benefit register (DREAM). Observes the week's case codes at the start of each reported week.
#include <vector>

#include "almpsim/case_codes.hpp"
#include "almpsim/population.hpp"
#include "almpsim/results.hpp"

namespace almpsim {

class SpellRecorder {
 public:
  /// Takes in week w from the case codes of the citizens present then (write_case_codes).
  void observe(Week w, const CaseCode* codes, CitizenId present);
  /// Closes the open spells at `last_week` and returns all spells by citizen, then week.
  std::vector<Spell> finish(Week last_week);

 private:
  std::vector<CaseCode> code_;  // the open spell's case code, or kNoSpell
  std::vector<Week> since_;
  std::vector<Spell> closed_;
};

}  // namespace almpsim
