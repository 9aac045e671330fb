#include "almpsim/memory.hpp"

#include <cstdio>

#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

TEST_CASE("a run's minimum memory counts the initial population, the expected inflow and side-by-side replications",
          "[unit]") {
  test::TempDir dir;
  // 30 weeks of 10 new cash-benefit cases a week beside 2,000 initial citizens.
  Params p = load_scenario(dir.write("s.toml", test::two_state_scenario("[inflow]\ncash_benefit = 10\n"))).params;
  CHECK(expected_citizens(p) == Approx(2000 + 30 * 10));
  p.run.replications = 4;
  CHECK(minimum_run_bytes(p, 1) == Approx(2300 * kBytesPerCitizen));
  CHECK(minimum_run_bytes(p, 2) == Approx(2 * 2300 * kBytesPerCitizen));  // two replications at once
  p.run.replications = 1;
  CHECK(minimum_run_bytes(p, 2) == Approx(2300 * kBytesPerCitizen));  // one replication, split over threads
  // Where an actor holds meetings, every citizen carries the casework fields too.
  const Params met =
      load_scenario(
          dir.write("m.toml", test::two_state_scenario("[inflow]\ncash_benefit = 10\n[[actors]]\nname = "
                                                       "\"centre\"\nmeeting_interval_weeks = { cash_benefit = 4 }\n")))
          .params;
  CHECK(minimum_run_bytes(met, 1) ==
        Approx(2300 * (kBytesPerCitizen + kCaseworkBytesPerCitizen + kCaseCodeBytesPerCitizen)));
  // Where cohorts are followed, every citizen carries the week's case code.
  const Params followed =
      load_scenario(dir.write("c.toml", test::two_state_scenario("[inflow]\ncash_benefit = 10\n" + test::kStockCohort)))
          .params;
  CHECK(minimum_run_bytes(followed, 1) == Approx(2300 * (kBytesPerCitizen + kCaseCodeBytesPerCitizen)));
  CHECK_FALSE(memory_shortfall(p, 1).has_value());
  REQUIRE(available_memory_bytes().has_value());
}

TEST_CASE("a scenario too large for the machine is refused before anything is allocated", "[unit]") {
  test::TempDir dir;
  // 16 replications side by side of 2 billion citizens of a model without casework: at least
  // 2e9 x 16 x kBytesPerCitizen.
  const auto r = test::run_cli("run " + test::source_path("scenarios/reference_markov.toml") +
                               " --set population.size=2000000000 --replications 16 --threads 16 --quiet -o " +
                               dir.file("big.h5"));
  CHECK(r.status == 2);
  char expected[80];
  std::snprintf(expected, sizeof expected, "population.size: the run needs at least %.1f GB",
                2e9 * 16 * kBytesPerCitizen / 1e9);
  INFO(r.output);
  CHECK(r.output.find(expected) != std::string::npos);
  CHECK(dir.entries().empty());
}
