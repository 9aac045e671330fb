// The shipped sickness-benefit trial against its published result: the intensive regime raised
// partial return to work (in direction only: its graded returns are set, not fitted) and did not
// make the sick-listed self-supporting faster, which the model is not fitted to.
#include <cmath>

#include "almpsim/engine.hpp"
#include "almpsim/stats.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
constexpr int kReplications = 200;         // the scenario's own
constexpr double kStandardErrors = 3.0;    // Monte Carlo allowance, as in the other trial tests
constexpr double kSignificant = 1.959964;  // two-sided 5%

std::size_t actor_index(const Params& p, std::string_view name) {
  for (std::size_t a = 0; a < p.actors.size(); ++a)
    if (p.actors[a].name == name) return a;
  FAIL("no actor " << name);
  return 0;
}
}  // namespace

TEST_CASE("sick_listed_2009: more partial return to work in the intensive arm, and no faster self-support",
          "[regression]") {
  const Params p = load_scenario(test::source_path("scenarios/sick_listed_2009.toml")).params;
  REQUIRE(p.run.replications == kReplications);
  MonteCarloOptions options;
  options.threads = 2;
  const auto reps = run_monte_carlo(p, options);
  const std::size_t control = actor_index(p, "control"), intensive = actor_index(p, "intensive");
  const std::size_t partial = index_of(State::partial_return_to_work);
  std::vector<double> partial_gain, weeks_gain;
  for (const auto& r : reps) {
    const CohortOutcome& o = r.cohorts.front();
    partial_gain.push_back(o.status[intensive * kStates + partial] - o.status[control * kStates + partial]);
    weeks_gain.push_back(o.self_support_weeks[intensive] - o.self_support_weeks[control]);
  }
  const Summary partial_s = summarise(partial_gain), weeks_s = summarise(weeks_gain);
  const double partial_se = partial_s.sd / std::sqrt(double(kReplications));
  INFO("partial return at the measurement: intensive - control " << partial_s.mean << " +- " << partial_se);
  CHECK(partial_s.mean > kStandardErrors * partial_se);
  // Each replication is one trial of the scenario's size: its effect on weeks self-supporting
  // is not significant.
  const double z = weeks_s.mean / weeks_s.sd, z_error = kStandardErrors * std::sqrt((1 + z * z / 2) / kReplications);
  INFO("weeks self-supporting: " << weeks_s.mean << ", z " << z << " +- " << z_error);
  CHECK(std::abs(z) + z_error < kSignificant);
}
