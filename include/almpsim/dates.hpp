#pragma once
/// Calendar dates as days since 1970-01-01 (proleptic Gregorian), and the week calendar of a run.
#include <optional>
#include <string>
#include <string_view>

#include "almpsim/types.hpp"

namespace almpsim {

/// A calendar day, counted from 1970-01-01.
struct Date {
  int days = 0;
  static Date from_ymd(int year, int month, int day);
  /// Parses "YYYY-MM-DD"; nullopt if malformed or not a real date.
  static std::optional<Date> parse(std::string_view iso);
  std::string iso() const;
  int year() const;
  int month() const;
  int day_of_month() const;
  friend bool operator==(Date, Date) = default;
};

/// A measurement date as a report prints it: the date given, and the first day of its week
/// where that differs ("2009-09-30 (the state at the start of its week, 2009-09-29)"), since a
/// weekly model takes the state at the start of the week.
std::string measured_text(Date given, Date week_start);

/// The weeks a run simulates: weeks [-burn_in, weeks) with week 0 starting on `start`.
struct Calendar {
  Date start;
  int weeks = 0;    ///< reported weeks, >= 1
  int burn_in = 0;  ///< simulated before week 0, not reported
  Week first() const { return -burn_in; }
  Week end() const { return weeks; }
  int total() const { return weeks + burn_in; }
  /// Position of week w in per-week arrays that cover the burn-in too.
  int slot(Week w) const { return w + burn_in; }
  Date date_of(Week w) const { return Date{start.days + 7 * w}; }
  /// The week that contains the date (floor division).
  Week week_of(Date d) const;
  bool contains(Week w) const { return w >= first() && w < end(); }
};

}  // namespace almpsim
