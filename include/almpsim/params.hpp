#pragma once
/// The resolved, validated and immutable parameters of a scenario. Built by the scenario
/// loader (sim/io); the engine reads only this, never TOML. Time-varying values are resolved
/// into one value per simulated week (index Calendar::slot(w)).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "almpsim/dates.hpp"
#include "almpsim/types.hpp"

namespace almpsim {

/// One value per simulated week, burn-in included.
using WeekSeries = std::vector<double>;

/// Shares over attribute levels for citizens who start in, or enter, a state.
struct AttributeMix {
  std::array<double, kSexes> sex{0.5, 0.5};
  std::array<double, kOrigins> origin{1.0, 0.0};
  std::vector<double> age;  ///< per age band
  std::array<double, kMatchLevels> match{1, 0, 0, 0, 0, 0};
  std::array<double, kSickLevels> sick_category{1, 0, 0, 0};
  std::vector<double> area;  ///< per area
};

struct AttributeSpec {
  std::vector<int> age_band_edges;  ///< ages in years; band i is [edges[i], edges[i+1])
  std::vector<std::string> age_band_names;
  std::optional<int> pension_age;  ///< years; everyone leaves (exited) on reaching it
  std::vector<std::string> area_names;
  /// sd of log job finding between areas, drawn per replication for everyone in the area (a
  /// site's own level, whichever actor serves there); 0: none
  double area_job_finding_sd = 0.0;
  std::vector<std::string> match_group_names;
  std::array<std::uint8_t, kMatchLevels> match_group_of{};  ///< match category -> group index
  PerState<AttributeMix> mix;                               ///< per state of entry (inflow, moves)
  PerState<AttributeMix> initial_mix;                       ///< per state, for the initial stock
  int age_bands() const { return static_cast<int>(age_band_names.size()); }
  int match_groups() const { return static_cast<int>(match_group_names.size()); }
};

/// Latent employability: a discretised normal log-multiplier, one class drawn per citizen.
struct EmployabilitySpec {
  std::vector<double> log_values;  ///< per class
  std::vector<double> shares;      ///< per class, sums to 1
  /// Class shares of the initial stock in each state; a stock observed at one date holds
  /// more of the slow leavers than its inflow does (length-biased sampling).
  PerState<std::vector<double>> initial_shares{};
};

/// Log effects of observed covariates on one hazard.
struct CovariateEffects {
  std::array<double, kSexes> sex{};
  std::array<double, kOrigins> origin{};
  std::vector<double> age;  ///< per age band
  std::array<double, kMatchLevels> match{};
  std::array<double, kSickLevels> sick_category{};
  std::vector<double> area;  ///< per area (a site's own level, shared by every actor there)
};

/// The weekly hazard from one state to another:
/// h = baseline[band] * exp(beta.x + loading * employability) * (u/u_ref)^elasticity * multipliers.
struct HazardSpec {
  State from{}, to{};
  std::vector<int> band_starts;  ///< duration in weeks at which each band starts; first is 0
  std::vector<double> baseline;  ///< weekly hazard per band, >= 0
  CovariateEffects effects;
  double employability_loading = 0.0;
  double unemployment_elasticity = 0.0;
};

/// A rule with a deadline: after `weeks` in the state the citizen is reassessed and moves.
struct DurationLimit {
  int weeks = 0;  ///< 0: no limit
  PerState<double> destination_shares{};
};

/// Whether multipliers per match group act at all: some group's differs from 1.
inline bool differs_from_one(const std::vector<double>& multipliers) {
  for (double x : multipliers)
    if (x != 1.0) return true;
  return false;
}

struct ProgrammeSpec {
  int length_weeks = 13;
  int wait_weeks = 1;  ///< from the decision at a meeting to the start: at least the next week
  /// Courses that start on set dates: 0, any week; else only every this many weeks from
  /// `first_intake`, so a decision waits for the next intake (waiting time, and its threat).
  int intake_every_weeks = 0;
  Week first_intake = 0;
  std::vector<double> lock_in;        ///< per match group: job-finding multiplier while in it
  std::vector<double> post_effect;    ///< per match group: multiplier at the end, decaying
  std::vector<double> threat_effect;  ///< per match group: multiplier once announced
  /// None: the threat is constant from the announcement to the start. Else its excess over 1
  /// is full in the week before the start and falls by a factor e per this many weeks earlier.
  std::optional<double> threat_rise_weeks;
  double post_decay_weeks = 26.0;  ///< e-folding time of the post-programme log effect
  double cost_per_week = 0.0;
  bool employer_linked = false;  ///< company contact scales its supply and its effect
};

struct AssignmentRule {
  enum class Kind { odd_birth_day, even_birth_day, random_share, area, match_group, rest };
  Kind kind = Kind::rest;
  double share = 0.0;              ///< random_share
  std::vector<bool> areas;         ///< area
  std::vector<bool> groups;        ///< match_group
  PerState<bool> except_states{};  ///< cases in these states are never assigned by this rule
};

struct ImmediateActivation {
  bool enabled = false;
  PerState<bool> states{};
  std::vector<bool> groups;  ///< per match group
  int delay_weeks = 1;
  int length_weeks = 3;
  Activity kind = Activity::immediate_activation;
  /// Weeks after the immediate activation ends at which the next meeting is held, so that
  /// the next step is planned as the course ends; none: the ordinary meeting interval.
  std::optional<int> follow_up_weeks;
  /// Chance that the first meeting after the immediate activation ends starts a programme
  /// (the next step of a step model); none: the actor's activation_probability.
  std::optional<double> next_step_probability;
  /// Weeks before the start at which the citizen is told of it, so that its threat acts only
  /// from then (never before the case opens); none: told at registration.
  std::optional<int> announced_weeks;
};

struct SanctionPolicy {
  double no_show = 0.0;     ///< probability that a citizen misses a meeting
  double rate = 0.0;        ///< probability that a no-show is sanctioned
  double exit_share = 0.0;  ///< probability that a sanctioned citizen leaves benefit
};

/// A payment for a spell that has lasted `weeks` in its state (a job or flex job held 2 months).
struct Milestone {
  int weeks = 0;
  double amount = 0.0;
};

/// A share of the transfer payments the actor saves against another actor's caseload, as in a
/// contract paid on the municipality's net savings (costs.hpp has the rule).
struct SavingsShare {
  double share = 0.0;           ///< of the savings, in (0, 1]; 0: no such contract
  std::size_t against = 0;      ///< the actor whose transfers per citizen are the counterfactual
  int settle_every_weeks = 52;  ///< at least 1: paid at the end of each such period of reported weeks
};

/// A collective staff bonus, as Agens's (40% of a month's pay to everyone when the targets were
/// met): paid per caseworker at the end of each full period, if the actor's cases moved into
/// self-support often enough in it. A cost of the actor (administration).
struct StaffBonus {
  double per_caseworker = 0.0;  ///< 0: none
  int every_weeks = 52;
  double self_support_at_least = 0.0;  ///< entries into self-support in the period; 0: paid every period
};

struct CostModel {
  double admin_per_case_week = 0.0;
  double fixed_fee_per_case = 0.0;  ///< at referral, and for the cases taken over at the start
  double bonus_per_self_support = 0.0;
  double programme_cost_factor = 1.0;
  PerState<std::vector<Milestone>> milestones{};  ///< paid to the actor serving the spell
  SavingsShare savings_share;
  StaffBonus staff_bonus;
};

/// What an attended meeting does by itself to the citizen's job finding in the weeks after it
/// (meeting_effect.hpp has the rule). A size of 1 in every group: no effect.
struct MeetingEffect {
  std::vector<double> size;        ///< per match group: the multiplier in the week after the meeting
  std::vector<double> group_size;  ///< the same after a group meeting (as `size` unless given)
  double decay_weeks = 4.0;        ///< the excess over 1 falls by a factor e every this many weeks
};

/// Meetings more often early in a spell, as in the early-meeting trials (fortnightly for the
/// first three months): an interval that holds while the spell is younger than `for_weeks`.
struct EarlyMeetings {
  int interval_weeks = 0;  ///< 0: none
  int for_weeks = 0;
  bool in_groups = false;  ///< held with groups of citizens (the effect of a group meeting)
};

/// A multiplier on one move's hazard (from, to) per week.
struct MoveMultiplier {
  State from{}, to{};
  WeekSeries factor;
};

/// Referral back: at an attended meeting the actor may hand a case to another actor for the
/// rest of its spell (a provider returning a case it cannot help to the job centre).
struct Referral {
  std::vector<double> chance;  ///< per match group, per attended meeting; empty or all 0: none
  std::size_t to = 0;          ///< the actor that takes the case
};

struct ActorSpec {
  std::string name;
  std::string control;  ///< the actor this arm is compared with in a trial (empty: the first actor)
  AssignmentRule assignment;
  int first_meeting_weeks = 2;
  PerState<int> meeting_interval_weeks{};  ///< 0: no meetings in that state
  EarlyMeetings early_meetings;            ///< in the states with meetings
  PerState<WeekSeries> caseworkers;        ///< per team (state), per week
  double meetings_per_caseworker_week = 5.0;
  int group_meetings = 1;  ///< citizens per meeting: 1 individual meetings, more a group meeting
  WeekSeries ramp_up;      ///< capacity multiplier per week
  ImmediateActivation immediate_activation;
  std::vector<WeekSeries> activation_probability;   ///< per match group, per meeting, by week (a priority that changes)
  std::vector<PerActivity<double>> activation_mix;  ///< per match group
  /// Places per programme the actor can fill at once (booked or running); 0: no limit. A
  /// meeting's decision beyond them waits on the actor's list for the programme.
  PerActivity<int> places{};
  WeekSeries company_contact;
  PerState<WeekSeries> job_finding;  ///< per state of the case: multiplier on its job-finding moves
  double job_finding_sd = 0.0;       ///< sd of log job finding between replications (a site's own effect)
  /// Multipliers on other moves of the actor's cases: its own pathway decisions (towards a pension
  /// assessment, rehabilitation) and how long its placements last.
  std::vector<MoveMultiplier> moves;
  MeetingEffect meeting_effect;
  /// Reassessment at an attended meeting: [from][to] the chance that a case in match category
  /// `from` is put in `to` (the rest stay); all 0: categories are never reassessed.
  std::array<std::array<double, kMatchLevels>, kMatchLevels> reassessment{};
  Referral referral;
  SanctionPolicy sanctions;
  CostModel costs;
};

struct CohortSpec {
  /// stock: on benefit at `at`; inflow: began a spell in [from, to]; period: on benefit at any
  /// time in [from, to] (the population of process indicators such as meeting rates).
  enum class Kind { stock, inflow, period };
  std::string name;
  Kind kind = Kind::stock;
  PerState<bool> states{};
  std::vector<bool> groups;          ///< match groups as assessed on joining (per group); empty: all
  Week at = 0;                       ///< stock: on benefit at the start of this week
  Week from = 0, to = 0;             ///< inflow and period cohorts: the window [from, to]
  Week measure_at = 0;               ///< the state is taken at the start of this week
  std::optional<Date> measure_date;  ///< the date the scenario gives, in that week (none: its first day)
  /// inflow: leave out people whose spell on the cohort's states began before the window, so that
  /// a stock cohort at `from` and this one are disjoint (the evaluation tables count each
  /// person in one of the two).
  bool exclude_stock = true;
  /// Length of the survival curve; the scenario reader sets it (by default from the stock date
  /// or window start to measure_at, see the schema).
  int survival_weeks = 1;
};

inline std::string_view name_of(CohortSpec::Kind kind) {
  return kind == CohortSpec::Kind::stock ? "stock" : kind == CohortSpec::Kind::inflow ? "inflow" : "period";
}

struct PopulationSpec {
  std::int64_t size = 0;
  PerState<double> state_shares{};
  PerState<double> initial_duration_mean_weeks{};  ///< elapsed spell length at the first week
  /// Share of the initial stock in each state born on an odd day of the month; none: as in
  /// the population (16 of 31 days). Lets a birth-day split start from a published imbalance.
  PerState<std::optional<double>> odd_birth_day_share{};
  /// The initial stock's areas and random-share arms at their shares exactly, not drawn.
  bool split_exactly = false;
};

/// How many replications to run and what to record; the scenario gives the defaults and the
/// command line may change them.
struct RunOptions {
  std::uint64_t seed = 1;
  int replications = 1;
  bool register_spells = false;   ///< also record every spell (the register)
  std::vector<CitizenId> traced;  ///< citizens whose every week is recorded (sorted); none: no trace
  /// Keep 32-bit row keys even where 16 bits hold every row: the same results, for tests that
  /// run the wide path on models small enough for the narrow one.
  bool wide_row_keys = false;
  /// Check, every week, that each citizen's current row key is the one its fields give now (a
  /// logic_error if not): for tests of the rules that keep keys current, at some cost of speed.
  bool check_row_keys = false;
  /// Fill every transition row afresh each week instead of carrying the rows whose hazards did
  /// not change from the week before: the same results, for tests of the carrying.
  bool fill_rows_every_week = false;
};

/// Per state, the moves out of it that job finding means: into self-support unless a scenario
/// names others (a flex job from waiting for one).
inline PerState<PerState<bool>> default_job_finding_moves() {
  PerState<PerState<bool>> moves{};
  for (auto& to : moves) to[index_of(State::self_support)] = true;
  return moves;
}

/// The model the engine runs: population, flows, actors and cohorts, and the run options.
/// What a study does around it (targets, calibration, sweeps, power) is a StudySpec.
struct Params {
  std::string name;
  std::string description;
  std::string currency = "DKK";   ///< the unit of every cost and payment
  std::optional<int> price_year;  ///< the year whose prices they are in, where stated
  /// Transfer payments to a citizen per week in each state (benefit paid by the public purse).
  PerState<double> transfer_per_week{};
  Calendar calendar;
  RunOptions run;
  PopulationSpec population;
  AttributeSpec attributes;
  EmployabilitySpec employability;
  std::vector<HazardSpec> hazards;
  PerState<DurationLimit> duration_limits{};
  /// The hazards that actors' job finding, programmes, meetings and shocks multiply.
  PerState<PerState<bool>> job_finding_moves = default_job_finding_moves();
  PerActivity<ProgrammeSpec> programmes;
  std::vector<ActorSpec> actors;
  std::vector<CohortSpec> cohorts;
  PerState<bool> on_benefit{};
  /// Macro path: (u(t)/u_ref) per week, combined with the shocks below in the engine.
  WeekSeries unemployment_ratio;
  /// Per origin state: shock multiplier on its job-finding moves, per week.
  PerState<WeekSeries> shock_job_finding;
  /// Expected new spells per week per state, macro and shocks applied.
  PerState<WeekSeries> inflow_rate;
  int actor_count() const { return static_cast<int>(actors.size()); }
  /// The actors' and the cohorts' names, in scenario order (the actor and cohort axes).
  std::vector<std::string> actor_names() const {
    std::vector<std::string> out;
    for (const ActorSpec& a : actors) out.push_back(a.name);
    return out;
  }
  std::vector<std::string> cohort_names() const {
    std::vector<std::string> out;
    for (const CohortSpec& c : cohorts) out.push_back(c.name);
    return out;
  }
  /// Each actor's named control in a trial ("" where it names none).
  std::vector<std::string> actor_controls() const {
    std::vector<std::string> out;
    for (const ActorSpec& a : actors) out.push_back(a.control);
    return out;
  }
};

}  // namespace almpsim
