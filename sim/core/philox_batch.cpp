#include "almpsim/philox_batch.hpp"

#include <Random123/philox.h>
#include <immintrin.h>

#include "cpu_features.hpp"

namespace almpsim {

namespace {

constexpr std::uint32_t kM0 = 0xD2511F53u, kM1 = 0xCD9E8D57u;  // Random123's multipliers
constexpr std::uint32_t kW0 = 0x9E3779B9u, kW1 = 0xBB67AE85u;  // and Weyl key increments
constexpr int kRounds = 10;                                    // Philox4x32-10

/// The subjects of a run of counters: `listed` ones in turn where given, else consecutive from
/// `first`.
struct Subjects {
  std::uint32_t first;
  const std::uint32_t* listed;
  Subjects from(std::size_t k) const { return {first + static_cast<std::uint32_t>(k), listed ? listed + k : nullptr}; }
  std::uint32_t at(std::size_t k) const { return listed ? listed[k] : first + static_cast<std::uint32_t>(k); }
};

// Each counter's four words sit in the low halves of 64-bit lanes, one counter a lane, so
// that vpmuludq (which reads only the low halves) yields hi and lo of a product in one lane
// without the blends a packed layout needs; the high halves carry whatever the last round left.
// Several independent sets of lanes run side by side to hide the multiply's latency.

/// `Sets` x 4 counters at once in AVX2 (their subjects consecutive or listed); out receives
/// 16 * Sets words in counter order.
template <int Sets>
__attribute__((target("avx2"))) void philox_avx2(std::uint32_t k0, std::uint32_t k1, Subjects subjects,
                                                 std::uint32_t c1, std::uint32_t c2, std::uint32_t c3,
                                                 std::uint32_t* out) {
  // A set's lanes hold counters 0, 2, 1, 3, so the unpacks at the end give counter order.
  const __m256i order = _mm256_setr_epi64x(0, 2, 1, 3);
  __m256i x0[Sets], x1[Sets], x2[Sets], x3[Sets];
  for (int s = 0; s < Sets; ++s) {
    if (subjects.listed) {
      const __m128i listed = _mm_loadu_si128(reinterpret_cast<const __m128i*>(subjects.listed + 4 * s));
      x0[s] = _mm256_permute4x64_epi64(_mm256_cvtepu32_epi64(listed), _MM_SHUFFLE(3, 1, 2, 0));
    } else {
      x0[s] = _mm256_add_epi64(_mm256_set1_epi64x(subjects.first + 4u * static_cast<std::uint32_t>(s)), order);
    }
    x1[s] = _mm256_set1_epi64x(c1);
    x2[s] = _mm256_set1_epi64x(c2);
    x3[s] = _mm256_set1_epi64x(c3);
  }
  const __m256i m0 = _mm256_set1_epi64x(kM0), m1 = _mm256_set1_epi64x(kM1);
  for (int round = 0; round < kRounds; ++round) {
    if (round > 0) {
      k0 += kW0;
      k1 += kW1;
    }
    const __m256i key0 = _mm256_set1_epi32(static_cast<int>(k0)), key1 = _mm256_set1_epi32(static_cast<int>(k1));
    for (int s = 0; s < Sets; ++s) {
      const __m256i p0 = _mm256_mul_epu32(x0[s], m0), p1 = _mm256_mul_epu32(x2[s], m1);
      x0[s] = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p1, 32), x1[s]), key0);
      x2[s] = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p0, 32), x3[s]), key1);
      x1[s] = p1;
      x3[s] = p0;
    }
  }
  for (int s = 0; s < Sets; ++s) {
    const __m256i w01 = _mm256_blend_epi32(x0[s], _mm256_slli_epi64(x1[s], 32), 0xAA);
    const __m256i w23 = _mm256_blend_epi32(x2[s], _mm256_slli_epi64(x3[s], 32), 0xAA);
    auto* o = reinterpret_cast<__m256i*>(out + 16 * s);
    _mm256_storeu_si256(o, _mm256_unpacklo_epi64(w01, w23));      // counters 0, 1
    _mm256_storeu_si256(o + 1, _mm256_unpackhi_epi64(w01, w23));  // counters 2, 3
  }
}

/// `Sets` x 8 counters at once in AVX-512 (their subjects consecutive or listed); out receives
/// 32 * Sets words in counter order.
template <int Sets>
__attribute__((target("avx512f"))) void philox_avx512(std::uint32_t k0, std::uint32_t k1, Subjects subjects,
                                                      std::uint32_t c1, std::uint32_t c2, std::uint32_t c3,
                                                      std::uint32_t* out) {
  // A set's lanes hold counters 0, 4, 1, 5, 2, 6, 3, 7, so the unpacks at the end give counter order.
  const __m512i order = _mm512_setr_epi64(0, 4, 1, 5, 2, 6, 3, 7);
  __m512i x0[Sets], x1[Sets], x2[Sets], x3[Sets];
  for (int s = 0; s < Sets; ++s) {
    if (subjects.listed) {
      const __m256i listed = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(subjects.listed + 8 * s));
      x0[s] = _mm512_permutexvar_epi64(order, _mm512_cvtepu32_epi64(listed));
    } else {
      x0[s] = _mm512_add_epi64(_mm512_set1_epi64(subjects.first + 8u * static_cast<std::uint32_t>(s)), order);
    }
    x1[s] = _mm512_set1_epi64(c1);
    x2[s] = _mm512_set1_epi64(c2);
    x3[s] = _mm512_set1_epi64(c3);
  }
  const __m512i m0 = _mm512_set1_epi64(kM0), m1 = _mm512_set1_epi64(kM1);
  for (int round = 0; round < kRounds; ++round) {
    if (round > 0) {
      k0 += kW0;
      k1 += kW1;
    }
    const __m512i key0 = _mm512_set1_epi32(static_cast<int>(k0)), key1 = _mm512_set1_epi32(static_cast<int>(k1));
    for (int s = 0; s < Sets; ++s) {
      const __m512i p0 = _mm512_mul_epu32(x0[s], m0), p1 = _mm512_mul_epu32(x2[s], m1);
      x0[s] = _mm512_ternarylogic_epi32(_mm512_srli_epi64(p1, 32), x1[s], key0, 0x96);  // three-way xor
      x2[s] = _mm512_ternarylogic_epi32(_mm512_srli_epi64(p0, 32), x3[s], key1, 0x96);
      x1[s] = p1;
      x3[s] = p0;
    }
  }
  for (int s = 0; s < Sets; ++s) {
    const __m512i w01 = _mm512_mask_blend_epi32(0xAAAA, x0[s], _mm512_slli_epi64(x1[s], 32));
    const __m512i w23 = _mm512_mask_blend_epi32(0xAAAA, x2[s], _mm512_slli_epi64(x3[s], 32));
    _mm512_storeu_si512(out + 32 * s, _mm512_unpacklo_epi64(w01, w23));       // counters 0 to 3
    _mm512_storeu_si512(out + 32 * s + 16, _mm512_unpackhi_epi64(w01, w23));  // counters 4 to 7
  }
}

/// Four sets side by side ran fastest here (two and eight were slower).
constexpr int kWideSets = 4;

/// The words of `count` counters {subject, c1, c2, c3}: the widest path the CPU has, up to
/// `widest`, then Random123's scalar Philox for the rest (and on CPUs without AVX2).
void philox4x32_run(std::uint32_t k0, std::uint32_t k1, Subjects subjects, std::size_t count, std::uint32_t c1,
                    std::uint32_t c2, std::uint32_t c3, std::uint32_t* out, VectorPath widest) {
  std::size_t done = 0;
  if (widest >= VectorPath::avx512 && cpu_has_avx512()) {
    for (; done + 8 * kWideSets <= count; done += 8 * kWideSets)
      philox_avx512<kWideSets>(k0, k1, subjects.from(done), c1, c2, c3, out + 4 * done);
    for (; done + 8 <= count; done += 8) philox_avx512<1>(k0, k1, subjects.from(done), c1, c2, c3, out + 4 * done);
  }
  if (widest >= VectorPath::avx2 && cpu_has_avx2()) {
    for (; done + 4 * kWideSets <= count; done += 4 * kWideSets)
      philox_avx2<kWideSets>(k0, k1, subjects.from(done), c1, c2, c3, out + 4 * done);
    for (; done + 4 <= count; done += 4) philox_avx2<1>(k0, k1, subjects.from(done), c1, c2, c3, out + 4 * done);
  }
  const r123::Philox4x32::key_type key{{k0, k1}};
  for (; done < count; ++done) {
    const r123::Philox4x32::ctr_type ctr{{subjects.at(done), c1, c2, c3}};
    const auto words = r123::Philox4x32{}(ctr, key);
    for (std::size_t j = 0; j < 4; ++j) out[4 * done + j] = words[j];
  }
}

}  // namespace

void philox4x32_batch(std::uint32_t k0, std::uint32_t k1, std::uint32_t first, std::size_t count, std::uint32_t c1,
                      std::uint32_t c2, std::uint32_t c3, std::uint32_t* out, VectorPath widest) {
  philox4x32_run(k0, k1, {first, nullptr}, count, c1, c2, c3, out, widest);
}

void philox4x32_listed(std::uint32_t k0, std::uint32_t k1, const std::uint32_t* subjects, std::size_t count,
                       std::uint32_t c1, std::uint32_t c2, std::uint32_t c3, std::uint32_t* out, VectorPath widest) {
  philox4x32_run(k0, k1, {0, subjects}, count, c1, c2, c3, out, widest);
}

}  // namespace almpsim
