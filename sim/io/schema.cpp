// Looking up the scenario schema's rows by concrete key.
#include "almpsim/schema.hpp"

#include <sstream>
#include <stdexcept>

#include "schema_rows.hpp"

namespace almpsim::schema {

const std::vector<Key>& keys() {
  static const std::vector<Key> rows = [] {
    std::vector<Key> all = model_keys();
    for (auto part : {actor_keys(), study_keys()}) all.insert(all.end(), part.begin(), part.end());
    return all;
  }();
  return rows;
}

namespace {
std::vector<std::string_view> components(std::string_view dotted) {
  std::vector<std::string_view> out;
  std::size_t begin = 0;
  while (true) {
    const std::size_t dot = dotted.find('.', begin);
    out.push_back(dotted.substr(begin, dot == std::string_view::npos ? std::string_view::npos : dot - begin));
    if (dot == std::string_view::npos) return out;
    begin = dot + 1;
  }
}

bool is_wildcard(std::string_view component) {
  return component == "*" || (!component.empty() && component.front() == '<');
}

struct SplitRow {
  const Key* key;
  std::vector<std::string_view> parts;
};

const std::vector<SplitRow>& split_rows() {
  static const std::vector<SplitRow> rows = [] {
    std::vector<SplitRow> out;
    for (const Key& k : keys()) out.push_back({&k, components(k.name)});
    return out;
  }();
  return rows;
}
}  // namespace

const Key* find(std::string_view dotted) {
  const auto parts = components(dotted);
  const Key* best = nullptr;
  int best_literals = -1;
  for (const SplitRow& row : split_rows()) {
    if (row.parts.size() != parts.size()) continue;
    int literals = 0;
    bool fits = true;
    for (std::size_t k = 0; fits && k < parts.size(); ++k) {
      if (row.parts[k] == parts[k])
        ++literals;
      else
        fits = is_wildcard(row.parts[k]);
    }
    if (fits && literals > best_literals) {
      best = row.key;
      best_literals = literals;
    }
  }
  return best;
}

const Key& at(std::string_view dotted) {
  if (const Key* k = find(dotted)) return *k;
  throw std::logic_error("the scenario schema has no row for '" + std::string(dotted) + "'");
}

Merge merge_of(std::string_view dotted, bool is_table) {
  if (const Key* k = find(dotted)) return k->merge;
  return is_table ? Merge::keys : Merge::value;
}

std::vector<std::string> choices_of(const Key& key) {
  std::vector<std::string> out;
  std::istringstream words{std::string(key.choices)};
  for (std::string w; words >> w;) out.push_back(w);
  return out;
}

}  // namespace almpsim::schema
