// Channels of effect on job finding: each can be found by name and switched off.
#include "almpsim/channels.hpp"

#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

TEST_CASE("switching a channel off leaves a model without it", "[unit]") {
  Params p =
      load_scenario(test::source_path("scenarios/koege_2008.toml"), {"actors.agens.meeting_effect={ size = 1.4 }"})
          .params;
  for (Channel c : all_channels()) {
    INFO(channel_name(c));
    CHECK(has_channel(p, c));
    switch_off_channel(p, c);
    CHECK_FALSE(has_channel(p, c));
    CHECK(find_channel(channel_name(c)) == c);
  }
  CHECK_FALSE(find_channel("luck").has_value());
}

TEST_CASE("sanctions are a channel only where a sanctioned no-show may leave benefit", "[unit]") {
  Params p = load_scenario(test::source_path("scenarios/koege_2008.toml"), {}).params;
  for (ActorSpec& a : p.actors) a.sanctions.exit_share = 0.0;
  CHECK_FALSE(has_channel(p, Channel::sanctions));
  p.actors[0].sanctions.exit_share = 0.1;
  CHECK(has_channel(p, Channel::sanctions));
  p.actors[0].sanctions.no_show = 0.0;
  p.actors[1].sanctions.no_show = 0.0;
  CHECK_FALSE(has_channel(p, Channel::sanctions));
}
