// The command line itself: unknown commands and what --help tells.
#include <algorithm>
#include <cmath>
#include <filesystem>

#include "almpsim/output.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"
#include "support/h5read.hpp"

TEST_CASE("an unknown command is named, with the commands there are", "[unit]") {
  const auto r = almpsim::test::run_cli("rnu scenarios/koege_2008.toml");
  CHECK(r.status == 2);
  CHECK(r.output.find("unknown command 'rnu'; the commands are run, validate, report, compare") != std::string::npos);
}

TEST_CASE("the help of each command shows the defaults of the options that have one", "[unit]") {
  for (const char* command : {"run", "sweep", "calibrate", "decompose", "power"}) {
    INFO(command);
    const auto r = almpsim::test::run_cli(std::string(command) + " --help");
    CHECK(r.status == 0);
    CHECK(r.output.find("--threads INT:INT in [1 - 1024]=1") != std::string::npos);
  }
  CHECK(almpsim::test::run_cli("compare --help").output.find("=text") != std::string::npos);
}

TEST_CASE("without -o, results go to output/ under the current folder, created if need be", "[unit]") {
  almpsim::test::TempDir dir;
  const std::string scenario = dir.write("s.toml", "name = \"here\"\n" + almpsim::test::two_state_scenario());
  const std::string in_dir = "cd " + dir.file("") + " && ";
  const auto first = almpsim::test::run_cli("run s.toml --replications 1", in_dir);
  INFO(first.output);
  REQUIRE(first.status == 0);
  CHECK(first.output.find("note: created the folder output/") != std::string::npos);
  CHECK(std::filesystem::exists(dir.file("output/here.h5")));
  const auto again = almpsim::test::run_cli("run s.toml --replications 1", in_dir);
  CHECK(again.output.find("note: output/here.h5 is there already and is replaced") != std::string::npos);
}

TEST_CASE("run --scale grows the population, its inflow and the caseworkers by the factor", "[unit]") {
  // 2,000 on cash benefit, about 20 new cases a week for 30 weeks, and one caseworker.
  almpsim::test::TempDir dir;
  const std::string scenario = dir.write("s.toml", almpsim::test::two_state_scenario(R"(
[inflow]
cash_benefit = 20.0
[[actors]]
name = "centre"
meeting_interval_weeks = { cash_benefit = 13 }
caseworkers = { cash_benefit = 1 }
[[cohorts]]
name = "stock"
states = ["cash_benefit"]
at = 2020-01-06
measure_at = 2020-06-01
[[cohorts]]
name = "inflow"
kind = "inflow"
states = ["cash_benefit"]
from = 2020-01-06
to = 2020-06-01
measure_at = 2020-06-01
)"));
  const std::string base = dir.file("base.h5"), doubled = dir.file("double.h5");
  REQUIRE(almpsim::test::run_cli("run " + scenario + " --replications 4 --quiet -o " + base).status == 0);
  REQUIRE(almpsim::test::run_cli("run " + scenario + " --replications 4 --quiet --scale 2 -o " + doubled).status == 0);
  const auto one = almpsim::read_run(base), two = almpsim::read_run(doubled);
  for (std::size_t r = 0; r < 4; ++r) {
    CHECK(one.cohorts[r][0].members[0] == 2000);
    CHECK(two.cohorts[r][0].members[0] == 4000);
  }
  // The inflow: about 400 entrants against 800, Poisson; 5 standard errors of the difference.
  double entrants_one = 0, entrants_two = 0;
  for (std::size_t r = 0; r < 4; ++r) {
    entrants_one += one.cohorts[r][1].members[0];
    entrants_two += two.cohorts[r][1].members[0];
  }
  CHECK(std::abs(entrants_two - 2 * entrants_one) < 5 * std::sqrt(entrants_two + 4 * entrants_one));
  CHECK(entrants_one > 0);
  // The caseworkers, week by week.
  const auto staff_one = almpsim::test::read_dataset<double>(base, "/timeseries/caseworkers");
  const auto staff_two = almpsim::test::read_dataset<double>(doubled, "/timeseries/caseworkers");
  REQUIRE(staff_one.size() == staff_two.size());
  CHECK(std::any_of(staff_one.begin(), staff_one.end(), [](double x) { return x > 0; }));
  for (std::size_t k = 0; k < staff_one.size(); ++k) CHECK(staff_two[k] == 2 * staff_one[k]);
}

TEST_CASE("report prints a run's cohort summary again from the results file", "[unit]") {
  almpsim::test::TempDir dir;
  const std::string scenario = dir.write("s.toml", almpsim::test::null_trial());
  const std::string out = dir.file("run.h5");
  const auto run = almpsim::test::run_cli("run " + scenario + " --replications 3 -o " + out);
  REQUIRE(run.status == 0);
  const auto report = almpsim::test::run_cli("report " + out);
  REQUIRE(report.status == 0);
  // The cohort lines of the run's summary, as the run printed them.
  const auto cohort_block = [](const std::string& text) {
    const std::size_t from = text.find("\ncohort stock (stock), measured 2020-06-01");
    REQUIRE(from != std::string::npos);
    return text.substr(from, text.find("\n\n", from + 1) - from);
  };
  CHECK(cohort_block(report.output) == cohort_block(run.output));
}
