// A meeting's own effect on job finding: the rule's shape, and the engine's survival against
// the exact answer when everyone meets every week.
#include "almpsim/meeting_effect.hpp"

#include <cmath>

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
  CHECK(meeting_multiplier(e, 0, 7, 7) == 1.0);  // not in the meeting's own week
  CHECK(meeting_multiplier(e, 0, 7, 8) == Approx(1.5));
  CHECK(meeting_multiplier(e, 0, 7, 10) == Approx(1.0 + 0.5 * std::exp(-1.0)));
  CHECK(meeting_multiplier(e, 0, 7, 17) == Approx(1.0 + 0.5 * std::exp(-4.5)));
  CHECK(meeting_multiplier(e, 0, 7, 18) == 1.0);  // spent after five decays
  CHECK(meeting_multiplier(e, 1, 7, 8) == 1.0);   // a group without the effect
  CHECK(meeting_multiplier(e, 0, kNoMeeting, 8) == 1.0);
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
