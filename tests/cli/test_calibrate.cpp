// almpsim calibrate: the fitted scenario it writes, and the bounds it refuses.
#include <fstream>
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
