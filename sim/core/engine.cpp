#include "almpsim/engine.hpp"

#include <omp.h>

#include <algorithm>
#include <limits>

#include "almpsim/actors.hpp"
#include "almpsim/case_rules.hpp"
#include "almpsim/cohorts.hpp"
#include "almpsim/population.hpp"
#include "almpsim/programmes.hpp"
#include "almpsim/register.hpp"

namespace almpsim {

namespace {

/// Transition thresholds for one (actor, state, band, cell, employability) key, valid for the
/// week in `stamp`. Filled on first use in a week; each thread keeps its own table.
struct CachedRow {
  Week stamp = std::numeric_limits<Week>::min();
  std::uint32_t thresholds[kMaxDestinations];
};

/// What one block of citizens contributes to a week's record.
struct BlockTally {
  std::vector<std::int32_t> occupancy, entries, exits, activity;
  std::vector<double> costs;
  std::vector<std::vector<DueMeeting>> due;  // [actor][state]

  void reset(std::size_t actors) {
    occupancy.assign(actors * kStates, 0);
    entries.assign(actors * kStates, 0);
    exits.assign(actors * kStates, 0);
    activity.assign(actors * kActivities, 0);
    costs.assign(actors, 0.0);
    due.resize(actors * kStates);
    for (auto& d : due) d.clear();
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
    pop_ = create_population(params, rng_);
    std::size_t rows = 0;
    for (std::size_t a = 0; a < actors_; ++a)
      for (int s = 0; s < kStates; ++s) {
        row_offset_[a][s] = rows;
        rows += static_cast<std::size_t>(hazards.bands(static_cast<State>(s)) * hazards.cells() *
                                         hazards.employability_classes());
      }
    caches_.assign(static_cast<std::size_t>(threads_), std::vector<CachedRow>(rows));
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
    for (CitizenId i = 0; i < pop_.present_until(cal, cal.first()); ++i)
      open_initial_case(params_, rng_, pop_, i, cal.first());
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
    for (CitizenId i = pop_.present_until(cal, w - 1); i < pop_.present_until(cal, w); ++i) {
      enter_state(params_, rng_, pop_, i, kNoPreviousState, pop_.state_of(i), w);
      if (w - 1 < 0) continue;
      const std::size_t a = pop_.actor[i];
      ++result_.entries[at(w - 1, a, pop_.state[i], kStates)];
      if (params_.on_benefit[pop_.state[i]])
        result_.costs[at(w - 1, a, 0, 1)] += params_.actors[a].costs.fixed_fee_per_case;
    }
  }

  void observe(Week w) {
    const CitizenId present = pop_.present_until(params_.calendar, w);
    for (auto& t : trackers_) t.observe(w, pop_, present);
    if (params_.register_spells && w >= 0) register_.observe(w, pop_, present);
  }

  /// Records a move made during week w and applies the entry rules of the new state.
  void move(Week w, CitizenId i, State to, BlockTally& tally) {
    const std::uint8_t from = pop_.state[i];
    const std::size_t old_actor = pop_.actor[i];
    ++tally.exits[old_actor * kStates + from];
    enter_state(params_, rng_, pop_, i, from, to, w + 1);
    const std::size_t new_actor = pop_.actor[i];
    ++tally.entries[new_actor * kStates + index_of(to)];
    const bool was_on = params_.on_benefit[from], now_on = params_.on_benefit[index_of(to)];
    if (to == State::self_support && was_on)
      tally.costs[old_actor] += params_.actors[old_actor].costs.bonus_per_self_support;
    if (now_on && !was_on) tally.costs[new_actor] += params_.actors[new_actor].costs.fixed_fee_per_case;
  }

  State draw_next_state(Week w, CitizenId i, std::uint32_t word, std::vector<CachedRow>& cache,
                        const PerState<std::array<double, kMaxDestinations>>& week_mult) {
    const State s = pop_.state_of(i);
    const int duration = w - pop_.state_since[i];
    const DurationLimit& limit = params_.duration_limits[index_of(s)];
    if (limit.weeks > 0 && duration + 1 >= limit.weeks) {
      const double u = RandomStreams::unit(rng_.words(i, w, Process::duration_limit)[0]);
      return static_cast<State>(draw_index(limit.destination_shares, u));
    }
    if (hazards_.absorbing(s)) return s;

    const std::size_t a = pop_.actor[i];
    const std::size_t slot = static_cast<std::size_t>(params_.calendar.slot(w));
    const ActorSpec& actor = params_.actors[a];
    double programme = 1.0;
    if (pop_.activity_of(i) != Activity::none) {
      programme = programme_multiplier(params_.programmes[pop_.activity[i]], match_group_of(params_, pop_, i), w,
                                       pop_.activity_from[i], pop_.activity_to[i], actor.company_contact[slot]);
    }
    const int band = hazards_.band_of(s, duration);
    const CovariateCell cc{pop_.sex[i], pop_.origin[i], age_band_of(params_.attributes, pop_.age_years(i, w)),
                           pop_.match[i], pop_.sick_category[i]};
    const int cell = hazards_.cell_of(cc);
    const int emp = pop_.employability[i];
    const auto& dests = hazards_.destinations(s);
    const int n = static_cast<int>(dests.size());
    const double job_finding = actor.job_finding[index_of(s)][slot];

    if (programme == 1.0) {
      CachedRow& row = cache[row_offset_[a][index_of(s)] +
                             (static_cast<std::size_t>(band) * static_cast<std::size_t>(hazards_.cells()) +
                              static_cast<std::size_t>(cell)) *
                                 static_cast<std::size_t>(hazards_.employability_classes()) +
                             static_cast<std::size_t>(emp)];
      if (row.stamp != w) {
        double h[kMaxDestinations];
        hazards_.hazards(s, band, cell, emp, week_mult[index_of(s)].data(), job_finding, h);
        transition_thresholds(h, n, row.thresholds);
        row.stamp = w;
      }
      for (int j = 0; j < n; ++j)
        if (word < row.thresholds[j]) return dests[static_cast<std::size_t>(j)];
      return s;
    }
    double h[kMaxDestinations];
    hazards_.hazards(s, band, cell, emp, week_mult[index_of(s)].data(), job_finding * programme, h);
    const int j = draw_destination(h, n, RandomStreams::unit(word));
    return j < 0 ? s : dests[static_cast<std::size_t>(j)];
  }

  void move_block(Week w, CitizenId lo, CitizenId hi, BlockTally& tally, std::vector<CachedRow>& cache,
                  const PerState<std::array<double, kMaxDestinations>>& week_mult) {
    std::array<std::uint32_t, 4> words{};
    for (CitizenId i = lo; i < hi; ++i) {
      // One generator call serves four neighbouring citizens (blocks start at multiples of 4).
      if ((i & 3u) == 0) words = rng_.words(i >> 2, w, Process::transition);
      const std::size_t a = pop_.actor[i];
      const State s = pop_.state_of(i);
      const bool on = params_.on_benefit[index_of(s)];
      ++tally.occupancy[a * kStates + index_of(s)];
      if (on) ++tally.activity[a * kActivities + index_of(pop_.current_activity(i, w))];

      const State next = draw_next_state(w, i, words[i & 3u], cache, week_mult);
      if (next != s) move(w, i, next, tally);
      if (pop_.next_meeting[i] <= w)
        tally.due[pop_.actor[i] * kStates + pop_.state[i]].push_back({i, pop_.next_meeting[i]});
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
      move_block(w, lo, hi, tally, caches_[static_cast<std::size_t>(thread)], week_mult);
    }

    for (std::size_t b = 0; b < blocks; ++b) {
      const BlockTally& t = tallies_[b];
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
            costs += cases * weekly_case_cost(params_.actors[a], params_.programmes, true, static_cast<Activity>(k));
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
        for (std::size_t k = 0; k < held; ++k) {
          const CitizenId i = due_[k].citizen;
          const MeetingOutcome out = hold_meeting(params_, rng_, pop_, i, w);
          if (out.leaves_benefit) move(w, i, State::self_support, sanction_moves);
        }
        if (w >= 0) {
          result_.meetings_held[at(w, a, 0, 1)] += static_cast<std::int32_t>(held);
          result_.meetings_overdue[at(w, a, 0, 1)] += static_cast<std::int32_t>(due_.size() - held);
        }
      }
    }
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
  std::vector<std::vector<CachedRow>> caches_;
  std::vector<BlockTally> tallies_;
  BlockTally meeting_tally_;
  std::vector<DueMeeting> due_;
  std::vector<double> capacity_carry_;
  std::vector<CohortTracker> trackers_;
  SpellRecorder register_;
  ReplicationResult result_;
};

}  // namespace

ReplicationResult run_replication(const Params& params, const HazardModel& hazards, std::uint32_t replication,
                                  int threads) {
  return Replication(params, hazards, replication, threads).run();
}

}  // namespace almpsim
