#pragma once
/// Power as a study: how often a trial between two actors of a scenario finds their difference
/// significant, per cohort and population size, over replications. The program's `power`
/// command prints it.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace almpsim {

struct PowerRequest {
  std::string scenario;                ///< the scenario file
  std::vector<std::string> overrides;  ///< "key=value", as --set
  /// Each of these, when left empty (or negative), comes from the scenario's [power] table.
  std::vector<std::string> arms;  ///< two actor names; the difference is the second minus the first
  std::string cohort;             ///< empty: every cohort
  std::vector<double> sizes;      ///< population factors; none in [power] either: 1
  double alpha = -1.0;
  int replications = 0;               ///< per size; 0: the scenario's
  std::optional<std::uint64_t> seed;  ///< none: the scenario's
  int threads = 1;
  std::function<void(int done, int total)> on_replication_done;
};

/// One cohort at one size: each replication's members and test results.
struct PowerRow {
  std::string cohort;
  double factor = 1.0;
  std::vector<double> members_a, members_b;
  std::vector<double> chi2, chi2_p, difference, difference_p;  ///< replications where both arms have members
};

struct PowerStudy {
  std::string scenario_name;
  std::vector<std::string> arms;
  double alpha = 0.10;
  int replications = 0;
  std::vector<PowerRow> rows;  ///< one block per cohort in scenario order, sizes in the order given
};

/// Checks every size fits in memory before the first one runs. Throws ScenarioError for bad
/// arms, cohorts or sizes, located at the option or key that named them.
PowerStudy run_power_study(const PowerRequest& request);

/// The share of p-values below alpha: the power (NaN without any).
double share_below(const std::vector<double>& p_values, double alpha);

}  // namespace almpsim
