// The key tables of scenarios/README.md, generated from the schema's rows.
#include <cmath>
#include <cstdio>
#include <string>

#include "almpsim/schema.hpp"

namespace almpsim::schema {

namespace {
struct Section {
  std::string_view prefix;  ///< rows under this dotted prefix ("" for top-level keys)
  std::string_view title;
  std::string_view intro;
};

// Order and prose of the generated part of scenarios/README.md.
constexpr Section kSections[] = {
    {"", "Run", ""},
    {"population", "[population]", ""},
    {"attributes", "[attributes]", ""},
    {"employability", "[employability]", ""},
    {"hazards.<from>.<to>", "[hazards.&lt;from&gt;.&lt;to&gt;]",
     "The weekly hazard from one state to another:\n"
     "`baseline[band] · exp(Σ log_effects + loading · employability) · (u/u_ref)^elasticity`,\n"
     "times shock, actor and programme multipliers on hazards into self_support."},
    {"transition_matrix", "[transition_matrix]",
     "Instead of hazards for the listed states: weekly transition probabilities, converted exactly\n"
     "into competing hazards (total `-ln P_ii`, split in proportion to `P_ij`)."},
    {"duration_limits.<state>", "[duration_limits.&lt;state&gt;]", ""},
    {"programmes.<programme>", "[programmes.&lt;programme&gt;]",
     "Values marked *per group* take a number or a table `{ <match group> = x, default = x }`."},
    {"actors.*", "[[actors]]",
     "Without `[[actors]]` one actor, `all`, serves everyone with no meetings. With several, one\n"
     "must have assignment rule `rest`. Values marked *per group* take a number or a table\n"
     "`{ <match group> = x, default = x }`; a *path per group* takes a path (a number, or [date, value]\n"
     "steps) in place of each number."},
    {"macro", "[macro]", ""},
    {"shocks.*", "[[shocks]]", ""},
    {"cohorts.*", "[[cohorts]]", "Cohort dates must lie in the reported weeks."},
    {"targets", "[targets]", ""},
    {"calibration", "[calibration]",
     "Used by `almpsim calibrate`, which minimises the sum over the `fit` targets of\n"
     "((simulated mean − published) / standard error)² (the sampling error of the published number;\n"
     "for shares at least one percentage point), with the same seed at every evaluation\n"
     "(common random numbers), plus ((value − mean) / sd)² for each free parameter's `prior`: the\n"
     "evidence from studies outside the tables, with its source. It writes a scenario that `extends`\n"
     "this one with the keys `--set` changed, the fitted values and a `[calibration.result]` record\n"
     "of the fit: both parts of the objective, each prior beside the fitted value, and the\n"
     "parameters left at a bound of their range (`at_bound`), which are where the optimiser stopped\n"
     "unless the evidence puts them there."},
    {"sweep", "[sweep]",
     "The points `almpsim sweep` runs. Command-line `--vary key=v1,v2,...` adds grid axes (or\n"
     "replaces the axis with the same key); `--set` changes the scenario at every point. Every\n"
     "point is checked before the first one runs."},
    {"power", "[power]", "Defaults for `almpsim power`; its options override them."},
};

bool under(std::string_view name, std::string_view prefix) {
  if (prefix.empty()) return name.find('.') == std::string_view::npos;
  return name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0 && name[prefix.size()] == '.';
}

// The section a row is listed in: the one with the longest prefix it falls under.
const Section* section_of(const Key& key) {
  const Section* best = nullptr;
  for (const Section& s : kSections) {
    const bool fits = s.prefix.empty() ? key.name.find('.') == std::string_view::npos : under(key.name, s.prefix);
    if (fits && (!best || s.prefix.size() > best->prefix.size())) best = &s;
  }
  return best;
}

bool structural(const Key& key) {
  return key.meaning.empty() &&
         (key.type == "table" || key.type == "array of tables" || key.type == "shares" || key.type == "");
}

// How `extends` merges the section's own table, in a sentence.
std::string section_merge(const Section& s) {
  if (s.prefix.empty()) return "";
  std::string table(s.prefix);
  if (table.size() > 2 && table.compare(table.size() - 2, 2, ".*") == 0) table.resize(table.size() - 2);
  const Key* row = nullptr;
  for (const Key& k : keys())
    if (k.name == table) row = &k;
  if (!row) return "";
  switch (row->merge) {
    case Merge::keys:
      return "Under `extends` and overrides this table is merged key by key.";
    case Merge::whole:
      return "Under `extends` and overrides this table is replaced whole.";
    case Merge::by_name:
      return "Under `extends` and overrides entries are merged by `name`.";
    default:
      return "";
  }
}

std::string number_text(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  std::string s = buf;
  // 1e+09 -> 1e9, 1e-06 -> 1e-6
  if (const auto e = s.find('e'); e != std::string::npos) {
    std::string mantissa = s.substr(0, e), exponent = s.substr(e + 1);
    const bool negative = exponent[0] == '-';
    exponent = exponent.substr(1);
    exponent.erase(0, exponent.find_first_not_of('0'));
    s = mantissa + "e" + (negative ? "-" : "") + exponent;
  }
  return s;
}

std::string range_text(const Key& k) {
  const bool has_lo = std::isfinite(k.lo), has_hi = std::isfinite(k.hi) && k.hi < 1e18;
  if (has_lo && has_hi) return number_text(k.lo) + " to " + number_text(k.hi);
  if (has_lo) return "≥ " + number_text(k.lo);
  if (has_hi) return "≤ " + number_text(k.hi);
  return "";
}

std::string type_text(const Key& k) {
  std::string t(k.type);
  if (!k.choices.empty()) {
    t = "";
    for (const std::string& c : choices_of(k)) t += (t.empty() ? "" : ", ") + c;
  }
  switch (k.merge) {
    case Merge::keys:
      return t + "; merged key by key";
    case Merge::whole:
      return t + "; replaced whole";
    case Merge::by_name:
      return t + "; merged by `name`";
    case Merge::per_group:
      return t + "; merged group by group (a single mix is replaced whole)";
    case Merge::value:
      break;
  }
  return t;
}

std::string default_text(const Key& k) {
  if (!k.default_text.empty()) return std::string(k.default_text);
  if (!std::isnan(k.fallback)) return number_text(k.fallback);
  return "—";
}

std::string cell(std::string text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}
}  // namespace

std::string markdown() {
  std::string out;
  for (const Section& s : kSections) {
    out += "## " + std::string(s.title) + "\n\n";
    if (!s.intro.empty()) out += std::string(s.intro) + "\n\n";
    if (const std::string merge = section_merge(s); !merge.empty()) out += merge + "\n\n";
    out += "| key | type | range | default | unit | meaning |\n|---|---|---|---|---|---|\n";
    for (const Key& k : keys()) {
      if (section_of(k) != &s || structural(k)) continue;
      const std::string_view shown = s.prefix.empty() ? k.name : k.name.substr(s.prefix.size() + 1);
      out += "| `" + std::string(shown) + "` | " + cell(type_text(k)) + " | " + range_text(k) + " | " +
             cell(default_text(k)) + " | " + std::string(k.unit) + " | " + std::string(k.meaning) + " |\n";
    }
    out += "\n";
  }
  out.pop_back();
  return out;
}

std::string listing() {
  std::string out;
  for (const Key& k : keys()) {
    if (structural(k)) continue;
    std::string line = std::string(k.name) + "  " + type_text(k);
    if (const std::string range = range_text(k); !range.empty()) line += "  " + range;
    line += "  default: " + default_text(k);
    if (!k.unit.empty()) line += "  (" + std::string(k.unit) + ")";
    out += line + "\n";
  }
  return out;
}

}  // namespace almpsim::schema
