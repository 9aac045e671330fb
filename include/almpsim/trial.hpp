#pragma once
/// The tests a randomized trial between two actors reports for one cohort: Pearson's
/// chi-square over the status distribution, and the difference in self-support share.
#include <cstddef>
#include <string>
#include <vector>

#include "almpsim/params.hpp"
#include "almpsim/results.hpp"
#include "almpsim/stats.hpp"

namespace almpsim {

struct TrialTest {
  bool valid = false;  ///< both arms have members
  ChiSquare chi_square;
  double difference = 0.0;          ///< self-support share of arm b minus arm a
  double difference_se = 0.0;       ///< its unpooled standard error
  double difference_p_value = 1.0;  ///< two-sided, normal approximation
};

/// The trial tests between actors a and b in one replication's cohort outcome.
TrialTest trial_test(const CohortOutcome& outcome, std::size_t a, std::size_t b);

/// A trial's arms, each with the actor it is compared with: an arm that names its control
/// (several sites, each with its own), or else the first actor; an actor named as a control is
/// not itself an arm. `controls[a]` is actor a's named control ("" or missing: none named).
using TrialArms = std::vector<std::pair<std::size_t, std::size_t>>;
/// The level at which a multi-site evaluation counts an arm as significant.
inline constexpr double kArmSignificance = 0.05;
TrialArms trial_arms(const std::vector<std::string>& actors, const std::vector<std::string>& controls);

/// How many arms of a trial in several sites differ from their controls significantly (two-sided
/// test at `level`) in one replication, above and below: the count a multi-site evaluation
/// reports. `share(actor)` is the outcome compared: {share, base}, a share of the actor's members
/// or of those left in its base.
struct SignificantArms {
  int positive = 0, negative = 0;
};
template <class Share>
SignificantArms significant_arms(const TrialArms& arms, double level, Share share) {
  SignificantArms count;
  for (const auto& [arm, control] : arms) {
    const auto [p_arm, n_arm] = share(arm);
    const auto [p_control, n_control] = share(control);
    if (!(n_arm > 0 && n_control > 0)) continue;
    const ShareDifference d = share_difference(p_control, n_control, p_arm, n_arm);
    if (d.p_value >= level) continue;
    count.positive += d.difference > 0;
    count.negative += d.difference < 0;
  }
  return count;
}

/// A trial in several sites analysed as one: every arm's members together against every
/// control's (each control counted once), for one replication's cohort outcome.
TrialTest pooled_trial_test(const CohortOutcome& outcome, const TrialArms& arms);

/// A trial's tests over replications, one value per replication where both arms have members.
struct TrialSeries {
  std::vector<double> chi2, p_value;
  std::vector<double> difference, lower, upper;  ///< in points, with its 95% confidence interval
  /// Shares of replications significant at 10%: chi-square, difference (NaN without any).
  double significant_chi2 = 0.0, significant_difference = 0.0;
};

/// The tests between actors a and b for cohort `cohort` of each replication (`[replication][cohort]`).
TrialSeries trial_series(const std::vector<std::vector<CohortOutcome>>& replications, std::size_t cohort, std::size_t a,
                         std::size_t b);

/// The municipality scaled by `factor`: the initial size, every inflow rate and every team's
/// caseworkers, so that every cohort grows by about that factor while its composition and
/// its caseloads (meetings per case) stay the same.
void scale_population(Params& params, double factor);

}  // namespace almpsim
