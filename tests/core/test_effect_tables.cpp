// The engine's tables of meeting and threat effects hold the rules' own values, bit for bit,
// and fall back to the rules where the tables do not reach.
#include "../../sim/core/effect_tables.hpp"

#include "support/catch.hpp"

using namespace almpsim;

namespace {

Params two_groups() {
  Params p;
  p.attributes.match_group_names = {"ready", "not ready"};
  p.actors.resize(2);
  p.actors[0].meeting_effect.size = {1.4, 1.1};
  p.actors[0].meeting_effect.group_size = {1.2, 1.05};
  p.actors[0].meeting_effect.decay_weeks = 3.3;
  p.actors[1].meeting_effect.size = {1.0, 1.0};  // no effect
  p.actors[1].meeting_effect.group_size = {1.0, 1.0};
  for (ProgrammeSpec& programme : p.programmes) {
    programme.threat_effect = {1.3, 1.15};
    programme.lock_in = {0.6, 0.8};
    programme.post_effect = {1.2, 1.1};
  }
  p.programmes[1].threat_rise_weeks = 2.7;  // the others: a constant threat
  return p;
}

}  // namespace

TEST_CASE("the meeting table holds meeting_multiplier's values for every week since a meeting", "[unit]") {
  const Params p = two_groups();
  const EffectTables tables(p);
  for (std::size_t a = 0; a < p.actors.size(); ++a)
    for (int group = 0; group < 2; ++group)
      for (const bool in_group : {false, true})
        for (Week w = 90; w < 130; ++w) {
          INFO("actor " << a << " group " << group << " in group " << in_group << " week " << w);
          CHECK(tables.meeting(a, group, 100, w, in_group) ==
                meeting_multiplier(p.actors[a].meeting_effect, group, 100, w, in_group));
          CHECK(tables.meeting(a, group, kNoMeeting, w, in_group) == 1.0);
        }
  // The effect still differs from 1 late in its horizon, so the table is not all ones.
  CHECK(tables.meeting(0, 0, 100, 117, false) > 1.0);
  CHECK(tables.meeting(0, 0, 100, 118, false) == 1.0);
}

TEST_CASE("the threat table holds programme_multiplier's values before a start, and after it the rule's", "[unit]") {
  const Params p = two_groups();
  const EffectTables tables(p);
  for (std::size_t kind = 1; kind < 3; ++kind)
    for (int group = 0; group < 2; ++group)
      for (Week w = 0; w < 80; ++w) {
        const Week announced = 10, from = 40, to = 53;
        INFO("programme " << kind << " group " << group << " week " << w);
        CHECK(tables.programme(p.programmes[kind], kind, group, w, announced, from, to, 0.7) ==
              programme_multiplier(p.programmes[kind], group, w, announced, from, to, 0.7));
      }
  // A start further ahead than the table reaches is the rule's too.
  const ProgrammeSpec& rising = p.programmes[1];
  CHECK(tables.programme(rising, 1, 0, 0, 0, 5000, 5013, 1.0) ==
        programme_multiplier(rising, 0, 0, 0, 5000, 5013, 1.0));
  CHECK(tables.programme(rising, 1, 0, 38, 10, 40, 53, 1.0) > tables.programme(rising, 1, 0, 30, 10, 40, 53, 1.0));
}

TEST_CASE("the job-finding bound is at least every programme effect times every meeting effect", "[unit]") {
  Params p = two_groups();
  p.programmes[2].employer_linked = true;
  p.actors[0].company_contact = {0.5, 1.0, 1.6};  // contact above 1 raises a post effect above its size
  p.actors[1].company_contact = {1.0};
  const EffectTables tables(p);
  for (std::size_t a = 0; a < p.actors.size(); ++a) {
    double largest = 0.0;
    for (std::size_t kind = 1; kind < 3; ++kind)
      for (int group = 0; group < 2; ++group)
        for (const double contact : p.actors[a].company_contact)
          for (Week w = 0; w < 400; ++w)
            for (const Week met : {Week{kNoMeeting}, Week{50}, Week{w - 1}})
              for (const bool in_group : {false, true}) {
                const double effect = programme_multiplier(p.programmes[kind], group, w, 10, 40, 53, contact) *
                                      meeting_multiplier(p.actors[a].meeting_effect, group, met, w, in_group);
                largest = std::max(largest, effect);
              }
    INFO("actor " << a);
    CHECK(tables.job_finding_bound(a) >= largest);
    // Tight: the padding is for rounding only.
    CHECK(tables.job_finding_bound(a) <= largest * (1.0 + 0x1p-18));
  }
  // Actor 0: the post effect of 1.2 at contact 1.6 and the meeting's 1.4 in the week after it.
  CHECK(tables.job_finding_bound(0) >= std::pow(1.2, 1.6) * 1.4);
}
