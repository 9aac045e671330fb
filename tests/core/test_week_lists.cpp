// Lists refilled every week keep memory for about what they last held, not for a busy week.
#include "../../sim/core/week_lists.hpp"

#include <vector>

#include "support/catch.hpp"

using namespace almpsim;

TEST_CASE("a list emptied after a busy week keeps memory for an ordinary one", "[unit]") {
  std::vector<int> list(100000, 7);
  empty_for_next_week(list);  // the busy week: it is kept for as many again
  CHECK(list.empty());
  CHECK(list.capacity() >= 100000);
  list.assign(300, 1);
  empty_for_next_week(list);  // an ordinary week after it: the rest is given back
  CHECK(list.empty());
  CHECK(list.capacity() >= 300);
  CHECK(list.capacity() <= 2 * 300 + kSurplusEntriesKept);
  const std::size_t kept = list.capacity();
  list.assign(250, 1);
  empty_for_next_week(list);  // about as many: nothing moves
  CHECK(list.capacity() == kept);
  list.assign(1000, 1);
  empty_for_next_week(list);
  empty_for_next_week(list);  // a week with none: memory for a few is kept
  CHECK(list.capacity() >= kSurplusEntriesKept);
  CHECK(list.capacity() <= 2 * kSurplusEntriesKept);
}

TEST_CASE("a list worked down keeps its entries, in order, in less memory", "[unit]") {
  std::vector<int> list(100000);
  for (int k = 0; k < 100000; ++k) list[static_cast<std::size_t>(k)] = k;
  list.resize(1000);
  give_back_surplus(list);
  REQUIRE(list.size() == 1000);
  CHECK(list.capacity() <= 2 * 1000 + kSurplusEntriesKept);
  for (int k = 0; k < 1000; ++k) CHECK(list[static_cast<std::size_t>(k)] == k);
  list.resize(990);
  const std::size_t kept = list.capacity();
  give_back_surplus(list);  // within the margin: left as it is
  CHECK(list.capacity() == kept);
  give_back_surplus(list, 900);  // only the last 90 kept, in order
  REQUIRE(list.size() == 90);
  CHECK(list.capacity() <= 2 * 90 + kSurplusEntriesKept);
  CHECK(list.front() == 900);
  CHECK(list.back() == 989);
}
