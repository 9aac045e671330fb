#pragma once
/// What one replication produces: weekly time series and cohort outcomes. Arrays are flat,
/// row-major, with the shapes given beside each member (weeks = reported weeks only).
#include <cstdint>
#include <string>
#include <vector>

#include "almpsim/types.hpp"

namespace almpsim {

/// Outcomes of one cohort, per actor (the actor serving each member when it joined).
struct CohortOutcome {
  std::vector<double> members;                ///< [actor]
  std::vector<double> status;                 ///< [actor][state] share at measurement
  std::vector<double> activity;               ///< [actor][activity] share at measurement
  std::vector<double> state_activity;         ///< [actor][state][activity] joint share at measurement
  std::vector<double> self_support_share;     ///< [actor]
  std::vector<double> support_rate;           ///< [actor] mean of weeks on benefit / weeks in window
  std::vector<double> support_rate_sd;        ///< [actor] its standard deviation over members
  std::vector<double> activity_weeks_share;   ///< [actor][activity] share of activity weeks by programme (none: NaN)
  std::vector<double> activation_rate;        ///< [actor] weeks in activity / weeks on benefit
  std::vector<double> meeting_rate;           ///< [actor] meetings per benefit month (4 weeks)
  std::vector<double> self_support_weeks;     ///< [actor] mean weeks self-supporting in window
  std::vector<double> cost_per_citizen;       ///< [actor]
  std::vector<double> transfers_per_citizen;  ///< [actor]
  std::vector<double> survival;               ///< [actor][week since entry], Kaplan-Meier
};

/// One spell of the register: a run of weeks in the same (actor, state, activity).
struct Spell {
  CitizenId citizen;
  std::uint8_t actor, state, activity;
  Week first_week, last_week;
};

/// One traced citizen at the start of one week: what the engine holds for the case then.
struct TracedWeek {
  CitizenId citizen;
  Week week;
  std::uint8_t state, actor, activity;  ///< activity: the one planned or running (see the weeks)
  std::uint8_t sex, origin, area, match, sick_category, employability;
  std::int16_t birth_week, state_since;
  std::int16_t activity_announced, activity_from, activity_to;  ///< kNever (32000) where none
  std::int16_t next_meeting, last_met;                          ///< kNever where none
  std::uint16_t meetings;                                       ///< held so far
};

/// A meeting of a traced citizen in week `week`: what happened, and the draws that decided it
/// against the actor's chances (a draw below its chance makes the event happen).
struct TracedMeeting {
  CitizenId citizen;
  Week week;
  bool attended = false, sanctioned = false, leaves_benefit = false, referred = false, reassessed = false;
  std::uint8_t started = 0;  ///< the programme decided (an Activity), 0 where none
  double no_show_draw = 0, no_show_chance = 0;
  double sanction_draw = 0, sanction_chance = 0;  ///< a no-show's
  double exit_draw = 0, exit_chance = 0;          ///< a sanction's: the share that ends the spell
};

struct ReplicationResult {
  std::vector<std::int32_t> occupancy;              ///< [week][actor][state], start of week
  std::vector<std::int32_t> entries;                ///< [week][actor][state], during the week
  std::vector<std::int32_t> exits;                  ///< [week][actor][state], during the week
  std::vector<std::int32_t> activity_occupancy;     ///< [week][actor][activity], citizens on benefit, start of week
  std::vector<std::int32_t> meetings_held;          ///< [week][actor]
  std::vector<std::int32_t> meetings_overdue;       ///< [week][actor] due but not held
  std::vector<std::int32_t> waiting_for_place;      ///< [week][actor][activity] decided, waiting for a place
  std::vector<std::int32_t> moved_to_self_support;  ///< [week][actor] cases it moved from benefit into self-support
  std::vector<double> costs;                        ///< [week][actor] administration, programmes, payments
  std::vector<double> cost_accounts;                ///< [week][actor][account], CostAccount order
  std::vector<double> job_finding_multiplier;       ///< [actor] drawn multiplier (job_finding_sd), 1 where not drawn
  std::vector<double> area_job_finding_multiplier;  ///< [area] drawn (area_job_finding_sd), else 1
  std::vector<CohortOutcome> cohorts;               ///< in scenario order
  std::vector<Spell> spells;                        ///< only with register output
  std::vector<TracedWeek> trace;                    ///< the traced citizens, week by week, if any
  std::vector<TracedMeeting> traced_meetings;       ///< their meetings, in the order held
  std::size_t citizens = 0;                         ///< everyone simulated: initial stock and all inflow
};

}  // namespace almpsim
