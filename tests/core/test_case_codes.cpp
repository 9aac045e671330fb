// A citizen's case code of the week: the serving actor, the state and the activity running, as
// the population's accessors give them, for every week around an activity's start and end.
#include "almpsim/case_codes.hpp"

#include "../../sim/core/cpu_features.hpp"

#include <algorithm>
#include <array>
#include <random>
#include <set>
#include <utility>
#include <vector>

#include "support/catch.hpp"

using namespace almpsim;

namespace {
Population random_population(std::size_t n, bool casework, std::uint64_t seed) {
  std::mt19937_64 g(seed);
  auto pick = [&](int k) { return static_cast<int>(g() % static_cast<std::uint64_t>(k)); };
  Population pop;
  pop.casework = casework;
  for (std::size_t i = 0; i < n; ++i) {
    pop.state.push_back(static_cast<std::uint8_t>(pick(kStates)));
    pop.actor.push_back(static_cast<std::uint8_t>(pick(256)));
    if (!casework) continue;
    pop.activity.push_back(static_cast<std::uint8_t>(pick(3) == 0 ? 0 : 1 + pick(kActivities - 1)));
    const auto from = static_cast<std::int16_t>(pick(12) - 2);
    pop.activity_from.push_back(from);
    pop.activity_to.push_back(static_cast<std::int16_t>(pick(8) == 0 ? Population::kNever16 : from + pick(6)));
  }
  return pop;
}
}  // namespace

TEST_CASE("case codes are distinct for every actor, state and activity, and decode back", "[unit]") {
  std::set<CaseCode> seen;
  for (std::size_t a = 0; a < 256; ++a)
    for (std::size_t s = 0; s < kStates; ++s)
      for (std::size_t k = 0; k < kActivities; ++k) {
        const CaseCode c = case_code(a, s, k);
        CHECK(c < case_codes(256));
        CHECK(case_parts(c) ==
              CaseParts{static_cast<std::uint8_t>(a), static_cast<std::uint8_t>(s), static_cast<std::uint8_t>(k)});
        seen.insert(c);
      }
  CHECK(seen.size() == case_codes(256));
}

TEST_CASE("a week's case codes are the actor, state and running activity of each citizen", "[unit]") {
  if (!cpu_has_avx512bw()) WARN("no AVX-512 here: only the portable path runs");
  for (const auto [casework, path] : {std::pair{true, VectorPath::avx512},
                                      {false, VectorPath::avx512},
                                      {true, VectorPath::portable},
                                      {false, VectorPath::portable}}) {
    const Population pop = random_population(1000, casework, casework ? 7 : 8);
    for (Week w = -3; w < 12; ++w) {
      std::vector<CaseCode> codes(pop.state.size(), 0xFFFF);
      // Two calls on adjoining ranges, as the engine's blocks make them; each writes its range
      // only: the first nothing past it,
      write_case_codes(pop, w, 0, 333, codes.data(), path);
      CHECK(std::all_of(codes.begin() + 333, codes.end(), [](CaseCode c) { return c == 0xFFFF; }));
      std::vector<CaseCode> later(codes.size(), 0xFFFF);  // and nothing before it
      write_case_codes(pop, w, 333, static_cast<CitizenId>(codes.size()), later.data(), path);
      CHECK(std::all_of(later.begin(), later.begin() + 333, [](CaseCode c) { return c == 0xFFFF; }));
      std::copy(later.begin() + 333, later.end(), codes.begin() + 333);
      std::size_t running = 0;
      for (CitizenId i = 0; i < codes.size(); ++i) {
        INFO("casework " << casework << ", path " << static_cast<int>(path) << ", week " << w << ", citizen " << i);
        const auto [actor, state, activity] = case_parts(codes[i]);
        CHECK(actor == pop.actor[i]);
        CHECK(state == pop.state[i]);
        CHECK(activity == index_of(pop.current_activity(i, w)));
        running += activity != 0;
      }
      // Without casework nobody is in an activity; with it, some are in some weeks.
      if (!casework) CHECK(running == 0);
      if (casework && w >= 0 && w < 8) CHECK(running > 0);
    }
  }
}

TEST_CASE("counting case codes puts each citizen with an activity running in its code's bin, over any range",
          "[unit]") {
  const Population pop = random_population(1003, true, 9);
  std::vector<CaseCode> codes(pop.state.size());
  write_case_codes(pop, 4, 0, static_cast<CitizenId>(codes.size()), codes.data());
  // Bins as the engine's programme count makes them: many codes to a bin, the rest in the last.
  constexpr std::size_t bins = 40;
  std::vector<std::uint16_t> bin_of(case_codes(256));
  for (std::size_t c = 0; c < bin_of.size(); ++c)
    bin_of[c] = static_cast<std::uint16_t>(c % 7 == 0 ? bins - 1 : c % 39);
  // Lengths leaving each remainder of four (8, 0, 3, 1, 2), and counts already there kept.
  for (const VectorPath path : {VectorPath::avx512, VectorPath::portable})
    for (const auto& [first, last] :
         {std::pair<CitizenId, CitizenId>{5, 13}, {7, 7}, {2, 5}, {3, 8}, {100, 902}, {0, 1003}, {1, 97}}) {
      std::vector<std::uint32_t> ways(kCountWays * bins, 3);
      count_case_codes(codes.data(), first, last, bin_of.data(), bins, ways.data(), path);
      std::vector<std::uint32_t> counted(bins, 0), expected(bins, kCountWays * 3);
      for (std::size_t k = 0; k < kCountWays; ++k)
        for (std::size_t b = 0; b < bins; ++b) counted[b] += ways[k * bins + b];
      for (CitizenId i = first; i < last; ++i)
        if (case_parts(codes[i]).activity != 0) ++expected[bin_of[codes[i]]];
      INFO("path " << static_cast<int>(path) << ", citizens " << first << " to " << last);
      CHECK(counted == expected);
    }
}
