// The shipped outreach scenario against CFBU's note: the office places 12% of the not-job-ready
// in company internships or wage subsidy against the ordinary job centre's 10% (fitted), and
// moves no more of them into work (not fitted: what the mechanisms make of the office).
#include <cmath>

#include "almpsim/engine.hpp"
#include "almpsim/stats.hpp"
#include "almpsim/targets.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
// The scenario's own replications and seed: the draws the fit saw.
constexpr int kReplications = 200;
// Allowances in Monte Carlo standard errors, as in the early-meeting test: a mean's is
// sd / sqrt(R), a z's about sqrt((1 + z^2 / 2) / R).
constexpr double kStandardErrors = 3.0;
constexpr double kSignificant = 1.959964;  // two-sided 5%
}  // namespace

TEST_CASE("copenhagen_outreach places the published shares and moves no more into work, as the note found",
          "[regression]") {
  const LoadedScenario scenario = load_scenario(test::source_path("scenarios/copenhagen_outreach.toml"));
  REQUIRE(scenario.params.run.replications == kReplications);
  MonteCarloOptions options;
  options.threads = 2;
  const auto reps = run_monte_carlo(scenario.params, options);
  const OutcomeNames names = outcome_names(scenario.params);
  int placements = 0, effects = 0;
  for (const Target& t : read_targets(scenario.study.targets_file)) {
    std::vector<double> v;
    for (const auto& r : reps) v.push_back(simulated_value(t, names, r.cohorts));
    const Summary s = summarise(v);
    if (t.fit) {
      // The placement shares are fitted at these draws: only the Monte Carlo error may remain.
      ++placements;
      INFO(t.actor << ": published " << t.value << "%, simulated " << s.mean << "%");
      CHECK(std::abs(s.mean - t.value) <= kStandardErrors * s.sd / std::sqrt(double(kReplications)));
    } else {
      // Each replication is one trial of the scenario's size: the job effect is not significant.
      ++effects;
      const double z = s.mean / s.sd, z_error = kStandardErrors * std::sqrt((1 + z * z / 2) / kReplications);
      INFO(t.actor << " - " << t.versus << ": " << s.mean << " points self-supporting, z " << z << " +- " << z_error);
      CHECK(std::abs(z) + z_error < kSignificant);
    }
  }
  CHECK(placements == 2);
  CHECK(effects == 1);
}
