// The reference Markov workload against its exact answer: occupancy share at week w = p0 . P^w.
#include <Eigen/Dense>
#include <algorithm>
#include <array>
#include <cmath>
#include <iostream>

#include "almpsim/engine.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
/// One arm of a three-state chain whose members all start in the first state.
struct ChainArm {
  std::size_t actor;
  Eigen::Matrix3d P;
};

/// Each arm's occupancy of `states` at `weeks` against the exact p0 . P^w, within 5 standard
/// errors of a share of the arm's members.
void check_chains(const Params& p, const ReplicationResult& r, const std::array<State, 3>& states,
                  std::initializer_list<ChainArm> arms, std::initializer_list<Week> weeks) {
  const std::size_t actors = p.actors.size();
  auto count = [&](Week w, std::size_t a, State s) {
    return double(r.occupancy[(static_cast<std::size_t>(w) * actors + a) * kStates + index_of(s)]);
  };
  constexpr double k = 5.0;  // standard errors allowed
  const Week last = std::max(weeks);
  for (const ChainArm& arm : arms) {
    const double n = count(0, arm.actor, states[0]);
    REQUIRE(n > 40000);
    Eigen::RowVector3d expected(1, 0, 0);
    for (Week w = 1; w <= last; ++w) {
      expected = expected * arm.P;
      if (std::find(weeks.begin(), weeks.end(), w) == weeks.end()) continue;
      for (int j = 0; j < 3; ++j) {
        const double e = expected(j), got = count(w, arm.actor, states[j]) / n;
        INFO("actor " << arm.actor << ", week " << w << ", " << name_of(states[j]) << ": " << got << " against " << e);
        CHECK(std::abs(got - e) <= k * std::sqrt(e * (1 - e) / n));
      }
    }
  }
}
}  // namespace

TEST_CASE("reference Markov occupancy matches p0 . P^t within 5 standard errors", "[stat]") {
  const Params p = test::shipped("reference_markov.toml");
  // The same numbers as scenarios/reference_markov.toml, typed in independently.
  Eigen::Matrix<double, 9, 9> P;
  P << 0.9975, 0.0010, 0.0012, 0.0000, 0.0000, 0.0000, 0.0000, 0.0001, 0.0002,  //
      0.0200, 0.9680, 0.0040, 0.0005, 0.0000, 0.0025, 0.0015, 0.0025, 0.0010,   //
      0.0360, 0.0060, 0.9500, 0.0020, 0.0000, 0.0030, 0.0020, 0.0000, 0.0010,   //
      0.0000, 0.0020, 0.0020, 0.9700, 0.0220, 0.0000, 0.0030, 0.0000, 0.0010,   //
      0.0010, 0.0000, 0.0020, 0.0050, 0.9900, 0.0000, 0.0010, 0.0000, 0.0010,   //
      0.0080, 0.0040, 0.0020, 0.0050, 0.0000, 0.9750, 0.0050, 0.0000, 0.0010,   //
      0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 1.0000, 0.0000, 0.0000,   //
      0.0150, 0.0030, 0.0010, 0.0000, 0.0000, 0.0000, 0.0000, 0.9800, 0.0010,   //
      0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 1.0000;
  Eigen::Matrix<double, 1, 9> p0;
  p0 << 0.800, 0.070, 0.030, 0.005, 0.020, 0.005, 0.050, 0.015, 0.005;
  REQUIRE(p.population.size == 1000000);
  REQUIRE(p.calendar.weeks == 520);

  MonteCarloOptions options;
  options.threads = 2;
  const auto r = run_monte_carlo(p, options).front();
  const double n = static_cast<double>(p.population.size);
  constexpr double k = 5.0;  // standard errors allowed
  double largest = 0.0;
  // The matrix's states, in its order; the model's other states (ui_benefit, partial_return_to_work) stay empty.
  const State listed[9] = {State::self_support,       State::cash_benefit,  State::sickness_benefit,
                           State::waiting_flexjob,    State::flexjob,       State::rehabilitation,
                           State::disability_pension, State::other_benefit, State::exited};
  for (const Week w : {0, 52, 260, 519}) {
    Eigen::Matrix<double, 1, 9> by_matrix_state = p0;
    for (Week t = 0; t < w; ++t) by_matrix_state = by_matrix_state * P;
    PerState<double> expected{};
    for (int k = 0; k < 9; ++k) expected[static_cast<std::size_t>(index_of(listed[k]))] = by_matrix_state(k);
    for (int s = 0; s < kStates; ++s) {
      const double e = expected[static_cast<std::size_t>(s)];
      const double share = r.occupancy[static_cast<std::size_t>(w) * kStates + static_cast<std::size_t>(s)] / n;
      const double se = std::sqrt(e * (1 - e) / n);
      INFO("week " << w << " state " << kStateNames[static_cast<std::size_t>(s)] << " expected " << e << " got "
                   << share);
      CHECK(std::abs(share - e) <= k * se);
      largest = std::max(largest, std::abs(share - e) / se);
    }
  }
  std::cout << "reference Markov: largest deviation from p0.P^t = " << largest << " standard errors\n";
}

TEST_CASE("insured unemployed leave at their hazard until the benefit period ends in cash benefit", "[stat]") {
  // 100,000 on unemployment-insurance benefit at duration 0, leaving for work at 0.05 a week;
  // those still there when the 20-week benefit period runs out (in week 19) move to cash
  // benefit. At the start of week w < 20 the share still insured is exp(-0.05 w); from week 20
  // none is, and cash benefit holds exp(-0.05 * 19).
  test::TempDir dir;
  const std::string scenario = dir.write("ui.toml", R"(
start = 2020-01-06
weeks = 25
seed = 11
[population]
size = 100000
state_shares = { ui_benefit = 1.0 }
[hazards.ui_benefit.self_support]
baseline = 0.05
[duration_limits.ui_benefit]
weeks = 20
destinations = { cash_benefit = 1.0 }
)");
  const Params p = load_scenario(scenario, {}).params;
  const auto r = run_monte_carlo(p, {}).front();
  const double n = 100000.0;
  auto share = [&](Week w, State s) {
    return r.occupancy[static_cast<std::size_t>(w) * kStates + static_cast<std::size_t>(index_of(s))] / n;
  };
  constexpr double k = 5.0;  // standard errors allowed
  for (const Week w : {1, 10, 19}) {
    const double e = std::exp(-0.05 * w), se = std::sqrt(e * (1 - e) / n);
    INFO("week " << w << ": expected " << e << ", got " << share(w, State::ui_benefit));
    CHECK(std::abs(share(w, State::ui_benefit) - e) <= k * se);
    CHECK(share(w, State::cash_benefit) == 0.0);
  }
  const double e = std::exp(-0.05 * 19), se = std::sqrt(e * (1 - e) / n);
  CHECK(share(20, State::ui_benefit) == 0.0);
  INFO("week 20: cash benefit expected " << e << ", got " << share(20, State::cash_benefit));
  CHECK(std::abs(share(20, State::cash_benefit) - e) <= k * se);
}

TEST_CASE("job finding, an actor's other moves and a shock act on the moves a scenario names", "[stat]") {
  // 100,000 waiting for a flex job, which they leave for a flex job at 0.03 a week or for a
  // disability pension at 0.01; a flex job is lost at 0.02. Placement into a flex job is named as
  // their job finding, so a shock halving job finding from the first week acts on it; the
  // provider doubles it, halves the pension route and keeps its placements twice as long. Each
  // arm is then a Markov chain over (waiting, flex job, pension) with competing hazards: the
  // job centre's f = 0.015, d = 0.01, loss 0.02; the provider's f = 0.03, d = 0.005, loss 0.01.
  test::TempDir dir;
  const std::string scenario = dir.write("placement.toml", R"(
start = 2020-01-06
weeks = 30
seed = 13
[population]
size = 100000
state_shares = { waiting_flexjob = 1.0 }
[hazards.waiting_flexjob.flexjob]
baseline = 0.03
[hazards.waiting_flexjob.disability_pension]
baseline = 0.01
[hazards.flexjob.waiting_flexjob]
baseline = 0.02
[job_finding_moves]
waiting_flexjob = ["flexjob"]
[[shocks]]
name = "slump"
start = 2020-01-06
length_weeks = 100
job_finding = 0.5
states = ["waiting_flexjob"]
[[actors]]
name = "centre"
[[actors]]
name = "provider"
assignment = { rule = "random_share", share = 0.5 }
job_finding = { waiting_flexjob = 2.0 }
moves = { waiting_flexjob = { disability_pension = 0.5 }, flexjob = { waiting_flexjob = 0.5 } }
)");
  const Params p = load_scenario(scenario, {}).params;
  const auto r = run_monte_carlo(p, {}).front();
  // The weekly transition matrix of one arm over (waiting, flex job, pension).
  auto chain = [](double f, double d, double loss) {
    Eigen::Matrix3d P = Eigen::Matrix3d::Zero();
    const double leave = 1 - std::exp(-(f + d));
    P(0, 0) = 1 - leave;
    P(0, 1) = leave * f / (f + d);
    P(0, 2) = leave * d / (f + d);
    P(1, 0) = 1 - std::exp(-loss);
    P(1, 1) = std::exp(-loss);
    P(2, 2) = 1;
    return P;
  };
  check_chains(p, r, {State::waiting_flexjob, State::flexjob, State::disability_pension},
               {{0, chain(0.015, 0.01, 0.02)}, {1, chain(0.03, 0.005, 0.01)}}, {5, 15, 29});
}

TEST_CASE("the sick-listed move between sickness benefit and partial return to work as a Markov chain", "[stat]") {
  // 100,000 on sickness benefit, who go partly back to work at 0.04 a week and fully at 0.10;
  // partly back, they go fully back at 0.15 or fall back to full sickness benefit at 0.05. One
  // actor doubles the move into partial return (a graded return its caseworkers arrange). Each
  // arm is a Markov chain over (sickness benefit, partial return, self-support) with competing
  // hazards.
  test::TempDir dir;
  const std::string scenario = dir.write("partial.toml", R"(
start = 2020-01-06
weeks = 30
seed = 17
[population]
size = 100000
state_shares = { sickness_benefit = 1.0 }
[hazards.sickness_benefit.partial_return_to_work]
baseline = 0.04
[hazards.sickness_benefit.self_support]
baseline = 0.10
[hazards.partial_return_to_work.self_support]
baseline = 0.15
[hazards.partial_return_to_work.sickness_benefit]
baseline = 0.05
[[actors]]
name = "centre"
[[actors]]
name = "graded"
assignment = { rule = "random_share", share = 0.5 }
moves = { sickness_benefit = { partial_return_to_work = 2.0 } }
)");
  const Params p = load_scenario(scenario, {}).params;
  const auto r = run_monte_carlo(p, {}).front();
  auto chain = [](double partial, double full, double partial_to_full, double relapse) {
    Eigen::Matrix3d P = Eigen::Matrix3d::Zero();
    const double leave_sick = 1 - std::exp(-(partial + full));
    P(0, 0) = 1 - leave_sick;
    P(0, 1) = leave_sick * partial / (partial + full);
    P(0, 2) = leave_sick * full / (partial + full);
    const double leave_partial = 1 - std::exp(-(partial_to_full + relapse));
    P(1, 0) = leave_partial * relapse / (partial_to_full + relapse);
    P(1, 1) = 1 - leave_partial;
    P(1, 2) = leave_partial * partial_to_full / (partial_to_full + relapse);
    P(2, 2) = 1;
    return P;
  };
  check_chains(p, r, {State::sickness_benefit, State::partial_return_to_work, State::self_support},
               {{0, chain(0.04, 0.10, 0.15, 0.05)}, {1, chain(0.08, 0.10, 0.15, 0.05)}}, {3, 10, 29});
}
