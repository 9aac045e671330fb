// The shipped Køge scenario against the published headline outcomes (tables 6.1 and 6.4).
#include <cmath>

#include "almpsim/engine.hpp"
#include "almpsim/stats.hpp"
#include "almpsim/targets.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

TEST_CASE("the Køge scenario reproduces the eight headline self-support shares", "[regression][koege-fit]") {
  constexpr int kReplications = 30;
  // A fitted value may miss the published one by 2.5 points (the acceptance band of the fit),
  // plus 4 Monte Carlo standard errors of a mean over kReplications.
  constexpr double kBand = 2.5, kStandardErrors = 4.0;
  Params p = test::shipped("koege_2008.toml", {"replications=" + std::to_string(kReplications)});
  MonteCarloOptions options;
  options.threads = 2;
  const auto reps = run_monte_carlo(p, options);
  std::vector<std::string> cohorts, actors;
  for (const auto& c : p.cohorts) cohorts.push_back(c.name);
  for (const auto& a : p.actors) actors.push_back(a.name);
  int headline = 0;
  for (const Target& t : read_targets(p.targets_file)) {
    if (t.measure != "status_share" || t.category != "self_support" || (t.table != "6.1" && t.table != "6.4")) continue;
    ++headline;
    std::vector<double> v;
    for (const auto& r : reps) v.push_back(simulated_value(t, cohorts, actors, r.cohorts));
    const Summary s = summarise(v);
    const double tolerance = kBand + kStandardErrors * s.sd / std::sqrt(double(kReplications));
    INFO("table " << t.table << " " << t.cohort << " " << t.actor << ": published " << t.value << ", simulated "
                  << s.mean << " (tolerance " << tolerance << ")");
    CHECK(std::abs(s.mean - t.value) <= tolerance);
  }
  CHECK(headline == 8);
}
