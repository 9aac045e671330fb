// The shipped early-meeting trials (Hurtigt i gang 2) against the published ranking of their
// arms: frequent individual meetings raise employment significantly; weekly group meetings and
// an activation wall raise it, but not significantly.
#include <algorithm>
#include <cmath>

#include "almpsim/engine.hpp"
#include "almpsim/stats.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
// The scenario's own replications and seed, so that the fitted effect is the one calibration saw.
constexpr int kReplications = 200;
// Each replication is one trial of the scenario's size, so the spread of an arm's effect over
// replications is that trial's standard error, and effect / spread is the z a trial expects.
// The Monte Carlo error of that z over R replications is about sqrt((1 + z^2 / 2) / R), of a
// mean sd / sqrt(R); the checks below allow 3 of either.
constexpr double kStandardErrors = 3.0;
constexpr double kSignificant = 1.959964;  // two-sided 5%

struct Effect {
  Summary weeks;  // arm minus control: weeks self-supporting to the two-year date, per replication
  double z() const { return weeks.mean / weeks.sd; }
  double z_error() const { return kStandardErrors * std::sqrt((1.0 + z() * z() / 2.0) / kReplications); }
  double mean_error() const { return kStandardErrors * weeks.sd / std::sqrt(double(kReplications)); }
};

std::size_t index_of_name(const std::vector<std::string>& names, const std::string& name) {
  const auto at = std::find(names.begin(), names.end(), name);
  REQUIRE(at != names.end());
  return static_cast<std::size_t>(at - names.begin());
}

struct TrialsRun {
  LoadedScenario scenario = load_scenario(test::source_path("scenarios/early_meetings_2008.toml"));
  std::vector<ReplicationResult> reps;
  TrialsRun() {
    REQUIRE(scenario.params.run.replications == kReplications);
    MonteCarloOptions options;
    options.threads = 2;
    reps = run_monte_carlo(scenario.params, options);
  }
  std::vector<double> weeks_minus_control(const std::string& arm) const {
    const auto actors = scenario.params.actor_names();
    const std::size_t c = index_of_name(scenario.params.cohort_names(), "two_years");
    const std::size_t a = index_of_name(actors, arm), control = index_of_name(actors, "control");
    std::vector<double> out;
    for (const auto& r : reps)
      out.push_back(r.cohorts[c].self_support_weeks[a] - r.cohorts[c].self_support_weeks[control]);
    return out;
  }
  Effect effect(const std::string& arm) const { return {summarise(weeks_minus_control(arm))}; }
};
}  // namespace

TEST_CASE("early_meetings_2008 ranks the arms as the trials did", "[regression][early-meetings]") {
  const TrialsRun run;
  const Effect individual = run.effect("individual"), group = run.effect("group"), wall = run.effect("wall");
  for (const auto& [name, e] : {std::pair{"individual", individual}, {"group", group}, {"wall", wall}})
    UNSCOPED_INFO(name << ": " << e.weeks.mean << " weeks (trial standard error " << e.weeks.sd << ", z " << e.z()
                       << " +- " << e.z_error() << ")");

  // The fitted size gives the published gain of about 5 weeks (the fit's own run: only the
  // Monte Carlo error of the mean may separate them).
  CHECK(std::abs(individual.weeks.mean - 5.0) <= individual.mean_error());
  // Individual meetings: significant at the trial's size.
  CHECK(individual.z() - individual.z_error() > kSignificant);
  // Group meetings and the activation wall: a positive effect, not significant.
  for (const Effect& e : {group, wall}) {
    CHECK(e.weeks.mean > e.mean_error());
    CHECK(e.z() + e.z_error() < kSignificant);
  }
  // And individual meetings act more than either, beyond the Monte Carlo error of the means.
  const auto individual_weeks = run.weeks_minus_control("individual");
  for (const std::string& other : {"group", "wall"}) {
    const auto other_weeks = run.weeks_minus_control(other);
    std::vector<double> gap;
    for (std::size_t r = 0; r < individual_weeks.size(); ++r) gap.push_back(individual_weeks[r] - other_weeks[r]);
    const Summary g = summarise(gap);
    INFO("individual minus " << other << ": " << g.mean << " weeks");
    CHECK(g.mean > kStandardErrors * g.sd / std::sqrt(double(kReplications)));
  }
}
