#include "almpsim/dates.hpp"
#include "support/catch.hpp"

using almpsim::Calendar;
using almpsim::Date;

TEST_CASE("dates round-trip through ISO text", "[unit]") {
  for (const char* iso : {"1970-01-01", "2000-02-29", "2008-04-01", "2009-09-30", "2024-12-31"})
    CHECK(Date::parse(iso)->iso() == iso);
  CHECK(Date::parse("1970-01-02")->days == 1);
  CHECK(Date::parse("2008-04-01")->days == 13970);
}

TEST_CASE("malformed and impossible dates are rejected", "[unit]") {
  for (const char* bad : {"2009-02-29", "2008-13-01", "2008-4-01", "20080401", "2008-04-00", ""})
    CHECK_FALSE(Date::parse(bad).has_value());
}

TEST_CASE("the week of a date is floored also before the start", "[unit]") {
  Calendar cal;
  cal.start = *Date::parse("2008-04-01");
  cal.weeks = 80;
  cal.burn_in = 10;
  CHECK(cal.week_of(cal.start) == 0);
  CHECK(cal.week_of(*Date::parse("2008-04-07")) == 0);
  CHECK(cal.week_of(*Date::parse("2008-04-08")) == 1);
  CHECK(cal.week_of(*Date::parse("2008-03-31")) == -1);
  CHECK(cal.week_of(*Date::parse("2008-03-25")) == -1);
  CHECK(cal.week_of(*Date::parse("2008-03-24")) == -2);
  CHECK(cal.date_of(-1).iso() == "2008-03-25");
  CHECK(cal.slot(cal.first()) == 0);
}
