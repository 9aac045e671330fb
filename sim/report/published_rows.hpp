#pragma once
// The published numbers a results file carries, each beside its simulated distribution over
// replications, in the published order: what the text, JSON and HTML reports show.
#include <string>
#include <vector>

#include "almpsim/output.hpp"
#include "almpsim/stats.hpp"
#include "almpsim/targets.hpp"

namespace almpsim::report {

struct PublishedRow {
  const Target* target;
  Summary simulated;
  bool outside;  ///< the published value lies outside the simulated 90% interval
};

/// The targets stored in a run file and their rows, grouped by table then cohort in the run's
/// order; rows point into `targets`, which moves with them.
struct PublishedComparison {
  std::vector<Target> targets;
  std::vector<PublishedRow> rows;
  PublishedComparison() = default;
  PublishedComparison(const PublishedComparison&) = delete;
  PublishedComparison& operator=(const PublishedComparison&) = delete;
  PublishedComparison(PublishedComparison&&) = default;
  PublishedComparison& operator=(PublishedComparison&&) = default;
};

PublishedComparison compare_with_published(const StoredRun& run);

/// Decimals a published value prints with: members whole; shares and counts of significant
/// arms one; rates three.
int published_decimals(const Target& target);

/// The unit a published value is in: "status_share, percent", "activation_rate (as
/// published: a fraction, not percent)", "members, people".
std::string published_unit(const Target& target);

/// "Table 6.1", but a source named otherwise ("Figure 15", "CFBU") as it is.
std::string source_title(const Target& target);

}  // namespace almpsim::report
