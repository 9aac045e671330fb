// Programme places: a decision beyond an actor's places waits on its list, and the list moves
// as places free, in the order decided.

#include "almpsim/case_rules.hpp"
#include "almpsim/engine.hpp"
#include "almpsim/programme_places.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;
using test::cell;
using test::same_bits;

namespace {

// 100 citizens on cash benefit meet every week; every meeting not in guidance decides on it.
std::string weekly_guidance(double exit_hazard, double no_show = 0.0) {
  return R"(
start = 2020-01-06
weeks = 30
burn_in_weeks = 0
seed = 7
[population]
size = 100
state_shares = { cash_benefit = 1.0 }
[hazards.cash_benefit.self_support]
baseline = )" +
         std::to_string(exit_hazard) +
         R"(
[programmes.guidance]
length_weeks = 4
wait_weeks = 1
[[actors]]
name = "centre"
first_meeting_weeks = 1
meeting_interval_weeks = { cash_benefit = 1 }
activation_probability = 1.0
activation_mix = { guidance = 1.0 }
sanctions = { no_show = )" +
         std::to_string(no_show) + R"(, rate = 1.0, exit_share = 1.0 }
programme_places = { guidance = 10 }
)";
}
}  // namespace

TEST_CASE("a list is served in the order decided, passing over the cases that left it", "[unit]") {
  test::TempDir dir;
  const Params p = load_scenario(dir.write("s.toml", weekly_guidance(0.0))).params;
  const RandomStreams rng(7, 0);
  Population pop = create_population(p, rng);
  pop.resize(4);
  for (CitizenId i = 0; i < 4; ++i) enter_state(p, rng, pop, i, kNoPreviousState, State::cash_benefit, 0);
  ProgrammePlaces places(p);
  REQUIRE(places.limited());
  const int guidance = index_of(Activity::guidance);
  std::vector<std::int32_t> all_held(p.actors.size() * kActivities, 0);
  all_held[static_cast<std::size_t>(guidance)] = 10;
  places.open_week();
  places.count_held(all_held);  // all ten places held: every decision waits
  const CitizenId decided[4] = {2, 0, 3, 1};
  for (Week w = 3; w < 7; ++w) {
    const CitizenId i = decided[w - 3];
    REQUIRE(hold_meeting(p, rng, pop, i, w).started == Activity::guidance);
    places.take_place(pop, i);
    CHECK(waiting_for_place(pop, i));
  }
  enter_state(p, rng, pop, 0, pop.state[0], State::self_support, 7);  // leaves the list
  // Week 8: two places free.
  all_held[static_cast<std::size_t>(guidance)] = 8;
  places.open_week();
  places.count_held(all_held);
  std::vector<CitizenId> started;
  places.serve_lists(pop, 8, started);
  CHECK(started == std::vector<CitizenId>{2, 3});  // the longest waiting, in their order
  CHECK_FALSE(waiting_for_place(pop, 2));
  CHECK_FALSE(waiting_for_place(pop, 3));
  CHECK(waiting_for_place(pop, 1));
  CHECK(pop.activity_from[2] == 9);
  places.prune_lists(pop);
  CHECK(places.waiting(0, guidance) == 1);
}

TEST_CASE("a course with ten places runs in batches of ten, the rest waiting in the order decided", "[unit]") {
  test::TempDir dir;
  const Params p = load_scenario(dir.write("s.toml", weekly_guidance(0.0))).params;
  const auto r = run_monte_carlo(p, {}).front();
  const int guidance = index_of(Activity::guidance);
  // Week 0: all 100 meet; ten take the places (weeks 1-4), 90 wait. In week 4 the places are
  // free for week 5: the next ten start, 80 wait. In week 5 the first ten meet again, out of
  // their course, and join the end of the list: 90. And so on every four weeks.
  for (Week w = 0; w < p.calendar.weeks; ++w) {
    INFO("week " << w);
    CHECK(r.activity_occupancy[cell(p, w, 0, guidance, kActivities)] == (w == 0 ? 0 : 10));
    CHECK(r.waiting_for_place[cell(p, w, 0, guidance, kActivities)] == (w >= 4 && w % 4 == 0 ? 80 : 90));
  }
}

TEST_CASE("no place stays empty while a case waits, when people leave at random or are sanctioned off", "[unit]") {
  // Leaving during the week frees a place for the week after; so does a sanction at a meeting
  // (a no-show ends the spell), served after the meetings.
  for (const double no_show : {0.0, 0.05}) {
    test::TempDir dir;
    const Params p = load_scenario(dir.write("s.toml", weekly_guidance(0.05, no_show))).params;
    const auto r = run_monte_carlo(p, {}).front();
    const int guidance = index_of(Activity::guidance), cash = index_of(State::cash_benefit);
    int checked = 0, left = 0;
    for (Week w = 0; w + 1 < p.calendar.weeks; ++w) {
      INFO("no_show " << no_show << ", week " << w);
      const std::int32_t in_course = r.activity_occupancy[cell(p, w + 1, 0, guidance, kActivities)];
      const std::int32_t waiting = r.waiting_for_place[cell(p, w, 0, guidance, kActivities)];
      CHECK(in_course <= 10);
      // Everyone waiting or in the course is a case on benefit next week.
      CHECK(waiting + in_course <= r.occupancy[cell(p, w + 1, 0, cash, kStates)]);
      left += r.exits[cell(p, w, 0, cash, kStates)];
      // Every place held after week w runs in week w + 1 (a one-week wait, no intakes).
      if (waiting > 0) {
        CHECK(in_course == 10);
        ++checked;
      }
    }
    CHECK(checked > 10);
    CHECK(left > 30);  // places were freed by people leaving mid-course
  }
}

TEST_CASE("places that are never all taken change nothing", "[unit]") {
  const std::vector<std::string> base = {"replications=2", "population.size=1500"};
  std::vector<std::string> ample = base;
  ample.push_back("actors.outreach.programme_places={ company_internship = 100000, inhouse_project = 100000 }");
  const auto a = run_monte_carlo(test::shipped("copenhagen_outreach.toml", base), {});
  const auto b = run_monte_carlo(test::shipped("copenhagen_outreach.toml", ample), {});
  for (std::size_t k = 0; k < a.size(); ++k) {
    CHECK(same_bits(a[k].occupancy, b[k].occupancy));
    CHECK(same_bits(a[k].activity_occupancy, b[k].activity_occupancy));
    CHECK(same_bits(a[k].cost_accounts, b[k].cost_accounts));
    CHECK(same_bits(a[k].waiting_for_place, b[k].waiting_for_place));  // all zero
  }
  const auto c = run_monte_carlo(
      test::shipped("copenhagen_outreach.toml", {"replications=2", "population.size=1500",
                                                 "actors.outreach.programme_places={ company_internship = 5 }"}),
      {});
  CHECK_FALSE(same_bits(a[0].activity_occupancy, c[0].activity_occupancy));
}

TEST_CASE(
    "the programme count kept from the cases' changes agrees with the register's spells where places are few, "
    "cases are sanctioned off benefit and handed to another actor",
    "[unit]") {
  // Half the cases with an actor whose ten course places fill up, who sanctions missed meetings
  // off benefit and hands a fifth of the cases it meets to an actor without places limits. With
  // the register kept the engine also checks the kept count against the week's case codes every
  // week (a difference stops the run); the activity spells count it again, independently.
  test::TempDir dir;
  std::string text = weekly_guidance(0.05, 0.1);
  text.replace(text.find("name = \"centre\"\n"), std::string("name = \"centre\"\n").size(),
               "name = \"centre\"\nassignment = { rule = \"random_share\", share = 0.5 }\n"
               "referral = { to = \"other\", chance = 0.2 }\n");
  text += R"(
[[actors]]
name = "other"
assignment = { rule = "rest" }
first_meeting_weeks = 1
meeting_interval_weeks = { cash_benefit = 2 }
activation_probability = 0.5
activation_mix = { guidance = 1.0 }
)";
  Params p = load_scenario(dir.write("s.toml", text), {"population.size=400"}).params;
  p.run.register_spells = true;
  for (const int threads : {1, 2}) {
    INFO(threads << " threads");
    const auto r = run_monte_carlo(p, {threads}).front();
    const std::size_t weeks = static_cast<std::size_t>(p.calendar.weeks), actors = p.actors.size();
    std::vector<std::int32_t> activity(r.activity_occupancy.size(), 0);
    std::int64_t in_programmes = 0, with_other = 0;
    for (const Spell& s : r.spells)
      if (p.on_benefit[s.state])
        for (Week w = s.first_week; w <= s.last_week; ++w) {
          ++activity[(static_cast<std::size_t>(w) * actors + s.actor) * kActivities + s.activity];
          in_programmes += s.activity != index_of(Activity::none);
          with_other += s.actor == 1 && s.activity != index_of(Activity::none);
        }
    CHECK(activity == r.activity_occupancy);
    CHECK(r.activity_occupancy.size() == weeks * actors * kActivities);
    // Programmes run with both actors, places ran short, and cases left benefit at meetings.
    CHECK(in_programmes > 500);
    CHECK(with_other > 100);
    std::int32_t waited = 0, sanctioned_off = 0;
    for (const std::int32_t n : r.waiting_for_place) waited = std::max(waited, n);
    for (const std::int32_t n : r.moved_to_self_support) sanctioned_off += n;
    CHECK(waited > 10);
    CHECK(sanctioned_off > 10);
    // Nobody flows in or comes back to cash benefit: every entry to the other actor's is a case
    // handed over.
    std::int32_t handed_over = 0;
    for (std::size_t w = 0; w < weeks; ++w)
      handed_over += r.entries[(w * actors + 1) * kStates + index_of(State::cash_benefit)];
    CHECK(handed_over > 10);
  }
}
