#include "controls.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include "almpsim/schema.hpp"

namespace almpsim::serve {

namespace {

/// A control and the overrides each of its values means.
struct Lever {
  Control control;
  std::function<std::vector<std::string>(double)> overrides;
};

std::string format_number(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

std::string date_text(const toml::date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

/// A number, or a path [[date, number], ...], read off the scenario, so that a lever owns what
/// it scales and needs no parsed document.
struct Path {
  std::optional<double> number;
  std::vector<std::pair<std::string, double>> points;  ///< (date, value)

  static std::optional<Path> read(const toml::node& node) {
    if (const auto x = node.value<double>()) return Path{x, {}};
    const toml::array* path = node.as_array();
    if (!path) return std::nullopt;
    Path out;
    for (const toml::node& point : *path) {
      const toml::array* pair = point.as_array();
      if (!pair || pair->size() != 2) return std::nullopt;
      const auto date = (*pair)[0].value<toml::date>();
      const auto x = (*pair)[1].value<double>();
      if (!date || !x) return std::nullopt;
      out.points.emplace_back(date_text(*date), *x);
    }
    return out;
  }

  /// Every number times `factor`, as TOML text.
  std::string times(double factor) const {
    if (number) return format_number(*number * factor);
    std::string out = "[";
    for (const auto& [date, x] : points)
      out += (out.size() > 1 ? ", [" : "[") + date + ", " + format_number(x * factor) + "]";
    return out + "]";
  }
};

/// A key's default where the scenario leaves it out, as the scenario reader takes it.
double schema_default(std::string_view key) {
  return schema::at(key).fallback;
}

/// A key part as TOML writes it: bare where it can be, quoted otherwise.
std::string key_part(const std::string& name) {
  const bool bare = !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '_' || c == '-';
  });
  if (bare) return name;
  std::string quoted = "\"";
  for (const char c : name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

std::string actor_key(const std::string& actor, const std::string& rest) {
  return "actors." + key_part(actor) + "." + rest;
}

void add_delay(std::vector<Lever>& out, const std::string& actor, const toml::table& a) {
  const toml::table* immediate = a["immediate_activation"].as_table();
  if (!immediate || !(*immediate)["enabled"].value_or(true)) return;  // the schema's default: enabled
  const double delay =
      (*immediate)["delay_weeks"].value_or(schema_default("actors.*.immediate_activation.delay_weeks"));
  out.push_back({{"immediate_activation_delay:" + actor, actor, "immediate activation: weeks from registration",
                  "weeks", 0, std::max(26.0, delay), 1, delay},
                 [=](double v) {
                   return std::vector<std::string>{actor_key(actor, "immediate_activation.delay_weeks=") +
                                                   format_number(std::round(v))};
                 }});
}

/// The company-placement share of the job-ready's activation (of all activation where the mix
/// is not by match group); the other programmes keep their proportions.
void add_company_share(std::vector<Lever>& out, const std::string& actor, const toml::table& a) {
  const toml::table* mix = a["activation_mix"].as_table();
  if (!mix || mix->empty()) return;
  std::string key = "activation_mix";
  if (mix->begin()->second.is_table()) {
    const auto group = mix->contains("job_ready") ? std::string("job_ready") : std::string(mix->begin()->first.str());
    key += "." + key_part(group);
    mix = (*mix)[group].as_table();
    if (!mix) return;
  }
  std::map<std::string, double> shares;
  double total = 0;
  for (const auto& [name, value] : *mix) {
    shares[std::string(name.str())] = value.value_or(0.0);
    total += value.value_or(0.0);
  }
  const double company = shares["company_internship"];
  if (!(total > 0)) return;
  out.push_back({{"company_share:" + actor, actor,
                  "company placement: share of activation" + std::string(key == "activation_mix" ? "" : " (job-ready)"),
                  "%", 0, 100, 5, 100 * company / total},
                 [=](double v) {
                   const double want = v / 100 * total, rest = total - company;
                   std::map<std::string, double> moved = shares;
                   for (auto& [name, x] : moved) x = rest > 0 ? x / rest * (total - want) : 0.0;
                   moved["company_internship"] = want;
                   // Without other programmes, the rest goes to in-house projects.
                   if (!(rest > 0)) moved["inhouse_project"] = total - want;
                   std::string table;
                   for (const auto& [name, x] : moved)
                     table += (table.empty() ? "{" : ", ") + name + " = " + format_number(x);
                   return std::vector<std::string>{actor_key(actor, key + "=") + table + "}"};
                 }});
}

void add_company_contact(std::vector<Lever>& out, const std::string& actor, const toml::table& a) {
  const toml::node* contact = a.get("company_contact");
  const std::optional<Path> path =
      contact ? Path::read(*contact) : Path{schema_default("actors.*.company_contact"), {}};
  if (!path) return;
  out.push_back(
      {{"company_contact:" + actor, actor, "company contact: times the scenario's", "\u00d7", 0, 3, 0.05, 1},
       [=](double v) { return std::vector<std::string>{actor_key(actor, "company_contact=") + path->times(v)}; }});
}

void add_caseworkers(std::vector<Lever>& out, const std::string& actor, const toml::table& a) {
  const toml::table* staff = a["caseworkers"].as_table();
  if (!staff || staff->empty()) return;
  std::vector<std::pair<std::string, Path>> teams;
  for (const auto& [state, node] : *staff)
    if (const auto path = Path::read(node)) teams.emplace_back(std::string(state.str()), *path);
  if (teams.empty()) return;
  out.push_back({{"caseworkers:" + actor, actor, "caseworkers: times the scenario's (the caseload falls as they rise)",
                  "\u00d7", 0.25, 3, 0.05, 1},
                 [=](double v) {
                   std::vector<std::string> sets;
                   for (const auto& [state, path] : teams)
                     sets.push_back(actor_key(actor, "caseworkers." + key_part(state) + "=") + path.times(v));
                   return sets;
                 }});
}

/// A shock's size: 0 is no shock, 1 the scenario's, 2 twice its departure from normal.
void add_shock(std::vector<Lever>& out, const toml::table& shock) {
  const std::string name = shock["name"].value_or(std::string());
  const double job_finding = shock["job_finding"].value_or(schema_default("shocks.*.job_finding")),
               inflow = shock["inflow"].value_or(schema_default("shocks.*.inflow"));
  if (name.empty() || (job_finding == 1 && inflow == 1)) return;
  // A multiplier of 0 shuts a flow (a trial's intake closing): a switch, not a size to scale.
  if (job_finding == 0 || inflow == 0) return;
  out.push_back(
      {{"shock_size:" + name, "", "shock " + name + ": size (0 none, 1 the scenario's)", "\u00d7", 0, 2, 0.1, 1},
       [=](double v) {
         const std::string key = "shocks." + key_part(name) + ".";
         return std::vector<std::string>{key + "job_finding=" + format_number(std::max(0.0, 1 + v * (job_finding - 1))),
                                         key + "inflow=" + format_number(std::max(0.0, 1 + v * (inflow - 1)))};
       }});
}

/// The levers of a parsed scenario; each owns what its overrides need.
std::vector<Lever> levers(const toml::table& doc) {
  std::vector<Lever> out;
  if (const toml::array* actors = doc["actors"].as_array())
    for (const toml::node& node : *actors) {
      const toml::table* a = node.as_table();
      if (!a) continue;
      const std::string name = (*a)["name"].value_or(std::string());
      add_delay(out, name, *a);
      add_company_share(out, name, *a);
      add_company_contact(out, name, *a);
      add_caseworkers(out, name, *a);
    }
  if (const toml::array* shocks = doc["shocks"].as_array())
    for (const toml::node& node : *shocks)
      if (const toml::table* s = node.as_table()) add_shock(out, *s);
  return out;
}

}  // namespace

std::vector<Control> teaching_controls(const std::string& resolved_text) {
  const toml::table doc = toml::parse(resolved_text);
  std::vector<Control> out;
  for (const Lever& l : levers(doc)) out.push_back(l.control);
  return out;
}

std::vector<std::string> control_overrides(const std::string& resolved_text,
                                           const std::map<std::string, double>& settings) {
  const toml::table doc = toml::parse(resolved_text);
  const std::vector<Lever> all = levers(doc);
  std::vector<std::string> out;
  for (const auto& [id, value] : settings) {
    const auto lever = std::find_if(all.begin(), all.end(), [&id = id](const Lever& l) { return l.control.id == id; });
    if (lever == all.end()) throw std::invalid_argument("no control " + id + " in this scenario");
    const Control& c = lever->control;
    if (!(value >= c.min && value <= c.max))
      throw std::invalid_argument(id + " = " + format_number(value) + ": outside " + format_number(c.min) + " to " +
                                  format_number(c.max));
    if (std::abs(value - c.value) <= 1e-9 * std::max(1.0, std::abs(c.value))) continue;  // as in the scenario
    for (std::string& set : lever->overrides(value)) out.push_back(std::move(set));
  }
  return out;
}

}  // namespace almpsim::serve
