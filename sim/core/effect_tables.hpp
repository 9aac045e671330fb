#pragma once
// The effects of a meeting and of an announced programme that change week by week, tabled once
// per run: meeting_multiplier and programme_multiplier call exp, and the engine would otherwise
// call them for every citizen a recent meeting or a coming programme acts on, every week. Each
// entry is the function's own value for the same arguments, so a table changes no bit.
// Private to sim/core.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "almpsim/meeting_effect.hpp"
#include "almpsim/params.hpp"
#include "almpsim/programmes.hpp"

namespace almpsim {

class EffectTables {
 public:
  explicit EffectTables(const Params& params) : groups_(std::max<std::size_t>(1, params.attributes.match_groups())) {
    for (const ActorSpec& a : params.actors) meeting_weeks_ = std::max(meeting_weeks_, effect_weeks(a.meeting_effect));
    meeting_.resize(params.actors.size() * 2 * groups_ * static_cast<std::size_t>(meeting_weeks_ + 1));
    for (std::size_t a = 0; a < params.actors.size(); ++a)
      for (int in_group = 0; in_group < 2; ++in_group)
        for (std::size_t g = 0; g < groups_; ++g)
          for (Week d = 0; d <= meeting_weeks_; ++d)
            // Met in week 0, seen in week d: the function reads only their difference.
            meeting_[meeting_at(a, in_group != 0, g, d)] =
                has_effect(params.actors[a].meeting_effect)
                    ? meeting_multiplier(params.actors[a].meeting_effect, static_cast<int>(g), 0, d, in_group != 0)
                    : 1.0;
    threat_.resize(static_cast<std::size_t>(kActivities) * groups_ * kThreatWeeks);
    for (std::size_t k = 0; k < static_cast<std::size_t>(kActivities); ++k)
      for (std::size_t g = 0; g < groups_; ++g)
        for (Week d = 0; d < static_cast<Week>(kThreatWeeks); ++d) {
          const ProgrammeSpec& p = params.programmes[static_cast<int>(k)];
          // Announced in week 0, starting in week d + 1, seen in week 0: d weeks before its last.
          threat_[threat_at(k, g, d)] =
              p.threat_effect.size() > g ? programme_multiplier(p, static_cast<int>(g), 0, 0, d + 1, d + 2, 1.0) : 1.0;
        }
    for (std::size_t a = 0; a < params.actors.size(); ++a) bound_.push_back(effect_bound(params, a));
  }

  /// A bound on the product of the programme and meeting effects on actor a's job finding: a
  /// draw that stays with this effect stays with any the actor's cases may have.
  double job_finding_bound(std::size_t actor) const { return bound_[actor]; }

  /// Weeks after a meeting's week in which some actor's meeting effect may differ from 1.
  Week meeting_reach() const { return meeting_weeks_; }

  /// meeting_multiplier(actor's effect, group, met, w, in_group).
  double meeting(std::size_t actor, int group, Week met, Week w, bool in_group) const {
    if (met == kNoMeeting || w - met <= 0 || w - met > meeting_weeks_) return 1.0;
    return meeting_[meeting_at(actor, in_group, static_cast<std::size_t>(group), w - met)];
  }

  /// programme_multiplier(programme, group, w, announced, from, to, contact) for a week w in
  /// [announced, from), before the programme starts (the threat effect); for other weeks, or a
  /// start further ahead than the table reaches, the function itself.
  double programme(const ProgrammeSpec& programme, std::size_t kind, int group, Week w, Week announced, Week from,
                   Week to, double contact) const {
    const Week before_last = from - 1 - w;
    if (w >= announced && w < from && before_last < static_cast<Week>(kThreatWeeks))
      return threat_[threat_at(kind, static_cast<std::size_t>(group), before_last)];
    return programme_multiplier(programme, group, w, announced, from, to, contact);
  }

 private:
  static constexpr std::size_t kThreatWeeks = 1024;

  std::size_t meeting_at(std::size_t actor, bool in_group, std::size_t group, Week d) const {
    return ((actor * 2 + (in_group ? 1 : 0)) * groups_ + group) * static_cast<std::size_t>(meeting_weeks_ + 1) +
           static_cast<std::size_t>(d);
  }
  std::size_t threat_at(std::size_t kind, std::size_t group, Week d) const {
    return (kind * groups_ + group) * kThreatWeeks + static_cast<std::size_t>(d);
  }

  // The largest programme effect (threat, lock-in, post effect at any company contact) times the
  // largest meeting effect in the table, padded for the rounding of exp and of the products.
  double effect_bound(const Params& params, std::size_t actor) const {
    double programme = 1.0;
    const WeekSeries& contact = params.actors[actor].company_contact;
    for (const ProgrammeSpec& p : params.programmes)
      for (std::size_t g = 0; g < groups_; ++g) {
        if (g < p.threat_effect.size()) programme = std::max(programme, p.threat_effect[g]);
        if (g < p.lock_in.size()) programme = std::max(programme, p.lock_in[g]);
        if (g >= p.post_effect.size()) continue;
        // exp(log_effect * decay) with decay in (0, 1] is largest at decay 1 when log_effect > 0.
        const double log_effect = std::log(p.post_effect[g]);
        programme = std::max(programme, std::exp(log_effect));
        if (p.employer_linked)
          for (const double c : contact) programme = std::max(programme, std::exp(log_effect * c));
      }
    double meeting = 1.0;
    const std::size_t per_actor = 2 * groups_ * static_cast<std::size_t>(meeting_weeks_ + 1);
    for (std::size_t k = actor * per_actor; k < (actor + 1) * per_actor; ++k) meeting = std::max(meeting, meeting_[k]);
    return programme * meeting * (1.0 + 0x1p-20);
  }

  std::size_t groups_;
  Week meeting_weeks_ = 0;
  std::vector<double> meeting_;  // [actor][in group][match group][weeks since the meeting's week]
  std::vector<double> threat_;   // [programme][match group][weeks before its last week of waiting]
  std::vector<double> bound_;    // [actor] job_finding_bound
};

}  // namespace almpsim
