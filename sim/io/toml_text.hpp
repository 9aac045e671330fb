#pragma once
// TOML text that a reader can check by eye: numbers in their shortest form (0.1, not
// 0.10000000000000001), plain keys before sub-tables. Private to sim/io.
#include <toml++/toml.h>

#include <string>

namespace almpsim::io {

/// A key as TOML writes it: bare when it can be, quoted otherwise ("sex:male").
std::string key_text(std::string_view key);

/// A value as inline TOML ("4", "0.1", "'x'", "[1, 2]", "{ a = 1 }"), as --set accepts it.
/// Floats get the shortest text that reads back to the same number.
std::string inline_toml(const toml::node& n);

/// A whole document: each table's plain keys, then its sub-tables as [headers] and its
/// arrays of tables as [[headers]].
std::string document_text(const toml::table& root);

}  // namespace almpsim::io
