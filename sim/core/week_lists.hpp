#pragma once
// Lists the engine fills afresh every week keep their memory from week to week, for about as
// many entries as they last held, not for a week of many more: the initial stock's first
// meetings fall due together, and lists that kept that week's size were 14 MB of Køge's
// 164 at a million citizens. Private to sim/core.
#include <cstddef>
#include <vector>

namespace almpsim {

/// Lists holding fewer than half their memory's entries, this many besides, give the rest back.
inline constexpr std::size_t kSurplusEntriesKept = 64;

/// Gives back the memory of a list beyond about twice its entries.
template <class T>
void give_back_surplus(std::vector<T>& list) {
  if (list.capacity() <= 2 * list.size() + kSurplusEntriesKept) return;
  std::vector<T> kept;
  kept.reserve(list.size());
  kept.assign(list.begin(), list.end());
  list.swap(kept);
}

/// Empties a list for the next week, keeping memory for about as many entries as it held.
template <class T>
void empty_for_next_week(std::vector<T>& list) {
  const std::size_t used = list.size();
  list.clear();
  if (list.capacity() <= 2 * used + kSurplusEntriesKept) return;
  std::vector<T>().swap(list);
  list.reserve(used);
}

}  // namespace almpsim
