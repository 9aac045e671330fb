// The command line itself: unknown commands and what --help tells.
#include <filesystem>

#include "almpsim/output.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

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
  almpsim::test::TempDir dir;
  const std::string scenario = dir.write("s.toml", almpsim::test::null_trial());
  const std::string base = dir.file("base.h5"), double_size = dir.file("double.h5");
  REQUIRE(almpsim::test::run_cli("run " + scenario + " --replications 2 --quiet -o " + base).status == 0);
  REQUIRE(almpsim::test::run_cli("run " + scenario + " --replications 2 --quiet --scale 2 -o " + double_size).status ==
          0);
  const auto members = [](const std::string& file) {
    return almpsim::read_run(file).cohorts[0][0].members;  // replication 0, the stock cohort
  };
  const auto one = members(base), two = members(double_size);
  // 2,000 citizens split at random between two arms, and then 4,000.
  CHECK(one[0] + one[1] == 2000);
  CHECK(two[0] + two[1] == 4000);
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
