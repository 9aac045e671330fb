#pragma once
// Lists the engine fills afresh every week keep their memory from week to week, for about as
// many entries as they last held, not for a week of many more: the initial stock's first
// meetings fall due together, and lists that kept that week's size were 14 MB of Køge's
// 164 at a million citizens. Private to sim/core.
#include <algorithm>
#include <cstddef>
#include <vector>

namespace almpsim {

/// A list keeps memory for twice its entries and this many besides; beyond that it is surplus.
inline constexpr std::size_t kSurplusEntriesKept = 64;

inline bool holds_surplus(std::size_t capacity, std::size_t entries) {
  return capacity > 2 * entries + kSurplusEntriesKept;
}

/// Where the entries [from, end) would leave a list's memory surplus, keeps only them, in order,
/// in memory of their size, and returns true; otherwise leaves the list as it is (the caller
/// then drops [0, from) itself) and returns false.
template <class T>
bool give_back_surplus(std::vector<T>& list, std::size_t from = 0) {
  if (!holds_surplus(list.capacity(), list.size() - from)) return false;
  std::vector<T> kept;
  kept.reserve(list.size() - from);
  kept.assign(list.begin() + static_cast<std::ptrdiff_t>(from), list.end());
  list.swap(kept);
  return true;
}

/// Empties a list for the next week, keeping memory for about as many entries as it held.
template <class T>
void empty_for_next_week(std::vector<T>& list) {
  const std::size_t used = list.size();
  list.clear();
  if (!holds_surplus(list.capacity(), used)) return;
  std::vector<T>().swap(list);
  list.reserve(std::max(used, kSurplusEntriesKept));
}

}  // namespace almpsim
