// The shipped power question is about a 3-point difference: the scenario's provider effect must
// give one, whatever the Køge fit it extends has become.
#include <cmath>

#include "almpsim/engine.hpp"
#include "almpsim/stats.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

TEST_CASE("trial_power's provider is about 3 points ahead in the cash inflow cohort", "[regression]") {
  constexpr int kReplications = 100;
  const Params p = test::shipped("trial_power.toml", {"replications=" + std::to_string(kReplications)});
  MonteCarloOptions options;
  options.threads = 2;
  const auto reps = run_monte_carlo(p, options);
  std::size_t cohort = 0, jobcenter = 0, agens = 0;
  while (p.cohorts[cohort].name != "inflow_cash") ++cohort;
  while (p.actors[jobcenter].name != "jobcenter") ++jobcenter;
  while (p.actors[agens].name != "agens") ++agens;
  std::vector<double> difference;
  for (const auto& r : reps)
    difference.push_back(
        100 * (r.cohorts[cohort].self_support_share[agens] - r.cohorts[cohort].self_support_share[jobcenter]));
  const Summary s = summarise(difference);
  const double se = s.sd / std::sqrt(double(kReplications));
  INFO("difference " << s.mean << " points, Monte Carlo se " << se);
  // "About 3": within half a point, beyond the Monte Carlo error (3 se).
  CHECK(std::abs(s.mean - 3.0) < 0.5 + 3 * se);
}
