#include "published_rows.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

namespace almpsim::report {

PublishedComparison compare_with_published(const StoredRun& run) {
  PublishedComparison out;
  if (!run.targets_csv.empty()) {
    std::istringstream csv(run.targets_csv);
    out.targets = parse_targets(csv, run.targets_file);
  }
  const OutcomeNames names{run.cohort_names, run.actors, run.controls};
  for (const Target& t : out.targets) {
    std::vector<double> values;
    for (const auto& rep : run.cohorts) values.push_back(simulated_value(t, names, rep));
    const Summary s = summarise(values);
    out.rows.push_back({&t, s, t.simulated && (t.value < s.q05 || t.value > s.q95)});
  }
  // Group the rows by table and cohort, keeping the published order of categories.
  std::map<std::string, std::size_t> table_order;
  for (const PublishedRow& r : out.rows) table_order.emplace(r.target->table, table_order.size());
  auto cohort_order = [&](const std::string& name) {
    return std::find(run.cohort_names.begin(), run.cohort_names.end(), name) - run.cohort_names.begin();
  };
  std::stable_sort(out.rows.begin(), out.rows.end(), [&](const PublishedRow& x, const PublishedRow& y) {
    const auto tx = table_order[x.target->table], ty = table_order[y.target->table];
    if (tx != ty) return tx < ty;
    return cohort_order(x.target->cohort) < cohort_order(y.target->cohort);
  });
  return out;
}

int published_decimals(const Target& t) {
  if (t.measure == "members") return 0;
  if (t.measure.find("share") != std::string::npos || is_arm_count(t.measure)) return 1;
  return 3;
}

std::string published_unit(const Target& t) {
  if (t.measure == "members") return "members, people";
  if (is_arm_count(t.measure)) return t.measure + ", arms";
  if (t.measure.find("share") != std::string::npos) return t.measure + ", percent";
  return t.measure + " (as published: a fraction, not percent)";
}

std::string source_title(const Target& t) {
  const bool numbered = !t.table.empty() && std::isdigit(static_cast<unsigned char>(t.table[0]));
  return (numbered ? "Table " : "") + t.table;
}

}  // namespace almpsim::report
