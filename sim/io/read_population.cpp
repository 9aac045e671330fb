// The run, attributes, employability and the initial population.
#include "almpsim/employability.hpp"
#include "params_builder.hpp"
#include "scenario_values.hpp"
#include "toml_text.hpp"

namespace almpsim::io {

/// Returns whether the calendar is usable.
bool ParamsBuilder::read_run() {
  p_.name = top_.string("name", "");
  p_.description = top_.string("description", "");
  p_.currency = top_.string("currency", "DKK");
  if (const auto year = top_.optional_integer("price_year")) p_.price_year = static_cast<int>(*year);
  const auto start = top_.date("start");
  if (!start && !top_.has("start")) top_.fail("start", "missing: the date of week 0 (YYYY-MM-DD)");
  if (start) p_.calendar.start = *start;
  // Weeks are stored in 16 bits per citizen: runs, burn-in and birth weeks must fit.
  const auto weeks = top_.optional_integer("weeks");
  if (!weeks && !top_.has("weeks")) top_.fail("weeks", "missing: the number of reported weeks");
  p_.calendar.weeks = static_cast<int>(weeks.value_or(1));
  p_.calendar.burn_in = top_.integer("burn_in_weeks");
  p_.run.replications = top_.integer("replications");
  p_.run.seed = static_cast<std::uint64_t>(
      top_.optional_integer("seed").value_or(static_cast<long long>(top_.row("seed").fallback)));
  return start && weeks;
}

void ParamsBuilder::read_mix(Reader& r, AttributeMix& mix) {
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

void ParamsBuilder::read_match_groups(Reader& r) {
  AttributeSpec& at = p_.attributes;
  at.match_group_names = {"job_ready", "not_job_ready"};
  at.match_group_of = {1, 0, 0, 0, 1, 1};
  if (!r.has("match_groups")) return;
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
      if (const auto* x = item.as_integer(); x && x->get() >= 1 && x->get() <= 5) level = static_cast<int>(x->get());
      if (item.is_string() && *item.value<std::string>() == "none") level = 0;
      if (level < 0) {
        g.fail(name, inline_toml(item) + " is not a match category: they are 1-5 (integers) or \"none\"");
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

void ParamsBuilder::read_attributes() {
  Reader r = top_.table("attributes");
  AttributeSpec& at = p_.attributes;
  at.age_band_edges = {16, 67};
  if (const toml::node* n = r.node("age_bands")) {
    const schema::Key& row = r.row("age_bands");
    const auto* arr = n->as_array();
    std::vector<int> edges;
    bool ok = arr && arr->size() >= 2;
    if (arr)
      for (const auto& e : *arr) {
        const auto* x = e.as_integer();
        if (!x || x->get() < row.lo || x->get() > row.hi)
          ok = false;
        else
          edges.push_back(static_cast<int>(x->get()));
      }
    for (std::size_t k = 1; ok && k < edges.size(); ++k) ok = edges[k] > edges[k - 1];
    if (ok)
      at.age_band_edges = edges;
    else
      r.fail("age_bands", "expected at least two increasing ages in years, e.g. [18, 30, 40, 50, 65]");
  }
  if (const auto pension = r.optional_integer("pension_age")) {
    at.pension_age = static_cast<int>(*pension);
    // Citizens are drawn with ages up to the last band edge and age during the run.
    const int oldest = at.age_band_edges.back();
    if (*at.pension_age < oldest)
      r.fail("pension_age", "is below the last age band edge (" + std::to_string(oldest) +
                                "), so citizens would enter already past it; end the bands at the pension age");
    else if ((*at.pension_age - oldest) * 365 > 7 * p_.calendar.total())
      r.fail("pension_age", "no one reaches it within the run (ages are drawn below " + std::to_string(oldest) +
                                "), so this would change nothing");
  }
  for (std::size_t b = 0; b + 1 < at.age_band_edges.size(); ++b)
    at.age_band_names.push_back(std::to_string(at.age_band_edges[b]) + "-" +
                                std::to_string(at.age_band_edges[b + 1] - 1));
  at.area_names = r.strings("areas").value_or(std::vector<std::string>{"all"});
  if (at.area_names.empty()) {
    r.fail("areas", "needs at least one area");
    at.area_names = {"all"};
  }
  if (at.area_names.size() > 255) r.fail("areas", "at most 255 areas");
  at.area_job_finding_sd = r.number("area_job_finding_sd");
  // Area names are keys of shares and of --set paths (attributes.area.<name>).
  for (const std::string& name : at.area_names)
    if (name.find('.') != std::string::npos) r.fail("areas", "a name cannot contain '.': '" + name + "'");
  read_match_groups(r);

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

void ParamsBuilder::read_employability() {
  Reader r = top_.table("employability");
  const double sd = r.number("sd");
  const int classes = static_cast<int>(r.optional_integer("classes").value_or(sd > 0 ? 5 : 1));
  auto& e = p_.employability;
  e.log_values = employability_classes(sd, classes);
  e.shares.assign(static_cast<std::size_t>(classes), 1.0 / classes);
}

void ParamsBuilder::read_population() {
  Reader r = top_.table("population");
  p_.population.size = r.optional_integer("size").value_or(0);
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
  const auto tilts = named_numbers(r, "employability_tilt", state_names(), "state");
  auto& e = p_.employability;
  for (int s = 0; s < kStates; ++s)
    e.initial_shares[static_cast<std::size_t>(s)] =
        tilted_shares(e.shares, e.log_values, tilts[static_cast<std::size_t>(s)].value_or(0.0));
  p_.population.split_exactly = r.boolean("split_exactly", false);
  // Table-1.2-style splits: the initial stock's share born on an odd day, by state.
  birth_day_share_given_ = r.has("odd_birth_day_share");
  const auto odd = named_numbers(r, "odd_birth_day_share", state_names(), "state");
  for (int s = 0; s < kStates; ++s)
    p_.population.odd_birth_day_share[static_cast<std::size_t>(s)] = odd[static_cast<std::size_t>(s)];
  const auto durations = named_numbers(r, "initial_duration_weeks", state_names(), "state");
  for (int s = 0; s < kStates; ++s)
    p_.population.initial_duration_mean_weeks[static_cast<std::size_t>(s)] =
        durations[static_cast<std::size_t>(s)].value_or(0.0);
}

}  // namespace almpsim::io
