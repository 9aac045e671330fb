#include "almpsim/targets.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "almpsim/measures.hpp"
#include "almpsim/scenario.hpp"

namespace almpsim {

namespace {

/// Splits one RFC 4180 line (no embedded newlines).
std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t k = 0; k < line.size(); ++k) {
    const char c = line[k];
    if (quoted) {
      if (c == '"' && k + 1 < line.size() && line[k + 1] == '"')
        fields.back() += '"', ++k;
      else if (c == '"')
        quoted = false;
      else
        fields.back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

std::vector<std::string> split_names(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  for (std::string part; std::getline(ss, part, ';');)
    if (!part.empty()) out.push_back(part);
  return out;
}

const std::vector<std::string> kColumns = {"table",    "use",           "cohort",     "actor", "measure",
                                           "category", "states",        "activities", "value", "n",
                                           "source",   "base_excludes", "versus",     "se"};
// The optional columns come last, so that files written before they existed (and results
// that stored such files) still read: a header is the required columns and any of the rest.
constexpr std::size_t kBaseExcludes = 11, kVersus = 12, kSe = 13;
const std::size_t kRequiredColumns = kBaseExcludes;

bool is_header(const std::vector<std::string>& header) {
  return header.size() >= kRequiredColumns && header.size() <= kColumns.size() &&
         std::equal(header.begin(), header.end(), kColumns.begin());
}

/// A finite number and nothing else (no trailing text, no nan or inf).
double read_number(const std::string& text) {
  std::size_t used = 0;
  const double v = std::stod(text, &used);
  if (used != text.size() || !std::isfinite(v)) throw std::invalid_argument(text);
  return v;
}

void read_states(const std::string& text, PerState<bool>& states, const std::function<void(std::string)>& fail) {
  for (const auto& s : split_names(text)) {
    const auto idx = find_name(kStateNames, s);
    if (!idx)
      fail("unknown state '" + s + "'");
    else
      states[static_cast<std::size_t>(*idx)] = true;
  }
}
}  // namespace

std::vector<Target> read_targets(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ScenarioError({{path, 0, "", "cannot read the targets file"}});
  return parse_targets(in, path);
}

std::vector<Target> parse_targets(std::istream& in, const std::string& path) {
  std::vector<ScenarioIssue> issues;
  std::vector<Target> out;
  std::string line;
  std::getline(in, line);
  const auto header = split_csv(line);
  const std::size_t columns = is_header(header) ? header.size() : kRequiredColumns;
  if (!is_header(header))
    issues.push_back({path, 1, "", "expected the header " + [] {
                        std::string h;
                        for (const auto& c : kColumns) h += (h.empty() ? "" : ",") + c;
                        return h + " (the last " + std::to_string(kColumns.size() - kRequiredColumns) + " optional)";
                      }()});
  for (int number = 2; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    const auto f = split_csv(line);
    auto fail = [&](const std::string& column, const std::string& message) {
      issues.push_back({path, number, column, message});
    };
    if (f.size() < kRequiredColumns || f.size() > columns) {
      fail("", "expected " + std::to_string(columns) + " columns, found " + std::to_string(f.size()));
      continue;
    }
    Target t;
    t.line = number;
    t.table = f[0];
    if (f[1] != "fit" && f[1] != "check") fail("use", "expected fit or check, found '" + f[1] + "'");
    t.fit = f[1] == "fit";
    t.cohort = f[2];
    t.actor = f[3];
    t.measure = f[4];
    if (!is_target_measure(t.measure)) {
      std::string known;
      for (const std::string& m : target_measures()) known += (known.empty() ? "" : ", ") + m;
      fail("measure", "unknown measure '" + t.measure + "' (one of " + known + ")");
    }
    t.category = f[5];
    read_states(f[6], t.states, [&](const std::string& m) { fail("states", m); });
    const auto optional = [&](std::size_t k) { return k < f.size() ? f[k] : std::string(); };
    read_states(optional(kBaseExcludes), t.base_excludes, [&](const std::string& m) { fail("base_excludes", m); });
    t.versus = optional(kVersus);
    if (!t.versus.empty() && t.versus == t.actor) fail("versus", "an effect needs two different actors");
    if (f[7] == "any") {
      t.activities.fill(true);
    } else if (f[7] == "active") {
      t.activities.fill(true);
      t.activities[0] = false;
    } else {
      for (const auto& a : split_names(f[7])) {
        const auto idx = find_name(kActivityNames, a);
        if (!idx)
          fail("activities", "unknown activity '" + a + "'");
        else
          t.activities[static_cast<std::size_t>(*idx)] = true;
      }
    }
    const bool needs_states = t.measure == "status_share" || is_arm_count(t.measure);
    const bool needs_activities = needs_states || t.measure == "activity_weeks_share";
    bool any_state = false, any_activity = false;
    for (bool b : t.states) any_state = any_state || b;
    for (bool b : t.activities) any_activity = any_activity || b;
    t.simulated = (!needs_states || any_state) && (!needs_activities || any_activity);
    const auto read_column = [&](const std::string& column, const std::string& text, double& into) {
      try {
        into = read_number(text);
        return true;
      } catch (const std::exception&) {
        fail(column, "not a number");
        return false;
      }
    };
    read_column("value", f[8], t.value);
    if (!f[9].empty()) read_column("n", f[9], t.n);
    bool se_read = true;
    if (const std::string se = optional(kSe); !se.empty()) {
      se_read = read_column("se", se, t.se);
      if (se_read && t.se <= 0.0) {
        fail("se", "a standard error is positive");
        se_read = false;
      }
    }
    const auto* measure = find_cohort_measure(t.measure);
    const bool error_needed = !t.versus.empty() || (measure && measure->target_error == TargetError::published);
    if (se_read && error_needed && t.se <= 0.0)
      fail("se", t.versus.empty() ? "'" + t.measure + "' has no default error: give the published standard error"
                                  : "an effect needs its published standard error");
    t.source = f[10];
    out.push_back(std::move(t));
  }
  if (!issues.empty()) throw ScenarioError(std::move(issues));
  return out;
}

}  // namespace almpsim
