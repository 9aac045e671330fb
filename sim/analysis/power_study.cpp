#include "almpsim/power_study.hpp"

#include <algorithm>
#include <cmath>

#include "almpsim/engine.hpp"
#include "almpsim/memory.hpp"
#include "almpsim/scenario.hpp"
#include "almpsim/trial.hpp"

namespace almpsim {

namespace {

std::size_t actor_index(const Params& p, const std::string& name, const std::string& scenario) {
  for (std::size_t a = 0; a < p.actors.size(); ++a)
    if (p.actors[a].name == name) return a;
  std::string known;
  for (const auto& a : p.actors) known += (known.empty() ? "" : ", ") + a.name;
  throw ScenarioError({{"--arms", 0, name, "no actor of that name in " + scenario + " (actors: " + known + ")"}});
}

}  // namespace

double share_below(const std::vector<double>& p, double alpha) {
  if (p.empty()) return NAN;
  return static_cast<double>(std::count_if(p.begin(), p.end(), [&](double x) { return x < alpha; })) /
         static_cast<double>(p.size());
}

PowerStudy run_power_study(const PowerRequest& request) {
  const LoadedScenario loaded = load_scenario(request.scenario, request.overrides);
  Params base = loaded.params;
  if (request.replications > 0) base.run.replications = request.replications;
  if (request.seed) base.run.seed = *request.seed;
  // The request first, then the scenario's [power] table.
  const PowerSpec& defaults = loaded.study.power;
  PowerStudy study;
  study.scenario_name = base.name;
  study.replications = base.run.replications;
  study.arms = request.arms.empty() ? defaults.arms : request.arms;
  study.alpha = request.alpha < 0 ? defaults.alpha : request.alpha;
  const std::string cohort = request.cohort.empty() ? defaults.cohort : request.cohort;
  std::vector<double> sizes = request.sizes.empty() ? defaults.sizes : request.sizes;
  if (sizes.empty()) sizes = {1.0};
  if (study.arms.empty()) throw ScenarioError({{"--arms", 0, "arms", "name the two arms: --arms A,B or [power] arms"}});
  if (study.arms.size() != 2) {
    std::string given;
    for (const auto& a : study.arms) given += (given.empty() ? "" : ",") + a;
    throw ScenarioError({{"--arms", 0, given, "expected two actor names: --arms A,B"}});
  }
  const std::size_t a = actor_index(base, study.arms[0], request.scenario);
  const std::size_t b = actor_index(base, study.arms[1], request.scenario);
  if (a == b)
    throw ScenarioError({{"--arms", 0, study.arms[0] + "," + study.arms[1], "the two arms must be different actors"}});
  std::vector<std::size_t> cohorts;
  for (std::size_t c = 0; c < base.cohorts.size(); ++c)
    if (cohort.empty() || base.cohorts[c].name == cohort) cohorts.push_back(c);
  if (cohorts.empty())
    throw ScenarioError({{"--cohort", 0, cohort.empty() ? "cohorts" : cohort,
                          cohort.empty() ? "the scenario has no cohorts" : "no cohort of that name"}});

  // Every size is checked before the first one runs.
  for (double factor : sizes) {
    Params p = base;
    scale_population(p, factor);
    require_memory(p, request.threads, request.scenario);
  }
  const int total = base.run.replications * static_cast<int>(sizes.size());
  int done = 0;
  for (double factor : sizes) {
    Params p = base;
    scale_population(p, factor);
    MonteCarloOptions options;
    options.threads = request.threads;
    const int before = done;
    if (request.on_replication_done)
      options.on_replication_done = [&](int finished, int) { request.on_replication_done(before + finished, total); };
    const auto results = run_monte_carlo(p, options);
    done += p.run.replications;
    for (std::size_t c : cohorts) {
      PowerRow row;
      row.cohort = p.cohorts[c].name;
      row.factor = factor;
      for (const auto& r : results) {
        const TrialTest t = trial_test(r.cohorts[c], a, b);
        row.members_a.push_back(r.cohorts[c].members[a]);
        row.members_b.push_back(r.cohorts[c].members[b]);
        if (!t.valid) continue;
        row.chi2.push_back(t.chi_square.statistic);
        row.chi2_p.push_back(t.chi_square.p_value);
        row.difference.push_back(100 * t.difference);
        row.difference_p.push_back(t.difference_p_value);
      }
      study.rows.push_back(std::move(row));
    }
  }
  // One block per cohort, sizes in the order given.
  std::stable_sort(study.rows.begin(), study.rows.end(), [&](const PowerRow& x, const PowerRow& y) {
    auto order = [&](const std::string& name) {
      for (std::size_t c = 0; c < base.cohorts.size(); ++c)
        if (base.cohorts[c].name == name) return c;
      return base.cohorts.size();
    };
    return order(x.cohort) < order(y.cohort);
  });
  return study;
}

}  // namespace almpsim
