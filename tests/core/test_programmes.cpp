#include "almpsim/programmes.hpp"

#include <cmath>

#include "support/catch.hpp"

using namespace almpsim;

TEST_CASE("threat and lock-in and a decaying post-programme effect", "[unit]") {
  ProgrammeSpec p;
  p.threat_effect = {1.2};
  p.lock_in = {0.6};
  p.post_effect = {1.5};
  p.post_decay_weeks = 10;
  p.employer_linked = false;
  const Week from = 5, to = 18;
  CHECK(programme_multiplier(p, 0, 2, 0, from, to, 1.0) == 1.2);   // announced
  CHECK(programme_multiplier(p, 0, 5, 0, from, to, 1.0) == 0.6);   // first week in it
  CHECK(programme_multiplier(p, 0, 17, 0, from, to, 1.0) == 0.6);  // last week in it
  CHECK(programme_multiplier(p, 0, 18, 0, from, to, 1.0) == Approx(1.5));
  CHECK(programme_multiplier(p, 0, 28, 0, from, to, 1.0) == Approx(std::exp(std::log(1.5) * std::exp(-1.0))));
  // Past the horizon the effect is exactly gone.
  CHECK(programme_multiplier(p, 0, to + 51, 0, from, to, 1.0) == 1.0);
}

TEST_CASE("company contact scales the post effect of employer-linked programmes", "[unit]") {
  ProgrammeSpec p;
  p.threat_effect = {1.0};
  p.lock_in = {1.0};
  p.post_effect = {2.0};
  p.employer_linked = true;
  CHECK(programme_multiplier(p, 0, 10, 0, 0, 10, 0.5) == Approx(std::sqrt(2.0)));
  CHECK(programme_multiplier(p, 0, 10, 0, 0, 10, 0.0) == 1.0);
}

TEST_CASE("a threat with a rise is full in the week before the start and fades further from it", "[unit]") {
  ProgrammeSpec p;
  p.threat_effect = {1.5};
  p.lock_in = {0.6};
  p.post_effect = {1.0};
  CHECK(programme_multiplier(p, 0, 3, 0, 10, 20, 1.0) == 1.5);  // constant without a rise
  p.threat_rise_weeks = 2.0;
  CHECK(programme_multiplier(p, 0, 9, 0, 10, 20, 1.0) == Approx(1.5));
  CHECK(programme_multiplier(p, 0, 7, 0, 10, 20, 1.0) == Approx(1.0 + 0.5 * std::exp(-1.0)));
  CHECK(programme_multiplier(p, 0, 0, 0, 10, 20, 1.0) == Approx(1.0 + 0.5 * std::exp(-4.5)));
  CHECK(programme_multiplier(p, 0, 10, 0, 10, 20, 1.0) == 0.6);  // the start: lock-in
}

TEST_CASE("the threat acts from the announcement on, and lock-in and post effect do not depend on it", "[unit]") {
  ProgrammeSpec p;
  p.threat_effect = {1.5};
  p.lock_in = {0.6};
  p.post_effect = {1.2};
  p.employer_linked = false;
  const Week told = 6, from = 10, to = 20;
  CHECK(programme_multiplier(p, 0, 5, told, from, to, 1.0) == 1.0);  // not yet told
  CHECK(programme_multiplier(p, 0, 6, told, from, to, 1.0) == 1.5);
  CHECK(programme_multiplier(p, 0, 9, told, from, to, 1.0) == 1.5);
  CHECK(programme_multiplier(p, 0, 10, told, from, to, 1.0) == 0.6);
  CHECK(programme_multiplier(p, 0, 20, told, from, to, 1.0) == Approx(1.2));
}

TEST_CASE("a course with intakes starts at the first intake from the earliest week, burn-in weeks included", "[unit]") {
  ProgrammeSpec p;
  CHECK(next_intake(p, 7) == 7);  // no intakes: any week
  p.intake_every_weeks = 4;
  p.first_intake = 2;  // intakes ..., -6, -2, 2, 6, 10, ...
  CHECK(next_intake(p, 2) == 2);
  CHECK(next_intake(p, 3) == 6);
  CHECK(next_intake(p, 6) == 6);
  CHECK(next_intake(p, 0) == 2);
  CHECK(next_intake(p, -5) == -2);
  CHECK(next_intake(p, -6) == -6);
}
