// The week's first pass: the AVX2 marks are the portable loop's, and the portable loop marks
// exactly who needs more than a draw that stays.
#include "../../sim/core/week_marks.hpp"

#include <algorithm>
#include <random>
#include <vector>

#include "support/catch.hpp"

using namespace almpsim;

namespace {

/// A block of citizens with every combination of the tests near their edges.
struct Block {
  std::vector<std::uint8_t> activity;
  std::vector<std::int16_t> until, last_met, next_meeting;
  std::vector<std::uint32_t> row_of, words;
  std::vector<std::uint16_t> row_of16;  // the same keys in 16 bits
  std::vector<RowHead> rows, effect_rows;

  // Seven kinds of row, repeated over all 2^16 keys unless `few`: keys at and above 2^15 catch a
  // 16-bit key read as signed; seven rows alone take the vector paths' in-register table.
  Block(std::size_t n, Week w, std::uint64_t seed, bool few = false) : rows(7), effect_rows(7) {
    std::mt19937_64 g(seed);
    auto pick = [&](int k) { return static_cast<int>(g() % static_cast<std::uint64_t>(k)); };
    for (std::size_t r = 0; r < rows.size(); ++r) {
      rows[r].stamp = r % 3 == 0 ? w - 1 : w;  // some rows not filled this week
      rows[r].stay_from = static_cast<std::uint32_t>(g());
      // Under any effect: some filled this week, at or above the row's own draw that stays.
      effect_rows[r].stamp = r % 2 == 0 ? w : w - 1;
      effect_rows[r].stay_from = rows[r].stay_from + static_cast<std::uint32_t>(g() % (~rows[r].stay_from + 1ull));
    }
    rows[1].stay_from = 0;            // everyone stays
    rows[2].stay_from = 0xFFFFFFFFu;  // almost nobody does
    effect_rows[2].stay_from = 0xFFFFFFFFu;
    for (std::size_t r = 7; r < (few ? 7 : 65536); ++r) {
      rows.push_back(rows[r % 7]);
      effect_rows.push_back(effect_rows[r % 7]);
    }
    for (std::size_t i = 0; i < n; ++i) {
      activity.push_back(static_cast<std::uint8_t>(pick(3) == 0 ? 1 + pick(6) : 0));
      until.push_back(static_cast<std::int16_t>(w - 1 + pick(6)));
      last_met.push_back(static_cast<std::int16_t>(pick(5) == 0 ? -32000 : w - pick(16)));
      next_meeting.push_back(static_cast<std::int16_t>(pick(3) == 0 ? 32000 : w - 1 + pick(3)));
      row_of.push_back(static_cast<std::uint32_t>(pick(7) + (few ? 0 : 7 * pick(9362))));
      row_of16.push_back(static_cast<std::uint16_t>(row_of.back()));
      const std::uint32_t word = static_cast<std::uint32_t>(g());
      // Some words right at either threshold, where >= and > differ.
      const RowHead& at = pick(2) == 0 ? rows[row_of.back()] : effect_rows[row_of.back()];
      words.push_back(pick(6) == 0 ? at.stay_from : word);
    }
  }
  WeekMarkInputs inputs(Week w, Week reach, bool narrow = false) const {
    return {activity.data(),
            until.data(),
            last_met.data(),
            next_meeting.data(),
            narrow ? row_of16.data() : nullptr,
            narrow ? nullptr : row_of.data(),
            rows.data(),
            rows.size(),
            effect_rows.data(),
            words.data(),
            w,
            reach};
  }
};

struct Marks {
  std::vector<CitizenId> marked;
  std::vector<std::uint8_t> flags;
};

Marks marks(const WeekMarkInputs& in, CitizenId lo, CitizenId hi, VectorPath path) {
  Marks m{std::vector<CitizenId>(hi - lo), std::vector<std::uint8_t>(hi - lo)};
  const std::size_t n = mark_week(in, lo, hi, m.marked.data(), m.flags.data(), path);
  m.marked.resize(n);
  m.flags.resize(n);
  return m;
}

}  // namespace

TEST_CASE("the vector marks (AVX2, AVX-512, as the CPU has them) are the portable loop's", "[unit]") {
  // Week 0 too: a lane whose effect head is not gathered holds 0, which must not pass for a stamp.
  for (const Week w : {Week{40}, Week{0}})
    for (const bool few : {false, true}) {
      const Block block(1003, w, 7, few);
      for (const Week reach : {Week{3}, Week{-1000000000}})
        for (const auto& [lo, hi] :
             {std::pair<CitizenId, CitizenId>{0, 1003}, {5, 13}, {8, 16}, {0, 7}, {16, 40}, {3, 34}, {500, 500}})
          for (const VectorPath path : {VectorPath::avx2, VectorPath::avx512}) {
            INFO("week " << w << (few ? " seven rows" : " 2^16 rows") << " reach " << reach << " citizens " << lo
                         << " to " << hi << " path " << static_cast<int>(path));
            const Marks scalar = marks(block.inputs(w, reach), lo, hi, VectorPath::portable);
            const Marks vector = marks(block.inputs(w, reach), lo, hi, path);
            CHECK(vector.marked == scalar.marked);
            CHECK(vector.flags == scalar.flags);
            // Row keys in 16 bits give the same marks on every path.
            for (const VectorPath narrow_path : {VectorPath::portable, path}) {
              const Marks narrow = marks(block.inputs(w, reach, true), lo, hi, narrow_path);
              CHECK(narrow.marked == scalar.marked);
              CHECK(narrow.flags == scalar.flags);
            }
          }
    }
}

TEST_CASE(
    "a citizen is marked unless its draw stays on a current row or under any effect, and always with a "
    "meeting falling due",
    "[unit]") {
  const Week w = 40, reach = 3;
  const Block block(2000, w, 11);
  const Marks m = marks(block.inputs(w, reach), 0, 2000, VectorPath::portable);
  std::size_t k = 0, settled_due = 0, unsettled = 0, keyed_unsettled = 0, under_effect = 0;
  for (CitizenId i = 0; i < 2000; ++i) {
    const RowHead& row = block.rows[block.row_of[i]];
    const RowHead& any = block.effect_rows[block.row_of[i]];
    const bool current = w < block.until[i];
    const bool keyed = block.activity[i] == 0 && current && w - block.last_met[i] > reach;
    const bool stays_on_row = keyed && row.stamp == w && block.words[i] >= row.stay_from;
    const bool stays_under_effect = current && !keyed && any.stamp == w && block.words[i] >= any.stay_from;
    const bool stays = stays_on_row || stays_under_effect;
    const bool due = block.next_meeting[i] == w;
    under_effect += stays_under_effect && !due;
    if (stays && !due) continue;
    REQUIRE(k < m.marked.size());
    CHECK(m.marked[k] == i);
    CHECK(m.flags[k] == ((stays ? kStays : 0) | (keyed ? kKeyed : 0)));
    settled_due += stays;
    unsettled += !stays;
    keyed_unsettled += keyed && !stays;
    ++k;
  }
  CHECK(k == m.marked.size());
  // The block has citizens of both kinds, and citizens left out.
  CHECK(settled_due > 50);
  CHECK(unsettled > 50);
  CHECK(keyed_unsettled > 50);
  CHECK(under_effect > 50);
  CHECK(m.marked.size() < 1900);
}

TEST_CASE("without casework the first pass marks as it would cases never activated, met or booked", "[unit]") {
  const Week w = 40;
  Block worked(1003, w, 13);
  // Cases as the entry rules leave them where no actor works cases.
  std::fill(worked.activity.begin(), worked.activity.end(), std::uint8_t{0});
  std::fill(worked.last_met.begin(), worked.last_met.end(), std::int16_t{-32000});
  std::fill(worked.next_meeting.begin(), worked.next_meeting.end(), std::int16_t{32000});
  WeekMarkInputs without = worked.inputs(w, -1000000000);
  without.activity = nullptr;
  without.last_met = nullptr;
  without.next_meeting = nullptr;
  without.effect_heads = nullptr;
  for (const VectorPath path : {VectorPath::portable, VectorPath::avx2, VectorPath::avx512}) {
    INFO("path " << static_cast<int>(path));
    const Marks full = marks(worked.inputs(w, -1000000000), 0, 1003, path);
    const Marks lean = marks(without, 0, 1003, path);
    CHECK(lean.marked == full.marked);
    CHECK(lean.flags == full.flags);
    // Both kinds are there: settled and not.
    CHECK(full.marked.size() > 100);
    CHECK(full.marked.size() < 900);
  }
}
