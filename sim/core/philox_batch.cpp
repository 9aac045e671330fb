#include "almpsim/philox_batch.hpp"

#include <Random123/philox.h>
#include <immintrin.h>

#include "cpu_features.hpp"

namespace almpsim {

namespace {

constexpr std::uint32_t kM0 = 0xD2511F53u, kM1 = 0xCD9E8D57u;  // Random123's multipliers
constexpr std::uint32_t kW0 = 0x9E3779B9u, kW1 = 0xBB67AE85u;  // and Weyl key increments
constexpr int kRounds = 10;                                    // Philox4x32-10

/// High and low halves of the 32x32-bit products a * m, lane by lane (8 lanes).
__attribute__((target("avx2"))) inline void mulhilo8(__m256i a, __m256i m, __m256i& hi, __m256i& lo) {
  const __m256i even = _mm256_mul_epu32(a, m);                        // lanes 0, 2, 4, 6 as 64-bit
  const __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(a, 32), m);  // lanes 1, 3, 5, 7
  lo = _mm256_blend_epi32(even, _mm256_slli_epi64(odd, 32), 0xAA);
  hi = _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xAA);
}

/// Eight consecutive counters at once; out receives 32 words in counter order.
__attribute__((target("avx2"))) void philox_avx2(std::uint32_t k0, std::uint32_t k1, std::uint32_t first,
                                                 std::uint32_t c1, std::uint32_t c2, std::uint32_t c3,
                                                 std::uint32_t* out) {
  __m256i x0 = _mm256_add_epi32(_mm256_set1_epi32(static_cast<int>(first)), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
  __m256i x1 = _mm256_set1_epi32(static_cast<int>(c1));
  __m256i x2 = _mm256_set1_epi32(static_cast<int>(c2));
  __m256i x3 = _mm256_set1_epi32(static_cast<int>(c3));
  const __m256i m0 = _mm256_set1_epi32(static_cast<int>(kM0)), m1 = _mm256_set1_epi32(static_cast<int>(kM1));
  for (int round = 0; round < kRounds; ++round) {
    if (round > 0) {
      k0 += kW0;
      k1 += kW1;
    }
    __m256i hi0, lo0, hi1, lo1;
    mulhilo8(x0, m0, hi0, lo0);
    mulhilo8(x2, m1, hi1, lo1);
    x0 = _mm256_xor_si256(_mm256_xor_si256(hi1, x1), _mm256_set1_epi32(static_cast<int>(k0)));
    x2 = _mm256_xor_si256(_mm256_xor_si256(hi0, x3), _mm256_set1_epi32(static_cast<int>(k1)));
    x1 = lo1;
    x3 = lo0;
  }
  // Transpose 4 x 8 words into 8 counters of 4 words.
  const __m256i t0 = _mm256_unpacklo_epi32(x0, x1), t1 = _mm256_unpackhi_epi32(x0, x1);
  const __m256i t2 = _mm256_unpacklo_epi32(x2, x3), t3 = _mm256_unpackhi_epi32(x2, x3);
  const __m256i u0 = _mm256_unpacklo_epi64(t0, t2), u1 = _mm256_unpackhi_epi64(t0, t2);
  const __m256i u2 = _mm256_unpacklo_epi64(t1, t3), u3 = _mm256_unpackhi_epi64(t1, t3);
  auto* o = reinterpret_cast<__m256i*>(out);
  _mm256_storeu_si256(o + 0, _mm256_permute2x128_si256(u0, u1, 0x20));
  _mm256_storeu_si256(o + 1, _mm256_permute2x128_si256(u2, u3, 0x20));
  _mm256_storeu_si256(o + 2, _mm256_permute2x128_si256(u0, u1, 0x31));
  _mm256_storeu_si256(o + 3, _mm256_permute2x128_si256(u2, u3, 0x31));
}

/// mulhilo8 over 16 lanes.
__attribute__((target("avx512f"))) inline void mulhilo16(__m512i a, __m512i m, __m512i& hi, __m512i& lo) {
  const __m512i even = _mm512_mul_epu32(a, m);
  const __m512i odd = _mm512_mul_epu32(_mm512_srli_epi64(a, 32), m);
  lo = _mm512_mask_blend_epi32(0xAAAA, even, _mm512_slli_epi64(odd, 32));
  hi = _mm512_mask_blend_epi32(0xAAAA, _mm512_srli_epi64(even, 32), odd);
}

/// Sixteen consecutive counters at once in AVX-512; out receives 64 words in counter order.
__attribute__((target("avx512f"))) void philox_avx512(std::uint32_t k0, std::uint32_t k1, std::uint32_t first,
                                                      std::uint32_t c1, std::uint32_t c2, std::uint32_t c3,
                                                      std::uint32_t* out) {
  __m512i x0 = _mm512_add_epi32(_mm512_set1_epi32(static_cast<int>(first)),
                                _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
  __m512i x1 = _mm512_set1_epi32(static_cast<int>(c1));
  __m512i x2 = _mm512_set1_epi32(static_cast<int>(c2));
  __m512i x3 = _mm512_set1_epi32(static_cast<int>(c3));
  const __m512i m0 = _mm512_set1_epi32(static_cast<int>(kM0)), m1 = _mm512_set1_epi32(static_cast<int>(kM1));
  for (int round = 0; round < kRounds; ++round) {
    if (round > 0) {
      k0 += kW0;
      k1 += kW1;
    }
    __m512i hi0, lo0, hi1, lo1;
    mulhilo16(x0, m0, hi0, lo0);
    mulhilo16(x2, m1, hi1, lo1);
    x0 = _mm512_xor_si512(_mm512_xor_si512(hi1, x1), _mm512_set1_epi32(static_cast<int>(k0)));
    x2 = _mm512_xor_si512(_mm512_xor_si512(hi0, x3), _mm512_set1_epi32(static_cast<int>(k1)));
    x1 = lo1;
    x3 = lo0;
  }
  // Within each 128-bit lane as in AVX2: u0 holds counters 0, 4, 8, 12; u1 1, 5, 9, 13; and so on.
  const __m512i t0 = _mm512_unpacklo_epi32(x0, x1), t1 = _mm512_unpackhi_epi32(x0, x1);
  const __m512i t2 = _mm512_unpacklo_epi32(x2, x3), t3 = _mm512_unpackhi_epi32(x2, x3);
  const __m512i u0 = _mm512_unpacklo_epi64(t0, t2), u1 = _mm512_unpackhi_epi64(t0, t2);
  const __m512i u2 = _mm512_unpacklo_epi64(t1, t3), u3 = _mm512_unpackhi_epi64(t1, t3);
  // Then the 128-bit lanes into counter order.
  const __m512i a = _mm512_shuffle_i32x4(u0, u1, 0x44), b = _mm512_shuffle_i32x4(u2, u3, 0x44);  // 0 4 1 5, 2 6 3 7
  const __m512i c = _mm512_shuffle_i32x4(u0, u1, 0xEE), d = _mm512_shuffle_i32x4(u2, u3, 0xEE);  // 8 12 9 13, ...
  _mm512_storeu_si512(out + 0, _mm512_shuffle_i32x4(a, b, 0x88));
  _mm512_storeu_si512(out + 16, _mm512_shuffle_i32x4(a, b, 0xDD));
  _mm512_storeu_si512(out + 32, _mm512_shuffle_i32x4(c, d, 0x88));
  _mm512_storeu_si512(out + 48, _mm512_shuffle_i32x4(c, d, 0xDD));
}

}  // namespace

void philox4x32_batch(std::uint32_t k0, std::uint32_t k1, std::uint32_t first, std::size_t count, std::uint32_t c1,
                      std::uint32_t c2, std::uint32_t c3, std::uint32_t* out, bool allow_simd) {
  std::size_t done = 0;
  if (allow_simd && cpu_has_avx512())
    for (; done + 16 <= count; done += 16)
      philox_avx512(k0, k1, first + static_cast<std::uint32_t>(done), c1, c2, c3, out + 4 * done);
  if (allow_simd && cpu_has_avx2())
    for (; done + 8 <= count; done += 8)
      philox_avx2(k0, k1, first + static_cast<std::uint32_t>(done), c1, c2, c3, out + 4 * done);
  // The rest (and CPUs without AVX2) through Random123's own scalar Philox.
  const r123::Philox4x32::key_type key{{k0, k1}};
  for (; done < count; ++done) {
    const r123::Philox4x32::ctr_type ctr{{first + static_cast<std::uint32_t>(done), c1, c2, c3}};
    const auto words = r123::Philox4x32{}(ctr, key);
    for (std::size_t j = 0; j < 4; ++j) out[4 * done + j] = words[j];
  }
}

}  // namespace almpsim
