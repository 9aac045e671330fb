#pragma once
// The transition cache: each citizen keeps the key of its transition row (actor, state,
// duration band, covariate cell, employability class) until a duration band, an age band or a
// duration limit changes it, and each thread keeps the rows themselves, filled on first use in
// a week where the week changed their hazards and otherwise carried from the week before, so
// that the usual week is one lookup and one compare. Post-programme multipliers are memoised
// per week the same way. Private to sim/core: the engine's moves go through it.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "almpsim/case_rules.hpp"
#include "almpsim/duration_limits.hpp"
#include "almpsim/engine.hpp"
#include "almpsim/hazards.hpp"
#include "almpsim/population.hpp"
#include "almpsim/programmes.hpp"
#include "effect_tables.hpp"

namespace almpsim {

/// What the week's first pass reads of a row: the week it was filled for and the draw from
/// which citizens stay. Kept apart from the thresholds, eight bytes a row, so that the table of
/// them stays in the first-level cache.
struct RowHead {
  Week stamp = std::numeric_limits<Week>::min();
  std::uint32_t stay_from = 0;  ///< draws at or above it stay: the last threshold (0 if none)
};

/// Transition thresholds for one (actor, state, band, cell, employability) key, valid for the
/// week in its RowHead's stamp. Filled on first use in a week, or carried from the week before
/// (TransitionCache::carry_rows); each thread keeps its own table.
/// A draw moves to next[k], k = the number of thresholds at or below it: the thresholds are
/// cumulative, and unused slots hold the maximum, so k = n (or the last slot) means staying.
struct CachedRow {
  std::uint32_t thresholds[kMaxDestinations];
  std::uint8_t next[kMaxDestinations + 1];
};

/// A post-programme multiplier of one week, for one (actor, programme, match group, weeks since
/// the programme ended): programme_multiplier's value, computed once a week instead of per citizen.
struct PostEffectMemo {
  Week stamp = std::numeric_limits<Week>::min();
  double value = 1.0;
};

/// The hazards of a row before the actor's job finding and programme effects, for citizens in a
/// programme or within a meeting's effect whose draw may move (their draw cannot use the
/// thresholds); filled with the row's effect head and valid for the week in the row's
/// hazards stamp.
struct CachedHazards {
  double h[kMaxDestinations];
  double others = 0.0;       ///< the sum of h over the moves that are not job finding
  double job_finding = 0.0;  ///< the sum of h over the job-finding moves
};

/// What each thread keeps for itself while it moves blocks of citizens.
struct ThreadScratch {
  std::vector<RowHead> heads;          // [row key]
  std::vector<CachedRow> rows;         // [row key]
  std::vector<CachedHazards> hazards;  // [row key], filled only for citizens with an effect
  std::vector<Week> hazards_stamp;     // [row key] the week `hazards` and `effect_heads` hold
  // [row key] the draw from which a citizen stays whatever programme and meeting effect it has,
  // eight bytes a row as the row heads are (both passes read it): current (its stamp the week)
  // only where some draw is sure to stay.
  std::vector<RowHead> effect_heads;
  std::vector<std::uint32_t> words;  // [citizen in block] random words
  std::vector<CitizenId> marked;     // [k] the k-th citizen of the block the second pass takes
  std::vector<std::uint8_t> flags;   // [k] what the first pass found of marked[k] (WeekMark bits)
  std::vector<PostEffectMemo> post;  // [actor][programme][group][weeks since end]
};

/// A citizen's row key is recomputed when the week reaches this mark (never before week 0 of
/// the citizen's current state: everyone starts with it, and a reassessment or a referral at a
/// meeting sets it).
inline constexpr std::int16_t kStaleRow = std::numeric_limits<std::int16_t>::min();
inline constexpr Week kRowForever = std::numeric_limits<std::int16_t>::max();

/// Each state's hazard multipliers of one week (macro path and shocks), per destination.
using WeekMultipliers = PerState<std::array<double, kMaxDestinations>>;

class TransitionCache {
 public:
  TransitionCache(const Params& params, const HazardModel& hazards, const Population& pop, int threads)
      : params_(params), hazards_(hazards), pop_(pop), effects_(params) {
    const auto actors = static_cast<std::size_t>(params.actor_count());
    std::size_t rows = 0;
    for (std::size_t a = 0; a < actors; ++a)
      for (int s = 0; s < kStates; ++s) {
        row_offset_[a][s] = rows;
        rows += rows_of(static_cast<State>(s));
      }
    for (int age = 0; age < kTabledAges; ++age)
      age_marks_[static_cast<std::size_t>(age)] = age_marks_of(params.attributes, age);
    groups_ = static_cast<std::size_t>(std::max(1, params.attributes.match_groups()));
    double longest_decay = 0.0;
    for (const ProgrammeSpec& p : params.programmes) longest_decay = std::max(longest_decay, p.post_decay_weeks);
    post_weeks_ = static_cast<std::size_t>(std::min(2000.0, std::ceil(kPostEffectHorizon * longest_decay) + 2));
    scratch_.resize(static_cast<std::size_t>(std::max(1, threads)));
    for (ThreadScratch& t : scratch_) {
      t.heads.resize(rows);
      t.rows.resize(rows);
      t.hazards.resize(rows);
      t.hazards_stamp.assign(rows, std::numeric_limits<Week>::min());
      t.effect_heads.resize(rows);
      t.words.resize(kBlockSize);
      t.marked.resize(kBlockSize);
      t.flags.resize(kBlockSize);
      t.post.resize(actors * kActivities * groups_ * post_weeks_);
    }
    // The first pass streams every citizen's row key: two bytes where the rows allow it.
    narrow_rows_ = rows <= std::size_t{1} << 16 && !params.run.wide_row_keys;
    if (narrow_rows_)
      fill_side_by_side(row_of16_, pop_.size(), std::uint16_t{0}, threads);
    else
      fill_side_by_side(row_of32_, pop_.size(), std::uint32_t{0}, threads);
    fill_side_by_side(row_until_, pop_.size(), kStaleRow, threads);
    for (int s = 0; s < kStates; ++s)
      keys_read_attributes_ |=
          hazards_.distinct_cells(static_cast<State>(s)) > 1 || hazards_.distinct_classes(static_cast<State>(s)) > 1;
  }

  /// Whether working out some row key reads the citizen's attributes (refresh_row_key: some
  /// state's hazards tell cells or classes apart).
  bool keys_read_attributes() const { return keys_read_attributes_; }

  ThreadScratch& scratch(int thread) { return scratch_[static_cast<std::size_t>(thread)]; }
  /// Raw views for the engine's common-week loop.
  const std::int16_t* row_until() const { return row_until_.data(); }
  /// Citizens' rows, in 16 bits where every row fits them (the other view is then null).
  const std::uint16_t* row_of16() const { return narrow_rows_ ? row_of16_.data() : nullptr; }
  const std::uint32_t* row_of32() const { return narrow_rows_ ? nullptr : row_of32_.data(); }
  /// Citizen i's cached row key.
  std::uint32_t row_of(CitizenId i) const { return narrow_rows_ ? row_of16_[i] : row_of32_[i]; }
  /// Something its key is worked out from changed at a meeting (the match group reassessed, the
  /// case handed to another actor): the key is recomputed before citizen i's next draw.
  void invalidate(CitizenId i) { row_until_[i] = kStaleRow; }
  bool key_stale(CitizenId i, Week w) const { return w >= row_until_[i]; }
  /// The hazards (before job finding and programme effects) of citizen i's row in week w,
  /// filled on the row's first use in the week unless carried. Citizen i's key must be current.
  const CachedHazards& hazards_of(Week w, CitizenId i, ThreadScratch& scratch, const WeekMultipliers& week_mult) const {
    return scratch.hazards[filled_row(w, i, scratch, week_mult)];
  }

  /// Whether citizen i (its key current) stays in week w with draw `word` under any effect of a
  /// programme or meeting its actor's cases may have: most weeks of a programme end here,
  /// without working out the effect.
  bool stays_under_any_effect(Week w, CitizenId i, std::uint32_t word, ThreadScratch& scratch,
                              const WeekMultipliers& week_mult) const {
    const RowHead& effect = scratch.effect_heads[filled_row(w, i, scratch, week_mult)];
    return effect.stamp == w && word >= effect.stay_from;
  }

  /// The observed attributes citizen i's hazards depend on in week w.
  CovariateCell covariates_of(CitizenId i, Week w) const {
    return covariates_with_age_band(i, age_marks(pop_.age_years(i, w)).band);
  }
  /// The same where its age band is known.
  CovariateCell covariates_with_age_band(CitizenId i, int age_band) const {
    return {pop_.sex[i], pop_.origin[i], age_band, pop_.match[i], pop_.sick_category[i], pop_.area[i]};
  }

  /// Citizen i's hazards in week w out of its current state, with `job_finding` on its job-finding
  /// moves and its actor's multipliers on the others.
  void citizen_hazards(Week w, CitizenId i, const WeekMultipliers& week_mult, double job_finding, double* out) const {
    const State s = pop_.state_of(i);
    hazards_.hazards(s, hazards_.band_of(s, w - pop_.state_since[i]), hazards_.cell_of(covariates_of(i, w)),
                     pop_.employability[i], week_mult[index_of(s)].data(), job_finding, out);
    for (const MoveMultiplier& m : params_.actors[pop_.actor[i]].moves)
      if (m.from == s) out[hazards_.slot_of(s, m.to)] *= m.factor[static_cast<std::size_t>(params_.calendar.slot(w))];
  }

  /// First week in which citizen i is at the pension age (kRowForever without one).
  Week pension_week(CitizenId i) const {
    const auto& pension = params_.attributes.pension_age;
    return pension ? pop_.week_aged(i, *pension) : kRowForever;
  }
  bool past_pension_age(CitizenId i, Week w) const { return w >= pension_week(i); }

  /// Citizen i's transition row in week w, as its fields now give it.
  std::size_t row_key(Week w, CitizenId i) const {
    const State s = pop_.state_of(i);
    const int age_band = hazards_.distinct_cells(s) > 1 ? age_band_of(params_.attributes, pop_.age_years(i, w)) : 0;
    return row_key(i, hazards_.band_of(s, w - pop_.state_since[i]), age_band);
  }
  /// The same where its duration band and age band in week w are known (the age band is read
  /// only where the state's cells differ).
  std::size_t row_key(CitizenId i, int band, int age_band) const {
    const State s = pop_.state_of(i);
    // Citizens whose cells (or classes) have equal hazard factors share a row. Where all do,
    // the attributes are not read (each a cache miss for a citizen just moved).
    const bool cells_differ = hazards_.distinct_cells(s) > 1, classes_differ = hazards_.distinct_classes(s) > 1;
    const int cell =
        cells_differ ? hazards_.distinct_cell(s, hazards_.cell_of(covariates_with_age_band(i, age_band))) : 0;
    const int employability_class = classes_differ ? hazards_.distinct_class(s, pop_.employability[i]) : 0;
    return row_offset_[pop_.actor[i]][index_of(s)] +
           (static_cast<std::size_t>(band) * static_cast<std::size_t>(hazards_.distinct_cells(s)) +
            static_cast<std::size_t>(cell)) *
               static_cast<std::size_t>(hazards_.distinct_classes(s)) +
           static_cast<std::size_t>(employability_class);
  }

  /// Points citizen i at its transition row for week w, and records the first week it may need
  /// another: when a duration band or an age band ends, a duration limit falls due, or the
  /// pension age is reached.
  void refresh_row_key(Week w, CitizenId i) {
    const State s = pop_.state_of(i);
    const Week since = pop_.state_since[i];
    const int band = hazards_.band_of(s, w - since);
    // Where all cells share their hazards, a new age band changes nothing.
    const bool cells_differ = hazards_.distinct_cells(s) > 1;
    const auto& pension = params_.attributes.pension_age;
    const bool pension_applies = s != State::exited && pension;
    Week until = kRowForever;
    int age_band = 0;
    if (cells_differ || pension_applies) {
      const int age = pop_.age_years(i, w);
      const AgeMarks marks = age_marks(age);
      age_band = marks.band;
      // The next age at which the key changes: a new age band, or the pension age. The first
      // week of an age is monotone in the age, so the earlier age gives the earlier week.
      int years = cells_differ ? marks.next_edge : AgeMarks::kNoAge;
      if (pension_applies) {
        if (age < *pension)
          years = std::min(years, *pension);
        else
          until = pension_week(i);  // reached already: the key is stale at once
      }
      if (years != AgeMarks::kNoAge) until = std::min(until, pop_.week_aged(i, years));
    }
    set_row(i, row_key(i, band, age_band));
    row_until_[i] = static_cast<std::int16_t>(std::min(until, until_in_spell(s, band, since)));
  }

  /// The week citizen i's current key goes stale, worked out in week w the long way: the band
  /// edges searched and the pension week taken apart. Within the key's weeks it is the week
  /// refresh_row_key recorded (run.check_row_keys compares the two).
  Week row_until_searched(Week w, CitizenId i) const {
    const State s = pop_.state_of(i);
    const Week since = pop_.state_since[i];
    const int band = hazards_.band_of(s, w - since);
    Week until = kRowForever;
    if (hazards_.distinct_cells(s) > 1) {
      const int next_edge = age_marks_of(params_.attributes, pop_.age_years(i, w)).next_edge;
      if (next_edge != AgeMarks::kNoAge) until = pop_.week_aged(i, next_edge);
    }
    if (s != State::exited) until = std::min(until, pension_week(i));
    return std::min(until, until_in_spell(s, band, since));
  }
  /// The week citizen i's key goes stale, as refresh_row_key recorded it.
  Week row_until_of(CitizenId i) const { return row_until_[i]; }

  /// An age's marks, looked up, not searched, for the ages citizens have: every move needs them.
  AgeMarks age_marks(int age) const {
    return age >= 0 && age < kTabledAges ? age_marks_[static_cast<std::size_t>(age)]
                                         : age_marks_of(params_.attributes, age);
  }

  /// Lets the rows each thread filled for week w - 1 serve week w where nothing they are worked
  /// out from differs between the two weeks (row_inputs_unchanged). Their stamps move on to w,
  /// so that the week fills only the rows it uses whose hazards changed, or that were not filled
  /// the week before: filling a carried row again would give the same bits. Serial, a few
  /// thousand rows a thread: about a millisecond over Køge's 80 weeks at 1M citizens.
  void carry_rows(Week w, const WeekMultipliers& now, const WeekMultipliers& before) {
    const auto slot = static_cast<std::size_t>(params_.calendar.slot(w));
    for (std::size_t a = 0; a < params_.actors.size(); ++a)
      for (int s = 0; s < kStates; ++s) {
        if (!row_inputs_unchanged(a, static_cast<State>(s), slot, now[s], before[s])) continue;
        const std::size_t first = row_offset_[a][s], last = first + rows_of(static_cast<State>(s));
        for (ThreadScratch& t : scratch_)
          for (std::size_t row = first; row < last; ++row) {
            if (t.heads[row].stamp == w - 1) t.heads[row].stamp = w;
            if (t.hazards_stamp[row] != w - 1) continue;
            t.hazards_stamp[row] = w;
            if (t.effect_heads[row].stamp == w - 1) t.effect_heads[row].stamp = w;
          }
      }
  }

  /// Fills a row for week w from the hazards of citizen i, one of the citizens it serves.
  void fill_row(RowHead& head, CachedRow& row, Week w, CitizenId i, const WeekMultipliers& week_mult) const {
    const State s = pop_.state_of(i);
    const std::size_t slot = static_cast<std::size_t>(params_.calendar.slot(w));
    const auto& dests = hazards_.destinations(s);
    const int n = static_cast<int>(dests.size());
    double h[kMaxDestinations];
    citizen_hazards(w, i, week_mult, params_.actors[pop_.actor[i]].job_finding[index_of(s)][slot], h);
    transition_thresholds(h, n, row.thresholds);
    head.stay_from = n > 0 ? row.thresholds[n - 1] : 0;
    for (int j = 0; j <= kMaxDestinations; ++j) {
      if (j >= n && j < kMaxDestinations) row.thresholds[j] = std::numeric_limits<std::uint32_t>::max();
      row.next[j] = static_cast<std::uint8_t>(j < n ? index_of(dests[static_cast<std::size_t>(j)]) : index_of(s));
    }
    head.stamp = w;
  }

  void set_row(CitizenId i, std::size_t row) {
    if (narrow_rows_)
      row_of16_[i] = static_cast<std::uint16_t>(row);
    else
      row_of32_[i] = static_cast<std::uint32_t>(row);
  }

  /// Citizen i's row, its hazards and stay under any effect filled for week w.
  std::uint32_t filled_row(Week w, CitizenId i, ThreadScratch& scratch, const WeekMultipliers& week_mult) const {
    const std::uint32_t row = row_of(i);
    if (scratch.hazards_stamp[row] != w) fill_hazards(w, i, scratch, week_mult);
    return row;
  }

  /// Fills a row's hazards for week w from citizen i, one of the citizens it serves.
  void fill_hazards(Week w, CitizenId i, ThreadScratch& scratch, const WeekMultipliers& week_mult) const {
    const State s = pop_.state_of(i);
    CachedHazards& cached = scratch.hazards[row_of(i)];
    // Job finding 1 leaves the product before it untouched (x * 1 == x), so multiplying by it
    // later gives exactly what HazardModel::hazards gives.
    citizen_hazards(w, i, week_mult, 1.0, cached.h);
    const auto& job_finding_slots = hazards_.job_finding_slots(s);
    cached.others = cached.job_finding = 0.0;
    for (int d = 0; d < static_cast<int>(hazards_.destinations(s).size()); ++d)
      (std::find(job_finding_slots.begin(), job_finding_slots.end(), d) != job_finding_slots.end() ? cached.job_finding
                                                                                                   : cached.others) +=
          cached.h[d];
    // The engine's first test of a citizen in a programme, at the largest effect: the rounded
    // products and sums are monotone in the effect, so a draw at or above it stays at any.
    const std::size_t a = pop_.actor[i];
    const double job_finding = params_.actors[a].job_finding[index_of(s)][params_.calendar.slot(w)];
    const double bound =
        (cached.others + job_finding * effects_.job_finding_bound(a) * cached.job_finding) * (1.0 + 0x1p-20);
    const std::uint64_t from_bound =
        bound >= 1.0 ? std::uint64_t{1} << 32 : static_cast<std::uint64_t>(std::ceil(bound * 0x1p32));
    // With no effect at all the draw is made on the row's thresholds instead.
    RowHead& head = scratch.heads[row_of(i)];
    CachedRow& row = scratch.rows[row_of(i)];
    if (head.stamp != w) fill_row(head, row, w, i, week_mult);
    const std::uint64_t stay_from = std::max<std::uint64_t>(from_bound, head.stay_from);
    scratch.hazards_stamp[row_of(i)] = w;
    // 2^32 (no draw is sure to stay) does not fit the head: the head is left stale instead.
    constexpr std::uint64_t kNoDrawStays = std::uint64_t{1} << 32;
    scratch.effect_heads[row_of(i)] = {stay_from < kNoDrawStays ? w : std::numeric_limits<Week>::min(),
                                       static_cast<std::uint32_t>(stay_from)};
  }

  /// The next state from citizen i's cached row (its key must be current).
  State next_from_row(Week w, CitizenId i, std::uint32_t word, ThreadScratch& scratch,
                      const WeekMultipliers& week_mult) const {
    RowHead& head = scratch.heads[row_of(i)];
    CachedRow& row = scratch.rows[row_of(i)];
    if (head.stamp != w) fill_row(head, row, w, i, week_mult);
    if (word >= head.stay_from) return pop_.state_of(i);  // most citizens, most weeks
    int k = 0;
    for (int j = 0; j < kMaxDestinations; ++j) k += word >= row.thresholds[j];
    return static_cast<State>(row.next[k]);
  }

  /// Weeks after a meeting in which its effect may last, over all actors (0: no meeting effect).
  Week meeting_reach() const { return effects_.meeting_reach(); }

  /// The multiplier of citizen i's job finding in week w from its last attended meeting.
  double meeting_effect(CitizenId i, Week w) const {
    const std::size_t a = pop_.actor[i];
    return effects_.meeting(a, match_group_of(params_, pop_, i), pop_.last_met[i], w,
                            met_in_group(params_.actors[a], pop_.last_met[i], pop_.state_since[i]));
  }

  /// The programme multiplier of citizen i in week w (1 without an activity).
  double programme_effect(Week w, CitizenId i, ThreadScratch& scratch) const {
    if (pop_.activity_of(i) == Activity::none) return 1.0;
    const std::size_t a = pop_.actor[i], kind = pop_.activity[i];
    const int group = match_group_of(params_, pop_, i);
    const Week announced = pop_.activity_announced[i], from = pop_.activity_from[i], to = pop_.activity_to[i];
    const double contact = params_.actors[a].company_contact[static_cast<std::size_t>(params_.calendar.slot(w))];
    const ProgrammeSpec& programme = params_.programmes[kind];
    if (w < to || static_cast<std::size_t>(w - to) >= post_weeks_)
      return effects_.programme(programme, kind, group, w, announced, from, to, contact);
    PostEffectMemo& memo =
        scratch.post[((a * kActivities + kind) * groups_ + static_cast<std::size_t>(group)) * post_weeks_ +
                     static_cast<std::size_t>(w - to)];
    if (memo.stamp != w) {
      memo.value = programme_multiplier(programme, group, w, announced, from, to, contact);
      memo.stamp = w;
    }
    return memo.value;
  }

 private:
  /// Sizes `column` to n elements of `value`, set by the threads side by side: they, not the
  /// main thread alone, take its fresh pages from the kernel.
  template <class T>
  static void fill_side_by_side(Column<T>& column, std::size_t n, T value, int threads) {
    column.resize(n);
    const auto pieces = static_cast<std::int64_t>((n + kBlockSize - 1) / kBlockSize);
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1 && pieces > 1)
    for (std::int64_t k = 0; k < pieces; ++k) {
      const std::size_t first = static_cast<std::size_t>(k) * kBlockSize;
      std::fill(column.begin() + static_cast<std::ptrdiff_t>(first),
                column.begin() + static_cast<std::ptrdiff_t>(std::min(n, first + kBlockSize)), value);
    }
  }

  /// How many rows each actor keeps for state s: a row a duration band, cell and class.
  std::size_t rows_of(State s) const {
    return static_cast<std::size_t>(hazards_.bands(s) * hazards_.distinct_cells(s) * hazards_.distinct_classes(s));
  }

  /// The first week a key worked out in a spell of state s begun in week `since`, in duration
  /// band `band`, goes stale by the spell alone: its band ends, or a duration limit falls due
  /// (kRowForever if neither).
  Week until_in_spell(State s, int band, Week since) const {
    Week until = kRowForever;
    if (const int end = hazards_.band_end(s, band); end >= 0) until = std::min(until, since + end);
    if (const auto due = reassessment_week(params_.duration_limits[index_of(s)], since)) until = std::min(until, *due);
    return until;
  }

  /// Whether actor a's rows of state s are worked out alike in the week of `slot` and the week
  /// before, given the state's multipliers of the two weeks (`now`, `before`). It must compare
  /// every input of a row that may change by the week: what citizen_hazards reads by the week's
  /// slot (the multipliers, the actor's move multipliers) and the actor's job finding, which
  /// fill_row and fill_hazards read. The first week has none before it.
  bool row_inputs_unchanged(std::size_t a, State s, std::size_t slot, const std::array<double, kMaxDestinations>& now,
                            const std::array<double, kMaxDestinations>& before) const {
    if (slot == 0 || now != before) return false;
    const ActorSpec& actor = params_.actors[a];
    const WeekSeries& job_finding = actor.job_finding[index_of(s)];
    if (job_finding[slot] != job_finding[slot - 1]) return false;
    return std::all_of(actor.moves.begin(), actor.moves.end(),
                       [&](const MoveMultiplier& m) { return m.from != s || m.factor[slot] == m.factor[slot - 1]; });
  }

  const Params& params_;
  const HazardModel& hazards_;
  const Population& pop_;
  EffectTables effects_;
  std::array<std::array<std::size_t, kStates>, 256> row_offset_{};
  static constexpr int kTabledAges = 128;          // the schema's band edges are at most 120
  std::array<AgeMarks, kTabledAges> age_marks_{};  // [age in years]
  std::vector<ThreadScratch> scratch_;             // [thread]
  std::size_t groups_ = 1, post_weeks_ = 1;
  bool narrow_rows_ = true;            // every row fits 16 bits: row_of16_ holds the keys
  bool keys_read_attributes_ = false;  // see keys_read_attributes()
  Column<std::uint16_t> row_of16_;     // [citizen] cached row key, where the rows fit 16 bits
  Column<std::uint32_t> row_of32_;     // [citizen] cached row key, where they do not
  Column<std::int16_t> row_until_;     // [citizen] week the key must be recomputed
};

}  // namespace almpsim
