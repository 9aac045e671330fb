// The register: spells of (actor, state, activity) that rebuild the weekly counts exactly.
#include "almpsim/array_view.hpp"
#include "almpsim/engine.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

TEST_CASE("register spells and occupancy tell the same story", "[unit]") {
  Params shipped = test::shipped("two_actors_shock.toml", {"population.size=1200", "replications=1"});
  shipped.run.register_spells = true;
  // With the scenario's cohorts, and without any (the week's cases in programmes are counted
  // either way).
  for (const bool cohorts : {true, false}) {
    INFO("cohorts: " << cohorts);
    Params p = shipped;
    if (!cohorts) p.cohorts.clear();
    const auto r = run_monte_carlo(p, {}).front();
    const std::size_t weeks = static_cast<std::size_t>(p.calendar.weeks), actors = p.actors.size();
    REQUIRE(actors == 2);
    std::vector<std::int32_t> rebuilt(r.occupancy.size(), 0);
    const auto occupancy = view(rebuilt, weeks, actors, kStates);
    for (const Spell& s : r.spells) {
      REQUIRE(s.first_week <= s.last_week);
      for (Week w = s.first_week; w <= s.last_week; ++w) ++occupancy(w, s.actor, s.state);
    }
    CHECK(rebuilt == r.occupancy);
    // Activity spells agree with the activity counts of citizens on benefit.
    std::vector<std::int32_t> activity(r.activity_occupancy.size(), 0);
    const auto by_activity = view(activity, weeks, actors, kActivities);
    std::int64_t in_programmes = 0;
    for (const Spell& s : r.spells)
      if (p.on_benefit[s.state])
        for (Week w = s.first_week; w <= s.last_week; ++w) {
          ++by_activity(w, s.actor, s.activity);
          in_programmes += s.activity != index_of(Activity::none);
        }
    CHECK(activity == r.activity_occupancy);
    CHECK(in_programmes > 1000);  // programmes run: the counts are not all zero
  }
}
