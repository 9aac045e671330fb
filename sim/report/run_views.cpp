#include "run_views.hpp"

#include <algorithm>
#include <cmath>

namespace almpsim::report {

std::vector<double> over_replications(const StoredRun& run, std::size_t c, std::vector<double> CohortOutcome::*member,
                                      std::size_t index) {
  std::vector<double> v;
  for (const auto& rep : run.cohorts) v.push_back((rep[c].*member)[index]);
  return v;
}

std::vector<std::size_t> served_actors(const StoredRun& run, std::size_t c) {
  std::vector<std::size_t> out;
  for (std::size_t a = 0; a < run.actors.size(); ++a)
    if (std::any_of(run.cohorts.begin(), run.cohorts.end(), [&](const auto& rep) { return rep[c].members[a] > 0; }))
      out.push_back(a);
  return out;
}

bool pays_transfers(const StoredRun& run) {
  for (const auto& rep : run.cohorts)
    for (const CohortOutcome& o : rep)
      for (const double x : o.transfers_per_citizen)
        if (x != 0 && !std::isnan(x)) return true;
  return false;
}

SitesView sites_view(const StoredRun& run, const TrialArms& arms, std::size_t c) {
  std::vector<double> positive, negative, pooled;
  int pooled_significant = 0;
  for (const auto& rep : run.cohorts) {
    const SignificantArms count = significant_arms(arms, kArmSignificance, [&](std::size_t a) {
      return std::pair{rep[c].self_support_share[a], rep[c].members[a]};
    });
    positive.push_back(count.positive);
    negative.push_back(count.negative);
    const TrialTest t = pooled_trial_test(rep[c], arms);
    if (!t.valid) continue;
    pooled.push_back(100 * t.difference);
    pooled_significant += t.difference_p_value < kArmSignificance;
  }
  return {summarise(positive), summarise(negative), summarise(pooled),
          pooled.empty() ? 0.0 : double(pooled_significant) / double(pooled.size())};
}

}  // namespace almpsim::report
