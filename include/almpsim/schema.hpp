#pragma once
/// The scenario schema: one row per key, with its type, range, default, unit, how `extends`
/// and overrides merge it, and what it means. The scenario reader takes defaults and ranges
/// from here, the command line its ranges, and scenarios/README.md its key tables
/// (`almpsim schema --markdown`).
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace almpsim::schema {

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

/// How a value given by a child scenario (`extends`), an override (`--set`, `--vary`) or a
/// fitted scenario combines with the value it replaces.
enum class Merge {
  value,    ///< a number, string, date or array: replaced
  keys,     ///< a table merged key by key: the child's keys replace, the others are kept
  whole,    ///< a table replaced whole (shares that must sum to 1 are one value)
  by_name,  ///< an array of tables merged entry by entry, matched on `name`
  /// a table of shares replaced whole, or a table of them by match group merged group by group
  per_group,
};

struct Key {
  /// Dotted name. A component "*" stands for the name of an entry of [[actors]], [[cohorts]],
  /// [[shocks]] or [[sweep.vary]]; "<state>", "<programme>" and the like for a name of that kind.
  std::string_view name;
  std::string_view type;               ///< as the documentation states it
  double lo = -kInf, hi = kInf;        ///< range of the number(s); for an integer, of the integer
  double fallback = kNone;             ///< the default when absent; kNone when required or computed
  std::string_view default_text = "";  ///< the default in words, when it is not `fallback`
  std::string_view unit = "";
  Merge merge = Merge::value;
  std::string_view choices = "";  ///< allowed words, separated by blanks
  std::string_view meaning = "";
};

/// Every key of a scenario, in documentation order.
const std::vector<Key>& keys();

/// The row a concrete dotted key ("actors.agens.sanctions.no_show") falls under, or null.
/// A literal component beats a wildcard where two rows fit.
const Key* find(std::string_view dotted);

/// The row of `dotted`; throws std::logic_error if the schema has none (a reader asked about
/// a key the schema does not declare).
const Key& at(std::string_view dotted);

/// How the value at a concrete dotted key merges; a table without a row merges key by key.
Merge merge_of(std::string_view dotted, bool is_table);

/// The allowed words of a row with choices.
std::vector<std::string> choices_of(const Key& key);

/// The key tables of scenarios/README.md, in Markdown.
std::string markdown();

/// One line per documented key: name, type, range and default, for a terminal.
std::string listing();

}  // namespace almpsim::schema
