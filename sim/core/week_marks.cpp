#include "week_marks.hpp"

#include <immintrin.h>

#include <cstddef>
#include <stdexcept>
#include <type_traits>

#include "cpu_features.hpp"

namespace almpsim {

namespace {

/// Citizen i's row key, from whichever width the inputs hold.
inline std::uint32_t row_of(const WeekMarkInputs& in, CitizenId i) {
  return in.row_of16 ? in.row_of16[i] : in.row_of32[i];
}

/// One citizen's marks: bit 0 marked, and its WeekMark bits above it. `Worked`: the casework
/// views are given (else nobody has a programme, a recent meeting or one due).
template <bool Worked>
inline unsigned marks_of(const WeekMarkInputs& in, CitizenId i) {
  const Week w = in.week;
  const bool current = w < in.row_until[i];
  bool keyed = current;
  if constexpr (Worked) keyed = keyed & (in.activity[i] == 0) & (w - in.last_met[i] > in.reach);
  const std::uint32_t r = row_of(in, i);
  const RowHead& row = in.heads[r];
  bool stays = keyed & (row.stamp == w) & (in.word_of[i] >= row.stay_from);
  bool due = false;
  if constexpr (Worked) {
    due = in.next_meeting[i] == w;
    // A programme or a recent meeting: the draw that stays under any effect settles it.
    const RowHead& any = in.effect_heads[r];
    stays = stays | (current & !keyed & (any.stamp == w) & (in.word_of[i] >= any.stay_from));
  }
  const unsigned flags = (stays ? unsigned{kStays} : 0u) | (keyed ? unsigned{kKeyed} : 0u);
  return static_cast<unsigned>(!stays | due) | flags << 1;
}

template <bool Worked>
std::size_t mark_portable(const WeekMarkInputs& in, CitizenId lo, CitizenId hi, CitizenId* marked, std::uint8_t* flags,
                          std::size_t n) {
  for (CitizenId i = lo; i < hi; ++i) {
    const unsigned m = marks_of<Worked>(in, i);
    // Written always, kept only if marked: no branch on the common week.
    marked[n] = i;
    flags[n] = static_cast<std::uint8_t>(m >> 1);
    n += m & 1u;
  }
  return n;
}

/// The stamps and thresholds of a thread's rows (Lanes or fewer) laid out for one vector load
/// each, zero beyond the last row.
template <std::size_t Lanes>
struct HeadTable {
  alignas(64) std::int32_t stamps[Lanes] = {};
  alignas(64) std::uint32_t stays[Lanes] = {};
  explicit HeadTable(const WeekMarkInputs& in) {
    for (std::size_t r = 0; r < in.rows; ++r) {
      stamps[r] = in.heads[r].stamp;
      stays[r] = in.heads[r].stay_from;
    }
  }
};

/// Eight citizens at a time: the same tests as marks_of, lane by lane, and the rows' stamp and
/// threshold gathered.
template <bool Worked>
__attribute__((target("avx2"))) std::size_t mark_avx2(const WeekMarkInputs& in, CitizenId lo, CitizenId hi,
                                                      CitizenId* marked, std::uint8_t* flags) {
  static_assert(sizeof(RowHead) == 8 && offsetof(RowHead, stamp) == 0 && offsetof(RowHead, stay_from) == 4);
  const __m256i week = _mm256_set1_epi32(in.week), reach = _mm256_set1_epi32(in.reach);
  const auto* row_base = reinterpret_cast<const int*>(in.heads);
  const auto* effect_base = reinterpret_cast<const int*>(in.effect_heads);
  // Eight rows or fewer are permuted from registers, as in the AVX-512 path.
  const bool few_rows = in.rows <= 8;
  __m256i stamp_table = _mm256_setzero_si256(), stay_table = _mm256_setzero_si256();
  if (few_rows) {
    const HeadTable<8> table(in);
    stamp_table = _mm256_load_si256(reinterpret_cast<const __m256i*>(table.stamps));
    stay_table = _mm256_load_si256(reinterpret_cast<const __m256i*>(table.stays));
  }
  std::size_t n = 0;
  CitizenId i = lo;
  for (; i + 8 <= hi; i += 8) {
    const __m256i until = _mm256_cvtepi16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in.row_until + i)));
    const __m256i row = in.row_of16
                            ? _mm256_cvtepu16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in.row_of16 + i)))
                            : _mm256_loadu_si256(reinterpret_cast<const __m256i*>(in.row_of32 + i));
    const __m256i word = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(in.word_of + i));
    const __m256i stamp =
        few_rows ? _mm256_permutevar8x32_epi32(stamp_table, row) : _mm256_i32gather_epi32(row_base, row, 8);
    const __m256i stay_from =
        few_rows ? _mm256_permutevar8x32_epi32(stay_table, row) : _mm256_i32gather_epi32(row_base + 1, row, 8);
    const __m256i current_key = _mm256_cmpgt_epi32(until, week);
    __m256i keyed = current_key;
    __m256i due = _mm256_setzero_si256();
    __m256i settled = _mm256_setzero_si256();  // under any effect
    if constexpr (Worked) {
      const __m256i kind = _mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(in.activity + i)));
      const __m256i met = _mm256_cvtepi16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in.last_met + i)));
      const __m256i due_week =
          _mm256_cvtepi16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in.next_meeting + i)));
      keyed = _mm256_and_si256(keyed, _mm256_cmpeq_epi32(kind, _mm256_setzero_si256()));
      keyed = _mm256_and_si256(keyed, _mm256_cmpgt_epi32(_mm256_sub_epi32(week, met), reach));
      due = _mm256_cmpeq_epi32(due_week, week);
      // Candidates: a current key, but a programme or a recent meeting.
      const __m256i candidate = _mm256_andnot_si256(keyed, current_key);
      if (!_mm256_testz_si256(candidate, candidate)) {
        const __m256i any_stamp = _mm256_mask_i32gather_epi32(_mm256_setzero_si256(), effect_base, row, candidate, 8);
        const __m256i any_from =
            _mm256_mask_i32gather_epi32(_mm256_setzero_si256(), effect_base + 1, row, candidate, 8);
        const __m256i any_stays = _mm256_and_si256(_mm256_cmpeq_epi32(any_stamp, week),
                                                   _mm256_cmpeq_epi32(_mm256_max_epu32(word, any_from), word));
        settled = _mm256_and_si256(candidate, any_stays);
      }
    }
    const __m256i current = _mm256_cmpeq_epi32(stamp, week);
    const __m256i at_or_above = _mm256_cmpeq_epi32(_mm256_max_epu32(word, stay_from), word);  // unsigned >=
    const __m256i stays = _mm256_or_si256(_mm256_and_si256(keyed, _mm256_and_si256(current, at_or_above)), settled);
    const auto stay_bits = static_cast<unsigned>(_mm256_movemask_ps(_mm256_castsi256_ps(stays)));
    const auto keyed_bits = static_cast<unsigned>(_mm256_movemask_ps(_mm256_castsi256_ps(keyed)));
    const auto quiet_bits =
        static_cast<unsigned>(_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_andnot_si256(due, stays))));
    unsigned bits = ~quiet_bits & 0xFFu;
    while (bits != 0) {
      const int j = __builtin_ctz(bits);
      marked[n] = i + static_cast<CitizenId>(j);
      flags[n] = static_cast<std::uint8_t>(((stay_bits >> j) & 1u) * kStays | ((keyed_bits >> j) & 1u) * kKeyed);
      ++n;
      bits &= bits - 1;
    }
  }
  return mark_portable<Worked>(in, i, hi, marked, flags, n);
}

/// Sixteen citizens at a time, the marked ones' ids and flags packed by compression
/// (into a register, then stored: a compressing store to memory is slow on some CPUs). Each
/// store writes sixteen entries at the count so far, which never passes the citizen it covers.
template <bool Worked>
__attribute__((target("avx512f"))) std::size_t mark_avx512(const WeekMarkInputs& in, CitizenId lo, CitizenId hi,
                                                           CitizenId* marked, std::uint8_t* flags) {
  const __m512i week = _mm512_set1_epi32(in.week), reach = _mm512_set1_epi32(in.reach);
  const __m512i lanes = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  const __m512i stays_flag = _mm512_set1_epi32(kStays), keyed_flag = _mm512_set1_epi32(kKeyed);
  const auto* row_base = reinterpret_cast<const long long*>(in.heads);
  const auto* effect_base = reinterpret_cast<const long long*>(in.effect_heads);
  const __m512i even_halves = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
  const __m512i odd_halves = _mm512_add_epi32(even_halves, _mm512_set1_epi32(1));
  // Sixteen rows or fewer fit a register each of stamps and thresholds: a citizen's are then
  // picked by a permute instead of gathered from memory. The heads do not change during the
  // first pass, so the block's copy is what a gather would read.
  const bool few_rows = in.rows <= 16;
  __m512i stamp_table = _mm512_setzero_si512(), stay_table = _mm512_setzero_si512();
  if (few_rows) {
    const HeadTable<16> table(in);
    stamp_table = _mm512_load_si512(table.stamps);
    stay_table = _mm512_load_si512(table.stays);
  }
  std::size_t n = 0;
  CitizenId i = lo;
  for (; i + 16 <= hi; i += 16) {
    const __m512i until = _mm512_cvtepi16_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(in.row_until + i)));
    const __m512i row =
        in.row_of16 ? _mm512_cvtepu16_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(in.row_of16 + i)))
                    : _mm512_loadu_si512(in.row_of32 + i);
    const __m512i word = _mm512_loadu_si512(in.word_of + i);
    __m512i stamp, stay_from;
    if (few_rows) {
      stamp = _mm512_permutexvar_epi32(row, stamp_table);
      stay_from = _mm512_permutexvar_epi32(row, stay_table);
    } else {
      // Each row head whole (stamp and threshold in one 8-byte lane): half the gathered elements
      // of gathering the two apart; the even and odd halves are then picked out.
      const __m512i heads_lo = _mm512_i32gather_epi64(_mm512_castsi512_si256(row), row_base, 8);
      const __m512i heads_hi = _mm512_i32gather_epi64(_mm512_extracti64x4_epi64(row, 1), row_base, 8);
      stamp = _mm512_permutex2var_epi32(heads_lo, even_halves, heads_hi);
      stay_from = _mm512_permutex2var_epi32(heads_lo, odd_halves, heads_hi);
    }
    const __mmask16 current_key = _mm512_cmpgt_epi32_mask(until, week);
    __mmask16 keyed = current_key;
    __mmask16 not_due = 0xFFFF;
    __mmask16 settled = 0;  // under any effect
    if constexpr (Worked) {
      const __m512i kind = _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in.activity + i)));
      const __m512i met = _mm512_cvtepi16_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(in.last_met + i)));
      const __m512i due_week =
          _mm512_cvtepi16_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(in.next_meeting + i)));
      keyed = keyed & _mm512_cmpeq_epi32_mask(kind, _mm512_setzero_si512()) &
              _mm512_cmpgt_epi32_mask(_mm512_sub_epi32(week, met), reach);
      not_due = _mm512_cmpneq_epi32_mask(due_week, week);
      // Candidates: a current key, but a programme or a recent meeting.
      const auto candidate = static_cast<__mmask16>(current_key & ~keyed);
      if (candidate != 0) {
        // Only the candidates' effect heads are loaded, each whole as the row heads are.
        const __m512i any_lo = _mm512_mask_i32gather_epi64(_mm512_setzero_si512(), static_cast<__mmask8>(candidate),
                                                           _mm512_castsi512_si256(row), effect_base, 8);
        const __m512i any_hi =
            _mm512_mask_i32gather_epi64(_mm512_setzero_si512(), static_cast<__mmask8>(candidate >> 8),
                                        _mm512_extracti64x4_epi64(row, 1), effect_base, 8);
        const __m512i any_stamp = _mm512_permutex2var_epi32(any_lo, even_halves, any_hi);
        const __m512i any_from = _mm512_permutex2var_epi32(any_lo, odd_halves, any_hi);
        settled = candidate & _mm512_cmpeq_epi32_mask(any_stamp, week) & _mm512_cmpge_epu32_mask(word, any_from);
      }
    }
    const __mmask16 stays =
        (keyed & _mm512_cmpeq_epi32_mask(stamp, week) & _mm512_cmpge_epu32_mask(word, stay_from)) | settled;
    const __mmask16 quiet = stays & not_due;
    const auto take = static_cast<__mmask16>(~quiet);
    const __m512i ids = _mm512_add_epi32(_mm512_set1_epi32(static_cast<int>(i)), lanes);
    _mm512_storeu_si512(marked + n, _mm512_maskz_compress_epi32(take, ids));
    const __m512i lane_flags =
        _mm512_or_si512(_mm512_maskz_mov_epi32(stays, stays_flag), _mm512_maskz_mov_epi32(keyed, keyed_flag));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(flags + n),
                     _mm512_cvtepi32_epi8(_mm512_maskz_compress_epi32(take, lane_flags)));
    n += static_cast<std::size_t>(__builtin_popcount(take));
  }
  return mark_portable<Worked>(in, i, hi, marked, flags, n);
}

}  // namespace

std::size_t mark_week(const WeekMarkInputs& in, CitizenId lo, CitizenId hi, CitizenId* marked, std::uint8_t* flags,
                      VectorPath widest) {
  if ((in.row_of16 != nullptr) == (in.row_of32 != nullptr))
    throw std::logic_error("the first pass takes the citizens' rows in 16 or in 32 bits");
  const bool worked = in.activity != nullptr;
  if ((in.last_met != nullptr) != worked || (in.next_meeting != nullptr) != worked ||
      (in.effect_heads != nullptr) != worked)
    throw std::logic_error("the first pass takes all four casework views or none");
  const auto widest_for = [&](auto casework) {
    constexpr bool kWorked = decltype(casework)::value;
    if (widest >= VectorPath::avx512 && cpu_has_avx512()) return mark_avx512<kWorked>(in, lo, hi, marked, flags);
    if (widest >= VectorPath::avx2 && cpu_has_avx2()) return mark_avx2<kWorked>(in, lo, hi, marked, flags);
    return mark_portable<kWorked>(in, lo, hi, marked, flags, 0);
  };
  return worked ? widest_for(std::true_type{}) : widest_for(std::false_type{});
}

}  // namespace almpsim
