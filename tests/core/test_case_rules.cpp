#include "almpsim/case_rules.hpp"

#include "almpsim/stock_split.hpp"

#include <array>
#include <cmath>

#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
// One actor meeting every 13 weeks, first meeting one week after a case opens, a 3-week
// course from week 3 of every new cash-benefit case, and a programme at every meeting.
std::string actor_with_course(const std::string& course_extra, int first_meeting_weeks = 1) {
  return test::two_state_scenario(R"(
[programmes.inhouse_project]
length_weeks = 10
wait_weeks = 2
[[actors]]
name = "centre"
first_meeting_weeks = )" + std::to_string(first_meeting_weeks) +
                                  R"(
meeting_interval_weeks = { cash_benefit = 13 }
activation_probability = 1.0
activation_mix = { inhouse_project = 1.0 }
immediate_activation = { states = ["cash_benefit"], delay_weeks = 3, length_weeks = 3, kind = "guidance")" +
                                  course_extra + R"( }
)");
}

/// `text` with its first `line` replaced by `with`.
std::string replaced(std::string text, const std::string& line, const std::string& with) {
  return text.replace(text.find(line), line.size(), with);
}

struct OneCase {
  Params params;
  RandomStreams rng{7, 0};
  Population pop;
  explicit OneCase(const test::TempDir& dir, const std::string& text)
      : params(load_scenario(dir.write("s.toml", text)).params) {
    pop = create_population(params, rng);
    pop.resize(1);
  }
  void open_case_in(Week week) { enter_state(params, rng, pop, 0, kNoPreviousState, State::cash_benefit, week); }
};
}  // namespace

TEST_CASE("without a follow-up the meeting after the immediate activation keeps the interval", "[unit]") {
  test::TempDir dir;
  OneCase c(dir, actor_with_course(""));
  c.open_case_in(10);
  CHECK(c.pop.activity_from[0] == 13);
  CHECK(c.pop.activity_to[0] == 16);
  CHECK(c.pop.next_meeting[0] == 11);
  const MeetingOutcome intake = hold_meeting(c.params, c.rng, c.pop, 0, 11);
  CHECK(intake.attended);
  CHECK(intake.started == Activity::none);  // the course is booked
  CHECK(c.pop.next_meeting[0] == 24);
}

TEST_CASE("a follow-up books the next meeting as the immediate activation ends", "[unit]") {
  test::TempDir dir;
  OneCase c(dir, actor_with_course(", follow_up_weeks = 1"));
  c.open_case_in(10);
  hold_meeting(c.params, c.rng, c.pop, 0, 11);
  CHECK(c.pop.next_meeting[0] == 17);  // the course runs in weeks 13-15
  // That meeting plans the next step; the meeting after it keeps the ordinary interval.
  const MeetingOutcome next_step = hold_meeting(c.params, c.rng, c.pop, 0, 17);
  CHECK(next_step.started == Activity::inhouse_project);
  CHECK(c.pop.activity_from[0] == 19);
  CHECK(c.pop.next_meeting[0] == 30);
}

TEST_CASE("a follow-up in a state without meetings is one meeting, not a meeting every week", "[unit]") {
  // Every meeting books the next one after its own week (no meetings: never), so that a case
  // falls due for a meeting in one week only.
  test::TempDir dir;
  OneCase c(dir, replaced(actor_with_course(", follow_up_weeks = 1"), "meeting_interval_weeks = { cash_benefit = 13 }",
                          "meeting_interval_weeks = { cash_benefit = 0 }"));
  c.open_case_in(10);
  CHECK(c.pop.next_meeting[0] == 17);  // only the follow-up, as the course (weeks 13-15) ends
  CHECK(hold_meeting(c.params, c.rng, c.pop, 0, 17).attended);
  CHECK(c.pop.next_meeting[0] == kNever);
}

TEST_CASE("the first meeting after the course plans the next step with its own chance", "[unit]") {
  test::TempDir dir;
  // activation_probability is 1 (actor_with_course): a next step of 0 starts nothing after
  // the course, and the meeting after that starts the programme again.
  OneCase c(dir, actor_with_course(", follow_up_weeks = 1, next_step_probability = 0.0"));
  c.open_case_in(10);
  hold_meeting(c.params, c.rng, c.pop, 0, 11);
  CHECK(hold_meeting(c.params, c.rng, c.pop, 0, 14).started == Activity::none);  // during the course
  CHECK(c.pop.next_meeting[0] == 17);
  CHECK(hold_meeting(c.params, c.rng, c.pop, 0, 17).started == Activity::none);  // the next step
  // (Held a week early: week 29 is the run's last, and a chance may change by week.)
  CHECK(hold_meeting(c.params, c.rng, c.pop, 0, 29).started == Activity::inhouse_project);

  // A no-show at the next step leaves it to the first meeting attended.
  OneCase sure(dir, actor_with_course(", follow_up_weeks = 1, next_step_probability = 1.0") +
                        "\n[actors.sanctions]\nno_show = 1.0\n");
  sure.open_case_in(10);
  CHECK_FALSE(hold_meeting(sure.params, sure.rng, sure.pop, 0, 17).attended);
  sure.params.actors[0].sanctions.no_show = 0.0;
  for (WeekSeries& chance : sure.params.actors[0].activation_probability) std::fill(chance.begin(), chance.end(), 0.0);
  CHECK(hold_meeting(sure.params, sure.rng, sure.pop, 0, 18).started == Activity::inhouse_project);
  CHECK(hold_meeting(sure.params, sure.rng, sure.pop, 0, 19).started == Activity::none);  // booked already
}

TEST_CASE("a follow-up brings forward a first meeting that would fall after the course", "[unit]") {
  test::TempDir dir;
  OneCase late(dir, actor_with_course(", follow_up_weeks = 0", 20));
  late.open_case_in(10);
  CHECK(late.pop.next_meeting[0] == 16);
  OneCase early(dir, actor_with_course(", follow_up_weeks = 0", 1));
  early.open_case_in(10);
  CHECK(early.pop.next_meeting[0] == 11);
}

TEST_CASE("an immediate activation is announced when the actor tells the citizen, never before the case", "[unit]") {
  test::TempDir dir;
  const std::string threat = "\n[programmes.guidance]\nthreat_effect = 1.3\n";
  OneCase at_registration(dir, actor_with_course("") + threat);
  at_registration.open_case_in(10);
  CHECK(at_registration.pop.activity_announced[0] == 10);
  OneCase told_late(dir, actor_with_course(", announced_weeks = 1") + threat);
  told_late.open_case_in(10);
  CHECK(told_late.pop.activity_announced[0] == 12);  // the course starts in week 13
  OneCase told_early(dir, actor_with_course(", announced_weeks = 8") + threat);
  told_early.open_case_in(10);
  CHECK(told_early.pop.activity_announced[0] == 10);
  // A programme a meeting starts is announced at that meeting.
  hold_meeting(told_late.params, told_late.rng, told_late.pop, 0, 17);
  CHECK(told_late.pop.activity_announced[0] == 17);
}

TEST_CASE("the first meetings of the initial stock are no-shows at the actor's rate", "[stat]") {
  // Spreading the stock's first meetings over the interval and the no-show test at that
  // meeting are separate draws: those whose first meeting falls in the first week are no
  // more likely to miss it than anyone else.
  test::TempDir dir;
  const double no_show = 0.1;  // no_show x interval = 1.3 >= 1
  const Params params = load_scenario(dir.write("s.toml", test::two_state_scenario(R"(
[[actors]]
name = "centre"
meeting_interval_weeks = { cash_benefit = 13 }
sanctions = { no_show = 0.1 }
)")),
                                      {"population.size=200000"})
                            .params;
  const RandomStreams rng(11, 0);
  Population pop = create_population(params, rng);
  const Week first = params.calendar.first();
  int held = 0, missed = 0;
  for (CitizenId i = 0; i < 200000; ++i) {
    open_initial_case(params, rng, pop, i, first);
    if (pop.next_meeting[i] != first) continue;
    ++held;
    missed += hold_meeting(params, rng, pop, i, first).attended ? 0 : 1;
  }
  REQUIRE(held > 10000);  // about 200,000 / 13
  const double share = double(missed) / held;
  const double se = std::sqrt(no_show * (1 - no_show) / held);
  CHECK(std::abs(share - no_show) < 5 * se);  // k = 5 standard errors, fixed seed
}

TEST_CASE("the next meeting comes at the early interval while the spell is young", "[unit]") {
  ActorSpec actor;
  actor.meeting_interval_weeks[index_of(State::ui_benefit)] = 13;
  CHECK(weeks_to_next_meeting(actor, State::ui_benefit, 0) == 13);
  actor.early_meetings = {2, 13};
  CHECK(weeks_to_next_meeting(actor, State::ui_benefit, 0) == 2);
  CHECK(weeks_to_next_meeting(actor, State::ui_benefit, 12) == 2);
  CHECK(weeks_to_next_meeting(actor, State::ui_benefit, 13) == 13);
  // Not in a state without meetings.
  CHECK(weeks_to_next_meeting(actor, State::cash_benefit, 0) == 0);
}

TEST_CASE("a course with intakes starts at the next intake, announced from the decision", "[unit]") {
  // The in-house project starts every 4 weeks from week 1 (weeks 1, 5, ..., 17, 21); the guidance
  // course of the immediate activation every 6 weeks from week 0 (weeks 12, 18).
  test::TempDir dir;
  const std::string wait = "wait_weeks = 2\n";
  const std::string text = replaced(actor_with_course(", follow_up_weeks = 1"), wait,
                                    wait + "intake_every_weeks = 4\nfirst_intake = 2020-01-13\n");
  OneCase c(dir, text + "[programmes.guidance]\nintake_every_weeks = 6\n");
  c.open_case_in(10);
  // Decided at registration for week 13 (the delay), it waits for week 18's intake.
  CHECK(c.pop.activity_announced[0] == 10);
  CHECK(c.pop.activity_from[0] == 18);
  CHECK(c.pop.activity_to[0] == 21);
  // The next step, decided in week 22 for week 24 (two weeks' wait), starts at week 25's intake.
  hold_meeting(c.params, c.rng, c.pop, 0, 11);
  CHECK(c.pop.next_meeting[0] == 22);
  CHECK(hold_meeting(c.params, c.rng, c.pop, 0, 22).started == Activity::inhouse_project);
  CHECK(c.pop.activity_announced[0] == 22);
  CHECK(c.pop.activity_from[0] == 25);
  CHECK(c.pop.activity_to[0] == 35);
}

TEST_CASE("a meeting reassesses the match category at its chance, before the next step", "[stat]") {
  // 4,000 provisional cases (no category); the caseworker assesses 30% of them as 4 and 10% as 5
  // at their first meeting. The shares are binomial: within 4 standard errors.
  test::TempDir dir;
  const std::string interval = "meeting_interval_weeks = { cash_benefit = 13 }\n";
  OneCase c(dir, replaced(actor_with_course(""), interval,
                          interval + "reassessment = { none = { \"4\" = 0.3, \"5\" = 0.1 } }\n"));
  constexpr int kCases = 4000;
  c.pop.resize(kCases);
  int fours = 0, fives = 0, flagged = 0;
  for (CitizenId i = 0; i < kCases; ++i) {
    enter_state(c.params, c.rng, c.pop, i, kNoPreviousState, State::cash_benefit, 10);
    REQUIRE(c.pop.match[i] == 0);
    const MeetingOutcome out = hold_meeting(c.params, c.rng, c.pop, i, 11);
    fours += c.pop.match[i] == 4;
    fives += c.pop.match[i] == 5;
    flagged += out.reassessed;
    CHECK(out.reassessed == (c.pop.match[i] != 0));
  }
  const auto within = [](int count, double p) {
    return std::abs(count - kCases * p) <= 4.0 * std::sqrt(kCases * p * (1 - p));
  };
  CHECK(within(fours, 0.3));
  CHECK(within(fives, 0.1));
  CHECK(flagged == fours + fives);
  // A case already assessed as 4 has no chances of its own: the next meeting leaves it.
  for (CitizenId i = 0; i < kCases; ++i)
    if (c.pop.match[i] == 4) CHECK_FALSE(hold_meeting(c.params, c.rng, c.pop, i, 24).reassessed);
}

TEST_CASE("a referred case is planned by the actor that takes it", "[unit]") {
  // The centre hands every case it meets to the provider, which meets every 8 weeks after 2.
  test::TempDir dir;
  OneCase c(dir, actor_with_course("") + R"(
[actors.referral]
to = "provider"
chance = 1.0
[[actors]]
name = "provider"
assignment = { rule = "random_share", share = 0.0 }
first_meeting_weeks = 2
meeting_interval_weeks = { cash_benefit = 8 }
)");
  c.open_case_in(10);
  const MeetingOutcome out = hold_meeting(c.params, c.rng, c.pop, 0, 11);
  CHECK(out.attended);
  CHECK(out.referred);
  CHECK(out.started == Activity::none);  // the taker plans the next step
  hand_over(c.params, c.pop, 0, c.params.actors[0].referral.to, 12);
  CHECK(c.pop.actor[0] == 1);
  CHECK(c.pop.next_meeting[0] == 14);
  CHECK(c.pop.activity[0] == static_cast<std::uint8_t>(Activity::guidance));  // its course runs on
}

TEST_CASE("a programme decided at a meeting with the least wait runs from the next week, its full length", "[unit]") {
  // The meeting comes after the week's moves: a start in the meeting's own week would lose it.
  test::TempDir dir;
  OneCase c(dir, replaced(actor_with_course(", follow_up_weeks = 1"), "wait_weeks = 2\n", "wait_weeks = 1\n"));
  c.open_case_in(10);
  hold_meeting(c.params, c.rng, c.pop, 0, 11);
  REQUIRE(hold_meeting(c.params, c.rng, c.pop, 0, 17).started == Activity::inhouse_project);
  CHECK(c.pop.activity_from[0] == 18);
  CHECK(c.pop.activity_to[0] == 28);  // ten weeks, 18 to 27
}

TEST_CASE("a case waiting for a place holds none, starts when given one, and gives it up when handed on", "[unit]") {
  test::TempDir dir;
  OneCase c(dir, actor_with_course("") + R"(
[[actors]]
name = "provider"
assignment = { rule = "random_share", share = 0.0 }
meeting_interval_weeks = { cash_benefit = 8 }
)");
  c.open_case_in(10);
  REQUIRE(hold_meeting(c.params, c.rng, c.pop, 0, 17).started == Activity::inhouse_project);
  CHECK(holds_place(c.pop, 0, 17));
  wait_for_place(c.pop, 0);
  CHECK(waiting_for_place(c.pop, 0));
  CHECK_FALSE(holds_place(c.pop, 0, 17));
  CHECK(c.pop.current_activity(0, 30) == Activity::none);
  CHECK(hold_meeting(c.params, c.rng, c.pop, 0, 18).started == Activity::none);  // it waits: no new plan
  const ProgrammeSpec& project = c.params.programmes[index_of(Activity::inhouse_project)];
  // A place free the week after the decision: the programme's own two-week wait still applies.
  start_from_list(project, c.pop, 0, 17);
  CHECK(c.pop.activity_from[0] == 19);
  CHECK(c.pop.activity_to[0] == 29);
  // A place free later: it starts the week after.
  wait_for_place(c.pop, 0);
  start_from_list(project, c.pop, 0, 25);
  CHECK(c.pop.activity_from[0] == 26);
  CHECK(holds_place(c.pop, 0, 25));
  wait_for_place(c.pop, 0);
  hand_over(c.params, c.pop, 0, 1, 26);
  CHECK(c.pop.activity_of(0) == Activity::none);
}

TEST_CASE("the facts looked up for an assignment give the actor all of a citizen's facts give", "[unit]") {
  using Kind = AssignmentRule::Kind;
  test::TempDir dir;
  Params params = load_scenario(dir.write("s.toml", test::two_state_scenario())).params;
  for (std::size_t k = 0; k < kMatchLevels; ++k) params.attributes.match_group_of[k] = static_cast<std::uint8_t>(k % 3);
  auto actor = [](Kind kind, double share = 0.0) {
    ActorSpec a;
    a.assignment.kind = kind;
    a.assignment.share = share;
    return a;
  };
  std::vector<std::vector<ActorSpec>> setups = {
      {actor(Kind::rest), actor(Kind::odd_birth_day)},
      {actor(Kind::even_birth_day), actor(Kind::rest)},
      {actor(Kind::random_share, 0.4), actor(Kind::rest)},
      {actor(Kind::random_share, 0.5), actor(Kind::rest)},
      {actor(Kind::area), actor(Kind::rest)},
      {actor(Kind::match_group), actor(Kind::rest)},
  };
  setups[3][0].assignment.areas = {true, false, true};
  setups[4][0].assignment.areas = {false, true, true};
  setups[5][0].assignment.groups = {true, false, true};
  // Citizens with every fact drawn, none of them shared with another's by construction.
  const RandomStreams rng(7, 0);
  Population pop;
  pop.resize(3000);
  for (CitizenId i = 0; i < 3000; ++i) {
    pop.birth_day[i] = static_cast<std::uint8_t>(1 + i % 31);
    pop.area[i] = static_cast<std::uint8_t>(i / 7 % 3);
    pop.match[i] = static_cast<std::uint8_t>(i / 5 % kMatchLevels);
  }
  for (std::size_t k = 0; k < setups.size(); ++k) {
    INFO("setup " << k);
    params.actors = setups[k];
    std::array<int, 2> served{};
    for (CitizenId i = 0; i < 3000; ++i) {
      AssignmentFacts all;
      all.birth_day = pop.birth_day[i];
      all.area = pop.area[i];
      all.match_group = match_group_of(params, pop, i);
      all.share_draw = share_draw_of(rng, i);
      const int a = assign_actor(params.actors, all, State::cash_benefit);
      REQUIRE(assign_actor(params.actors, assignment_facts(params, rng, pop, i), State::cash_benefit) == a);
      ++served[static_cast<std::size_t>(a)];
    }
    // Both actors take cases, so a fact left at its default would send some to the wrong one.
    CHECK(served[0] > 300);
    CHECK(served[1] > 300);
  }
}

TEST_CASE("a meeting reads its reassessment and referral words only where meeting_draws_read says a rule may",
          "[unit]") {
  // Two populations meet alike, one with every word drawn, the other with the words no rule
  // reads (by meeting_draws_read) set to 0: they must stay the same. With reassessment and
  // referral on, setting those words to 0 must change some meeting, or the test could not tell.
  for (const bool reassess_and_refer : {false, true}) {
    INFO("reassessment and referral: " << reassess_and_refer);
    std::vector<std::string> set{"population.size=3000", "replications=1"};
    if (reassess_and_refer) {
      set.push_back(R"(actors.jobcenter.reassessment={"2" = {"1" = 0.5}, "4" = {"3" = 0.3}})");
      set.push_back(R"(actors.agens.referral={to = "jobcenter", chance = 0.2})");
    }
    const Params p = test::shipped("two_actors_shock.toml", set);
    const MeetingDraws read = meeting_draws_read(p.actors);
    CHECK(read.reassessment == reassess_and_refer);
    CHECK(read.referral == reassess_and_refer);
    const RandomStreams rng(11, 0);
    Population all = create_population(p, rng);
    const auto citizens = static_cast<CitizenId>(p.population.size);
    for (CitizenId i = 0; i < citizens; ++i) open_initial_case(p, rng, all, i, 0);
    Population unread = all, zeroed = all;
    int differ_zeroed = 0;
    for (Week w = 1; w <= 3; ++w)
      for (CitizenId i = 0; i < citizens; ++i) {
        const MeetingWords words = meeting_words(rng, i, w);
        MeetingWords without = words;
        if (!read.reassessment) without.reassessment = 0;
        if (!read.referral) without.referral = 0;
        MeetingWords none = words;
        none.reassessment = none.referral = 0;
        const MeetingOutcome a = hold_meeting(p, all, i, w, words);
        const MeetingOutcome b = hold_meeting(p, unread, i, w, without);
        const MeetingOutcome c = hold_meeting(p, zeroed, i, w, none);
        CHECK((a.reassessed == b.reassessed && a.referred == b.referred && a.started == b.started &&
               a.attended == b.attended && a.sanctioned == b.sanctioned));
        differ_zeroed += a.reassessed != c.reassessed || a.referred != c.referred;
      }
    CHECK((all.match == unread.match));
    CHECK((all.activity == unread.activity));
    CHECK((all.activity_from == unread.activity_from));
    CHECK((all.next_meeting == unread.next_meeting));
    CHECK((differ_zeroed > 0) == reassess_and_refer);
  }
}
