#include "almpsim/sweep_design.hpp"

#include <algorithm>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_01.hpp>
#include <cmath>
#include <numeric>
#include <sstream>

namespace almpsim {

namespace {
std::string number_text(double x, bool whole) {
  std::ostringstream s;
  if (whole) {
    s << static_cast<long long>(std::llround(x));
  } else {
    s.precision(12);
    s << x;
    // Keep it a TOML float so that float keys accept it.
    if (s.str().find_first_of(".eEn") == std::string::npos) s << ".0";
  }
  return s.str();
}

std::vector<SweepPoint> grid(const SweepSpec& spec) {
  std::size_t total = 1;
  for (const SweepAxis& a : spec.axes) total *= a.values.size();
  std::vector<SweepPoint> points(spec.axes.empty() ? 0 : total);
  for (std::size_t p = 0; p < points.size(); ++p) {
    std::size_t rest = p;
    std::vector<std::size_t> index(spec.axes.size());
    for (std::size_t k = spec.axes.size(); k-- > 0;) {
      index[k] = rest % spec.axes[k].values.size();
      rest /= spec.axes[k].values.size();
    }
    for (std::size_t k = 0; k < spec.axes.size(); ++k) {
      const std::string& v = spec.axes[k].values[index[k]];
      points[p].values.push_back(v);
      points[p].overrides.emplace_back(spec.axes[k].key + "=" + v, spec.axes[k].origin, spec.axes[k].position);
    }
  }
  return points;
}

std::vector<SweepPoint> latin_hypercube(const SweepSpec& spec) {
  const auto n = static_cast<std::size_t>(std::max(spec.points, 0));
  std::vector<SweepPoint> points(n);
  boost::random::mt19937 engine(static_cast<std::uint32_t>(spec.seed ^ (spec.seed >> 32)));
  boost::random::uniform_01<double> unit;
  for (const SweepAxis& a : spec.axes) {
    std::vector<std::size_t> strata(n);
    std::iota(strata.begin(), strata.end(), 0);
    // Fisher-Yates with our own draws, so the design does not depend on the standard library.
    for (std::size_t k = n; k > 1; --k)
      std::swap(strata[k - 1], strata[static_cast<std::size_t>(unit(engine) * static_cast<double>(k))]);
    for (std::size_t p = 0; p < n; ++p) {
      const double u = (static_cast<double>(strata[p]) + unit(engine)) / static_cast<double>(n);
      const std::string v = number_text(a.lower + u * (a.upper - a.lower), a.whole_numbers);
      points[p].values.push_back(v);
      points[p].overrides.emplace_back(a.key + "=" + v, a.origin, a.position);
    }
  }
  return points;
}
}  // namespace

std::vector<SweepPoint> sweep_points(const SweepSpec& spec) {
  return spec.design == SweepSpec::Design::grid ? grid(spec) : latin_hypercube(spec);
}

std::vector<std::string> split_values(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  int depth = 0;
  char quote = 0;  // the quote character of an open string, or 0
  for (char c : text) {
    if ((c == '"' || c == '\'') && (quote == 0 || quote == c)) quote = quote ? 0 : c;
    const bool quoted = quote != 0;
    if (!quoted && (c == '[' || c == '{')) ++depth;
    if (!quoted && (c == ']' || c == '}')) --depth;
    if (c == ',' && depth == 0 && !quoted) {
      out.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  out.push_back(current);
  for (std::string& v : out) {
    const auto b = v.find_first_not_of(" \t"), e = v.find_last_not_of(" \t");
    v = b == std::string::npos ? "" : v.substr(b, e - b + 1);
  }
  return out;
}

}  // namespace almpsim
