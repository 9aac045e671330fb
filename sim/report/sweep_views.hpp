#pragma once
// What the sweep reports (text, JSON, HTML) read off a sweep file: which measures, which actors
// a cohort has and the sweep reaches, and a point's paired difference from the reference.
#include <cstddef>
#include <string>
#include <vector>

#include "almpsim/measures.hpp"
#include "almpsim/output.hpp"
#include "almpsim/stats.hpp"

namespace almpsim::report {

/// The measures a sweep report shows, in its order (read_sweep reads them in this order, then
/// "members").
std::vector<const CohortMeasure*> sweep_report_measures();

/// Actors with members in cohort c at some point (`members`: the index of "members" among the
/// measures read): an arm that serves nobody gets no column.
std::vector<std::size_t> served_actors(const StoredSweep& sw, std::size_t c, std::size_t members);

/// Whether any of the first `measures` measures of actor a differs between some point and the
/// first in some replication: an actor the swept keys do not touch has the same draws, so the
/// same numbers.
bool reached_by_sweep(const StoredSweep& sw, std::size_t c, std::size_t a, std::size_t measures);

/// How one swept key's values print: as they are, numbers in four significant digits, or,
/// where any is long (an inline table), as letters explained in a legend.
struct KeyColumn {
  std::string heading;              ///< the key's last part
  std::vector<std::string> cells;   ///< [point]
  std::vector<std::string> legend;  ///< "a = {...}" lines; empty when the values print as they are
};

KeyColumn key_column(const StoredSweep& sw, std::size_t k);

/// The actors with members in cohort c at some point, split into those the swept keys reach
/// and those they do not (the same numbers at every point), for a sweep read with the report's
/// measures and then "members".
struct CohortActors {
  std::vector<std::size_t> reached, unreached;
};
CohortActors cohort_actors(const StoredSweep& sw, std::size_t c);

/// Point p's value less the reference's, replication by replication, and its 95% interval.
MeanInterval paired_contrast(const StoredSweep& sw, const StoredSweep::Measure& m, std::size_t p, std::size_t reference,
                             std::size_t a);

}  // namespace almpsim::report
