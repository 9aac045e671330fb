#include "almpsim/engine.hpp"

#include <omp.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>

#include "almpsim/actors.hpp"
#include "almpsim/case_codes.hpp"
#include "almpsim/case_rules.hpp"
#include "almpsim/cohorts.hpp"
#include "almpsim/costs.hpp"
#include "almpsim/duration_limits.hpp"
#include "almpsim/meeting_effect.hpp"
#include "almpsim/population.hpp"
#include "almpsim/programme_places.hpp"
#include "almpsim/programmes.hpp"
#include "almpsim/register.hpp"
#include "almpsim/site_effects.hpp"
#include "meeting_queue.hpp"
#include "parallel_failure.hpp"
#include "programme_count.hpp"
#include "thread_shares.hpp"
#include "transition_cache.hpp"
#include "week_lists.hpp"
#include "week_marks.hpp"

namespace almpsim {

namespace {

/// What a thread's moves of a week add to its record, or its meetings' moves: counts, which add
/// up the same in any order, and lists, in id order where the moves were made in id order (or
/// sorted after). Each thread keeps its own, on cache lines of its own, and the week then adds
/// them up: how the blocks were shared out changes nothing, and a week resets and adds up one
/// tally a thread instead of one a block (about 120 at a million citizens).
struct alignas(64) MoveTally {
  std::vector<std::int32_t> entries, exits;   // [actor][state] moves in and out; they keep the occupancy
  std::vector<std::int32_t> fees;             // [actor] cases it took on benefit, each paid its fee
  std::vector<std::int32_t> to_self_support;  // [actor] cases it moved from benefit into self-support (a bonus each)
  std::vector<std::int32_t> places_held;      // [actor][activity] held next week, after the moves
  std::vector<std::vector<DueMeeting>> due;   // [actor][state] meetings falling due this week
  std::vector<std::int32_t> left_queue;       // [actor][state] cases overdue for a meeting that moved on
  std::vector<CitizenId> entered;             // citizens moved
  std::vector<CountChange> count_changes;     // to the programme count, from the moves made and places taken
  /// [segment of 2^kShareSegmentBits citizens] how many the second pass took: kept through the
  /// week (not reset) for cutting the next week's shares; empty where the shares are not cut.
  std::vector<std::uint32_t> marked_by_segment;

  void reset(std::size_t actors) {
    entries.assign(actors * kStates, 0);
    exits.assign(actors * kStates, 0);
    fees.assign(actors, 0);
    to_self_support.assign(actors, 0);
    places_held.assign(actors * kActivities, 0);
    left_queue.assign(actors * kStates, 0);
    due.resize(actors * kStates);
    for (auto& d : due) empty_for_next_week(d);
    empty_for_next_week(entered);
    empty_for_next_week(count_changes);
  }

  /// Takes in another thread's tally of the same week, whose citizens are none of this one's:
  /// the counts are added, and the lists in id order merged (`spare` serves the merges).
  void add(const MoveTally& other, std::vector<CitizenId>& spare_ids, std::vector<DueMeeting>& spare_due) {
    add_counts(entries, other.entries);
    add_counts(exits, other.exits);
    add_counts(fees, other.fees);
    add_counts(to_self_support, other.to_self_support);
    add_counts(places_held, other.places_held);
    add_counts(left_queue, other.left_queue);
    merge_in(entered, other.entered, spare_ids, std::less<>());
    for (std::size_t team = 0; team < due.size(); ++team)
      merge_in(due[team], other.due[team], spare_due,
               [](const DueMeeting& a, const DueMeeting& b) { return a.citizen < b.citizen; });
    count_changes.insert(count_changes.end(), other.count_changes.begin(), other.count_changes.end());
  }

 private:
  static void add_counts(std::vector<std::int32_t>& into, const std::vector<std::int32_t>& from) {
    for (std::size_t k = 0; k < into.size(); ++k) into[k] += from[k];
  }
  /// Merges the sorted `from` into the sorted `into`.
  template <class T, class Less>
  static void merge_in(std::vector<T>& into, const std::vector<T>& from, std::vector<T>& spare, Less less) {
    if (from.empty()) return;
    spare.resize(into.size() + from.size());
    std::merge(into.begin(), into.end(), from.begin(), from.end(), spare.begin(), less);
    into.swap(spare);
  }
};

/// What a thread counts of the cases it opens at the start, on cache lines of its own.
struct alignas(64) OpeningTally {
  std::vector<std::int32_t> present;           // [actor][state]
  std::vector<std::int32_t> cases_on_benefit;  // [actor] each paid its actor's fee
  std::vector<CountChange> count_changes;      // to the programme count, from the cases' programmes

  explicit OpeningTally(std::size_t actors) : present(actors * kStates, 0), cases_on_benefit(actors, 0) {}
};

class Replication {
 public:
  Replication(const Params& params, const HazardModel& hazards, std::uint32_t replication, int threads,
              WeekDone week_done)
      : params_(params),
        hazards_(hazards),
        rng_(params.run.seed, replication),
        threads_(std::max(1, threads)),
        week_done_(std::move(week_done)),
        actors_(static_cast<std::size_t>(params.actor_count())),
        pop_(create_population(params, rng_, threads_)),
        cache_(params, hazards, pop_, threads_),
        places_(params),
        programme_count_(params, threads_) {
    capacity_carry_.assign(actors_ * kStates, 0.0);
    programme_cases_.assign(actors_ * kActivities, 0);  // without casework none ever runs
    programme_bin_ = programme_bins_of_codes();
    meeting_queues_.resize(actors_ * kStates);
    meeting_tallies_.resize(static_cast<std::size_t>(threads_));
    move_tallies_.resize(static_cast<std::size_t>(threads_));
    has_milestones_ = pays_milestones(params);
    // A meeting's moves touch only its citizen, but for the waiting lists of limited places,
    // the milestones booked (whose payments add up in the order booked) and the meetings traced.
    meeting_moves_where_held_ = !places_.limited() && !has_milestones_ && params.run.traced.empty();
    if (has_milestones_) milestones_due_.resize(static_cast<std::size_t>(params.calendar.total()));
    meeting_reach_ = pop_.casework ? cache_.meeting_reach() : 0;  // nobody is met without casework
    reads_birth_day_ = facts_read(params.actors).birth_day;
    meeting_draws_ = meeting_draws_read(params.actors);
    follow_cohorts();
    const auto weeks = static_cast<std::size_t>(params.calendar.weeks);
    result_.occupancy.assign(weeks * actors_ * kStates, 0);
    result_.entries = result_.occupancy;
    result_.exits = result_.occupancy;
    result_.activity_occupancy.assign(weeks * actors_ * kActivities, 0);
    result_.meetings_held.assign(weeks * actors_, 0);
    result_.meetings_overdue.assign(weeks * actors_, 0);
    result_.waiting_for_place.assign(weeks * actors_ * kActivities, 0);
    result_.moved_to_self_support.assign(weeks * actors_, 0);
    result_.cost_accounts.assign(weeks * actors_ * kCostAccounts, 0.0);
  }

  ReplicationResult run() {
    const Calendar& cal = params_.calendar;
    // Each case opens from its own draws: in parallel, with the same result.
    const auto initial = static_cast<std::int64_t>(pop_.present_until(cal, cal.first()));
    // The actors' take-over of the cases is counted by each thread as it opens them.
    std::vector<OpeningTally> opened(static_cast<std::size_t>(threads_), OpeningTally(actors_));
    ParallelFailure opening;
#pragma omp parallel for num_threads(threads_) schedule(static) if (threads_ > 1)
    for (std::int64_t k = 0; k < initial; ++k)
      opening.guard([&] {
        const auto i = static_cast<CitizenId>(k);
        open_initial_case(params_, rng_, pop_, i, cal.first());
        count_initial_case(i, opened[static_cast<std::size_t>(thread_number())]);
      });
    opening.rethrow();
    take_over_initial_cases(static_cast<CitizenId>(initial), opened);
    for (Week w = cal.first(); w < cal.end(); ++w) {
      admit_inflow(w);
      observe(w);
      move_citizens(w);
      hold_meetings(w);
      if (week_done_) week_done_();
    }
    close_accounts(params_, result_);
    // A cohort's outcome only reads its tracker (cohorts of one family share theirs): side by side.
    const auto cohorts = static_cast<int>(params_.cohorts.size());
    result_.cohorts.resize(params_.cohorts.size());
    ParallelFailure outcomes;
#pragma omp parallel for num_threads(threads_) schedule(dynamic, 1) if (threads_ > 1 && cohorts > 1)
    for (int c = 0; c < cohorts; ++c)
      outcomes.guard([&] {
        const auto [tracker, index_in_family] = tracker_of_[static_cast<std::size_t>(c)];
        result_.cohorts[static_cast<std::size_t>(c)] = trackers_[tracker].outcome(index_in_family);
      });
    outcomes.rethrow();
    if (params_.run.register_spells) result_.spells = register_.finish(cal.end() - 1);
    result_.citizens = pop_.size();
    return std::move(result_);
  }

 private:
  std::size_t at(Week w, std::size_t actor, int k, int width) const {
    return (static_cast<std::size_t>(w) * actors_ + actor) * static_cast<std::size_t>(width) +
           static_cast<std::size_t>(k);
  }

  /// One tracker follows each family of cohorts that take their members alike but for their
  /// match groups (a cohort and its splits by group): a member is then followed once.
  void follow_cohorts() {
    std::vector<std::vector<const CohortSpec*>> families;
    for (const CohortSpec& c : params_.cohorts) {
      const auto family = std::find_if(families.begin(), families.end(),
                                       [&](const auto& f) { return same_members_but_groups(*f.front(), c); });
      tracker_of_.push_back(
          {static_cast<std::size_t>(family - families.begin()), family == families.end() ? 0 : family->size()});
      if (family == families.end())
        families.push_back({&c});
      else
        family->push_back(&c);
    }
    for (auto& family : families) trackers_.emplace_back(params_, std::move(family), threads_);
  }

  /// Books an amount to an actor's account in reported week w.
  void book(Week w, std::size_t actor, CostAccount account, double amount) {
    result_.cost_accounts[at(w, actor, static_cast<int>(account), kCostAccounts)] += amount;
  }

  /// Counts citizen i's opened case into `tally`: present in its state, on benefit or not, and
  /// its programme's weeks.
  void count_initial_case(CitizenId i, OpeningTally& tally) const {
    const std::size_t a = pop_.actor[i];
    ++tally.present[a * kStates + pop_.state[i]];
    if (params_.on_benefit[pop_.state[i]]) ++tally.cases_on_benefit[a];
    case_count_changes(params_, pop_, i, params_.calendar.first(), +1, tally.count_changes);
  }

  /// The actors take over the cases at the start, as the threads counted them (`opened`,
  /// count_initial_case): a fee for each on benefit, and the milestones the spells running then
  /// will reach.
  void take_over_initial_cases(CitizenId initial, std::vector<OpeningTally>& opened) {
    const Week first = params_.calendar.first();
    occupancy_now_.assign(actors_ * kStates, 0);
    std::vector<std::int32_t> cases_on_benefit(actors_, 0);
    for (OpeningTally& tally : opened) {
      for (std::size_t k = 0; k < occupancy_now_.size(); ++k) occupancy_now_[k] += tally.present[k];
      for (std::size_t a = 0; a < actors_; ++a) cases_on_benefit[a] += tally.cases_on_benefit[a];
      apply_count_changes(tally.count_changes);
    }
    // Each case's fee booked in turn, as one case at a time adds them: the same sum to the bit.
    for (std::size_t a = 0; a < actors_; ++a) {
      const double fee = entry_fee(params_.actors[a]);
      if (first >= 0 && fee != 0.0)
        for (std::int32_t k = 0; k < cases_on_benefit[a]; ++k) book(first, a, CostAccount::payments, fee);
    }
    if (has_milestones_)
      for (CitizenId i = 0; i < initial; ++i) schedule_milestones(i);
  }

  /// Makes `change` to citizen i's case, and to the programme count from week `from` on: the
  /// case's weeks in a programme as they were are taken away, and added as they are after.
  template <class Change>
  void recounting(CitizenId i, Week from, std::vector<CountChange>& changes, Change change) {
    case_count_changes(params_, pop_, i, from, -1, changes);
    change();
    case_count_changes(params_, pop_, i, from, +1, changes);
  }

  /// This thread's number in a parallel loop of the replication's (0 outside one).
  int thread_number() const {
    return threads_ > 1 ? omp_get_thread_num() : 0;
  }

  /// Takes changes to the programme count in (into the calendar of thread `part`, where
  /// threads take theirs in side by side), and empties their list for more.
  void apply_count_changes(std::vector<CountChange>& changes, int part = 0) {
    programme_count_.apply(changes, part);
    changes.clear();
  }

  /// Books the payments due from week `from` on when citizen i's current spell reaches its
  /// actor's milestones.
  void schedule_milestones(CitizenId i, Week from = std::numeric_limits<Week>::lowest()) {
    if (!has_milestones_) return;
    const Calendar& cal = params_.calendar;
    const Week since = pop_.state_since[i];
    for (const Milestone& m : params_.actors[pop_.actor[i]].costs.milestones[pop_.state[i]]) {
      const Week due = since + m.weeks;
      if (due >= std::max(cal.first(), from) && due < cal.end())
        milestones_due_[static_cast<std::size_t>(cal.slot(due))].push_back({i, since, pop_.actor[i], m.amount});
    }
  }

  /// Pays the milestones due at the start of week w to the actors of the spells still running.
  void pay_milestones(Week w) {
    if (!has_milestones_) return;
    auto& due = milestones_due_[static_cast<std::size_t>(params_.calendar.slot(w))];
    // Paid while the spell runs with the actor whose milestones they are (a referral hands the
    // rest of the spell to the taker's).
    for (const DueMilestone& d : due)
      if (w >= 0 && pop_.state_since[d.citizen] == d.since && pop_.actor[d.citizen] == d.actor)
        book(w, d.actor, CostAccount::payments, d.amount);
    due.clear();
    due.shrink_to_fit();
  }

  void admit_inflow(Week w) {
    const Calendar& cal = params_.calendar;
    if (w == cal.first()) return;
    const CitizenId first = pop_.present_until(cal, w - 1), end = pop_.present_until(cal, w);
    // Entry rules touch only the new citizen (in parallel); the accounts are kept in id order.
    const auto arrivals = static_cast<std::int64_t>(end - first);
    ParallelFailure entering;
#pragma omp parallel for num_threads(threads_) schedule(static) if (threads_ > 1 && arrivals > 4096)
    for (std::int64_t k = 0; k < arrivals; ++k)
      entering.guard([&] {
        const CitizenId i = first + static_cast<CitizenId>(k);
        enter_state(params_, rng_, pop_, i, kNoPreviousState, pop_.state_of(i), w);
        cache_.refresh_row_key(w, i);
      });
    entering.rethrow();
    for (CitizenId i = first; i < end; ++i) {
      entrants_.push_back(i);
      case_count_changes(params_, pop_, i, w, +1, count_changes_);
      const std::size_t a = pop_.actor[i];
      ++occupancy_now_[a * kStates + pop_.state[i]];
      if (w - 1 < 0) continue;
      ++result_.entries[at(w - 1, a, pop_.state[i], kStates)];
      if (params_.on_benefit[pop_.state[i]]) book(w - 1, a, CostAccount::payments, entry_fee(params_.actors[a]));
    }
    apply_count_changes(count_changes_);
  }

  void observe(Week w) {
    const CitizenId present = pop_.present_until(params_.calendar, w);
    // Cohorts only read the population, each into its own tracker: they take in new members
    // side by side, then their members are brought up to date in chunks on every thread.
    const auto cohorts = static_cast<int>(trackers_.size());
    // Everyone whose spell began this week, in id order (the order cohort members join in).
    // A citizen moves once a week at most (a move books its next meeting after the week), so
    // the list holds each once; a milestone scheduled twice would be paid twice.
    if (std::adjacent_find(entrants_.begin(), entrants_.end(), std::greater_equal<>()) != entrants_.end())
      throw std::logic_error("the week's entrants are not in strictly increasing id order");
    pay_milestones(w);
    for (const CitizenId i : entrants_) schedule_milestones(i);
    ParallelFailure admitting;
#pragma omp parallel for num_threads(threads_) schedule(dynamic, 1) if (threads_ > 1 && cohorts > 1)
    for (int c = 0; c < cohorts; ++c)
      admitting.guard([&] { trackers_[static_cast<std::size_t>(c)].admit(w, pop_, present, &entrants_); });
    admitting.rethrow();

    const bool cohorts_update =
        std::any_of(trackers_.begin(), trackers_.end(), [w](const CohortTracker& t) { return t.updates(w); });
    programme_cases_ = programme_count_.advance_to(w);
    // The week's case codes serve the cohorts and the register; where they are written, the
    // programme count kept from the cases' changes is checked against them.
    if (cohorts_update || (w >= 0 && params_.run.register_spells)) write_codes_and_check_programme_count(w, present);
    if (cohorts_update) update_cohorts(w);
    entrants_.clear();
    if (params_.run.register_spells && w >= 0) register_.observe(w, case_codes_.data(), present);
    if (!params_.run.traced.empty() && w >= 0) record_trace(w, present);
  }

  /// Writes the case code of everyone present at the start of week w and, with casework, counts
  /// the cases on benefit in each actor's running programmes from them: the count kept from
  /// the cases' changes (programme_cases_) must be the same, or some change to a case was missed.
  /// Blocks in parallel, each counted apart, the counts added up in block order.
  void write_codes_and_check_programme_count(Week w, CitizenId present) {
    // The blocks run unguarded (ParallelFailure): writing and counting codes allocates nothing
    // and cannot throw.
    // Sized once for everyone who ever enters (grown as the inflow arrives, it kept a quarter
    // more than it used).
    if (case_codes_.capacity() < pop_.size()) case_codes_.reserve(pop_.size());
    case_codes_.resize(present);
    const std::size_t blocks = (present + kBlockSize - 1) / kBlockSize;
    const std::size_t bins = programme_bins(), width = kCountWays * bins;
    if (pop_.casework) block_counts_.assign(blocks * width, 0);
#pragma omp parallel for num_threads(threads_) schedule(static) if (threads_ > 1 && blocks > 1)
    for (std::size_t b = 0; b < blocks; ++b) {
      const auto lo = static_cast<CitizenId>(b * kBlockSize);
      const auto hi = static_cast<CitizenId>(std::min<std::size_t>(present, (b + 1) * kBlockSize));
      write_case_codes(pop_, w, lo, hi, case_codes_.data());
      if (pop_.casework)
        count_case_codes(case_codes_.data(), lo, hi, programme_bin_.data(), bins, block_counts_.data() + b * width);
    }
    if (!pop_.casework) return;  // nobody is ever in a programme: the counts stay 0
    std::vector<std::int32_t> counted(actors_ * kActivities, 0);
    for (std::size_t b = 0; b < blocks; ++b)
      for (std::size_t way = 0; way < kCountWays; ++way)
        for (std::size_t k = 0; k < counted.size(); ++k)
          counted[k] += static_cast<std::int32_t>(block_counts_[b * width + way * bins + k]);
    if (counted != programme_cases_)
      throw std::logic_error("week " + std::to_string(w) +
                             ": the programme count kept from the cases' changes differs from the week's case codes");
  }

  /// Bins of the programme count: [actor][activity] for a case on benefit in a running
  /// programme, and one more for a case off benefit with one running ([actor][none] stays
  /// empty: count_case_codes counts only cases with an activity running).
  std::size_t programme_bins() const {
    return actors_ * kActivities + 1;
  }
  std::vector<std::uint16_t> programme_bins_of_codes() const {
    std::vector<std::uint16_t> bin(case_codes(actors_), static_cast<std::uint16_t>(programme_bins() - 1));
    for (std::size_t a = 0; a < actors_; ++a)
      for (std::size_t s = 0; s < kStates; ++s)
        for (std::size_t k = 1; k < kActivities; ++k)
          if (params_.on_benefit[s]) bin[case_code(a, s, k)] = static_cast<std::uint16_t>(a * kActivities + k);
    return bin;
  }

  /// Brings every cohort's members up to the start of week w from the week's case codes, in
  /// chunks on every thread.
  void update_cohorts(Week w) {
    member_chunks_.clear();
    for (std::size_t c = 0; c < trackers_.size(); ++c)
      for (std::size_t first = 0; first < trackers_[c].members(); first += kMemberChunk)
        member_chunks_.push_back({c, first, std::min(trackers_[c].members(), first + kMemberChunk)});
    // Milestones are amounts: each chunk's apart, then added up in chunk order. A chunk's lie a
    // cache line (eight amounts) past the one before's: threads on neighbouring chunks write them
    // member by member.
    const std::size_t slots = has_milestones_ ? trackers_.front().milestone_slots() : 0;
    const std::size_t stride = slots > 0 ? slots + 8 : 0;
    chunk_milestones_.assign(member_chunks_.size() * stride, 0.0);
    const auto chunks = static_cast<std::ptrdiff_t>(member_chunks_.size());
    // Unguarded (ParallelFailure): a member's update allocates nothing and cannot throw.
#pragma omp parallel for num_threads(threads_) schedule(dynamic, 1) if (threads_ > 1 && chunks > 1)
    for (std::ptrdiff_t k = 0; k < chunks; ++k) {
      const MemberChunk& chunk = member_chunks_[static_cast<std::size_t>(k)];
      const int thread = thread_number();
      trackers_[chunk.tracker].update(w, pop_, case_codes_.data(), chunk.first, chunk.last, thread,
                                      chunk_milestones_.data() + static_cast<std::size_t>(k) * stride);
    }
    if (has_milestones_)
      for (std::size_t k = 0; k < member_chunks_.size(); ++k)
        trackers_[member_chunks_[k].tracker].add_milestones(chunk_milestones_.data() + k * stride);
    for (CohortTracker& tracker : trackers_) tracker.end_week(w);
  }

  /// The traced citizens present at the start of week w, as the engine holds them.
  void record_trace(Week w, CitizenId present) {
    for (const CitizenId i : params_.run.traced) {
      if (i >= present) break;  // sorted: the rest enter later
      result_.trace.push_back({i, w, pop_.state[i], pop_.actor[i], static_cast<std::uint8_t>(pop_.activity_of(i)),
                               pop_.sex[i], pop_.origin[i], pop_.area[i], pop_.match[i], pop_.sick_category[i],
                               pop_.employability[i], pop_.birth_week[i], pop_.state_since[i],
                               pop_.activity_announced_of(i), pop_.activity_from_of(i), pop_.activity_to_of(i),
                               pop_.next_meeting_of(i), pop_.last_met_of(i), pop_.meetings_of(i)});
    }
  }

  /// A traced citizen's meeting of week w, with the draws behind it: the meeting's words are
  /// drawn again (they depend only on citizen, week and process), so tracing changes no draw.
  void record_traced_meeting(Week w, CitizenId i, std::size_t actor, const MeetingOutcome& out) {
    if (!std::binary_search(params_.run.traced.begin(), params_.run.traced.end(), i)) return;
    const SanctionPolicy& sanctions = params_.actors[actor].sanctions;
    const auto u = rng_.words(i, w, Process::meeting);
    TracedMeeting m{i, w};
    m.attended = out.attended;
    m.sanctioned = out.sanctioned;
    m.leaves_benefit = out.leaves_benefit;
    m.referred = out.referred;
    m.reassessed = out.reassessed;
    m.started = static_cast<std::uint8_t>(out.started);
    m.no_show_draw = RandomStreams::unit(u[0]);
    m.no_show_chance = sanctions.no_show;
    m.sanction_draw = RandomStreams::unit(u[1]);
    m.sanction_chance = sanctions.rate;
    m.exit_draw = RandomStreams::unit(u[2]);
    m.exit_chance = sanctions.exit_share;
    result_.traced_meetings.push_back(m);
  }

  /// Records a move made during week w and applies the entry rules of the new state. It reads
  /// and writes only citizen i and `tally` but for limited places' counts, which meetings'
  /// moves made as held rely on (meeting_moves_where_held_).
  void move(Week w, CitizenId i, State to, MoveTally& tally) {
    const std::uint8_t from = pop_.state[i];
    const std::size_t old_actor = pop_.actor[i];
    ++tally.exits[old_actor * kStates + from];
    tally.entered.push_back(i);
    count_place(w, i, -1, tally);
    recounting(i, w + 1, tally.count_changes, [&] { enter_state(params_, rng_, pop_, i, from, to, w + 1); });
    // The new row key is worked out now, while the citizen's fields are at hand: next week's
    // first pass can then settle its draw without the second pass.
    cache_.refresh_row_key(w + 1, i);
    count_place(w, i, +1, tally);  // an immediate activation booked on entry
    const std::size_t new_actor = pop_.actor[i];
    ++tally.entries[new_actor * kStates + index_of(to)];
    const bool was_on = params_.on_benefit[from], now_on = params_.on_benefit[index_of(to)];
    if (to == State::self_support && was_on) ++tally.to_self_support[old_actor];
    if (now_on && !was_on) ++tally.fees[new_actor];
  }

  /// Adds `sign` to the place citizen i holds next week, if any, in the tally's count.
  void count_place(Week w, CitizenId i, int sign, MoveTally& tally) const {
    if (places_.limited() && holds_place(pop_, i, w))
      tally.places_held[pop_.actor[i] * kActivities + pop_.activity[i]] += sign;
  }

  /// Records a referral made at a meeting in week w: the case leaves its actor and joins the
  /// taker in the same spell, which is paid its fee for a case on benefit. A programme booked
  /// or running goes with the case, and so does its place. Like move(), it touches only citizen
  /// i and `tally` but for places and milestones (meeting_moves_where_held_).
  void record_referral(Week w, CitizenId i, MoveTally& tally) {
    const std::uint8_t s = pop_.state[i];
    const std::size_t from = pop_.actor[i], to = params_.actors[from].referral.to;
    ++tally.exits[from * kStates + s];
    ++tally.entries[to * kStates + s];
    cache_.invalidate(i);  // the actor is part of the hazards' key
    count_place(w, i, -1, tally);
    recounting(i, w + 1, tally.count_changes, [&] { hand_over(params_, pop_, i, to, w + 1); });
    count_place(w, i, +1, tally);
    schedule_milestones(i, w + 1);
    if (params_.on_benefit[s]) ++tally.fees[to];
  }

  State draw_next_state(Week w, CitizenId i, std::uint32_t word, ThreadScratch& scratch,
                        const WeekMultipliers& week_mult) {
    const State s = pop_.state_of(i);
    const DurationLimit& limit = params_.duration_limits[index_of(s)];
    // The row key goes stale at the pension age too, so the common week never tests it.
    if (cache_.key_stale(i, w)) {
      if (s != State::exited && cache_.past_pension_age(i, w)) return State::exited;
      cache_.refresh_row_key(w, i);
    }
    if (reassessment_due(limit, pop_.state_since[i], w)) return reassessed_state(limit, rng_, i, w);
    if (hazards_.absorbing(s)) return s;

    const ActorSpec& actor = params_.actors[pop_.actor[i]];
    double effect = cache_.programme_effect(w, i, scratch);
    if (meeting_reach_ > 0) effect *= cache_.meeting_effect(i, w);
    if (effect == 1.0) return cache_.next_from_row(w, i, word, scratch, week_mult);

    const std::size_t slot = static_cast<std::size_t>(params_.calendar.slot(w));
    const CachedHazards& cached = cache_.hazards_of(w, i, scratch, week_mult);
    const double job_finding = actor.job_finding[index_of(s)][slot] * effect;
    // A draw at or above the total hazard stays (draw_destination's first test). The total
    // summed below differs from this one by rounding only, far less than the margin, so a draw
    // above the margin stays either way and skips the sum.
    const double u = RandomStreams::unit(word);
    if (u >= (cached.others + job_finding * cached.job_finding) * (1.0 + 0x1p-20)) return s;
    const auto& dests = hazards_.destinations(s);
    const int n = static_cast<int>(dests.size());
    double h[kMaxDestinations];
    std::copy(cached.h, cached.h + n, h);
    for (const int d : hazards_.job_finding_slots(s)) h[d] *= job_finding;
    const int j = draw_destination(h, n, u);
    return j < 0 ? s : dests[static_cast<std::size_t>(j)];
  }

  /// Moves the citizens [lo, hi) through week w in two passes. The first (mark_week) settles the
  /// common week (a current row key and a draw that stays, on the row or under any effect)
  /// without a branch and marks the rest and those whose meeting falls due this week. The
  /// second takes only the marked, in id order, so moves and due meetings are recorded in the
  /// order a single pass gives.
  /// A move touches only its own citizen, so the first pass may read everyone before any move.
  /// Kept out of line: inlined into its guarded loop (ParallelFailure) it ran about 3% slower.
  [[gnu::noinline]] void move_block(Week w, CitizenId lo, CitizenId hi, MoveTally& tally, ThreadScratch& scratch,
                                    const WeekMultipliers& week_mult) {
    if (params_.run.check_row_keys) check_row_keys(w, lo, hi);
    std::vector<std::uint32_t>& words = scratch.words;
    // One Philox counter serves four neighbouring citizens (blocks start at multiples of 4):
    // citizen i takes word i % 4 of counter i / 4, so words[i - lo] is citizen i's.
    rng_.words_batch(lo >> 2, (hi - lo + 3) / 4, w, Process::transition, words.data());
    const std::uint32_t* word_of = words.data() - lo;
    if (places_.limited())
      for (CitizenId i = lo; i < hi; ++i) count_place(w, i, +1, tally);
    // Without meeting effects nobody is checked for a recent meeting; without casework nobody
    // has a programme or a meeting, and the first pass reads neither.
    const bool worked = pop_.casework;
    const WeekMarkInputs inputs{worked ? pop_.activity.data() : nullptr,
                                cache_.row_until(),
                                worked ? pop_.last_met.data() : nullptr,
                                worked ? pop_.next_meeting.data() : nullptr,
                                cache_.row_of16(),
                                cache_.row_of32(),
                                scratch.heads.data(),
                                scratch.heads.size(),
                                worked ? scratch.effect_heads.data() : nullptr,
                                word_of,
                                w,
                                meeting_reach_ > 0 ? meeting_reach_ : std::numeric_limits<Week>::min() / 2};
    const std::size_t marked = mark_week(inputs, lo, hi, scratch.marked.data(), scratch.flags.data());
    if (!tally.marked_by_segment.empty())
      for (std::size_t k = 0; k < marked; ++k) ++tally.marked_by_segment[scratch.marked[k] >> kShareSegmentBits];
    for (std::size_t k = 0; k < marked; ++k) {
      const CitizenId i = scratch.marked[k];
      if (k + kPrefetchAhead < marked)
        prefetch_slow_path(scratch.marked[k + kPrefetchAhead], scratch.flags[k + kPrefetchAhead]);
      if (!(scratch.flags[k] & kStays)) {
        const std::size_t s = pop_.state[i];
        const State next = scratch.flags[k] & kKeyed ? cache_.next_from_row(w, i, word_of[i], scratch, week_mult)
                                                     : next_state(w, i, word_of[i], scratch, week_mult);
        if (static_cast<std::size_t>(index_of(next)) != s) {
          // A case waiting for an overdue meeting leaves its team's queue (its next meeting is
          // booked afresh, after this week).
          if (pop_.next_meeting_of(i) < w) ++tally.left_queue[pop_.actor[i] * kStates + s];
          move(w, i, next, tally);
        }
      }
      if (pop_.next_meeting_of(i) == w) tally.due[pop_.actor[i] * kStates + pop_.state[i]].push_back({i, w});
    }
  }

  /// Throws logic_error if a citizen of [lo, hi) holds a current row key other than the one its
  /// fields give in week w, or keeps it until another week than they give (run.check_row_keys).
  void check_row_keys(Week w, CitizenId lo, CitizenId hi) const {
    const auto fail = [w](CitizenId i, const char* what) {
      throw std::logic_error("week " + std::to_string(w) + ": citizen " + std::to_string(i) + what);
    };
    for (CitizenId i = lo; i < hi; ++i) {
      if (cache_.key_stale(i, w)) continue;
      if (cache_.row_of(i) != cache_.row_key(w, i)) fail(i, " holds a row key its fields no longer give");
      if (cache_.row_until_of(i) != cache_.row_until_searched(w, i))
        fail(i, " holds its row key until another week than its fields give");
    }
  }

  /// The state after week w of a citizen whose row's draw is not its draw (a stale row key, a
  /// programme, a meeting's effect), drawn with `word`. A draw that stays under any effect the
  /// actor's cases may have needs no more; the rest take the whole rule.
  State next_state(Week w, CitizenId i, std::uint32_t word, ThreadScratch& scratch, const WeekMultipliers& week_mult) {
    if (!cache_.key_stale(i, w) && cache_.stays_under_any_effect(w, i, word, scratch, week_mult))
      return pop_.state_of(i);
    return draw_next_state(w, i, word, scratch, week_mult);
  }

  /// Marked citizens lie apart and the second pass reads up to a dozen arrays for each, so
  /// their cache lines are asked for this many citizens ahead, as many as the citizen's marks
  /// say it will read. The prefetch helpers must be inlined: out of line, GCC finds them free of
  /// side effects and deletes their calls. (The two look-ahead constants take their loops' types.)
  static constexpr std::size_t kPrefetchAhead = 8;
  [[gnu::always_inline]] void prefetch_slow_path(CitizenId i, std::uint8_t flags) const {
    // Every marked citizen: its team (a meeting due, a move's tally).
    ask_for(i, pop_.actor, pop_.state);
    if (flags & kStays) return;
    // Who draws: what a move reads and writes (the entry rules: the birth day where an actor
    // assigns by it, the state left).
    if (pop_.casework) ask_for(i, pop_.activity_from, pop_.activity_to, pop_.activity_announced);
    ask_for(i, pop_.state_since, pop_.match);
    if (reads_birth_day_) ask_for(i, pop_.birth_day);
    __builtin_prefetch(&pop_.prev_state[i], 1);
    if (!cache_.keys_read_attributes()) return;
    // What a row key is worked out from: for a stale key, and for the new key of a move (a draw
    // on the row's thresholds that does not stay is a move).
    ask_for(i, pop_.sex, pop_.origin, pop_.birth_week, pop_.sick_category, pop_.area, pop_.employability);
  }

  /// Asks for citizen i's entry in each of `arrays`.
  template <class... Arrays>
  [[gnu::always_inline]] static void ask_for(CitizenId i, const Arrays&... arrays) {
    (__builtin_prefetch(arrays.data() + i), ...);
  }

  /// A meeting reads and writes about ten of its citizen's fields, each in its own array, and
  /// the meetings held lie far apart.
  static constexpr std::size_t kMeetingPrefetchAhead = 8;
  [[gnu::always_inline]] void prefetch_meeting(CitizenId i) const {
    ask_for(i, pop_.actor, pop_.state, pop_.state_since, pop_.meetings, pop_.last_met, pop_.match, pop_.activity,
            pop_.activity_to, pop_.activity_from, pop_.next_meeting);
  }

  /// Meetings are held in runs of this many, whose random words are drawn together.
  static constexpr std::size_t kMeetingRun = 64;

  /// Holds meetings [first, last) of the `held` selected this week (meetings_), each changing
  /// only its own citizen: their words drawn together, then each in turn, its fields asked for
  /// ahead; where they may be (meeting_moves_where_held_), the moves each causes made at once,
  /// into `moves`.
  void hold_meeting_run(Week w, std::size_t first, std::size_t last, std::size_t held, MoveTally& moves) {
    std::array<CitizenId, kMeetingRun> citizens;
    std::array<MeetingWords, kMeetingRun> words;
    const std::size_t n = last - first;
    for (std::size_t k = 0; k < n; ++k) citizens[k] = meetings_[first + k].citizen;
    draw_meeting_words(w, citizens.data(), n, words.data());
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t m = first + k;
      if (m + kMeetingPrefetchAhead < held) prefetch_meeting(meetings_[m + kMeetingPrefetchAhead].citizen);
      const CitizenId i = citizens[k];
      MeetingOutcome outcome;
      recounting(i, w + 1, moves.count_changes, [&] { outcome = hold_meeting(params_, pop_, i, w, words[k]); });
      if (meeting_moves_where_held_)
        make_meeting_moves(w, i, outcome, moves);
      else
        outcomes_[m] = outcome;
    }
  }

  /// Makes the moves a meeting of citizen i in week w causes, into `moves`.
  void make_meeting_moves(Week w, CitizenId i, const MeetingOutcome& outcome, MoveTally& moves) {
    if (outcome.reassessed) cache_.invalidate(i);
    if (outcome.leaves_benefit) move(w, i, State::self_support, moves);
    if (outcome.referred) record_referral(w, i, moves);
    if (places_.limited() && outcome.started != Activity::none)
      recounting(i, w + 1, moves.count_changes, [&] { places_.take_place(pop_, i); });
  }

  /// The words of the meetings of `citizens` in week w: the reassessment and referral draws
  /// only where some actor's rules read them (meeting_draws_read).
  void draw_meeting_words(Week w, const CitizenId* citizens, std::size_t n, MeetingWords* out) const {
    std::array<std::uint32_t, 4 * kMeetingRun> drawn;  // four words a citizen
    // Draws `process` for every citizen and gives each its four words to `take`.
    const auto draw = [&](Process process, auto take) {
      rng_.words_listed(citizens, n, w, process, drawn.data());
      for (std::size_t k = 0; k < n; ++k) take(out[k], &drawn[4 * k]);
    };
    draw(Process::meeting, [](MeetingWords& m, const std::uint32_t* u) { std::copy_n(u, 4, m.meeting.begin()); });
    draw(Process::activation, [](MeetingWords& m, const std::uint32_t* u) { m.activation = u[0]; });
    if (meeting_draws_.reassessment)
      draw(Process::reassessment, [](MeetingWords& m, const std::uint32_t* u) { m.reassessment = u[0]; });
    if (meeting_draws_.referral)
      draw(Process::referral, [](MeetingWords& m, const std::uint32_t* u) { m.referral = u[0]; });
  }

  void move_citizens(Week w) {
    const CitizenId present = pop_.present_until(params_.calendar, w);
    const std::size_t blocks = (present + kBlockSize - 1) / kBlockSize;
    WeekMultipliers week_mult{};
    for (int s = 0; s < kStates; ++s) hazards_.week_multipliers(static_cast<State>(s), params_, w, week_mult[s].data());
    // Rows whose hazards the week leaves as they were serve it as filled the week before.
    if (last_week_mult_week_ == w - 1 && !params_.run.fill_rows_every_week)
      cache_.carry_rows(w, week_mult, last_week_mult_);
    last_week_mult_ = week_mult;
    last_week_mult_week_ = w;
    record_occupancy(w);

    cut_shares(present, blocks);
    int team_size = 1;
    ParallelFailure moving;
#pragma omp parallel num_threads(threads_) if (threads_ > 1 && blocks > 1)
    {
      const int thread = thread_number(), team = omp_get_num_threads();
      if (thread == 0) team_size = team;
      // Each thread counts into its own tally, taking the blocks of its share in id order: its
      // lists are then in id order.
      MoveTally& tally = move_tallies_[static_cast<std::size_t>(thread)];
      moving.guard([&] { tally.reset(actors_); });
      const CitizenId end = share_start(thread + 1, team, present);
      // In 64 bits: near the largest population, the start after the last block passes 2^32.
      for (std::uint64_t lo = share_start(thread, team, present); lo < end; lo += kBlockSize)
        moving.guard([&] {
          const auto hi = static_cast<CitizenId>(std::min<std::uint64_t>(end, lo + kBlockSize));
          move_block(w, static_cast<CitizenId>(lo), hi, tally, cache_.scratch(thread), week_mult);
        });
      moving.guard([&] { apply_count_changes(tally.count_changes, thread); });
    }
    moving.rethrow();

    MoveTally& week = move_tallies_.front();
    for (int t = 1; t < team_size; ++t) week.add(move_tallies_[static_cast<std::size_t>(t)], spare_ids_, spare_due_);
    entrants_.insert(entrants_.end(), week.entered.begin(), week.entered.end());
    record_moves(w, week);
    book_case_costs(w);
  }

  /// Cuts the week's shares of the moves to equal work by the threads' counts of the week
  /// before (work_share_starts), and readies the counts for this week. One thread cuts nothing.
  void cut_shares(CitizenId present, std::size_t blocks) {
    if (threads_ <= 1 || blocks <= 1) {
      share_starts_.clear();
      return;
    }
    std::vector<CitizenId> starts =
        work_share_starts(present, threads_, take_marked_by_segment(present), counted_last_week_);
    keep_near_cuts(starts, share_starts_, kBlockSize);
    share_starts_ = std::move(starts);
    counted_last_week_ = present;
  }

  /// The citizens each segment sent to the second pass last week, summed over the threads, whose
  /// counts then start again from zero, sized for the `present` citizens of this week.
  const std::vector<std::uint32_t>& take_marked_by_segment(CitizenId present) {
    const std::size_t segments = (static_cast<std::size_t>(present) >> kShareSegmentBits) + 1;
    marked_last_week_.assign(segments, 0);
    for (MoveTally& tally : move_tallies_) {
      std::vector<std::uint32_t>& counts = tally.marked_by_segment;
      for (std::size_t s = 0; s < std::min(counts.size(), segments); ++s) marked_last_week_[s] += counts[s];
      counts.assign(segments, 0);
    }
    return marked_last_week_;
  }

  /// The first citizen of thread t's share of the week's moves, in a team of `team`: as cut
  /// (cut_shares) where the team is the one cut for, else equal shares.
  CitizenId share_start(int t, int team, CitizenId present) const {
    if (t == team) return present;
    if (static_cast<std::size_t>(team) + 1 == share_starts_.size()) return share_starts_[static_cast<std::size_t>(t)];
    return thread_share_start(present, t, team);
  }

  /// Records the occupancy at the start of week w: everyone present, by actor and state.
  void record_occupancy(Week w) {
    if (w < 0) return;
    std::copy(occupancy_now_.begin(), occupancy_now_.end(),
              result_.occupancy.begin() + static_cast<std::ptrdiff_t>(at(w, 0, 0, kStates)));
  }

  /// Takes the moves of one tally of week w into the occupancy and, from week 0 on, into the
  /// week's record: entries, exits, fees and bonuses.
  void record_moves(Week w, const MoveTally& t) {
    for (std::size_t k = 0; k < occupancy_now_.size(); ++k) occupancy_now_[k] += t.entries[k] - t.exits[k];
    programme_count_.apply(t.count_changes);
    if (w < 0) return;
    for (std::size_t a = 0; a < actors_; ++a) {
      for (int s = 0; s < kStates; ++s) {
        result_.entries[at(w, a, s, kStates)] += t.entries[a * kStates + s];
        result_.exits[at(w, a, s, kStates)] += t.exits[a * kStates + s];
      }
      // Fees and bonuses as counted times their amounts: the same whichever thread made the moves.
      const ActorSpec& actor = params_.actors[a];
      book(w, a, CostAccount::payments,
           t.to_self_support[a] * self_support_bonus(actor) + t.fees[a] * entry_fee(actor));
      result_.moved_to_self_support[at(w, a, 0, 1)] += t.to_self_support[a];
    }
  }

  /// Books the case costs of week w from the cases on benefit by activity: those in a running
  /// programme as counted, the rest from the occupancy at the start of the week.
  void book_case_costs(Week w) {
    if (w < 0) return;
    for (std::size_t a = 0; a < actors_; ++a) {
      std::int32_t on_benefit = 0;
      for (int s = 0; s < kStates; ++s)
        if (params_.on_benefit[s]) on_benefit += result_.occupancy[at(w, a, s, kStates)];
      std::int32_t* cases = programme_cases_.data() + a * kActivities;
      for (int k = 1; k < kActivities; ++k) on_benefit -= cases[k];
      cases[index_of(Activity::none)] = on_benefit;
      const ActorSpec& actor = params_.actors[a];
      double administration = 0.0, programmes = 0.0;
      for (int k = 0; k < kActivities; ++k) {
        result_.activity_occupancy[at(w, a, k, kActivities)] = cases[k];
        administration += cases[k] * administration_cost(actor, true);
        programmes += cases[k] * programme_cost(actor, params_.programmes, true, static_cast<Activity>(k));
      }
      book(w, a, CostAccount::administration, administration);
      book(w, a, CostAccount::programmes, programmes);
    }
  }

  /// Chooses every team's meetings of week w into meetings_ (teams_met_ says whose are whose),
  /// each team's in the order its queue holds them. A team's choice reads only its own queue
  /// and cases, which no other team's meetings touch (a case met this week is booked again after
  /// it), so the teams choose side by side, each into its own stretch of the list, and all
  /// before any meeting is held.
  void choose_meetings(Week w, const MoveTally& week_moves) {
    // A case's entry in a queue is live while its next meeting is still the week it fell due.
    const auto still_due = [this](const DueMeeting& d) { return pop_.next_meeting[d.citizen] == d.due; };
    const auto ask_ahead = [this](const DueMeeting& d) { __builtin_prefetch(&pop_.next_meeting[d.citizen]); };
    const int slot = params_.calendar.slot(w);
    teams_met_.clear();
    std::size_t chosen = 0, all_due = 0;
    for (std::size_t team = 0; team < actors_ * kStates; ++team) {
      MeetingQueue& queue = meeting_queues_[team];
      const std::vector<DueMeeting>& fresh = week_moves.due[team];
      queue.forget(static_cast<std::size_t>(week_moves.left_queue[team]));
      const std::size_t due = queue.overdue() + fresh.size();
      if (due == 0) continue;
      const std::size_t a = team / kStates;
      const double capacity = meeting_capacity(params_.actors[a], static_cast<State>(team % kStates), slot);
      const std::size_t can_hold = take_capacity(capacity, capacity_carry_[team]);
      const std::size_t held = queue.to_take(fresh.size(), can_hold);
      teams_met_.push_back({a, team, can_hold, chosen, held, due});
      chosen += held;
      all_due += due;
    }
    meetings_.resize(chosen);
    const auto teams = static_cast<std::ptrdiff_t>(teams_met_.size());
    ParallelFailure choosing;
    // Teams dealt to the threads in turn, mostly the same from week to week: handed out as
    // threads came free instead, Køge's peak memory at 1M citizens was 0.25 bytes a citizen more.
#pragma omp parallel for num_threads(threads_) \
    schedule(static, 1) if (threads_ > 1 && teams > 1 && all_due >= kParallelMeetings)
    for (std::ptrdiff_t k = 0; k < teams; ++k)
      choosing.guard([&] {
        const TeamMeetings& met = teams_met_[static_cast<std::size_t>(k)];
        meeting_queues_[met.team].take_into(week_moves.due[met.team], met.can_hold, still_due,
                                            meetings_.data() + met.first, ask_ahead);
      });
    choosing.rethrow();
  }

  /// Holds the meetings chosen for week w: each touches only its own citizen, so all of them
  /// run side by side, in one parallel loop, each thread's moves into its tally
  /// (meeting_tallies_), its moved citizens put in id order, or else their outcomes into
  /// outcomes_ for the moves to be made after.
  void hold_chosen_meetings(Week w) {
    const std::size_t held = meetings_.size();
    if (!meeting_moves_where_held_) outcomes_.resize(held);
    const auto runs = static_cast<std::ptrdiff_t>((held + kMeetingRun - 1) / kMeetingRun);
    for (MoveTally& tally : meeting_tallies_) tally.reset(actors_);
    ParallelFailure holding;
#pragma omp parallel num_threads(threads_) if (threads_ > 1 && held >= kParallelMeetings)
    {
      const int thread = thread_number();
      MoveTally& moves = meeting_tallies_[static_cast<std::size_t>(thread)];
#pragma omp for schedule(static) nowait
      for (std::ptrdiff_t r = 0; r < runs; ++r)
        holding.guard([&] {
          const std::size_t first = static_cast<std::size_t>(r) * kMeetingRun;
          hold_meeting_run(w, first, std::min(held, first + kMeetingRun), held, moves);
        });
      holding.guard([&] {
        apply_count_changes(moves.count_changes, thread);
        std::sort(moves.entered.begin(), moves.entered.end());
      });
    }
    holding.rethrow();
  }

  /// Records each actor's meetings held and overdue in week w and, where the meetings' moves
  /// were not made as they were held, makes them one by one, team by team in the order chosen,
  /// into the first thread's tally, whose moved citizens are then put in id order.
  void take_meeting_outcomes(Week w) {
    MoveTally& moves = meeting_tallies_.front();
    for (const TeamMeetings& team : teams_met_) {
      const std::size_t a = team.actor;
      if (!meeting_moves_where_held_)
        for (std::size_t k = team.first; k < team.first + team.held; ++k) {
          const CitizenId i = meetings_[k].citizen;
          if (!params_.run.traced.empty() && w >= 0) record_traced_meeting(w, i, a, outcomes_[k]);
          make_meeting_moves(w, i, outcomes_[k], moves);
        }
      if (w >= 0) {
        result_.meetings_held[at(w, a, 0, 1)] += static_cast<std::int32_t>(team.held);
        result_.meetings_overdue[at(w, a, 0, 1)] += static_cast<std::int32_t>(team.due - team.held);
      }
    }
    if (!meeting_moves_where_held_) std::sort(moves.entered.begin(), moves.entered.end());
  }

  /// Records how many wait on each list at the end of week w.
  void record_waiting(Week w) {
    if (w < 0) return;
    for (std::size_t a = 0; a < actors_; ++a)
      for (int k = 0; k < kActivities; ++k) result_.waiting_for_place[at(w, a, k, kActivities)] = places_.waiting(a, k);
  }

  /// Gives the free places of week w to the cases waiting longest: each starts its programme,
  /// which the programme count takes in (a case waiting for a place adds nothing to it).
  void serve_lists(Week w) {
    started_from_lists_.clear();
    places_.serve_lists(pop_, w, started_from_lists_);
    for (const CitizenId i : started_from_lists_) case_count_changes(params_, pop_, i, w + 1, +1, count_changes_);
    apply_count_changes(count_changes_);
  }

  /// Week w's meetings: chosen from every team's queue, held side by side, their moves made as
  /// they are held (meeting_moves_where_held_) or else one by one after, team by team in the
  /// order chosen.
  void hold_meetings(Week w) {
    // The week's moves, with the meetings falling due, as move_citizens added them up.
    const MoveTally& week_moves = move_tallies_.front();
    if (places_.limited()) {
      places_.open_week();
      places_.count_held(week_moves.places_held);
      serve_lists(w);
    }
    choose_meetings(w, week_moves);
    hold_chosen_meetings(w);
    take_meeting_outcomes(w);
    // The meetings' moves, each thread's citizens in id order, added up in the first's tally.
    MoveTally& meeting_moves = meeting_tallies_.front();
    for (std::size_t t = 1; t < meeting_tallies_.size(); ++t)
      meeting_moves.add(meeting_tallies_[t], spare_ids_, spare_due_);
    // The second pass moved its citizens in id order, and the meetings' moves are merged in,
    // so the list stays in id order (the inflow then adds higher ids).
    const auto second_pass_moves = static_cast<std::ptrdiff_t>(entrants_.size());
    entrants_.insert(entrants_.end(), meeting_moves.entered.begin(), meeting_moves.entered.end());
    std::inplace_merge(entrants_.begin(), entrants_.begin() + second_pass_moves, entrants_.end());
    if (places_.limited()) {
      // The places the meetings freed (a sanction that ends a spell, a case handed on) or took
      // with a case handed on.
      places_.count_held(meeting_moves.places_held);
      serve_lists(w);
      places_.prune_lists(pop_);
      record_waiting(w);
    }
    record_moves(w, meeting_moves);
  }

  const Params& params_;
  const HazardModel& hazards_;
  RandomStreams rng_;
  int threads_;
  WeekDone week_done_;
  std::size_t actors_;
  Population pop_;
  TransitionCache cache_;
  ProgrammePlaces places_;
  ProgrammeCount programme_count_;
  std::vector<CountChange> count_changes_;     // to the programme count, made one by one
  std::vector<MoveTally> meeting_tallies_;     // [thread] the moves of the meetings it held; [0] takes in the rest's
  bool meeting_moves_where_held_ = false;      // the meetings' moves are made as they are held, on any thread
  std::vector<CitizenId> started_from_lists_;  // the week's cases given a place from a list
  std::vector<MoveTally> move_tallies_;        // [thread] the moves of its blocks of the week; [0] takes in the rest's
  std::vector<CitizenId> spare_ids_;           // serve the tallies' merges
  std::vector<DueMeeting> spare_due_;
  std::vector<std::int32_t> occupancy_now_;      // [actor][state] everyone present, kept up to date by each move
  std::vector<std::int32_t> programme_cases_;    // [actor][activity] cases on benefit by activity in the week
  std::vector<MeetingOutcome> outcomes_;         // of the meetings held in one week, for their moves made after
  std::vector<MeetingQueue> meeting_queues_;     // [actor][state] meetings overdue, from earlier weeks
  std::vector<CitizenId> share_starts_;          // this week's shares of the moves (cut_shares), or none
  std::vector<std::uint32_t> marked_last_week_;  // [segment] summed over the threads
  CitizenId counted_last_week_ = 0;              // the citizens present when the marks were counted
  std::vector<DueMeeting> meetings_;             // the week's meetings held, team by team, each in the order held
  /// A team's meetings of the week: meetings_[first, first + held), of `due` falling due and at
  /// most `can_hold` its caseworkers can hold.
  struct TeamMeetings {
    std::size_t actor, team, can_hold, first, held, due;
  };
  std::vector<TeamMeetings> teams_met_;
  std::vector<double> capacity_carry_;
  struct DueMilestone {
    CitizenId citizen;
    Week since;          // the spell's first week: paid only if the spell still runs
    std::uint8_t actor;  // whose milestone it is
    double amount;
  };
  bool has_milestones_ = false;
  std::vector<std::vector<DueMilestone>> milestones_due_;  // [calendar slot of the week due]
  Week meeting_reach_ = 0;                                 // weeks after a meeting its effect may last, over all actors
  WeekMultipliers last_week_mult_{};                       // the week multipliers of the last week moved
  Week last_week_mult_week_ = std::numeric_limits<Week>::min();  // that week
  MeetingDraws meeting_draws_;                                   // the meetings' optional words some rule reads
  bool reads_birth_day_ = false;  // some actor assigns by birth day (the second pass asks for it ahead only then)
  std::vector<CohortTracker> trackers_;
  struct TrackedCohort {
    std::size_t tracker, index_in_family;  // the tracker that follows it, and its place in that tracker's family
  };
  std::vector<TrackedCohort> tracker_of_;  // [cohort of the scenario]
  std::vector<CitizenId> entrants_;        // whose spell begins in the coming week (moves and inflow)
  struct MemberChunk {
    std::size_t tracker, first, last;
  };
  static constexpr std::size_t kMemberChunk = 16384;
  std::vector<MemberChunk> member_chunks_;
  std::vector<double> chunk_milestones_;      // [chunk][group][actor] milestones paid in the week
  std::vector<CaseCode> case_codes_;          // per citizen present, the week's case code
  std::vector<std::uint16_t> programme_bin_;  // [case code] its bin in the programme count
  std::vector<std::uint32_t> block_counts_;   // [block][way][bin] the programme count's
  SpellRecorder register_;
  ReplicationResult result_;
};

}  // namespace

ReplicationResult run_replication(const Params& params, const HazardModel& hazards, std::uint32_t replication,
                                  int threads, const WeekDone& week_done) {
  // The drawn multipliers (1 where an actor has no site effect) are also what the output records.
  std::vector<double> multipliers = site_effects(params, replication);
  std::vector<double> area_multipliers = area_effects(params, replication);
  ReplicationResult r;
  if (params.attributes.area_job_finding_sd > 0.0) {
    // The areas' levels are part of the hazards: this replication's own model.
    const Params drawn = with_area_effects(with_site_effects(params, multipliers), area_multipliers);
    const HazardModel drawn_hazards(drawn);
    r = Replication(drawn, drawn_hazards, replication, threads, week_done).run();
  } else {
    r = has_site_effects(params)
            ? Replication(with_site_effects(params, multipliers), hazards, replication, threads, week_done).run()
            : Replication(params, hazards, replication, threads, week_done).run();
  }
  r.job_finding_multiplier = std::move(multipliers);
  r.area_job_finding_multiplier = std::move(area_multipliers);
  return r;
}

}  // namespace almpsim
