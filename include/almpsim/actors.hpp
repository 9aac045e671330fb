#pragma once
/// The rules of the actors that serve citizens: who serves whom, how many meetings a team
/// can hold, which meetings are held when demand exceeds capacity, and what a meeting decides.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "almpsim/params.hpp"

namespace almpsim {

/// What assignment rules may look at.
struct AssignmentFacts {
  int birth_day = 1;  ///< day of month, 1-31
  int area = 0;
  int match_group = 0;
  double share_draw = 0.0;  ///< a uniform fixed per citizen, for random_share rules
};

/// Whether the actor holds follow-up meetings in some state: the keys that shape meetings
/// (their effect, an early interval, a reassessment) change nothing without them.
inline bool holds_meetings(const ActorSpec& a) {
  return std::any_of(a.meeting_interval_weeks.begin(), a.meeting_interval_weeks.end(),
                     [](int interval) { return interval > 0; });
}

/// Whether some team of the actor has caseworkers (else meetings have no capacity bound, and
/// there is no staff to pay a bonus to).
inline bool has_caseworker_limit(const ActorSpec& a) {
  return std::any_of(a.caseworkers.begin(), a.caseworkers.end(), [](const WeekSeries& team) { return !team.empty(); });
}

/// The actor serving a citizen in `state`: the first non-`rest` rule that claims the case
/// (in scenario order), else the first `rest` actor that does not exempt the state.
int assign_actor(const std::vector<ActorSpec>& actors, const AssignmentFacts& facts, State state);

/// The facts assign_actor reads under these actors' rules: the rest need not be looked up.
struct FactsRead {
  bool birth_day = false, area = false, match_group = false, share_draw = false;
};
FactsRead facts_read(const std::vector<ActorSpec>& actors);

/// Meetings a team can hold in week `slot`; infinite when the team has no caseworker limit.
double meeting_capacity(const ActorSpec& actor, State team, int slot);

/// A meeting that is due: the citizen and the week it fell due.
struct DueMeeting {
  CitizenId citizen;
  Week due;
};

/// Carries fractional capacity from week to week so that, e.g., 2.5 meetings a week give 5
/// meetings in two weeks. Returns the whole meetings available this week.
std::size_t take_capacity(double capacity, double& carry);

/// The activity a meeting starts, drawn from the actor's mix for the citizen's match group;
/// company contact scales the supply of employer-linked programmes.
Activity choose_activity(const ActorSpec& actor, const PerActivity<ProgrammeSpec>& programmes, int match_group,
                         double company_contact, double u);

}  // namespace almpsim
