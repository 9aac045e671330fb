#pragma once
/// Published numbers a scenario is compared with (and may be fitted to), and how each one is
/// computed from a replication's cohort outcomes.
#include <istream>
#include <string>
#include <vector>

#include "almpsim/params.hpp"
#include "almpsim/results.hpp"

namespace almpsim {

struct Target {
  std::string table;   ///< as printed, e.g. "6.1"
  bool fit = false;    ///< used by calibration (else held out, only reported)
  std::string cohort;  ///< cohort name in the scenario
  std::string actor;   ///< actor name in the scenario; `all` for a count over the trial's arms
  /// An effect: the value is `actor`'s minus this actor's, as an experiment publishes an arm
  /// against its control (empty: a level of `actor` alone).
  std::string versus;
  std::string measure;   ///< one of target_measures()
  std::string category;  ///< label of the published row
  PerState<bool> states{};
  PerActivity<bool> activities{};
  /// States left out of a share's base, as where a table leaves out e.g. students and the dead
  /// (none: the share is of all members).
  PerState<bool> base_excludes{};
  bool simulated = true;  ///< false for categories the model does not distinguish
  double value = 0.0;     ///< published value (percent for shares)
  double n = 0.0;         ///< published base of a share, 0 if not printed
  double se = 0.0;        ///< published standard error; 0: derived from the measure and n
  std::string source;
  int line = 0;  ///< line in the targets file
};

/// The measures a target may name: the shares a table prints (status_share over states and
/// activities, activity_weeks_share over programmes), each per-actor cohort measure with a
/// known sampling error, and the counts a trial in several sites prints
/// (significant_arms_positive and _negative: of the arms, each against its control, how many
/// differ significantly at 5% in the share of members in the row's states and activities).
std::vector<std::string> target_measures();
bool is_target_measure(const std::string& name);
/// A count over all the trial's arms (actor `all`) rather than a value of one actor.
bool is_arm_count(const std::string& measure);

/// The names a replication's outcomes are indexed by: cohorts, actors, and each actor's named
/// control ("" where none), which makes the trial's arms.
struct OutcomeNames {
  std::vector<std::string> cohorts, actors, controls;
};
OutcomeNames outcome_names(const Params& params);

/// The sampling standard error of a published number, the weight of its term in a fit: the
/// published one when the file gives it, else one derived from the measure and its base.
double standard_error(const Target& target);

/// "actor", or "actor - versus" for an effect.
std::string arm_label(const Target& target);

/// Reads a targets CSV (columns: table,use,cohort,actor,measure,category,states,activities,
/// value,n,source and, optionally, base_excludes, versus and se, in that order). States and
/// activities are ';'-separated names; activities may be "any", "none" or "active". An effect
/// (`versus`) and a measure without a derived error need `se`. Throws ScenarioError naming
/// file, line and column.
std::vector<Target> read_targets(const std::string& path);
/// The same from text already read (`name` is used in messages).
std::vector<Target> parse_targets(std::istream& in, const std::string& name);

/// Checks that every target names a cohort and an actor of the scenario (and a second actor
/// for an effect); throws ScenarioError.
void check_targets(const std::vector<Target>& targets, const Params& params, const std::string& path);

/// The simulated counterpart of a target in one replication (percent for shares; an effect is
/// the difference between the two actors); NaN when the model does not distinguish the
/// category or the cohort has no members.
double simulated_value(const Target& target, const OutcomeNames& names, const std::vector<CohortOutcome>& cohorts);

}  // namespace almpsim
