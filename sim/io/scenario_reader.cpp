#include "scenario_reader.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace almpsim::io {

namespace {
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string format_number(double x) {
  std::string s = std::to_string(x);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}
}  // namespace

std::string type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    default:
      return "nothing";
  }
}

namespace {
// Whether every character of `short_word` appears in `word` in order (an abbreviation).
bool abbreviates(std::string_view short_word, std::string_view word) {
  std::size_t k = 0;
  for (const char c : word)
    if (k < short_word.size() && short_word[k] == c) ++k;
  return k == short_word.size();
}
}  // namespace

std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_d = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    // A shortened or lengthened name (sick_benefit, sickness_benefit) counts as half as far.
    const std::size_t edits = edit_distance(word, c);
    const std::size_t d = abbreviates(word, c) || abbreviates(c, word) ? (edits + 1) / 2 : edits;
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

std::string unknown_name(const std::string& what, const std::string& name, const std::vector<std::string>& names) {
  std::string m = "unknown " + what + " '" + name + "'";
  if (auto hint = did_you_mean(name, names)) m += " (did you mean '" + *hint + "'?)";
  return m;
}

std::optional<double> number_of(ScenarioDocument& doc, const toml::node& n, const std::string& path, double lo,
                                double hi) {
  if (!n.is_number()) {
    doc.fail(path, "expected a number, found " + type_name(n));
    return std::nullopt;
  }
  const double x = *n.value<double>();
  if (!std::isfinite(x) || x < lo || x > hi) {
    doc.fail(path,
             "value " + format_number(x) + " is out of range [" + format_number(lo) + ", " + format_number(hi) + "]");
    return std::nullopt;
  }
  return x;
}

std::optional<Date> date_of(ScenarioDocument& doc, const toml::node& n, const std::string& path) {
  if (const auto* d = n.as_date()) {
    const toml::date v = d->get();
    return Date::from_ymd(v.year, v.month, v.day);
  }
  if (const auto s = n.value<std::string>()) {
    if (auto d = Date::parse(*s)) return d;
    doc.fail(path, "'" + *s + "' is not a date (YYYY-MM-DD)");
    return std::nullopt;
  }
  doc.fail(path, "expected a date (YYYY-MM-DD), found " + type_name(n));
  return std::nullopt;
}

Reader::Reader(ScenarioDocument& doc, const toml::table* table, std::string path)
    : doc_(&doc), table_(table), path_(std::move(path)) {}

Reader::~Reader() {
  if (!table_ || !doc_) return;
  std::vector<std::string> known(known_.begin(), known_.end());
  for (auto&& [key, node] : *table_) {
    if (known_.count(key.str())) continue;
    doc_->fail(path_of(key.str()), unknown_name("key", std::string(key.str()), known));
  }
}

std::string Reader::path_of(std::string_view key) const {
  return join_key(path_, key);
}

const toml::node* Reader::node(std::string_view key) {
  known_.insert(std::string(key));
  return table_ ? table_->get(key) : nullptr;
}

bool Reader::has(std::string_view key) {
  return node(key) != nullptr;
}

void Reader::fail(std::string_view key, std::string message) {
  doc_->fail(path_of(key), std::move(message));
}

void Reader::fail_date(std::string_view key, std::string message, Date date, bool reported_only) {
  doc_->fail_date(path_of(key), std::move(message), date, reported_only);
}

const schema::Key& Reader::row(std::string_view key) const {
  return schema::at(path_of(key));
}

std::optional<double> Reader::optional_number(std::string_view key) {
  const schema::Key& k = row(key);
  const toml::node* n = node(key);
  return n ? number_of(*doc_, *n, path_of(key), k.lo, k.hi) : std::nullopt;
}

double Reader::number(std::string_view key) {
  const schema::Key& k = row(key);
  if (std::isnan(k.fallback)) throw std::logic_error("the schema gives no default for " + path_of(key));
  return optional_number(key).value_or(k.fallback);
}

std::optional<long long> Reader::optional_integer(std::string_view key) {
  const schema::Key& k = row(key);
  const toml::node* n = node(key);
  if (!n) return std::nullopt;
  if (!n->is_integer()) {
    fail(key, "expected an integer, found " + type_name(*n));
    return std::nullopt;
  }
  const long long x = *n->value<long long>();
  const auto lo = static_cast<long long>(k.lo), hi = static_cast<long long>(k.hi);
  if (x < lo || x > hi) {
    fail(key,
         "value " + std::to_string(x) + " is out of range [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
    return std::nullopt;
  }
  return x;
}

int Reader::integer(std::string_view key) {
  const schema::Key& k = row(key);
  if (std::isnan(k.fallback)) throw std::logic_error("the schema gives no default for " + path_of(key));
  return static_cast<int>(optional_integer(key).value_or(static_cast<long long>(k.fallback)));
}

std::string Reader::choice(std::string_view key, const std::string& what) {
  const schema::Key& k = row(key);
  const std::string fallback(k.default_text);
  const std::string value = string(key, fallback);
  const std::vector<std::string> allowed = schema::choices_of(k);
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return value;
  fail(key, unknown_name(what, value, allowed));
  return fallback;
}

std::string Reader::string(std::string_view key, std::string fallback) {
  const toml::node* n = node(key);
  if (!n) return fallback;
  if (auto s = n->value<std::string>(); s && n->is_string()) return *s;
  fail(key, "expected a string, found " + type_name(*n));
  return fallback;
}

bool Reader::boolean(std::string_view key, bool fallback) {
  const toml::node* n = node(key);
  if (!n) return fallback;
  if (n->is_boolean()) return *n->value<bool>();
  fail(key, "expected true or false, found " + type_name(*n));
  return fallback;
}

std::optional<Date> Reader::date(std::string_view key) {
  const toml::node* n = node(key);
  return n ? date_of(*doc_, *n, path_of(key)) : std::nullopt;
}

Reader Reader::table(std::string_view key) {
  const toml::node* n = node(key);
  if (n && !n->is_table()) {
    fail(key, "expected a table, found " + type_name(*n));
    return Reader(*doc_, nullptr, path_of(key));
  }
  return Reader(*doc_, n ? n->as_table() : nullptr, path_of(key));
}

std::vector<std::string> Reader::keys() {
  std::vector<std::string> out;
  if (!table_) return out;
  for (auto&& [key, value] : *table_) {
    out.emplace_back(key.str());
    known_.insert(std::string(key.str()));
  }
  return out;
}

std::optional<std::vector<std::string>> Reader::strings(std::string_view key, const std::vector<std::string>& allowed) {
  const toml::node* n = node(key);
  if (!n) return std::nullopt;
  const auto* arr = n->as_array();
  if (!arr) {
    fail(key, "expected an array of strings, found " + type_name(*n));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (const auto& item : *arr) {
    const auto s = item.value<std::string>();
    if (!s || !item.is_string()) {
      fail(key, "expected an array of strings, found an element that is " + type_name(item));
      return std::nullopt;
    }
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), *s) == allowed.end()) {
      std::string message = "'" + *s + "' is not one of the allowed names";
      if (auto hint = did_you_mean(*s, allowed)) message += " (did you mean '" + *hint + "'?)";
      fail(key, message);
      ok = false;
    }
    out.push_back(*s);
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace almpsim::io
