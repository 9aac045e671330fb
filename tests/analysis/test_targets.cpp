#include "almpsim/targets.hpp"

#include <cmath>
#include <sstream>

#include "almpsim/scenario.hpp"
#include "support/catch.hpp"

using namespace almpsim;

namespace {
const std::string kHeader = "table,use,cohort,actor,measure,category,states,activities,value,n,source";

std::vector<Target> parse(const std::string& text) {
  std::istringstream in(text);
  return parse_targets(in, "targets.csv");
}

// One actor: 20% self-supporting, 50% on cash benefit (30 points of them in a programme),
// 30% on other benefits (students, unemployment insurance) or gone.
std::vector<CohortOutcome> one_cohort() {
  CohortOutcome o;
  o.state_activity.assign(kStates * kActivities, 0.0);
  auto at = [&](State s, Activity a) -> double& {
    return o
        .state_activity[static_cast<std::size_t>(index_of(s)) * kActivities + static_cast<std::size_t>(index_of(a))];
  };
  at(State::self_support, Activity::none) = 0.2;
  at(State::cash_benefit, Activity::none) = 0.2;
  at(State::cash_benefit, Activity::guidance) = 0.3;
  at(State::other_benefit, Activity::none) = 0.2;
  at(State::exited, Activity::none) = 0.1;
  o.members = {100.0};
  return {o};
}
}  // namespace

TEST_CASE("a share is of all members unless its base leaves states out", "[unit]") {
  const auto targets = parse(kHeader + ",base_excludes\n" +
                             "6.1,fit,c,a,status_share,active,cash_benefit,active,30,,t\n"
                             "6.3,check,c,a,status_share,active,cash_benefit,active,43,,t,other_benefit;exited\n");
  REQUIRE(targets.size() == 2);
  const auto cohorts = one_cohort();
  CHECK(simulated_value(targets[0], {"c"}, {"a"}, cohorts) == Approx(30.0));
  // 0.3 of the 0.7 not in other_benefit or exited.
  CHECK(simulated_value(targets[1], {"c"}, {"a"}, cohorts) == Approx(100.0 * 0.3 / 0.7));
}

TEST_CASE("a targets file without the base_excludes column still reads", "[unit]") {
  const auto targets = parse(kHeader + "\n6.1,fit,c,a,status_share,passive,cash_benefit,none,20,,t\n");
  REQUIRE(targets.size() == 1);
  CHECK(simulated_value(targets[0], {"c"}, {"a"}, one_cohort()) == Approx(20.0));
}

TEST_CASE("an unknown state in base_excludes is reported with its line and column", "[unit]") {
  try {
    parse(kHeader + ",base_excludes\n6.3,check,c,a,status_share,x,cash_benefit,any,1,,t,students\n");
    FAIL("no error");
  } catch (const ScenarioError& e) {
    const std::string what = e.what();
    CHECK(what.find("targets.csv:2") != std::string::npos);
    CHECK(what.find("base_excludes") != std::string::npos);
    CHECK(what.find("students") != std::string::npos);
  }
}
