#pragma once
// Typed, checked access to one TOML table of a scenario. Ranges and defaults come from the
// scenario schema (almpsim/schema.hpp), found by the key's dotted path. Every key a reader is
// asked about is known; keys present but never asked about are reported as unknown ("did you
// mean").
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "almpsim/dates.hpp"
#include "almpsim/schema.hpp"
#include "scenario_document.hpp"

namespace almpsim::io {

class Reader {
 public:
  Reader(ScenarioDocument& doc, const toml::table* table, std::string path);
  Reader(Reader&& other) noexcept
      : doc_(other.doc_),
        table_(std::exchange(other.table_, nullptr)),
        path_(std::move(other.path_)),
        known_(std::move(other.known_)) {}
  Reader(const Reader&) = delete;
  ~Reader();

  const std::string& path() const { return path_; }
  std::string path_of(std::string_view key) const;
  bool has(std::string_view key);
  /// The raw node (marks the key as known); null when absent.
  const toml::node* node(std::string_view key);
  void fail(std::string_view key, std::string message);
  /// A date of this key lies outside the run (or the reported weeks).
  void fail_date(std::string_view key, std::string message, Date date, bool reported_only);

  /// The schema's row for a key of this table.
  const schema::Key& row(std::string_view key) const;
  /// A number in the schema's range; nullopt when absent or wrong.
  std::optional<double> optional_number(std::string_view key);
  /// A number in the schema's range, or the schema's default.
  double number(std::string_view key);
  std::optional<long long> optional_integer(std::string_view key);
  int integer(std::string_view key);
  std::string string(std::string_view key, std::string fallback);
  /// One of the schema's choices (with "did you mean"), or the schema's default.
  std::string choice(std::string_view key, const std::string& what);
  bool boolean(std::string_view key, bool fallback);
  std::optional<Date> date(std::string_view key);
  /// A sub-table; an empty reader if absent, an error if not a table.
  Reader table(std::string_view key);
  /// Names of the keys present (all marked known; the caller checks them).
  std::vector<std::string> keys();
  /// Strings in an array; each must be one of `allowed` (empty: any).
  std::optional<std::vector<std::string>> strings(std::string_view key, const std::vector<std::string>& allowed = {});

  ScenarioDocument& doc() { return *doc_; }
  const toml::table* raw() const { return table_; }

 private:
  ScenarioDocument* doc_;
  const toml::table* table_;
  std::string path_;
  std::set<std::string, std::less<>> known_;
};

/// Reads a number from a node, checking type and range; reports at `path`.
std::optional<double> number_of(ScenarioDocument& doc, const toml::node& n, const std::string& path, double lo,
                                double hi);
std::optional<Date> date_of(ScenarioDocument& doc, const toml::node& n, const std::string& path);
/// Closest of `candidates` to `word`, if close enough to be a likely typo.
std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
/// "unknown <what> '<name>'", with a "did you mean" when one of `names` is close.
std::string unknown_name(const std::string& what, const std::string& name, const std::vector<std::string>& names);
std::string type_name(const toml::node& n);

}  // namespace almpsim::io
