#pragma once
// Charts as inline SVG for the HTML report: no script and nothing fetched, so a saved report
// draws in any browser, and prints.
#include <cstddef>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace almpsim::report {

/// One line, or one set of points with whiskers, and its interval.
struct Series {
  std::string label;
  std::vector<double> x, y;          ///< a NaN y is a gap in the line
  std::vector<double> lower, upper;  ///< the interval at each x; empty: none
  bool markers = false;              ///< points with whiskers; otherwise a line in a band
  bool connect = false;              ///< with markers: a thin line from point to point
};

/// A shaded stretch of the x axis, e.g. a shock.
struct Shading {
  double from = 0, to = 0;
  std::string label;
};

/// A chart of lines or points against a numeric x axis, with its titles and shading.
struct LineChart {
  std::string title, x_label, y_label;
  std::vector<Series> series;
  std::vector<Shading> shaded;
  std::function<std::string(double)> x_tick;  ///< tick text; empty: the number
  std::optional<double> y_from;               ///< the axis starts here (0 for shares); else the data
  bool zero_line = false;                     ///< a rule at y = 0, for differences
  int width = 440, height = 250;
};

/// The chart as an <svg> element. Each series is drawn in the palette's colour of its index
/// and named in a legend.
std::string line_chart(const LineChart& chart);

/// A bar of shares (parts of one whole), e.g. where one actor's members are by benefit state.
struct StackedBar {
  std::string label;
  std::vector<double> shares;  ///< [part], summing to at most 1
};

/// Horizontal bars from 0 to 100%, one per StackedBar, parts coloured and named in a legend;
/// a part no bar has is left out of the legend.
std::string stacked_bars(const std::string& title, const std::vector<std::string>& part_names,
                         const std::vector<StackedBar>& bars);

/// One row of an interval chart: a simulated interval, its mean, and a published value (NaN:
/// none), e.g. one category of a published table.
struct IntervalRow {
  std::string label;
  double mean = 0, lower = 0, upper = 0;
  double published = std::numeric_limits<double>::quiet_NaN();
};

/// Rows of simulated intervals with the published value as a diamond.
std::string interval_chart(const std::string& title, const std::string& unit, const std::vector<IntervalRow>& rows);

/// Round tick values covering [low, high], about `count` of them (steps of 1, 2 or 5 times a
/// power of ten).
std::vector<double> nice_ticks(double low, double high, int count);

/// The colour of series i: a palette that stays apart for the colour-blind (Okabe and Ito).
std::string series_colour(std::size_t i);

/// A coordinate as SVG takes it: one decimal of a pixel.
std::string svg_number(double x);

/// A number as a tick prints it: no trailing zeros, at most 4 significant digits.
std::string tick_text(double x);

}  // namespace almpsim::report
