// A citizen's case code of the week: the serving actor, the state and the activity running, as
// the population's accessors give them, for every week around an activity's start and end.
#include "almpsim/case_codes.hpp"

#include <array>
#include <random>
#include <set>
#include <utility>
#include <vector>

#include "support/catch.hpp"

using namespace almpsim;

namespace {
/// Decodes a case code into (actor, state, activity).
std::array<std::size_t, 3> decode(CaseCode c) {
  return {c / (kStates * kActivities), c / kActivities % kStates, c % kActivities};
}

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
        CHECK(decode(c) == std::array<std::size_t, 3>{a, s, k});
        seen.insert(c);
      }
  CHECK(seen.size() == case_codes(256));
}

TEST_CASE("a week's case codes are the actor, state and running activity of each citizen", "[unit]") {
  for (const bool casework : {true, false}) {
    const Population pop = random_population(1000, casework, casework ? 7 : 8);
    for (Week w = -3; w < 12; ++w) {
      std::vector<CaseCode> codes(pop.state.size(), 0xFFFF);
      // Two calls on adjoining ranges, as the engine's blocks make them.
      write_case_codes(pop, w, 0, 333, codes.data());
      write_case_codes(pop, w, 333, static_cast<CitizenId>(codes.size()), codes.data());
      std::size_t running = 0;
      for (CitizenId i = 0; i < codes.size(); ++i) {
        INFO("casework " << casework << ", week " << w << ", citizen " << i);
        const auto [actor, state, activity] = decode(codes[i]);
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

TEST_CASE("counting case codes gives each code's citizens, over any range", "[unit]") {
  const Population pop = random_population(1003, true, 9);
  std::vector<CaseCode> codes(pop.state.size());
  write_case_codes(pop, 4, 0, static_cast<CitizenId>(codes.size()), codes.data());
  const std::size_t kinds = case_codes(256);
  // Ranges whose lengths leave each remainder of four, and one that adds to counts already there.
  for (const auto& [first, last] : {std::pair<CitizenId, CitizenId>{0, 1003}, {5, 13}, {7, 7}, {2, 5}, {100, 902}}) {
    std::vector<std::uint32_t> counted(kinds, 3), expected(kinds, 3);
    count_case_codes(codes.data(), first, last, kinds, counted.data());
    for (CitizenId i = first; i < last; ++i) ++expected[codes[i]];
    INFO("citizens " << first << " to " << last);
    CHECK(counted == expected);
  }
}
