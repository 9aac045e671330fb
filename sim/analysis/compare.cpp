#include "almpsim/compare.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "almpsim/measures.hpp"

namespace almpsim {

namespace {

std::size_t index_in(const std::vector<std::string>& names, const std::string& name) {
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

std::vector<std::string> only_in_one(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  for (const auto& n : a)
    if (index_in(b, n) == b.size()) out.push_back(n);
  for (const auto& n : b)
    if (index_in(a, n) == a.size()) out.push_back(n);
  return out;
}

/// Half-width of the interval for the difference of two independent means: what the two
/// runs' own intervals suggest when common random numbers are ignored.
double unpaired_half_width(const std::vector<double>& a, const std::vector<double>& b, double level) {
  const MeanInterval ia = mean_interval(a, level), ib = mean_interval(b, level);
  const double ha = (ia.upper - ia.lower) / 2, hb = (ib.upper - ib.lower) / 2;
  return std::sqrt(ha * ha + hb * hb);
}

/// One number of a cohort outcome per actor: a per-actor measure, or the share in one state.
struct Measure {
  std::string name;
  std::vector<double> CohortOutcome::*field;
  std::size_t stride, offset;  // actor a's number is field[a * stride + offset]
  double scale;
  int decimals;
};

/// Each per-actor measure, then the share in each state at the measure date.
std::vector<Measure> compared_measures() {
  std::vector<Measure> out;
  for (const CohortMeasure& m : cohort_measures())
    if (m.per_actor_only()) out.push_back({std::string(m.name), m.field, 1, 0, m.scale, m.decimals});
  for (std::size_t s = 0; s < kStates; ++s)
    out.push_back({"status_" + std::string(kStateNames[s]), &CohortOutcome::status, kStates, s, 100.0, 1});
  return out;
}

/// The number `m` of one cohort and actor in both runs, replication by replication; none when
/// fewer than two replications have it in both, or it is 0 in both throughout.
std::optional<PairedDifference> paired_row(const Measure& m, const std::vector<std::vector<CohortOutcome>>& base,
                                           std::size_t base_cohort, std::size_t base_actor,
                                           const std::vector<std::vector<CohortOutcome>>& variant,
                                           std::size_t variant_cohort, std::size_t variant_actor,
                                           std::size_t replications, double level) {
  std::vector<double> b, v, d;
  for (std::size_t r = 0; r < replications; ++r) {
    const double x = (base[r][base_cohort].*m.field)[base_actor * m.stride + m.offset];
    const double y = (variant[r][variant_cohort].*m.field)[variant_actor * m.stride + m.offset];
    if (std::isnan(x) || std::isnan(y)) continue;  // an arm that served nobody in one run
    b.push_back(x);
    v.push_back(y);
    d.push_back(y - x);
  }
  const auto zero = [](double x) { return x == 0; };
  if (d.size() < 2) return std::nullopt;
  if (std::all_of(b.begin(), b.end(), zero) && std::all_of(v.begin(), v.end(), zero))
    return std::nullopt;  // a state nobody is in, a cost nobody pays
  PairedDifference row;
  row.measure = m.name;
  row.scale = m.scale;
  row.decimals = m.decimals;
  row.base = summarise(b).mean;
  row.variant = summarise(v).mean;
  row.difference = mean_interval(d, level);
  row.unpaired_half_width = unpaired_half_width(b, v, level);
  row.replications = static_cast<int>(d.size());
  row.identical = std::all_of(d.begin(), d.end(), zero);
  return row;
}

}  // namespace

Comparison compare_runs(const StoredRun& base, const StoredRun& variant, double level) {
  if (base.seed != variant.seed)
    throw UnpairedRuns("the runs have different seeds (" + std::to_string(base.seed) + " and " +
                       std::to_string(variant.seed) +
                       "): their replications do not share random numbers, so they cannot be paired; run both "
                       "with the same --seed");
  Comparison out;
  out.level = level;
  out.replications = std::min(base.replications, variant.replications);
  if (out.replications < 2)
    throw UnpairedRuns("a paired interval needs at least two replications in both runs; they have " +
                       std::to_string(base.replications) + " and " + std::to_string(variant.replications));
  out.cohorts_left_out = only_in_one(base.cohort_names, variant.cohort_names);
  out.actors_left_out = only_in_one(base.actors, variant.actors);

  const auto reps = static_cast<std::size_t>(out.replications);
  const std::vector<Measure> measures = compared_measures();
  for (std::size_t cb = 0; cb < base.cohort_names.size(); ++cb) {
    const std::size_t cv = index_in(variant.cohort_names, base.cohort_names[cb]);
    if (cv == variant.cohort_names.size()) continue;
    for (const Measure& m : measures)
      for (std::size_t ab = 0; ab < base.actors.size(); ++ab) {
        const std::size_t av = index_in(variant.actors, base.actors[ab]);
        if (av == variant.actors.size()) continue;
        auto row = paired_row(m, base.cohorts, cb, ab, variant.cohorts, cv, av, reps, level);
        if (!row) continue;
        row->cohort = base.cohort_names[cb];
        row->actor = base.actors[ab];
        out.rows.push_back(std::move(*row));
      }
  }
  if (out.rows.empty())
    throw UnpairedRuns(
        "nothing to compare: the runs share no cohort and actor, or every number they share is 0 in both (cohorts "
        "or actors in one run only: " +
        std::to_string(out.cohorts_left_out.size() + out.actors_left_out.size()) + ")");
  return out;
}

}  // namespace almpsim
