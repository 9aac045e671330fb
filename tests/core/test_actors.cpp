#include "almpsim/actors.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "support/catch.hpp"

using namespace almpsim;

namespace {
ActorSpec actor_with(AssignmentRule::Kind kind, double share = 0.0) {
  ActorSpec a;
  a.assignment.kind = kind;
  a.assignment.share = share;
  return a;
}
}  // namespace

TEST_CASE("odd birth days go to the provider and everyone else to the rest actor", "[unit]") {
  // domain.md 4.1: "Odd vs even day of birth; default birth dates 1.1 and 15.1 go to the odd arm."
  std::vector<ActorSpec> actors = {actor_with(AssignmentRule::Kind::rest),
                                   actor_with(AssignmentRule::Kind::odd_birth_day)};
  for (int day = 1; day <= 31; ++day) {
    AssignmentFacts f;
    f.birth_day = day;
    CHECK(assign_actor(actors, f, State::cash_benefit) == (day % 2 == 1 ? 1 : 0));
  }
}

TEST_CASE("exempt case types stay with the rest actor", "[unit]") {
  // domain.md 4.1: "Some case types are exempt and stay in the control arm: revalidering, ..."
  std::vector<ActorSpec> actors = {actor_with(AssignmentRule::Kind::rest),
                                   actor_with(AssignmentRule::Kind::odd_birth_day)};
  actors[1].assignment.except_states[index_of(State::rehabilitation)] = true;
  AssignmentFacts f;
  f.birth_day = 15;
  CHECK(assign_actor(actors, f, State::cash_benefit) == 1);
  CHECK(assign_actor(actors, f, State::rehabilitation) == 0);
}

TEST_CASE("random shares split the unit interval in actor order", "[unit]") {
  std::vector<ActorSpec> actors = {actor_with(AssignmentRule::Kind::random_share, 0.2),
                                   actor_with(AssignmentRule::Kind::random_share, 0.3),
                                   actor_with(AssignmentRule::Kind::rest)};
  std::array<int, 3> count{};
  const int n = 100000;
  for (int k = 0; k < n; ++k) {
    AssignmentFacts f;
    f.share_draw = (k + 0.5) / n;
    ++count[static_cast<std::size_t>(assign_actor(actors, f, State::cash_benefit))];
  }
  CHECK(count[0] == 20000);
  CHECK(count[1] == 30000);
  CHECK(count[2] == 50000);
}

TEST_CASE("random shares limited to areas split each area's unit interval apart", "[unit]") {
  // Two sites: site 0 draws 0.5 for its trial arm, site 1 draws 0.2 and then 0.3; each site's
  // control takes the rest of it.
  std::vector<ActorSpec> actors = {actor_with(AssignmentRule::Kind::random_share, 0.5),
                                   actor_with(AssignmentRule::Kind::random_share, 0.2),
                                   actor_with(AssignmentRule::Kind::random_share, 0.3),
                                   actor_with(AssignmentRule::Kind::area), actor_with(AssignmentRule::Kind::rest)};
  actors[0].assignment.areas = {true, false};
  actors[1].assignment.areas = {false, true};
  actors[2].assignment.areas = {false, true};
  actors[3].assignment.areas = {true, false};
  std::array<std::array<int, 5>, 2> count{};
  const int n = 100000;
  for (int area = 0; area < 2; ++area)
    for (int k = 0; k < n; ++k) {
      AssignmentFacts f;
      f.area = area;
      f.share_draw = (k + 0.5) / n;
      ++count[static_cast<std::size_t>(area)][static_cast<std::size_t>(assign_actor(actors, f, State::cash_benefit))];
    }
  CHECK(count[0] == std::array<int, 5>{50000, 0, 0, 50000, 0});
  CHECK(count[1] == std::array<int, 5>{0, 20000, 30000, 0, 50000});
}

TEST_CASE("assignment by area and by match group", "[unit]") {
  std::vector<ActorSpec> actors = {actor_with(AssignmentRule::Kind::area),
                                   actor_with(AssignmentRule::Kind::match_group),
                                   actor_with(AssignmentRule::Kind::rest)};
  actors[0].assignment.areas = {false, true};
  actors[1].assignment.groups = {false, true};
  AssignmentFacts f;
  f.area = 1;
  CHECK(assign_actor(actors, f, State::cash_benefit) == 0);
  f.area = 0;
  f.match_group = 1;
  CHECK(assign_actor(actors, f, State::cash_benefit) == 1);
  f.match_group = 0;
  CHECK(assign_actor(actors, f, State::cash_benefit) == 2);
}

TEST_CASE("fractional capacity carries over between weeks", "[unit]") {
  double carry = 0.0;
  std::size_t total = 0;
  for (int w = 0; w < 10; ++w) total += take_capacity(2.5, carry);
  CHECK(total == 25);
  CHECK(take_capacity(INFINITY, carry) > 1000000);
}

TEST_CASE("meeting capacity is caseworkers times meetings per caseworker times ramp-up times group size", "[unit]") {
  ActorSpec a;
  a.caseworkers[index_of(State::cash_benefit)] = {10.0, 10.0};
  a.meetings_per_caseworker_week = 4.0;
  a.ramp_up = {0.5, 1.0};
  CHECK(meeting_capacity(a, State::cash_benefit, 0) == 20.0);
  CHECK(meeting_capacity(a, State::cash_benefit, 1) == 40.0);
  CHECK(std::isinf(meeting_capacity(a, State::sickness_benefit, 0)));
  a.group_meetings = 6;  // a group meeting sees six citizens in one caseworker slot
  CHECK(meeting_capacity(a, State::cash_benefit, 1) == 240.0);
}

TEST_CASE("company contact scales the supply of employer-linked programmes", "[unit]") {
  PerActivity<ProgrammeSpec> programmes{};
  programmes[index_of(Activity::company_internship)].employer_linked = true;
  ActorSpec a;
  PerActivity<double> mix{};
  mix[index_of(Activity::company_internship)] = 0.5;
  mix[index_of(Activity::guidance)] = 0.5;
  a.activation_mix = {mix};
  auto internship_share = [&](double contact) {
    int n = 0;
    for (int k = 0; k < 10000; ++k)
      n += choose_activity(a, programmes, 0, contact, (k + 0.5) / 10000) == Activity::company_internship;
    return n / 10000.0;
  };
  CHECK(internship_share(1.0) == Approx(0.5).margin(1e-4));
  CHECK(internship_share(0.25) == Approx(0.2).margin(1e-4));  // 0.125 / (0.125 + 0.5)
  CHECK(internship_share(0.0) == 0.0);
}

TEST_CASE("the facts an assignment leaves unread never change whom it assigns", "[unit]") {
  using Kind = AssignmentRule::Kind;
  std::vector<std::vector<ActorSpec>> setups = {
      {actor_with(Kind::rest)},
      {actor_with(Kind::rest), actor_with(Kind::odd_birth_day)},
      {actor_with(Kind::even_birth_day), actor_with(Kind::rest)},
      {actor_with(Kind::random_share, 0.4), actor_with(Kind::rest)},
      {actor_with(Kind::random_share, 0.4), actor_with(Kind::random_share, 0.6)},
      {actor_with(Kind::area), actor_with(Kind::rest)},
      {actor_with(Kind::match_group), actor_with(Kind::rest)},
  };
  setups[4][0].assignment.areas = {true, false, true};
  setups[4][1].assignment.areas = {false, true, true};
  setups[5][0].assignment.areas = {false, true, true};
  setups[6][0].assignment.groups = {true, false, true};
  setups[1][1].assignment.except_states[index_of(State::rehabilitation)] = true;
  const std::array<FactsRead, 7> expected = {FactsRead{},
                                             FactsRead{true, false, false, false},
                                             FactsRead{true, false, false, false},
                                             FactsRead{false, false, false, true},
                                             FactsRead{false, true, false, true},
                                             FactsRead{false, true, false, false},
                                             FactsRead{false, false, true, false}};
  std::mt19937 g(5);
  for (std::size_t k = 0; k < setups.size(); ++k) {
    INFO("setup " << k);
    const FactsRead read = facts_read(setups[k]);
    CHECK(read.birth_day == expected[k].birth_day);
    CHECK(read.area == expected[k].area);
    CHECK(read.match_group == expected[k].match_group);
    CHECK(read.share_draw == expected[k].share_draw);
    std::set<int> assigned;
    for (int n = 0; n < 2000; ++n) {
      AssignmentFacts all;
      all.birth_day = 1 + static_cast<int>(g() % 31);
      all.area = static_cast<int>(g() % 3);
      all.match_group = static_cast<int>(g() % 3);
      all.share_draw = std::uniform_real_distribution<double>(0.0, 1.0)(g);
      AssignmentFacts looked_up;  // what facts_of fills: the read facts, defaults elsewhere
      if (read.birth_day) looked_up.birth_day = all.birth_day;
      if (read.area) looked_up.area = all.area;
      if (read.match_group) looked_up.match_group = all.match_group;
      if (read.share_draw) looked_up.share_draw = all.share_draw;
      for (const State s : {State::cash_benefit, State::rehabilitation}) {
        const int a = assign_actor(setups[k], all, s);
        REQUIRE(a == assign_actor(setups[k], looked_up, s));
        assigned.insert(a);
      }
    }
    // Every setup but the lone actor sends cases to both of its actors.
    CHECK(assigned.size() == std::min<std::size_t>(2, setups[k].size()));
  }
}
