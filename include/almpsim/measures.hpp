#pragma once
/// Every cohort measure in one table: the HDF5 writer and reader, the text and JSON reports,
/// the run summary, the sweep report, targets and calibration all loop over it. Adding a
/// measure is a member of CohortOutcome, a row here and its computation in CohortTracker.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "almpsim/results.hpp"

namespace almpsim {

/// An axis of a cohort measure after the actor axis, which every measure has first.
enum class MeasureAxis { state, activity, weeks_since_entry };

/// How a published value of a measure is weighted when a scenario is fitted to it.
enum class TargetError {
  none,       ///< not a calibration target (a composite or derived measure)
  count,      ///< a count: Poisson, the square root of the published value
  average,    ///< a rate or mean over members: 0.01, about its error over ~500 people
  published,  ///< a target only with its published standard error (no default scale)
};

struct CohortMeasure {
  std::string_view name{};                      ///< dataset name under /cohorts/<cohort>/
  std::vector<double> CohortOutcome::*field{};  ///< its values in one replication's outcome
  std::vector<MeasureAxis> axes{};              ///< after actor; empty: one number per actor
  std::string_view meaning{};                   ///< the sentence in output/README.md
  TargetError target_error = TargetError::none;
  /// How summaries print it: label, multiplier and decimals; where (run summary, sweep report).
  std::string_view label{};
  double scale = 1.0;
  int decimals = 3;
  bool in_run_summary = false, in_sweep_report = false;
  bool in_currency = false;      ///< money: printed with the scenario's currency and price year
  bool needs_transfers = false;  ///< shown only where the scenario has transfers

  bool per_actor_only() const { return axes.empty(); }
};

const std::vector<CohortMeasure>& cohort_measures();
/// nullptr when no measure has that name.
const CohortMeasure* find_cohort_measure(std::string_view name);

/// The extents of one replication's array, actor first.
std::vector<std::size_t> measure_extents(const CohortMeasure& m, std::size_t actors, int survival_weeks);
/// The HDF5 `axes` attribute of one replication's array, e.g. "actor,state".
std::string measure_axes(const CohortMeasure& m);
/// The table of cohort datasets in output/README.md.
std::string cohort_measures_markdown();

}  // namespace almpsim
