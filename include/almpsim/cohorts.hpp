#pragma once
/// Cohort accounting: who belongs to a stock or inflow cohort, and what happens to them up
/// to the measurement date. Observes the population at the start of each week; never
/// changes it.
#include <vector>

#include "almpsim/params.hpp"
#include "almpsim/population.hpp"
#include "almpsim/results.hpp"

namespace almpsim {

/// Costs that accrue to a citizen in a week, by the serving actor's cost model.
double weekly_case_cost(const ActorSpec& actor, const PerActivity<ProgrammeSpec>& programmes, bool on_benefit,
                        Activity current);

/// Kaplan-Meier survival S(0..horizon) from durations (weeks until the event, or until
/// censoring) and event flags; NaN where nobody is at risk any more.
std::vector<double> kaplan_meier(const std::vector<int>& durations, const std::vector<bool>& events, int horizon);

class CohortTracker {
 public:
  CohortTracker(const Params& params, const CohortSpec& spec);

  /// Called at the start of week w, before anything happens in that week.
  void observe(Week w, const Population& pop, CitizenId present);
  CohortOutcome outcome() const;

 private:
  struct Member {
    CitizenId id;
    std::uint8_t actor;
    Week entry;
    std::uint16_t meetings_at_entry;
    int benefit_weeks = 0, self_support_weeks = 0;
    int case_weeks = 0, activity_weeks = 0;  // in the cohort's own states, and in an activity there
    double cost = 0.0;
    Week first_off_benefit = -1 << 30;  // no exit yet
    bool was_on_benefit = true;
    bool measured = false;
    std::uint8_t state_at_measure = 0, activity_at_measure = 0;
    int meetings = 0;
  };
  void join(Week w, const Population& pop, CitizenId i, bool new_case);
  void accumulate(Week w, const Population& pop, Member& m);

  const Params& params_;
  const CohortSpec& spec_;
  std::vector<Member> members_;
  std::vector<bool> joined_;            // per citizen, inflow and period cohorts count each person once
  std::vector<double> activity_weeks_;  // [actor][activity], weeks in the cohort's states
  std::vector<double> case_cost_;       // [serving actor][state][activity], weekly_case_cost
};

}  // namespace almpsim
