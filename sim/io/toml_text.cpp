#include "toml_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>

namespace almpsim::io {

namespace {
bool is_bare(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  return true;
}

bool is_array_of_tables(const toml::node& n) {
  const auto* arr = n.as_array();
  return arr && !arr->empty() && arr->is_array_of_tables();
}

std::string shortest(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buf[40];
  int precision = 1;
  for (; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, x);
    if (std::strtod(buf, nullptr) == x) break;
  }
  // %g writes 10 as 1e+01 at one digit: numbers from 1 to 1e16 get their whole digits in full.
  if (std::abs(x) >= 1.0 && std::abs(x) < 1e16 && std::strchr(buf, 'e')) {
    const int whole_digits = std::snprintf(nullptr, 0, "%.0f", std::floor(std::abs(x)));
    std::snprintf(buf, sizeof buf, "%.*g", std::max(precision, whole_digits), x);
  }
  std::string text = buf;
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

// A string, date or other scalar as toml++ writes it (quoted and escaped as TOML wants).
std::string formatted_alone(const toml::node& n) {
  toml::array one;
  one.push_back(n);
  std::ostringstream s;
  s << toml::toml_formatter{one};
  const std::string text = s.str();
  return text.substr(2, text.size() - 4);  // strip "[ " and " ]"
}

void emit_table(const toml::table& t, const std::string& path, std::string& out) {
  for (auto&& [key, node] : t)
    if (!node.is_table() && !is_array_of_tables(node)) out += key_text(key.str()) + " = " + inline_toml(node) + "\n";
  for (auto&& [key, node] : t) {
    const std::string sub = (path.empty() ? "" : path + ".") + key_text(key.str());
    if (const auto* table = node.as_table()) {
      // A table of nothing but sub-tables needs no header of its own.
      bool plain = table->empty();
      for (auto&& [k, v] : *table) plain = plain || (!v.is_table() && !is_array_of_tables(v));
      if (plain) out += "\n[" + sub + "]\n";
      emit_table(*table, sub, out);
    } else if (is_array_of_tables(node)) {
      for (const auto& item : *node.as_array()) {
        out += "\n[[" + sub + "]]\n";
        emit_table(*item.as_table(), sub, out);
      }
    }
  }
}
}  // namespace

std::string key_text(std::string_view key) {
  return is_bare(key) ? std::string(key) : formatted_alone(toml::value<std::string>(std::string(key)));
}

std::string inline_toml(const toml::node& n) {
  if (const auto* f = n.as_floating_point()) return shortest(f->get());
  if (const auto* arr = n.as_array()) {
    std::string text = "[";
    for (std::size_t k = 0; k < arr->size(); ++k) text += (k ? ", " : "") + inline_toml(*arr->get(k));
    return text + "]";
  }
  if (const auto* table = n.as_table()) {
    if (table->empty()) return "{}";
    std::string text = "{ ";
    bool first = true;
    for (const auto& [key, value] : *table) {
      text += (first ? "" : ", ") + key_text(key.str()) + " = " + inline_toml(value);
      first = false;
    }
    return text + " }";
  }
  return formatted_alone(n);
}

std::string document_text(const toml::table& root) {
  std::string out;
  emit_table(root, "", out);
  if (!out.empty() && out.front() == '\n') out.erase(0, 1);
  return out;
}

}  // namespace almpsim::io
