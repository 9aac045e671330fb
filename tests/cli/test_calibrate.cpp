// almpsim calibrate: the fitted scenario it writes, and the bounds it refuses.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

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

TEST_CASE("a fitted scenario holds the fit's --set values and reproduces the fit alone", "[regression]") {
  // One element of a banded hazard is free; the command line sets the whole hazard (the other
  // element held) and a key no parameter touches. Fitting under --set and running the written
  // file without it must agree: calibrate checks that, and the file must hold both values.
  test::TempDir dir;
  dir.write("targets.csv",
            "table,use,cohort,actor,measure,category,states,activities,value,n,source\n"
            "T,fit,stock,a,status_share,self-support,self_support,any,40,1000,test\n");
  const std::string scenario = dir.write("s.toml", test::null_trial(R"(
[targets]
file = "targets.csv"
[calibration]
replications = 2
max_evaluations = 6
[[calibration.free]]
key = "hazards.cash_benefit.self_support.baseline"
index = 1
range = [0.01, 0.08]
)"));
  const std::string fitted = dir.file("fit.toml");
  const std::string banded =
      " --set \"hazards.cash_benefit.self_support={ bands_weeks = [0, 13], baseline = [0.07, 0.03] }\"";
  const auto r = test::run_cli("calibrate " + scenario + " -o " + fitted + banded +
                               " --set hazards.self_support.cash_benefit.baseline=0.02 --quiet");
  INFO(r.output);
  REQUIRE(r.status == 0);  // the file alone reproduced the fit
  const Params p = load_scenario(fitted).params;
  const auto baseline = [&](State from, State to) {
    const auto h = std::find_if(p.hazards.begin(), p.hazards.end(),
                                [&](const HazardSpec& x) { return x.from == from && x.to == to; });
    REQUIRE(h != p.hazards.end());
    return h->baseline;
  };
  const std::vector<double> held = baseline(State::cash_benefit, State::self_support);
  REQUIRE(held.size() == 2);
  CHECK(held[0] == 0.07);  // held by --set
  CHECK(held[1] >= 0.01);  // fitted within its range
  CHECK(held[1] <= 0.08);
  CHECK(baseline(State::self_support, State::cash_benefit) == std::vector<double>{0.02});
  // The held element is written as --set left it, beside the fitted one.
  const std::string text = [&] {
    std::ifstream in(fitted);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }();
  CHECK(text.find("baseline = [ 0.07") != std::string::npos);
  // A whole named array set by --set would be merged entry by entry by `extends`, not replaced:
  // refused, and nothing is written.
  const std::string refused = dir.file("refused.toml");
  const auto whole = test::run_cli("calibrate " + scenario + " -o " + refused + banded +
                                   " --set \"shocks=[{ name = 'x', start = 2020-02-03, inflow = 1.1 }]\" --quiet");
  CHECK(whole.status == 2);  // bad input, named where it was given
  CHECK(whole.output.find("--set:2: shocks: calibrate cannot write it") != std::string::npos);
  CHECK(!std::filesystem::exists(refused));
}
