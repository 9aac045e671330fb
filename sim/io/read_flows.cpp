// Flows between states: the macro path and shocks, the inflow, hazards or a transition matrix,
// and duration limits.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "almpsim/time_paths.hpp"
#include "params_builder.hpp"
#include "scenario_values.hpp"

namespace almpsim::io {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}

void ParamsBuilder::read_macro() {
  Reader r = top_.table("macro");
  const Calendar& cal = p_.calendar;
  const schema::Key& rate = r.row("unemployment_rate");
  WeekPoints points;
  if (const toml::node* n = r.node("unemployment_rate")) {
    if (n->is_number()) {
      if (auto x = number_of(doc_, *n, r.path_of("unemployment_rate"), rate.lo, rate.hi)) points.emplace_back(0, *x);
    } else if (const auto* arr = n->as_array(); arr && !arr->empty()) {
      for (const auto& item : *arr) {
        const auto* pair = item.as_array();
        if (!pair || pair->size() != 2) {
          r.fail("unemployment_rate", "each point must be a [date, rate] pair");
          break;
        }
        const auto d = date_of(doc_, *pair->get(0), r.path_of("unemployment_rate"));
        const auto v = number_of(doc_, *pair->get(1), r.path_of("unemployment_rate"), rate.lo, rate.hi);
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
  const double reference = r.optional_number("reference_rate").value_or(points.empty() ? 1.0 : points.front().second);
  p_.unemployment_ratio.assign(static_cast<std::size_t>(cal.total()), 1.0);
  if (!points.empty()) {
    p_.unemployment_ratio = linear_path(cal, points);
    for (double& u : p_.unemployment_ratio) u /= reference;
  }
  inflow_elasticity_ = named_numbers(r, "inflow_elasticity", state_names(), "state");
}

void ParamsBuilder::read_shocks() {
  const Calendar& cal = p_.calendar;
  for (auto& s : p_.shock_job_finding) s.assign(static_cast<std::size_t>(cal.total()), 1.0);
  for (auto& s : shock_inflow_) s.assign(static_cast<std::size_t>(cal.total()), 1.0);
  for_each_named_entry("shocks", "shock", false, [&](Reader& r, const std::string&) {
    const auto start = week_in_run(r, "start", cal, false);
    if (!start && !r.has("start")) r.fail("start", "missing: the date the shock begins");
    const int ramp = r.integer("ramp_weeks");
    const int length = r.integer("length_weeks");
    const int recovery = r.integer("recovery_weeks");
    const double job_finding = r.number("job_finding");
    const double inflow = r.number("inflow");
    const PerState<bool> states = state_set(r, "states", true);
    if (!start) return;
    for (Week w = cal.first(); w < cal.end(); ++w) {
      const double level = shock_level(w - *start, ramp, length, recovery);
      for (int s = 0; s < kStates; ++s) {
        if (!states[static_cast<std::size_t>(s)]) continue;
        const auto slot = static_cast<std::size_t>(cal.slot(w));
        p_.shock_job_finding[static_cast<std::size_t>(s)][slot] *= 1.0 + (job_finding - 1.0) * level;
        shock_inflow_[static_cast<std::size_t>(s)][slot] *= 1.0 + (inflow - 1.0) * level;
      }
    }
  });
}

void ParamsBuilder::read_inflow() {
  const auto rates = named_numbers(top_, "inflow", state_names(), "state");
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

void ParamsBuilder::read_effects(Reader& r, CovariateEffects& e) {
  e.age.assign(static_cast<std::size_t>(p_.attributes.age_bands()), 0.0);
  e.area.assign(p_.attributes.area_names.size(), 0.0);
  const schema::Key& row = r.row("log_effects");
  Reader t = r.table("log_effects");
  for (const std::string& key : t.keys()) {
    const auto colon = key.find(':');
    const std::string attr = key.substr(0, colon), level = colon == std::string::npos ? "" : key.substr(colon + 1);
    const auto value = number_of(doc_, *t.raw()->get(key), t.path_of(key), row.lo, row.hi);
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
    else if (attr == "area")
      set(e.area, p_.attributes.area_names);
    else
      t.fail(key, unknown_name("covariate", attr, {"sex", "origin", "age", "match", "sick_category", "area"}) +
                      "; effects are named attribute:level, e.g. \"sex:male\"");
  }
}

HazardSpec ParamsBuilder::read_hazard(Reader& r, int from, int to) {
  HazardSpec h;
  h.from = static_cast<State>(from);
  h.to = static_cast<State>(to);
  h.band_starts = {0};
  if (const toml::node* n = r.node("bands_weeks")) {
    const schema::Key& row = r.row("bands_weeks");
    const auto* arr = n->as_array();
    std::vector<int> starts;
    bool ok = arr && !arr->empty();
    if (arr)
      for (const auto& e : *arr) {
        const auto x = e.as_integer() ? std::optional<long long>(e.as_integer()->get()) : std::nullopt;
        if (!x || *x < row.lo || *x > row.hi)
          ok = false;
        else
          starts.push_back(static_cast<int>(*x));
      }
    ok = ok && starts.front() == 0;
    for (std::size_t k = 1; ok && k < starts.size(); ++k) ok = starts[k] > starts[k - 1];
    if (ok)
      h.band_starts = starts;
    else
      r.fail("bands_weeks", "expected increasing durations in weeks starting at 0, e.g. [0, 13, 26]");
  }
  if (const toml::node* n = r.node("baseline")) {
    const schema::Key& row = r.row("baseline");
    if (n->is_number()) {
      if (auto x = number_of(doc_, *n, r.path_of("baseline"), row.lo, row.hi)) h.baseline = {*x};
    } else if (const auto* arr = n->as_array()) {
      for (const auto& e : *arr)
        if (auto x = number_of(doc_, e, r.path_of("baseline"), row.lo, row.hi)) h.baseline.push_back(*x);
    } else {
      r.fail("baseline", "expected a weekly hazard or an array of them, one per band");
    }
    if (h.baseline.size() == 1 && h.band_starts.size() > 1) h.baseline.resize(h.band_starts.size(), h.baseline[0]);
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
      r.optional_number("employability_loading").value_or(to == index_of(State::self_support) ? 1.0 : 0.0);
  h.unemployment_elasticity = r.number("unemployment_elasticity");
  return h;
}

void ParamsBuilder::read_hazards() {
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
      p_.hazards.push_back(read_hazard(r, fi, ti));
    }
  });
}

void ParamsBuilder::read_transition_matrix() {
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
  const schema::Key& range = r.row("rows");
  for (std::size_t i = 0; i < order.size(); ++i) {
    const auto* row = rows->get(i)->as_array();
    const std::string where = "rows";
    if (!row || row->size() != order.size()) {
      r.fail(where, "row " + std::to_string(i + 1) + " must have " + std::to_string(order.size()) + " probabilities");
      return;
    }
    std::vector<double> p;
    for (const auto& e : *row)
      if (auto x = number_of(doc_, e, r.path_of(where), range.lo, range.hi)) p.push_back(*x);
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

void ParamsBuilder::note_hazard_moves() {
  for (const HazardSpec& h : p_.hazards) has_hazard_[index_of(h.from)][index_of(h.to)] = true;
}

bool ParamsBuilder::can_be_in(std::size_t s) const {
  const auto& inflow = p_.inflow_rate[s];
  return std::any_of(has_hazard_.begin(), has_hazard_.end(), [&](const PerState<bool>& to) { return to[s]; }) ||
         p_.population.state_shares[s] > 0 || std::any_of(inflow.begin(), inflow.end(), [](double x) { return x > 0; });
}

// Which moves out of a state job finding means; a state left out keeps the move into
// self-support. Each named move must have a hazard, since its multipliers act on that hazard.
void ParamsBuilder::read_job_finding_moves() {
  Reader all = top_.table("job_finding_moves");
  for_each_state_key(all, [&](int fi, const std::string& from) {
    const auto names = all.strings(from, state_names());
    if (!names) return;
    if (from == "self_support" || from == "exited") {
      all.fail(from, from + " is not a benefit state: no actor or programme acts on its moves");
      return;
    }
    if (names->empty()) {
      all.fail(from, "name at least one move (the default is [\"self_support\"])");
      return;
    }
    PerState<bool> moves{};
    for (const std::string& to : *names) {
      const int ti = index_in(state_names(), to);
      if (ti == fi)
        all.fail(from, "a state has no move to itself");
      else if (!has_hazard_[static_cast<std::size_t>(fi)][static_cast<std::size_t>(ti)])
        all.fail(from, "no hazard leads from " + from + " to " + to + ", so its multipliers would change nothing");
      moves[static_cast<std::size_t>(ti)] = true;
    }
    if (moves == default_job_finding_moves()[static_cast<std::size_t>(fi)])
      refuse_inert(all, from, "job_finding_moves", "names only self_support, which is the default");
    p_.job_finding_moves[static_cast<std::size_t>(fi)] = moves;
  });
}

void ParamsBuilder::read_duration_limits() {
  Reader all = top_.table("duration_limits");
  for_each_state_key(all, [&](int si, const std::string& state) {
    Reader r = all.table(state);
    DurationLimit& limit = p_.duration_limits[static_cast<std::size_t>(si)];
    limit.weeks = static_cast<int>(r.optional_integer("weeks").value_or(0));
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

}  // namespace almpsim::io
