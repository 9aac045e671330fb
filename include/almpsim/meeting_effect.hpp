#pragma once
/// The direct effect of a meeting with a caseworker on job finding: an attended meeting in
/// week m multiplies the citizen's hazard into self-support in week m + 1 + t (t = 0, 1, ...) by
///   1 + (size - 1) * exp(-t / decay_weeks),
/// until t reaches kMeetingEffectHorizon decays, after which it is 1. The evidence (individual
/// meetings raise employment; the 2008 early-meeting trials) acts through this channel, not
/// only through the programmes and sanctions a meeting triggers.
#include "almpsim/params.hpp"
#include "almpsim/population.hpp"

namespace almpsim {

/// Decays after which a meeting's effect is taken as spent (exp(-5) < 1%).
inline constexpr double kMeetingEffectHorizon = 5.0;

/// Whether the effect changes anything (some group's size or group size differs from 1).
bool has_effect(const MeetingEffect& effect);

/// Weeks after the meeting's week during which the effect may differ from 1.
Week effect_weeks(const MeetingEffect& effect);

/// The multiplier in week w for a citizen of match group `group` whose last attended meeting
/// was in week `met` (kNoMeeting: none), held with a group of citizens or not.
double meeting_multiplier(const MeetingEffect& effect, int group, Week met, Week w, bool in_group);

}  // namespace almpsim
