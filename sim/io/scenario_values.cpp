#include "scenario_values.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "almpsim/time_paths.hpp"

namespace almpsim::io {

const std::vector<std::string>& state_names() {
  static const auto names = names_of(kStateNames);
  return names;
}

const std::vector<std::string>& activity_names() {
  static const auto names = names_of(kActivityNames);
  return names;
}

const std::vector<std::string>& programme_names() {
  static const std::vector<std::string> names(activity_names().begin() + 1, activity_names().end());
  return names;
}

std::string number_text(double x) {
  std::ostringstream out;
  out << x;
  return out.str();
}

int index_in(const std::vector<std::string>& names, const std::string& s) {
  return static_cast<int>(std::find(names.begin(), names.end(), s) - names.begin());
}

std::vector<std::optional<double>> named_numbers(Reader& r, std::string_view key, const std::vector<std::string>& names,
                                                 const std::string& what) {
  const schema::Key& row = r.row(key);
  std::vector<std::optional<double>> out(names.size());
  Reader t = r.table(key);
  for (const std::string& k : t.keys()) {
    const int idx = index_in(names, k);
    if (idx == static_cast<int>(names.size())) {
      t.fail(k, unknown_name(what, k, names));
      continue;
    }
    out[static_cast<std::size_t>(idx)] = number_of(r.doc(), *t.raw()->get(k), t.path_of(k), row.lo, row.hi);
  }
  return out;
}

std::optional<std::vector<double>> named_shares(Reader& r, std::string_view key, const std::vector<std::string>& names,
                                                const std::string& what) {
  if (!r.has(key)) return std::nullopt;
  const std::size_t before = r.doc().issues.size();
  auto values = named_numbers(r, key, names, what);
  if (r.doc().issues.size() != before) return std::nullopt;
  std::vector<double> shares(names.size(), 0.0);
  double sum = 0.0;
  for (std::size_t k = 0; k < names.size(); ++k) {
    shares[k] = values[k].value_or(0.0);
    sum += shares[k];
  }
  if (std::abs(sum - 1.0) > kShareTolerance) {
    std::ostringstream m;
    m << "shares sum to " << sum << ", not 1";
    r.fail(key, m.str());
    return std::nullopt;
  }
  return shares;
}

WeekSeries read_path(Reader& r, std::string_view key, const Calendar& cal) {
  return read_path(r, key, cal, r.row(key));
}

WeekSeries read_path(Reader& r, std::string_view key, const Calendar& cal, const schema::Key& row) {
  WeekSeries series(static_cast<std::size_t>(cal.total()), row.fallback);
  const toml::node* n = r.node(key);
  if (!n) return series;
  const std::string path = r.path_of(key);
  if (n->is_number()) {
    if (auto x = number_of(r.doc(), *n, path, row.lo, row.hi)) std::fill(series.begin(), series.end(), *x);
    return series;
  }
  const auto* arr = n->as_array();
  if (!arr || arr->empty()) {
    r.fail(key, "expected a number or an array of [date, value] pairs");
    return series;
  }
  WeekPoints steps;
  for (const auto& item : *arr) {
    const auto* pair = item.as_array();
    if (!pair || pair->size() != 2) {
      r.fail(key, "each step must be a [date, value] pair");
      return series;
    }
    const auto d = date_of(r.doc(), *pair->get(0), path);
    const auto v = number_of(r.doc(), *pair->get(1), path, row.lo, row.hi);
    if (!d || !v) return series;
    const Week w = cal.week_of(*d);
    if (!cal.contains(w)) {
      r.fail_date(key,
                  "date " + d->iso() + " is outside the run (" + cal.date_of(cal.first()).iso() + " to " +
                      Date{cal.date_of(cal.end()).days - 1}.iso() + ")",
                  *d, false);
      return series;
    }
    if (!steps.empty() && w < steps.back().first) {
      r.fail(key, "steps must be in date order");
      return series;
    }
    steps.emplace_back(w, *v);
  }
  return step_path(cal, steps);
}

std::vector<double> read_group_values(Reader& r, std::string_view key, const AttributeSpec& at) {
  const schema::Key& row = r.row(key);
  std::vector<double> out(static_cast<std::size_t>(at.match_groups()), row.fallback);
  const toml::node* n = r.node(key);
  if (!n) return out;
  if (n->is_number()) {
    if (auto x = number_of(r.doc(), *n, r.path_of(key), row.lo, row.hi)) std::fill(out.begin(), out.end(), *x);
    return out;
  }
  auto names = at.match_group_names;
  names.push_back("default");
  const auto values = named_numbers(r, key, names, "match group");
  if (values.back()) std::fill(out.begin(), out.end(), *values.back());
  for (std::size_t g = 0; g < out.size(); ++g)
    if (values[g]) out[g] = *values[g];
  return out;
}

std::vector<WeekSeries> read_group_paths(Reader& r, std::string_view key, const Calendar& cal,
                                         const AttributeSpec& at) {
  const auto groups = static_cast<std::size_t>(at.match_groups());
  const toml::node* n = r.node(key);
  if (!n || !n->is_table()) return std::vector<WeekSeries>(groups, read_path(r, key, cal));
  const schema::Key& row = r.row(key);
  auto names = at.match_group_names;
  names.push_back("default");
  Reader t = r.table(key);
  for (const std::string& k : t.keys())
    if (index_in(names, k) == static_cast<int>(names.size())) t.fail(k, unknown_name("match group", k, names));
  const WeekSeries fallback = t.has("default") ? read_path(t, "default", cal, row)
                                               : WeekSeries(static_cast<std::size_t>(cal.total()), row.fallback);
  std::vector<WeekSeries> out(groups, fallback);
  for (std::size_t g = 0; g < groups; ++g)
    if (t.has(at.match_group_names[g])) out[g] = read_path(t, at.match_group_names[g], cal, row);
  return out;
}

PerState<bool> state_set(Reader& r, std::string_view key, bool fallback) {
  PerState<bool> out;
  out.fill(fallback);
  if (auto names = r.strings(key, state_names())) {
    out.fill(false);
    for (const auto& s : *names) out[static_cast<std::size_t>(index_in(state_names(), s))] = true;
  }
  return out;
}

std::vector<bool> group_set(Reader& r, std::string_view key, const AttributeSpec& at) {
  std::vector<bool> out(static_cast<std::size_t>(at.match_groups()), true);
  if (auto names = r.strings(key, at.match_group_names)) {
    std::fill(out.begin(), out.end(), false);
    for (const auto& g : *names) out[static_cast<std::size_t>(index_in(at.match_group_names, g))] = true;
  }
  return out;
}

std::optional<Week> week_in_run(Reader& r, std::string_view key, const Calendar& cal, bool reported_only) {
  const auto d = r.date(key);
  if (!d) return std::nullopt;
  const Week w = cal.week_of(*d);
  const Week lo = reported_only ? 0 : cal.first();
  if (w < lo || w >= cal.end()) {
    r.fail_date(key,
                "date " + d->iso() + " is outside the " + std::string(reported_only ? "reported weeks" : "run") + " (" +
                    cal.date_of(lo).iso() + " to " + Date{cal.date_of(cal.end()).days - 1}.iso() + ")",
                *d, reported_only);
    return std::nullopt;
  }
  return w;
}

}  // namespace almpsim::io
