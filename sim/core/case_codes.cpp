#include "almpsim/case_codes.hpp"

#include <immintrin.h>

#include "cpu_features.hpp"

namespace almpsim {

namespace {

__attribute__((target("avx512bw"))) inline __m512i widen(const std::uint8_t* bytes) {
  return _mm512_cvtepu8_epi16(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes)));
}

/// Thirty-two citizens at a time, in 16-bit lanes (every code fits 15 bits); the rest as the
/// portable loop writes them.
__attribute__((target("avx512bw"))) CitizenId write_avx512(const Population& pop, Week w, CitizenId first,
                                                           CitizenId last, CaseCode* out) {
  const __m512i per_actor = _mm512_set1_epi16(kStates * kActivities), per_state = _mm512_set1_epi16(kActivities);
  const __m512i week = _mm512_set1_epi16(static_cast<std::int16_t>(w));
  CitizenId i = first;
  for (; i + 32 <= last; i += 32) {
    __m512i code = _mm512_add_epi16(_mm512_mullo_epi16(widen(pop.actor.data() + i), per_actor),
                                    _mm512_mullo_epi16(widen(pop.state.data() + i), per_state));
    if (pop.casework) {
      const __mmask32 running = _mm512_cmpge_epi16_mask(week, _mm512_loadu_si512(pop.activity_from.data() + i)) &
                                _mm512_cmplt_epi16_mask(week, _mm512_loadu_si512(pop.activity_to.data() + i));
      code = _mm512_mask_add_epi16(code, running, code, widen(pop.activity.data() + i));
    }
    _mm512_storeu_si512(out + i, code);
  }
  return i;
}

/// Thirty-two codes at a time: their activities (code % kActivities, the quotient by a multiply
/// and a shift: exact for codes below 43,693, which every code is) tested together, the few
/// running counted one by one.
__attribute__((target("avx512bw"))) CitizenId count_running_avx512(const CaseCode* codes, CitizenId first,
                                                                   CitizenId last, const std::uint16_t* bin_of,
                                                                   std::uint32_t* counts) {
  static_assert(kActivities == 7 && case_codes(256) < 43693, "the multiply by 18725 / 2^17 divides by seven");
  const __m512i seven = _mm512_set1_epi16(kActivities), inverse = _mm512_set1_epi16(18725);
  CitizenId i = first;
  for (; i + 32 <= last; i += 32) {
    const __m512i code = _mm512_loadu_si512(codes + i);
    const __m512i activity =
        _mm512_sub_epi16(code, _mm512_mullo_epi16(_mm512_srli_epi16(_mm512_mulhi_epu16(code, inverse), 1), seven));
    for (__mmask32 running = _mm512_test_epi16_mask(activity, activity); running != 0; running &= running - 1)
      ++counts[bin_of[codes[i + static_cast<CitizenId>(__builtin_ctz(running))]]];
  }
  return i;
}

}  // namespace

static_assert(index_of(Activity::none) == 0,
              "a state's code without an activity is its first: the activity adds to it");

void write_case_codes(const Population& pop, Week w, CitizenId first, CitizenId last, CaseCode* codes,
                      VectorPath widest) {
  // Weeks outside 16 bits never reach a run (the population keeps its weeks in 16 bits).
  if (widest >= VectorPath::avx512 && cpu_has_avx512bw() && w >= -32768 && w <= 32767)
    first = write_avx512(pop, w, first, last, codes);
  CaseCode* __restrict out = codes;  // no input array aliases it: the loops vectorise
  const std::uint8_t* state = pop.state.data();
  const std::uint8_t* actor = pop.actor.data();
  if (!pop.casework) {
    for (CitizenId i = first; i < last; ++i) out[i] = case_code(actor[i], state[i], index_of(Activity::none));
    return;
  }
  // Branch-free (the activity runs in [from, to); none is code 0 within a state), so the loop vectorises.
  const std::uint8_t* activity = pop.activity.data();
  const std::int16_t* from = pop.activity_from.data();
  const std::int16_t* to = pop.activity_to.data();
  for (CitizenId i = first; i < last; ++i) {
    const unsigned running = static_cast<unsigned>(w >= from[i]) & static_cast<unsigned>(w < to[i]);
    out[i] = static_cast<CaseCode>(case_code(actor[i], state[i], index_of(Activity::none)) + running * activity[i]);
  }
}

void count_case_codes(const CaseCode* codes, CitizenId first, CitizenId last, const std::uint16_t* bin_of,
                      std::size_t bins, std::uint32_t* ways, VectorPath widest) {
  static_assert(kCountWays == 4);
  std::uint32_t* const way[kCountWays] = {ways, ways + bins, ways + 2 * bins, ways + 3 * bins};
  CitizenId i = first;
  if (widest >= VectorPath::avx512 && cpu_has_avx512bw()) i = count_running_avx512(codes, first, last, bin_of, way[0]);
  const auto running = [](CaseCode code) { return static_cast<std::uint32_t>(case_parts(code).activity != 0); };
  for (; i + kCountWays <= last; i += kCountWays) {
    way[0][bin_of[codes[i]]] += running(codes[i]);
    way[1][bin_of[codes[i + 1]]] += running(codes[i + 1]);
    way[2][bin_of[codes[i + 2]]] += running(codes[i + 2]);
    way[3][bin_of[codes[i + 3]]] += running(codes[i + 3]);
  }
  for (; i < last; ++i) way[0][bin_of[codes[i]]] += running(codes[i]);
}

}  // namespace almpsim
