#pragma once
/// Competing weekly hazards out of each benefit state. A citizen in state s with hazards
/// h_1..h_k to k destinations leaves with probability 1 - exp(-sum h) and goes to
/// destination j with probability h_j / sum h. Pure functions; precomputed per scenario.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "almpsim/params.hpp"

namespace almpsim {

inline constexpr int kMaxDestinations = kStates - 1;

/// Covariate cell of a citizen: the observed attributes that hazards depend on.
struct CovariateCell {
  int sex = 0, origin = 0, age_band = 0, match = 0, sick_category = 0, area = 0;
};

class HazardModel {
 public:
  explicit HazardModel(const Params& params);

  /// Destinations that can be reached from `from` (those with a hazard spec).
  const std::vector<State>& destinations(State from) const { return rules_[index_of(from)].dests; }
  /// Positions among the destinations of `from` of its job-finding moves (Params::job_finding_moves).
  const std::vector<int>& job_finding_slots(State from) const { return rules_[index_of(from)].job_finding_slots; }
  /// Position of `to` among the destinations of `from`, or -1.
  int slot_of(State from, State to) const;
  bool absorbing(State from) const { return rules_[index_of(from)].dests.empty(); }

  /// Duration band of a spell `duration` weeks long (duration >= 0). Looked up, not searched:
  /// the row keys ask for it at every move and band end.
  int band_of(State from, int duration) const {
    const StateRules& r = rules_[index_of(from)];
    const auto d = static_cast<std::size_t>(std::max(duration, 0));
    return d < r.band_at.size() ? r.band_at[d] : static_cast<int>(r.band_starts.size()) - 1;
  }
  int bands(State from) const { return static_cast<int>(rules_[index_of(from)].band_starts.size()); }
  /// Duration at which band `band` of `from` ends, or -1 for the last band (it never ends).
  int band_end(State from, int band) const {
    const auto& starts = rules_[index_of(from)].band_starts;
    return band + 1 < static_cast<int>(starts.size()) ? starts[static_cast<std::size_t>(band) + 1] : -1;
  }
  int cell_of(const CovariateCell& c) const;
  int cells() const { return cells_; }
  int employability_classes() const { return employability_classes_; }

  /// Cells (and employability classes) of `from` with identical hazard factors share one
  /// compact id, so that tables over them stay small: distinct_cells(from) ids in all.
  int distinct_cells(State from) const { return rules_[index_of(from)].distinct_cells; }
  int distinct_cell(State from, int cell) const {
    return rules_[index_of(from)].cell_id[static_cast<std::size_t>(cell)];
  }
  int distinct_classes(State from) const { return rules_[index_of(from)].distinct_classes; }
  int distinct_class(State from, int employability) const {
    return rules_[index_of(from)].class_id[static_cast<std::size_t>(employability)];
  }

  /// Per-destination multipliers of week w that apply to everyone (macro, shocks).
  void week_multipliers(State from, const Params& params, Week w, double* out) const;

  /// Hazards to each destination of `from`; `job_finding` multiplies the hazards of its
  /// job-finding moves (actor, programme effects).
  void hazards(State from, int band, int cell, int employability, const double* week_multipliers, double job_finding,
               double* out) const;

 private:
  struct StateRules {
    std::vector<State> dests;
    std::vector<int> band_starts;  // merged over destinations
    /// [duration] the band of a spell that long, below the last band's start (from which on
    /// the last band holds). The scenario's band starts are at most 30,000 weeks.
    std::vector<std::uint16_t> band_at;
    std::vector<double> base;         // [band][dest]
    std::vector<double> cell_factor;  // [cell][dest]
    std::vector<double> emp_factor;   // [class][dest]
    std::vector<double> elasticity;   // [dest]
    std::vector<int> job_finding_slots;
    std::vector<std::uint32_t> cell_id, class_id;  // compact ids of equal factor rows
    int distinct_cells = 1, distinct_classes = 1;
  };
  PerState<StateRules> rules_;
  int age_bands_ = 1;
  int areas_ = 1;
  int cells_ = 1;
  int employability_classes_ = 1;
};

/// Leaving probability for total hazard H: 1 - exp(-H) (1 for an infinite hazard).
double exit_probability(double total_hazard);

/// Destination slot drawn for one uniform u in [0,1): -1 (stays) with probability exp(-sum h),
/// otherwise slot j with probability (1 - exp(-sum h)) * h_j / sum h.
int draw_destination(const double* h, int n, double u);

/// Cumulative leaving probabilities as 32-bit thresholds: a draw w < thresholds[j] (first such j)
/// moves the citizen to slot j; w >= thresholds[n-1] stays.
void transition_thresholds(const double* h, int n, std::uint32_t* thresholds);

}  // namespace almpsim
