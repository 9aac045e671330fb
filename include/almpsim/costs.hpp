#pragma once
/// Costs by cost event, from the serving actor's cost model (ActorSpec::costs): every place that
/// adds up costs (the weekly record, cohorts) asks here.
#include <string>

#include "almpsim/params.hpp"

namespace almpsim {

/// A case-week on benefit: administration, plus the programme running that week at the actor's
/// cost factor. Nothing off benefit.
double case_week_cost(const ActorSpec& actor, const PerActivity<ProgrammeSpec>& programmes, bool on_benefit,
                      Activity current);

/// Paid to the actor that takes a case entering benefit (a new case, or a return from off benefit).
inline double entry_fee(const ActorSpec& actor) {
  return actor.costs.fixed_fee_per_case;
}

/// Paid to the actor whose case moves from benefit into self-support.
inline double self_support_bonus(const ActorSpec& actor) {
  return actor.costs.bonus_per_self_support;
}

/// Whether some actor pays milestones (else none need be looked for).
bool pays_milestones(const Params& params);

/// Paid to the actor serving a spell in `s` that has lasted `weeks` weeks at the start of a week.
double milestone_payment(const ActorSpec& actor, State s, int weeks);

/// The unit costs are in, for showing beside them: "DKK, 2009 prices".
std::string money_unit(const Params& params);

}  // namespace almpsim
