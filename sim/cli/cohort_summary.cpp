#include "cohort_summary.hpp"

#include <cstdio>

#include "almpsim/stats.hpp"

namespace almpsim::cli {

void print_cohort_summary(const std::string& name, const std::string& kind, const std::string& measured,
                          const std::vector<std::string>& actors, const MeasureDraws& draws,
                          const std::string& money_unit, bool with_transfers) {
  std::printf("\ncohort %s (%s), measured %s: mean [90%% interval over replications]\n", name.c_str(), kind.c_str(),
              measured.c_str());
  for (const CohortMeasure& m : cohort_measures()) {
    if (!m.in_run_summary) continue;
    if (m.needs_transfers && !with_transfers) continue;
    std::printf("  %-20s", std::string(m.label).c_str());
    if (m.in_currency) std::printf("  (%s)", money_unit.c_str());
    for (std::size_t a = 0; a < actors.size(); ++a) {
      std::vector<double> v = draws(m, a);
      for (double& x : v) x *= m.scale;
      const Summary s = summarise(v);
      const int d = m.decimals;
      std::printf("  %s %.*f [%.*f, %.*f]", actors[a].c_str(), d, s.mean, d, s.q05, d, s.q95);
    }
    std::printf("\n");
  }
}

}  // namespace almpsim::cli
