#include "almpsim/time_paths.hpp"

#include <cmath>

#include "support/catch.hpp"

using namespace almpsim;

namespace {
Calendar calendar(int weeks, int burn_in = 0) {
  Calendar c;
  c.weeks = weeks;
  c.burn_in = burn_in;
  return c;
}
}  // namespace

TEST_CASE("a step path holds each value from its week, the first also before it", "[unit]") {
  const Calendar cal = calendar(10, 2);
  const WeekSeries s = step_path(cal, {{3, 1.0}, {6, 2.0}});
  CHECK(s[static_cast<std::size_t>(cal.slot(-2))] == 1.0);
  CHECK(s[static_cast<std::size_t>(cal.slot(5))] == 1.0);
  CHECK(s[static_cast<std::size_t>(cal.slot(6))] == 2.0);
  CHECK(s[static_cast<std::size_t>(cal.slot(9))] == 2.0);
}

TEST_CASE("the macro path is linear between points and flat outside them", "[unit]") {
  const Calendar cal = calendar(10);
  const WeekSeries u = linear_path(cal, {{2, 0.04}, {6, 0.08}});
  CHECK(u[0] == 0.04);
  CHECK(u[4] == Approx(0.06));
  CHECK(u[6] == 0.08);
  CHECK(u[9] == 0.08);
}

TEST_CASE("a shock rises over its ramp, holds, and returns over its recovery", "[unit]") {
  // ramp 3, length 2, recovery 1: levels 1/4, 2/4, 3/4, then 1, 1, then 1/2, then 0.
  const double expected[] = {0.0, 0.25, 0.5, 0.75, 1.0, 1.0, 0.5, 0.0};
  for (int since = -1; since <= 6; ++since) CHECK(shock_level(since, 3, 2, 1) == expected[since + 1]);
}

TEST_CASE("a ramp-up rises linearly from its start value to full capacity", "[unit]") {
  const Calendar cal = calendar(20);
  const WeekSeries r = ramp_up_path(cal, 0.5, 10, 4);
  CHECK(r[3] == 0.5);
  CHECK(r[4] == 0.5);
  CHECK(r[9] == Approx(0.75));
  CHECK(r[14] == 1.0);
  CHECK(ramp_up_path(cal, 0.5, 0, 4)[4] == 1.0);  // no rise: full from the start week
}

TEST_CASE("an employer network approaches constant staffing as c + (built - c) exp(-t / build_weeks)", "[unit]") {
  const WeekSeries five(200, 5.0);
  const WeekSeries contact = network_contact(five, 1.0, 26.0, 4.0);
  for (std::size_t t = 0; t < contact.size(); ++t) {
    const double network = 5.0 + (1.0 - 5.0) * std::exp(-static_cast<double>(t) / 26.0);
    CHECK(contact[t] == Approx(network / 4.0).epsilon(1e-12));
  }
}

TEST_CASE("an employer network follows a change of staffing from the week after it", "[unit]") {
  // Built at 7 consultants; the staffing falls to 5 in week 10 and rises to 12 in week 40.
  const Calendar cal = calendar(80);
  const WeekSeries staff = step_path(cal, {{0, 7.0}, {10, 5.0}, {40, 12.0}});
  const WeekSeries contact = network_contact(staff, 7.0, 13.0, 7.0);
  for (std::size_t t = 0; t <= 10; ++t) CHECK(contact[t] == 1.0);  // built, and the fall not yet felt
  const double keeps = std::exp(-1.0 / 13.0);
  for (std::size_t t = 11; t < contact.size(); ++t) {
    const double target = (t <= 40 ? 5.0 : 12.0) / 7.0;
    CHECK((contact[t] - target) == Approx((contact[t - 1] - target) * keeps).margin(1e-12));
  }
  CHECK(contact[40] > 5.0 / 7.0);  // 30 weeks after the fall, still above the new staffing
  CHECK(contact[79] < 12.0 / 7.0);
}
