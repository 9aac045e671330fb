#include "almpsim/meeting_effect.hpp"

#include <cmath>

namespace almpsim {

bool has_effect(const MeetingEffect& effect) {
  return differs_from_one(effect.size) || differs_from_one(effect.group_size);
}

Week effect_weeks(const MeetingEffect& effect) {
  if (!has_effect(effect)) return 0;
  return static_cast<Week>(std::ceil(kMeetingEffectHorizon * effect.decay_weeks));
}

double meeting_multiplier(const MeetingEffect& effect, int group, Week met, Week w, bool in_group) {
  const double size = (in_group ? effect.group_size : effect.size)[static_cast<std::size_t>(group)];
  if (size == 1.0 || met == kNoMeeting || w <= met) return 1.0;
  // Whole weeks t: t >= horizon x decay is the same test as t >= effect_weeks(effect).
  const Week t = w - met - 1;
  if (t >= kMeetingEffectHorizon * effect.decay_weeks) return 1.0;
  return 1.0 + (size - 1.0) * std::exp(-static_cast<double>(t) / effect.decay_weeks);
}

}  // namespace almpsim
