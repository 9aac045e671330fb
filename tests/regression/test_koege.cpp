// The shipped Køge scenario against the published outcomes of tables 6.1 and 6.4, and the
// process rates of tables 5.1 and 5.2 that it is also fitted to.
#include <cmath>

#include "almpsim/engine.hpp"
#include "almpsim/stats.hpp"
#include "almpsim/targets.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
constexpr int kReplications = 30;
// A fitted value may miss the published one by its acceptance band, plus 4 Monte Carlo
// standard errors of a mean over kReplications.
constexpr double kStandardErrors = 4.0;

struct KoegeRun {
  LoadedScenario scenario =
      load_scenario(test::source_path("scenarios/koege_2008.toml"), {"replications=" + std::to_string(kReplications)});
  const Params& params = scenario.params;
  std::vector<ReplicationResult> reps;
  OutcomeNames names;
  std::vector<Target> targets;  // of tables 6.1 and 6.4, where the model distinguishes the row
  std::vector<Target> process;  // the fitted rows of tables 5.1 and 5.2 (meeting and activation rates)
  KoegeRun() {
    MonteCarloOptions options;
    options.threads = 2;
    reps = run_monte_carlo(params, options);
    names = outcome_names(params);
    for (const Target& t : read_targets(scenario.study.targets_file))
      if ((t.table == "6.1" || t.table == "6.4") && !std::isnan(simulated_value(t, names, reps[0].cohorts)))
        targets.push_back(t);
      else if (t.fit && (t.table == "5.1" || t.table == "5.2"))
        process.push_back(t);
  }
  Summary simulated(const Target& t) const {
    std::vector<double> v;
    for (const auto& r : reps) v.push_back(simulated_value(t, names, r.cohorts));
    return summarise(v);
  }
};

const KoegeRun& koege_run() {
  static const KoegeRun run;
  return run;
}

// Table 6.1's split of cash benefit into active and passive on 30 September 2009 and table
// 5.2's activation rates pull apart: 6.1 has Agens's newcomers as active as the job centre's,
// 5.2 has Agens activating its job-ready far less. The model, fitted to both, cannot have both
// (Agens would have to favour its newcomers over its stock) and misses these rows by up to
// 8 points. Every other category: 3 points.
double category_band(const Target& t) {
  const bool tension = t.table == "6.1" && (t.cohort == "stock_cash" || t.cohort == "inflow_cash") &&
                       (t.category == "cash_benefit_active" || t.category == "cash_benefit_passive");
  return tension ? 8.0 : 3.0;
}

double monte_carlo_error(const Summary& s) {
  return kStandardErrors * s.sd / std::sqrt(double(kReplications));
}
}  // namespace

TEST_CASE("the Køge scenario reproduces the eight headline self-support shares", "[regression][koege-fit]") {
  const KoegeRun& run = koege_run();
  int headline = 0;
  for (const Target& t : run.targets) {
    if (t.measure != "status_share" || t.category != "self_support") continue;
    ++headline;
    const Summary s = run.simulated(t);
    const double tolerance = 2.5 + monte_carlo_error(s);
    INFO("table " << t.table << " " << t.cohort << " " << t.actor << ": published " << t.value << ", simulated "
                  << s.mean << " (tolerance " << tolerance << ")");
    CHECK(std::abs(s.mean - t.value) <= tolerance);
  }
  CHECK(headline == 8);
}

TEST_CASE("every Køge status category is within its band and every cohort within 10% of its size",
          "[regression][koege-fit]") {
  const KoegeRun& run = koege_run();
  int categories = 0, sizes = 0;
  for (const Target& t : run.targets) {
    const Summary s = run.simulated(t);
    INFO("table " << t.table << " " << t.cohort << " " << t.actor << " " << t.category << ": published " << t.value
                  << ", simulated " << s.mean);
    if (t.measure == "members") {
      ++sizes;
      CHECK(std::abs(s.mean - t.value) <= 0.10 * t.value + monte_carlo_error(s));
    } else if (t.measure == "status_share") {
      ++categories;
      CHECK(std::abs(s.mean - t.value) <= category_band(t) + monte_carlo_error(s));
    }
  }
  CHECK(sizes == 8);
  CHECK(categories > 40);
}

TEST_CASE("the Køge actors meet and activate at the published rates, within 3 standard errors",
          "[regression][koege-fit]") {
  // The meeting rates (table 5.1) and the activation rates by match group (table 5.2) are fitted:
  // they pin the actors' capacity and activation chances, which the outcome tables cannot tell
  // apart. The standard error is the one the fit weighs each row with.
  const KoegeRun& run = koege_run();
  for (const Target& t : run.process) {
    const Summary s = run.simulated(t);
    const double tolerance = 3.0 * standard_error(t) + monte_carlo_error(s);
    INFO("table " << t.table << " " << t.cohort << " " << t.actor << ": published " << t.value << ", simulated "
                  << s.mean << " (tolerance " << tolerance << ")");
    CHECK(std::abs(s.mean - t.value) <= tolerance);
  }
  CHECK(run.process.size() == 6);
}

TEST_CASE("the Køge threat's rise shapes a later activation and leaves the job centre's one-week wait alone",
          "[regression]") {
  // The base scenario's threat_rise_weeks changes no Køge result (the job centre starts its
  // programme a week after registration, when the threat is full either way), but it does
  // change the scenarios that move the start later (straksaktivering).
  const auto occupancy_with = [](int delay, const std::string& rise) {
    const Params p =
        test::shipped("koege_2008.toml",
                      {"replications=2", "actors.jobcenter.immediate_activation.delay_weeks=" + std::to_string(delay),
                       "programmes.immediate_activation.threat_rise_weeks=" + rise});
    MonteCarloOptions options;
    options.threads = 2;
    return run_monte_carlo(p, options)[0].occupancy;
  };
  CHECK(occupancy_with(1, "4") == occupancy_with(1, "520"));
  CHECK(occupancy_with(13, "4") != occupancy_with(13, "520"));
}
