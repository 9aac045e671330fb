#pragma once
/// Basic vocabulary of the model: weeks, benefit states, activities and their names.
/// The names are those of the HDF5 axes and of scenario keys.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace almpsim {

/// Week index relative to the scenario start (week 0); burn-in weeks are negative.
using Week = std::int32_t;
using CitizenId = std::uint32_t;

/// What the weekly benefit register records for a citizen.
enum class State : std::uint8_t {
  self_support,
  cash_benefit,
  sickness_benefit,
  waiting_flexjob,
  flexjob,
  rehabilitation,
  disability_pension,
  other_benefit,
  /// Unemployment-insurance benefit (a-dagpenge): insured unemployed, paid by their fund for a
  /// limited benefit period; after it, cash benefit. Placed after the older states so that
  /// their order among a citizen's destinations, and so the draws, stay as they were.
  ui_benefit,
  /// Partly back at work on reduced sickness benefit (delvis raskmeldt): a state of its own,
  /// placed after the older ones for the same reason as ui_benefit.
  partial_return_to_work,
  exited,
};
inline constexpr int kStates = 11;

/// What a citizen is doing besides being in a benefit state.
enum class Activity : std::uint8_t {
  none,
  immediate_activation,
  inhouse_project,
  guidance,
  company_internship,
  wage_subsidy,
  education,
};
inline constexpr int kActivities = 7;

inline constexpr std::array<std::string_view, kStates> kStateNames = {
    "self_support",       "cash_benefit",  "sickness_benefit", "waiting_flexjob",        "flexjob", "rehabilitation",
    "disability_pension", "other_benefit", "ui_benefit",       "partial_return_to_work", "exited"};

inline constexpr std::array<std::string_view, kActivities> kActivityNames = {
    "none", "immediate_activation", "inhouse_project", "guidance", "company_internship", "wage_subsidy", "education"};

/// Attribute levels that scenarios and covariate effects refer to by name.
inline constexpr std::array<std::string_view, 2> kSexNames = {"female", "male"};
inline constexpr std::array<std::string_view, 2> kOriginNames = {"danish", "immigrant"};
/// Match category 0 means missing; 1-5 as in the job-centre classification.
inline constexpr std::array<std::string_view, 6> kMatchNames = {"none", "1", "2", "3", "4", "5"};
/// Sickness follow-up category 0 means not applicable; 1-3 as in the law.
inline constexpr std::array<std::string_view, 4> kSickNames = {"none", "1", "2", "3"};
inline constexpr int kSexes = 2, kOrigins = 2, kMatchLevels = 6, kSickLevels = 4;

constexpr int index_of(State s) {
  return static_cast<int>(s);
}
constexpr int index_of(Activity a) {
  return static_cast<int>(a);
}
constexpr std::string_view name_of(State s) {
  return kStateNames[index_of(s)];
}
constexpr std::string_view name_of(Activity a) {
  return kActivityNames[index_of(a)];
}

template <std::size_t N>
std::optional<int> find_name(const std::array<std::string_view, N>& names, std::string_view key) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == key) return static_cast<int>(i);
  return std::nullopt;
}

/// A value for each benefit state.
template <class T>
using PerState = std::array<T, kStates>;
template <class T>
using PerActivity = std::array<T, kActivities>;

}  // namespace almpsim
