#include "almpsim/actors.hpp"

#include <algorithm>
#include <cmath>

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

TEST_CASE("an assignment reads the facts its rules look at and no others", "[unit]") {
  using Kind = AssignmentRule::Kind;
  auto read = [](std::vector<ActorSpec> actors) {
    const FactsRead r = facts_read(actors);
    return std::array<bool, 4>{r.birth_day, r.area, r.match_group, r.share_draw};
  };
  using Read = std::array<bool, 4>;  // birth day, area, match group, share draw
  CHECK(read({actor_with(Kind::rest)}) == Read{false, false, false, false});
  CHECK(read({actor_with(Kind::odd_birth_day), actor_with(Kind::rest)}) == Read{true, false, false, false});
  CHECK(read({actor_with(Kind::even_birth_day), actor_with(Kind::rest)}) == Read{true, false, false, false});
  CHECK(read({actor_with(Kind::random_share, 0.4), actor_with(Kind::rest)}) == Read{false, false, false, true});
  std::vector<ActorSpec> sites = {actor_with(Kind::random_share, 0.4), actor_with(Kind::rest)};
  sites[0].assignment.areas = {true, false};
  CHECK(read(sites) == Read{false, true, false, true});
  CHECK(read({actor_with(Kind::area), actor_with(Kind::rest)}) == Read{false, true, false, false});
  CHECK(read({actor_with(Kind::match_group), actor_with(Kind::rest)}) == Read{false, false, true, false});
}
