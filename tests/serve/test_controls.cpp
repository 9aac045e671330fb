// The teaching page's sliders: the keys each one sets, and that each one moves a result.
#include <algorithm>
#include <stdexcept>

#include "almpsim/engine.hpp"
#include "almpsim/scenario.hpp"
#include "serve/controls.hpp"
#include "serve/page_run.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;
using namespace almpsim::serve;

namespace {
const std::string kScenario = R"(
name = "t"
[[actors]]
name = "centre"
company_contact = [[2008-04-01, 0.5], [2009-01-05, 1.0]]
caseworkers = { cash_benefit = 4.0, sickness_benefit = [[2008-04-01, 2.0], [2009-01-05, 3.0]] }
activation_mix = { job_ready = { company_internship = 0.2, inhouse_project = 0.6, guidance = 0.2 }, not_job_ready = { inhouse_project = 1.0 } }
immediate_activation = { states = ["cash_benefit"], delay_weeks = 2 }
[[actors]]
name = "odd name"
activation_mix = { company_internship = 1.0 }
[[actors]]
name = "third"
activation_mix = { company_internship = 1.0, inhouse_project = 0.0 }
[[shocks]]
name = "crisis"
start = 2008-10-06
job_finding = 0.8
inflow = 1.2
[[shocks]]
name = "nothing"
start = 2008-10-06
)";

const Control& find(const std::vector<Control>& all, const std::string& id) {
  const auto at = std::find_if(all.begin(), all.end(), [&](const Control& c) { return c.id == id; });
  REQUIRE(at != all.end());
  return *at;
}
}  // namespace

TEST_CASE("a scenario offers a control for each strategy key it has, at its own value", "[unit]") {
  const auto all = teaching_controls(kScenario);
  CHECK(find(all, "immediate_activation_delay:centre").value == 2);
  CHECK(find(all, "company_share:centre").value == Approx(20));
  CHECK(find(all, "company_share:odd name").value == Approx(100));
  CHECK(find(all, "company_contact:odd name").value == 1);
  CHECK(find(all, "caseworkers:centre").value == 1);
  CHECK(find(all, "shock_size:crisis").value == 1);
  // Nothing to move: no delay without immediate activation, no staff where unlimited, and a
  // shock that changes nothing.
  for (const std::string id : {"immediate_activation_delay:odd name", "caseworkers:odd name", "shock_size:nothing"})
    CHECK(std::none_of(all.begin(), all.end(), [&](const Control& c) { return c.id == id; }));
}

TEST_CASE("a control's value becomes the keys of the scenario's own shape", "[unit]") {
  using V = std::vector<std::string>;
  CHECK(control_overrides(kScenario, {{"immediate_activation_delay:centre", 5}}) ==
        V{"actors.centre.immediate_activation.delay_weeks=5"});
  // The company share of the job-ready's mix; the other programmes keep their proportions (3:1).
  CHECK(control_overrides(kScenario, {{"company_share:centre", 60}}) ==
        V{"actors.centre.activation_mix.job_ready={company_internship = 0.6, guidance = 0.1, inhouse_project = 0.3}"});
  // A mix of company placement alone gives the rest to in-house projects; a name that is not a
  // bare key is quoted.
  CHECK(control_overrides(kScenario, {{"company_share:odd name", 40}}) ==
        V{"actors.\"odd name\".activation_mix={company_internship = 0.4, inhouse_project = 0.6}"});
  CHECK(control_overrides(kScenario, {{"company_share:third", 40}}) ==
        V{"actors.third.activation_mix={company_internship = 0.4, inhouse_project = 0.6}"});
  // Paths are scaled point by point; an actor without a path gets the multiple of 1.
  CHECK(control_overrides(kScenario, {{"company_contact:centre", 2}}) ==
        V{"actors.centre.company_contact=[[2008-04-01, 1], [2009-01-05, 2]]"});
  CHECK(control_overrides(kScenario, {{"company_contact:odd name", 0.5}}) ==
        V{"actors.\"odd name\".company_contact=0.5"});
  CHECK(control_overrides(kScenario, {{"caseworkers:centre", 1.5}}) ==
        V{"actors.centre.caseworkers.cash_benefit=6",
          "actors.centre.caseworkers.sickness_benefit=[[2008-04-01, 3], [2009-01-05, 4.5]]"});
  // A shock's departure from normal, scaled: 0 is none, 2 twice the scenario's.
  CHECK(control_overrides(kScenario, {{"shock_size:crisis", 0}}) ==
        V{"shocks.crisis.job_finding=1", "shocks.crisis.inflow=1"});
  CHECK(control_overrides(kScenario, {{"shock_size:crisis", 2}}) ==
        V{"shocks.crisis.job_finding=0.6", "shocks.crisis.inflow=1.4"});
  // At the scenario's own value, nothing is set.
  CHECK(control_overrides(kScenario, {{"company_share:centre", 20}, {"shock_size:crisis", 1}}).empty());
}

TEST_CASE("a control that is not there, or a value out of its range, is refused by name", "[unit]") {
  CHECK_THROWS_WITH(control_overrides(kScenario, {{"caseworkers:odd name", 2}}),
                    "no control caseworkers:odd name in this scenario");
  CHECK_THROWS_WITH(control_overrides(kScenario, {{"shock_size:crisis", 2.5}}),
                    "shock_size:crisis = 2.5: outside 0 to 2");
}

TEST_CASE("every control of a shipped teaching scenario validates and moves a result", "[regression]") {
  const std::string file = test::source_path("scenarios/two_actors_shock.toml");
  const LoadedScenario base = load_scenario(file);
  const auto base_run = run_replications(base.params, 2, 2);
  const auto controls = teaching_controls(base.resolved_text);
  REQUIRE(controls.size() >= 8);
  for (const Control& c : controls) {
    INFO(c.id);
    const double moved = c.value < (c.min + c.max) / 2 ? c.max : c.min;
    const LoadedScenario variant = load_scenario(file, control_overrides(base.resolved_text, {{c.id, moved}}));
    const auto variant_run = run_replications(variant.params, 2, 2);
    bool differs = false;
    for (std::size_t r = 0; r < base_run.size(); ++r)
      differs = differs || variant_run[r].occupancy != base_run[r].occupancy;
    CHECK(differs);
  }
}
