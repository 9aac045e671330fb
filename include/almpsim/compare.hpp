#pragma once
/// Two runs of a scenario compared replication by replication. Runs with the same seed give
/// replication r the same random numbers (common random numbers), so the difference
/// variant - base within each replication is far less noisy than the two runs' own spreads:
/// its mean and Student-t interval over the replications both runs have are the comparison.
#include <stdexcept>
#include <string>
#include <vector>

#include "almpsim/output.hpp"
#include "almpsim/stats.hpp"

namespace almpsim {

/// The two runs cannot be paired; the message says why.
class UnpairedRuns : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

struct PairedDifference {
  std::string cohort, actor;
  std::string measure;  ///< a cohort measure's name, or status_<state> (share at the measure date)
  double scale = 1.0;   ///< the printed unit: 100 for shares shown in percent
  int decimals = 3;     ///< for printing, in the printed unit
  double base = 0.0;    ///< mean over the paired replications, in the stored unit
  double variant = 0.0;
  MeanInterval difference;           ///< variant - base, paired
  double unpaired_half_width = 0.0;  ///< the interval's half-width were the runs independent
  int replications = 0;              ///< pairs where both values exist
  bool identical = false;            ///< the same in every replication (the variant does not reach it)
  bool excludes_zero() const { return difference.lower > 0 || difference.upper < 0; }
};

struct Comparison {
  int replications = 0;  ///< the replications both runs have: 0 .. replications - 1
  double level = 0.95;
  std::vector<std::string> cohorts_left_out, actors_left_out;  ///< in one run only
  /// Cohort by cohort, then measure, then actor; leaves out numbers that are 0 in both runs.
  std::vector<PairedDifference> rows;
};

/// Pairs base and variant by replication, cohort name and actor name. Throws UnpairedRuns when
/// their seeds differ, when either has fewer than two replications, or when they share no
/// number to compare (no cohort or actor in common, or every shared number 0 in both).
Comparison compare_runs(const StoredRun& base, const StoredRun& variant, double level = 0.95);

}  // namespace almpsim
