// Paired comparison of two runs: the statistics against values worked out by hand, and the
// refusals of runs that do not pair.
#include "almpsim/compare.hpp"

#include <cmath>

#include "almpsim/measures.hpp"
#include "support/catch.hpp"

using namespace almpsim;

namespace {
/// A run of one cohort whose every per-actor measure and state share is 0, for `actors`.
StoredRun zero_run(std::vector<std::string> actors, int replications, std::uint64_t seed = 7) {
  StoredRun run;
  run.scenario_name = "paired";
  run.seed = seed;
  run.replications = replications;
  run.actors = std::move(actors);
  run.cohort_names = {"inflow"};
  CohortOutcome o;
  for (const CohortMeasure& m : cohort_measures())
    if (m.per_actor_only()) o.*m.field = std::vector<double>(run.actors.size(), 0.0);
  o.status = std::vector<double>(run.actors.size() * kStates, 0.0);
  run.cohorts.assign(static_cast<std::size_t>(replications), {o});
  return run;
}

const PairedDifference* find_row(const Comparison& c, const std::string& measure, const std::string& actor) {
  for (const auto& r : c.rows)
    if (r.measure == measure && r.actor == actor) return &r;
  return nullptr;
}
}  // namespace

TEST_CASE("a paired difference is the mean of the replications' differences with its Student-t interval", "[unit]") {
  // The variant lists the actors in the other order: they pair by name.
  StoredRun base = zero_run({"centre", "provider"}, 4), variant = zero_run({"provider", "centre"}, 4);
  const double b[] = {0.10, 0.20, 0.30, 0.40}, v[] = {0.12, 0.21, 0.33, 0.41};
  for (std::size_t r = 0; r < 4; ++r) {
    base.cohorts[r][0].self_support_share[0] = b[r];
    variant.cohorts[r][0].self_support_share[1] = v[r];
    // The provider's share is the same in both runs.
    base.cohorts[r][0].self_support_share[1] = variant.cohorts[r][0].self_support_share[0] = 0.5;
  }
  const Comparison c = compare_runs(base, variant);
  CHECK(c.replications == 4);
  const PairedDifference* centre = find_row(c, "self_support_share", "centre");
  REQUIRE(centre != nullptr);
  // Differences 0.02, 0.01, 0.03, 0.01: mean 0.0175, sd sqrt(2.75e-4 / 3), t(3, 0.975) 3.182446.
  const double sd = std::sqrt(2.75e-4 / 3), half = 3.182446305284263 * sd / 2;
  CHECK(centre->difference.mean == Approx(0.0175).epsilon(1e-12));
  CHECK(centre->difference.lower == Approx(0.0175 - half).epsilon(1e-9));
  CHECK(centre->difference.upper == Approx(0.0175 + half).epsilon(1e-9));
  CHECK(centre->base == Approx(0.25));
  CHECK(centre->variant == Approx(0.2675));
  CHECK(centre->scale == 100.0);
  CHECK(centre->excludes_zero());
  CHECK_FALSE(centre->identical);
  // Were the runs independent, each mean's interval would be t * sd / 2 with the runs' own sds.
  const double sd_b = std::sqrt(0.05 / 3), sd_v = std::sqrt(0.049275 / 3);
  CHECK(centre->unpaired_half_width == Approx(3.182446305284263 / 2 * std::hypot(sd_b, sd_v)).epsilon(1e-9));
  const PairedDifference* provider = find_row(c, "self_support_share", "provider");
  REQUIRE(provider != nullptr);
  CHECK(provider->identical);
  CHECK(provider->difference.mean == 0.0);
  // Numbers that are 0 in both runs (every other measure here) are left out.
  CHECK(c.rows.size() == 2);
}

TEST_CASE("runs that do not pair are refused with the reason", "[unit]") {
  StoredRun base = zero_run({"centre"}, 4);
  base.cohorts[0][0].members[0] = 1;
  SECTION("different seeds") {
    CHECK_THROWS_WITH(compare_runs(base, zero_run({"centre"}, 4, 8)), Catch::Contains("different seeds (7 and 8)"));
  }
  SECTION("one replication") {
    CHECK_THROWS_WITH(compare_runs(base, zero_run({"centre"}, 1)), Catch::Contains("at least two replications"));
  }
  SECTION("no actor in common") {
    CHECK_THROWS_WITH(compare_runs(base, zero_run({"provider"}, 4)), Catch::Contains("nothing to compare"));
  }
  SECTION("fewer replications in one run: the first ones pair, and a cohort in one run only is named") {
    StoredRun variant = zero_run({"centre"}, 3);
    variant.cohort_names = {"inflow"};
    base.cohort_names = {"inflow"};
    StoredRun wider = base;
    wider.cohort_names.push_back("stock");
    for (auto& rep : wider.cohorts) rep.push_back(rep.front());
    const Comparison c = compare_runs(wider, variant);
    CHECK(c.replications == 3);
    CHECK(c.cohorts_left_out == std::vector<std::string>{"stock"});
    const PairedDifference* members = find_row(c, "members", "centre");
    REQUIRE(members != nullptr);
    CHECK(members->difference.mean == Approx(-1.0 / 3));
  }
}
