#include "power.hpp"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "almpsim/power_study.hpp"
#include "almpsim/stats.hpp"
#include "almpsim/sweep_design.hpp"
#include "progress.hpp"

namespace almpsim::cli {

int power(const PowerArgs& args) {
  PowerRequest request;
  request.scenario = args.scenario;
  request.overrides = args.overrides;
  if (!args.arms.empty()) request.arms = split_values(args.arms);
  request.cohort = args.cohort;
  request.sizes = args.sizes;
  request.alpha = args.alpha;
  request.replications = args.replications;
  if (args.seed >= 0) request.seed = static_cast<std::uint64_t>(args.seed);
  request.threads = args.threads;
  Progress progress(!args.quiet);
  request.on_replication_done = [&](int done, int total) { progress.replication_done(done, total); };
  const PowerStudy study = run_power_study(request);

  std::ostringstream out;
  if (args.json) {
    using json = nlohmann::ordered_json;
    json table = json::array();
    for (const PowerRow& r : study.rows)
      table.push_back({{"cohort", r.cohort},
                       {"size_factor", r.factor},
                       {"members", {summarise(r.members_a).mean, summarise(r.members_b).mean}},
                       {"power_chi_square", share_below(r.chi2_p, study.alpha)},
                       {"power_difference", share_below(r.difference_p, study.alpha)},
                       {"difference_mean", summarise(r.difference).mean}});
    const json doc = {{"scenario", study.scenario_name},
                      {"arms", {study.arms[0], study.arms[1]}},
                      {"alpha", study.alpha},
                      {"replications", study.replications},
                      {"rows", std::move(table)}};
    std::printf("%s\n", doc.dump().c_str());
    return 0;
  }
  char line[512];
  std::snprintf(line, sizeof line,
                "%s: trial %s against %s, %d replications per size, alpha %.2f\n"
                "Power = share of replications with p < alpha (binomial standard error in brackets).\n",
                study.scenario_name.c_str(), study.arms[1].c_str(), study.arms[0].c_str(), study.replications,
                study.alpha);
  out << line;
  std::string last;
  for (const PowerRow& r : study.rows) {
    if (r.cohort != last) {
      std::snprintf(line, sizeof line, "\ncohort %s\n  %-6s %-15s %-26s %-22s %-22s %s\n", r.cohort.c_str(), "size",
                    "members (a / b)", "difference, points", "power: difference", "power: chi-square",
                    "chi-square [90%]");
      out << line;
      last = r.cohort;
    }
    const double n = static_cast<double>(r.difference_p.size());
    const double pd = share_below(r.difference_p, study.alpha), pc = share_below(r.chi2_p, study.alpha);
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
