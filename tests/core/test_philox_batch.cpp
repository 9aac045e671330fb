#include "almpsim/rng.hpp"

#include <cstdint>
#include <vector>

#include "support/catch.hpp"

using namespace almpsim;

TEST_CASE("batched Philox gives the scalar generator's words, bit for bit", "[unit]") {
  const RandomStreams rng(0x1234567890ABCDEFull, 7);
  // Counts below, at and above a lane group of 8 (AVX2) and of 16 (AVX-512), mixes of both with
  // a scalar rest, and a run that wraps the 32-bit subject.
  for (const std::uint32_t first : {0u, 5u, 4294967290u}) {
    for (const std::size_t count : {std::size_t{1}, std::size_t{7}, std::size_t{8}, std::size_t{15}, std::size_t{16},
                                    std::size_t{17}, std::size_t{24}, std::size_t{31}, std::size_t{100}}) {
      for (const bool simd : {true, false}) {
        std::vector<std::uint32_t> batch(4 * count);
        rng.words_batch(first, count, -3, Process::transition, batch.data(), simd);
        for (std::size_t k = 0; k < count; ++k) {
          const auto scalar = rng.words(first + static_cast<std::uint32_t>(k), -3, Process::transition);
          for (std::size_t j = 0; j < 4; ++j) REQUIRE(batch[4 * k + j] == scalar[j]);
        }
      }
    }
  }
}
