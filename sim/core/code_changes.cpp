#include "code_changes.hpp"

#include <immintrin.h>

#include <cstring>

#include "cpu_features.hpp"

namespace almpsim {

namespace {

CitizenId id_of(const MemberCodes& m, std::size_t k) {
  CitizenId id;
  std::memcpy(&id, static_cast<const unsigned char*>(m.records) + k * m.record_bytes, sizeof id);
  return id;
}

std::size_t find_portable(const MemberCodes& m, const CaseCode* codes, std::size_t from, std::uint32_t* changed,
                          std::size_t n) {
  for (std::size_t k = from; k < m.count; ++k)
    if (codes[id_of(m, k)] != m.last[k]) changed[n++] = static_cast<std::uint32_t>(k);
  return n;
}

/// Members in 8-byte records (the cohort's), sixteen at a time: the ids picked out of two
/// loads, their codes gathered as 4-byte words (the code in the low half), the lanes that
/// differ packed by compression. A member whose 4-byte word would pass the array's end (the
/// last citizen's) is listed without its code read.
__attribute__((target("avx512f"))) std::size_t find_avx512(const MemberCodes& m, const CaseCode* codes,
                                                           CitizenId present, std::uint32_t* changed) {
  const __m512i even = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
  const __m512i lanes = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  const __m512i low_half = _mm512_set1_epi32(0xFFFF);
  const __m512i last_whole_word = _mm512_set1_epi32(static_cast<int>(present) - 1);
  std::size_t n = 0, k = 0;
  for (; k + 16 <= m.count; k += 16) {
    if (k + kMemberCodesAhead + 16 <= m.count)
      for (std::size_t j = k + kMemberCodesAhead; j < k + kMemberCodesAhead + 16; ++j)
        __builtin_prefetch(codes + id_of(m, j));
    const auto* record = static_cast<const unsigned char*>(m.records) + 8 * k;
    const __m512i ids = _mm512_permutex2var_epi32(_mm512_loadu_si512(record), even, _mm512_loadu_si512(record + 64));
    const __mmask16 readable = _mm512_cmplt_epu32_mask(ids, last_whole_word);
    const __m512i words = _mm512_mask_i32gather_epi32(_mm512_setzero_si512(), readable, ids, codes, 2);
    const __m512i last = _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(m.last + k)));
    const __mmask16 differ =
        _mm512_cmpneq_epi32_mask(_mm512_and_si512(words, low_half), last) | static_cast<__mmask16>(~readable);
    _mm512_storeu_si512(changed + n, _mm512_maskz_compress_epi32(
                                         differ, _mm512_add_epi32(_mm512_set1_epi32(static_cast<int>(k)), lanes)));
    n += static_cast<std::size_t>(__builtin_popcount(differ));
  }
  return find_portable(m, codes, k, changed, n);
}

}  // namespace

std::size_t find_code_changes(const MemberCodes& members, const CaseCode* codes, CitizenId present,
                              std::uint32_t* changed, VectorPath widest) {
  if (widest >= VectorPath::avx512 && members.record_bytes == 8 && cpu_has_avx512())
    return find_avx512(members, codes, present, changed);
  return find_portable(members, codes, 0, changed, 0);
}

}  // namespace almpsim
