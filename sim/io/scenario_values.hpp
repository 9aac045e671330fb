#pragma once
// Reading the value shapes scenarios share: tables of numbers by name, shares, time paths,
// values per match group, sets of states and groups, dates in the run. Ranges and defaults come
// from the schema row of the key. Private to sim/io.
#include <optional>
#include <string>
#include <vector>

#include "almpsim/params.hpp"
#include "scenario_reader.hpp"

namespace almpsim::io {

/// How far shares may sum from 1 and still count as summing to 1.
inline constexpr double kShareTolerance = 1e-6;

const std::vector<std::string>& state_names();
const std::vector<std::string>& activity_names();
/// The programmes: every activity but `none`.
const std::vector<std::string>& programme_names();

template <std::size_t N>
std::vector<std::string> names_of(const std::array<std::string_view, N>& names) {
  return {names.begin(), names.end()};
}

/// A number as messages print it (6 significant digits).
std::string number_text(double x);

/// Position of `s` in `names`, or names.size() when absent.
int index_in(const std::vector<std::string>& names, const std::string& s);

/// A table {name = number} over a fixed set of names; absent names are nullopt.
std::vector<std::optional<double>> named_numbers(Reader& r, std::string_view key, const std::vector<std::string>& names,
                                                 const std::string& what);

/// Shares over names that must sum to one; nullopt when absent (or on error).
std::optional<std::vector<double>> named_shares(Reader& r, std::string_view key, const std::vector<std::string>& names,
                                                const std::string& what);

/// A value that is a number, or a step path [[date, value], ...] over the run; the schema's
/// default when absent.
WeekSeries read_path(Reader& r, std::string_view key, const Calendar& cal);
/// The same, with the range and default of `row` (for a key inside a table of paths).
WeekSeries read_path(Reader& r, std::string_view key, const Calendar& cal, const schema::Key& row);

/// A path for every match group: a number or a path for all, or {group = number or path,
/// default = number or path}.
std::vector<WeekSeries> read_group_paths(Reader& r, std::string_view key, const Calendar& cal, const AttributeSpec& at);

/// A number for every match group: a number, or {group = number, default = number}.
std::vector<double> read_group_values(Reader& r, std::string_view key, const AttributeSpec& at);

/// Calls fn(state index, key) for each key of the reader's table that names a state; reports the others.
template <class Fn>
void for_each_state_key(Reader& r, Fn fn) {
  for (const std::string& key : r.keys()) {
    const int s = index_in(state_names(), key);
    if (s == kStates)
      r.fail(key, unknown_name("state", key, state_names()));
    else
      fn(s, key);
  }
}

/// The states named in an array; `fallback` for every state when absent.
PerState<bool> state_set(Reader& r, std::string_view key, bool fallback);

/// The match groups named in an array; all of them when absent.
std::vector<bool> group_set(Reader& r, std::string_view key, const AttributeSpec& at);

/// The week of a date that must lie in the run (or, with reported_only, in the reported weeks).
std::optional<Week> week_in_run(Reader& r, std::string_view key, const Calendar& cal, bool reported_only);

}  // namespace almpsim::io
