// Builds the resolved Params from a scenario document: defaults, types, ranges, cross-field
// rules. The keys read here are the scenario schema; scenarios/README.md documents them.
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "almpsim/population.hpp"
#include "almpsim/scenario.hpp"
#include "scenario_reader.hpp"
#include "toml_text.hpp"

namespace almpsim {

namespace io {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kShareTolerance = 1e-6;

template <std::size_t N>
std::vector<std::string> names_of(const std::array<std::string_view, N>& names) {
  return {names.begin(), names.end()};
}
const std::vector<std::string>& state_names() {
  static const auto names = names_of(kStateNames);
  return names;
}
const std::vector<std::string>& activity_names() {
  static const auto names = names_of(kActivityNames);
  return names;
}

int index_in(const std::vector<std::string>& names, const std::string& s) {
  return static_cast<int>(std::find(names.begin(), names.end(), s) - names.begin());
}

std::string unknown_name(const std::string& what, const std::string& name, const std::vector<std::string>& names) {
  std::string m = "unknown " + what + " '" + name + "'";
  if (auto hint = did_you_mean(name, names)) m += " (did you mean '" + *hint + "'?)";
  return m;
}

/// A table {name = number} over a fixed set of names; absent names are nullopt.
std::vector<std::optional<double>> named_numbers(Reader& r, std::string_view key, const std::vector<std::string>& names,
                                                 double lo, double hi, const std::string& what) {
  std::vector<std::optional<double>> out(names.size());
  Reader t = r.table(key);
  for (const std::string& k : t.keys()) {
    const int idx = index_in(names, k);
    if (idx == static_cast<int>(names.size())) {
      t.fail(k, unknown_name(what, k, names));
      continue;
    }
    out[static_cast<std::size_t>(idx)] = number_of(r.doc(), *t.raw()->get(k), t.path_of(k), lo, hi);
  }
  return out;
}

/// Shares over names that must sum to one; nullopt when absent (or on error).
std::optional<std::vector<double>> named_shares(Reader& r, std::string_view key, const std::vector<std::string>& names,
                                                const std::string& what) {
  if (!r.has(key)) return std::nullopt;
  const std::size_t before = r.doc().issues.size();
  auto values = named_numbers(r, key, names, 0.0, 1.0, what);
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

/// A value that is a number, or a step path [[date, value], ...] over the run.
WeekSeries read_path(Reader& r, std::string_view key, double fallback, double lo, double hi, const Calendar& cal) {
  WeekSeries series(static_cast<std::size_t>(cal.total()), fallback);
  const toml::node* n = r.node(key);
  if (!n) return series;
  const std::string path = r.path_of(key);
  if (n->is_number()) {
    if (auto x = number_of(r.doc(), *n, path, lo, hi)) std::fill(series.begin(), series.end(), *x);
    return series;
  }
  const auto* arr = n->as_array();
  if (!arr || arr->empty()) {
    r.fail(key, "expected a number or an array of [date, value] pairs");
    return series;
  }
  std::vector<std::pair<Week, double>> steps;
  for (const auto& item : *arr) {
    const auto* pair = item.as_array();
    if (!pair || pair->size() != 2) {
      r.fail(key, "each step must be a [date, value] pair");
      return series;
    }
    const auto d = date_of(r.doc(), *pair->get(0), path);
    const auto v = number_of(r.doc(), *pair->get(1), path, lo, hi);
    if (!d || !v) return series;
    const Week w = cal.week_of(*d);
    if (!cal.contains(w)) {
      r.fail(key, "date " + d->iso() + " is outside the run (" + cal.date_of(cal.first()).iso() + " to " +
                      cal.date_of(cal.end()).iso() + ")");
      return series;
    }
    if (!steps.empty() && w < steps.back().first) {
      r.fail(key, "steps must be in date order");
      return series;
    }
    steps.emplace_back(w, *v);
  }
  for (Week w = cal.first(); w < cal.end(); ++w) {
    double value = steps.front().second;  // the first value also holds before its date
    for (const auto& [from, v] : steps)
      if (w >= from) value = v;
    series[static_cast<std::size_t>(cal.slot(w))] = value;
  }
  return series;
}

/// A number for every match group: a number, or {group = number, default = number}.
std::vector<double> read_group_values(Reader& r, std::string_view key, double fallback, double lo, double hi,
                                      const AttributeSpec& at) {
  std::vector<double> out(static_cast<std::size_t>(at.match_groups()), fallback);
  const toml::node* n = r.node(key);
  if (!n) return out;
  if (n->is_number()) {
    if (auto x = number_of(r.doc(), *n, r.path_of(key), lo, hi)) std::fill(out.begin(), out.end(), *x);
    return out;
  }
  auto names = at.match_group_names;
  names.push_back("default");
  const auto values = named_numbers(r, key, names, lo, hi, "match group");
  if (values.back()) std::fill(out.begin(), out.end(), *values.back());
  for (std::size_t g = 0; g < out.size(); ++g)
    if (values[g]) out[g] = *values[g];
  return out;
}

/// Calls fn(state, key) for each key of the reader's table that names a state; reports the others.
template <class Fn>
void for_each_state_key(Reader& r, Fn fn) {
  for (const std::string& key : r.keys()) {
    const int s = index_in(state_names(), key);
    if (s == kStates)
      r.fail(key, unknown_name("state", key, state_names()));
    else
      fn(s, key);
  }
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
    r.fail(key, "date " + d->iso() + " is outside the " + std::string(reported_only ? "reported weeks" : "run") + " (" +
                    cal.date_of(lo).iso() + " to " + cal.date_of(cal.end()).iso() + ")");
    return std::nullopt;
  }
  return w;
}

class ParamsBuilder {
 public:
  explicit ParamsBuilder(ScenarioDocument& doc) : doc_(doc), top_(doc, &doc.root, "") {}

  Params build() {
    if (!read_run()) {
      // Without a calendar no dates can be checked; still report unknown top-level keys.
      for (const char* section :
           {"population", "attributes", "employability", "macro", "shocks", "inflow", "hazards", "transition_matrix",
            "duration_limits", "programmes", "actors", "cohorts", "sweep", "power"})
        top_.node(section);
      return std::move(p_);
    }
    read_attributes();
    read_employability();
    read_population();
    read_macro();
    read_shocks();
    read_inflow();
    read_hazards();
    read_transition_matrix();
    read_duration_limits();
    read_programmes();
    read_actors();
    read_cohorts();
    read_targets_file();
    read_calibration();
    read_sweep();
    read_power();
    p_.on_benefit.fill(true);
    p_.on_benefit[index_of(State::self_support)] = false;
    p_.on_benefit[index_of(State::exited)] = false;
    return std::move(p_);
  }

 private:
  /// Returns whether the calendar is usable.
  bool read_run() {
    p_.name = top_.string("name", "");
    p_.description = top_.string("description", "");
    const auto start = top_.date("start");
    if (!start) {
      if (!top_.has("start")) top_.fail("start", "missing: the date of week 0 (YYYY-MM-DD)");
      return false;
    }
    p_.calendar.start = *start;
    // Weeks are stored in 16 bits per citizen: runs, burn-in and birth weeks must fit.
    const auto weeks = top_.integer("weeks", 1, 20000);
    if (!weeks && !top_.has("weeks")) top_.fail("weeks", "missing: the number of reported weeks");
    p_.calendar.weeks = static_cast<int>(weeks.value_or(1));
    p_.calendar.burn_in = top_.integer("burn_in_weeks", 0, 0, 10000);
    const bool usable = weeks.has_value();
    p_.replications = top_.integer("replications", 1, 1, 1000000);
    p_.seed = static_cast<std::uint64_t>(top_.integer("seed", 0, std::numeric_limits<long long>::max()).value_or(1));
    return usable;
  }

  void read_mix(Reader& r, AttributeMix& mix) {
    if (auto v = named_shares(r, "sex", names_of(kSexNames), "sex")) std::copy(v->begin(), v->end(), mix.sex.begin());
    if (auto v = named_shares(r, "origin", names_of(kOriginNames), "origin"))
      std::copy(v->begin(), v->end(), mix.origin.begin());
    if (auto v = named_shares(r, "age", p_.attributes.age_band_names, "age band")) mix.age = *v;
    if (auto v = named_shares(r, "match", names_of(kMatchNames), "match category"))
      std::copy(v->begin(), v->end(), mix.match.begin());
    if (auto v = named_shares(r, "sick_category", names_of(kSickNames), "sickness category"))
      std::copy(v->begin(), v->end(), mix.sick_category.begin());
    if (auto v = named_shares(r, "area", p_.attributes.area_names, "area")) mix.area = *v;
  }

  void read_attributes() {
    Reader r = top_.table("attributes");
    AttributeSpec& at = p_.attributes;
    at.age_band_edges = {16, 67};
    if (const toml::node* n = r.node("age_bands")) {
      const auto* arr = n->as_array();
      std::vector<int> edges;
      bool ok = arr && arr->size() >= 2;
      if (arr)
        for (const auto& e : *arr) {
          if (!e.is_integer() || *e.value<int>() < 0 || *e.value<int>() > 120)
            ok = false;
          else
            edges.push_back(*e.value<int>());
        }
      for (std::size_t k = 1; ok && k < edges.size(); ++k) ok = edges[k] > edges[k - 1];
      if (ok)
        at.age_band_edges = edges;
      else
        r.fail("age_bands", "expected at least two increasing ages in years, e.g. [18, 30, 40, 50, 65]");
    }
    for (std::size_t b = 0; b + 1 < at.age_band_edges.size(); ++b)
      at.age_band_names.push_back(std::to_string(at.age_band_edges[b]) + "-" +
                                  std::to_string(at.age_band_edges[b + 1] - 1));
    at.area_names = r.strings("areas").value_or(std::vector<std::string>{"all"});
    if (at.area_names.empty()) {
      r.fail("areas", "needs at least one area");
      at.area_names = {"all"};
    }

    at.match_group_names = {"job_ready", "not_job_ready"};
    at.match_group_of = {1, 0, 0, 0, 1, 1};
    if (r.has("match_groups")) {
      Reader g = r.table("match_groups");
      at.match_group_names.clear();
      std::array<int, kMatchLevels> owner;
      owner.fill(-1);
      for (const std::string& name : g.keys()) {
        const int gi = static_cast<int>(at.match_group_names.size());
        at.match_group_names.push_back(name);
        const auto* arr = g.raw()->get(name)->as_array();
        if (!arr) {
          g.fail(name, "expected an array of match categories (1-5 or \"none\")");
          continue;
        }
        for (const auto& item : *arr) {
          int level = -1;
          if (item.is_integer() && *item.value<int>() >= 1 && *item.value<int>() <= 5) level = *item.value<int>();
          if (item.is_string() && *item.value<std::string>() == "none") level = 0;
          if (level < 0) {
            g.fail(name, "match categories are 1-5 or \"none\"");
          } else if (owner[static_cast<std::size_t>(level)] >= 0) {
            g.fail(name,
                   "match category " + std::string(kMatchNames[static_cast<std::size_t>(level)]) + " is in two groups");
          } else {
            owner[static_cast<std::size_t>(level)] = gi;
          }
        }
      }
      for (int level = 0; level < kMatchLevels; ++level) {
        if (owner[static_cast<std::size_t>(level)] < 0) {
          r.fail("match_groups",
                 "match category " + std::string(kMatchNames[static_cast<std::size_t>(level)]) + " is in no group");
          owner[static_cast<std::size_t>(level)] = 0;
        }
        at.match_group_of[static_cast<std::size_t>(level)] =
            static_cast<std::uint8_t>(owner[static_cast<std::size_t>(level)]);
      }
      if (at.match_group_names.empty()) at.match_group_names = {"all"};
    }

    AttributeMix base;
    base.age.assign(static_cast<std::size_t>(at.age_bands()), 1.0 / at.age_bands());
    base.area.assign(at.area_names.size(), 0.0);
    base.area[0] = 1.0;
    read_mix(r, base);
    for (int s = 0; s < kStates; ++s) {
      at.mix[static_cast<std::size_t>(s)] = base;
      Reader sr = r.table(kStateNames[static_cast<std::size_t>(s)]);
      read_mix(sr, at.mix[static_cast<std::size_t>(s)]);
    }
  }

  void read_employability() {
    Reader r = top_.table("employability");
    const double sd = r.number("sd", 0.0, 0.0, 5.0);
    const int classes = r.integer("classes", sd > 0 ? 5 : 1, 1, 15);
    auto& e = p_.employability;
    e.log_values.assign(static_cast<std::size_t>(classes), 0.0);
    e.shares.assign(static_cast<std::size_t>(classes), 1.0 / classes);
    if (sd <= 0 || classes == 1) return;
    // Equal-probability classes, each at the conditional mean of N(0, sd) within its slice.
    const boost::math::normal_distribution<double> z;
    for (int k = 0; k < classes; ++k) {
      const double lo = k == 0 ? -kInf : boost::math::quantile(z, double(k) / classes);
      const double hi = k + 1 == classes ? kInf : boost::math::quantile(z, double(k + 1) / classes);
      const double phi_lo = std::isinf(lo) ? 0.0 : boost::math::pdf(z, lo);
      const double phi_hi = std::isinf(hi) ? 0.0 : boost::math::pdf(z, hi);
      e.log_values[static_cast<std::size_t>(k)] = sd * classes * (phi_lo - phi_hi);
    }
  }

  void read_population() {
    Reader r = top_.table("population");
    p_.population.size = r.integer("size", 0LL, 2000000000LL).value_or(0);
    auto shares = named_shares(r, "state_shares", state_names(), "state");
    if (shares)
      std::copy(shares->begin(), shares->end(), p_.population.state_shares.begin());
    else if (p_.population.size > 0 && !r.has("state_shares"))
      r.fail("state_shares", "missing: the share of the initial population in each state");
    // The initial stock may differ from the inflow (e.g. more long-term, less job-ready cases).
    AttributeSpec& at = p_.attributes;
    Reader initial = r.table("attributes");
    for (int s = 0; s < kStates; ++s) {
      at.initial_mix[static_cast<std::size_t>(s)] = at.mix[static_cast<std::size_t>(s)];
      Reader sr = initial.table(kStateNames[static_cast<std::size_t>(s)]);
      read_mix(sr, at.initial_mix[static_cast<std::size_t>(s)]);
    }
    // Length-biased stock: class weights times exp(-tilt * log multiplier); tilt 1 is the
    // stationary stock of spells whose exit hazard has unit employability loading.
    const auto tilts = named_numbers(r, "employability_tilt", state_names(), -10.0, 10.0, "state");
    auto& e = p_.employability;
    for (int s = 0; s < kStates; ++s)
      e.initial_shares[static_cast<std::size_t>(s)] =
          tilted_shares(e.shares, e.log_values, tilts[static_cast<std::size_t>(s)].value_or(0.0));
    // Table-1.2-style splits: the initial stock's share born on an odd day, by state.
    const auto odd = named_numbers(r, "odd_birth_day_share", state_names(), 0.0, 1.0, "state");
    for (int s = 0; s < kStates; ++s)
      p_.population.odd_birth_day_share[static_cast<std::size_t>(s)] = odd[static_cast<std::size_t>(s)].value_or(-1.0);
    const auto durations = named_numbers(r, "initial_duration_weeks", state_names(), 0.0, 5000.0, "state");
    for (int s = 0; s < kStates; ++s)
      p_.population.initial_duration_mean_weeks[static_cast<std::size_t>(s)] =
          durations[static_cast<std::size_t>(s)].value_or(0.0);
  }

  void read_macro() {
    Reader r = top_.table("macro");
    const Calendar& cal = p_.calendar;
    std::vector<std::pair<Week, double>> points;
    if (const toml::node* n = r.node("unemployment_rate")) {
      if (n->is_number()) {
        if (auto x = number_of(doc_, *n, r.path_of("unemployment_rate"), 1e-6, 1.0)) points.emplace_back(0, *x);
      } else if (const auto* arr = n->as_array(); arr && !arr->empty()) {
        for (const auto& item : *arr) {
          const auto* pair = item.as_array();
          if (!pair || pair->size() != 2) {
            r.fail("unemployment_rate", "each point must be a [date, rate] pair");
            break;
          }
          const auto d = date_of(doc_, *pair->get(0), r.path_of("unemployment_rate"));
          const auto v = number_of(doc_, *pair->get(1), r.path_of("unemployment_rate"), 1e-6, 1.0);
          if (!d || !v) break;
          if (!points.empty() && cal.week_of(*d) <= points.back().first) {
            r.fail("unemployment_rate", "points must be in increasing date order");
            break;
          }
          points.emplace_back(cal.week_of(*d), *v);
        }
      } else {
        r.fail("unemployment_rate", "expected a rate or an array of [date, rate] pairs");
      }
    }
    const double reference = r.number("reference_rate", points.empty() ? 1.0 : points.front().second, 1e-6, 1.0);
    p_.unemployment_ratio.assign(static_cast<std::size_t>(cal.total()), 1.0);
    if (!points.empty()) {
      // Linear between points, flat beyond the first and the last.
      for (Week w = cal.first(); w < cal.end(); ++w) {
        double u = points.front().second;
        if (w >= points.back().first) u = points.back().second;
        for (std::size_t k = 0; k + 1 < points.size(); ++k)
          if (w >= points[k].first && w < points[k + 1].first)
            u = points[k].second + (points[k + 1].second - points[k].second) * (w - points[k].first) /
                                       double(points[k + 1].first - points[k].first);
        p_.unemployment_ratio[static_cast<std::size_t>(cal.slot(w))] = u / reference;
      }
    }
    inflow_elasticity_ = named_numbers(r, "inflow_elasticity", state_names(), -20.0, 20.0, "state");
  }

  /// Calls fn(reader, name) for each [[key]] entry after checking that the entries are tables
  /// with unique names. Absent: nothing happens.
  template <class Fn>
  void for_each_named_entry(const std::string& key, const std::string& what, bool require_one, Fn fn) {
    const toml::node* n = top_.node(key);
    if (!n) return;
    const auto* arr = n->as_array();
    if (!arr || !arr->is_array_of_tables() || (require_one && arr->empty())) {
      top_.fail(key, require_one ? "expected one or more [[" + key + "]] tables" : "expected [[" + key + "]] tables");
      return;
    }
    std::set<std::string> names;
    for (const auto& item : *arr) {
      const auto* t = item.as_table();
      const std::string name = (*t)["name"].value<std::string>().value_or("");
      Reader r(doc_, t, key + "." + (name.empty() ? "?" : name));
      r.string("name", "");
      if (name.empty())
        r.fail("name", "every " + what + " needs a name");
      else if (!names.insert(name).second)
        r.fail("name", "two " + what + "s are named '" + name + "'");
      fn(r, name);
    }
  }

  void read_shocks() {
    const Calendar& cal = p_.calendar;
    for (auto& s : p_.shock_job_finding) s.assign(static_cast<std::size_t>(cal.total()), 1.0);
    for (auto& s : shock_inflow_) s.assign(static_cast<std::size_t>(cal.total()), 1.0);
    for_each_named_entry("shocks", "shock", false, [&](Reader& r, const std::string&) {
      const auto start = week_in_run(r, "start", cal, false);
      if (!start && !r.has("start")) r.fail("start", "missing: the date the shock begins");
      const int ramp = r.integer("ramp_weeks", 0, 0, 30000);
      const int length = r.integer("length_weeks", 0, 0, 30000);
      const int recovery = r.integer("recovery_weeks", 0, 0, 30000);
      const double job_finding = r.number("job_finding", 1.0, 0.0, 100.0);
      const double inflow = r.number("inflow", 1.0, 0.0, 100.0);
      const PerState<bool> states = state_set(r, "states", true);
      if (!start) return;
      for (Week w = cal.first(); w < cal.end(); ++w) {
        const double since = w - *start;
        double level = 0.0;
        if (since < 0)
          level = 0.0;
        else if (since < ramp)
          level = (since + 1) / double(ramp + 1);
        else if (since < ramp + length)
          level = 1.0;
        else if (since < ramp + length + recovery)
          level = 1.0 - (since - ramp - length + 1) / double(recovery + 1);
        for (int s = 0; s < kStates; ++s) {
          if (!states[static_cast<std::size_t>(s)]) continue;
          const auto slot = static_cast<std::size_t>(cal.slot(w));
          p_.shock_job_finding[static_cast<std::size_t>(s)][slot] *= 1.0 + (job_finding - 1.0) * level;
          shock_inflow_[static_cast<std::size_t>(s)][slot] *= 1.0 + (inflow - 1.0) * level;
        }
      }
    });
  }

  void read_inflow() {
    const auto rates = named_numbers(top_, "inflow", state_names(), 0.0, 1e7, "state");
    const Calendar& cal = p_.calendar;
    for (int s = 0; s < kStates; ++s) {
      const auto k = static_cast<std::size_t>(s);
      p_.inflow_rate[k].assign(static_cast<std::size_t>(cal.total()), 0.0);
      if (!rates[k] || *rates[k] == 0.0) continue;
      const double elasticity = inflow_elasticity_[k].value_or(0.0);
      for (std::size_t w = 0; w < p_.inflow_rate[k].size(); ++w)
        p_.inflow_rate[k][w] = *rates[k] * std::pow(p_.unemployment_ratio[w], elasticity) * shock_inflow_[k][w];
    }
  }

  void read_effects(Reader& r, CovariateEffects& e) {
    e.age.assign(static_cast<std::size_t>(p_.attributes.age_bands()), 0.0);
    Reader t = r.table("log_effects");
    for (const std::string& key : t.keys()) {
      const auto colon = key.find(':');
      const std::string attr = key.substr(0, colon), level = colon == std::string::npos ? "" : key.substr(colon + 1);
      const auto value = number_of(doc_, *t.raw()->get(key), t.path_of(key), -20.0, 20.0);
      auto set = [&](auto& arr, const std::vector<std::string>& levels) {
        const int idx = index_in(levels, level);
        if (idx == static_cast<int>(levels.size())) {
          t.fail(key, unknown_name(attr + " level", level, levels));
          return;
        }
        if (value) arr[static_cast<std::size_t>(idx)] = *value;
      };
      if (attr == "sex")
        set(e.sex, names_of(kSexNames));
      else if (attr == "origin")
        set(e.origin, names_of(kOriginNames));
      else if (attr == "age")
        set(e.age, p_.attributes.age_band_names);
      else if (attr == "match")
        set(e.match, names_of(kMatchNames));
      else if (attr == "sick_category")
        set(e.sick_category, names_of(kSickNames));
      else
        t.fail(key, unknown_name("covariate", attr, {"sex", "origin", "age", "match", "sick_category"}) +
                        "; effects are named attribute:level, e.g. \"sex:male\"");
    }
  }

  void read_hazards() {
    Reader all = top_.table("hazards");
    for_each_state_key(all, [&](int fi, const std::string& from) {
      Reader rf = all.table(from);
      for (const std::string& to : rf.keys()) {
        const int ti = index_in(state_names(), to);
        if (ti == kStates || ti == fi) {
          rf.fail(to, ti == fi ? "a state has no hazard to itself" : unknown_name("state", to, state_names()));
          continue;
        }
        Reader r = rf.table(to);
        HazardSpec h;
        h.from = static_cast<State>(fi);
        h.to = static_cast<State>(ti);
        h.band_starts = {0};
        if (const toml::node* n = r.node("bands_weeks")) {
          const auto* arr = n->as_array();
          std::vector<int> starts;
          bool ok = arr && !arr->empty();
          if (arr)
            for (const auto& e : *arr) {
              if (!e.is_integer() || *e.value<int>() < 0)
                ok = false;
              else
                starts.push_back(*e.value<int>());
            }
          ok = ok && starts.front() == 0;
          for (std::size_t k = 1; ok && k < starts.size(); ++k) ok = starts[k] > starts[k - 1];
          if (ok)
            h.band_starts = starts;
          else
            r.fail("bands_weeks", "expected increasing durations in weeks starting at 0, e.g. [0, 13, 26]");
        }
        if (const toml::node* n = r.node("baseline")) {
          if (n->is_number()) {
            if (auto x = number_of(doc_, *n, r.path_of("baseline"), 0.0, 50.0)) h.baseline = {*x};
          } else if (const auto* arr = n->as_array()) {
            for (const auto& e : *arr)
              if (auto x = number_of(doc_, e, r.path_of("baseline"), 0.0, 50.0)) h.baseline.push_back(*x);
          } else {
            r.fail("baseline", "expected a weekly hazard or an array of them, one per band");
          }
          if (h.baseline.size() == 1 && h.band_starts.size() > 1)
            h.baseline.resize(h.band_starts.size(), h.baseline[0]);
          if (!h.baseline.empty() && h.baseline.size() != h.band_starts.size()) {
            r.fail("baseline", "has " + std::to_string(h.baseline.size()) + " values for " +
                                   std::to_string(h.band_starts.size()) + " bands");
            h.baseline.clear();
          }
        } else {
          r.fail("baseline", "missing: the weekly hazard (per duration band)");
        }
        read_effects(r, h.effects);
        h.employability_loading =
            r.number("employability_loading", ti == index_of(State::self_support) ? 1.0 : 0.0, -10.0, 10.0);
        h.unemployment_elasticity = r.number("unemployment_elasticity", 0.0, -20.0, 20.0);
        p_.hazards.push_back(std::move(h));
      }
    });
  }

  void read_transition_matrix() {
    Reader r = top_.table("transition_matrix");
    if (!r.raw()) return;
    std::vector<std::string> order = state_names();
    if (auto s = r.strings("states", state_names())) order = *s;
    const toml::node* n = r.node("rows");
    const auto* rows = n ? n->as_array() : nullptr;
    if (!rows || rows->size() != order.size()) {
      r.fail("rows", "expected " + std::to_string(order.size()) + " rows, one per state");
      return;
    }
    for (std::size_t i = 0; i < order.size(); ++i) {
      const auto* row = rows->get(i)->as_array();
      const std::string where = "rows";
      if (!row || row->size() != order.size()) {
        r.fail(where, "row " + std::to_string(i + 1) + " must have " + std::to_string(order.size()) + " probabilities");
        return;
      }
      std::vector<double> p;
      for (const auto& e : *row)
        if (auto x = number_of(doc_, e, r.path_of(where), 0.0, 1.0)) p.push_back(*x);
      if (p.size() != order.size()) return;
      double sum = 0.0;
      for (double x : p) sum += x;
      if (std::abs(sum - 1.0) > 1e-9) {
        std::ostringstream m;
        m << "row " << i + 1 << " (" << order[i] << ") sums to " << sum << ", not 1";
        r.fail(where, m.str());
        continue;
      }
      const State from = static_cast<State>(index_in(state_names(), order[i]));
      for (const HazardSpec& h : p_.hazards)
        if (h.from == from) {
          r.fail(where, "state " + order[i] + " has hazards in [hazards] too; use one or the other");
          return;
        }
      // Competing hazards that reproduce the row exactly: total -ln(P_ii), split as P_ij.
      const double stay = p[i];
      if (stay >= 1.0) continue;
      const double total = stay <= 0.0 ? kInf : -std::log(stay);
      for (std::size_t j = 0; j < order.size(); ++j) {
        if (j == i || p[j] == 0.0) continue;
        HazardSpec h;
        h.from = from;
        h.to = static_cast<State>(index_in(state_names(), order[j]));
        h.band_starts = {0};
        h.baseline = {std::isinf(total) ? 1e300 * p[j] : total * p[j] / (1.0 - stay)};
        h.effects.age.assign(static_cast<std::size_t>(p_.attributes.age_bands()), 0.0);
        p_.hazards.push_back(std::move(h));
      }
    }
  }

  void read_duration_limits() {
    Reader all = top_.table("duration_limits");
    for_each_state_key(all, [&](int si, const std::string& state) {
      Reader r = all.table(state);
      DurationLimit& limit = p_.duration_limits[static_cast<std::size_t>(si)];
      limit.weeks = r.integer("weeks", 0, 1, 20000);
      if (!r.has("weeks")) r.fail("weeks", "missing: the spell length in weeks at which the case is reassessed");
      if (auto d = named_shares(r, "destinations", state_names(), "state")) {
        std::copy(d->begin(), d->end(), limit.destination_shares.begin());
        if (limit.destination_shares[static_cast<std::size_t>(si)] > 0)
          r.fail("destinations", "a reassessment must move the citizen out of " + state);
      } else if (!r.has("destinations")) {
        r.fail("destinations", "missing: where reassessed cases go, as shares");
      }
    });
  }

  void read_programmes() {
    Reader all = top_.table("programmes");
    std::vector<std::string> programme_names(activity_names().begin() + 1, activity_names().end());
    for (const std::string& name : all.keys())
      if (index_in(programme_names, name) == static_cast<int>(programme_names.size()))
        all.fail(name, unknown_name("programme", name, programme_names));
    for (int k = 1; k < kActivities; ++k) {
      const auto kind = static_cast<Activity>(k);
      Reader r = all.table(name_of(kind));
      ProgrammeSpec& p = p_.programmes[static_cast<std::size_t>(k)];
      p.length_weeks = r.integer("length_weeks", 13, 1, 520);
      p.wait_weeks = r.integer("wait_weeks", 0, 0, 520);
      p.lock_in = read_group_values(r, "lock_in", 1.0, 0.0, 100.0, p_.attributes);
      p.post_effect = read_group_values(r, "post_effect", 1.0, 1e-6, 100.0, p_.attributes);
      p.threat_effect = read_group_values(r, "threat_effect", 1.0, 0.0, 100.0, p_.attributes);
      p.post_decay_weeks = r.number("post_decay_weeks", 26.0, 0.0, 1040.0);
      p.cost_per_week = r.number("cost_per_week", 0.0, 0.0, 1e9);
      p.employer_linked =
          r.boolean("employer_linked", kind == Activity::company_internship || kind == Activity::wage_subsidy);
    }
    p_.programmes[0] = ProgrammeSpec{};
    for (auto* v : {&p_.programmes[0].lock_in, &p_.programmes[0].post_effect, &p_.programmes[0].threat_effect})
      v->assign(static_cast<std::size_t>(p_.attributes.match_groups()), 1.0);
  }

  void read_activation_mix(Reader& r, ActorSpec& a) {
    const AttributeSpec& at = p_.attributes;
    PerActivity<double> none{};
    none[0] = 1.0;
    a.activation_mix.assign(static_cast<std::size_t>(at.match_groups()), none);
    if (!r.has("activation_mix")) return;
    Reader t = r.table("activation_mix");
    if (!t.raw()) return;
    std::vector<std::string> programme_names(activity_names().begin() + 1, activity_names().end());
    auto read_one = [&](Reader& owner, const std::string& key) -> std::optional<PerActivity<double>> {
      auto shares = named_shares(owner, key, programme_names, "programme");
      if (!shares) return std::nullopt;
      PerActivity<double> mix{};
      for (std::size_t k = 0; k < programme_names.size(); ++k) mix[k + 1] = (*shares)[k];
      return mix;
    };
    const auto keys = t.keys();
    const bool by_group = !keys.empty() && index_in(at.match_group_names, keys.front()) < at.match_groups();
    if (!by_group) {
      if (auto mix = read_one(r, "activation_mix")) std::fill(a.activation_mix.begin(), a.activation_mix.end(), *mix);
      return;
    }
    for (const std::string& g : keys) {
      const int gi = index_in(at.match_group_names, g);
      if (gi == at.match_groups()) {
        t.fail(g, unknown_name("match group", g, at.match_group_names));
        continue;
      }
      if (auto mix = read_one(t, g)) a.activation_mix[static_cast<std::size_t>(gi)] = *mix;
    }
  }

  ActorSpec read_actor(Reader& r, const std::string& name) {
    const Calendar& cal = p_.calendar;
    ActorSpec a;
    a.name = name;
    {
      Reader as = r.table("assignment");
      const std::vector<std::string> rules = {"odd_birth_day", "even_birth_day", "random_share",
                                              "area",          "match_group",    "rest"};
      const std::string rule = as.string("rule", "rest");
      const int ri = index_in(rules, rule);
      if (ri == static_cast<int>(rules.size()))
        as.fail("rule", unknown_name("assignment rule", rule, rules));
      else
        a.assignment.kind = static_cast<AssignmentRule::Kind>(ri);
      a.assignment.share = as.number("share", 0.0, 0.0, 1.0);
      if (a.assignment.kind == AssignmentRule::Kind::random_share && !as.has("share"))
        as.fail("share", "missing: the share of citizens this actor serves");
      a.assignment.areas.assign(p_.attributes.area_names.size(), false);
      if (auto areas = as.strings("areas", p_.attributes.area_names))
        for (const auto& ar : *areas)
          a.assignment.areas[static_cast<std::size_t>(index_in(p_.attributes.area_names, ar))] = true;
      a.assignment.groups = group_set(as, "groups", p_.attributes);
      a.assignment.except_states = state_set(as, "except_states", false);
    }
    a.first_meeting_weeks = r.integer("first_meeting_weeks", 2, 0, 520);
    const auto intervals = named_numbers(r, "meeting_interval_weeks", state_names(), 0, 520, "state");
    for (int s = 0; s < kStates; ++s) {
      const auto& v = intervals[static_cast<std::size_t>(s)];
      if (v && *v != std::floor(*v)) r.fail("meeting_interval_weeks", "intervals are whole weeks");
      a.meeting_interval_weeks[static_cast<std::size_t>(s)] = static_cast<int>(v.value_or(0.0));
    }
    {
      Reader cw = r.table("caseworkers");
      for_each_state_key(cw, [&](int si, const std::string& team) {
        a.caseworkers[static_cast<std::size_t>(si)] = read_path(cw, team, 0.0, 0.0, 1e6, cal);
      });
    }
    a.meetings_per_caseworker_week = r.number("meetings_per_caseworker_week", 5.0, 1e-6, 1000.0);
    a.ramp_up.assign(static_cast<std::size_t>(cal.total()), 1.0);
    if (r.has("ramp_up")) {
      Reader ru = r.table("ramp_up");
      const double from = ru.number("from", 1.0, 0.0, 1.0);
      const int weeks = ru.integer("weeks", 0, 0, 30000);
      const Week start = ru.has("start") ? week_in_run(ru, "start", cal, false).value_or(0) : 0;
      for (Week w = cal.first(); w < cal.end(); ++w) {
        const double t = weeks == 0 ? 1.0 : std::clamp((w - start) / double(weeks), 0.0, 1.0);
        a.ramp_up[static_cast<std::size_t>(cal.slot(w))] = w < start ? from : from + (1.0 - from) * t;
      }
    }
    if (r.has("immediate_activation")) {
      Reader ia = r.table("immediate_activation");
      ImmediateActivation& i = a.immediate_activation;
      i.enabled = ia.boolean("enabled", true);
      i.states = state_set(ia, "states", false);
      if (!ia.has("states")) ia.fail("states", "missing: the benefit states whose new cases are activated at once");
      i.groups = group_set(ia, "groups", p_.attributes);
      i.delay_weeks = ia.integer("delay_weeks", 1, 0, 520);
      i.length_weeks = ia.integer("length_weeks", 3, 1, 520);
      i.follow_up_weeks = ia.integer("follow_up_weeks", -1, 0, 520);
      const std::string kind = ia.string("kind", "immediate_activation");
      const int ki = index_in(activity_names(), kind);
      if (ki <= 0 || ki == kActivities)
        ia.fail("kind", unknown_name("programme", kind, {activity_names().begin() + 1, activity_names().end()}));
      else
        i.kind = static_cast<Activity>(ki);
    }
    a.activation_probability = read_group_values(r, "activation_probability", 0.0, 0.0, 1.0, p_.attributes);
    read_activation_mix(r, a);
    a.company_contact = read_path(r, "company_contact", 1.0, 0.0, 100.0, cal);
    // One multiplier (or path) for all the actor's cases, or one per state.
    if (const toml::node* jf = r.node("job_finding"); jf && jf->is_table()) {
      for (auto& series : a.job_finding) series.assign(static_cast<std::size_t>(cal.total()), 1.0);
      Reader per_state = r.table("job_finding");
      for_each_state_key(per_state, [&](int s, const std::string& state) {
        a.job_finding[static_cast<std::size_t>(s)] = read_path(per_state, state, 1.0, 0.0, 100.0, cal);
      });
    } else {
      const WeekSeries all = read_path(r, "job_finding", 1.0, 0.0, 100.0, cal);
      a.job_finding.fill(all);
    }
    {
      Reader s = r.table("sanctions");
      a.sanctions.no_show = s.number("no_show", 0.0, 0.0, 1.0);
      a.sanctions.rate = s.number("rate", 0.0, 0.0, 1.0);
      a.sanctions.exit_share = s.number("exit_share", 0.0, 0.0, 1.0);
    }
    {
      Reader c = r.table("costs");
      a.costs.admin_per_case_week = c.number("admin_per_case_week", 0.0, 0.0, 1e9);
      a.costs.fixed_fee_per_case = c.number("fixed_fee_per_case", 0.0, 0.0, 1e9);
      a.costs.bonus_per_self_support = c.number("bonus_per_self_support", 0.0, 0.0, 1e9);
      a.costs.programme_cost_factor = c.number("programme_cost_factor", 1.0, 0.0, 100.0);
    }
    return a;
  }

  void read_actors() {
    const toml::node* n = top_.node("actors");
    if (!n) {
      Reader empty(doc_, nullptr, "actors.all");
      p_.actors.push_back(read_actor(empty, "all"));
      return;
    }
    if (n->is_array() && n->as_array()->size() > 250) top_.fail("actors", "at most 250 actors");
    for_each_named_entry("actors", "actor", true,
                         [&](Reader& r, const std::string& name) { p_.actors.push_back(read_actor(r, name)); });
    double shares = 0.0;
    bool has_rest = false;
    for (const ActorSpec& a : p_.actors) {
      if (a.assignment.kind == AssignmentRule::Kind::random_share) shares += a.assignment.share;
      has_rest = has_rest || a.assignment.kind == AssignmentRule::Kind::rest;
    }
    if (shares > 1.0 + kShareTolerance) top_.fail("actors", "random_share assignments add up to more than 1");
    if (p_.actors.size() > 1 && !has_rest)
      top_.fail("actors", "one actor needs assignment rule \"rest\" to serve the cases no other rule claims");
  }

  void read_calibration() {
    Reader r = top_.table("calibration");
    CalibrationSpec& c = p_.calibration;
    c.replications = r.integer("replications", 40, 1, 100000);
    c.max_evaluations = r.integer("max_evaluations", 300, 1, 1000000);
    c.algorithm = r.string("algorithm", "sbplx");
    if (c.algorithm != "sbplx" && c.algorithm != "neldermead" && c.algorithm != "bobyqa" && c.algorithm != "cobyla")
      r.fail("algorithm", "expected sbplx, neldermead, bobyqa or cobyla, found \"" + c.algorithm + "\"");
    r.table("result").keys();  // the record of a previous fit: informational
    const toml::node* n = r.node("free");
    if (!n) return;
    const auto* arr = n->as_array();
    if (!arr || !arr->is_array_of_tables()) {
      r.fail("free", "expected [[calibration.free]] tables with key and scale or range");
      return;
    }
    for (std::size_t k = 0; k < arr->size(); ++k) {
      Reader f(doc_, arr->get(k)->as_table(), r.path_of("free"));
      FreeParameter fp;
      fp.key = f.string("key", "");
      if (fp.key.empty()) f.fail("key", "missing: the scenario key to fit, e.g. \"inflow.cash_benefit\"");
      fp.index = f.integer("index", -1, 0, 1000);
      const bool scale = f.has("scale"), range = f.has("range");
      if (scale == range) {
        f.fail(scale ? "range" : "scale", "give either scale = [low, high] or range = [low, high]");
        continue;
      }
      fp.scale = scale;
      const toml::node* b = f.node(scale ? "scale" : "range");
      const auto* bounds = b->as_array();
      std::optional<double> lo, hi;
      if (bounds && bounds->size() == 2) {
        lo = number_of(doc_, *bounds->get(0), f.path_of(scale ? "scale" : "range"), -1e9, 1e9);
        hi = number_of(doc_, *bounds->get(1), f.path_of(scale ? "scale" : "range"), -1e9, 1e9);
      }
      if (!lo || !hi || *lo >= *hi || (scale && *lo <= 0)) {
        f.fail(scale ? "scale" : "range", "expected [low, high] with low < high (and low > 0 for a scale)");
        continue;
      }
      fp.lower = *lo;
      fp.upper = *hi;
      c.free.push_back(fp);
    }
  }

  void read_power() {
    Reader r = top_.table("power");
    PowerSpec& pw = p_.power;
    std::vector<std::string> actors;
    for (const ActorSpec& a : p_.actors) actors.push_back(a.name);
    if (auto arms = r.strings("arms", actors)) {
      if (arms->size() != 2 || (*arms)[0] == (*arms)[1])
        r.fail("arms", "expected two different actor names");
      else
        pw.arms = *arms;
    }
    pw.cohort = r.string("cohort", "");
    bool known = pw.cohort.empty();
    for (const CohortSpec& c : p_.cohorts) known = known || c.name == pw.cohort;
    if (!known) r.fail("cohort", "no cohort named '" + pw.cohort + "'");
    pw.alpha = r.number("alpha", 0.10, 1e-6, 0.5);
    if (const toml::node* n = r.node("sizes")) {
      const auto* arr = n->as_array();
      if (!arr || arr->empty()) r.fail("sizes", "expected a non-empty array of population factors, e.g. [0.5, 1, 2]");
      if (arr)
        for (const auto& item : *arr)
          if (auto x = number_of(doc_, item, r.path_of("sizes"), 1e-3, 1e3)) pw.sizes.push_back(*x);
    }
  }

  void read_sweep() {
    Reader r = top_.table("sweep");
    SweepSpec& sw = p_.sweep;
    const std::string design = r.string("design", "grid");
    if (design == "latin_hypercube")
      sw.design = SweepSpec::Design::latin_hypercube;
    else if (design != "grid")
      r.fail("design", "expected \"grid\" or \"latin_hypercube\", found \"" + design + "\"");
    const bool lhs = sw.design == SweepSpec::Design::latin_hypercube;
    sw.points = r.integer("points", 0, 1, 1000000);
    if (lhs && !r.has("points")) r.fail("points", "missing: the number of Latin hypercube points");
    if (!lhs && r.has("points")) r.fail("points", "a grid has one point per combination of values; remove points");
    sw.seed = static_cast<std::uint64_t>(r.integer("seed", 1, 0, std::numeric_limits<long long>::max()));
    const toml::node* n = r.node("vary");
    if (!n) return;
    const auto* arr = n->as_array();
    if (!arr || !arr->is_array_of_tables()) {
      r.fail("vary", "expected [[sweep.vary]] tables with key and values (grid) or range (latin_hypercube)");
      return;
    }
    for (std::size_t k = 0; k < arr->size(); ++k) {
      Reader v(doc_, arr->get(k)->as_table(), r.path_of("vary") + "." + std::to_string(k));
      SweepAxis axis;
      axis.key = v.string("key", "");
      if (axis.key.empty()) v.fail("key", "missing: the scenario key to vary, e.g. \"inflow.cash_benefit\"");
      for (const SweepAxis& other : sw.axes)
        if (other.key == axis.key && !axis.key.empty()) v.fail("key", "varied twice: " + axis.key);
      if (!lhs && v.node("range"))
        v.fail("range", "a grid lists values; a range belongs to design = \"latin_hypercube\"");
      if (lhs && v.node("values")) v.fail("values", "a Latin hypercube draws from a range; values belong to a grid");
      if (!lhs) {
        const toml::node* values = v.node("values");
        const auto* list = values ? values->as_array() : nullptr;
        if (!list || list->empty()) {
          v.fail("values", "expected a non-empty array of the values to run");
          continue;
        }
        for (const auto& item : *list) axis.values.push_back(inline_toml(item));
      } else {
        const toml::node* b = v.node("range");
        const auto* bounds = b ? b->as_array() : nullptr;
        std::optional<double> lo, hi;
        if (bounds && bounds->size() == 2) {
          lo = number_of(doc_, *bounds->get(0), v.path_of("range"), -1e12, 1e12);
          hi = number_of(doc_, *bounds->get(1), v.path_of("range"), -1e12, 1e12);
        }
        if (!lo || !hi || *lo >= *hi) {
          v.fail("range", "expected [low, high] with low < high");
          continue;
        }
        axis.lower = *lo;
        axis.upper = *hi;
        axis.whole_numbers = bounds->get(0)->is_integer() && bounds->get(1)->is_integer();
      }
      sw.axes.push_back(std::move(axis));
    }
  }

  void read_targets_file() {
    Reader r = top_.table("targets");
    const std::string file = r.string("file", "");
    if (file.empty()) return;
    const Location at = doc_.locate(r.path_of("file"));
    const std::filesystem::path path = std::filesystem::path(at.file).parent_path() / file;
    if (!std::filesystem::exists(path))
      r.fail("file", "no such file: " + path.string());
    else
      p_.targets_file = path.string();
  }

  void read_cohorts() {
    const Calendar& cal = p_.calendar;
    for_each_named_entry("cohorts", "cohort", false, [&](Reader& r, const std::string& name) {
      CohortSpec c;
      c.name = name;
      if (name.find_first_of("/. ") != std::string::npos)
        r.fail("name", "a cohort name cannot contain '/', '.' or spaces");
      const std::string kind = r.string("kind", "stock");
      if (kind == "inflow")
        c.kind = CohortSpec::Kind::inflow;
      else if (kind == "period")
        c.kind = CohortSpec::Kind::period;
      else if (kind != "stock")
        r.fail("kind", "expected \"stock\", \"inflow\" or \"period\", found \"" + kind + "\"");
      c.states = state_set(r, "states", false);
      if (!r.has("states")) r.fail("states", "missing: the benefit states that define the cohort");
      const auto measure = week_in_run(r, "measure_at", cal, true);
      if (!measure && !r.has("measure_at")) r.fail("measure_at", "missing: the date at which outcomes are measured");
      c.measure_at = measure.value_or(0);
      Week begins = 0;
      if (c.kind == CohortSpec::Kind::stock) {
        const auto at = week_in_run(r, "at", cal, true);
        if (!at && !r.has("at")) r.fail("at", "missing: the date at which the stock is taken");
        c.at = begins = at.value_or(0);
        if (at && measure && *at > *measure) r.fail("at", "the stock is taken after it is measured");
      } else {
        const auto from = week_in_run(r, "from", cal, true);
        const auto to = week_in_run(r, "to", cal, true);
        if (!from && !r.has("from")) r.fail("from", "missing: the first date of the window");
        if (!to && !r.has("to")) r.fail("to", "missing: the last date of the window");
        c.from = begins = from.value_or(0);
        c.to = to.value_or(0);
        if (from && to && *from > *to) r.fail("to", "the window ends before it begins");
        if (to && measure && *to > *measure) r.fail("to", "the window ends after the measurement date");
        if (c.kind == CohortSpec::Kind::inflow) c.exclude_stock = r.boolean("exclude_stock", true);
      }
      c.survival_weeks = r.integer("survival_weeks", std::max(1, c.measure_at - begins), 1, 30000);
      p_.cohorts.push_back(std::move(c));
    });
  }

  ScenarioDocument& doc_;
  Reader top_;
  Params p_;
  std::vector<std::optional<double>> inflow_elasticity_ = std::vector<std::optional<double>>(kStates);
  PerState<WeekSeries> shock_inflow_;
};

}  // namespace
}  // namespace io

LoadedScenario load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
  io::ScenarioDocument doc = io::load_document(path, overrides);
  LoadedScenario out;
  if (doc.issues.empty()) {
    {
      io::ParamsBuilder builder(doc);
      out.params = builder.build();
    }  // readers report unknown keys when they go out of scope
    out.resolved_text = io::document_text(doc.root);
    out.notes = doc.notes;
  }
  if (!doc.issues.empty()) {
    std::stable_sort(doc.issues.begin(), doc.issues.end(), [](const ScenarioIssue& a, const ScenarioIssue& b) {
      return a.file != b.file ? a.file < b.file : a.line < b.line;
    });
    throw ScenarioError(std::move(doc.issues));
  }
  if (out.params.name.empty()) {
    std::string stem = path.substr(path.find_last_of('/') + 1);
    out.params.name = stem.substr(0, stem.rfind('.'));
  }
  return out;
}

std::vector<double> scenario_numbers(const std::string& path, const std::vector<std::string>& overrides,
                                     const std::string& key) {
  io::ScenarioDocument doc = io::load_document(path, overrides);
  if (!doc.issues.empty()) throw ScenarioError(std::move(doc.issues));
  const toml::node* node = io::find_key(doc.root, io::split_key(key));
  std::vector<double> out;
  if (node && node->is_number()) out.push_back(*node->value<double>());
  if (const auto* arr = node ? node->as_array() : nullptr)
    for (const auto& item : *arr)
      if (item.is_number()) out.push_back(*item.value<double>());
  if (out.empty()) throw ScenarioError({{path, 0, key, "calibration needs a number or an array of numbers here"}});
  return out;
}

}  // namespace almpsim
