// Every scenario key that validates changes a result. One scenario uses every mechanism; each
// key is then set to another value, alone, and the run's results (every series and every
// cohort outcome, under the same seed) must differ from the base run's. The schema's rows are
// all accounted for: a row with no sweep entry must say where else its effect is checked.
#include <set>

#include "almpsim/engine.hpp"
#include "almpsim/schema.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;
using test::same_bits;

namespace {
// Nine states, two match groups, two actors that differ in every rule, two areas, a shock, a
// crisis path, a benefit period and three cohorts: each key below has something to act on.
const char* kEveryMechanism = R"(
start = 2020-01-06
weeks = 40
burn_in_weeks = 2
replications = 2
seed = 11

transfers = { cash_benefit = 2500, sickness_benefit = 3500, flexjob = 1500 }

[population]
size = 3000
state_shares = { cash_benefit = 0.4, sickness_benefit = 0.2, waiting_flexjob = 0.2, ui_benefit = 0.2 }
initial_duration_weeks = { cash_benefit = 10, sickness_benefit = 4 }
odd_birth_day_share = { cash_benefit = 0.5 }
employability_tilt = { cash_benefit = 0.5 }
[population.attributes.cash_benefit]
match = { "1" = 0.5, "4" = 0.5 }

[attributes]
age_bands = [18, 30, 67]
areas = ["north", "south"]
match_groups = { job_ready = [1, 2, 3], not_job_ready = ["none", 4, 5] }
sex = { female = 0.5, male = 0.5 }
origin = { danish = 0.8, immigrant = 0.2 }
match = { "2" = 0.5, "5" = 0.5 }
sick_category = { none = 0.5, "1" = 0.5 }
[attributes.ui_benefit]
sex = { female = 0.3, male = 0.7 }

[employability]
sd = 0.8
classes = 5

[inflow]
cash_benefit = 20
ui_benefit = 10

[macro]
unemployment_rate = [[2020-01-06, 0.05], [2020-06-01, 0.07]]
reference_rate = 0.05
inflow_elasticity = { cash_benefit = 1.0 }

[hazards.cash_benefit.self_support]
bands_weeks = [0, 13]
baseline = [0.05, 0.03]
log_effects = { "sex:male" = 0.2, "age:18-29" = 0.3, "origin:immigrant" = -0.2, "match:4" = -0.5 }
unemployment_elasticity = -1.0
[hazards.cash_benefit.sickness_benefit]
baseline = 0.01
[hazards.sickness_benefit.self_support]
baseline = 0.06
log_effects = { "sick_category:1" = 0.5 }
[hazards.sickness_benefit.cash_benefit]
baseline = 0.01
[hazards.ui_benefit.self_support]
baseline = 0.08
[hazards.self_support.cash_benefit]
baseline = 0.01
[hazards.waiting_flexjob.flexjob]
baseline = 0.03
[hazards.waiting_flexjob.disability_pension]
baseline = 0.005
[hazards.flexjob.waiting_flexjob]
baseline = 0.005

[duration_limits.ui_benefit]
weeks = 20
destinations = { cash_benefit = 0.7, self_support = 0.3 }

[job_finding_moves]
waiting_flexjob = ["flexjob"]

[programmes.guidance]
length_weeks = 5
wait_weeks = 1
lock_in = 0.8
post_effect = 1.1
post_decay_weeks = 8
cost_per_week = 200
[programmes.company_internship]
length_weeks = 8
wait_weeks = 2
lock_in = { job_ready = 0.7, not_job_ready = 0.9 }
post_effect = { job_ready = 1.4, not_job_ready = 1.2 }
post_decay_weeks = 20
cost_per_week = 300
threat_effect = 1.1
[programmes.immediate_activation]
length_weeks = 3
threat_effect = 1.3
threat_rise_weeks = 4
lock_in = 0.8

[[actors]]
name = "centre"
assignment = { rule = "rest" }
first_meeting_weeks = 2
meeting_interval_weeks = { cash_benefit = 4, sickness_benefit = 4, waiting_flexjob = 8, ui_benefit = 6 }
activation_probability = { job_ready = 0.3, not_job_ready = 0.3 }
activation_mix = { job_ready = { guidance = 0.5, company_internship = 0.5 }, not_job_ready = { guidance = 0.7, company_internship = 0.3 } }
immediate_activation = { states = ["cash_benefit"], delay_weeks = 6, length_weeks = 3, follow_up_weeks = 4, next_step_probability = 0.5, announced_weeks = 3 }
early_meetings = { interval_weeks = 1, for_weeks = 6, in_groups = true }
meeting_effect = { size = 1.5, group_size = 1.2, decay_weeks = 4 }
sanctions = { no_show = 0.1, rate = 0.3, exit_share = 0.2 }
costs = { admin_per_case_week = 100, fixed_fee_per_case = 1000, bonus_per_self_support = 500, milestones = { self_support = [[4, 100]] } }

[[actors]]
name = "provider"
assignment = { rule = "random_share", share = 0.5, areas = ["north"] }
meeting_interval_weeks = { cash_benefit = 2, waiting_flexjob = 4 }
group_meetings = 4
caseworkers = { cash_benefit = 5 }
meetings_per_caseworker_week = 5
activation_probability = { job_ready = 0.4, not_job_ready = 0.2 }
activation_mix = { guidance = 0.4, company_internship = 0.6 }
company_contact = 1.3
job_finding = 1.2
moves = { waiting_flexjob = { disability_pension = 1.5 } }
meeting_effect = { group_size = 1.5, decay_weeks = 6 }
ramp_up = { from = 0.5, weeks = 10, start = 2020-02-03 }
costs = { admin_per_case_week = 200, programme_cost_factor = 1.5, savings_share = { share = 0.5, against = "centre", settle_every_weeks = 8 } }

[[actors]]
name = "odd"
assignment = { rule = "odd_birth_day", except_states = ["sickness_benefit"] }
meeting_interval_weeks = { cash_benefit = 13 }

[[shocks]]
name = "downturn"
start = 2020-03-02
ramp_weeks = 2
length_weeks = 6
recovery_weeks = 4
job_finding = 0.8
inflow = 1.2
states = ["cash_benefit", "ui_benefit"]

[[cohorts]]
name = "stock"
states = ["cash_benefit", "sickness_benefit", "waiting_flexjob"]
at = 2020-01-20
measure_at = 2020-08-03
[[cohorts]]
name = "inflow"
kind = "inflow"
states = ["cash_benefit", "ui_benefit"]
groups = ["job_ready"]
from = 2020-01-20
to = 2020-05-04
exclude_stock = true
measure_at = 2020-09-07
survival_weeks = 12
[[cohorts]]
name = "period"
kind = "period"
states = ["cash_benefit"]
from = 2020-02-03
to = 2020-06-01
measure_at = 2020-09-07
)";

// The same world written as a weekly transition matrix, for the matrix's own keys.
const std::string kMatrixText = R"(
start = 2020-01-06
weeks = 30
seed = 11
[population]
size = 3000
state_shares = { cash_benefit = 1.0 }
[transition_matrix]
states = ["cash_benefit", "self_support"]
rows = [[0.95, 0.05], [0.01, 0.99]]
)" + test::kStockCohort;
const char* kMatrix = kMatrixText.c_str();  // the table names its base scenario by pointer

// Settings that several entries sweep a key within.
const std::string kNetwork =
    "actors.centre.employer_network={consultants = [[2020-01-06, 2], [2020-03-02, 6]], reference = 4, "
    "build_weeks = 8, built_at_start = 0}";
const std::string kStaffBonus =
    "actors.provider.costs.staff_bonus={per_caseworker = 1000, every_weeks = 4, self_support_at_least = 10}";

struct Sweep {
  const char* key;  ///< the schema row
  std::vector<std::string> set;
  const char* base = kEveryMechanism;
  /// Text of the base to replace, and its replacement: for a change that --set cannot write.
  std::pair<std::string, std::string> edit = {};
  /// Overrides of both runs: the setting in which the key is swept.
  std::vector<std::string> both = {};
};

// clang-format off
const std::vector<Sweep> kSweeps = {
  {"start", {"start=2020-01-13"}},
  {"weeks", {"weeks=41"}},
  {"burn_in_weeks", {"burn_in_weeks=4"}},
  {"replications", {"replications=3"}},
  {"seed", {"seed=12"}},
  {"inflow", {"inflow.cash_benefit=30"}},
  {"population.size", {"population.size=3100"}},
  {"population.state_shares", {"population.state_shares={cash_benefit=0.5, sickness_benefit=0.1, waiting_flexjob=0.2, ui_benefit=0.2}"}},
  {"population.initial_duration_weeks", {"population.initial_duration_weeks.cash_benefit=20"}},
  {"population.odd_birth_day_share", {"population.odd_birth_day_share.cash_benefit=0.7"}},
  {"population.split_exactly", {"population.split_exactly=true"}},
  {"population.employability_tilt", {"population.employability_tilt.cash_benefit=-0.5"}},
  {"population.attributes", {"population.attributes.cash_benefit.match={\"1\" = 0.2, \"4\" = 0.8}"}},
  // Band and area lists move results through the shares they default to (equal; the first area).
  {"attributes.age_bands", {"attributes.age_bands=[18, 30, 60, 67]"}},
  {"attributes.pension_age", {"attributes.pension_age=67"}},
  {"attributes.areas", {"attributes.areas=[\"south\", \"north\"]"}},
  {"attributes.match_groups", {"attributes.match_groups={job_ready = [1], not_job_ready = [\"none\", 2, 3, 4, 5]}"}},
  {"attributes.sex", {"attributes.sex={female = 0.3, male = 0.7}"}},
  {"attributes.origin", {"attributes.origin={danish = 0.5, immigrant = 0.5}"}},
  {"attributes.age", {"attributes.age={\"18-29\" = 0.7, \"30-66\" = 0.3}"}},
  {"attributes.match", {"attributes.match={\"2\" = 0.2, \"5\" = 0.8}"}},
  {"attributes.sick_category", {"attributes.sick_category={none = 0.2, \"1\" = 0.8}"}},
  {"attributes.area", {"attributes.area={north = 0.6, south = 0.4}"}},
  {"attributes.<state>", {"attributes.ui_benefit.sex={female = 0.7, male = 0.3}"}},
  {"employability.sd", {"employability.sd=1.2"}},
  {"employability.classes", {"employability.classes=3"}},
  {"hazards.<from>.<to>.bands_weeks", {"hazards.cash_benefit.self_support.bands_weeks=[0, 20]"}},
  {"hazards.<from>.<to>.baseline", {"hazards.cash_benefit.self_support.baseline=[0.06, 0.03]"}},
  {"hazards.<from>.<to>.log_effects", {"hazards.cash_benefit.self_support.log_effects.\"sex:male\"=0.5"}},
  {"hazards.<from>.<to>.employability_loading", {"hazards.cash_benefit.self_support.employability_loading=0.5"}},
  {"hazards.<from>.<to>.unemployment_elasticity", {"hazards.cash_benefit.self_support.unemployment_elasticity=-3"}},
  {"transition_matrix.states", {"transition_matrix.states=[\"cash_benefit\", \"other_benefit\"]"}, kMatrix},
  {"transition_matrix.rows", {"transition_matrix.rows=[[0.9, 0.1], [0.01, 0.99]]"}, kMatrix},
  {"job_finding_moves", {"job_finding_moves={cash_benefit = [\"self_support\", \"sickness_benefit\"]}"}},
  {"job_finding_moves.<state>", {"job_finding_moves.sickness_benefit=[\"self_support\", \"cash_benefit\"]"}},
  {"duration_limits.<state>.weeks", {"duration_limits.ui_benefit.weeks=15"}},
  {"duration_limits.<state>.destinations", {"duration_limits.ui_benefit.destinations={cash_benefit = 0.4, self_support = 0.6}"}},
  {"programmes.<programme>.length_weeks", {"programmes.guidance.length_weeks=7"}},
  {"programmes.<programme>.wait_weeks", {"programmes.guidance.wait_weeks=3"}},
  {"programmes.<programme>.lock_in", {"programmes.guidance.lock_in=0.5"}},
  {"programmes.<programme>.post_effect", {"programmes.guidance.post_effect=1.5"}},
  {"programmes.<programme>.post_decay_weeks", {"programmes.guidance.post_decay_weeks=20"}},
  {"programmes.<programme>.threat_effect", {"programmes.immediate_activation.threat_effect=1.6"}},
  {"programmes.<programme>.threat_rise_weeks", {"programmes.immediate_activation.threat_rise_weeks=1"}},
  {"programmes.<programme>.cost_per_week", {"programmes.guidance.cost_per_week=400"}},
  {"programmes.<programme>.employer_linked", {"programmes.guidance.employer_linked=true"}},
  {"actors.*.assignment", {"actors.provider.assignment={rule = \"random_share\", share = 0.3}"}},
  {"actors.*.assignment.rule", {"actors.provider.assignment={rule = \"area\", areas = [\"north\"]}"}},
  {"actors.*.assignment.share", {"actors.provider.assignment.share=0.6"}},
  {"actors.*.assignment.areas", {"actors.provider.assignment.areas=[\"south\"]"}},
  {"actors.*.assignment.groups", {"actors.provider.assignment.groups=[\"not_job_ready\"]"}, kEveryMechanism, {},
   {"actors.provider.assignment={rule = \"match_group\", groups = [\"job_ready\"]}"}},
  {"actors.*.assignment.except_states", {"actors.odd.assignment.except_states=[\"waiting_flexjob\"]"}},
  {"actors.*.first_meeting_weeks", {"actors.centre.first_meeting_weeks=5"}},
  {"actors.*.meeting_interval_weeks", {"actors.centre.meeting_interval_weeks.cash_benefit=2"}},
  {"actors.*.early_meetings", {"actors.provider.early_meetings={interval_weeks = 1, for_weeks = 4}"}},
  {"actors.*.early_meetings.interval_weeks", {"actors.centre.early_meetings.interval_weeks=2"}},
  {"actors.*.early_meetings.for_weeks", {"actors.centre.early_meetings.for_weeks=10"}},
  // Without group meetings a group effect is refused, so the variant drops both.
  {"actors.*.early_meetings.in_groups", {}, kEveryMechanism,
   {"early_meetings = { interval_weeks = 1, for_weeks = 6, in_groups = true }\nmeeting_effect = { size = 1.5, group_size = 1.2, decay_weeks = 4 }",
    "early_meetings = { interval_weeks = 1, for_weeks = 6, in_groups = false }\nmeeting_effect = { size = 1.5, decay_weeks = 4 }"}},
  {"actors.*.caseworkers", {"actors.provider.caseworkers.cash_benefit=10"}},
  {"actors.*.meetings_per_caseworker_week", {"actors.provider.meetings_per_caseworker_week=3"}},
  {"actors.*.group_meetings", {"actors.provider.group_meetings=8"}},
  {"actors.*.ramp_up", {"actors.provider.ramp_up={from = 0.3, weeks = 8}"}},
  {"actors.*.ramp_up.from", {"actors.provider.ramp_up.from=0.2"}},
  {"actors.*.ramp_up.weeks", {"actors.provider.ramp_up.weeks=20"}},
  {"actors.*.ramp_up.start", {"actors.provider.ramp_up.start=2020-03-02"}},
  {"actors.*.immediate_activation", {"actors.provider.immediate_activation={states = [\"cash_benefit\"]}"}},
  {"actors.*.immediate_activation.enabled", {"actors.centre.immediate_activation.enabled=false"}},
  {"actors.*.immediate_activation.states", {"actors.centre.immediate_activation.states=[\"cash_benefit\", \"ui_benefit\"]"}},
  {"actors.*.immediate_activation.groups", {"actors.centre.immediate_activation.groups=[\"job_ready\"]"}},
  {"actors.*.immediate_activation.delay_weeks", {"actors.centre.immediate_activation.delay_weeks=10"}},
  {"actors.*.immediate_activation.length_weeks", {"actors.centre.immediate_activation.length_weeks=6"}},
  {"actors.*.immediate_activation.kind", {"actors.centre.immediate_activation.kind=\"company_internship\""}},
  {"actors.*.immediate_activation.follow_up_weeks", {"actors.centre.immediate_activation.follow_up_weeks=1"}},
  {"actors.*.immediate_activation.next_step_probability", {"actors.centre.immediate_activation.next_step_probability=0.9"}},
  {"actors.*.immediate_activation.announced_weeks", {"actors.centre.immediate_activation.announced_weeks=5"}},
  {"actors.*.activation_probability", {"actors.centre.activation_probability.job_ready=0.6"}},
  {"actors.*.activation_probability",
   {"actors.provider.activation_probability.not_job_ready=[[2020-01-06, 0.2], [2020-03-02, 0.6]]"}},
  {"actors.*.activation_mix", {"actors.centre.activation_mix.job_ready={guidance = 0.9, company_internship = 0.1}"}},
  {"actors.*.company_contact", {"actors.provider.company_contact=0.7"}},
  {"actors.*.job_finding", {"actors.provider.job_finding=1.4"}},
  {"actors.*.job_finding_sd", {"actors.provider.job_finding_sd=0.3"}},
  {"actors.*.moves", {"actors.centre.moves={sickness_benefit = {cash_benefit = 2.0}}"}},
  {"actors.*.moves.<state>.<state>", {"actors.provider.moves.waiting_flexjob.disability_pension=3.0"}},
  {"actors.*.meeting_effect", {"actors.centre.meeting_effect={size = 3.0}"}},
  {"actors.*.meeting_effect.size", {"actors.centre.meeting_effect.size=2.5"}},
  {"actors.*.meeting_effect.group_size", {"actors.provider.meeting_effect.group_size=2.5"}},
  {"actors.*.meeting_effect.decay_weeks", {"actors.centre.meeting_effect.decay_weeks=12"}},
  {"actors.*.reassessment", {"actors.centre.reassessment={\"4\" = {\"3\" = 0.2}}"}},
  {"actors.*.reassessment.<match>.<match>",
   {"actors.provider.reassessment.\"4\".\"5\"=0.3"},
   kEveryMechanism,
   {},
   {"actors.provider.reassessment={\"4\" = {\"3\" = 0.2}}"}},
  {"actors.*.employer_network", {kNetwork}},
  {"actors.*.employer_network.consultants",
   {"actors.centre.employer_network.consultants=[[2020-01-06, 2], [2020-03-02, 9]]"},
   kEveryMechanism,
   {},
   {kNetwork}},
  {"actors.*.employer_network.reference", {"actors.centre.employer_network.reference=2"}, kEveryMechanism, {}, {kNetwork}},
  {"actors.*.employer_network.build_weeks",
   {"actors.centre.employer_network.build_weeks=30"},
   kEveryMechanism,
   {},
   {kNetwork}},
  {"actors.*.employer_network.built_at_start",
   {"actors.centre.employer_network.built_at_start=5"},
   kEveryMechanism,
   {},
   {kNetwork}},
  {"actors.*.programme_places", {"actors.provider.programme_places={guidance = 10}"}},
  {"actors.*.programme_places.<programme>", {"actors.centre.programme_places.company_internship=5"}},
  {"actors.*.referral", {"actors.provider.referral={to = \"centre\", chance = 0.1}"}},
  {"actors.*.referral.to",
   {"actors.provider.referral.to=\"odd\""},
   kEveryMechanism,
   {},
   {"actors.provider.referral={to = \"centre\", chance = 0.1}"}},
  {"actors.*.referral.chance",
   {"actors.provider.referral.chance={not_job_ready = 0.3}"},
   kEveryMechanism,
   {},
   {"actors.provider.referral={to = \"centre\", chance = 0.1}"}},
  {"actors.*.sanctions", {"actors.provider.sanctions={no_show = 0.2, rate = 0.5, exit_share = 0.3}"}},
  {"actors.*.sanctions.no_show", {"actors.centre.sanctions.no_show=0.3"}},
  {"actors.*.sanctions.rate", {"actors.centre.sanctions.rate=0.6"}},
  {"actors.*.sanctions.exit_share", {"actors.centre.sanctions.exit_share=0.5"}},
  {"actors.*.costs", {"actors.provider.costs={admin_per_case_week = 300}"}},
  {"actors.*.costs.admin_per_case_week", {"actors.centre.costs.admin_per_case_week=150"}},
  {"actors.*.costs.fixed_fee_per_case", {"actors.centre.costs.fixed_fee_per_case=2000"}},
  {"actors.*.costs.bonus_per_self_support", {"actors.centre.costs.bonus_per_self_support=800"}},
  {"actors.*.costs.programme_cost_factor", {"actors.provider.costs.programme_cost_factor=2.0"}},
  {"actors.*.costs.milestones", {"actors.provider.costs.milestones={flexjob = [[4, 500]]}"}},
  {"actors.*.costs.milestones.<state>", {"actors.centre.costs.milestones.self_support=[[4, 100], [8, 200]]"}},
  {"actors.*.costs.savings_share", {"actors.odd.costs.savings_share={share = 0.3, against = \"centre\", settle_every_weeks = 1}"}},
  {"actors.*.costs.savings_share.share", {"actors.provider.costs.savings_share.share=0.8"}},
  {"actors.*.costs.savings_share.against", {"actors.provider.costs.savings_share.against=\"odd\""}},
  {"actors.*.costs.savings_share.settle_every_weeks", {"actors.provider.costs.savings_share.settle_every_weeks=4"}},
  {"actors.*.costs.staff_bonus", {kStaffBonus}},
  {"actors.*.costs.staff_bonus.per_caseworker",
   {"actors.provider.costs.staff_bonus.per_caseworker=2000"},
   kEveryMechanism,
   {},
   {kStaffBonus}},
  {"actors.*.costs.staff_bonus.every_weeks",
   {"actors.provider.costs.staff_bonus.every_weeks=8"},
   kEveryMechanism,
   {},
   {kStaffBonus}},
  {"actors.*.costs.staff_bonus.self_support_at_least",
   {"actors.provider.costs.staff_bonus.self_support_at_least=10000"},
   kEveryMechanism,
   {},
   {kStaffBonus}},
  {"attributes.area_job_finding_sd", {"attributes.area_job_finding_sd=0.3"}},
  {"transfers", {"transfers.cash_benefit=3000"}},
  {"programmes.<programme>.intake_every_weeks", {"programmes.company_internship.intake_every_weeks=4"}},
  {"programmes.<programme>.first_intake",
   {"programmes.company_internship.first_intake=2020-01-20"},
   kEveryMechanism,
   {},
   {"programmes.company_internship.intake_every_weeks=4"}},
  {"macro.unemployment_rate", {"macro.unemployment_rate=[[2020-01-06, 0.05], [2020-04-06, 0.09]]"}},
  {"macro.reference_rate", {"macro.reference_rate=0.06"}},
  {"macro.inflow_elasticity", {"macro.inflow_elasticity.cash_benefit=2.0"}},
  {"shocks.*.start", {"shocks.downturn.start=2020-04-06"}},
  {"shocks.*.ramp_weeks", {"shocks.downturn.ramp_weeks=4"}},
  {"shocks.*.length_weeks", {"shocks.downturn.length_weeks=10"}},
  {"shocks.*.recovery_weeks", {"shocks.downturn.recovery_weeks=8"}},
  {"shocks.*.job_finding", {"shocks.downturn.job_finding=0.6"}},
  {"shocks.*.inflow", {"shocks.downturn.inflow=1.5"}},
  {"shocks.*.states", {"shocks.downturn.states=[\"cash_benefit\"]"}},
  {"cohorts.*.kind", {"cohorts.period.kind=\"inflow\""}},
  {"cohorts.*.states", {"cohorts.stock.states=[\"cash_benefit\"]"}},
  {"cohorts.*.groups", {"cohorts.inflow.groups=[\"not_job_ready\"]"}},
  {"cohorts.*.at", {"cohorts.stock.at=2020-02-03"}},
  {"cohorts.*.from", {"cohorts.inflow.from=2020-02-03"}},
  {"cohorts.*.to", {"cohorts.inflow.to=2020-04-06"}},
  {"cohorts.*.exclude_stock", {"cohorts.inflow.exclude_stock=false"}},
  {"cohorts.*.measure_at", {"cohorts.stock.measure_at=2020-07-06"}},
  {"cohorts.*.survival_weeks", {"cohorts.inflow.survival_weeks=16"}},
};

// Rows this sweep does not set, each with where its effect is checked instead.
const std::vector<std::pair<const char*, const char*>> kCheckedElsewhere = {
  {"name", "a label: names the output file and /meta (test_hdf5_output)"},
  {"description", "a label written to /meta"},
  {"extends", "how files combine, not a value (test_scenario_document)"},
  {"currency", "the unit the costs are stated in: /meta and the report (test_hdf5_output)"},
  {"price_year", "the year of the prices: /meta and the report (test_hdf5_output)"},
  {"actors.*.name", "the name other keys refer to"},
  {"actors.*.extends", "how actors combine, not a value (test_scenario_document)"},
  {"actors.*.control", "the arm report tests each actor against (test_report)"},
  {"cohorts.*.name", "the name targets refer to"},
  {"shocks.*.name", "the name overrides refer to"},
  {"targets.file", "read by report and calibrate (test_targets, test_report)"},
};

/// Every number a run produces, in one vector: the series and each cohort's outcomes.
std::vector<double> results_of(const Params& params) {
  std::vector<double> out;
  const auto add = [&out](const auto& v) { out.insert(out.end(), v.begin(), v.end()); };
  for (const ReplicationResult& r : run_monte_carlo(params, {})) {
    add(r.occupancy), add(r.entries), add(r.exits), add(r.activity_occupancy);
    add(r.meetings_held), add(r.meetings_overdue), add(r.waiting_for_place), add(r.costs), add(r.cost_accounts);
    for (const CohortOutcome& c : r.cohorts) {
      add(c.members), add(c.status), add(c.activity), add(c.state_activity), add(c.support_rate);
      add(c.activity_weeks_share), add(c.activation_rate), add(c.meeting_rate);
      add(c.self_support_weeks), add(c.cost_per_citizen), add(c.transfers_per_citizen), add(c.survival);
    }
  }
  return out;
}

bool is_study_key(std::string_view name) {
  for (std::string_view prefix : {"calibration.", "sweep.", "power."})
    if (name.substr(0, prefix.size()) == prefix) return true;
  return false;
}
}  // namespace

TEST_CASE("every model key, set alone to another value, changes the run's results", "[regression]") {
  test::TempDir dir;
  const std::string every = dir.write("every.toml", kEveryMechanism);
  const std::string matrix = dir.write("matrix.toml", kMatrix);
  const auto path_of = [&](const char* base) { return base == kEveryMechanism ? every : matrix; };
  const std::vector<double> base_every = results_of(load_scenario(every).params);
  const std::vector<double> base_matrix = results_of(load_scenario(matrix).params);
  for (const Sweep& s : kSweeps) {
    INFO(s.key << ": --set " << (s.set.empty() ? s.edit.second : s.set.front()));
    REQUIRE(schema::find(s.key) != nullptr);
    const auto base = !s.both.empty()                ? results_of(load_scenario(path_of(s.base), s.both).params)
                      : s.base == kEveryMechanism ? base_every
                                                  : base_matrix;
    std::vector<std::string> set = s.both;
    set.insert(set.end(), s.set.begin(), s.set.end());
    std::string variant = path_of(s.base);
    if (!s.edit.first.empty()) {
      std::string text = s.base;
      const auto at = text.find(s.edit.first);
      REQUIRE(at != std::string::npos);
      variant = dir.write("edited.toml", text.replace(at, s.edit.first.size(), s.edit.second));
    }
    CHECK_FALSE(same_bits(results_of(load_scenario(variant, set).params), base));
  }
}

TEST_CASE("each model key is swept or says where else its effect is checked", "[unit]") {
  std::set<std::string> accounted;
  for (const Sweep& s : kSweeps) accounted.insert(s.key);
  for (const auto& [key, where] : kCheckedElsewhere) {
    INFO(key);
    CHECK(schema::find(key) != nullptr);
    accounted.insert(key);
  }
  for (const schema::Key& k : schema::keys()) {
    INFO(k.name);
    // Rows without a meaning only say how a table merges; the documented rows are its keys.
    if (!is_study_key(k.name) && !k.meaning.empty()) CHECK(accounted.count(std::string(k.name)) == 1);
  }
}
