#include "almpsim/cohorts.hpp"

#include <array>
#include <cmath>
#include <random>

#include "almpsim/engine.hpp"
#include "almpsim/scenario.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

TEST_CASE("Kaplan-Meier survival on a small hand-worked sample", "[unit]") {
  // Durations 2, 3, 3+, 5+, 6 (+ = censored): S = 1, 1, .8, .6, .6, .6, 0.
  const auto s = kaplan_meier({2, 3, 3, 5, 6}, {true, true, false, false, true}, 6);
  const std::vector<double> expected = {1.0, 1.0, 0.8, 0.6, 0.6, 0.6, 0.0};
  REQUIRE(s.size() == expected.size());
  for (std::size_t k = 0; k < s.size(); ++k) CHECK(s[k] == Approx(expected[k]));
  const auto beyond = kaplan_meier({1}, {false}, 3);
  CHECK(beyond[1] == 1.0);
  CHECK(std::isnan(beyond[2]));  // nobody observed any more
}

namespace {
struct TinyWorld {
  Params params;
  Population pop;
  /// `citizens` of whom citizen 2 is served by actor 1, the rest by actor 0.
  explicit TinyWorld(CitizenId citizens = 3) {
    params.calendar.start = *Date::parse("2020-01-06");
    params.calendar.weeks = 10;
    params.on_benefit.fill(true);
    params.on_benefit[index_of(State::self_support)] = false;
    params.on_benefit[index_of(State::exited)] = false;
    params.actors.resize(2);
    for (auto& a : params.actors) {
      a.costs.admin_per_case_week = 100;
      a.costs.bonus_per_self_support = 1000;
    }
    params.programmes[index_of(Activity::inhouse_project)].cost_per_week = 50;
    pop.resize(citizens);
    for (CitizenId i = 0; i < citizens; ++i) {
      pop.activity_from[i] = pop.activity_to[i] = 32000;
      pop.prev_state[i] = kNoPreviousState;
      pop.actor[i] = i == 2 ? 1 : 0;
    }
  }
  void set(CitizenId i, State s) { pop.state[i] = static_cast<std::uint8_t>(s); }
};

using Kind = CohortSpec::Kind;

/// Cases on cash benefit: a stock at week `from` (`to` unused), or an inflow or period cohort
/// over weeks from..to; measured in week `measure_at`. Named after its kind.
CohortSpec cash_benefit_cohort(Kind kind, Week from, Week to, Week measure_at, int survival_weeks = 1) {
  CohortSpec spec;
  spec.name = kind == Kind::stock ? "stock" : kind == Kind::inflow ? "inflow" : "period";
  spec.kind = kind;
  spec.states[index_of(State::cash_benefit)] = true;
  if (kind == Kind::stock) {
    spec.at = from;
  } else {
    spec.from = from;
    spec.to = to;
  }
  spec.measure_at = measure_at;
  spec.survival_weeks = survival_weeks;
  return spec;
}

/// The cases on cash benefit in week 0, measured in week 4.
CohortSpec cash_benefit_stock() {
  return cash_benefit_cohort(Kind::stock, 0, 0, 4, 4);
}
}  // namespace

TEST_CASE("stock cohort accounting by hand", "[unit]") {
  TinyWorld t;
  const CohortSpec spec = cash_benefit_stock();
  CohortTracker tracker(t.params, spec);
  // Citizen 0: cash benefit weeks 0-1, then self-supporting. Citizen 1: cash benefit all along,
  // in an in-house project in weeks 1-2, two meetings. Citizen 2: sickness benefit, not a member.
  t.pop.activity[1] = static_cast<std::uint8_t>(Activity::inhouse_project);
  t.pop.activity_from[1] = 1;
  t.pop.activity_to[1] = 3;
  t.set(1, State::cash_benefit);
  t.set(2, State::sickness_benefit);
  for (Week w = 0; w <= 5; ++w) {
    t.set(0, w < 2 ? State::cash_benefit : State::self_support);
    if (w == 1 || w == 3) ++t.pop.meetings[1];
    tracker.observe(w, t.pop, 3);
  }
  const CohortOutcome o = tracker.outcome();
  CHECK(o.members[0] == 2);
  CHECK(o.members[1] == 0);
  CHECK(o.self_support_share[0] == 0.5);
  CHECK(o.status[0 * kStates + index_of(State::cash_benefit)] == 0.5);
  CHECK(o.state_activity[index_of(State::cash_benefit) * kActivities + index_of(Activity::none)] == 0.5);
  CHECK(o.state_activity[index_of(State::self_support) * kActivities + index_of(Activity::none)] == 0.5);
  CHECK(o.support_rate[0] == Approx(0.75));  // (2/4 + 4/4) / 2
  CHECK(o.support_rate_sd[0] == Approx(std::sqrt(0.125)));
  CHECK(o.activation_rate[0] == Approx(2.0 / 6.0));
  CHECK(o.meeting_rate[0] == Approx(2.0 / (6.0 / 4.0)));
  CHECK(o.self_support_weeks[0] == Approx(1.0));
  CHECK(o.cost_per_citizen[0] == Approx((6 * 100 + 2 * 50 + 1000) / 2.0));
  CHECK(o.survival[0] == 1.0);
  CHECK(o.survival[1] == 1.0);
  CHECK(o.survival[2] == 0.5);
  CHECK(o.survival[4] == 0.5);
  CHECK(std::isnan(o.self_support_share[1]));
}

TEST_CASE("a programme still running after its case leaves benefit counts no more", "[unit]") {
  TinyWorld t;
  const CohortSpec spec = cash_benefit_stock();
  CohortTracker tracker(t.params, spec);
  // Citizen 1: cash benefit in weeks 0-1, self-supporting from week 2; an in-house project
  // booked for weeks 1-5, so it still runs, by its weeks, off benefit and at the measurement.
  // Citizens 0 and 2 are on sickness benefit: not members.
  t.set(0, State::sickness_benefit);
  t.set(2, State::sickness_benefit);
  t.pop.activity[1] = static_cast<std::uint8_t>(Activity::inhouse_project);
  t.pop.activity_from[1] = 1;
  t.pop.activity_to[1] = 6;
  for (Week w = 0; w <= 4; ++w) {
    t.set(1, w < 2 ? State::cash_benefit : State::self_support);
    tracker.observe(w, t.pop, 3);
  }
  const CohortOutcome o = tracker.outcome();
  const auto joint = [&](State s, Activity a) { return o.state_activity[index_of(s) * kActivities + index_of(a)]; };
  REQUIRE(o.members[0] == 1);
  // At the measurement: self-supporting, in no programme (a programme counts only on benefit);
  // these fail where the table counts programmes off benefit.
  CHECK(joint(State::self_support, Activity::none) == 1.0);
  CHECK(joint(State::self_support, Activity::inhouse_project) == 0.0);
  CHECK(o.activity[index_of(Activity::none)] == 1.0);
  // The rest hold also where the table would count programmes off benefit (activity weeks are
  // counted in the cohort's states only, and programme_cost is 0 off benefit), and check that
  // the member's weeks before leaving are counted as ever.
  // Week 1 is its one activity week of two on cash benefit; weeks 2-3 add none.
  CHECK(o.activation_rate[0] == Approx(1.0 / 2.0));
  CHECK(o.activity_weeks_share[index_of(Activity::inhouse_project)] == 1.0);
  // Administration in weeks 0-1, the project in week 1, the bonus on leaving: nothing after.
  CHECK(o.cost_per_citizen[0] == Approx(2 * 100 + 50 + 1000));
  CHECK(o.self_support_weeks[0] == Approx(2.0));
}

TEST_CASE("an inflow cohort counts each person once at the start of a new spell", "[unit]") {
  TinyWorld t;
  CohortSpec spec = cash_benefit_cohort(Kind::inflow, 1, 3, 5);
  spec.states[index_of(State::other_benefit)] = true;
  CohortTracker tracker(t.params, spec);
  auto enter = [&](CitizenId i, State s, std::uint8_t prev, Week w) {
    t.set(i, s);
    t.pop.prev_state[i] = prev;
    t.pop.state_since[i] = static_cast<std::int16_t>(w);
  };
  enter(0, State::self_support, kNoPreviousState, 0);
  enter(1, State::cash_benefit, kNoPreviousState, 0);  // began before the window
  enter(2, State::sickness_benefit, kNoPreviousState, 0);
  for (Week w = 0; w <= 5; ++w) {
    if (w == 1) enter(0, State::cash_benefit, index_of(State::self_support), 1);   // joins
    if (w == 2) enter(1, State::other_benefit, index_of(State::cash_benefit), 2);  // listed to listed: no
    if (w == 2) enter(0, State::self_support, index_of(State::cash_benefit), 2);
    if (w == 3) enter(0, State::cash_benefit, index_of(State::self_support), 3);      // second spell: once only
    if (w == 4) enter(2, State::cash_benefit, index_of(State::sickness_benefit), 4);  // after the window
    tracker.observe(w, t.pop, 3);
  }
  const CohortOutcome o = tracker.outcome();
  CHECK(o.members[0] == 1);
  CHECK(o.support_rate[0] == Approx(3.0 / 4.0));  // weeks 1, 3, 4 of 1..4 on benefit
}

TEST_CASE("an inflow cohort follows each member from the week it joined", "[unit]") {
  TinyWorld t;
  const CohortSpec spec = cash_benefit_cohort(Kind::inflow, 1, 3, 5, 4);
  CohortTracker tracker(t.params, spec);
  auto enter = [&](CitizenId i, State s, Week w) {
    t.pop.prev_state[i] = t.pop.state[i];
    t.set(i, s);
    t.pop.state_since[i] = static_cast<std::int16_t>(w);
  };
  for (CitizenId i = 0; i < 3; ++i) t.set(i, State::self_support);
  t.pop.actor[2] = 0;
  t.pop.meetings = {5, 3, 0};  // held before joining
  // Citizen 0 joins in week 1 and leaves in week 4, citizen 1 joins in week 2 and leaves in
  // week 3, citizen 2 joins in week 3 and leaves in week 5, the measurement's. Citizen 0 is
  // met once after joining.
  for (Week w = 0; w <= 5; ++w) {
    if (w == 2) ++t.pop.meetings[0];
    if (w == 1) enter(0, State::cash_benefit, 1);
    if (w == 2) enter(1, State::cash_benefit, 2);
    if (w == 3) enter(1, State::self_support, 3);
    if (w == 3) enter(2, State::cash_benefit, 3);
    if (w == 4) enter(0, State::self_support, 4);
    if (w == 5) enter(2, State::self_support, 5);
    tracker.observe(w, t.pop, 3);
  }
  const CohortOutcome o = tracker.outcome();
  REQUIRE(o.members[0] == 3);
  // On benefit in weeks 1-3 of 1..4, week 2 of 2..4, weeks 3-4 of 3..4.
  CHECK(o.support_rate[0] == Approx((3.0 / 4.0 + 1.0 / 3.0 + 2.0 / 2.0) / 3));
  CHECK(o.meeting_rate[0] == Approx(1.0 / (6.0 / 4.0)));  // one meeting in 3 + 1 + 2 case weeks
  // Leaving after 3, 1 and 2 weeks.
  CHECK(o.survival[1] == Approx(2.0 / 3.0));
  CHECK(o.survival[2] == Approx(1.0 / 3.0));
  CHECK(o.survival[3] == 0.0);
  CHECK(std::isnan(o.survival[4]));
}

TEST_CASE("an inflow cohort leaves out the stock at its window start unless told otherwise", "[unit]") {
  for (const bool exclude : {true, false}) {
    TinyWorld t;
    CohortSpec spec = cash_benefit_cohort(Kind::inflow, 1, 4, 5);
    spec.exclude_stock = exclude;
    CohortTracker tracker(t.params, spec);
    auto enter = [&](CitizenId i, State s, std::uint8_t prev, Week w) {
      t.set(i, s);
      t.pop.prev_state[i] = prev;
      t.pop.state_since[i] = static_cast<std::int16_t>(w);
    };
    enter(0, State::cash_benefit, kNoPreviousState, 0);  // in the stock when the window opens
    enter(1, State::self_support, kNoPreviousState, 0);
    for (Week w = 0; w <= 5; ++w) {
      if (w == 2) enter(0, State::self_support, index_of(State::cash_benefit), 2);
      if (w == 3) enter(0, State::cash_benefit, index_of(State::self_support), 3);  // a new spell in the window
      if (w == 3) enter(1, State::cash_benefit, index_of(State::self_support), 3);  // a newcomer
      tracker.observe(w, t.pop, 2);
    }
    CHECK(tracker.outcome().members[0] == (exclude ? 1 : 2));
  }
}

TEST_CASE("a period cohort holds everyone on its states at any time in the window", "[unit]") {
  TinyWorld t;
  const CohortSpec spec = cash_benefit_cohort(Kind::period, 2, 3, 4, 2);
  CohortTracker tracker(t.params, spec);
  // Citizen 0 is on cash benefit only in weeks 0-1 (before the window): not a member.
  // Citizen 1 is on cash benefit from week 3, in a guidance course in week 3.
  // Citizen 2 is on cash benefit throughout, in an in-house project in weeks 2-3.
  t.pop.activity[1] = static_cast<std::uint8_t>(Activity::guidance);
  t.pop.activity_from[1] = 3;
  t.pop.activity_to[1] = 4;
  t.pop.activity[2] = static_cast<std::uint8_t>(Activity::inhouse_project);
  t.pop.activity_from[2] = 2;
  t.pop.activity_to[2] = 4;
  t.pop.actor = {0, 0, 0};
  t.set(2, State::cash_benefit);
  for (Week w = 0; w <= 4; ++w) {
    t.set(0, w < 2 ? State::cash_benefit : State::self_support);
    t.set(1, w < 3 ? State::sickness_benefit : State::cash_benefit);
    tracker.observe(w, t.pop, 3);
  }
  const CohortOutcome o = tracker.outcome();
  CHECK(o.members[0] == 2);
  // Case weeks: citizen 1 week 3, citizen 2 weeks 2-3; all three in an activity.
  CHECK(o.activation_rate[0] == Approx(1.0));
  CHECK(o.activity_weeks_share[index_of(Activity::guidance)] == Approx(1.0 / 3.0));
  CHECK(o.activity_weeks_share[index_of(Activity::inhouse_project)] == Approx(2.0 / 3.0));
  CHECK(std::isnan(o.activity_weeks_share[index_of(Activity::none)]));
}

TEST_CASE("cohorts of match groups split the whole cohort exactly", "[unit]") {
  // Each kind of cohort three times: all members, the job-ready, the others. Match groups are
  // drawn when a case opens, so every member falls in exactly one of the two.
  std::string cohorts;
  for (const auto& [kind, window] : {std::pair{"stock", "at = 2020-02-03"},
                                     {"inflow", "from = 2020-01-13\nto = 2020-03-30"},
                                     {"period", "from = 2020-01-13\nto = 2020-03-30"}})
    for (const auto& [suffix, groups] :
         {std::pair{"all", ""}, {"ready", "groups = [\"job_ready\"]"}, {"others", "groups = [\"not_job_ready\"]"}})
      cohorts += std::string("[[cohorts]]\nname = \"") + kind + "_" + suffix + "\"\nkind = \"" + kind +
                 "\"\nstates = [\"cash_benefit\"]\n" + window + "\nmeasure_at = 2020-06-01\n" + groups + "\n";
  test::TempDir dir;
  const Params p = load_scenario(dir.write("groups.toml", test::two_state_scenario(R"(
[inflow]
cash_benefit = 40.0
[attributes.cash_benefit]
match = { "1" = 0.3, "3" = 0.2, "4" = 0.5 }
)" + cohorts)))
                       .params;
  const auto r = run_monte_carlo(p, {1, {}}).front();
  for (std::size_t k = 0; k < 3; ++k) {
    const double all = r.cohorts[3 * k].members[0], ready = r.cohorts[3 * k + 1].members[0],
                 others = r.cohorts[3 * k + 2].members[0];
    INFO(p.cohorts[3 * k].name << ": " << all << " = " << ready << " + " << others);
    CHECK(ready > 0.2 * all);
    CHECK(others > 0.2 * all);
    CHECK(ready + others == all);
  }
}

namespace {
using test::same_bits;

/// Every measure of two outcomes, bit for bit.
void check_same_bits(const CohortOutcome& a, const CohortOutcome& b) {
  CHECK(same_bits(a.members, b.members));
  CHECK(same_bits(a.status, b.status));
  CHECK(same_bits(a.activity, b.activity));
  CHECK(same_bits(a.state_activity, b.state_activity));
  CHECK(same_bits(a.activity_weeks_share, b.activity_weeks_share));
  CHECK(same_bits(a.self_support_share, b.self_support_share));
  CHECK(same_bits(a.self_support_weeks, b.self_support_weeks));
  CHECK(same_bits(a.support_rate, b.support_rate));
  CHECK(same_bits(a.support_rate_sd, b.support_rate_sd));
  CHECK(same_bits(a.activation_rate, b.activation_rate));
  CHECK(same_bits(a.meeting_rate, b.meeting_rate));
  CHECK(same_bits(a.cost_per_citizen, b.cost_per_citizen));
  CHECK(same_bits(a.transfers_per_citizen, b.transfers_per_citizen));
  CHECK(same_bits(a.survival, b.survival));
}
}  // namespace

TEST_CASE("members brought up to date in parts, in different threads' tables, add up to one pass over all", "[unit]") {
  // Members on cash benefit, one in a project, one leaving for self-support and paid a
  // milestone there, and (in the inflow cohort) one entering benefit in the window, whose fee
  // its actor is paid; benefit is a transfer. One tracker sees each week in one pass (observe),
  // the other in two parts counted in the tables of threads 1 and 0, the milestones of each part
  // apart. Every measure must come out the same, bit for bit.
  TinyWorld t;
  t.params.actors[0].costs.milestones[index_of(State::self_support)] = {{1, 700.0}};
  t.params.actors[0].costs.fixed_fee_per_case = 2500;
  t.params.transfer_per_week[index_of(State::cash_benefit)] = 2300;
  t.pop.actor = {0, 1, 0};
  t.pop.activity[2] = static_cast<std::uint8_t>(Activity::inhouse_project);
  t.pop.activity_from[2] = 1;
  t.pop.activity_to[2] = 3;
  for (const CohortSpec& spec : {cash_benefit_stock(), cash_benefit_cohort(Kind::inflow, 1, 3, 4, 3)}) {
    INFO(spec.name);
    TinyWorld world = t;
    CohortTracker whole(world.params, spec), parts(world.params, spec, 2);
    std::vector<CaseCode> codes(3);
    std::vector<CitizenId> entrants;
    for (Week w = 0; w <= 5; ++w) {
      entrants.clear();
      for (CitizenId i = 0; i < 2; ++i) world.set(i, State::cash_benefit);
      world.set(2, w < 2 ? State::sickness_benefit : State::cash_benefit);  // enters benefit in week 2
      if (w == 2) {
        world.pop.prev_state[2] = static_cast<std::uint8_t>(index_of(State::sickness_benefit));
        world.pop.state_since[2] = 2;
        entrants = {2};
      }
      if (w >= 2) {
        world.set(0, State::self_support);
        world.pop.state_since[0] = 2;
      }
      if (w == 3) ++world.pop.meetings[1];
      whole.observe(w, world.pop, 3, &entrants);
      parts.admit(w, world.pop, 3, &entrants);
      write_case_codes(world.pop, w, 0, 3, codes.data());
      std::vector<double> first(parts.milestone_slots(), 0.0), second(parts.milestone_slots(), 0.0);
      const std::size_t half = parts.members() / 2;
      parts.update(w, world.pop, codes.data(), 0, half, 1, first.data());
      parts.update(w, world.pop, codes.data(), half, parts.members(), 0, second.data());
      parts.add_milestones(first.data());
      parts.add_milestones(second.data());
      parts.end_week(w);
    }
    const CohortOutcome a = whole.outcome(), b = parts.outcome();
    REQUIRE(a.members[0] + a.members[1] >= 1);
    check_same_bits(a, b);
    if (spec.kind == CohortSpec::Kind::stock) {
      // Citizens 0 and 1 (actors 0 and 1), taken over in the run's first week (the fee): 0 on
      // cash benefit in weeks 0-1, then self-supporting (its bonus, and its milestone a week
      // in); 1 on cash benefit in weeks 0-3.
      REQUIRE(a.members == std::vector<double>{1.0, 1.0});
      CHECK(a.cost_per_citizen[0] == Approx(2500 + 2 * 100 + 1000 + 700));
      CHECK(a.transfers_per_citizen[1] == Approx(4 * 2300));
    } else {
      // Citizen 2 (actor 0) enters cash benefit in week 2: its fee, two weeks' administration
      // and its project's week 2.
      REQUIRE(a.members == std::vector<double>{1.0, 0.0});
      CHECK(a.cost_per_citizen[0] == Approx(2500 + 2 * 100 + 50));
      CHECK(a.transfers_per_citizen[0] == Approx(2 * 2300));
    }
  }
}

namespace {
/// TinyWorld with two match groups: categories 0-1 job-ready (group 0), 2-5 not (group 1).
TinyWorld with_two_match_groups() {
  TinyWorld t;
  t.params.attributes.match_group_names = {"job_ready", "not_job_ready"};
  t.params.attributes.match_group_of = {0, 0, 1, 1, 1, 1};
  return t;
}

/// Everyone on cash benefit at any time in weeks 1-4, measured in week 5.
CohortSpec cash_benefit_period() {
  return cash_benefit_cohort(Kind::period, 1, 4, 5);
}
}  // namespace

TEST_CASE("members of many joining weeks brought up to date in parts split inside a week's run", "[unit]") {
  // Twelve citizens join an inflow cohort, four a week in weeks 1-3, and leave benefit in
  // weeks 2-6 (some in the measurement's week), some met before and after joining. The parts
  // split the members inside the second week's run, so the second part starts in the middle
  // of a run of joining weeks. Every measure must come out as one pass over all gives it.
  constexpr CitizenId kCitizens = 12;
  TinyWorld world(kCitizens);
  for (CitizenId i = 0; i < kCitizens; ++i) {
    world.pop.actor[i] = static_cast<std::uint8_t>(i % 2);
    world.pop.meetings[i] = static_cast<std::uint16_t>(i % 3);
    world.set(i, State::self_support);
  }
  const CohortSpec spec = cash_benefit_cohort(Kind::inflow, 1, 3, 6, 5);
  CohortTracker whole(world.params, spec), parts(world.params, spec, 2);
  std::vector<CaseCode> codes(kCitizens);
  std::vector<CitizenId> entrants;
  const auto move = [&](CitizenId i, State s, Week w) {
    world.pop.prev_state[i] = world.pop.state[i];
    world.set(i, s);
    world.pop.state_since[i] = static_cast<std::int16_t>(w);
    entrants.push_back(i);
  };
  for (Week w = 0; w <= 6; ++w) {
    entrants.clear();
    for (CitizenId i = 0; i < kCitizens; ++i) {
      const Week joins = 1 + static_cast<Week>(i / 4), leaves = joins + 1 + static_cast<Week>(i % 4);
      if (w == joins) move(i, State::cash_benefit, w);
      if (w == leaves && leaves <= 6) move(i, State::self_support, w);
      if (w == joins + 1) ++world.pop.meetings[i];
    }
    whole.observe(w, world.pop, kCitizens, &entrants);
    parts.admit(w, world.pop, kCitizens, &entrants);
    write_case_codes(world.pop, w, 0, kCitizens, codes.data());
    std::vector<double> first(parts.milestone_slots(), 0.0), second(parts.milestone_slots(), 0.0);
    const std::size_t split = std::min<std::size_t>(6, parts.members());  // inside week 2's run
    parts.update(w, world.pop, codes.data(), 0, split, 1, first.data());
    parts.update(w, world.pop, codes.data(), split, parts.members(), 0, second.data());
    parts.add_milestones(first.data());
    parts.add_milestones(second.data());
    parts.end_week(w);
  }
  const CohortOutcome a = whole.outcome(), b = parts.outcome();
  REQUIRE(a.members == std::vector<double>{6.0, 6.0});
  check_same_bits(a, b);
  // Actor 0's members (even ids) leave after 1, 3, 1, 3, 1 and 3 weeks (those of week 3 that
  // leave after 3 weeks do so in week 6, the measurement's): half after one week, all after three.
  CHECK(a.survival[1] == 0.5);
  CHECK(a.survival[2] == 0.5);
  CHECK(a.survival[3] == 0.0);
}

TEST_CASE("a case assessed in another match group on a later spell stays in the group it joined with", "[unit]") {
  // A period cohort and its two splits by match group, followed as one family. Citizen 0 is on
  // cash benefit when the window opens, in group 0; it leaves, and comes back in the window
  // assessed in group 1. It is a member of the whole cohort once, and of group 0's split only,
  // so the splits add up to the whole.
  TinyWorld t = with_two_match_groups();
  const CohortSpec whole = cash_benefit_period();
  CohortSpec ready = whole, others = whole;
  ready.groups = {true, false};
  others.groups = {false, true};
  CohortTracker tracker(t.params, {&whole, &ready, &others});
  auto enter = [&](CitizenId i, State s, std::uint8_t match, Week w) {
    t.set(i, s);
    t.pop.match[i] = match;
    t.pop.state_since[i] = static_cast<std::int16_t>(w);
  };
  enter(0, State::cash_benefit, 1, 0);
  enter(1, State::self_support, 1, 0);
  enter(2, State::sickness_benefit, 1, 0);
  std::vector<CitizenId> entrants;
  for (Week w = 0; w <= 5; ++w) {
    entrants.clear();
    if (w == 2) enter(0, State::self_support, 1, 2);
    if (w == 3) {
      enter(0, State::cash_benefit, 4, 3);  // back, in the other group
      enter(1, State::cash_benefit, 4, 3);  // a newcomer in the other group
      entrants = {0, 1};
    }
    tracker.observe(w, t.pop, 3, &entrants);
  }
  const double all = tracker.outcome(0).members[0], in_ready = tracker.outcome(1).members[0],
               in_others = tracker.outcome(2).members[0];
  CHECK(all == 2);
  CHECK(in_ready == 1);   // citizen 0, as it joined
  CHECK(in_others == 1);  // citizen 1 only
  CHECK(in_ready + in_others == all);
}

TEST_CASE("a cohort of one match group takes the same members alone as beside its whole cohort", "[unit]") {
  // Citizen 0 qualifies in group 0 when the window opens, leaves, and comes back in group 1:
  // the cohort of group 1 never takes it, followed alone or in a family with the whole cohort.
  TinyWorld t = with_two_match_groups();
  const CohortSpec whole = cash_benefit_period();
  CohortSpec others = whole;
  others.groups = {false, true};
  CohortTracker alone(t.params, others), beside(t.params, {&whole, &others});
  t.set(0, State::cash_benefit);
  t.pop.match[0] = 1;
  t.set(1, State::sickness_benefit);
  t.set(2, State::sickness_benefit);
  std::vector<CitizenId> entrants;
  for (Week w = 0; w <= 5; ++w) {
    entrants.clear();
    if (w == 2) t.set(0, State::self_support);
    if (w == 3) {
      t.set(0, State::cash_benefit);
      t.pop.match[0] = 4;
      t.pop.state_since[0] = 3;
      entrants = {0};
    }
    alone.observe(w, t.pop, 3, &entrants);
    beside.observe(w, t.pop, 3, &entrants);
  }
  CHECK(alone.outcome().members[0] == 0);
  CHECK(beside.outcome(1).members[0] == 0);
  CHECK(beside.outcome(0).members[0] == 1);
}

TEST_CASE("members' weeks counted at their changes come out as counted every week", "[unit]") {
  // 12,000 citizens of two actors and two match groups move at random between cash benefit,
  // sickness benefit, self-support and a flex job, start and end programmes, and now and then
  // change actor within a spell; the actors are paid a fee for each case and benefit is a
  // transfer. Each kind of cohort (with its splits by group) is followed by a tracker counting
  // every week and by one counting at changes, in two parts on two threads: a stock taken over
  // at the start, an inflow whose window reaches the measurement, and a period cohort of more
  // members than a chunk holds. Every measure must come out the same, bit for bit.
  constexpr CitizenId kCitizens = 12000;
  constexpr Week kMeasure = 9;
  TinyWorld world = with_two_match_groups();
  world.params.calendar.weeks = 12;
  world.params.actors[0].costs.fixed_fee_per_case = 2500;
  world.params.actors[1].costs.fixed_fee_per_case = 1800;
  world.params.transfer_per_week[index_of(State::cash_benefit)] = 2300;
  world.pop.resize(kCitizens);
  std::mt19937 draw(20261206);
  const auto pick = [&](std::uint32_t n) { return draw() % n; };
  const std::array<State, 4> states = {State::cash_benefit, State::sickness_benefit, State::self_support,
                                       State::flexjob};
  for (CitizenId i = 0; i < kCitizens; ++i) {
    world.set(i, states[pick(4)]);
    world.pop.prev_state[i] = kNoPreviousState;
    world.pop.state_since[i] = static_cast<std::int16_t>(-static_cast<int>(pick(5)));
    world.pop.actor[i] = static_cast<std::uint8_t>(pick(2));
    world.pop.match[i] = static_cast<std::uint8_t>(1 + pick(5));
    world.pop.activity_from[i] = world.pop.activity_to[i] = 32000;
  }
  struct Family {
    CohortSpec whole, ready, others;
  };
  std::vector<Family> families;
  for (const CohortSpec& spec : {cash_benefit_cohort(Kind::stock, 0, 0, kMeasure, 6),
                                 cash_benefit_cohort(Kind::inflow, 1, kMeasure, kMeasure, 6),
                                 cash_benefit_cohort(Kind::period, 2, 7, kMeasure, 6)}) {
    Family f{spec, spec, spec};
    f.ready.groups = {true, false};
    f.others.groups = {false, true};
    families.push_back(f);
  }
  using Counting = CohortTracker::Counting;
  std::vector<CohortTracker> every, changes;
  for (const Family& f : families) {
    every.emplace_back(world.params, std::vector<const CohortSpec*>{&f.whole, &f.ready, &f.others}, 1,
                       Counting::every_week);
    changes.emplace_back(world.params, std::vector<const CohortSpec*>{&f.whole, &f.ready, &f.others}, 2,
                         Counting::on_change);
    REQUIRE(changes.back().counts_on_change());
    REQUIRE_FALSE(every.back().counts_on_change());
  }
  std::vector<CaseCode> codes(kCitizens);
  std::vector<CitizenId> entrants;
  for (Week w = 0; w <= kMeasure + 1; ++w) {
    entrants.clear();
    if (w > 0)
      for (CitizenId i = 0; i < kCitizens; ++i) {
        if (pick(4) == 0) {  // a new spell
          const State to = states[pick(4)];
          if (to == world.pop.state_of(i)) continue;
          world.pop.prev_state[i] = world.pop.state[i];
          world.set(i, to);
          world.pop.state_since[i] = static_cast<std::int16_t>(w);
          world.pop.match[i] = static_cast<std::uint8_t>(1 + pick(5));
          entrants.push_back(i);
        } else if (pick(6) == 0) {  // a programme booked to run from now for a few weeks
          world.pop.activity[i] = static_cast<std::uint8_t>(1 + pick(kActivities - 1));
          world.pop.activity_from[i] = static_cast<std::int16_t>(w + static_cast<Week>(pick(2)));
          world.pop.activity_to[i] = static_cast<std::int16_t>(world.pop.activity_from[i] + 1 + pick(3));
        } else if (pick(10) == 0) {  // handed over to the other actor within the spell
          world.pop.actor[i] = static_cast<std::uint8_t>(1 - world.pop.actor[i]);
        }
        if (pick(3) == 0) ++world.pop.meetings[i];
      }
    write_case_codes(world.pop, w, 0, kCitizens, codes.data());
    for (std::size_t k = 0; k < families.size(); ++k) {
      every[k].observe(w, world.pop, kCitizens, &entrants);
      CohortTracker& parts = changes[k];
      parts.admit(w, world.pop, kCitizens, &entrants);
      std::vector<double> milestones(parts.milestone_slots(), 0.0);
      const std::size_t split = parts.members() / 3;
      parts.update(w, world.pop, codes.data(), 0, split, 1, milestones.data());
      parts.update(w, world.pop, codes.data(), split, parts.members(), 0, milestones.data());
      parts.end_week(w);
    }
  }
  CHECK(changes[2].members() > 4096);  // the period cohort's members fill more than a chunk
  for (std::size_t k = 0; k < families.size(); ++k)
    for (std::size_t c = 0; c < 3; ++c) {
      INFO(families[k].whole.name << " cohort " << c);
      const CohortOutcome a = every[k].outcome(c), b = changes[k].outcome(c);
      REQUIRE(a.members[0] + a.members[1] >= 5);
      check_same_bits(a, b);
    }
}

TEST_CASE("members' weeks are not counted on change where milestones are paid by the week", "[unit]") {
  TinyWorld t;
  t.params.actors[0].costs.milestones[index_of(State::self_support)] = {{1, 700.0}};
  const CohortSpec spec = cash_benefit_stock();
  CHECK_FALSE(CohortTracker(t.params, spec).counts_on_change());
  CHECK_THROWS_AS(CohortTracker(t.params, spec, 1, CohortTracker::Counting::on_change), std::logic_error);
  TinyWorld plain;
  CHECK(CohortTracker(plain.params, spec).counts_on_change());
}

TEST_CASE("a week brought up to date on change but not ended is an error, not a week lost", "[unit]") {
  TinyWorld t;
  for (CitizenId i = 0; i < 3; ++i) t.set(i, State::cash_benefit);
  const CohortSpec spec = cash_benefit_stock();
  CohortTracker tracker(t.params, spec);
  REQUIRE(tracker.counts_on_change());
  std::vector<CaseCode> codes(3);
  std::vector<double> milestones(tracker.milestone_slots(), 0.0);
  const auto bring_up_to = [&](Week w) {
    tracker.admit(w, t.pop, 3, nullptr);
    write_case_codes(t.pop, w, 0, 3, codes.data());
    tracker.update(w, t.pop, codes.data(), 0, tracker.members(), 0, milestones.data());
  };
  bring_up_to(0);
  tracker.end_week(0);
  bring_up_to(1);  // not ended
  CHECK_THROWS_AS(tracker.admit(2, t.pop, 3, nullptr), std::logic_error);
}
