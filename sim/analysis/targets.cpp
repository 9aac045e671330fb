#include <algorithm>
#include <cmath>
#include <limits>

#include "almpsim/array_view.hpp"
#include "almpsim/measures.hpp"
#include "almpsim/scenario.hpp"
#include "almpsim/targets.hpp"
#include "almpsim/trial.hpp"

namespace almpsim {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

std::vector<std::string> target_measures() {
  std::vector<std::string> out = {"status_share", "activity_weeks_share", "significant_arms_positive",
                                  "significant_arms_negative"};
  for (const CohortMeasure& m : cohort_measures())
    if (m.per_actor_only() && m.target_error != TargetError::none) out.emplace_back(m.name);
  return out;
}

bool is_arm_count(const std::string& measure) {
  return measure == "significant_arms_positive" || measure == "significant_arms_negative";
}

OutcomeNames outcome_names(const Params& params) {
  return {params.cohort_names(), params.actor_names(), params.actor_controls()};
}

bool is_target_measure(const std::string& name) {
  const auto all = target_measures();
  return std::find(all.begin(), all.end(), name) != all.end();
}

double standard_error(const Target& t) {
  if (t.se > 0.0) return t.se;
  if (t.measure == "status_share") {
    const double n = t.n > 0 ? t.n : 500.0;
    const double p = std::clamp(t.value / 100.0, 0.5 / n, 1.0 - 0.5 / n);
    // Floored at one point: fits are judged in points, and near-empty categories would
    // otherwise dominate the objective through their tiny sampling errors.
    return std::max(1.0, 100.0 * std::sqrt(p * (1.0 - p) / n));
  }
  if (t.measure == "activity_weeks_share") return 2.0;
  if (is_arm_count(t.measure)) return std::sqrt(std::max(t.value, 1.0));  // a count: Poisson
  switch (find_cohort_measure(t.measure)->target_error) {
    case TargetError::count:
      return std::sqrt(std::max(t.value, 1.0));
    case TargetError::average:
      return 0.01;  // about the standard error of a mean over ~500 people
    case TargetError::published:
    case TargetError::none:
      break;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

std::string arm_label(const Target& t) {
  return t.versus.empty() ? t.actor : t.actor + " - " + t.versus;
}

void check_targets(const std::vector<Target>& targets, const Params& params, const std::string& path) {
  std::vector<ScenarioIssue> issues;
  const std::size_t arms = trial_arms(params.actor_names(), params.actor_controls()).size();
  for (const Target& t : targets) {
    bool cohort = false, actor = false, versus = t.versus.empty();
    for (const auto& c : params.cohorts) cohort = cohort || c.name == t.cohort;
    if (!cohort) issues.push_back({path, t.line, "cohort", "no cohort named '" + t.cohort + "' in the scenario"});
    if (is_arm_count(t.measure)) {
      if (t.actor != "all")
        issues.push_back({path, t.line, "actor", "'" + t.measure + "' counts over all the trial's arms: write 'all'"});
      if (!t.versus.empty())
        issues.push_back({path, t.line, "versus", "'" + t.measure + "' compares each arm with its own control"});
      if (arms == 0)
        issues.push_back({path, t.line, "measure", "'" + t.measure + "' needs a trial: the scenario has one actor"});
      continue;
    }
    for (const auto& a : params.actors) {
      actor = actor || a.name == t.actor;
      versus = versus || a.name == t.versus;
    }
    if (!actor) issues.push_back({path, t.line, "actor", "no actor named '" + t.actor + "' in the scenario"});
    if (!versus) issues.push_back({path, t.line, "versus", "no actor named '" + t.versus + "' in the scenario"});
  }
  if (!issues.empty()) throw ScenarioError(std::move(issues));
}

namespace {

/// The share of actor a's members in the target's states and activities, as a fraction, and its
/// base: the members less those in `base_excludes` (a NaN share when nothing is left).
std::pair<double, double> share_and_base(const Target& t, const CohortOutcome& o, std::size_t actors, std::size_t a) {
  const auto cell = view(o.state_activity, actors, kStates, kActivities)[a];
  double share = 0.0, excluded = 0.0;
  for (std::size_t s = 0; s < kStates; ++s) {
    for (std::size_t k = 0; k < kActivities; ++k) {
      if (t.base_excludes[s]) excluded += cell(s, k);
      if (t.states[s] && t.activities[k]) share += cell(s, k);
    }
  }
  if (excluded >= 1.0) return {kNaN, 0.0};
  return {share / (1.0 - excluded), o.members[a] * (1.0 - excluded)};
}

/// The share of actor a's members in the target's states and activities, in percent, its base
/// leaving out `base_excludes` (NaN when nothing is left).
double status_share(const Target& t, const CohortOutcome& o, std::size_t actors, std::size_t a) {
  return 100.0 * share_and_base(t, o, actors, a).first;
}

double arm_count(const Target& t, const OutcomeNames& names, const CohortOutcome& o) {
  const TrialArms arms = trial_arms(names.actors, names.controls);
  const SignificantArms count = significant_arms(
      arms, kArmSignificance, [&](std::size_t a) { return share_and_base(t, o, names.actors.size(), a); });
  return t.measure == "significant_arms_positive" ? count.positive : count.negative;
}

}  // namespace

double simulated_value(const Target& t, const OutcomeNames& names, const std::vector<CohortOutcome>& cohorts) {
  if (!t.simulated) return kNaN;
  if (!t.versus.empty()) {
    Target arm = t, control = t;
    arm.versus.clear();
    control.versus.clear();
    control.actor = t.versus;
    return simulated_value(arm, names, cohorts) - simulated_value(control, names, cohorts);
  }
  const auto& cohort_names = names.cohorts;
  const auto& actor_names = names.actors;
  std::size_t c = 0, a = 0;
  while (c < cohort_names.size() && cohort_names[c] != t.cohort) ++c;
  if (c == cohort_names.size()) return kNaN;
  if (is_arm_count(t.measure)) return arm_count(t, names, cohorts[c]);
  while (a < actor_names.size() && actor_names[a] != t.actor) ++a;
  if (a == actor_names.size()) return kNaN;
  const CohortOutcome& o = cohorts[c];
  const std::size_t actors = actor_names.size();
  double share = 0.0;
  if (t.measure == "activity_weeks_share") {
    const auto weeks_share = view(o.activity_weeks_share, actors, kActivities);
    for (std::size_t k = 1; k < kActivities; ++k)
      if (t.activities[k]) share += weeks_share(a, k);
    return 100.0 * share;
  }
  if (t.measure != "status_share") return (o.*find_cohort_measure(t.measure)->field)[a];
  return status_share(t, o, actors, a);
}

}  // namespace almpsim
