#include "almpsim/targets.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
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
  CHECK(simulated_value(targets[0], {{"c"}, {"a"}}, cohorts) == Approx(30.0));
  // 0.3 of the 0.7 not in other_benefit or exited.
  CHECK(simulated_value(targets[1], {{"c"}, {"a"}}, cohorts) == Approx(100.0 * 0.3 / 0.7));
}

TEST_CASE("a targets file without the base_excludes column still reads", "[unit]") {
  const auto targets = parse(kHeader + "\n6.1,fit,c,a,status_share,passive,cash_benefit,none,20,,t\n");
  REQUIRE(targets.size() == 1);
  CHECK(simulated_value(targets[0], {{"c"}, {"a"}}, one_cohort()) == Approx(20.0));
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

namespace {
// Two arms of one cohort: 20% and 35% self-supporting, 10.0 and 14.5 weeks self-supporting.
std::vector<CohortOutcome> two_arms() {
  CohortOutcome o;
  o.state_activity.assign(2 * kStates * kActivities, 0.0);
  auto at = [&](std::size_t arm, State s) -> double& {
    return o.state_activity[(arm * kStates + static_cast<std::size_t>(index_of(s))) * kActivities];
  };
  at(0, State::self_support) = 0.20;
  at(0, State::ui_benefit) = 0.80;
  at(1, State::self_support) = 0.35;
  at(1, State::ui_benefit) = 0.65;
  o.members = {100.0, 100.0};
  o.self_support_weeks = {10.0, 14.5};
  return {o};
}
const std::string kEffectHeader = kHeader + ",base_excludes,versus,se";
}  // namespace

TEST_CASE("an effect target is the arm's value minus its control's, weighted by its published error", "[unit]") {
  const auto targets = parse(kEffectHeader +
                             "\nE,fit,c,arm,status_share,employed,self_support,any,12,,paper,,control,4\n"
                             "E,fit,c,arm,self_support_weeks,weeks employed,,,5,,paper,,control,2.5\n");
  REQUIRE(targets.size() == 2);
  const auto cohorts = two_arms();
  CHECK(simulated_value(targets[0], {{"c"}, {"control", "arm"}}, cohorts) == Approx(15.0));
  CHECK(simulated_value(targets[1], {{"c"}, {"control", "arm"}}, cohorts) == Approx(4.5));
  CHECK(standard_error(targets[0]) == 4.0);
  CHECK(standard_error(targets[1]) == 2.5);
  CHECK(arm_label(targets[0]) == "arm - control");
  // Without versus, the same file gives levels.
  const auto level = parse(kEffectHeader + "\nE,fit,c,arm,self_support_weeks,weeks,,,14,,paper,,,1.5\n");
  CHECK(simulated_value(level[0], {{"c"}, {"control", "arm"}}, cohorts) == Approx(14.5));
  CHECK(arm_label(level[0]) == "arm");
}

TEST_CASE("effects and measures without a default error are refused without a published one", "[unit]") {
  const auto refused = [](const std::string& row, const std::string& expected) {
    try {
      parse(kEffectHeader + "\n" + row + "\n");
      FAIL("no error for " << row);
    } catch (const ScenarioError& e) {
      const std::string what = e.what();
      CHECK(what.find("targets.csv:2") != std::string::npos);
      CHECK(what.find(expected) != std::string::npos);
    }
  };
  refused("E,fit,c,arm,status_share,x,self_support,any,12,,p,,control,", "an effect needs its published standard");
  refused("E,fit,c,arm,self_support_weeks,x,,,12,,p,,,", "give the published standard error");
  refused("E,fit,c,arm,status_share,x,self_support,any,12,,p,,arm,1", "two different actors");
  refused("E,fit,c,arm,status_share,x,self_support,any,12,,p,,control,-1", "a standard error is positive");
  refused("E,fit,c,arm,status_share,x,self_support,any,12,,p,,control,two", "se: not a number");
  refused("E,fit,c,arm,status_share,x,self_support,any,12,,p,,control,inf", "se: not a number");
  refused("E,fit,c,arm,status_share,x,self_support,any,12 points,,p,,control,1", "value: not a number");
  refused("E,fit,c,arm,status_share,x,self_support,any,nan,,p,,control,1", "value: not a number");
  refused("E,fit,c,arm,status_share,x,self_support,any,12,many,p,,control,1", "n: not a number");
}

TEST_CASE("an effect's second actor must be in the scenario", "[unit]") {
  const auto targets = parse(kEffectHeader + "\nE,fit,c,arm,status_share,x,self_support,any,12,,p,,nobody,1\n");
  Params params;
  params.cohorts.resize(1);
  params.cohorts[0].name = "c";
  params.actors.resize(1);
  params.actors[0].name = "arm";
  try {
    check_targets(targets, params, "targets.csv");
    FAIL("no error");
  } catch (const ScenarioError& e) {
    const std::string what = e.what();
    CHECK(what.find("versus") != std::string::npos);
    CHECK(what.find("nobody") != std::string::npos);
  }
}

TEST_CASE("an effect is NaN when either arm has no members", "[unit]") {
  const auto targets = parse(kEffectHeader + "\nE,check,c,arm,status_share,x,self_support,any,12,,p,,control,3\n");
  REQUIRE(targets.size() == 1);
  auto cohorts = two_arms();
  CHECK(simulated_value(targets[0], {{"c"}, {"control", "arm"}}, cohorts) == Approx(15.0));
  // An arm that serves nobody has NaN shares.
  std::fill(cohorts[0].state_activity.begin(), cohorts[0].state_activity.begin() + kStates * kActivities,
            std::numeric_limits<double>::quiet_NaN());
  CHECK(std::isnan(simulated_value(targets[0], {{"c"}, {"control", "arm"}}, cohorts)));
}

TEST_CASE("a targets file may stop after any optional column", "[unit]") {
  const auto targets =
      parse(kHeader + ",base_excludes,versus\n6.1,fit,c,a,status_share,passive,cash_benefit,none,20,,t,,\n");
  REQUIRE(targets.size() == 1);
  CHECK(targets[0].versus.empty());
  CHECK(simulated_value(targets[0], {{"c"}, {"a"}}, one_cohort()) == Approx(20.0));
}

namespace {
// Three sites, each arm with its own control of 100 members, 20% self-supporting; the arms at
// 40% (z = 0.20 / 0.063 = 3.2), 25% (z = 0.8) and 5% (z = -3.3, se 0.046).
std::vector<CohortOutcome> three_sites() {
  const std::vector<double> self_support = {0.40, 0.25, 0.05, 0.20, 0.20, 0.20};
  CohortOutcome o;
  o.state_activity.assign(self_support.size() * kStates * kActivities, 0.0);
  for (std::size_t a = 0; a < self_support.size(); ++a) {
    auto at = [&](State s) -> double& {
      return o.state_activity[(a * kStates + static_cast<std::size_t>(index_of(s))) * kActivities];
    };
    at(State::self_support) = self_support[a];
    at(State::cash_benefit) = 1.0 - self_support[a];
  }
  o.members.assign(self_support.size(), 100.0);
  return {o};
}
const OutcomeNames kSites{{"c"}, {"a1", "a2", "a3", "c1", "c2", "c3"}, {"c1", "c2", "c3", "", "", ""}};
}  // namespace

TEST_CASE("a count of significant arms tests each arm against its own control", "[unit]") {
  const auto targets = parse(kHeader +
                             "\nF,check,c,all,significant_arms_positive,better,self_support,any,2,,paper\n"
                             "F,check,c,all,significant_arms_negative,worse,self_support,any,1,,paper\n");
  REQUIRE(targets.size() == 2);
  CHECK(simulated_value(targets[0], kSites, three_sites()) == 1.0);
  CHECK(simulated_value(targets[1], kSites, three_sites()) == 1.0);
  // A count is Poisson: its error is the square root of the published count.
  CHECK(standard_error(targets[0]) == Approx(std::sqrt(2.0)));
  // The share tested is the row's: the complement turns the count around.
  const auto cash = parse(kHeader + "\nF,check,c,all,significant_arms_positive,x,cash_benefit,any,2,,paper\n");
  CHECK(simulated_value(cash[0], kSites, three_sites()) == 1.0);
  // With the controls unnamed, every later actor is compared with the first (a1 at 40%): a2 and
  // a3 and the controls lie below it.
  const OutcomeNames first_is_control{{"c"}, kSites.actors, {}};
  CHECK(simulated_value(targets[0], first_is_control, three_sites()) == 0.0);
  CHECK(simulated_value(targets[1], first_is_control, three_sites()) == 5.0);
}

TEST_CASE("a count of significant arms names all arms and needs a trial", "[unit]") {
  const auto targets = parse(kEffectHeader +
                             "\nF,check,c,a1,significant_arms_positive,x,self_support,any,2,,p,,,\n"
                             "F,check,c,all,significant_arms_negative,x,self_support,any,1,,p,,a1,1\n");
  Params params;
  params.cohorts.resize(1);
  params.cohorts[0].name = "c";
  params.actors.resize(1);
  params.actors[0].name = "a1";
  try {
    check_targets(targets, params, "targets.csv");
    FAIL("no error");
  } catch (const ScenarioError& e) {
    const std::string what = e.what();
    CHECK(what.find("targets.csv:2: actor: 'significant_arms_positive' counts over all the trial's arms") !=
          std::string::npos);
    CHECK(what.find("targets.csv:3: versus:") != std::string::npos);
    CHECK(what.find("needs a trial: the scenario has one actor") != std::string::npos);
  }
}
