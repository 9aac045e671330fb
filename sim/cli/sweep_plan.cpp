#include "sweep_plan.hpp"

namespace almpsim::cli {

namespace {

/// Grid axes given with --vary: added to the scenario's, or replacing one with the same key.
void add_command_line_axes(const std::string& scenario, const std::vector<std::string>& vary, SweepSpec& spec) {
  int position = 0;
  for (const std::string& v : vary) {
    ++position;
    const auto eq = v.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == v.size())
      throw ScenarioError({{"--vary", position, v, "expected --vary key=value1,value2,..."}});
    if (spec.design != SweepSpec::Design::grid)
      throw ScenarioError({{scenario, 0, "sweep.design", "--vary adds grid axes; this sweep is a Latin hypercube"}});
    SweepAxis axis;
    axis.origin = "--vary";
    axis.position = position;
    axis.key = v.substr(0, eq);
    axis.values = split_values(v.substr(eq + 1));
    for (const std::string& x : axis.values)
      if (x.empty()) throw ScenarioError({{"--vary", position, axis.key, "an empty value in '" + v + "'"}});
    bool replaced = false;
    for (SweepAxis& a : spec.axes)
      if (canonical_key(a.key) == canonical_key(axis.key)) a = axis, replaced = true;
    if (!replaced) spec.axes.push_back(axis);
  }
}

}  // namespace

std::vector<Override> run_overrides(const std::vector<std::string>& sets, int replications, long long seed) {
  std::vector<Override> overrides = set_overrides(sets);
  if (replications > 0) overrides.emplace_back("replications=" + std::to_string(replications), "--replications");
  if (seed >= 0) overrides.emplace_back("seed=" + std::to_string(seed), "--seed");
  return overrides;
}

SweepPlan plan_sweep(const std::string& scenario, const std::vector<Override>& overrides,
                     const std::vector<std::string>& vary) {
  SweepPlan plan{load_scenario_with(scenario, overrides), {}, {}, {}};
  plan.spec = plan.base.study.sweep;
  add_command_line_axes(scenario, vary, plan.spec);
  if (plan.spec.axes.empty())
    throw ScenarioError({{scenario, 0, "sweep", "nothing to sweep: add [[sweep.vary]] tables or --vary"}});
  // Every point is checked before anything runs: a bad value stops with status 2.
  plan.points = sweep_points(plan.spec);
  for (const SweepPoint& p : plan.points) {
    std::vector<Override> o = overrides;
    o.insert(o.end(), p.overrides.begin(), p.overrides.end());
    plan.scenarios.push_back(load_scenario_with(scenario, o));
  }
  return plan;
}

}  // namespace almpsim::cli
