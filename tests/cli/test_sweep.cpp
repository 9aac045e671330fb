// almpsim sweep: each point as its own run, resumable after a kill, and clear errors.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "almpsim/sweep_design.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"
#include "support/h5read.hpp"

using namespace almpsim;

TEST_CASE("each sweep point holds the bits of a run with its keys set", "[regression]") {
  test::TempDir dir;
  const std::string scenario = dir.write("s.toml", test::two_state_scenario(R"(
[[cohorts]]
name = "stock"
states = ["cash_benefit"]
at = 2020-01-06
measure_at = 2020-06-01
)"));
  const auto sweep =
      test::run_cli("sweep " + scenario + " --vary hazards.cash_benefit.self_support.baseline=0.03,0.05,0.08 -o " +
                    dir.file("sweep.h5") + " --replications 3 --quiet");
  REQUIRE(sweep.status == 0);
  const auto run = test::run_cli("run " + scenario + " --set hazards.cash_benefit.self_support.baseline=0.08 -o " +
                                 dir.file("run.h5") + " --replications 3 --quiet");
  REQUIRE(run.status == 0);
  for (const char* path : {"timeseries/occupancy", "cohorts/stock/status", "summary/cohorts/stock/status/mean"}) {
    const auto stacked = test::read_dataset<double>(dir.file("sweep.h5"), std::string("/sweep/") + path);
    const auto single = test::read_dataset<double>(dir.file("run.h5"), std::string("/") + path);
    REQUIRE(!single.empty());
    REQUIRE(stacked.size() == 3 * single.size());
    const std::vector<double> last(stacked.end() - static_cast<std::ptrdiff_t>(single.size()), stacked.end());
    CHECK(last == single);
  }
  // Every point runs with the scenario's seed (common random numbers), as the run above does.
  CHECK(test::read_dataset<double>(dir.file("sweep.h5"), "/sweep/points/numeric_values") ==
        std::vector<double>{0.03, 0.05, 0.08});
  CHECK(!std::filesystem::exists(dir.file("sweep.h5.points")));  // checkpoints removed when done
}

TEST_CASE("a killed and resumed sweep equals an uninterrupted one", "[regression]") {
  test::TempDir dir;
  const std::string scenario = test::source_path("scenarios/two_actors_shock.toml");
  const std::string vary = "--vary=inflow.cash_benefit=6.0,8.0,10.0,12.0,14.0,16.0";
  const std::string out = dir.file("sweep.h5");
  // Not --quiet, as the resumed command below, which must say what it ran: the command line is in
  // the file.
  REQUIRE(test::run_cli("sweep " + scenario + " " + vary + " --replications 4 -o " + out).status == 0);
  const std::string whole = test::file_bytes(out);
  std::filesystem::remove(out);

  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::execl(ALMPSIM_BINARY, ALMPSIM_BINARY, "sweep", scenario.c_str(), vary.c_str(), "--replications", "4", "-o",
            out.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Kill it without warning as soon as its first point is safely on disk.
  const std::string points = out + ".points";
  auto finished = [&] {
    int n = 0;
    if (std::filesystem::exists(points))
      for (const auto& e : std::filesystem::directory_iterator(points))
        n += e.path().filename().string().rfind("point_", 0) == 0 ? 1 : 0;
    return n;
  };
  for (int k = 0; k < 2000 && finished() == 0; ++k) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  REQUIRE(WIFSIGNALED(status));
  const int kept = finished();
  CHECK(kept >= 1);
  CHECK(kept < 6);  // the kill really interrupted it
  CHECK(!std::filesystem::exists(out));

  const auto resumed = test::run_cli("sweep " + scenario + " " + vary + " --replications 4 -o " + out + " --resume");
  INFO(resumed.output);
  REQUIRE(resumed.status == 0);
  CHECK(test::file_bytes(out) == whole);
  // It says how many replications it ran, and that the others were finished already.
  CHECK(resumed.output.find("this process ran " + std::to_string(4 * (6 - kept)) + " replication(s)") !=
        std::string::npos);
  CHECK(resumed.output.find(std::to_string(4 * kept) + " were finished already") != std::string::npos);

  // Resuming the finished sweep runs nothing and leaves its file as it is.
  const auto again = test::run_cli("sweep " + scenario + " " + vary + " --replications 4 -o " + out + " --resume");
  CHECK(again.status == 0);
  CHECK(again.output.find("is complete already: nothing to resume") != std::string::npos);
  CHECK(test::file_bytes(out) == whole);
}

TEST_CASE("a point file damaged after it was written is run again on --resume", "[regression]") {
  test::TempDir dir;
  const std::string scenario = test::source_path("scenarios/two_actors_shock.toml");
  const std::string vary = "--vary=inflow.cash_benefit=6.0,10.0,14.0";
  const std::string out = dir.file("sweep.h5");
  REQUIRE(test::run_cli("sweep " + scenario + " " + vary + " --replications 3 -o " + out).status == 0);
  const std::string whole = test::file_bytes(out);
  std::filesystem::remove(out);
  std::filesystem::create_directories(out + ".points");
  {
    std::ofstream damaged(out + ".points/point_000001.h5", std::ios::binary);
    damaged << "not an HDF5 file: the disk lost it";
  }
  const auto resumed = test::run_cli("sweep " + scenario + " " + vary + " --replications 3 -o " + out + " --resume");
  INFO(resumed.output);
  REQUIRE(resumed.status == 0);
  CHECK(resumed.output.find("point_000001.h5 cannot be read: point 2 is run again") != std::string::npos);
  CHECK(test::file_bytes(out) == whole);
}

TEST_CASE("an interrupted sweep says how to resume it", "[regression]") {
  test::TempDir dir;
  const std::string out = dir.file("sweep.h5");
  // SIGINT as soon as the first of 8 points of the Køge model is on disk.
  const std::string sweep = std::string(ALMPSIM_BINARY) + " sweep " + test::source_path("scenarios/koege_2008.toml") +
                            " --vary=actors.jobcenter.immediate_activation.delay_weeks=0,1,2,3,4,5,6,7 "
                            "--replications 4 --quiet -o " +
                            out;
  const auto r = test::run_shell(sweep + " 2> " + dir.file("err") + " & pid=$!; while [ ! -e " + out +
                                 ".points/point_000000.h5 ] && kill -0 $pid 2>/dev/null; do sleep 0.05; done; "
                                 "kill -INT $pid; wait $pid; echo status $?; cat " +
                                 dir.file("err"));
  INFO(r.output);
  CHECK(r.output.find("status 130") != std::string::npos);  // ended by SIGINT
  CHECK(r.output.find("interrupted: the finished points are kept in " + out +
                      ".points; the same command with --resume runs only the rest") != std::string::npos);
  CHECK(!std::filesystem::exists(out));
}

TEST_CASE("a resumed sweep refuses points finished by a different sweep", "[unit]") {
  test::TempDir dir;
  const std::string scenario = dir.write("s.toml", test::two_state_scenario());
  const std::string out = dir.file("sweep.h5");
  std::filesystem::create_directories(out + ".points");
  REQUIRE(test::run_cli("run " + scenario + " -o " + out + ".points/point_000000.h5 --quiet").status == 0);
  const auto r = test::run_cli("sweep " + scenario + " --vary inflow.cash_benefit=1.0,2.0 -o " + out + " --resume");
  CHECK(r.status == 2);
  CHECK(r.output.find("different sweep") != std::string::npos);
}

TEST_CASE("bad sweep input is a clear error with status 2", "[unit]") {
  test::TempDir dir;
  const std::string scenario = dir.write("s.toml", test::two_state_scenario(R"(
[sweep]
[[sweep.vary]]
key = "inflow.cash_benefit"
range = [1.0, 2.0]
)"));
  const auto grid_range = test::run_cli("sweep " + scenario);
  CHECK(grid_range.status == 2);
  CHECK(grid_range.output.find("s.toml:") != std::string::npos);
  CHECK(grid_range.output.find("sweep.vary.0.range: a grid lists values") != std::string::npos);
  const std::string plain = dir.write("p.toml", test::two_state_scenario());
  const auto unknown = test::run_cli("sweep " + plain + " --vary hazards.cash_benefit.self_suport.baseline=0.1,0.2");
  CHECK(unknown.status == 2);
  CHECK(unknown.output.find("self_suport") != std::string::npos);
  const auto nothing = test::run_cli("sweep " + plain);
  CHECK(nothing.status == 2);
  CHECK(nothing.output.find("nothing to sweep") != std::string::npos);
  CHECK(!std::filesystem::exists(dir.file("output")));
}
