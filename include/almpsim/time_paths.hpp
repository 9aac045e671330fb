#pragma once
/// Values that change over the run, resolved to one value per simulated week: step paths
/// (caseworkers, company contact, job finding), the macro unemployment path, shocks and an
/// organisation's ramp-up.
#include <utility>
#include <vector>

#include "almpsim/dates.hpp"
#include "almpsim/params.hpp"

namespace almpsim {

/// (week, value) points in week order.
using WeekPoints = std::vector<std::pair<Week, double>>;

/// Steps: each value holds from its week until the next point's; the first also holds before it.
WeekSeries step_path(const Calendar& cal, const WeekPoints& steps);

/// Linear between points, flat before the first and after the last (points may lie outside the
/// run). Points must be in strictly increasing week order.
WeekSeries linear_path(const Calendar& cal, const WeekPoints& points);

/// How far a shock has reached, 0 to 1, `since` weeks after it starts: a linear rise over
/// `ramp` weeks, full size for `length`, a linear return over `recovery`.
double shock_level(int since, int ramp, int length, int recovery);

/// An organisation's capacity multiplier: `from` before `start`, rising linearly to 1 over
/// `weeks` (at once when weeks is 0).
WeekSeries ramp_up_path(const Calendar& cal, double from, int weeks, Week start);

/// An employer network that follows the company consultants employed: it starts at `built`
/// (in consultants), and each week closes the share 1 - exp(-1 / build_weeks) of its gap to
/// the consultants of that week, so that under constant staffing c it is
/// c + (built - c) exp(-t / build_weeks). Returned as company contact: network / reference.
WeekSeries network_contact(const WeekSeries& consultants, double built, double build_weeks, double reference);

}  // namespace almpsim
