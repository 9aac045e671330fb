#pragma once
/// Cohort accounting: who belongs to a stock or inflow cohort, and what happens to them up
/// to the measurement date. Observes the population at the start of each week; never
/// changes it.
#include <cstdint>
#include <deque>
#include <vector>

#include "almpsim/case_codes.hpp"
#include "almpsim/params.hpp"
#include "almpsim/population.hpp"
#include "almpsim/results.hpp"

namespace almpsim {

/// Kaplan-Meier survival S(0..horizon) from durations (weeks until the event, or until
/// censoring) and event flags; NaN where nobody is at risk any more.
std::vector<double> kaplan_meier(const std::vector<int>& durations, const std::vector<bool>& events, int horizon);

class CohortTracker {
 public:
  CohortTracker(const Params& params, const CohortSpec& spec);

  /// Called at the start of week w, before anything happens in that week. `entrants`, when
  /// given, lists in id order everyone whose spell began in week w (state_since == w): after
  /// the first week of its window, a cohort then looks only at them for new members.
  void observe(Week w, const Population& pop, CitizenId present, const std::vector<CitizenId>* entrants = nullptr);

  /// observe() in two steps, for running members in parallel: admit() takes in the week's new
  /// members (in id order; one thread per tracker); update() then brings members
  /// [first, last) up to week w from the population and its case codes of the week
  /// (write_case_codes, for everyone present), adding their activity weeks to `activity_weeks`
  /// ([actor][activity]; counted in integers, which add up the same in any order and cost
  /// less per member than a double's add). In the week of measurement update() must reach
  /// each member once: it turns the meetings count into those held since entry.
  void admit(Week w, const Population& pop, CitizenId present, const std::vector<CitizenId>* entrants);
  void update(Week w, const Population& pop, const CaseCode* codes, std::size_t first, std::size_t last,
              std::uint32_t* activity_weeks);
  /// Whether update() has members to bring up to week w.
  bool updates(Week w) const { return w <= spec_.measure_at && !members_.empty(); }
  void add_activity_weeks(const std::uint32_t* counts);  ///< [actor][activity], from update()
  std::size_t members() const { return members_.size(); }
  CohortOutcome outcome() const;

 private:
  /// One member's record, kept to 28 bytes (weeks fit in 16 bits, as everywhere in the
  /// population; packed to four-byte alignment, the cost's double among them): a cohort can hold
  /// most of a million-citizen municipality, and every member is read and written every week.
  /// The transfers, which most models do not book, are kept apart (transfers_).
#pragma pack(push, 4)
  struct Member {
    double cost = 0.0;
    CitizenId id;
    std::int16_t entry;
    std::int16_t first_off_benefit;  // kStillOnBenefit until the first week off benefit
    std::int16_t benefit_weeks = 0, self_support_weeks = 0;
    std::int16_t case_weeks = 0, activity_weeks = 0;  // in the cohort's own states, and in an activity there
    std::uint16_t meetings;                           // held before entry until measured, then held since entry
    std::uint8_t actor;
    std::uint8_t state_at_measure : 4 = 0;
    std::uint8_t activity_at_measure : 3 = 0;
    std::uint8_t was_on_benefit : 1 = 1;
  };
#pragma pack(pop)
  static_assert(kStates <= 16 && kActivities <= 8, "a member's state and activity at measure fit 4 and 3 bits");
  static_assert(sizeof(Member) == 28);
  void join(Week w, const Population& pop, CitizenId i, bool new_case);
  /// Whether citizen i's match group is one the cohort takes.
  bool in_groups(const Population& pop, CitizenId i) const;
  /// What a member's week adds, by its case code: looked up, not worked out, per member-week.
  struct CodedWeek {
    double cost = 0.0;  // case_week_cost of the serving actor, state and activity
    std::uint8_t actor = 0, state = 0;
    std::uint8_t activity = 0;  // the activity running, counted only on benefit
    bool on_benefit = false, in_states = false, self_support = false;
  };
  /// Adds member m's week w, whose case code is `code`; counts it into `activity_weeks`
  /// ([actor][activity]).
  void accumulate(Week w, const Population& pop, CaseCode code, Member& m, std::uint32_t* activity_weeks) const;

  const Params& params_;
  const CohortSpec& spec_;
  std::deque<Member> members_;          // grows in chunks: no copy of the whole list when it fills up
  std::vector<bool> joined_;            // per citizen, inflow and period cohorts count each person once
  bool window_seen_ = false;            // a week of the window has been observed (with a full scan)
  std::vector<double> activity_weeks_;  // [actor][activity], weeks in the cohort's states
  std::vector<CodedWeek> coded_;        // by case code
  bool has_milestones_ = false;         // some actor pays milestones (else none is looked up)
  bool has_transfers_ = false;          // some state has a transfer (else none is added up)
  // [member] transfers received, where has_transfers_. A float where a double would not fit:
  // whole amounts add up exactly to 2^24, and beyond that each week adds a rounding of at most
  // 6e-8 of the total.
  std::deque<float> transfers_;
};

}  // namespace almpsim
