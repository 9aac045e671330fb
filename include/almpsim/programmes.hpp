#pragma once
/// Programme effects on job finding: a threat effect once an activity is announced, lock-in
/// while it runs, and a post-programme effect that decays after it ends.
#include "almpsim/params.hpp"

namespace almpsim {

/// The week a programme can start that could start at `earliest` at the soonest: `earliest`
/// itself, or for a programme with intakes the first intake week from then on.
Week next_intake(const ProgrammeSpec& programme, Week earliest);

/// After this many e-folding times the post-programme effect counts as gone (multiplier 1),
/// which lets the engine use its precomputed transition tables again.
inline constexpr double kPostEffectHorizon = 5.0;

/// Multiplier on the hazard into self-support in week w for an activity announced in week
/// `announced` for [from, to). Employer-linked programmes have their post-programme log effect
/// scaled by the actor's company contact. Returns exactly 1.0 when no effect applies.
double programme_multiplier(const ProgrammeSpec& programme, int match_group, Week w, Week announced, Week from, Week to,
                            double company_contact);

}  // namespace almpsim
