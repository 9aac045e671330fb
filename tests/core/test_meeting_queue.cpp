// A team's queue of meetings kept from week to week holds the meetings that listing everyone
// due every week and selecting from the whole list would hold, in that order.
#include "../../sim/core/meeting_queue.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "support/catch.hpp"

using namespace almpsim;

namespace {

/// The rule over a whole week's list (in citizen order): under a caseload cap the longest
/// overdue are held first, ties by citizen id, so the choice never depends on how the list
/// was built; when the capacity covers everyone, all are held in the list's order. Returns
/// the meetings held, in the order held.
std::vector<DueMeeting> reference_selection(std::vector<DueMeeting> due, std::size_t capacity) {
  if (capacity >= due.size()) return due;
  std::sort(due.begin(), due.end(), [](const DueMeeting& a, const DueMeeting& b) {
    return a.due != b.due ? a.due < b.due : a.citizen < b.citizen;
  });
  due.resize(capacity);
  return due;
}

/// One team's cases: each citizen's next meeting, changed by moves and meetings as the engine's
/// rules change it (always to a week after the current one).
struct Team {
  std::vector<Week> next_meeting;
  std::uint64_t x;
  std::uint64_t next() { return (x = x * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; }
};

struct Coverage {
  std::size_t over_capacity = 0, no_capacity = 0, all_held_after_waiting = 0;
};

/// Runs `weeks` weeks with the queue and with a full list each week, and checks they agree.
Coverage run_weeks(std::size_t citizens, int weeks, std::uint64_t seed, int move_per_mille, std::size_t max_capacity,
                   int catch_up_every) {
  Team team{std::vector<Week>(citizens), seed};
  for (Week& w : team.next_meeting) w = static_cast<Week>(team.next() % 10);
  MeetingQueue queue;
  std::vector<DueMeeting> fresh, held;
  Coverage seen;
  for (Week w = 0; w < weeks; ++w) {
    // The week's moves: a case that moves on gets a meeting after this week.
    std::size_t left = 0;
    fresh.clear();
    for (CitizenId i = 0; i < citizens; ++i) {
      Week& due = team.next_meeting[i];
      if (static_cast<int>(team.next() % 1000) < move_per_mille) {
        left += due < w;
        due = w + 1 + static_cast<Week>(team.next() % 6);
      }
      if (due == w) fresh.push_back({i, w});
    }
    // The full list, as the engine built it before: everyone due, in citizen order.
    std::vector<DueMeeting> full;
    for (CitizenId i = 0; i < citizens; ++i)
      if (team.next_meeting[i] <= w) full.push_back({i, team.next_meeting[i]});
    queue.forget(left);
    REQUIRE(queue.overdue() + fresh.size() == full.size());
    // Now and then the team catches up with all it owes.
    const bool catch_up = w % catch_up_every == catch_up_every - 1;
    const std::size_t capacity = catch_up ? full.size() : team.next() % (max_capacity + 1);
    const std::vector<DueMeeting> expected = reference_selection(full, capacity);
    const bool waited = queue.overdue() > 0;
    // The list may already hold another team's meetings: the take appends after them.
    const std::vector<DueMeeting> before(team.next() % 4, DueMeeting{static_cast<CitizenId>(citizens), w});
    held = before;
    const std::size_t taken = queue.take(
        fresh, capacity, [&](const DueMeeting& d) { return team.next_meeting[d.citizen] == d.due; }, held);
    INFO("week " << w << ", " << expected.size() << " held of " << full.size());
    REQUIRE(taken == expected.size());
    REQUIRE(held.size() == before.size() + expected.size());
    for (std::size_t k = 0; k < before.size(); ++k) REQUIRE(held[k].citizen == citizens);
    held.erase(held.begin(), held.begin() + static_cast<std::ptrdiff_t>(before.size()));
    for (std::size_t k = 0; k < held.size(); ++k) {
      REQUIRE(held[k].citizen == expected[k].citizen);
      REQUIRE(held[k].due == expected[k].due);
    }
    seen.over_capacity += expected.size() < full.size();
    seen.no_capacity += capacity == 0 && !full.empty();
    seen.all_held_after_waiting += expected.size() == full.size() && waited;
    // The meetings held book the next one, after this week.
    for (const DueMeeting& d : held) team.next_meeting[d.citizen] = w + 1 + static_cast<Week>(team.next() % 8);
  }
  return seen;
}

/// 20,000 cases fall due in week 0 and none is ever met; in each of weeks 1 to 9, 2,000 of them
/// move on (their next meeting booked far ahead, so their entries die).
struct DeadEntriesWeeks {
  std::vector<Week> next_meeting = std::vector<Week>(20000, 0);

  bool still_due(const DueMeeting& d) const { return next_meeting[d.citizen] == d.due; }

  /// Weeks 0 to 9 through `queue`, with no capacity: nothing is held.
  template <class StillDue, class AskAhead>
  void run(MeetingQueue& queue, const StillDue& still_due, const AskAhead& ask_ahead) {
    std::vector<DueMeeting> fresh, held;
    for (CitizenId i = 0; i < next_meeting.size(); ++i) fresh.push_back({i, 0});
    REQUIRE(queue.take(fresh, 0, still_due, held, ask_ahead) == 0);
    for (Week w = 1; w <= 9; ++w) {
      for (CitizenId i = static_cast<CitizenId>(w - 1) * 2000; i < static_cast<CitizenId>(w) * 2000; ++i)
        next_meeting[i] = 1000;
      queue.forget(2000);
      REQUIRE(queue.take({}, 0, still_due, held, ask_ahead) == 0);
    }
  }
};

}  // namespace

TEST_CASE("the reference rule holds the longest overdue first, ties by citizen id", "[unit]") {
  const std::vector<DueMeeting> due = {{1, 6}, {3, 5}, {4, 4}, {7, 5}, {9, 2}};
  const std::vector<DueMeeting> held = reference_selection(due, 3);
  REQUIRE(held.size() == 3);
  CHECK(held[0].citizen == 9);  // due in week 2
  CHECK(held[1].citizen == 4);  // week 4
  CHECK(held[2].citizen == 3);  // week 5, lower id than 7
  CHECK(reference_selection(due, 10).size() == 5);
}

TEST_CASE("a team's queue holds the meetings a full list would, week after week", "[unit]") {
  SECTION("a few cases, capacity often short, sometimes none") {
    const Coverage seen = run_weeks(40, 300, 7, 50, 8, 7);
    CHECK(seen.over_capacity > 100);
    CHECK(seen.no_capacity > 10);
    CHECK(seen.all_held_after_waiting > 10);
  }
  SECTION("many cases, many moving on") {
    const Coverage seen = run_weeks(30000, 60, 11, 200, 600, 25);
    CHECK(seen.over_capacity > 40);
  }
}

TEST_CASE("dead entries are cleared once they outnumber the live ones", "[unit]") {
  DeadEntriesWeeks weeks;
  const auto still_due = [&](const DueMeeting& d) { return weeks.still_due(d); };
  std::vector<DueMeeting> held;
  MeetingQueue queue;
  weeks.run(queue, still_due, AskNothingAhead{});
  CHECK(queue.overdue() == 2000);
  // Cleared in week 7 (14,000 dead against 6,000 live, more than 4,096 apart), so only the
  // deaths of weeks 8 and 9 are kept, not all 18,000.
  CHECK(queue.stored() == 2000 + 4000);
  // What is left is the 2,000 live, in order, once the capacity allows.
  REQUIRE(queue.take({}, 5000, still_due, held) == 2000);
  CHECK(held.front().citizen == 18000);
  CHECK(held.back().citizen == 19999);
}

TEST_CASE("a queue asks ahead for entries it holds, before it tests them", "[unit]") {
  // The dead-entries weeks again, with both calls recorded: the prefetch hook must name entries
  // the queue holds (never one past its end) and, here, only ones it then tests.
  DeadEntriesWeeks weeks;
  std::vector<int> tested(weeks.next_meeting.size(), 0), asked(weeks.next_meeting.size(), 0);
  const auto still_due = [&](const DueMeeting& d) {
    ++tested.at(d.citizen);
    return weeks.still_due(d);
  };
  const auto ask_ahead = [&](const DueMeeting& d) { ++asked.at(d.citizen); };
  const auto check_asked_then_tested = [&] {
    for (CitizenId i = 0; i < asked.size(); ++i)
      if (asked[i] > tested[i]) FAIL("citizen " << i << " asked for " << asked[i] << " times, tested " << tested[i]);
  };
  MeetingQueue queue;
  weeks.run(queue, still_due, ask_ahead);
  const auto asks = [&] { return std::count_if(asked.begin(), asked.end(), [](int n) { return n > 0; }); };
  CHECK(asks() > 14000);  // the clearing of the dead in week 7 walked 20,000 entries
  check_asked_then_tested();
  // The last week's walk takes the 2,000 live past the 4,000 dead of weeks 8 and 9.
  std::fill(asked.begin(), asked.end(), 0);
  std::fill(tested.begin(), tested.end(), 0);
  const std::size_t stored = queue.stored();
  std::vector<DueMeeting> held;
  REQUIRE(queue.take({}, 5000, still_due, held, ask_ahead) == 2000);
  CHECK(held.front().citizen == 18000);
  CHECK(static_cast<std::size_t>(asks()) > stored / 2);
  check_asked_then_tested();
}

TEST_CASE("a queue at its edges", "[unit]") {
  std::vector<Week> next_meeting(10, 100);
  const auto still_due = [&](const DueMeeting& d) { return next_meeting[d.citizen] == d.due; };
  MeetingQueue queue;
  std::vector<DueMeeting> held;
  // Week 1: three fall due, none can be met.
  for (CitizenId i : {2u, 5u, 8u}) next_meeting[i] = 1;
  CHECK(queue.take({{2, 1}, {5, 1}, {8, 1}}, 0, still_due, held) == 0);
  CHECK(held.empty());
  CHECK(queue.overdue() == 3);
  // Week 2: all three move on (their entries die) and one new case falls due.
  for (CitizenId i : {2u, 5u, 8u}) next_meeting[i] = 4;
  queue.forget(3);
  next_meeting[3] = 2;
  CHECK(queue.take({{3, 2}}, 5, still_due, held) == 1);
  REQUIRE(held.size() == 1);
  CHECK(held[0].citizen == 3);
  CHECK(queue.overdue() == 0);
  CHECK(queue.stored() == 0);
  // A queue cannot lose more cases than it holds.
  CHECK_THROWS_AS(queue.forget(1), std::logic_error);
}

TEST_CASE("a queue appends what it takes, leaving what the list held before", "[unit]") {
  std::vector<Week> next_meeting(10, 100);
  const auto still_due = [&](const DueMeeting& d) { return next_meeting[d.citizen] == d.due; };
  MeetingQueue queue;
  std::vector<DueMeeting> held;
  // Week 1: two fall due and wait.
  for (CitizenId i : {6u, 4u}) next_meeting[i] = 1;
  REQUIRE(queue.take({{4, 1}, {6, 1}}, 0, still_due, held) == 0);
  // Week 2: another team's meeting is already listed; one more falls due, one can be held: the
  // longest overdue with the lowest id, after what was listed.
  next_meeting[2] = 2;
  held = {{9, 2}};
  REQUIRE(queue.take({{2, 2}}, 1, still_due, held) == 1);
  REQUIRE(held.size() == 2);
  CHECK(held[0].citizen == 9);
  CHECK(held[1].citizen == 4);
  // Week 3: all four held, in citizen order (the waiting among them), after what was listed (a
  // sort of the whole list would move citizen 9 last).
  for (CitizenId i : {1u, 3u}) next_meeting[i] = 3;
  held = {{9, 3}};
  REQUIRE(queue.take({{1, 3}, {3, 3}}, 4, still_due, held) == 4);
  REQUIRE(held.size() == 5);
  CHECK(held[0].citizen == 9);
  CHECK(held[1].citizen == 1);
  CHECK(held[2].citizen == 2);
  CHECK(held[3].citizen == 3);
  CHECK(held[4].citizen == 6);
}
