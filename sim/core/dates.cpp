#include "almpsim/dates.hpp"

#include <charconv>
#include <cstdio>

namespace almpsim {
namespace {
// Howard Hinnant's civil-calendar algorithms.
int days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Ymd {
  int y, m, d;
};

Ymd civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}
}  // namespace

Date Date::from_ymd(int year, int month, int day) {
  return Date{days_from_civil(year, month, day)};
}

std::optional<Date> Date::parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  auto num = [&](std::size_t pos, std::size_t len, int& out) {
    auto r = std::from_chars(iso.data() + pos, iso.data() + pos + len, out);
    return r.ec == std::errc{} && r.ptr == iso.data() + pos + len;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return from_ymd(y, m, d);
}

std::string Date::iso() const {
  const Ymd c = civil_from_days(days);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.y, c.m, c.d);
  return buf;
}

int Date::year() const {
  return civil_from_days(days).y;
}
int Date::month() const {
  return civil_from_days(days).m;
}
int Date::day_of_month() const {
  return civil_from_days(days).d;
}

Week Calendar::week_of(Date d) const {
  const int delta = d.days - start.days;
  return delta >= 0 ? delta / 7 : -((-delta + 6) / 7);
}

std::string measured_text(Date given, Date week_start) {
  if (given == week_start) return given.iso();
  return given.iso() + " (the state at the start of its week, " + week_start.iso() + ")";
}

}  // namespace almpsim
