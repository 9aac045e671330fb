// A team's queue of meetings kept from week to week holds the meetings that listing everyone
// due every week and selecting from the whole list (select_meetings) would hold, in that order.
#include "../../sim/core/meeting_queue.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "support/catch.hpp"

using namespace almpsim;

namespace {

/// One team's cases: each citizen's next meeting, changed by moves and meetings as the engine's
/// rules change it (always to a week after the current one).
struct Team {
  std::vector<Week> next_meeting;
  std::uint64_t x;
  std::uint64_t next() { return (x = x * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; }
};

/// Runs `weeks` weeks with the queue and with a full list each week, and checks they agree.
void run_weeks(std::size_t citizens, int weeks, std::uint64_t seed, int move_per_mille, std::size_t max_capacity,
               int catch_up_every) {
  Team team{std::vector<Week>(citizens), seed};
  for (Week& w : team.next_meeting) w = static_cast<Week>(team.next() % 10);
  MeetingQueue queue;
  std::vector<DueMeeting> fresh, held_by_queue;
  std::size_t overdue_weeks = 0, all_held_after_waiting = 0;
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
    REQUIRE(queue.waiting() + fresh.size() == full.size());
    if (full.empty()) continue;
    // Now and then the team catches up with all it owes.
    const bool catch_up = w % catch_up_every == catch_up_every - 1;
    const std::size_t capacity = catch_up ? full.size() : team.next() % (max_capacity + 1);
    const std::size_t held = select_meetings(full, capacity);
    const bool waited = queue.waiting() > 0;
    queue.take(
        fresh, held, [&](const DueMeeting& d) { return team.next_meeting[d.citizen] == d.due; }, held_by_queue);
    INFO("week " << w << ", " << held << " held of " << full.size());
    REQUIRE(held_by_queue.size() == held);
    for (std::size_t k = 0; k < held; ++k) {
      REQUIRE(held_by_queue[k].citizen == full[k].citizen);
      REQUIRE(held_by_queue[k].due == full[k].due);
    }
    REQUIRE(queue.waiting() == full.size() - held);
    overdue_weeks += held < full.size();
    all_held_after_waiting += held == full.size() && waited;
    // The meetings held book the next one, after this week.
    for (const DueMeeting& d : held_by_queue) team.next_meeting[d.citizen] = w + 1 + static_cast<Week>(team.next() % 8);
  }
  // Both ways of taking the week were exercised: over capacity, and all held after a backlog.
  CHECK(overdue_weeks > static_cast<std::size_t>(weeks) / 4);
  CHECK(all_held_after_waiting > 0);
}

}  // namespace

TEST_CASE("a team's queue holds the meetings a full list would, week after week", "[unit]") {
  SECTION("a few cases, capacity often short") {
    run_weeks(40, 300, 7, 50, 8, 7);
  }
  SECTION("many cases moving on, so that dead entries are cleared all at once") {
    run_weeks(30000, 60, 11, 200, 600, 25);
  }
}
