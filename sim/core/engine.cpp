#include "almpsim/engine.hpp"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "almpsim/actors.hpp"
#include "almpsim/case_rules.hpp"
#include "almpsim/cohorts.hpp"
#include "almpsim/costs.hpp"
#include "almpsim/duration_limits.hpp"
#include "almpsim/population.hpp"
#include "almpsim/programmes.hpp"
#include "almpsim/register.hpp"

namespace almpsim {

namespace {

/// Transition thresholds for one (actor, state, band, cell, employability) key, valid for the
/// week in `stamp`. Filled on first use in a week; each thread keeps its own table.
/// A draw moves to next[k], k = the number of thresholds at or below it: the thresholds are
/// cumulative, and unused slots hold the maximum, so k = n (or the last slot) means staying.
struct CachedRow {
  Week stamp = std::numeric_limits<Week>::min();
  std::uint32_t stay_from = 0;  ///< draws at or above it stay: the last threshold (0 if none)
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
/// programme (their draw cannot use the thresholds); valid for the week in `stamp`.
struct CachedHazards {
  Week stamp = std::numeric_limits<Week>::min();
  double h[kMaxDestinations];
};

/// What each thread keeps for itself while it moves blocks of citizens.
struct ThreadScratch {
  std::vector<CachedRow> rows;         // [row key]
  std::vector<CachedHazards> hazards;  // [row key], filled only for citizens in programmes
  std::vector<std::uint32_t> words;    // [citizen in block] random words
  std::vector<PostEffectMemo> post;    // [actor][programme][group][weeks since end]
};

/// A citizen's row key is recomputed when the week reaches this mark (never before week 0 of
/// the citizen's current state: moves reset it).
inline constexpr std::int16_t kStaleRow = std::numeric_limits<std::int16_t>::min();
inline constexpr Week kRowForever = std::numeric_limits<std::int16_t>::max();

/// What one block of citizens contributes to a week's record.
struct BlockTally {
  std::vector<std::int32_t> occupancy, entries, exits, activity;
  std::vector<double> costs;
  std::vector<std::vector<DueMeeting>> due;                 // [actor][state]
  std::vector<std::int32_t> lane_occupancy, lane_activity;  // scratch: four interleaved copies
  std::vector<CitizenId> entered;                           // citizens moved, in the order moved

  void reset(std::size_t actors) {
    occupancy.assign(actors * kStates, 0);
    entries.assign(actors * kStates, 0);
    exits.assign(actors * kStates, 0);
    activity.assign(actors * kActivities, 0);
    costs.assign(actors, 0.0);
    due.resize(actors * kStates);
    for (auto& d : due) d.clear();
    entered.clear();
  }
};

class Replication {
 public:
  Replication(const Params& params, const HazardModel& hazards, std::uint32_t replication, int threads)
      : params_(params),
        hazards_(hazards),
        rng_(params.seed, replication),
        threads_(std::max(1, threads)),
        actors_(static_cast<std::size_t>(params.actor_count())) {
    pop_ = create_population(params, rng_, threads_);
    std::size_t rows = 0;
    for (std::size_t a = 0; a < actors_; ++a)
      for (int s = 0; s < kStates; ++s) {
        row_offset_[a][s] = rows;
        const auto state = static_cast<State>(s);
        rows += static_cast<std::size_t>(hazards.bands(state) * hazards.distinct_cells(state) *
                                         hazards.distinct_classes(state));
      }
    groups_ = static_cast<std::size_t>(std::max(1, params.attributes.match_groups()));
    double longest_decay = 0.0;
    for (const ProgrammeSpec& p : params.programmes) longest_decay = std::max(longest_decay, p.post_decay_weeks);
    post_weeks_ = static_cast<std::size_t>(std::min(2000.0, std::ceil(kPostEffectHorizon * longest_decay) + 2));
    scratch_.resize(static_cast<std::size_t>(threads_));
    for (ThreadScratch& t : scratch_) {
      t.rows.resize(rows);
      t.hazards.resize(rows);
      t.words.resize(kBlockSize);
      t.post.resize(actors_ * kActivities * groups_ * post_weeks_);
    }
    row_of_.assign(pop_.size(), 0);
    row_until_.assign(pop_.size(), kStaleRow);
    capacity_carry_.assign(actors_ * kStates, 0.0);
    for (const CohortSpec& c : params.cohorts) trackers_.emplace_back(params, c);
    const auto weeks = static_cast<std::size_t>(params.calendar.weeks);
    result_.occupancy.assign(weeks * actors_ * kStates, 0);
    result_.entries = result_.occupancy;
    result_.exits = result_.occupancy;
    result_.activity_occupancy.assign(weeks * actors_ * kActivities, 0);
    result_.meetings_held.assign(weeks * actors_, 0);
    result_.meetings_overdue.assign(weeks * actors_, 0);
    result_.costs.assign(weeks * actors_, 0.0);
  }

  ReplicationResult run() {
    const Calendar& cal = params_.calendar;
    // Each case opens from its own draws: in parallel, with the same result.
    const auto initial = static_cast<std::int64_t>(pop_.present_until(cal, cal.first()));
#pragma omp parallel for num_threads(threads_) schedule(static) if (threads_ > 1)
    for (std::int64_t k = 0; k < initial; ++k)
      open_initial_case(params_, rng_, pop_, static_cast<CitizenId>(k), cal.first());
    for (Week w = cal.first(); w < cal.end(); ++w) {
      admit_inflow(w);
      observe(w);
      move_citizens(w);
      hold_meetings(w);
    }
    for (auto& t : trackers_) result_.cohorts.push_back(t.outcome());
    if (params_.register_spells) result_.spells = register_.finish(cal.end() - 1);
    result_.citizens = pop_.size();
    return std::move(result_);
  }

 private:
  std::size_t at(Week w, std::size_t actor, int k, int width) const {
    return (static_cast<std::size_t>(w) * actors_ + actor) * static_cast<std::size_t>(width) +
           static_cast<std::size_t>(k);
  }

  void admit_inflow(Week w) {
    const Calendar& cal = params_.calendar;
    if (w == cal.first()) return;
    const CitizenId first = pop_.present_until(cal, w - 1), end = pop_.present_until(cal, w);
    // Entry rules touch only the new citizen (in parallel); the accounts are kept in id order.
    const auto arrivals = static_cast<std::int64_t>(end - first);
#pragma omp parallel for num_threads(threads_) schedule(static) if (threads_ > 1 && arrivals > 4096)
    for (std::int64_t k = 0; k < arrivals; ++k) {
      const CitizenId i = first + static_cast<CitizenId>(k);
      enter_state(params_, rng_, pop_, i, kNoPreviousState, pop_.state_of(i), w);
    }
    for (CitizenId i = first; i < end; ++i) {
      entrants_.push_back(i);
      if (w - 1 < 0) continue;
      const std::size_t a = pop_.actor[i];
      ++result_.entries[at(w - 1, a, pop_.state[i], kStates)];
      if (params_.on_benefit[pop_.state[i]]) result_.costs[at(w - 1, a, 0, 1)] += entry_fee(params_.actors[a]);
    }
  }

  void observe(Week w) {
    const CitizenId present = pop_.present_until(params_.calendar, w);
    // Cohorts only read the population, each into its own tracker: they take in new members
    // side by side, then their members are brought up to date in chunks on every thread.
    const auto cohorts = static_cast<int>(trackers_.size());
    // Everyone whose spell began this week, in id order (the order cohort members join in).
    std::sort(entrants_.begin(), entrants_.end());
    entrants_.erase(std::unique(entrants_.begin(), entrants_.end()), entrants_.end());
#pragma omp parallel for num_threads(threads_) schedule(dynamic, 1) if (threads_ > 1 && cohorts > 1)
    for (int c = 0; c < cohorts; ++c) trackers_[static_cast<std::size_t>(c)].admit(w, pop_, present, &entrants_);

    member_chunks_.clear();
    for (std::size_t c = 0; c < trackers_.size(); ++c)
      for (std::size_t first = 0; first < trackers_[c].members(); first += kMemberChunk)
        member_chunks_.push_back({c, first, std::min(trackers_[c].members(), first + kMemberChunk)});
    const std::size_t width = actors_ * kActivities;
    chunk_counts_.assign(member_chunks_.size() * width, 0.0);
    const auto chunks = static_cast<std::ptrdiff_t>(member_chunks_.size());
#pragma omp parallel for num_threads(threads_) schedule(dynamic, 1) if (threads_ > 1 && chunks > 1)
    for (std::ptrdiff_t k = 0; k < chunks; ++k) {
      const MemberChunk& chunk = member_chunks_[static_cast<std::size_t>(k)];
      trackers_[chunk.tracker].update(w, pop_, chunk.first, chunk.last,
                                      chunk_counts_.data() + static_cast<std::size_t>(k) * width);
    }
    for (std::size_t k = 0; k < member_chunks_.size(); ++k)
      trackers_[member_chunks_[k].tracker].add_activity_weeks(chunk_counts_.data() + k * width);
    entrants_.clear();
    if (params_.register_spells && w >= 0) register_.observe(w, pop_, present);
  }

  /// Records a move made during week w and applies the entry rules of the new state.
  void move(Week w, CitizenId i, State to, BlockTally& tally) {
    const std::uint8_t from = pop_.state[i];
    const std::size_t old_actor = pop_.actor[i];
    ++tally.exits[old_actor * kStates + from];
    row_until_[i] = kStaleRow;
    tally.entered.push_back(i);
    enter_state(params_, rng_, pop_, i, from, to, w + 1);
    const std::size_t new_actor = pop_.actor[i];
    ++tally.entries[new_actor * kStates + index_of(to)];
    const bool was_on = params_.on_benefit[from], now_on = params_.on_benefit[index_of(to)];
    if (to == State::self_support && was_on) tally.costs[old_actor] += self_support_bonus(params_.actors[old_actor]);
    if (now_on && !was_on) tally.costs[new_actor] += entry_fee(params_.actors[new_actor]);
  }

  /// The observed attributes citizen i's hazards depend on in week w.
  CovariateCell covariates_of(CitizenId i, Week w) const {
    return {pop_.sex[i], pop_.origin[i], age_band_of(params_.attributes, pop_.age_years(i, w)), pop_.match[i],
            pop_.sick_category[i]};
  }

  /// Citizen i's hazards in week w out of its current state, with `job_finding` on self-support.
  void citizen_hazards(Week w, CitizenId i, const PerState<std::array<double, kMaxDestinations>>& week_mult,
                       double job_finding, double* out) const {
    const State s = pop_.state_of(i);
    hazards_.hazards(s, hazards_.band_of(s, w - pop_.state_since[i]), hazards_.cell_of(covariates_of(i, w)),
                     pop_.employability[i], week_mult[index_of(s)].data(), job_finding, out);
  }

  /// First week at or after w in which citizen i's age band differs from its band in week w.
  Week next_age_band_change(CitizenId i, Week w) const {
    const auto& edges = params_.attributes.age_band_edges;
    const int age = pop_.age_years(i, w);
    for (std::size_t b = 1; b + 1 < edges.size(); ++b) {
      if (edges[b] <= age) continue;
      Week c = pop_.birth_week[i] + (365 * edges[b] + 6) / 7;
      while (pop_.age_years(i, c) < edges[b]) ++c;
      while (c > w + 1 && pop_.age_years(i, c - 1) >= edges[b]) --c;
      return c;
    }
    return kRowForever;
  }

  /// Points citizen i at its transition row for week w, and records the first week it may need
  /// another: when a duration band or an age band ends, or a duration limit falls due.
  void refresh_row_key(Week w, CitizenId i) {
    const State s = pop_.state_of(i);
    const Week since = pop_.state_since[i];
    const int band = hazards_.band_of(s, w - since);
    const CovariateCell cc = covariates_of(i, w);
    // Citizens whose cells (or classes) have equal hazard factors share a row.
    row_of_[i] = static_cast<std::uint32_t>(
        row_offset_[pop_.actor[i]][index_of(s)] +
        (static_cast<std::size_t>(band) * static_cast<std::size_t>(hazards_.distinct_cells(s)) +
         static_cast<std::size_t>(hazards_.distinct_cell(s, hazards_.cell_of(cc)))) *
            static_cast<std::size_t>(hazards_.distinct_classes(s)) +
        static_cast<std::size_t>(hazards_.distinct_class(s, pop_.employability[i])));
    Week until = next_age_band_change(i, w);
    if (const int end = hazards_.band_end(s, band); end >= 0) until = std::min(until, since + end);
    if (const auto due = reassessment_week(params_.duration_limits[index_of(s)], since)) until = std::min(until, *due);
    row_until_[i] = static_cast<std::int16_t>(std::min(until, kRowForever));
  }

  /// Fills a row for week w from the hazards of citizen i, one of the citizens it serves.
  void fill_row(CachedRow& row, Week w, CitizenId i,
                const PerState<std::array<double, kMaxDestinations>>& week_mult) const {
    const State s = pop_.state_of(i);
    const std::size_t slot = static_cast<std::size_t>(params_.calendar.slot(w));
    const auto& dests = hazards_.destinations(s);
    const int n = static_cast<int>(dests.size());
    double h[kMaxDestinations];
    citizen_hazards(w, i, week_mult, params_.actors[pop_.actor[i]].job_finding[index_of(s)][slot], h);
    transition_thresholds(h, n, row.thresholds);
    row.stay_from = n > 0 ? row.thresholds[n - 1] : 0;
    for (int j = 0; j <= kMaxDestinations; ++j) {
      if (j >= n && j < kMaxDestinations) row.thresholds[j] = std::numeric_limits<std::uint32_t>::max();
      row.next[j] = static_cast<std::uint8_t>(j < n ? index_of(dests[static_cast<std::size_t>(j)]) : index_of(s));
    }
    row.stamp = w;
  }

  /// The next state from citizen i's cached row (its key must be current).
  State next_from_row(Week w, CitizenId i, std::uint32_t word, ThreadScratch& scratch,
                      const PerState<std::array<double, kMaxDestinations>>& week_mult) const {
    CachedRow& row = scratch.rows[row_of_[i]];
    if (row.stamp != w) fill_row(row, w, i, week_mult);
    if (word >= row.stay_from) return pop_.state_of(i);  // most citizens, most weeks
    int k = 0;
    for (int j = 0; j < kMaxDestinations; ++j) k += word >= row.thresholds[j];
    return static_cast<State>(row.next[k]);
  }

  /// The programme multiplier of citizen i in week w (1 without an activity).
  double programme_effect(Week w, CitizenId i, ThreadScratch& scratch) const {
    if (pop_.activity_of(i) == Activity::none) return 1.0;
    const std::size_t a = pop_.actor[i], kind = pop_.activity[i];
    const int group = match_group_of(params_, pop_, i);
    const Week from = pop_.activity_from[i], to = pop_.activity_to[i];
    const double contact = params_.actors[a].company_contact[static_cast<std::size_t>(params_.calendar.slot(w))];
    const ProgrammeSpec& programme = params_.programmes[kind];
    if (w < to || static_cast<std::size_t>(w - to) >= post_weeks_)
      return programme_multiplier(programme, group, w, from, to, contact);
    PostEffectMemo& memo =
        scratch.post[((a * kActivities + kind) * groups_ + static_cast<std::size_t>(group)) * post_weeks_ +
                     static_cast<std::size_t>(w - to)];
    if (memo.stamp != w) {
      memo.value = programme_multiplier(programme, group, w, from, to, contact);
      memo.stamp = w;
    }
    return memo.value;
  }

  State draw_next_state(Week w, CitizenId i, std::uint32_t word, ThreadScratch& scratch,
                        const PerState<std::array<double, kMaxDestinations>>& week_mult) {
    const State s = pop_.state_of(i);
    const DurationLimit& limit = params_.duration_limits[index_of(s)];
    if (reassessment_due(limit, pop_.state_since[i], w)) return reassessed_state(limit, rng_, i, w);
    if (w >= row_until_[i]) refresh_row_key(w, i);
    if (hazards_.absorbing(s)) return s;

    const double programme = programme_effect(w, i, scratch);
    if (programme == 1.0) return next_from_row(w, i, word, scratch, week_mult);

    const std::size_t slot = static_cast<std::size_t>(params_.calendar.slot(w));
    const ActorSpec& actor = params_.actors[pop_.actor[i]];
    CachedHazards& cached = scratch.hazards[row_of_[i]];
    if (cached.stamp != w) {
      // Job finding 1 leaves the product before it untouched (x * 1 == x), so multiplying by
      // it below gives exactly what HazardModel::hazards gives.
      citizen_hazards(w, i, week_mult, 1.0, cached.h);
      cached.stamp = w;
    }
    const auto& dests = hazards_.destinations(s);
    const int n = static_cast<int>(dests.size());
    double h[kMaxDestinations];
    std::copy(cached.h, cached.h + n, h);
    if (const int ss = hazards_.self_support_slot(s); ss >= 0)
      h[ss] *= actor.job_finding[index_of(s)][slot] * programme;
    const int j = draw_destination(h, n, RandomStreams::unit(word));
    return j < 0 ? s : dests[static_cast<std::size_t>(j)];
  }

  void move_block(Week w, CitizenId lo, CitizenId hi, BlockTally& tally, ThreadScratch& scratch,
                  const PerState<std::array<double, kMaxDestinations>>& week_mult) {
    std::vector<std::uint32_t>& words = scratch.words;
    // One Philox counter serves four neighbouring citizens (blocks start at multiples of 4):
    // citizen i takes word i % 4 of counter i / 4, so words[i - lo] is citizen i's.
    rng_.words_batch(lo >> 2, (hi - lo + 3) / 4, w, Process::transition, words.data());
    const auto none = static_cast<std::uint8_t>(Activity::none);
    // Counts go to four interleaved copies, so that neighbours in the same state do not wait on
    // each other's increments; the copies are added up at the end (integers: order-free).
    const std::size_t width = actors_ * kStates, activity_width = actors_ * kActivities;
    tally.lane_occupancy.assign(4 * width, 0);
    tally.lane_activity.assign(4 * activity_width, 0);
    std::int32_t* occupancy = tally.lane_occupancy.data();
    std::int32_t* activity = tally.lane_activity.data();
    // Raw views of what the loop reads for everyone (kept in registers across the calls).
    const std::uint8_t* actor = pop_.actor.data();
    const std::uint8_t* state = pop_.state.data();
    const std::uint8_t* kind = pop_.activity.data();
    const std::int16_t* until = row_until_.data();
    const std::uint32_t* row_of = row_of_.data();
    const std::int16_t* next_meeting = pop_.next_meeting.data();
    const CachedRow* rows = scratch.rows.data();
    const std::uint32_t* word_of = words.data() - lo;
    const bool* on_benefit = params_.on_benefit.data();
    for (CitizenId i = lo; i < hi; ++i) {
      const std::size_t a = actor[i], s = state[i];
      const std::size_t lane = i & 3u;
      ++occupancy[lane * width + a * kStates + s];
      const bool idle = kind[i] == none;
      const std::size_t act = idle ? 0 : index_of(pop_.current_activity(i, w));
      activity[lane * activity_width + a * kActivities + act] += on_benefit[s];

      // The common case: no programme, the row key still current, its row filled this week,
      // and a draw that stays.
      const std::uint32_t word = word_of[i];
      const bool keyed = idle && w < until[i];
      if (!(keyed && rows[row_of[i]].stamp == w && word >= rows[row_of[i]].stay_from)) {
        const State next =
            keyed ? next_from_row(w, i, word, scratch, week_mult) : draw_next_state(w, i, word, scratch, week_mult);
        if (static_cast<std::size_t>(index_of(next)) != s) move(w, i, next, tally);
      }
      if (next_meeting[i] <= w) tally.due[actor[i] * kStates + state[i]].push_back({i, next_meeting[i]});
    }
    for (std::size_t lane = 0; lane < 4; ++lane) {
      for (std::size_t k = 0; k < width; ++k) tally.occupancy[k] += occupancy[lane * width + k];
      for (std::size_t k = 0; k < activity_width; ++k) tally.activity[k] += activity[lane * activity_width + k];
    }
  }

  void move_citizens(Week w) {
    const CitizenId present = pop_.present_until(params_.calendar, w);
    const std::size_t blocks = (present + kBlockSize - 1) / kBlockSize;
    if (tallies_.size() < blocks) tallies_.resize(blocks);
    PerState<std::array<double, kMaxDestinations>> week_mult{};
    for (int s = 0; s < kStates; ++s) hazards_.week_multipliers(static_cast<State>(s), params_, w, week_mult[s].data());

#pragma omp parallel for num_threads(threads_) schedule(dynamic, 1) if (threads_ > 1 && blocks > 1)
    for (std::size_t b = 0; b < blocks; ++b) {
      BlockTally& tally = tallies_[b];
      tally.reset(actors_);
      const auto lo = static_cast<CitizenId>(b * kBlockSize);
      const auto hi = static_cast<CitizenId>(std::min<std::size_t>(present, (b + 1) * kBlockSize));
      const int thread = threads_ > 1 ? omp_get_thread_num() : 0;
      move_block(w, lo, hi, tally, scratch_[static_cast<std::size_t>(thread)], week_mult);
    }

    for (std::size_t b = 0; b < blocks; ++b) {
      const BlockTally& t = tallies_[b];
      entrants_.insert(entrants_.end(), t.entered.begin(), t.entered.end());
      for (std::size_t a = 0; a < actors_; ++a) {
        if (w >= 0) {
          for (int s = 0; s < kStates; ++s) {
            result_.occupancy[at(w, a, s, kStates)] += t.occupancy[a * kStates + s];
            result_.entries[at(w, a, s, kStates)] += t.entries[a * kStates + s];
            result_.exits[at(w, a, s, kStates)] += t.exits[a * kStates + s];
          }
          // Case costs from the counts of cases by activity, then fees and bonuses.
          double costs = t.costs[a];
          for (int k = 0; k < kActivities; ++k) {
            const std::int32_t cases = t.activity[a * kActivities + k];
            result_.activity_occupancy[at(w, a, k, kActivities)] += cases;
            costs += cases * case_week_cost(params_.actors[a], params_.programmes, true, static_cast<Activity>(k));
          }
          result_.costs[at(w, a, 0, 1)] += costs;
        }
      }
    }
  }

  void hold_meetings(Week w) {
    const CitizenId present = pop_.present_until(params_.calendar, w);
    const std::size_t blocks = (present + kBlockSize - 1) / kBlockSize;
    BlockTally& sanction_moves = meeting_tally_;
    sanction_moves.reset(actors_);
    const int slot = params_.calendar.slot(w);
    for (std::size_t a = 0; a < actors_; ++a) {
      for (int s = 0; s < kStates; ++s) {
        due_.clear();
        for (std::size_t b = 0; b < blocks; ++b) {
          const auto& d = tallies_[b].due[a * kStates + static_cast<std::size_t>(s)];
          due_.insert(due_.end(), d.begin(), d.end());
        }
        if (due_.empty()) continue;
        const double capacity = meeting_capacity(params_.actors[a], static_cast<State>(s), slot);
        const std::size_t held = select_meetings(due_, take_capacity(capacity, capacity_carry_[a * kStates + s]));
        // A meeting touches only its own citizen, so the meetings run side by side; the moves
        // they cause are then made one by one, in the order of the selection.
        outcomes_.resize(held);
        const auto count = static_cast<std::ptrdiff_t>(held);
#pragma omp parallel for num_threads(threads_) schedule(static) if (threads_ > 1 && held >= kParallelMeetings)
        for (std::ptrdiff_t k = 0; k < count; ++k)
          outcomes_[static_cast<std::size_t>(k)] =
              hold_meeting(params_, rng_, pop_, due_[static_cast<std::size_t>(k)].citizen, w);
        for (std::size_t k = 0; k < held; ++k)
          if (outcomes_[k].leaves_benefit) move(w, due_[k].citizen, State::self_support, sanction_moves);
        if (w >= 0) {
          result_.meetings_held[at(w, a, 0, 1)] += static_cast<std::int32_t>(held);
          result_.meetings_overdue[at(w, a, 0, 1)] += static_cast<std::int32_t>(due_.size() - held);
        }
      }
    }
    entrants_.insert(entrants_.end(), sanction_moves.entered.begin(), sanction_moves.entered.end());
    if (w < 0) return;
    for (std::size_t a = 0; a < actors_; ++a) {
      for (int s = 0; s < kStates; ++s) {
        result_.entries[at(w, a, s, kStates)] += sanction_moves.entries[a * kStates + s];
        result_.exits[at(w, a, s, kStates)] += sanction_moves.exits[a * kStates + s];
      }
      result_.costs[at(w, a, 0, 1)] += sanction_moves.costs[a];
    }
  }

  const Params& params_;
  const HazardModel& hazards_;
  RandomStreams rng_;
  int threads_;
  std::size_t actors_;
  Population pop_;
  std::array<std::array<std::size_t, kStates>, 256> row_offset_{};
  std::vector<ThreadScratch> scratch_;  // [thread]
  std::size_t groups_ = 1, post_weeks_ = 1;
  std::vector<std::uint32_t> row_of_;    // [citizen] cached row key
  std::vector<std::int16_t> row_until_;  // [citizen] week the key must be recomputed
  std::vector<BlockTally> tallies_;
  BlockTally meeting_tally_;
  std::vector<MeetingOutcome> outcomes_;  // of the meetings of one team in one week
  std::vector<DueMeeting> due_;
  std::vector<double> capacity_carry_;
  std::vector<CohortTracker> trackers_;
  std::vector<CitizenId> entrants_;  // whose spell begins in the coming week (moves and inflow)
  struct MemberChunk {
    std::size_t tracker, first, last;
  };
  static constexpr std::size_t kMemberChunk = 16384;
  std::vector<MemberChunk> member_chunks_;
  std::vector<double> chunk_counts_;  // [chunk][actor][activity] activity weeks of the week
  SpellRecorder register_;
  ReplicationResult result_;
};

}  // namespace

ReplicationResult run_replication(const Params& params, const HazardModel& hazards, std::uint32_t replication,
                                  int threads) {
  return Replication(params, hazards, replication, threads).run();
}

}  // namespace almpsim
