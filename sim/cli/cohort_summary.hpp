#pragma once
// A cohort's headline measures by actor, as `run` prints them after a run and `report` prints
// them again from the results file.
#include <functional>
#include <string>
#include <vector>

#include "almpsim/measures.hpp"

namespace almpsim::cli {

/// The draws over replications of measure `m` for actor `a`, in the stored unit.
using MeasureDraws = std::function<std::vector<double>(const CohortMeasure& m, std::size_t a)>;

/// Prints "cohort NAME (KIND), measured DATE" and each run-summary measure's mean [90% interval]
/// by actor; money in `money_unit`; transfers only `with_transfers`.
void print_cohort_summary(const std::string& name, const std::string& kind, const std::string& measured,
                          const std::vector<std::string>& actors, const MeasureDraws& draws,
                          const std::string& money_unit, bool with_transfers);

}  // namespace almpsim::cli
