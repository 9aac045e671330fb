#pragma once
// The merged TOML document of a scenario and where each key came from. Private to sim/io.
#include <toml++/toml.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "almpsim/dates.hpp"
#include "almpsim/scenario.hpp"
#include "almpsim/schema.hpp"

namespace almpsim::io {

struct Location {
  std::string file;
  int line = 0;
};

/// Arrays of tables that are merged element by element, matched on their `name` (the schema's
/// by_name keys: [[actors]], [[cohorts]], [[shocks]]).
bool is_named_array(std::string_view key);

/// Whether `child`, given at the dotted key `path` (array entries by name), replaces the table
/// it overrides (`existing`, if any) whole rather than key by key, as the schema declares.
bool replaces_whole(const std::string& path, const toml::table& child, const toml::table* existing = nullptr);

/// Merges `src` into `dst` as the schema declares for each key under `path`: tables key by key
/// or whole, named arrays entry by entry, everything else replaced.
void merge_into(toml::table& dst, const toml::table& src, const std::string& path);

/// prefix.key, or key alone when the prefix is empty.
std::string join_key(const std::string& prefix, std::string_view key);

/// The parts of a dotted key ("actors.agens.costs" -> actors, agens, costs).
std::vector<std::string> split_key(const std::string& key);

/// The entry of a named array ([[actors]], [[cohorts]], [[shocks]]) with this name, or null.
const toml::table* find_named(const toml::array& items, std::string_view name);
toml::table* find_named(toml::array& items, std::string_view name);

/// The node at a dotted key, entries of named arrays taken by name; null if there is none.
const toml::node* find_key(const toml::table& root, const std::vector<std::string>& parts);

struct ScenarioDocument {
  toml::table root;
  std::string main_file;
  std::map<std::string, Location> where;  // dotted key path (array items by name) -> location
  std::vector<ScenarioIssue> issues;
  /// The dotted key each override changed, and where it was written, in order.
  std::vector<std::pair<std::string, Location>> override_keys;
  /// The dotted keys a file sets on an actor the file it extends defines, and where: a change
  /// that reaches the actors extending that one, as an override does.
  std::vector<std::pair<std::string, Location>> inherited_actor_keys;
  /// What a user should know although nothing is wrong (e.g. an override that reaches a
  /// child actor through its `extends`).
  std::vector<std::string> notes;

  /// Location of a key path, or of its nearest ancestor that has one.
  Location locate(const std::string& path) const;
  void fail(const std::string& path, std::string message) {
    const Location at = locate(path);
    issues.push_back({at.file, at.line, path, std::move(message)});
  }
  /// A date outside the run (or, reported_only, outside the reported weeks): reported at its
  /// key, or, when an override moved the run away from it, once at that override.
  void fail_date(const std::string& path, std::string message, Date date, bool reported_only) {
    const Location at = locate(path);
    dates_outside_run.push_back({{at.file, at.line, path, std::move(message)}, date, reported_only});
  }
  struct DateOutsideRun {
    ScenarioIssue issue;
    Date date;
    bool reported_only = false;
  };
  std::vector<DateOutsideRun> dates_outside_run;
  /// The run the scenario files give, before overrides (when they give a usable one).
  std::optional<Calendar> file_calendar;

  /// Moves dates_outside_run into issues: each at its key, except those inside the files' own
  /// run, which an override of start, weeks or burn_in_weeks left out: one problem there.
  void report_dates_outside_run(const std::string& run);
};

/// Parses `path` and its `extends` chain, resolves actor-level `extends` and applies the
/// overrides. Problems are collected in the document's issues.
ScenarioDocument load_document(const std::string& path, const std::vector<Override>& overrides);

}  // namespace almpsim::io
