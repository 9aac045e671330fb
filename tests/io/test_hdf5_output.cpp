// The results file: its documented layout, and no file at all when a run cannot finish.
#include <hdf5.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "hdf5_handles.hpp"
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
  for (const char* path : {"/meta/scenario",
                           "/meta/seed",
                           "/meta/version",
                           "/meta/command_line",
                           "/axes/states",
                           "/axes/actors",
                           "/axes/activities",
                           "/axes/weeks",
                           "/timeseries/occupancy",
                           "/timeseries/entries",
                           "/timeseries/exits",
                           "/cohorts/stock_cash/self_support_share",
                           "/cohorts/inflow_cash/survival",
                           "/summary/timeseries/occupancy/mean",
                           "/summary/cohorts/stock_cash/support_rate/q95",
                           "/register/spells",
                           "/axes/accounts",
                           "/timeseries/cost_accounts",
                           "/sites/job_finding_multiplier",
                           "/summary/sites/job_finding_multiplier/mean"})
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
    // A run of many replications (about 30 s), so it is still running when it is stopped: one
    // replication of this scenario takes about 0.3 s.
    const std::string scenario = test::source_path("scenarios/reference_markov.toml");
    ::execl(ALMPSIM_BINARY, ALMPSIM_BINARY, "run", scenario.c_str(), "-o", out.c_str(), "--replications", "100",
            "--quiet", static_cast<char*>(nullptr));
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

TEST_CASE("a write that runs out of space ends with an error and leaves no file", "[unit]") {
  // A file-size limit of 100 blocks stands for a full disk: the register does not fit.
  test::TempDir dir;
  const std::string out = dir.file("run.h5");
  const auto r = test::run_cli("run " + test::source_path("scenarios/koege_2008.toml") + " -o " + out +
                                   " --replications 2 --threads 2 --register --quiet",
                               "ulimit -f 100; ");
  INFO(r.output);
  CHECK(r.status == 1);
  CHECK(r.output.find("error: HDF5: cannot write") != std::string::npos);
  CHECK(r.output.find("File too large") != std::string::npos);
  CHECK(dir.entries().empty());
}

TEST_CASE("a results file with other benefit states is refused, not misread", "[unit]") {
  // A file from a version with fewer states (before partial return to work) would put every
  // state-indexed number in the wrong place; reading it must stop with a clear error.
  test::TempDir dir;
  const std::string out = dir.file("run.h5");
  const auto r = test::run_cli("run " + test::source_path("scenarios/two_actors_shock.toml") + " -o " + out +
                               " --replications 1 --set population.size=200 --quiet");
  REQUIRE(r.status == 0);
  REQUIRE(test::run_cli("report " + out).status == 0);
  {
    const hid_t f = H5Fopen(out.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    REQUIRE(f >= 0);
    REQUIRE(H5Ldelete(f, "/axes/states", H5P_DEFAULT) >= 0);
    const hid_t axes = H5Gopen2(f, "/axes", H5P_DEFAULT);
    std::vector<std::string> older;
    for (const std::string_view name : kStateNames)
      if (name != "partial_return_to_work") older.emplace_back(name);
    io::h5::write_strings(axes, "states", older);
    H5Gclose(axes);
    H5Fclose(f);
  }
  const auto report = test::run_cli("report " + out);
  CHECK(report.status == 1);
  CHECK(report.output.find("written with 10 benefit states, this program has 11") != std::string::npos);
}

TEST_CASE("the results state the currency and the price year of their costs", "[unit]") {
  test::TempDir dir;
  const std::string scenario = test::source_path("scenarios/two_actors_shock.toml");
  const std::string stated = dir.file("stated.h5"), unstated = dir.file("unstated.h5");
  const auto r = test::run_cli("run " + scenario + " -o " + stated +
                               " --replications 1 --set population.size=200 --set currency=EUR --set price_year=2009");
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(r.output.find("cost per citizen      (EUR, 2009 prices)") != std::string::npos);
  CHECK(r.output.find("spending over the run by account (EUR, 2009 prices)") != std::string::npos);
  CHECK(read_ints(stated, "/meta/price_year") == std::vector<std::int32_t>{2009});
  const auto plain =
      test::run_cli("run " + scenario + " -o " + unstated + " --replications 1 --set population.size=200");
  REQUIRE(plain.status == 0);
  CHECK(plain.output.find("(DKK, price year not stated)") != std::string::npos);
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  CHECK(has_object(unstated, "/meta/currency"));
  CHECK_FALSE(has_object(unstated, "/meta/price_year"));
}

TEST_CASE("the run's summary shows the lists for programme places as the output holds them", "[unit]") {
  test::TempDir dir;
  const std::string out = dir.file("places.h5");
  const auto r = test::run_cli("run " + test::source_path("scenarios/copenhagen_outreach.toml") + " -o " + out +
                               " --replications 2 --set population.size=600" +
                               " --set 'actors.outreach.programme_places={ company_internship = 5 }'");
  INFO(r.output);
  REQUIRE(r.status == 0);
  const auto header = r.output.find("waiting for a programme place in the last week");
  REQUIRE(header != std::string::npos);
  const auto row = r.output.find("  company_internship", header);
  REQUIRE(row != std::string::npos);
  double ordinary = -1, outreach = -1;
  REQUIRE(std::sscanf(r.output.c_str() + row, " company_internship %lf %lf", &ordinary, &outreach) == 2);
  // [replication][week][actor][activity]: the outreach office's internships in the last week.
  const std::vector<std::int32_t> waiting = read_ints(out, "/timeseries/waiting_for_place");
  const std::size_t weeks = 53, actors = 2, internship = index_of(Activity::company_internship);
  double mean = 0;
  for (std::size_t rep = 0; rep < 2; ++rep)
    mean += waiting[((rep * weeks + weeks - 1) * actors + 1) * kActivities + internship] / 2.0;
  CHECK(ordinary == 0.0);
  CHECK(mean > 0);
  CHECK(outreach == Approx(mean).margin(0.05));
}
