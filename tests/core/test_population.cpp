// The initial stock and the inflow drawn up front: states in the scenario's shares and each state's attribute mix, the
// same citizens whatever the thread count.
#include "almpsim/population.hpp"

#include <array>
#include <vector>

#include "almpsim/rng.hpp"

#include <cmath>

#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
/// Of the first `stock` citizens (the initial stock; the run's inflow follows them), those at
/// `state` and, of them, how many have `attribute == level`.
std::pair<double, double> count(const Population& pop, CitizenId stock, State state,
                                const Column<std::uint8_t>& attribute, std::uint8_t level) {
  double in_state = 0, with_level = 0;
  for (CitizenId i = 0; i < stock; ++i)
    if (pop.state[i] == index_of(state)) {
      ++in_state;
      with_level += attribute[i] == level;
    }
  return {in_state, with_level};
}
}  // namespace

TEST_CASE("the initial stock has the scenario's state shares and each state's sex mix", "[stat]") {
  const Params p = test::shipped("koege_2008.toml", {"population.size=200000"});
  const Population pop = create_population(p, RandomStreams(p.run.seed, 0));
  constexpr CitizenId stock = 200000;
  REQUIRE(pop.size() > stock);  // the inflow of the whole run is drawn up front, after the stock
  const double n = stock;
  constexpr double k = 5.0;  // standard errors allowed
  for (int s = 0; s < kStates; ++s) {
    const double expected = p.population.state_shares[static_cast<std::size_t>(s)];
    double found = 0;
    for (CitizenId i = 0; i < stock; ++i) found += pop.state[i] == s;
    INFO(kStateNames[static_cast<std::size_t>(s)] << ": expected " << expected << ", found " << found / n);
    CHECK(std::abs(found / n - expected) <= k * std::sqrt(expected * (1 - expected) / n) + 1e-12);
  }
  // Table 1.3 and 1.4 of the Køge report: 59.4% and 60.6% women (level 0 is female).
  for (const auto& [state, women] :
       {std::pair{State::cash_benefit, 0.594}, std::pair{State::sickness_benefit, 0.606}}) {
    const auto [in_state, female] = count(pop, stock, state, pop.sex, 0);
    INFO(name_of(state) << ": " << female / in_state << " women");
    CHECK(std::abs(female / in_state - women) <= k * std::sqrt(women * (1 - women) / in_state));
  }
}

TEST_CASE("the initial stock is the same on one thread and on two", "[unit]") {
  const Params p = test::shipped("koege_2008.toml", {"population.size=50000"});
  const Population one = create_population(p, RandomStreams(p.run.seed, 3), 1);
  const Population two = create_population(p, RandomStreams(p.run.seed, 3), 2);
  CHECK(one.state == two.state);
  CHECK(one.sex == two.sex);
  CHECK(one.employability == two.employability);
  CHECK(one.state_since == two.state_since);
}

TEST_CASE("a stock split exactly holds each area's and each arm's share in every replication, still at random",
          "[stat]") {
  test::TempDir dir;
  const std::string path = dir.write("split.toml", test::null_trial(R"(
[attributes]
areas = ["north", "middle", "south"]
area = { north = 0.2, middle = 0.3, south = 0.5 }
)"));
  const Params p = load_scenario(path, {"population.split_exactly=true", "population.size=1000",
                                        "actors.a.assignment.share=0.37", "inflow.cash_benefit=5"})
                       .params;
  constexpr int kReplications = 400, kWatched = 10;
  int watched_in_a = 0;
  for (std::uint32_t r = 0; r < kReplications; ++r) {
    const RandomStreams rng(p.run.seed, r);
    const Population pop = create_population(p, rng, 1);
    std::array<int, 3> in_area{}, in_a{};
    for (CitizenId i = 0; i < 1000; ++i) {
      ++in_area[pop.area[i]];
      in_a[pop.area[i]] += pop.stock_share_draw[i] < 0.37;
    }
    CHECK(in_area == std::array<int, 3>{200, 300, 500});
    // 0.37 of 200, 300 and 500, rounded at the midpoints.
    CHECK(in_a == std::array<int, 3>{74, 111, 185});
    for (CitizenId i = 0; i < kWatched; ++i) watched_in_a += pop.stock_share_draw[i] < 0.37;
    // New cases keep their own draws.
    CHECK(pop.stock_share_draw.size() == 1000);
  }
  // Which citizens are in the arm is still at random: each is in it at the arm's share.
  const double n = kReplications * kWatched, share = watched_in_a / n;
  CHECK(std::abs(share - 0.37) < 4 * std::sqrt(0.37 * 0.63 / n));
}

TEST_CASE("an index draw with its sums made once gives draw_index's index for every draw", "[unit]") {
  // Known values: weights 0.2, 0, 0.5, 0.3 cut [0, 1) at 0.2 and 0.7; index 1 is never drawn.
  const std::vector<double> weights{0.2, 0.0, 0.5, 0.3};
  const IndexDraw draw(weights);
  CHECK(draw(0.0) == 0);
  CHECK(draw(0.1999) == 0);
  CHECK(draw(0.2) == 2);
  CHECK(draw(0.6999) == 2);
  CHECK(draw(0.7) == 3);
  CHECK(draw(0.9999999) == 3);
  // Against draw_index at every 1/4096 and at each cut (running sum over total) and the doubles
  // either side of it, for weights that do not sum to 1, with zeros at both ends, a negative
  // weight (counted in the total, never drawn), one weight alone, none positive, a weight too
  // small to move the running sum (two equal ends), and more weights than are counted without a
  // search (16, 17 and 40, some zero).
  std::vector<std::vector<double>> cases{weights, {0.0, 3.0, 0.0, 1.0, 2.0, 0.0}, {2.0, -1.0, 1.0}, {7.0}, {0.0, 0.0},
                                         {},      {1.0 / 3, 1.0 / 3, 1.0 / 3},    {1.0, 1e-20, 1.0}};
  for (const int n : {16, 17, 40}) {
    std::vector<double> many;
    for (int k = 0; k < n; ++k) many.push_back(k % 5 == 3 ? 0.0 : 1.0 + (k * 7) % 11);
    cases.push_back(many);
  }
  for (const auto& w : cases) {
    const IndexDraw d(w);
    std::vector<double> draws;
    for (int k = 0; k < 4096; ++k) draws.push_back(k / 4096.0);
    double total = 0.0, running = 0.0;
    for (const double x : w) total += x;
    for (const double x : w) {
      running += x;
      if (total <= 0.0) break;
      const double cut = running / total;
      for (const double u : {std::nextafter(cut, 0.0), cut, std::nextafter(cut, 1.0)})
        if (u >= 0.0 && u < 1.0) draws.push_back(u);
    }
    for (const double u : draws) REQUIRE(d(u) == draw_index(w, u));
  }
}

TEST_CASE("an age's marks are its band and the next inner band edge above it", "[unit]") {
  // Known values: edges 16, 30, 50, 67 make bands [16, 30), [30, 50), [50, 67); ages outside
  // go to the nearest band, and the oldest band never ends.
  AttributeSpec at;
  at.age_band_edges = {16, 30, 50, 67};
  const std::vector<std::array<int, 3>> known{{-5, 0, 30},
                                              {0, 0, 30},
                                              {10, 0, 30},
                                              {29, 0, 30},
                                              {30, 1, 50},
                                              {49, 1, 50},
                                              {50, 2, AgeMarks::kNoAge},
                                              {67, 2, AgeMarks::kNoAge},
                                              {140, 2, AgeMarks::kNoAge}};
  for (const auto& [age, band, next] : known) {
    INFO("age " << age);
    const AgeMarks marks = age_marks_of(at, age);
    CHECK(marks.band == band);
    CHECK(marks.next_edge == next);
    CHECK(marks.band == age_band_of(at, age));
  }
  // Without bands nothing changes with age.
  at.age_band_edges = {};
  CHECK(age_marks_of(at, 40).band == 0);
  CHECK(age_marks_of(at, 40).next_edge == AgeMarks::kNoAge);
}
