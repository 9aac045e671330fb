#include "almpsim/trial.hpp"

#include <algorithm>
#include <cmath>

#include "almpsim/array_view.hpp"

namespace almpsim {

TrialTest trial_test(const CohortOutcome& o, std::size_t a, std::size_t b) {
  TrialTest t;
  const double na = o.members[a], nb = o.members[b];
  if (!(na > 0 && nb > 0)) return t;
  t.valid = true;
  const auto status = view(o.status, o.members.size(), kStates);
  std::vector<double> ca(kStates), cb(kStates);
  for (std::size_t s = 0; s < kStates; ++s) {
    ca[s] = status(a, s) * na;
    cb[s] = status(b, s) * nb;
  }
  t.chi_square = pearson_chi_square(ca, cb);
  const ShareDifference d = share_difference(o.self_support_share[a], na, o.self_support_share[b], nb);
  t.difference = d.difference;
  t.difference_se = d.se;
  t.difference_p_value = d.p_value;
  return t;
}

TrialArms trial_arms(const std::vector<std::string>& actors, const std::vector<std::string>& controls) {
  auto index = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(actors.begin(), actors.end(), name) - actors.begin());
  };
  std::vector<bool> is_control(actors.size(), false);
  for (const std::string& c : controls)
    if (index(c) < actors.size()) is_control[index(c)] = true;
  TrialArms arms;
  for (std::size_t a = 0; a < actors.size(); ++a) {
    const std::string named = a < controls.size() ? controls[a] : std::string();
    if (!named.empty()) {
      if (index(named) < actors.size()) arms.emplace_back(a, index(named));
    } else if (a > 0 && !is_control[a]) {
      arms.emplace_back(a, 0);
    }
  }
  return arms;
}

TrialTest pooled_trial_test(const CohortOutcome& o, const TrialArms& arms) {
  // Two pooled groups, 0 the controls and 1 the arms, as one outcome with two actors.
  CohortOutcome pooled;
  pooled.members.assign(2, 0.0);
  pooled.self_support_share.assign(2, 0.0);
  pooled.status.assign(2 * kStates, 0.0);
  std::vector<bool> counted(o.members.size(), false);
  const auto status = view(o.status, o.members.size(), kStates);
  auto add = [&](std::size_t group, std::size_t actor) {
    if (counted[actor]) return;
    counted[actor] = true;
    const double n = o.members[actor];
    if (!(n > 0)) return;
    pooled.members[group] += n;
    pooled.self_support_share[group] += n * o.self_support_share[actor];
    for (std::size_t s = 0; s < kStates; ++s) pooled.status[group * kStates + s] += n * status(actor, s);
  };
  for (const auto& [arm, control] : arms) {
    add(1, arm);
    add(0, control);
  }
  for (std::size_t g = 0; g < 2; ++g) {
    if (!(pooled.members[g] > 0)) continue;
    pooled.self_support_share[g] /= pooled.members[g];
    for (std::size_t s = 0; s < kStates; ++s) pooled.status[g * kStates + s] /= pooled.members[g];
  }
  return trial_test(pooled, 0, 1);
}

TrialSeries trial_series(const std::vector<std::vector<CohortOutcome>>& replications, std::size_t cohort, std::size_t a,
                         std::size_t b) {
  constexpr double kZ95 = 1.959963984540054;
  TrialSeries t;
  int n = 0, sig_chi = 0, sig_diff = 0;
  for (const auto& rep : replications) {
    const TrialTest test = trial_test(rep[cohort], a, b);
    if (!test.valid) continue;
    t.chi2.push_back(test.chi_square.statistic);
    t.p_value.push_back(test.chi_square.p_value);
    t.difference.push_back(100 * test.difference);
    t.lower.push_back(100 * (test.difference - kZ95 * test.difference_se));
    t.upper.push_back(100 * (test.difference + kZ95 * test.difference_se));
    ++n;
    sig_chi += test.chi_square.p_value < 0.10;
    sig_diff += test.difference_p_value < 0.10;
  }
  t.significant_chi2 = n ? double(sig_chi) / n : NAN;
  t.significant_difference = n ? double(sig_diff) / n : NAN;
  return t;
}

void scale_population(Params& params, double factor) {
  params.population.size =
      static_cast<std::int64_t>(std::llround(static_cast<double>(params.population.size) * factor));
  for (auto& series : params.inflow_rate)
    for (double& rate : series) rate *= factor;
  for (ActorSpec& actor : params.actors)
    for (auto& team : actor.caseworkers)
      for (double& staff : team) staff *= factor;
}

}  // namespace almpsim
