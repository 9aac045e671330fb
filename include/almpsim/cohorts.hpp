#pragma once
/// Cohort accounting: who belongs to a stock or inflow cohort, and what happens to them up
/// to the measurement date. Observes the population at the start of each week; never
/// changes it.
#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "almpsim/case_codes.hpp"
#include "almpsim/params.hpp"
#include "almpsim/population.hpp"
#include "almpsim/results.hpp"

namespace almpsim {

/// What Kaplan-Meier survival needs of a group followed up to `horizon` weeks: how many were
/// followed d weeks (until the event or censoring; beyond the horizon counted at horizon + 1),
/// and how many of those d weeks ended in the event. A count per week, not a record per person.
struct SurvivalCounts {
  explicit SurvivalCounts(int horizon);
  /// `count` people followed `duration` weeks (negative: not followed at all), ending in the
  /// event or not.
  void add(int duration, bool event, std::uint64_t count = 1);
  int horizon;
  std::int64_t people = 0;
  std::vector<std::int64_t> followed;  ///< [weeks followed, 0..horizon + 1]
  std::vector<std::int64_t> ended;     ///< [weeks to the event, 0..horizon]
};

/// Kaplan-Meier survival S(0..horizon) from the counts; NaN where nobody is at risk any more
/// (all NaN for nobody).
std::vector<double> kaplan_meier(const SurvivalCounts& counts);
/// The same from durations (weeks until the event, or until censoring) and event flags.
std::vector<double> kaplan_meier(const std::vector<int>& durations, const std::vector<bool>& events, int horizon);

/// Whether cohorts a and b take their members alike but for their match groups (the same kind,
/// states, dates and stock rule): one tracker then follows both.
bool same_members_but_groups(const CohortSpec& a, const CohortSpec& b);

/// A list that grows in chunks of N entries, so that growing it never copies what it holds (a
/// cohort's members can be most of a large population), while each chunk is an array a loop
/// can run along with plain pointers.
template <class T, std::size_t N>
class ChunkedList {
 public:
  void push_back(const T& value) {
    if (size_ % N == 0) chunks_.push_back(std::make_unique<std::array<T, N>>());
    (*chunks_.back())[size_ % N] = value;
    ++size_;
  }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](std::size_t k) { return (*chunks_[k / N])[k % N]; }
  const T& operator[](std::size_t k) const { return (*chunks_[k / N])[k % N]; }
  /// Calls span(data, count, first) for each run of entries [first, first + count) of
  /// [from, to) that lies in one chunk, in order.
  template <class Span>
  void spans(std::size_t from, std::size_t to, Span span) {
    while (from < to) {
      const std::size_t count = std::min(to, (from / N + 1) * N) - from;
      span(chunks_[from / N]->data() + from % N, count, from);
      from += count;
    }
  }

 private:
  std::vector<std::unique_ptr<std::array<T, N>>> chunks_;
  std::size_t size_ = 0;
};

class CohortTracker {
 public:
  /// How a member's weeks before the measurement are counted: every week, or at the weeks its
  /// case code changes (each (group, actor) then keeps how many of its members hold each code,
  /// and a week adds that up). Both give the same counts; `on_change` needs a model without
  /// milestones (a week's milestone depends on the weeks of its spell) and at most 255 case
  /// codes (3 actors), and `automatic` takes it where it can.
  enum class Counting { automatic, every_week, on_change };

  /// Follows the cohorts of `family`, which take their members alike but for their match groups
  /// (same_members_but_groups): a member joins once, with the group it is assessed in then, and
  /// each cohort's outcome takes the members of its own groups. `threads`: how many threads may
  /// call update() side by side (each with its own index). Throws std::logic_error where
  /// Counting::on_change is asked for and cannot be had.
  CohortTracker(const Params& params, std::vector<const CohortSpec*> family, int threads = 1,
                Counting counting = Counting::automatic);
  /// Follows one cohort.
  CohortTracker(const Params& params, const CohortSpec& spec, int threads = 1, Counting counting = Counting::automatic)
      : CohortTracker(params, std::vector<const CohortSpec*>{&spec}, threads, counting) {}

  /// Called at the start of week w, before anything happens in that week. `entrants`, when
  /// given, lists in id order everyone whose spell began in week w (state_since == w): after
  /// the first week of its window, a cohort then looks only at them for new members.
  void observe(Week w, const Population& pop, CitizenId present, const std::vector<CitizenId>* entrants = nullptr);

  /// observe() in three steps, for running members in parallel. admit() takes in the week's new
  /// members (in id order; one thread per tracker). Throws std::logic_error where the week
  /// before was brought up to date but not ended (end_week).
  void admit(Week w, const Population& pop, CitizenId present, const std::vector<CitizenId>* entrants);
  /// Brings members [first, last) up to week w from the population and its case codes of the
  /// week (write_case_codes, for everyone present: the `present` admit() was given). Calls side
  /// by side pass different `thread`s (below the constructor's count): each counts its
  /// member-weeks into its own table, in integers, which add up the same in any order.
  /// Milestones, where paid, are amounts: each call adds its members' to `milestones`
  /// (milestone_slots() of them, [group][actor]), which add_milestones() then takes in a fixed
  /// order; where no actor pays milestones (pays_milestones) they are never touched. In the week
  /// of measurement update() must reach each member once: it counts the members' state and their
  /// meetings then. Throws std::logic_error for a thread out of range.
  void update(Week w, const Population& pop, const CaseCode* codes, std::size_t first, std::size_t last, int thread,
              double* milestones);
  /// Once every member has been brought up to week w: adds up the week's counts kept by change
  /// (the threads' changes first, in thread order: whole numbers, the same in any).
  void end_week(Week w);
  /// Whether members' weeks are counted at their changes (Counting::on_change).
  bool counts_on_change() const { return on_change_; }
  /// Whether update() has members to bring up to week w.
  bool updates(Week w) const { return w <= spec_.measure_at && !members_.empty(); }
  /// Adds one update() call's milestones ([group][actor], milestone_slots() of them).
  void add_milestones(const double* amounts);
  /// How many amounts update() adds milestones to: [match group][actor].
  std::size_t milestone_slots() const { return groups_ * params_.actors.size(); }
  /// Members of all the family's cohorts.
  std::size_t members() const { return members_.size(); }
  /// The outcome of the family's cohort `index_in_family` (in the order the family was given;
  /// 0 for a tracker of one cohort). Throws std::out_of_range past the family, and
  /// std::logic_error before the measurement has been observed.
  CohortOutcome outcome(std::size_t index_in_family = 0) const;

 private:
  /// One member's record: what sets it apart from the other members of its match group and
  /// actor (its weeks on benefit, whether it has left benefit), and that group and actor. The
  /// week it joined is kept by runs of members (joined_in_), and the rest the cohort counts by
  /// group and actor (week_counts_, meetings_before_), among them the weeks to the first week
  /// off benefit and the meetings held before joining and by the measurement. Kept to 8 bytes
  /// (weeks fit in 16 bits, as everywhere in the population): a cohort can hold most of a
  /// million-citizen municipality, and every member's citizen is read every week. Counted on
  /// change, benefit_weeks holds minus the week a run on benefit still going began, until the
  /// run ends (count_change) or the measurement closes it.
#pragma pack(push, 2)
  struct Member {
    CitizenId id;
    std::int16_t benefit_weeks = 0;
    std::uint8_t actor;
    std::uint8_t was_on_benefit : 1 = 1;
    std::uint8_t left_benefit : 1 = 0;  // has had a week off benefit since joining
    std::uint8_t group : 6 = 0;         // match group as assessed on joining
  };
#pragma pack(pop)
  static_assert(sizeof(Member) == 8);
  /// Members join in order of week: those from `first` on (up to the next run's) joined in `week`.
  struct JoinedIn {
    Week week;
    std::size_t first;
  };
  static_assert(kMatchLevels <= 64, "a member's match group fits 6 bits");
  void join(Week w, const Population& pop, CitizenId i, bool new_case);
  /// Whether citizen i's match group is one some cohort of the family takes.
  bool in_groups(const Population& pop, CitizenId i) const;
  /// What a member's week adds, by its case code: looked up, not worked out, per member-week.
  struct CodedWeek {
    double cost = 0.0;  // case_week_cost of the serving actor, state and activity
    std::uint8_t actor = 0, state = 0;
    std::uint8_t activity = 0;  // the activity running, counted only on benefit
    bool on_benefit = false, in_states = false, self_support = false;
  };
  /// Adds member m's week, whose case code is `code` and coded week `c`, to the member and to
  /// `own`, its actor's row in a thread's table; `fee` is the row's count of entry fees (the
  /// bonus's follows). Returns whether it is the member's first week off benefit. A static
  /// function of its arguments: the loop that calls it keeps them in registers, where the
  /// tracker's own fields would be read again after every count's store.
  static bool accumulate(const CodedWeek& c, CaseCode code, Member& m, std::uint64_t* own, std::size_t fee);
  /// Counts member m's entry to benefit (a fee, into own[fee]) or move into self-support (a
  /// bonus, into own[fee + 1]) in the week `c` codes, and notes whether it is on benefit now:
  /// for a member counted every week (accumulate) and at its changes (count_change) alike.
  static void count_fee_and_bonus(const CodedWeek& c, Member& m, std::uint64_t* own, std::size_t fee);
  /// The members [first, last) at week w < measure_at, counted every week.
  void update_every_week(Week w, const Population& pop, const CaseCode* codes, std::size_t first, std::size_t last,
                         std::uint64_t* counts, double* milestones);
  /// The same, counted where a member's code changed since the week it was last counted.
  void update_on_change(Week w, const CaseCode* codes, std::size_t first, std::size_t last, int thread,
                        std::uint64_t* counts);
  /// Member m's code changes from `last` (kNotCounted: it has just joined) to `code` in week w.
  /// `own` is its actor's row in a thread's table (as for accumulate()), `held` its (group,
  /// actor)'s row of that thread's changes to held_: the holders of each code change by one;
  /// its entry to benefit (a fee), move into self-support (a bonus) and first week off benefit
  /// are counted as accumulate() counts them; and its weeks on benefit run as minus the week
  /// each run on benefit began plus the week it ended (the measurement closes a run still
  /// going). Returns whether it is the member's first week off benefit.
  bool count_change(Week w, std::uint8_t last, CaseCode code, Member& m, std::uint64_t* own, std::int64_t* held) const;
  /// Counts into a thread's `counts` the first week off benefit, in week w, of the member at
  /// `index` (of (group, actor) `group_actor`), by the weeks since it joined; `run` follows
  /// joined_in_ along the members, as joined_week() takes it.
  void count_first_week_off(std::uint64_t* counts, std::size_t group_actor, Week w, std::size_t index,
                            std::size_t& run) const;
  /// Codes fit the bytes of last_code_ with one left for a member not yet counted.
  static constexpr std::uint8_t kNotCounted = 0xFF;
  /// Whether member m's week (`c` its coded week) is its first off benefit, which it notes.
  /// Worked out without a branch: members on and off benefit alternate in the list.
  static bool note_first_week_off(const CodedWeek& c, Member& m);
  /// The week the member at `index` joined in, from the runs of joined_in_ starting at `run`,
  /// which it moves on to the run holding that member: members asked for in order cost a
  /// compare apiece.
  Week joined_week(std::size_t index, std::size_t& run) const;
  /// The run of joined_in_ holding the member at `index`.
  std::size_t run_of(std::size_t index) const;
  /// On change: throws std::logic_error unless every week before `w` in which members were
  /// brought up to date has been ended (end_week).
  void require_weeks_ended(Week w) const;
  /// The measurement week's update of members [first, last): their state, activity, meetings and
  /// first week off benefit, and, counted on change, the runs on benefit still going closed.
  void count_measurement(Week w, const Population& pop, const CaseCode* codes, std::size_t first, std::size_t last,
                         std::uint64_t* counts);
  /// The first week a member can join in: the stock's date, or the window's first week.
  Week first_joining_week() const;
  /// A thread's table: [way][group][actor][count] for the weeks before the measurement (count: a
  /// case code, then entries to benefit and moves into self-support, the fee and bonus paid),
  /// [group][actor][state][activity] at the measurement, after the ways, then
  /// [group][actor][weeks from joining] the members' first weeks off benefit, and last
  /// [group][actor] the meetings held by the measurement. Counted by the match
  /// group and actor a member joined with, whose cohort it stays in. As the case code holds the
  /// serving actor, a table grows with the square of the actors: 8 bytes x groups x actors x
  /// (4 x (77 x actors + 2) + 78 + the weeks followed), about 23 KB for 2 actors, 2 groups and
  /// a year followed, 0.76 MB for 10 and 3.
  std::size_t week_count_width() const {
    return codes_ + 2;
  }
  std::size_t group_size() const {
    return params_.actors.size() * week_count_width();
  }
  std::size_t way_size() const {
    return groups_ * group_size();
  }
  std::size_t measure_offset() const {
    return kCountWays * way_size();
  }
  std::size_t measure_group_size() const {
    return params_.actors.size() * kStates * kActivities;
  }
  std::size_t first_off_offset() const {
    return measure_offset() + groups_ * measure_group_size();
  }
  std::size_t meetings_offset() const {
    return first_off_offset() + groups_ * params_.actors.size() * follow_weeks();
  }
  /// The most weeks a member can be followed, and one: a member joins in the window or at the
  /// stock's date, and is followed to the measurement.
  std::size_t follow_weeks() const;
  /// The members' first weeks off benefit of the threads' tables added up over the groups of
  /// `groups`: [actor][weeks from joining].
  std::vector<std::uint64_t> first_weeks_off(const std::vector<bool>& groups) const;
  /// The meetings held since joining, by the measurement, of the members of `groups`: [actor].
  std::vector<std::uint64_t> meetings_since_joining(const std::vector<bool>& groups) const;
  /// Adds the section of every thread's table at `offset` ([group][per_group]) to `total`
  /// ([per_group]), over the groups of `groups`.
  void add_section(std::size_t offset, std::size_t per_group, const std::vector<bool>& groups,
                   std::uint64_t* total) const;
  /// The threads' tables added up over the ways and the groups of `groups`: [actor][count], then
  /// [actor][state][activity] at the measurement.
  std::vector<std::uint64_t> total_counts(const std::vector<bool>& groups) const;
  /// [group] whether the family's cohort k takes members of that group.
  std::vector<bool> groups_of(std::size_t k) const;

  const Params& params_;
  std::vector<const CohortSpec*> family_;  // the cohorts followed
  const CohortSpec& spec_;                 // the first: what they all share
  std::size_t groups_;                     // match groups of the model (at least 1)
  std::vector<bool> takes_group_;          // [group] some cohort of the family takes it
  std::size_t codes_;                      // case codes of the model
  static constexpr std::size_t kChunkMembers = 4096;
  ChunkedList<Member, kChunkMembers> members_;
  bool on_change_ = false;  // members' weeks counted at their changes (Counting::on_change)
  Week ended_through_ = std::numeric_limits<Week>::lowest();  // on change: the last week end_week() added up
  CitizenId present_ = 0;  // the citizens admit() was last given: update() reads their codes
  ChunkedList<std::uint8_t, kChunkMembers> last_code_;   // [member] on change: the code it was last counted in
  std::vector<std::int64_t> held_;                       // on change: [group][actor][code] members holding the code
  std::vector<std::vector<std::int64_t>> held_changes_;  // [thread] changes to held_ from the week's update() calls
  std::vector<JoinedIn> joined_in_;                      // the week each run of members joined in
  std::vector<bool> joined_;      // per citizen, inflow and period cohorts count each person once
  bool window_seen_ = false;      // a week of the window has been observed (with a full scan)
  std::vector<CodedWeek> coded_;  // by case code
  std::vector<std::vector<std::uint64_t>> week_counts_;  // [thread] its table (above)
  std::vector<double> milestones_;                       // [group][actor] paid to members' spells
  std::vector<std::uint64_t> meetings_before_;           // [group][actor] held before members joined
  bool has_milestones_ = false;                          // some actor pays milestones (else none is looked up)
  bool has_transfers_ = false;                           // some state has a transfer (else none is added up)
};

}  // namespace almpsim
