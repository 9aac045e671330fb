#include "calibrate.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "almpsim/calibrate.hpp"
#include "almpsim/engine.hpp"
#include "almpsim/fitted_scenario.hpp"
#include "almpsim/memory.hpp"
#include "almpsim/scenario.hpp"
#include "almpsim/stats.hpp"
#include "almpsim/targets.hpp"

namespace almpsim::cli {

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

std::vector<std::string> cohort_names(const Params& p) {
  std::vector<std::string> out;
  for (const auto& c : p.cohorts) out.push_back(c.name);
  return out;
}
std::vector<std::string> actor_names(const Params& p) {
  std::vector<std::string> out;
  for (const auto& a : p.actors) out.push_back(a.name);
  return out;
}

}  // namespace

int calibrate(const CalibrateArgs& args) {
  const LoadedScenario loaded = load_scenario(args.scenario, args.overrides);
  const Params& base = loaded.params;
  const CalibrationSpec& spec = loaded.study.calibration;
  if (spec.free.empty())
    throw ScenarioError(
        {{args.scenario, 0, "calibration.free", "no free parameters: add [[calibration.free]] tables"}});
  // Every bound must be a value the scenario accepts, or the optimiser would stop part-way.
  for (const FreeParameter& p : spec.free) {
    for (const double bound : {p.lower, p.upper}) {
      std::vector<double> v;
      try {
        v = scenario_numbers(args.scenario, args.overrides, p.key);
      } catch (const ScenarioError&) {
      }
      const bool array = v.size() > 1 || p.index.has_value();
      if (v.empty()) v.push_back(bound);
      for (std::size_t e = 0; e < v.size(); ++e)
        if (!p.index || static_cast<std::size_t>(*p.index) == e) v[e] = p.scale ? v[e] * bound : bound;
      std::vector<std::string> o = args.overrides;
      o.push_back(override_of(p, v, array));
      try {
        load_scenario(args.scenario, o);
      } catch (const ScenarioError& e) {
        throw ScenarioError({{args.scenario, 0, "calibration.free",
                              "the bounds of " + p.key + " reach a value the scenario refuses: " + e.what()}});
      }
    }
  }
  if (loaded.study.targets_file.empty())
    throw ScenarioError({{args.scenario, 0, "targets.file", "calibration needs published targets"}});
  std::vector<Target> targets = read_targets(loaded.study.targets_file);
  check_targets(targets, base, loaded.study.targets_file);
  std::vector<Target> fitted;
  for (const Target& t : targets)
    if (t.fit && t.simulated) fitted.push_back(t);

  const int replications = args.replications > 0 ? args.replications : spec.replications;
  const int max_evaluations = args.max_evaluations > 0 ? args.max_evaluations : spec.max_evaluations;
  const std::uint64_t seed = args.seed >= 0 ? static_cast<std::uint64_t>(args.seed) : base.run.seed;

  // Starting point: the scenario's own values; scale factors start at 1.
  std::vector<std::vector<double>> start_values;
  std::vector<double> x0;
  for (const FreeParameter& p : spec.free) {
    std::vector<double> current;
    try {
      current = scenario_numbers(args.scenario, args.overrides, p.key);
    } catch (const ScenarioError&) {
      if (p.scale || p.index.has_value()) throw;  // these need the values they change; a range may start in its middle
    }
    if (p.index.has_value() && static_cast<std::size_t>(*p.index) >= current.size())
      throw ScenarioError({{args.scenario, 0, p.key, "has no element " + std::to_string(*p.index)}});
    start_values.push_back(current);
    const double now = current.empty() ? NAN : current[p.index.has_value() ? static_cast<std::size_t>(*p.index) : 0];
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

  std::vector<double> best_means;
  double best = INFINITY;
  int evaluation = 0;
  const auto started = std::chrono::steady_clock::now();
  auto simulate_file = [&](const std::string& file, const std::vector<std::string>& overrides,
                           std::vector<double>& means) {
    Params p = load_scenario(file, overrides).params;
    p.run.replications = replications;
    p.run.seed = seed;  // common random numbers: every evaluation sees the same draws
    require_memory(p, args.threads, file);
    MonteCarloOptions options;
    options.threads = args.threads;
    const auto reps = run_monte_carlo(p, options);
    const auto cohorts = cohort_names(p);
    const auto actors = actor_names(p);
    means.clear();
    std::vector<FitTerm> terms;
    for (const Target& t : fitted) {
      std::vector<double> v;
      for (const auto& r : reps) v.push_back(simulated_value(t, cohorts, actors, r.cohorts));
      means.push_back(summarise(v).mean);
      terms.push_back({t.value, means.back(), standard_error(t)});
    }
    return fit_objective(terms);
  };
  auto simulate = [&](const std::vector<double>& u, std::vector<double>& means) {
    std::vector<std::string> overrides = args.overrides;
    // Several entries for one key give the same combined value; the last one stands.
    for (std::size_t k = 0; k < spec.free.size(); ++k)
      overrides.push_back(override_of(spec.free[k], values_at(u, k), is_array(k)));
    return simulate_file(args.scenario, overrides, means);
  };
  auto objective = [&](const std::vector<double>& u) {
    std::vector<double> means;
    const double value = simulate(u, means);
    ++evaluation;
    if (value < best) {
      best = value;
      best_means = means;
    }
    if (!args.quiet && (evaluation % 10 == 0 || evaluation == 1)) {
      const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::fprintf(stderr, "evaluation %d/%d  objective %.2f  best %.2f  elapsed %.0f s\n", evaluation, max_evaluations,
                   value, best, elapsed);
    }
    return value;
  };

  const OptimiserResult result = minimise(objective, x0, spec.algorithm, max_evaluations);
  std::vector<double> final_means;
  const double final_value = simulate(result.x, final_means);

  std::vector<FittedValue> values;
  for (std::size_t k = 0; k < spec.free.size(); ++k) {
    bool seen = false;
    for (const FittedValue& v : values) seen = seen || v.key == spec.free[k].key;
    if (!seen) values.push_back({spec.free[k].key, values_at(result.x, k), is_array(k)});
  }
  FitRecord record;
  record.version = ALMPSIM_VERSION;
  record.algorithm = spec.algorithm;
  record.status = result.status;
  record.objective = final_value;
  record.evaluations = result.evaluations;
  record.replications = replications;
  record.seed = seed;
  for (std::size_t k = 0; k < fitted.size(); ++k)
    record.rows.push_back({fitted[k].table, fitted[k].cohort, fitted[k].actor, fitted[k].measure, fitted[k].category,
                           fitted[k].value, final_means[k]});
  std::string output = args.output;
  if (output.empty()) {
    const std::filesystem::path in(args.scenario);
    output = (in.parent_path() / (in.stem().string() + "_fitted.toml")).string();
  }
  write_fitted_scenario(output, args.scenario, values, record);
  // The written scenario must reproduce the fit (same draws, same objective).
  std::vector<double> check_means;
  const double reproduced = simulate_file(output, args.overrides, check_means);
  if (std::abs(reproduced - final_value) > 1e-9 * std::max(1.0, std::abs(final_value))) {
    std::fprintf(stderr,
                 "error: %s does not reproduce the fit (objective %.6g instead of %.6g); a fitted key inside a "
                 "table of numbers replaces that whole table when extended\n",
                 output.c_str(), reproduced, final_value);
    return 1;
  }
  if (!args.quiet) {
    std::printf("%d evaluations (%s); objective %.2f over %zu published numbers\n", result.evaluations,
                result.status.c_str(), final_value, fitted.size());
    for (const FittedValue& v : values) {
      std::printf("  %-55s", v.key.c_str());
      for (double x : v.values) std::printf(" %.5g", x);
      std::printf("\n");
    }
    std::printf("wrote %s\n", output.c_str());
  }
  return 0;
}

}  // namespace almpsim::cli
