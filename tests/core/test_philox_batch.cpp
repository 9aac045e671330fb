#include "almpsim/rng.hpp"

#include "../../sim/core/cpu_features.hpp"

#include <cstdint>
#include <vector>

#include "support/catch.hpp"

using namespace almpsim;

TEST_CASE("batched Philox gives the scalar generator's words, bit for bit", "[unit]") {
  const RandomStreams rng(0x1234567890ABCDEFull, 7);
  // A path the CPU lacks falls back to a narrower one, which this test then runs in its place.
  if (!cpu_has_avx512()) WARN("no AVX-512 on this CPU: its Philox path is not tested here");
  if (!cpu_has_avx2()) WARN("no AVX2 on this CPU: its Philox path is not tested here");
  // Counts below, at and above each path's lane groups (4 and 16 counters in AVX2, 8 and 32 in
  // AVX-512), mixes of wide, narrow and scalar rests, and a run that wraps the 32-bit subject.
  for (const std::uint32_t first : {0u, 5u, 4294967290u}) {
    for (const std::size_t count : {1, 3, 4, 7, 8, 15, 16, 17, 24, 31, 32, 33, 47, 63, 64, 100, 129}) {
      for (const VectorPath widest : {VectorPath::portable, VectorPath::avx2, VectorPath::avx512}) {
        std::vector<std::uint32_t> batch(4 * count);
        rng.words_batch(first, count, -3, Process::transition, batch.data(), widest);
        for (std::size_t k = 0; k < count; ++k) {
          const auto scalar = rng.words(first + static_cast<std::uint32_t>(k), -3, Process::transition);
          for (std::size_t j = 0; j < 4; ++j) REQUIRE(batch[4 * k + j] == scalar[j]);
        }
      }
    }
  }
}

TEST_CASE("Philox over listed subjects gives the scalar generator's words, bit for bit", "[unit]") {
  const RandomStreams rng(0x0FEDCBA987654321ull, 3);
  if (!cpu_has_avx512()) WARN("no AVX-512 on this CPU: its Philox path is not tested here");
  if (!cpu_has_avx2()) WARN("no AVX2 on this CPU: its Philox path is not tested here");
  // Subjects out of order, repeated and at the ends of the 32-bit range, in every lane of every
  // path's lane groups, for the same counts as above.
  std::vector<std::uint32_t> subjects;
  for (std::uint32_t k = 0; k < 129; ++k) subjects.push_back(k % 5 == 0 ? 4294967295u - k : (k * 2654435761u) % 1000u);
  subjects[7] = subjects[6];
  for (const std::size_t count : {1, 3, 4, 7, 8, 15, 16, 17, 24, 31, 32, 33, 47, 63, 64, 100, 129}) {
    for (const VectorPath widest : {VectorPath::portable, VectorPath::avx2, VectorPath::avx512}) {
      std::vector<std::uint32_t> listed(4 * count);
      rng.words_listed(subjects.data(), count, 11, Process::meeting, listed.data(), widest);
      for (std::size_t k = 0; k < count; ++k) {
        const auto scalar = rng.words(subjects[k], 11, Process::meeting);
        for (std::size_t j = 0; j < 4; ++j) REQUIRE(listed[4 * k + j] == scalar[j]);
      }
    }
  }
}
