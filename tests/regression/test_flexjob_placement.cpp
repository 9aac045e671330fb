// The shipped flex-job placement trial (illustrative): each of the provider's contract terms
// moves the outcome it names, and nothing else, under the same draws.
#include <cmath>

#include "almpsim/engine.hpp"
#include "almpsim/stats.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
constexpr int kReplications = 200;
constexpr double kStandardErrors = 4.0;  // of the paired difference's Monte Carlo mean

/// The provider's minus the municipality's value of one cohort outcome, per replication.
struct Arms {
  std::vector<ReplicationResult> reps;
  explicit Arms(const std::vector<std::string>& overrides) {
    std::vector<std::string> all = overrides;
    all.push_back("replications=" + std::to_string(kReplications));
    MonteCarloOptions options;
    options.threads = 2;
    reps = run_monte_carlo(test::shipped("flexjob_placement.toml", all), options);
  }
  // Cohort 0 is the stock waiting at the start; actor 0 the municipality, 1 the provider.
  Summary gap_in_state(State s) const {
    std::vector<double> v;
    for (const auto& r : reps) {
      const auto& status = r.cohorts[0].status;
      v.push_back(100 * (status[kStates + index_of(s)] - status[index_of(s)]));
    }
    return summarise(v);
  }
  double provider_cost() const {
    double sum = 0;
    for (const auto& r : reps) sum += r.cohorts[0].cost_per_citizen[1];
    return sum / kReplications;
  }
};

bool clearly_positive(const Summary& s) {
  return s.mean > kStandardErrors * s.sd / std::sqrt(double(kReplications));
}
bool within_noise(const Summary& s) {
  return std::abs(s.mean) <= kStandardErrors * s.sd / std::sqrt(double(kReplications));
}
}  // namespace

TEST_CASE("flexjob_placement: each of the provider's terms moves what it names", "[regression]") {
  const Arms shipped({});
  INFO("flex job gap " << shipped.gap_in_state(State::flexjob).mean << " points, pension gap "
                       << shipped.gap_in_state(State::disability_pension).mean);
  // The provider places more and routes more towards a pension assessment.
  CHECK(clearly_positive(shipped.gap_in_state(State::flexjob)));
  CHECK(clearly_positive(shipped.gap_in_state(State::disability_pension)));

  // Without its placement effect its pension routing alone leaves fewer in flex jobs.
  const Arms no_placement({"actors.provider.job_finding.waiting_flexjob=1.0"});
  CHECK(shipped.gap_in_state(State::flexjob).mean > no_placement.gap_in_state(State::flexjob).mean + 3);
  // Without the routing, the pension gap goes.
  const Arms no_routing({"actors.provider.moves.waiting_flexjob.disability_pension=1.0"});
  CHECK(within_noise(no_routing.gap_in_state(State::disability_pension)));

  // Payments move costs alone: the fee for each case taken over at the start (every member of
  // this cohort), and the milestones.
  const Arms no_fee({"actors.provider.costs.fixed_fee_per_case=0"});
  CHECK(shipped.provider_cost() - no_fee.provider_cost() == Approx(5000).epsilon(1e-9));
  CHECK(no_fee.gap_in_state(State::flexjob).mean == shipped.gap_in_state(State::flexjob).mean);
  const Arms no_milestones({"actors.provider.costs.milestones.flexjob=[[8, 0], [17, 0]]"});
  CHECK(shipped.provider_cost() - no_milestones.provider_cost() > 5000);
}

TEST_CASE("report shows where a cohort without published tables is at its measure date, by actor", "[unit]") {
  test::TempDir dir;
  const std::string out = dir.file("flex.h5");
  const auto run = test::run_cli("run " + test::source_path("scenarios/flexjob_placement.toml") + " -o " + out +
                                 " --replications 20 --quiet");
  REQUIRE(run.status == 0);
  const auto r = test::run_cli("report " + out);
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(r.output.find("Cohort waiting_at_start: members by state at the measure date") != std::string::npos);
  CHECK(r.output.find("  flexjob ") != std::string::npos);
  CHECK(r.output.find("  ui_benefit ") == std::string::npos);  // nobody there: no row
}
