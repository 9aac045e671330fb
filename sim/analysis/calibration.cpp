#include "almpsim/calibration.hpp"

#include <cmath>
#include <sstream>

#include "almpsim/engine.hpp"
#include "almpsim/memory.hpp"
#include "almpsim/optimiser.hpp"
#include "almpsim/scenario.hpp"
#include "almpsim/stats.hpp"

namespace almpsim {

namespace {

std::string override_of(const FreeParameter& p, const std::vector<double>& values, bool array) {
  std::ostringstream s;
  s.precision(10);
  s << p.key << "=";
  if (!array) {
    s << values[0];
  } else {
    s << "[";
    for (std::size_t k = 0; k < values.size(); ++k) s << (k ? ", " : "") << values[k];
    s << "]";
  }
  return s.str();
}

/// "key", or "key[index]" for one element of an array.
std::string element_key(const std::string& key, std::optional<int> index) {
  return index ? key + "[" + std::to_string(*index) + "]" : key;
}

/// The scenario's own number(s) at each free parameter's key, read once; empty where the key
/// has none (a range may then start in its middle).
std::vector<std::vector<double>> current_values(const CalibrationRequest& request, const CalibrationSpec& spec) {
  std::vector<std::vector<double>> out;
  for (const FreeParameter& p : spec.free) {
    try {
      out.push_back(scenario_numbers(request.scenario, request.overrides, p.key));
    } catch (const ScenarioError&) {
      out.emplace_back();
    }
  }
  return out;
}

/// Every bound of a free parameter must be a value the scenario accepts, or the optimiser
/// would stop part-way.
void check_bounds(const CalibrationRequest& request, const CalibrationSpec& spec,
                  const std::vector<std::vector<double>>& current) {
  for (std::size_t k = 0; k < spec.free.size(); ++k) {
    const FreeParameter& p = spec.free[k];
    for (const double bound : {p.lower, p.upper}) {
      std::vector<double> v = current[k];
      const bool array = v.size() > 1 || p.index.has_value();
      if (v.empty()) v.push_back(bound);
      for (std::size_t e = 0; e < v.size(); ++e)
        if (!p.index || static_cast<std::size_t>(*p.index) == e) v[e] = p.scale ? v[e] * bound : bound;
      std::vector<std::string> o = request.overrides;
      o.push_back(override_of(p, v, array));
      try {
        load_scenario(request.scenario, o);
      } catch (const ScenarioError& e) {
        throw ScenarioError({{request.scenario, 0, "calibration.free",
                              "the bounds of " + p.key + " reach a value the scenario refuses: " + e.what()}});
      }
    }
  }
}

}  // namespace

FitScore evaluate_fit(const std::string& scenario, const std::vector<std::string>& overrides,
                      const FitSetting& setting) {
  Params p = load_scenario(scenario, overrides).params;
  p.run.replications = setting.replications;
  p.run.seed = setting.seed;  // common random numbers: every evaluation sees the same draws
  require_memory(p, setting.threads, scenario);
  MonteCarloOptions options;
  options.threads = setting.threads;
  const auto reps = run_monte_carlo(p, options);
  const OutcomeNames names = outcome_names(p);
  FitScore score;
  std::vector<FitTerm> terms;
  for (const Target& t : setting.fitted) {
    std::vector<double> v;
    for (const auto& r : reps) v.push_back(simulated_value(t, names, r.cohorts));
    score.means.push_back(summarise(v).mean);
    terms.push_back({t.value, score.means.back(), standard_error(t)});
  }
  score.tables = fit_objective(terms);
  for (const PriorTerm& term : setting.priors) {
    const std::vector<double> values = scenario_numbers(scenario, overrides, term.key);
    const double value = values.at(term.index ? static_cast<std::size_t>(*term.index) : 0);
    score.prior_values.push_back(value);
    const double z = (value - term.prior.mean) / term.prior.sd;
    score.priors += z * z;
  }
  return score;
}

Calibration calibrate_scenario(const CalibrationRequest& request) {
  const LoadedScenario loaded = load_scenario(request.scenario, request.overrides);
  const Params& base = loaded.params;
  const CalibrationSpec& spec = loaded.study.calibration;
  if (spec.free.empty())
    throw ScenarioError(
        {{request.scenario, 0, "calibration.free", "no free parameters: add [[calibration.free]] tables"}});
  const std::vector<std::vector<double>> current = current_values(request, spec);
  check_bounds(request, spec, current);
  if (loaded.study.targets_file.empty())
    throw ScenarioError({{request.scenario, 0, "targets.file", "calibration needs published targets"}});
  std::vector<Target> targets = read_targets(loaded.study.targets_file);
  check_targets(targets, base, loaded.study.targets_file);
  FitSetting setting;
  for (const Target& t : targets)
    if (t.fit && t.simulated) setting.fitted.push_back(t);
  for (const FreeParameter& f : spec.free)
    if (f.prior) setting.priors.push_back({f.key, f.index, *f.prior});
  setting.replications = request.replications > 0 ? request.replications : spec.replications;
  setting.seed = request.seed.value_or(base.run.seed);
  setting.threads = request.threads;
  const int max_evaluations = request.max_evaluations > 0 ? request.max_evaluations : spec.max_evaluations;

  // Starting point: the scenario's own values; scale factors start at 1.
  std::vector<std::vector<double>> start_values;
  std::vector<double> x0;
  for (std::size_t k = 0; k < spec.free.size(); ++k) {
    const FreeParameter& p = spec.free[k];
    // A scale or an element needs the values it changes: read again for the reader's error.
    if (current[k].empty() && (p.scale || p.index.has_value()))
      scenario_numbers(request.scenario, request.overrides, p.key);
    if (p.index.has_value() && static_cast<std::size_t>(*p.index) >= current[k].size())
      throw ScenarioError({{request.scenario, 0, p.key, "has no element " + std::to_string(*p.index)}});
    start_values.push_back(current[k]);
    const double now =
        current[k].empty() ? NAN : current[k][p.index.has_value() ? static_cast<std::size_t>(*p.index) : 0];
    x0.push_back(p.scale           ? to_unit(1.0, true, p.lower, p.upper)
                 : std::isnan(now) ? 0.5
                                   : to_unit(now, false, p.lower, p.upper));
  }
  // A number stays a number; an array (or an element of one) is written as an array.
  auto is_array = [&](std::size_t k) { return start_values[k].size() > 1 || spec.free[k].index.has_value(); };
  // Free parameters on elements of the same array combine: each changes only its element.
  auto values_at = [&](const std::vector<double>& u, std::size_t k) {
    const FreeParameter& p = spec.free[k];
    std::vector<double> out = start_values[k];
    for (std::size_t j = 0; j < spec.free.size(); ++j) {
      const FreeParameter& q = spec.free[j];
      if (q.key != p.key) continue;
      const double v = from_unit(u[j], q.scale, q.lower, q.upper);
      if (!q.index && !q.scale) return std::vector<double>{v};
      for (std::size_t e = 0; e < out.size(); ++e)
        if (!q.index || static_cast<std::size_t>(*q.index) == e) out[e] = q.scale ? out[e] * v : v;
    }
    return out;
  };

  auto simulate = [&](const std::vector<double>& u) {
    std::vector<std::string> overrides = request.overrides;
    // Several entries for one key give the same combined value; the last one stands.
    for (std::size_t k = 0; k < spec.free.size(); ++k)
      overrides.push_back(override_of(spec.free[k], values_at(u, k), is_array(k)));
    return evaluate_fit(request.scenario, overrides, setting);
  };
  double best = INFINITY;
  int evaluation = 0;
  auto objective = [&](const std::vector<double>& u) {
    const double value = simulate(u).objective();
    best = std::min(best, value);
    if (request.on_evaluation) request.on_evaluation(++evaluation, max_evaluations, value, best);
    return value;
  };

  const OptimiserResult result = minimise(objective, x0, spec.algorithm, max_evaluations);
  const FitScore final_score = simulate(result.x);

  Calibration out;
  out.setting = setting;
  for (std::size_t k = 0; k < spec.free.size(); ++k) {
    bool seen = false;
    for (const FittedValue& v : out.values) seen = seen || v.key == spec.free[k].key;
    if (!seen) out.values.push_back({spec.free[k].key, values_at(result.x, k), is_array(k)});
  }
  FitRecord& record = out.record;
  record.algorithm = spec.algorithm;
  record.status = result.status;
  record.objective = final_score.objective();
  record.tables_objective = final_score.tables;
  record.evaluations = result.evaluations;
  record.replications = setting.replications;
  record.seed = setting.seed;
  for (std::size_t k = 0; k < setting.fitted.size(); ++k) {
    const Target& t = setting.fitted[k];
    record.rows.push_back({t.table, t.cohort, t.actor, t.versus, t.measure, t.category, t.value, final_score.means[k]});
  }
  for (std::size_t k = 0; k < setting.priors.size(); ++k) {
    const PriorTerm& term = setting.priors[k];
    record.priors.push_back({element_key(term.key, term.index), term.prior.mean, term.prior.sd,
                             final_score.prior_values[k], term.prior.source});
  }
  // Within 1% of an end of the unit cube the optimiser searches: where it stopped, not an
  // estimate, unless the evidence puts the value there.
  constexpr double kNearBound = 0.01;
  for (std::size_t k = 0; k < spec.free.size(); ++k) {
    const FreeParameter& f = spec.free[k];
    if (result.x[k] > kNearBound && result.x[k] < 1.0 - kNearBound) continue;
    record.at_bound.push_back(element_key(f.key, f.index) +
                              (result.x[k] <= kNearBound ? " (lower bound)" : " (upper bound)"));
  }
  return out;
}

}  // namespace almpsim
