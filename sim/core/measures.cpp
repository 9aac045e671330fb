#include "almpsim/measures.hpp"

#include "almpsim/types.hpp"

namespace almpsim {

namespace {
using A = MeasureAxis;
using E = TargetError;
}  // namespace

const std::vector<CohortMeasure>& cohort_measures() {
  static const std::vector<CohortMeasure> table = {
      {.name = "members",
       .field = &CohortOutcome::members,
       .meaning = "cohort size",
       .target_error = E::count,
       .label = "members",
       .decimals = 0,
       .in_run_summary = true},
      {.name = "status",
       .field = &CohortOutcome::status,
       .axes = {A::state},
       .meaning = "share in each state at `measure_at`"},
      {.name = "activity",
       .field = &CohortOutcome::activity,
       .axes = {A::activity},
       .meaning = "share in each current activity at `measure_at` (`none` includes those off benefit)"},
      {.name = "state_activity",
       .field = &CohortOutcome::state_activity,
       .axes = {A::state, A::activity},
       .meaning = "joint share by state and current activity at `measure_at` (e.g. cash benefit and passive, cash "
                  "benefit and in a company internship)"},
      {.name = "self_support_share",
       .field = &CohortOutcome::self_support_share,
       .meaning = "share self-supporting at `measure_at`",
       .label = "self-support %",
       .scale = 100.0,
       .decimals = 1,
       .in_run_summary = true,
       .in_sweep_report = true},
      {.name = "support_rate",
       .field = &CohortOutcome::support_rate,
       .meaning = "mean over members of weeks on benefit / weeks from joining to `measure_at` (forsørgelsesgrad)",
       .target_error = E::average,
       .label = "support rate %",
       .scale = 100.0,
       .decimals = 1,
       .in_run_summary = true,
       .in_sweep_report = true},
      {.name = "support_rate_sd",
       .field = &CohortOutcome::support_rate_sd,
       .meaning = "its standard deviation over members",
       .target_error = E::average,
       .scale = 100.0,
       .decimals = 1},
      {.name = "activation_rate",
       .field = &CohortOutcome::activation_rate,
       .meaning = "weeks in an activity / weeks in the cohort's states (aktiveringsgrad)",
       .target_error = E::average,
       .label = "activation rate %",
       .scale = 100.0,
       .decimals = 1,
       .in_run_summary = true,
       .in_sweep_report = true},
      {.name = "activity_weeks_share",
       .field = &CohortOutcome::activity_weeks_share,
       .axes = {A::activity},
       .meaning = "share of those activity weeks in each programme (`none` is NaN)"},
      {.name = "meeting_rate",
       .field = &CohortOutcome::meeting_rate,
       .meaning = "meetings attended per month (4 weeks) in the cohort's states (samtalehyppighed)",
       .target_error = E::average,
       .label = "meetings / month",
       .in_run_summary = true},
      {.name = "self_support_weeks",
       .field = &CohortOutcome::self_support_weeks,
       .meaning = "mean weeks self-supporting between joining and `measure_at`",
       .target_error = E::published},
      {.name = "cost_per_citizen",
       .field = &CohortOutcome::cost_per_citizen,
       .meaning = "costs incurred by members in the window, per member: administration, programmes, and the fees, "
                  "bonuses and milestones paid for them (not a savings share or a staff bonus, paid for a whole "
                  "caseload or staff)",
       .label = "cost per citizen",
       .decimals = 0,
       .in_run_summary = true,
       .in_sweep_report = true,
       .in_currency = true},
      {.name = "transfers_per_citizen",
       .field = &CohortOutcome::transfers_per_citizen,
       .meaning = "transfers members received in the window (each week in a state at its `transfers` amount), "
                  "per member",
       .label = "transfers per citizen",
       .decimals = 0,
       .in_run_summary = true,
       .in_currency = true,
       .needs_transfers = true},
      {.name = "survival",
       .field = &CohortOutcome::survival,
       .axes = {A::weeks_since_entry},
       .meaning = "Kaplan-Meier share still continuously on benefit k weeks after joining (censored at "
                  "`measure_at`; NaN where nobody is observed)"},
  };
  return table;
}

const CohortMeasure* find_cohort_measure(std::string_view name) {
  for (const CohortMeasure& m : cohort_measures())
    if (m.name == name) return &m;
  return nullptr;
}

std::vector<std::size_t> measure_extents(const CohortMeasure& m, std::size_t actors, int survival_weeks) {
  std::vector<std::size_t> extents{actors};
  for (MeasureAxis axis : m.axes) switch (axis) {
      case A::state:
        extents.push_back(kStates);
        break;
      case A::activity:
        extents.push_back(kActivities);
        break;
      case A::weeks_since_entry:
        extents.push_back(static_cast<std::size_t>(survival_weeks) + 1);
        break;
    }
  return extents;
}

namespace {
std::string_view axis_name(MeasureAxis axis) {
  switch (axis) {
    case A::state:
      return "state";
    case A::activity:
      return "activity";
    case A::weeks_since_entry:
      return "weeks_since_entry";
  }
  return "";
}

std::string joined_axes(const CohortMeasure& m, const std::string& separator) {
  std::string out = "actor";
  for (MeasureAxis axis : m.axes) out += separator + std::string(axis_name(axis));
  return out;
}
}  // namespace

std::string measure_axes(const CohortMeasure& m) {
  return joined_axes(m, ",");
}

std::string cohort_measures_markdown() {
  std::string out = "| dataset | shape | meaning |\n|---|---|---|\n";
  for (const CohortMeasure& m : cohort_measures()) {
    out += "| `" + std::string(m.name) + "` | replication, " + joined_axes(m, ", ") + " | " + std::string(m.meaning) +
           " |\n";
  }
  return out;
}

}  // namespace almpsim
