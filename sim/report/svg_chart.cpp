#include "svg_chart.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

#include "markup.hpp"

namespace almpsim::report {

namespace {

constexpr double kCharWidth = 6.6;  // of the 11-12 px sans-serif text, for laying out legends
constexpr int kLegendRow = 18;

/// The data's extent, NaN and infinities left out; nullopt where nothing is finite.
struct Extent {
  double low = std::numeric_limits<double>::infinity(), high = -std::numeric_limits<double>::infinity();
  void add(double v) {
    if (!std::isfinite(v)) return;
    low = std::min(low, v);
    high = std::max(high, v);
  }
  void add(const std::vector<double>& v) {
    for (const double x : v) add(x);
  }
  bool empty() const { return low > high; }
};

/// An axis: the data's range widened to round ticks, and a map to pixels.
struct Axis {
  double low = 0, high = 1;
  double pixel_low = 0, pixel_high = 1;
  std::vector<double> ticks;
  double at(double v) const { return pixel_low + (v - low) / (high - low) * (pixel_high - pixel_low); }
};

Axis value_axis(Extent e, double pixel_low, double pixel_high, bool round_ends) {
  if (e.empty()) e = {0, 1};
  // A range of a few rounding errors (identical costs, say) is flat: round ticks cannot split it.
  if (e.high - e.low <= 1e-9 * std::max({1.0, std::abs(e.low), std::abs(e.high)})) {
    const double pad = std::abs(e.low) > 0 ? std::abs(e.low) * 0.1 : 1;
    e = {e.low - pad, e.high + pad};
  }
  Axis a;
  a.pixel_low = pixel_low;
  a.pixel_high = pixel_high;
  a.ticks = nice_ticks(e.low, e.high, 5);
  a.low = e.low;
  a.high = e.high;
  if (round_ends && a.ticks.size() >= 2) {
    const double step = a.ticks[1] - a.ticks[0];
    a.low = std::floor(e.low / step + 1e-9) * step;
    a.high = std::ceil(e.high / step - 1e-9) * step;
    a.ticks = nice_ticks(a.low, a.high, 5);
  }
  return a;
}

/// The legend's swatches and labels laid out in rows under the plot; returns its height.
int legend(std::ostringstream& svg, const std::vector<std::pair<std::string, std::string>>& entries, double left,
           double top, double width) {
  double x = left;
  int row = 0;
  for (const auto& [colour, label] : entries) {
    const double item = 18 + kCharWidth * static_cast<double>(label.size()) + 14;
    if (x > left && x + item > left + width) {
      x = left;
      ++row;
    }
    const double y = top + row * kLegendRow;
    svg << "<rect class=\"swatch\" x=\"" << svg_number(x) << "\" y=\"" << svg_number(y)
        << "\" width=\"12\" height=\"12\" fill=\"" << colour << "\"/><text x=\"" << svg_number(x + 17) << "\" y=\""
        << svg_number(y + 10) << "\">" << escape(label) << "</text>";
    x += item;
  }
  return entries.empty() ? 0 : (row + 1) * kLegendRow;
}

/// Runs of indices where `keep` holds, for lines and bands broken at gaps.
template <class Keep>
std::vector<std::pair<std::size_t, std::size_t>> runs(std::size_t n, Keep keep) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < n;) {
    if (!keep(i)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && keep(j)) ++j;
    out.emplace_back(i, j);
    i = j;
  }
  return out;
}

void draw_series(std::ostringstream& svg, const Series& s, const std::string& colour, const Axis& x, const Axis& y,
                 double dodge) {
  const std::size_t n = std::min(s.x.size(), s.y.size());
  const bool interval = s.lower.size() >= n && s.upper.size() >= n;
  svg << "<g class=\"series\" data-label=\"" << escape(s.label) << "\">";
  if (s.markers) {
    if (s.connect)
      for (const auto& [from, to] : runs(n, [&](std::size_t i) { return std::isfinite(s.y[i]); })) {
        svg << "<path class=\"line thin\" stroke=\"" << colour << "\" d=\"";
        for (std::size_t i = from; i < to; ++i)
          svg << (i == from ? "M" : "L") << svg_number(x.at(s.x[i]) + dodge) << ' ' << svg_number(y.at(s.y[i]));
        svg << "\"/>";
      }
    for (std::size_t i = 0; i < n; ++i) {
      if (!std::isfinite(s.y[i])) continue;
      const double cx = x.at(s.x[i]) + dodge;
      if (interval && std::isfinite(s.lower[i]) && std::isfinite(s.upper[i])) {
        const double top = y.at(s.upper[i]), bottom = y.at(s.lower[i]);
        svg << "<path class=\"whisker\" stroke=\"" << colour << "\" d=\"M" << svg_number(cx) << ' '
            << svg_number(bottom) << "V" << svg_number(top) << "M" << svg_number(cx - 4) << ' ' << svg_number(top)
            << "h8M" << svg_number(cx - 4) << ' ' << svg_number(bottom) << "h8\"/>";
      }
      svg << "<circle class=\"point\" cx=\"" << svg_number(cx) << "\" cy=\"" << svg_number(y.at(s.y[i]))
          << "\" r=\"3.5\" fill=\"" << colour << "\"><title>" << escape(s.label) << ": " << tick_text(s.y[i])
          << "</title></circle>";
    }
  } else {
    if (interval) {
      for (const auto& [from, to] :
           runs(n, [&](std::size_t i) { return std::isfinite(s.lower[i]) && std::isfinite(s.upper[i]); })) {
        svg << "<path class=\"band\" fill=\"" << colour << "\" d=\"";
        for (std::size_t i = from; i < to; ++i)
          svg << (i == from ? "M" : "L") << svg_number(x.at(s.x[i])) << ' ' << svg_number(y.at(s.upper[i]));
        for (std::size_t i = to; i-- > from;)
          svg << "L" << svg_number(x.at(s.x[i])) << ' ' << svg_number(y.at(s.lower[i]));
        svg << "Z\"/>";
      }
    }
    for (const auto& [from, to] : runs(n, [&](std::size_t i) { return std::isfinite(s.y[i]); })) {
      svg << "<path class=\"line\" stroke=\"" << colour << "\" d=\"";
      for (std::size_t i = from; i < to; ++i)
        svg << (i == from ? "M" : "L") << svg_number(x.at(s.x[i])) << ' ' << svg_number(y.at(s.y[i]));
      // A single point has no length: a dot stands for it.
      if (to - from == 1) svg << "h0.01";
      svg << "\"/>";
    }
  }
  svg << "</g>";
}

void open_svg(std::ostringstream& svg, int width, int height, const std::string& title) {
  svg << "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" << width << "\" height=\""
      << height << "\" viewBox=\"0 0 " << width << ' ' << height << "\"><title>" << escape(title) << "</title>"
      << "<text class=\"chart-title\" x=\"4\" y=\"15\">" << escape(title) << "</text>";
}

/// Estimated height of a legend of these labels in this width, to size the <svg> before drawing.
int legend_height(const std::vector<std::string>& labels, double width) {
  if (labels.empty()) return 0;
  double x = 0;
  int rows = 1;
  for (const std::string& label : labels) {
    const double item = 18 + kCharWidth * static_cast<double>(label.size()) + 14;
    if (x > 0 && x + item > width) {
      x = 0;
      ++rows;
    }
    x += item;
  }
  return rows * kLegendRow;
}

}  // namespace

std::string svg_number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  return buf;
}

std::vector<double> nice_ticks(double low, double high, int count) {
  if (!(high > low) || count < 1) return {low};
  const double raw = (high - low) / count;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / magnitude;
  const double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude;
  std::vector<double> out;
  // At most a few more than asked for: a range too narrow for its magnitude ends the loop.
  for (double k = std::ceil(low / step - 1e-9); k * step <= high + step * 1e-9 && out.size() < 4u * count + 4; ++k) {
    const double v = k * step;
    out.push_back(v == 0 ? 0.0 : v);  // no -0
  }
  return out;
}

std::string series_colour(std::size_t i) {
  static constexpr std::array<const char*, 8> kPalette = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                                          "#56B4E9", "#D55E00", "#F0E442", "#000000"};
  return kPalette[i % kPalette.size()];
}

std::string tick_text(double x) {
  char buf[32];
  // From 10 000 on, whole numbers (12000, not 1.2e+04); otherwise four significant digits.
  if (std::abs(x) >= 1e4 && std::abs(x) < 1e12)
    std::snprintf(buf, sizeof buf, "%.0f", x);
  else
    std::snprintf(buf, sizeof buf, "%.4g", std::abs(x) < 1e-12 ? 0.0 : x);
  return buf;
}

std::string line_chart(const LineChart& chart) {
  const int left = 58, right = 14, top = 26, plot_height = chart.height - top - 38;
  const double plot_width = chart.width - left - right;
  std::vector<std::string> labels;
  for (const Series& s : chart.series) labels.push_back(s.label);
  const int legend_rows = legend_height(labels, plot_width);
  const int height = chart.height + legend_rows + 6;

  Extent xs, ys;
  for (const Series& s : chart.series) {
    xs.add(s.x);
    ys.add(s.y);
    ys.add(s.lower);
    ys.add(s.upper);
  }
  if (chart.y_from) ys.add(*chart.y_from);
  if (chart.zero_line) ys.add(0.0);
  // Points with whiskers, set apart at one x, need room at the ends of the axis.
  const bool markers = std::any_of(chart.series.begin(), chart.series.end(), [](const Series& s) { return s.markers; });
  const double margin = markers ? 12 : 0;
  const Axis x = value_axis(xs, left + margin, left + plot_width - margin, false);
  const Axis y = value_axis(ys, top + plot_height, top, true);

  std::ostringstream svg;
  open_svg(svg, chart.width, height, chart.title);
  for (const Shading& s : chart.shaded) {
    const double from = std::clamp(x.at(s.from), x.pixel_low, x.pixel_high),
                 to = std::clamp(x.at(s.to), x.pixel_low, x.pixel_high);
    if (to <= from) continue;
    svg << "<rect class=\"shading\" x=\"" << svg_number(from) << "\" y=\"" << top << "\" width=\""
        << svg_number(to - from) << "\" height=\"" << plot_height << "\"><title>" << escape(s.label)
        << "</title></rect>"
        << "<text class=\"shading-label\" x=\"" << svg_number(from + 3) << "\" y=\"" << top + 11 << "\">"
        << escape(s.label) << "</text>";
  }
  // Axes, grid and ticks.
  for (const double t : y.ticks) {
    const double at = y.at(t);
    svg << "<line class=\"grid\" x1=\"" << left << "\" x2=\"" << svg_number(left + plot_width) << "\" y1=\""
        << svg_number(at) << "\" y2=\"" << svg_number(at) << "\"/><text class=\"tick\" text-anchor=\"end\" x=\""
        << left - 5 << "\" y=\"" << svg_number(at + 4) << "\">" << tick_text(t) << "</text>";
  }
  for (const double t : x.ticks) {
    const double at = x.at(t);
    svg << "<line class=\"axis\" x1=\"" << svg_number(at) << "\" x2=\"" << svg_number(at) << "\" y1=\""
        << top + plot_height << "\" y2=\"" << top + plot_height + 4
        << "\"/><text class=\"tick\" text-anchor=\"middle\" x=\"" << svg_number(at) << "\" y=\""
        << top + plot_height + 16 << "\">" << escape(chart.x_tick ? chart.x_tick(t) : tick_text(t)) << "</text>";
  }
  svg << "<line class=\"axis\" x1=\"" << left << "\" x2=\"" << svg_number(left + plot_width) << "\" y1=\""
      << top + plot_height << "\" y2=\"" << top + plot_height << "\"/>";
  if (chart.zero_line && y.low < 0 && y.high > 0)
    svg << "<line class=\"zero\" x1=\"" << left << "\" x2=\"" << svg_number(left + plot_width) << "\" y1=\""
        << svg_number(y.at(0)) << "\" y2=\"" << svg_number(y.at(0)) << "\"/>";
  svg << "<text class=\"axis-label\" text-anchor=\"middle\" x=\"" << svg_number(left + plot_width / 2) << "\" y=\""
      << top + plot_height + 31 << "\">" << escape(chart.x_label) << "</text>"
      << "<text class=\"axis-label\" text-anchor=\"middle\" transform=\"translate(13 "
      << svg_number(top + plot_height / 2.0) << ") rotate(-90)\">" << escape(chart.y_label) << "</text>";
  // Points of several series at one x are set a little apart, so that their whiskers show.
  const std::size_t marked = static_cast<std::size_t>(
      std::count_if(chart.series.begin(), chart.series.end(), [](const Series& s) { return s.markers; }));
  for (std::size_t i = 0, m = 0; i < chart.series.size(); ++i) {
    const bool marked_series = chart.series[i].markers;
    const double dodge =
        marked_series && marked > 1 ? 5.0 * (static_cast<double>(m) - static_cast<double>(marked - 1) / 2.0) : 0.0;
    draw_series(svg, chart.series[i], series_colour(i), x, y, dodge);
    m += marked_series;
  }
  std::vector<std::pair<std::string, std::string>> entries;
  for (std::size_t i = 0; i < chart.series.size(); ++i) entries.emplace_back(series_colour(i), chart.series[i].label);
  legend(svg, entries, left, chart.height + 2, plot_width);
  svg << "</svg>";
  return svg.str();
}

std::string stacked_bars(const std::string& title, const std::vector<std::string>& part_names,
                         const std::vector<StackedBar>& bars) {
  std::size_t longest = 0;
  for (const StackedBar& b : bars) longest = std::max(longest, b.label.size());
  const double left = 10 + kCharWidth * static_cast<double>(longest), width = 680, right = 16, top = 26, bar = 16,
               gap = 6;
  const double plot_width = width - left - right, plot_height = static_cast<double>(bars.size()) * (bar + gap);
  // The legend names only the parts some bar has.
  std::vector<std::pair<std::string, std::string>> entries;
  std::vector<std::string> labels;
  for (std::size_t p = 0; p < part_names.size(); ++p)
    for (const StackedBar& b : bars)
      if (p < b.shares.size() && b.shares[p] > 0) {
        entries.emplace_back(series_colour(p), part_names[p]);
        labels.push_back(part_names[p]);
        break;
      }
  const double legend_top = top + plot_height + 28;
  const int height = static_cast<int>(legend_top) + legend_height(labels, plot_width) + 4;
  std::ostringstream svg;
  open_svg(svg, static_cast<int>(width), height, title);
  for (const double t : {0.0, 0.25, 0.5, 0.75, 1.0}) {
    const double at = left + t * plot_width;
    svg << "<line class=\"grid\" x1=\"" << svg_number(at) << "\" x2=\"" << svg_number(at) << "\" y1=\"" << top
        << "\" y2=\"" << svg_number(top + plot_height) << "\"/><text class=\"tick\" text-anchor=\"middle\" x=\""
        << svg_number(at) << "\" y=\"" << svg_number(top + plot_height + 14) << "\">" << tick_text(100 * t)
        << "%</text>";
  }
  for (std::size_t b = 0; b < bars.size(); ++b) {
    const double y = top + static_cast<double>(b) * (bar + gap) + gap / 2;
    svg << "<text class=\"tick\" text-anchor=\"end\" x=\"" << svg_number(left - 6) << "\" y=\""
        << svg_number(y + bar - 4) << "\">" << escape(bars[b].label) << "</text>";
    double from = 0;
    for (std::size_t p = 0; p < bars[b].shares.size() && p < part_names.size(); ++p) {
      const double share = bars[b].shares[p];
      if (!(share > 0)) continue;
      svg << "<rect class=\"bar-part\" x=\"" << svg_number(left + from * plot_width) << "\" y=\"" << svg_number(y)
          << "\" width=\"" << svg_number(share * plot_width) << "\" height=\"" << bar << "\" fill=\""
          << series_colour(p) << "\"><title>" << escape(bars[b].label) << ", " << escape(part_names[p]) << ": "
          << decimal(100 * share, 1) << "%</title></rect>";
      from += share;
    }
  }
  legend(svg, entries, left, legend_top, plot_width);
  svg << "</svg>";
  return svg.str();
}

std::string interval_chart(const std::string& title, const std::string& unit, const std::vector<IntervalRow>& rows) {
  std::size_t longest = 0;
  for (const IntervalRow& r : rows) longest = std::max(longest, r.label.size());
  const double left = 10 + kCharWidth * static_cast<double>(std::min<std::size_t>(longest, 44)), width = 680,
               right = 16, top = 26, row = 20;
  const double plot_height = static_cast<double>(rows.size()) * row;
  Extent e;
  for (const IntervalRow& r : rows) {
    e.add(r.lower);
    e.add(r.upper);
    e.add(r.published);
  }
  const Axis x = value_axis(e, left, width - right, true);
  const double legend_top = top + plot_height + 34;
  const std::vector<std::pair<std::string, std::string>> entries{
      {series_colour(0), "simulated mean and 90% interval over replications"},
      {"#222222", "published (red: outside the interval)"}};
  const int height =
      static_cast<int>(legend_top) + legend_height({entries[0].second, entries[1].second}, width - right - left) + 4;
  std::ostringstream svg;
  open_svg(svg, static_cast<int>(width), height, title);
  for (const double t : x.ticks) {
    const double at = x.at(t);
    svg << "<line class=\"grid\" x1=\"" << svg_number(at) << "\" x2=\"" << svg_number(at) << "\" y1=\"" << top
        << "\" y2=\"" << svg_number(top + plot_height) << "\"/><text class=\"tick\" text-anchor=\"middle\" x=\""
        << svg_number(at) << "\" y=\"" << svg_number(top + plot_height + 14) << "\">" << tick_text(t) << "</text>";
  }
  svg << "<text class=\"axis-label\" text-anchor=\"middle\" x=\"" << svg_number((left + width - right) / 2) << "\" y=\""
      << svg_number(top + plot_height + 28) << "\">" << escape(unit) << "</text>";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const IntervalRow& r = rows[i];
    const double y = top + static_cast<double>(i) * row + row / 2;
    std::string label = r.label;
    if (label.size() > 44) {
      std::size_t cut = 43;
      while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 letter
      label = label.substr(0, cut) + "\u2026";
    }
    svg << "<text class=\"tick\" text-anchor=\"end\" x=\"" << svg_number(left - 6) << "\" y=\"" << svg_number(y + 4)
        << "\">" << escape(label) << "</text>";
    if (std::isfinite(r.lower) && std::isfinite(r.upper))
      svg << "<line class=\"interval\" stroke=\"" << series_colour(0) << "\" x1=\"" << svg_number(x.at(r.lower))
          << "\" x2=\"" << svg_number(x.at(r.upper)) << "\" y1=\"" << svg_number(y) << "\" y2=\"" << svg_number(y)
          << "\"/>";
    if (std::isfinite(r.mean))
      svg << "<circle class=\"point\" cx=\"" << svg_number(x.at(r.mean)) << "\" cy=\"" << svg_number(y)
          << "\" r=\"3.5\" fill=\"" << series_colour(0) << "\"><title>" << escape(r.label) << ": simulated "
          << tick_text(r.mean) << " [" << tick_text(r.lower) << ", " << tick_text(r.upper) << "]</title></circle>";
    if (std::isfinite(r.published)) {
      const bool outside = r.published < r.lower || r.published > r.upper;
      const double cx = x.at(r.published);
      svg << "<path class=\"published" << (outside ? " outside" : "") << "\" d=\"M" << svg_number(cx) << ' '
          << svg_number(y - 5) << "l5 5l-5 5l-5 -5Z\"><title>" << escape(r.label) << ": published "
          << tick_text(r.published) << "</title></path>";
    }
  }
  legend(svg, entries, left, legend_top, width - right - left);
  svg << "</svg>";
  return svg.str();
}

}  // namespace almpsim::report
