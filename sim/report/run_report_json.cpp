// almpsim report --format json: the run report's numbers for scripts (and python/almpsim).
#include <nlohmann/json.hpp>

#include "almpsim/measures.hpp"
#include "reports.hpp"
#include "run_views.hpp"

namespace almpsim::report {

namespace {

using json = nlohmann::ordered_json;

/// A distribution over replications; NaN (an arm that serves nobody) becomes null.
json json_summary(const Summary& s) {
  return {{"mean", s.mean}, {"sd", s.sd}, {"q05", s.q05}, {"q95", s.q95}};
}

}  // namespace

std::string run_report_json(const StoredRun& run, const PublishedComparison& published) {
  json cohorts = json::object();
  for (std::size_t c = 0; c < run.cohort_names.size(); ++c) {
    json by_actor = json::object();
    for (std::size_t a = 0; a < run.actors.size(); ++a) {
      json measures = json::object();
      for (const CohortMeasure& m : cohort_measures())
        if (m.per_actor_only())
          measures[std::string(m.name)] = json_summary(summarise(over_replications(run, c, m.field, a)));
      for (std::size_t s = 0; s < kStates; ++s)
        measures["status_" + std::string(kStateNames[s])] =
            json_summary(summarise(over_replications(run, c, &CohortOutcome::status, a * kStates + s)));
      by_actor[run.actors[a]] = std::move(measures);
    }
    cohorts[run.cohort_names[c]] = std::move(by_actor);
  }
  // Each arm against the first actor, as the text report gives them; an array, so that no
  // actor's name can collide with a key.
  json trials = json::array();
  for (const auto& [arm, control] : trial_arms(run.actors, run.controls)) {
    json by_cohort = json::object();
    for (std::size_t c = 0; c < run.cohort_names.size(); ++c) {
      const TrialSeries t = trial_series(run.cohorts, c, control, arm);
      by_cohort[run.cohort_names[c]] = {{"chi_square", json_summary(summarise(t.chi2))},
                                        {"p_value", json_summary(summarise(t.p_value))},
                                        {"self_support_difference_points", json_summary(summarise(t.difference))},
                                        {"significant_share_chi_square", t.significant_chi2},
                                        {"significant_share_difference", t.significant_difference}};
    }
    trials.push_back({{"arm", run.actors[arm]}, {"control", run.actors[control]}, {"cohorts", std::move(by_cohort)}});
  }
  // A trial in several sites: the count of significant arms and the pooled trial, by cohort.
  json sites = json::object();
  if (const auto arms = trial_arms(run.actors, run.controls); arms.size() >= 2)
    for (std::size_t c = 0; c < run.cohort_names.size(); ++c) {
      const SitesView v = sites_view(run, arms, c);
      sites[run.cohort_names[c]] = {{"arms", arms.size()},
                                    {"significant_positive", json_summary(v.positive)},
                                    {"significant_negative", json_summary(v.negative)},
                                    {"pooled_difference_points", json_summary(v.pooled)},
                                    {"pooled_significant_share", v.pooled_significant}};
    }
  json tables = json::array();
  for (const PublishedRow& r : published.rows) {
    const Target& t = *r.target;
    tables.push_back({{"table", t.table},
                      {"cohort", t.cohort},
                      {"actor", t.actor},
                      {"versus", t.versus.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(t.versus)},
                      {"measure", t.measure},
                      {"category", t.category},
                      {"fit", t.fit},
                      {"published", t.value},
                      {"simulated", json_summary(r.simulated)},
                      {"outside", r.outside}});
  }
  const json out = {{"scenario", run.scenario_name}, {"replications", run.replications},
                    {"cohorts", std::move(cohorts)}, {"trials", std::move(trials)},
                    {"sites", std::move(sites)},     {"tables", std::move(tables)}};
  return out.dump(2);
}

}  // namespace almpsim::report
