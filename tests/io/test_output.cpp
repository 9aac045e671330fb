#include <hdf5.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include <nlohmann/json.hpp>

#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
std::vector<std::int32_t> read_ints(const std::string& file, const std::string& dataset) {
  const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  REQUIRE(f >= 0);
  const hid_t d = H5Dopen2(f, dataset.c_str(), H5P_DEFAULT);
  REQUIRE(d >= 0);
  const hid_t space = H5Dget_space(d);
  const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space));
  std::vector<std::int32_t> out(n);
  H5Dread(d, H5T_NATIVE_INT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data());
  H5Sclose(space);
  H5Dclose(d);
  H5Fclose(f);
  return out;
}

bool has_object(const std::string& file, const std::string& path) {
  const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) return false;
  const bool exists = H5Lexists(f, path.c_str(), H5P_DEFAULT) > 0;
  H5Fclose(f);
  return exists;
}
}  // namespace

TEST_CASE("a run writes the documented layout and the engine's numbers", "[regression]") {
  test::TempDir dir;
  const std::string out = dir.file("run.h5");
  const std::string scenario = test::source_path("scenarios/two_actors_shock.toml");
  const auto r = test::run_cli("run " + scenario + " -o " + out +
                               " --replications 2 --threads 2 --seed 11 --set population.size=800 --register --quiet");
  INFO(r.output);
  REQUIRE(r.status == 0);
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  for (const char* path :
       {"/meta/scenario", "/meta/seed", "/meta/version", "/meta/command_line", "/axes/states", "/axes/actors",
        "/axes/activities", "/axes/weeks", "/timeseries/occupancy", "/timeseries/entries", "/timeseries/exits",
        "/cohorts/stock_cash/self_support_share", "/cohorts/inflow_cash/survival", "/summary/timeseries/occupancy/mean",
        "/summary/cohorts/stock_cash/support_rate/q95", "/register/spells"})
    CHECK(has_object(out, path));
  Params p = test::shipped("two_actors_shock.toml", {"population.size=800", "replications=2", "seed=11"});
  const auto reps = run_monte_carlo(p, {});
  std::vector<std::int32_t> expected;
  for (const auto& rep : reps) expected.insert(expected.end(), rep.occupancy.begin(), rep.occupancy.end());
  CHECK(read_ints(out, "/timeseries/occupancy") == expected);
  CHECK(dir.entries() == std::vector<std::string>{"run.h5"});  // no temporary left behind
}

TEST_CASE("an unwritable destination is a clear error and leaves no file", "[unit]") {
  test::TempDir dir;
  const std::string scenario = test::source_path("scenarios/two_actors_shock.toml");
  const auto missing_dir = test::run_cli("run " + scenario + " -o " + dir.file("no/such/dir/out.h5") + " --quiet");
  CHECK(missing_dir.status == 1);
  CHECK(missing_dir.output.find("does not exist") != std::string::npos);
  // A regular file where a directory should be.
  dir.write("plain", "x");
  const auto not_dir = test::run_cli("run " + scenario + " -o " + dir.file("plain/out.h5") + " --quiet");
  CHECK(not_dir.status == 1);
  CHECK(dir.entries() == std::vector<std::string>{"plain"});
}

TEST_CASE("an interrupted run leaves nothing at the destination", "[unit]") {
  test::TempDir dir;
  const std::string out = dir.file("big.h5");
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    const std::string scenario = test::source_path("scenarios/reference_markov.toml");
    ::execl(ALMPSIM_BINARY, ALMPSIM_BINARY, "run", scenario.c_str(), "-o", out.c_str(), "--quiet",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Wait until the run has reserved its temporary file, then stop it.
  for (int k = 0; k < 200 && dir.entries().empty(); ++k) std::this_thread::sleep_for(std::chrono::milliseconds(25));
  CHECK(dir.entries().size() == 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ::kill(child, SIGTERM);
  int status = 0;
  ::waitpid(child, &status, 0);
  CHECK(WIFSIGNALED(status));
  CHECK(dir.entries().empty());
}

TEST_CASE("report prints the published tables beside the simulated ones from the results file alone", "[regression]") {
  test::TempDir dir;
  const std::string out = dir.file("koege.h5");
  const auto run = test::run_cli("run " + test::source_path("scenarios/koege_2008.toml") + " -o " + out +
                                 " --replications 4 --threads 2 --quiet");
  INFO(run.output);
  REQUIRE(run.status == 0);
  const auto text = test::run_cli("report " + out);
  CHECK(text.status == 0);
  CHECK(text.output.find("Table 6.1  stock_cash  status_share") != std::string::npos);
  CHECK(text.output.find("Trial statistics") != std::string::npos);
  const auto json = test::run_cli("report " + out + " --format json");
  CHECK(json.status == 0);
  // Every published number in the shipped targets file appears once in the JSON tables.
  const std::size_t rows = nlohmann::json::parse(json.output)["tables"].size();
  std::ifstream csv(test::source_path("scenarios/data/koege_2008_targets.csv"));
  std::size_t lines = 0;
  for (std::string line; std::getline(csv, line);) lines += !line.empty();
  CHECK(rows == lines - 1);
  const auto missing = test::run_cli("report " + dir.file("none.h5"));
  CHECK(missing.status == 1);
}

TEST_CASE("calibrate writes a fitted scenario that extends the calibrated one and validates", "[regression]") {
  test::TempDir dir;
  const std::string fitted = dir.file("fitted.toml");
  const auto r = test::run_cli("calibrate " + test::source_path("scenarios/koege_2008_base.toml") + " -o " + fitted +
                               " --max-evaluations 4 --replications 2 --threads 2 --quiet");
  INFO(r.output);
  REQUIRE(r.status == 0);
  const Params p = load_scenario(fitted).params;
  CHECK(p.name == "koege_2008");
  CHECK(p.actors.size() == 2);
  std::ifstream in(fitted);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("[calibration.result]") != std::string::npos);
  CHECK(text.find("evaluations = 4") != std::string::npos);
  // Without free parameters calibration is refused as bad input.
  const auto none = test::run_cli("calibrate " + test::source_path("scenarios/two_actors_shock.toml") + " -o " +
                                  dir.file("x.toml") + " --quiet");
  CHECK(none.status == 2);
}

TEST_CASE("calibrate refuses free-parameter bounds the scenario would refuse", "[unit]") {
  test::TempDir dir;
  const std::string scenario = dir.write("s.toml", test::two_state_scenario(R"(
[calibration]
[[calibration.free]]
key = "population.employability_tilt.cash_benefit"
range = [0.0, 20.0]
)"));
  const auto r = test::run_cli("calibrate " + scenario + " -o " + dir.file("fit.toml") + " --quiet");
  CHECK(r.status == 2);
  CHECK(r.output.find("the bounds of population.employability_tilt.cash_benefit") != std::string::npos);
  CHECK(!std::filesystem::exists(dir.file("fit.toml")));
}

TEST_CASE("every JSON report is valid JSON, with odd names and an arm that serves nobody", "[unit]") {
  // The second arm is assigned no one, so its shares are NaN (JSON null); its name has a quote.
  test::TempDir dir;
  const std::string scenario = dir.write("odd.toml", test::two_state_scenario(R"(
[[actors]]
name = 'say "hi"'
assignment = { rule = "random_share", share = 0.0 }
[[actors]]
name = "rest"
[[cohorts]]
name = "stock"
states = ["cash_benefit"]
at = 2020-01-06
measure_at = 2020-03-02
[power]
arms = ['say "hi"', "rest"]
sizes = [0.5]
)"));
  const std::string run = dir.file("run.h5"), sweep = dir.file("sweep.h5");
  REQUIRE(test::run_cli("run " + scenario + " --quiet --replications 3 -o " + run).status == 0);
  REQUIRE(
      test::run_cli("sweep " + scenario + " --quiet --replications 3 -o " + sweep + " --vary population.size=100,200")
          .status == 0);
  for (const std::string& command : {"report " + run + " --format json", "report " + sweep + " --format json",
                                     "power " + scenario + " --quiet --format json --replications 4"}) {
    INFO(command);
    const auto r = test::run_cli(command);
    REQUIRE(r.status == 0);
    const auto parsed = nlohmann::json::parse(r.output, nullptr, false);
    CHECK_FALSE(parsed.is_discarded());
  }
  const auto report = nlohmann::json::parse(test::run_cli("report " + run + " --format json").output);
  CHECK(report["cohorts"]["stock"]["say \"hi\""]["self_support_share"]["mean"].is_null());
}
