#include "almpsim/hazards.hpp"
#include "almpsim/population.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

TEST_CASE("exit probability is 1 - exp(-total hazard)", "[unit]") {
  CHECK(exit_probability(0.0) == 0.0);
  CHECK(exit_probability(0.4) == Approx(1.0 - std::exp(-0.4)).epsilon(1e-15));
  CHECK(exit_probability(INFINITY) == 1.0);
}

TEST_CASE("a draw stays exactly when it is at or above the exit probability", "[unit]") {
  // Every total from 1e-12 to 20 (geometric grid) against 32-bit draws around its exit
  // probability and around the total itself, where the shortcut for high draws applies.
  int checked = 0;
  for (double total = 1e-12; total < 20.0; total *= 1.07) {
    const double h[1] = {total};
    const double p_exit = exit_probability(total);
    for (const double centre : {p_exit, total}) {
      const double base = std::floor(centre * 0x1p32);
      for (double word = base - 3; word <= base + 3; ++word) {
        if (word < 0 || word > 4294967295.0) continue;
        const double u = word * 0x1p-32;
        CHECK((draw_destination(h, 1, u) == -1) == (u >= p_exit));
        ++checked;
      }
    }
  }
  CHECK(checked > 5000);
}

TEST_CASE("destinations are drawn in proportion to their hazards", "[unit]") {
  const double h[3] = {0.1, 0.0, 0.3};
  const double p_exit = 1.0 - std::exp(-0.4);
  // Integrate the draw over a fine grid of uniforms: each slot's measure is exact up to the grid.
  const int grid = 1000000;
  std::array<int, 4> count{};
  for (int k = 0; k < grid; ++k) ++count[static_cast<std::size_t>(draw_destination(h, 3, (k + 0.5) / grid) + 1)];
  CHECK(count[0] / double(grid) == Approx(1.0 - p_exit).margin(2.0 / grid));
  CHECK(count[1] / double(grid) == Approx(p_exit * 0.25).margin(2.0 / grid));
  CHECK(count[2] == 0);  // a zero hazard is never drawn
  CHECK(count[3] / double(grid) == Approx(p_exit * 0.75).margin(2.0 / grid));
}

TEST_CASE("32-bit thresholds give the same draws as the direct computation", "[unit]") {
  const double h[4] = {0.02, 0.001, 0.0, 0.05};
  std::uint32_t t[4];
  transition_thresholds(h, 4, t);
  int disagreements = 0;
  for (std::uint64_t k = 0; k < 2000000; ++k) {
    const auto word = static_cast<std::uint32_t>(k * 2147.0 * 1000.3);
    int via_threshold = -1;
    for (int j = 0; j < 4; ++j)
      if (word < t[j]) {
        via_threshold = j;
        break;
      }
    disagreements += via_threshold != draw_destination(h, 4, word * 0x1p-32);
  }
  // They may differ only for words within rounding distance of a boundary.
  CHECK(disagreements <= 2);
}

TEST_CASE("a transition matrix becomes hazards that reproduce it exactly", "[unit]") {
  const Params p = test::shipped("reference_markov.toml", {"population.size=10"});
  const HazardModel model(p);
  // Row of cash_benefit in scenarios/reference_markov.toml, by the matrix's states; ui_benefit,
  // which the matrix leaves out, is never reached.
  PerState<double> row{};
  const std::pair<State, double> listed[] = {
      {State::self_support, 0.0200},       {State::cash_benefit, 0.9680},  {State::sickness_benefit, 0.0040},
      {State::waiting_flexjob, 0.0005},    {State::flexjob, 0.0000},       {State::rehabilitation, 0.0025},
      {State::disability_pension, 0.0015}, {State::other_benefit, 0.0025}, {State::exited, 0.0010}};
  for (const auto& [state, probability] : listed) row[static_cast<std::size_t>(index_of(state))] = probability;
  const auto& dests = model.destinations(State::cash_benefit);
  std::array<double, kMaxDestinations> mult;
  mult.fill(1.0);
  double h[kMaxDestinations];
  model.hazards(State::cash_benefit, 0, 0, 0, mult.data(), 1.0, h);
  double total = 0;
  for (std::size_t j = 0; j < dests.size(); ++j) total += h[j];
  const double p_exit = exit_probability(total);
  CHECK(p_exit == Approx(1.0 - row[1]).epsilon(1e-12));
  for (std::size_t j = 0; j < dests.size(); ++j)
    CHECK(p_exit * h[j] / total == Approx(row[static_cast<std::size_t>(index_of(dests[j]))]).epsilon(1e-12));
  CHECK(model.absorbing(State::disability_pension));
  CHECK(model.absorbing(State::exited));
}

TEST_CASE("hazards combine baseline bands with covariates and employability and the macro path", "[unit]") {
  test::TempDir dir;
  // Replace the simple hazard with banded, covariate-dependent ones.
  std::string text = test::two_state_scenario(R"(
[attributes]
age_bands = [18, 30, 65]
[employability]
sd = 0.5
classes = 3
[macro]
reference_rate = 0.02
unemployment_rate = [[2020-01-06, 0.02], [2020-03-02, 0.04]]
)");
  text.replace(
      text.find("baseline = 0.05"), 15,
      "bands_weeks = [0, 10]\nbaseline = [0.05, 0.02]\nlog_effects = { \"sex:male\" = 0.2, \"match:4\" = -1.0, "
      "\"age:18-29\" = 0.3 }\nunemployment_elasticity = -1.5");
  const Params p = load_scenario(dir.write("h2.toml", text)).params;
  const HazardModel model(p);
  CHECK(model.band_of(State::cash_benefit, 0) == 0);
  CHECK(model.band_of(State::cash_benefit, 9) == 0);
  CHECK(model.band_of(State::cash_benefit, 10) == 1);
  CHECK(model.band_of(State::cash_benefit, 400) == 1);

  const int cell = model.cell_of({1, 0, 0, 4, 0});  // male, danish, 18-29, match 4
  const Week w = 8;                                 // 2020-03-02: u = 0.04, twice the reference
  std::array<double, kMaxDestinations> mult{};
  model.week_multipliers(State::cash_benefit, p, w, mult.data());
  CHECK(mult[0] == Approx(std::pow(2.0, -1.5)));
  double h[kMaxDestinations];
  model.hazards(State::cash_benefit, 1, cell, 2, mult.data(), 1.5, h);
  const double expected =
      0.02 * std::exp(0.2 - 1.0 + 0.3) * std::exp(p.employability.log_values[2]) * std::pow(2.0, -1.5) * 1.5;
  CHECK(h[0] == Approx(expected).epsilon(1e-12));
  // Employability classes are symmetric around 0 and ordered.
  CHECK(p.employability.log_values[0] == Approx(-p.employability.log_values[2]));
  CHECK(p.employability.log_values[1] == Approx(0.0).margin(1e-12));
  CHECK(p.employability.log_values[2] > 0.3);
}

TEST_CASE("a spell's band is the one whose start is the last at or below its duration", "[unit]") {
  // The fitted Køge model's states, banded up to two years, every duration from before the
  // start to well past the last band's start, against the band starts themselves.
  const Params p = test::shipped("koege_2008.toml", {});
  const HazardModel model(p);
  int banded = 0;
  for (int s = 0; s < kStates; ++s) {
    const auto state = static_cast<State>(s);
    std::vector<int> starts{0};
    for (int b = 0; model.band_end(state, b) >= 0; ++b) starts.push_back(model.band_end(state, b));
    REQUIRE(static_cast<int>(starts.size()) == model.bands(state));
    banded += starts.size() > 1;
    for (int d = 0; d <= starts.back() + 200; ++d) {
      const int expected = static_cast<int>(std::upper_bound(starts.begin(), starts.end(), d) - starts.begin()) - 1;
      REQUIRE(model.band_of(state, d) == expected);
    }
  }
  CHECK(banded >= 3);  // the test covers models with bands, not only single-band states
}
