#pragma once
/// Philox4x32-10 for runs of consecutive or listed subjects, computed many lanes at a time so that the
/// rounds run as vector instructions. Bit for bit the same words as Random123's scalar Philox.
#include <cstddef>
#include <cstdint>

#include "almpsim/vector_path.hpp"

namespace almpsim {

/// Words of the counters {first + k, c1, c2, c3}, k = 0..count-1, under key {k0, k1}:
/// out[4k + j] is word j of counter k (out holds 4 * count words). Uses AVX-512 or AVX2 where
/// the CPU has them, up to `widest` (portable: Random123's scalar Philox, as on other CPUs).
void philox4x32_batch(std::uint32_t k0, std::uint32_t k1, std::uint32_t first, std::size_t count, std::uint32_t c1,
                      std::uint32_t c2, std::uint32_t c3, std::uint32_t* out, VectorPath widest = VectorPath::avx512);

/// The same for listed subjects: the counters {subjects[k], c1, c2, c3}, k = 0..count-1.
void philox4x32_listed(std::uint32_t k0, std::uint32_t k1, const std::uint32_t* subjects, std::size_t count,
                       std::uint32_t c1, std::uint32_t c2, std::uint32_t c3, std::uint32_t* out,
                       VectorPath widest = VectorPath::avx512);

}  // namespace almpsim
