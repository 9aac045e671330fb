// A site's own level: an area's log effect on the hazards, fixed or drawn per replication, is
// shared by every actor serving the area.
#include <cmath>
#include <cstdio>

#include "almpsim/engine.hpp"
#include "almpsim/site_effects.hpp"
#include "almpsim/stats.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
// Two areas of 10,000 each, one actor per area, one move out of cash benefit at 2% a week.
const char* kTwoAreas = R"(
start = 2020-01-06
weeks = 21
burn_in_weeks = 0
seed = 5
[population]
size = 20000
state_shares = { cash_benefit = 1.0 }
split_exactly = true
[attributes]
areas = ["north", "south"]
area = { north = 0.5, south = 0.5 }
[hazards.cash_benefit.self_support]
baseline = 0.02
employability_loading = 0.0
[[actors]]
name = "south_centre"
assignment = { rule = "rest" }
[[actors]]
name = "north_centre"
assignment = { rule = "area", areas = ["north"] }
)";

std::string exact(double x) {
  char text[64];
  std::snprintf(text, sizeof text, "%.17g", x);
  return text;
}
}  // namespace

TEST_CASE("an area's log effect multiplies the hazard of everyone there: survival exp(-h e^b t)", "[stat]") {
  test::TempDir dir;
  const Params p =
      load_scenario(dir.write("areas.toml", kTwoAreas),
                    {"hazards.cash_benefit.self_support.log_effects={\"area:south\" = 0.6931471805599453}"})
          .params;
  const auto r = run_monte_carlo(p, {}).front();
  const int cash = index_of(State::cash_benefit);
  const Week t = 20;
  for (const auto& [actor, hazard] : {std::pair<std::size_t, double>{0, 0.04}, {1, 0.02}}) {
    const double n = r.occupancy[test::cell(p, 0, actor, cash, kStates)];
    const double expected = std::exp(-hazard * t);
    const double left = r.occupancy[test::cell(p, t, actor, cash, kStates)] / n;
    INFO("actor " << actor << ": " << left << " left, expected " << expected);
    CHECK(n == 10000);
    CHECK(std::abs(left - expected) < 4 * std::sqrt(expected * (1 - expected) / n));
  }
}

TEST_CASE("an area's drawn level is log-normal with its sd and acts as that fixed log effect", "[stat]") {
  test::TempDir dir;
  const std::string path = dir.write("areas.toml", kTwoAreas);
  const Params p = load_scenario(path, {"attributes.area_job_finding_sd=0.3"}).params;
  constexpr int kDraws = 3000;
  std::vector<double> logs;
  for (std::uint32_t r = 0; r < kDraws; ++r)
    for (double m : area_effects(p, r)) logs.push_back(std::log(m) + 0.5 * 0.3 * 0.3);
  const Summary s = summarise(logs);
  const double n = static_cast<double>(logs.size());
  CHECK(std::abs(s.mean) < 4 * 0.3 / std::sqrt(n));
  CHECK(std::abs(s.sd - 0.3) < 4 * 0.3 / std::sqrt(2 * n));
  CHECK(area_effects(load_scenario(path).params, 0) == std::vector<double>{1.0, 1.0});

  // A replication with the draw equals one with the drawn levels written as log effects.
  for (std::uint32_t r = 0; r < 3; ++r) {
    const std::vector<double> drawn = area_effects(p, r);
    const ReplicationResult with_sd = run_replication(p, HazardModel(p), r, 1);
    CHECK(with_sd.area_job_finding_multiplier == drawn);
    const Params fixed =
        load_scenario(path, {"hazards.cash_benefit.self_support.log_effects={\"area:north\" = " +
                             exact(std::log(drawn[0])) + ", \"area:south\" = " + exact(std::log(drawn[1])) + "}"})
            .params;
    const ReplicationResult as_fixed = run_replication(fixed, HazardModel(fixed), r, 1);
    CHECK(with_sd.occupancy == as_fixed.occupancy);
    CHECK(as_fixed.area_job_finding_multiplier == std::vector<double>{1.0, 1.0});
  }
}
