#include "almpsim/hazards.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace almpsim {

namespace {
/// Gives each of `rows` rows of a [row][width] table the id of the first row equal to it, ids
/// counted from 0 in order of first appearance; returns how many distinct rows there are.
int number_equal_rows(const std::vector<double>& table, std::size_t rows, std::size_t width,
                      std::vector<std::uint32_t>& ids) {
  ids.assign(rows, 0);
  std::map<std::vector<double>, std::uint32_t> seen;
  if (width == 0) return 1;  // no destinations: every row is the empty row
  for (std::size_t k = 0; k < rows; ++k) {
    std::vector<double> row(table.begin() + static_cast<std::ptrdiff_t>(k * width),
                            table.begin() + static_cast<std::ptrdiff_t>((k + 1) * width));
    ids[k] = seen.emplace(std::move(row), static_cast<std::uint32_t>(seen.size())).first->second;
  }
  return static_cast<int>(seen.size());
}
}  // namespace

HazardModel::HazardModel(const Params& params) {
  age_bands_ = std::max(1, params.attributes.age_bands());
  areas_ = std::max<int>(1, static_cast<int>(params.attributes.area_names.size()));
  cells_ = kSexes * kOrigins * age_bands_ * kMatchLevels * kSickLevels * areas_;
  employability_classes_ = static_cast<int>(params.employability.log_values.size());

  for (int s = 0; s < kStates; ++s) {
    StateRules& r = rules_[s];
    std::vector<const HazardSpec*> specs;
    for (const HazardSpec& h : params.hazards)
      if (index_of(h.from) == s && !h.baseline.empty()) specs.push_back(&h);
    for (const HazardSpec* h : specs) r.dests.push_back(h->to);
    for (std::size_t d = 0; d < specs.size(); ++d)
      if (params.job_finding_moves[static_cast<std::size_t>(s)][index_of(specs[d]->to)])
        r.job_finding_slots.push_back(static_cast<int>(d));

    r.band_starts = {0};
    for (const HazardSpec* h : specs)
      r.band_starts.insert(r.band_starts.end(), h->band_starts.begin(), h->band_starts.end());
    std::sort(r.band_starts.begin(), r.band_starts.end());
    r.band_starts.erase(std::unique(r.band_starts.begin(), r.band_starts.end()), r.band_starts.end());
    r.band_at.clear();  // band b from its start to the next band's
    for (std::size_t b = 0; b + 1 < r.band_starts.size(); ++b)
      r.band_at.resize(static_cast<std::size_t>(r.band_starts[b + 1]), static_cast<std::uint16_t>(b));

    const std::size_t nd = specs.size(), nb = r.band_starts.size();
    r.base.assign(nb * nd, 0.0);
    for (std::size_t b = 0; b < nb; ++b)
      for (std::size_t d = 0; d < nd; ++d) {
        const HazardSpec& h = *specs[d];
        std::size_t own = 0;
        while (own + 1 < h.band_starts.size() && h.band_starts[own + 1] <= r.band_starts[b]) ++own;
        r.base[b * nd + d] = h.baseline[own];
      }

    r.cell_factor.assign(static_cast<std::size_t>(cells_) * nd, 1.0);
    for (int sex = 0; sex < kSexes; ++sex)
      for (int origin = 0; origin < kOrigins; ++origin)
        for (int age = 0; age < age_bands_; ++age)
          for (int match = 0; match < kMatchLevels; ++match)
            for (int sick = 0; sick < kSickLevels; ++sick)
              for (int area = 0; area < areas_; ++area) {
                const int cell = cell_of({sex, origin, age, match, sick, area});
                for (std::size_t d = 0; d < nd; ++d) {
                  const CovariateEffects& e = specs[d]->effects;
                  const double age_effect = e.age.empty() ? 0.0 : e.age[static_cast<std::size_t>(age)];
                  const double area_effect = e.area.empty() ? 0.0 : e.area[static_cast<std::size_t>(area)];
                  r.cell_factor[static_cast<std::size_t>(cell) * nd + d] =
                      std::exp(e.sex[sex] + e.origin[origin] + age_effect + e.match[match] + e.sick_category[sick] +
                               area_effect);
                }
              }

    r.emp_factor.assign(static_cast<std::size_t>(employability_classes_) * nd, 1.0);
    for (int k = 0; k < employability_classes_; ++k)
      for (std::size_t d = 0; d < nd; ++d)
        r.emp_factor[static_cast<std::size_t>(k) * nd + d] =
            std::exp(specs[d]->employability_loading * params.employability.log_values[k]);

    for (const HazardSpec* h : specs) r.elasticity.push_back(h->unemployment_elasticity);
    r.distinct_cells = number_equal_rows(r.cell_factor, static_cast<std::size_t>(cells_), nd, r.cell_id);
    r.distinct_classes =
        number_equal_rows(r.emp_factor, static_cast<std::size_t>(employability_classes_), nd, r.class_id);
  }
}

int HazardModel::slot_of(State from, State to) const {
  const auto& dests = rules_[index_of(from)].dests;
  const auto at = std::find(dests.begin(), dests.end(), to);
  return at == dests.end() ? -1 : static_cast<int>(at - dests.begin());
}

int HazardModel::cell_of(const CovariateCell& c) const {
  return ((((c.sex * kOrigins + c.origin) * age_bands_ + c.age_band) * kMatchLevels + c.match) * kSickLevels +
          c.sick_category) *
             areas_ +
         c.area;
}

void HazardModel::week_multipliers(State from, const Params& params, Week w, double* out) const {
  const StateRules& r = rules_[index_of(from)];
  const std::size_t slot = static_cast<std::size_t>(params.calendar.slot(w));
  const double ratio = params.unemployment_ratio[slot];
  const WeekSeries& shock = params.shock_job_finding[index_of(from)];
  for (std::size_t d = 0; d < r.dests.size(); ++d)
    out[d] = r.elasticity[d] == 0.0 ? 1.0 : std::pow(ratio, r.elasticity[d]);
  if (!shock.empty())
    for (const int d : r.job_finding_slots) out[d] *= shock[slot];
}

void HazardModel::hazards(State from, int band, int cell, int employability, const double* week_multipliers,
                          double job_finding, double* out) const {
  const StateRules& r = rules_[index_of(from)];
  const std::size_t nd = r.dests.size();
  const double* base = &r.base[static_cast<std::size_t>(band) * nd];
  const double* cf = &r.cell_factor[static_cast<std::size_t>(cell) * nd];
  const double* ef = &r.emp_factor[static_cast<std::size_t>(employability) * nd];
  for (std::size_t d = 0; d < nd; ++d) out[d] = base[d] * cf[d] * ef[d] * week_multipliers[d];
  for (const int d : r.job_finding_slots) out[d] *= job_finding;
}

double exit_probability(double total_hazard) {
  return std::isinf(total_hazard) ? 1.0 : -std::expm1(-total_hazard);
}

int draw_destination(const double* h, int n, double u) {
  double total = 0.0;
  for (int j = 0; j < n; ++j) total += h[j];
  if (total <= 0.0) return -1;
  // 1 - exp(-total) < total, so a draw at or above the total stays without computing it: the
  // same answer as below (expm1 is within an ulp, and total^2/2 exceeds an ulp of total for
  // any total a draw of 2^-32 or more can reach), and most weeks end here.
  if (u >= total) return -1;
  const double p_exit = exit_probability(total);
  if (u >= p_exit) return -1;
  const double target = u / p_exit * total;
  double acc = 0.0;
  int last = -1;
  for (int j = 0; j < n; ++j) {
    if (h[j] <= 0.0) continue;
    acc += h[j];
    last = j;
    if (target < acc) return j;
  }
  return last;
}

void transition_thresholds(const double* h, int n, std::uint32_t* thresholds) {
  double total = 0.0;
  for (int j = 0; j < n; ++j) total += h[j];
  const double p_exit = total > 0.0 ? exit_probability(total) : 0.0;
  double acc = 0.0;
  for (int j = 0; j < n; ++j) {
    acc += h[j];
    const double p = total > 0.0 ? p_exit * (acc / total) : 0.0;
    thresholds[j] = static_cast<std::uint32_t>(std::min(p * 0x1p32, 4294967295.0));
  }
}

}  // namespace almpsim
