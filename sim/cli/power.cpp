#include "power.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "almpsim/engine.hpp"
#include "almpsim/memory.hpp"
#include "almpsim/scenario.hpp"
#include "almpsim/stats.hpp"
#include "almpsim/sweep_design.hpp"
#include "almpsim/trial.hpp"
#include "progress.hpp"

namespace almpsim::cli {

namespace {

std::size_t actor_index(const Params& p, const std::string& name, const std::string& scenario) {
  for (std::size_t a = 0; a < p.actors.size(); ++a)
    if (p.actors[a].name == name) return a;
  std::string known;
  for (const auto& a : p.actors) known += (known.empty() ? "" : ", ") + a.name;
  throw ScenarioError({{"--arms", 0, name, "no actor of that name in " + scenario + " (actors: " + known + ")"}});
}

/// One cohort at one sample size: the tests over replications.
struct PowerRow {
  std::string cohort;
  double factor = 1.0;
  std::vector<double> members_a, members_b, chi2, chi2_p, difference, difference_p;
};

double share_below(const std::vector<double>& p, double alpha) {
  if (p.empty()) return NAN;
  return static_cast<double>(std::count_if(p.begin(), p.end(), [&](double x) { return x < alpha; })) /
         static_cast<double>(p.size());
}

}  // namespace

int power(const PowerArgs& given) {
  const LoadedScenario loaded = load_scenario(given.scenario, given.overrides);
  Params base = loaded.params;
  if (given.replications > 0) base.run.replications = given.replications;
  if (given.seed >= 0) base.run.seed = static_cast<std::uint64_t>(given.seed);
  const PowerSpec& study = loaded.study.power;
  // Command-line options first, then the scenario's [power] table.
  PowerArgs a_ = given;
  if (a_.arms.empty() && study.arms.size() == 2) a_.arms = study.arms[0] + "," + study.arms[1];
  if (a_.arms.empty()) throw ScenarioError({{"--arms", 0, "arms", "name the two arms: --arms A,B or [power] arms"}});
  if (a_.cohort.empty()) a_.cohort = study.cohort;
  if (a_.sizes.empty()) a_.sizes = study.sizes.empty() ? std::vector<double>{1.0} : study.sizes;
  if (a_.alpha < 0) a_.alpha = study.alpha;
  const PowerArgs& args = a_;
  const auto arms = split_values(args.arms);
  if (arms.size() != 2) throw ScenarioError({{"--arms", 0, args.arms, "expected two actor names: --arms A,B"}});
  const std::size_t a = actor_index(base, arms[0], args.scenario), b = actor_index(base, arms[1], args.scenario);
  if (a == b) throw ScenarioError({{"--arms", 0, args.arms, "the two arms must be different actors"}});
  std::vector<std::size_t> cohorts;
  for (std::size_t c = 0; c < base.cohorts.size(); ++c)
    if (args.cohort.empty() || base.cohorts[c].name == args.cohort) cohorts.push_back(c);
  if (cohorts.empty())
    throw ScenarioError({{"--cohort", 0, args.cohort.empty() ? "cohorts" : args.cohort,
                          args.cohort.empty() ? "the scenario has no cohorts" : "no cohort of that name"}});

  // Every size is checked before the first one runs.
  for (double factor : args.sizes) {
    Params p = base;
    scale_population(p, factor);
    require_memory(p, args.threads, args.scenario);
  }
  std::vector<PowerRow> rows;
  Progress progress(!args.quiet);
  const int total = base.run.replications * static_cast<int>(args.sizes.size());
  int done = 0;
  for (double factor : args.sizes) {
    Params p = base;
    scale_population(p, factor);
    MonteCarloOptions options;
    options.threads = args.threads;
    const int before = done;
    options.on_replication_done = [&](int finished, int) { progress.replication_done(before + finished, total); };
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
      rows.push_back(std::move(row));
    }
  }

  // One block per cohort, sizes in the order given.
  std::stable_sort(rows.begin(), rows.end(), [&](const PowerRow& x, const PowerRow& y) {
    auto order = [&](const std::string& name) {
      for (std::size_t c = 0; c < base.cohorts.size(); ++c)
        if (base.cohorts[c].name == name) return c;
      return base.cohorts.size();
    };
    return order(x.cohort) < order(y.cohort);
  });
  std::ostringstream out;
  if (args.json) {
    using json = nlohmann::ordered_json;
    json table = json::array();
    for (const PowerRow& r : rows)
      table.push_back({{"cohort", r.cohort},
                       {"size_factor", r.factor},
                       {"members", {summarise(r.members_a).mean, summarise(r.members_b).mean}},
                       {"power_chi_square", share_below(r.chi2_p, args.alpha)},
                       {"power_difference", share_below(r.difference_p, args.alpha)},
                       {"difference_mean", summarise(r.difference).mean}});
    const json doc = {{"scenario", base.name},
                      {"arms", {arms[0], arms[1]}},
                      {"alpha", args.alpha},
                      {"replications", base.run.replications},
                      {"rows", std::move(table)}};
    std::printf("%s\n", doc.dump().c_str());
    return 0;
  }
  char line[512];
  std::snprintf(line, sizeof line,
                "%s: trial %s against %s, %d replications per size, alpha %.2f\n"
                "Power = share of replications with p < alpha (binomial standard error in brackets).\n",
                base.name.c_str(), arms[1].c_str(), arms[0].c_str(), base.run.replications, args.alpha);
  out << line;
  std::string last;
  for (const PowerRow& r : rows) {
    if (r.cohort != last) {
      std::snprintf(line, sizeof line, "\ncohort %s\n  %-6s %-15s %-26s %-22s %-22s %s\n", r.cohort.c_str(), "size",
                    "members (a / b)", "difference, points", "power: difference", "power: chi-square",
                    "chi-square [90%]");
      out << line;
      last = r.cohort;
    }
    const double n = static_cast<double>(r.difference_p.size());
    const double pd = share_below(r.difference_p, args.alpha), pc = share_below(r.chi2_p, args.alpha);
    const Summary d = summarise(r.difference), c = summarise(r.chi2);
    char diff[64], members[64], power_d[64], power_c[64], chi[64];
    std::snprintf(members, sizeof members, "%.0f / %.0f", summarise(r.members_a).mean, summarise(r.members_b).mean);
    std::snprintf(diff, sizeof diff, "%+.2f [%+.2f, %+.2f]", d.mean, d.q05, d.q95);
    std::snprintf(power_d, sizeof power_d, "%.3f (%.3f)", pd, std::sqrt(pd * (1 - pd) / n));
    std::snprintf(power_c, sizeof power_c, "%.3f (%.3f)", pc, std::sqrt(pc * (1 - pc) / n));
    std::snprintf(chi, sizeof chi, "%.1f [%.1f, %.1f]", c.mean, c.q05, c.q95);
    std::snprintf(line, sizeof line, "  x%-5g %-15s %-26s %-22s %-22s %s\n", r.factor, members, diff, power_d, power_c,
                  chi);
    out << line;
  }
  std::fputs(out.str().c_str(), stdout);
  return 0;
}

}  // namespace almpsim::cli
