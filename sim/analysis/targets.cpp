#include <cmath>
#include <limits>

#include "almpsim/scenario.hpp"
#include "almpsim/targets.hpp"

namespace almpsim {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

void check_targets(const std::vector<Target>& targets, const Params& params, const std::string& path) {
  std::vector<ScenarioIssue> issues;
  for (const Target& t : targets) {
    bool cohort = false, actor = false;
    for (const auto& c : params.cohorts) cohort = cohort || c.name == t.cohort;
    for (const auto& a : params.actors) actor = actor || a.name == t.actor;
    if (!cohort) issues.push_back({path, t.line, "cohort", "no cohort named '" + t.cohort + "' in the scenario"});
    if (!actor) issues.push_back({path, t.line, "actor", "no actor named '" + t.actor + "' in the scenario"});
  }
  if (!issues.empty()) throw ScenarioError(std::move(issues));
}

double simulated_value(const Target& t, const std::vector<std::string>& cohort_names,
                       const std::vector<std::string>& actor_names, const std::vector<CohortOutcome>& cohorts) {
  if (!t.simulated) return kNaN;
  std::size_t c = 0, a = 0;
  while (c < cohort_names.size() && cohort_names[c] != t.cohort) ++c;
  while (a < actor_names.size() && actor_names[a] != t.actor) ++a;
  if (c == cohort_names.size() || a == actor_names.size()) return kNaN;
  const CohortOutcome& o = cohorts[c];
  if (t.measure == "members") return o.members[a];
  if (t.measure == "support_rate") return o.support_rate[a];
  if (t.measure == "support_rate_sd") return o.support_rate_sd[a];
  if (t.measure == "meeting_rate") return o.meeting_rate[a];
  if (t.measure == "activation_rate") return o.activation_rate[a];
  double share = 0.0;
  if (t.measure == "activity_weeks_share") {
    for (int k = 1; k < kActivities; ++k)
      if (t.activities[static_cast<std::size_t>(k)])
        share += o.activity_weeks_share[a * kActivities + static_cast<std::size_t>(k)];
    return 100.0 * share;
  }
  auto cell = [&](int s, int k) {
    return o.state_activity[(a * kStates + static_cast<std::size_t>(s)) * kActivities + static_cast<std::size_t>(k)];
  };
  double excluded = 0.0;
  for (int s = 0; s < kStates; ++s) {
    for (int k = 0; k < kActivities; ++k) {
      if (t.base_excludes[static_cast<std::size_t>(s)]) excluded += cell(s, k);
      if (t.states[static_cast<std::size_t>(s)] && t.activities[static_cast<std::size_t>(k)]) share += cell(s, k);
    }
  }
  if (excluded >= 1.0) return kNaN;
  return 100.0 * share / (1.0 - excluded);
}

}  // namespace almpsim
