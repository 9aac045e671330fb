// Reading an employer network: company contact times the network the consultants build.
#include "almpsim/scenario.hpp"
#include "almpsim/time_paths.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

TEST_CASE("an employer network multiplies company contact by the network the consultants build", "[unit]") {
  test::TempDir dir;
  const std::string path = dir.write("network.toml", test::two_state_scenario(R"(
[[actors]]
name = "centre"
meeting_interval_weeks = { cash_benefit = 4 }
activation_probability = 0.5
activation_mix = { company_internship = 1.0 }
company_contact = [[2020-01-06, 1.0], [2020-03-02, 0.8]]
employer_network = { consultants = [[2020-01-06, 3.0], [2020-02-03, 6.0]], reference = 4, build_weeks = 10 }
)"));
  const Params p = load_scenario(path).params;
  const Calendar& cal = p.calendar;
  const WeekSeries contact = step_path(cal, {{0, 1.0}, {8, 0.8}});
  const WeekSeries staff = step_path(cal, {{0, 3.0}, {4, 6.0}});
  // Built at the first consultants' value unless `built_at_start` says otherwise.
  for (const auto& [set, built] : {std::pair<std::string, double>{"", 3.0}, {"0", 0.0}}) {
    const Params q =
        set.empty() ? p : load_scenario(path, {"actors.centre.employer_network.built_at_start=" + set}).params;
    const WeekSeries network = network_contact(staff, built, 10.0, 4.0);
    REQUIRE(q.actors[0].company_contact.size() == network.size());
    for (std::size_t t = 0; t < network.size(); ++t) CHECK(q.actors[0].company_contact[t] == contact[t] * network[t]);
  }
}
