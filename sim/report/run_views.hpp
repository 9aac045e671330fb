#pragma once
// What the run reports (text, JSON, HTML) compute from a run file's cohort outcomes.
#include <cstddef>
#include <vector>

#include "almpsim/output.hpp"
#include "almpsim/stats.hpp"
#include "almpsim/trial.hpp"

namespace almpsim::report {

/// Element `index` of a cohort measure in each replication, e.g. actor a's self-support share.
std::vector<double> over_replications(const StoredRun& run, std::size_t c, std::vector<double> CohortOutcome::*member,
                                      std::size_t index);

/// Actors with members in cohort c in some replication.
std::vector<std::size_t> served_actors(const StoredRun& run, std::size_t c);

/// Whether the scenario pays transfers, as far as the file shows: some member received some.
bool pays_transfers(const StoredRun& run);

/// A trial in several sites, for one cohort: per replication, how many arms have a self-support
/// difference significant at 5% above or below 0, and the arms pooled as one trial.
struct SitesView {
  Summary positive, negative;  ///< arms significant, per replication
  Summary pooled;              ///< pooled difference, points
  double pooled_significant;   ///< share of replications with the pooled difference significant
};

SitesView sites_view(const StoredRun& run, const TrialArms& arms, std::size_t c);

}  // namespace almpsim::report
