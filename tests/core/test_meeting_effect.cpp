// A meeting's own effect on job finding: the rule's shape, and the engine's survival against
// the exact answer when everyone meets every week.
#include "almpsim/meeting_effect.hpp"

#include <cmath>

#include "almpsim/case_rules.hpp"
#include "almpsim/engine.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

TEST_CASE("a meeting's effect starts the week after it and fades by a factor e per decay", "[unit]") {
  MeetingEffect e;
  e.size = {1.5, 1.0};
  e.decay_weeks = 2.0;
  CHECK(has_effect(e));
  CHECK(effect_weeks(e) == 10);
  CHECK(meeting_multiplier(e, 0, 7, 7, false) == 1.0);  // not in the meeting's own week
  CHECK(meeting_multiplier(e, 0, 7, 8, false) == Approx(1.5));
  CHECK(meeting_multiplier(e, 0, 7, 10, false) == Approx(1.0 + 0.5 * std::exp(-1.0)));
  CHECK(meeting_multiplier(e, 0, 7, 17, false) == Approx(1.0 + 0.5 * std::exp(-4.5)));
  CHECK(meeting_multiplier(e, 0, 7, 18, false) == 1.0);  // spent after five decays
  CHECK(meeting_multiplier(e, 1, 7, 8, false) == 1.0);   // a group without the effect
  CHECK(meeting_multiplier(e, 0, kNoMeeting, 8, false) == 1.0);
  e.size = {1.0, 1.0};
  CHECK_FALSE(has_effect(e));
  CHECK(effect_weeks(e) == 0);
}

TEST_CASE("weekly meetings with an effect give the survival of a hazard raised by it", "[stat]") {
  // Everyone is on cash benefit, meets every week from week 0 (no no-shows, no capacity limit)
  // and never returns from self-support. Week 0 runs at hazard h; from week 1 each week follows
  // a meeting in the week before, so the hazard is s * h (the effect's t = 0). Survival to the
  // start of week T is exp(-h) * exp(-s h)^(T - 1).
  test::TempDir dir;
  const double h = 0.05, size = 1.6;
  const Params p = load_scenario(dir.write("meet.toml", test::two_state_scenario(R"(
[[actors]]
name = "jc"
assignment = { rule = "rest" }
first_meeting_weeks = 1
meeting_interval_weeks = { cash_benefit = 1 }
meeting_effect = { size = 1.6, decay_weeks = 3 }
)")),
                                 {"population.size=200000", "hazards.self_support.cash_benefit.baseline=0"})
                       .params;
  const auto r = run_monte_carlo(p, {2, {}}).front();
  const double n = 200000;
  constexpr double k = 5.0;  // standard errors allowed
  for (const Week w : {1, 5, 12}) {
    const double expected = std::exp(-h) * std::pow(std::exp(-size * h), w - 1);
    const double share = r.occupancy[static_cast<std::size_t>(w) * kStates + index_of(State::cash_benefit)] / n;
    INFO("week " << w << ": expected " << expected << ", found " << share);
    CHECK(std::abs(share - expected) <= k * std::sqrt(expected * (1 - expected) / n));
  }
  // Without the effect the same weeks follow exp(-h w): the effect is what moves them.
  const double plain = std::exp(-h * 12);
  const double found = r.occupancy[12 * kStates + index_of(State::cash_benefit)] / n;
  CHECK(plain - found > 10 * std::sqrt(plain * (1 - plain) / n));
}

TEST_CASE("a group meeting has its own effect, and a meeting counts as one by its kind and week", "[unit]") {
  MeetingEffect e;
  e.size = {1.6};
  e.group_size = {1.2};
  CHECK(meeting_multiplier(e, 0, 7, 8, false) == Approx(1.6));
  CHECK(meeting_multiplier(e, 0, 7, 8, true) == Approx(1.2));
  e.size = {1.0};
  CHECK(has_effect(e));  // group meetings alone still act

  ActorSpec actor;
  CHECK_FALSE(met_in_group(actor, 3, 0));
  actor.early_meetings = {1, 6, true};
  CHECK(met_in_group(actor, 5, 0));        // spell week 5: early
  CHECK_FALSE(met_in_group(actor, 6, 0));  // spell week 6: the ordinary meetings
  CHECK(met_in_group(actor, 12, 7));
  actor.early_meetings.in_groups = false;
  actor.group_meetings = 8;  // every meeting of the actor
  CHECK(met_in_group(actor, 40, 0));
}

TEST_CASE("early group meetings give the survival of hazards raised by their effect, then an individual one's",
          "[stat]") {
  // New insured unemployed who never return, met in their spell's first week, weekly in groups
  // while the spell is younger than 6 weeks, then once individually at spell week 6 and not
  // again for a year. The effect lasts only the week after a meeting (decay 0.1 weeks: gone
  // after half a week), so the hazard at spell week a is h at 0, g h at 1-6, s h at 7 and h
  // after: survival to spell week k is exp(-h (sum of those factors below k)).
  test::TempDir dir;
  const double h = 0.05, s = 1.8, g = 1.3;
  const Params p = load_scenario(dir.write("groups.toml", R"(
start = 2020-01-06
weeks = 16
seed = 11
[population]
size = 0
[inflow]
ui_benefit = 100000.0
[hazards.ui_benefit.self_support]
baseline = 0.05
[[actors]]
name = "centre"
first_meeting_weeks = 0
meeting_interval_weeks = { ui_benefit = 52 }
early_meetings = { interval_weeks = 1, for_weeks = 6, in_groups = true }
meeting_effect = { size = 1.8, group_size = 1.3, decay_weeks = 0.1 }
[[cohorts]]
name = "first_week"
kind = "inflow"
states = ["ui_benefit"]
from = 2020-01-13
to = 2020-01-19
measure_at = 2020-04-20
)"))
                       .params;
  const auto r = run_monte_carlo(p, {1, {}}).front();
  const CohortOutcome& c = r.cohorts.front();
  const double n = c.members[0];
  REQUIRE(n > 90000);
  constexpr double k = 5.0;  // standard errors allowed
  double exponent = 0.0;
  for (int week = 0; week <= 12; ++week) {
    const double expected = std::exp(-h * exponent);
    const double found = c.survival[static_cast<std::size_t>(week)];
    INFO("spell week " << week << ": expected " << expected << ", found " << found);
    CHECK(std::abs(found - expected) <= k * std::sqrt(expected * (1 - expected) / n) + 1e-12);
    exponent += week == 0 ? 1.0 : week <= 6 ? g : week == 7 ? s : 1.0;
  }
}
