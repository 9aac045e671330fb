#pragma once
// Text tables in the terminal: cells padded to a column width counted in characters, so that
// "±" and "—" (two and three bytes in UTF-8) take one column like any other.
#include <cstddef>
#include <string>

namespace almpsim::cli {

/// `text` followed by spaces up to `width` columns, or by one space when it is as wide or wider.
inline std::string padded(const std::string& text, std::size_t width) {
  std::size_t columns = 0;
  for (const char ch : text) columns += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return columns >= width ? text + " " : text + std::string(width - columns, ' ');
}

}  // namespace almpsim::cli
