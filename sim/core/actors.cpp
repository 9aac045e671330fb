#include "almpsim/actors.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "almpsim/rng.hpp"

namespace almpsim {

int assign_actor(const std::vector<ActorSpec>& actors, const AssignmentFacts& facts, State state) {
  using Kind = AssignmentRule::Kind;
  // Random shares of one area follow each other: a share limited to other areas takes none of
  // this citizen's draw.
  double share_start = 0.0;
  for (std::size_t a = 0; a < actors.size(); ++a) {
    const AssignmentRule& r = actors[a].assignment;
    bool claims = false;
    switch (r.kind) {
      case Kind::odd_birth_day:
        claims = facts.birth_day % 2 == 1;
        break;
      case Kind::even_birth_day:
        claims = facts.birth_day % 2 == 0;
        break;
      case Kind::random_share:
        if (!r.areas.empty() && !r.areas.at(static_cast<std::size_t>(facts.area))) break;
        claims = facts.share_draw >= share_start && facts.share_draw < share_start + r.share;
        share_start += r.share;
        break;
      case Kind::area:
        claims = r.areas.at(static_cast<std::size_t>(facts.area));
        break;
      case Kind::match_group:
        claims = r.groups.at(static_cast<std::size_t>(facts.match_group));
        break;
      case Kind::rest:
        break;
    }
    if (claims && !r.except_states[index_of(state)]) return static_cast<int>(a);
  }
  for (std::size_t a = 0; a < actors.size(); ++a) {
    const AssignmentRule& r = actors[a].assignment;
    if (r.kind == Kind::rest && !r.except_states[index_of(state)]) return static_cast<int>(a);
  }
  for (std::size_t a = 0; a < actors.size(); ++a)
    if (actors[a].assignment.kind == Kind::rest) return static_cast<int>(a);
  return 0;
}

FactsRead facts_read(const std::vector<ActorSpec>& actors) {
  using Kind = AssignmentRule::Kind;
  FactsRead read;
  for (const ActorSpec& a : actors) {
    switch (a.assignment.kind) {
      case Kind::odd_birth_day:
      case Kind::even_birth_day:
        read.birth_day = true;
        break;
      case Kind::random_share:
        read.share_draw = true;
        read.area = read.area || !a.assignment.areas.empty();
        break;
      case Kind::area:
        read.area = true;
        break;
      case Kind::match_group:
        read.match_group = true;
        break;
      case Kind::rest:
        break;
    }
  }
  return read;
}

double meeting_capacity(const ActorSpec& actor, State team, int slot) {
  const WeekSeries& cw = actor.caseworkers[index_of(team)];
  if (cw.empty()) return std::numeric_limits<double>::infinity();
  const double ramp = actor.ramp_up.empty() ? 1.0 : actor.ramp_up[static_cast<std::size_t>(slot)];
  // A group meeting takes one caseworker's slot for the whole group.
  return cw[static_cast<std::size_t>(slot)] * actor.meetings_per_caseworker_week * ramp * actor.group_meetings;
}

std::size_t take_capacity(double capacity, double& carry) {
  if (std::isinf(capacity)) return std::numeric_limits<std::size_t>::max();
  const double available = std::floor(capacity + carry);
  carry = capacity + carry - available;
  return static_cast<std::size_t>(std::max(0.0, available));
}

Activity choose_activity(const ActorSpec& actor, const PerActivity<ProgrammeSpec>& programmes, int match_group,
                         double company_contact, double u) {
  PerActivity<double> weights = actor.activation_mix.at(static_cast<std::size_t>(match_group));
  for (int k = 0; k < kActivities; ++k)
    if (programmes[k].employer_linked) weights[k] *= company_contact;
  double total = 0.0;
  for (double w : weights) total += w;
  if (total <= 0.0) return Activity::none;
  return static_cast<Activity>(draw_index(weights, u));
}

}  // namespace almpsim
