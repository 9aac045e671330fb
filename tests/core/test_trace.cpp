// Tracing citizens reads the population and draws nothing: the run's bits stay, and each traced
// week agrees with the register's spells for that citizen.
#include <algorithm>

#include "almpsim/case_rules.hpp"
#include "almpsim/engine.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

TEST_CASE("a traced run has the bits of the untraced run, and its weeks match the register", "[unit]") {
  Params p = test::shipped("two_actors_shock.toml", {"population.size=1500", "replications=1"});
  p.run.register_spells = true;
  const HazardModel hazards(p);
  const ReplicationResult plain = run_replication(p, hazards, 0, 2);
  // Citizens of the initial stock and of the inflow (ids past the stock enter later).
  p.run.traced = {3, 700, 1499, 1600, 2500};
  const ReplicationResult traced = run_replication(p, hazards, 0, 2);
  CHECK(traced.occupancy == plain.occupancy);
  CHECK(traced.meetings_held == plain.meetings_held);
  CHECK(traced.cohorts.front().self_support_share == plain.cohorts.front().self_support_share);
  REQUIRE(traced.citizens > 2500);

  std::size_t checked = 0;
  for (const TracedWeek& t : traced.trace) {
    // The register's spell that holds this citizen in this week.
    const auto spell = std::find_if(plain.spells.begin(), plain.spells.end(), [&](const Spell& s) {
      return s.citizen == t.citizen && s.first_week <= t.week && t.week <= s.last_week;
    });
    INFO("citizen " << t.citizen << ", week " << t.week);
    REQUIRE(spell != plain.spells.end());
    CHECK(spell->state == t.state);
    CHECK(spell->actor == t.actor);
    const bool running = t.week >= t.activity_from && t.week < t.activity_to;
    CHECK(spell->activity == (running ? t.activity : static_cast<std::uint8_t>(Activity::none)));
    ++checked;
  }
  // The stock's three are there every week; the entrants from their first week on.
  CHECK(checked > 3 * static_cast<std::size_t>(p.calendar.weeks));
  for (const CitizenId id : p.run.traced)
    CHECK(std::any_of(traced.trace.begin(), traced.trace.end(), [&](const auto& t) { return t.citizen == id; }));
}
