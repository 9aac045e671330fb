#include "scenario_document.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

namespace almpsim::io {

namespace {
namespace fs = std::filesystem;

void index_positions(const toml::table& t, const std::string& file, const std::string& prefix,
                     std::map<std::string, Location>& where) {
  for (auto&& [key, node] : t) {
    const std::string path = join_key(prefix, key.str());
    where[path] = {file, static_cast<int>(node.source().begin.line)};
    if (const auto* sub = node.as_table()) index_positions(*sub, file, path, where);
    // Entries of other arrays of tables ([[sweep.vary]], [[calibration.free]]) by position.
    if (const auto* arr = node.as_array(); arr && arr->is_array_of_tables() && !is_named_array(key.str()))
      for (std::size_t k = 0; k < arr->size(); ++k)
        where[join_key(path, std::to_string(k))] = {file, static_cast<int>(arr->get(k)->source().begin.line)};
    if (const auto* arr = node.as_array(); arr && is_named_array(key.str())) {
      for (const auto& item : *arr) {
        const auto* elem = item.as_table();
        if (!elem) continue;
        const auto name = (*elem)["name"].value<std::string>();
        if (!name) continue;
        const std::string elem_path = join_key(path, *name);
        where[elem_path] = {file, static_cast<int>(item.source().begin.line)};
        index_positions(*elem, file, elem_path, where);
      }
    }
  }
}

void merge_named(toml::array& dst, const toml::array& src, const std::string& path) {
  for (const auto& item : src) {
    const auto* elem = item.as_table();
    const auto name = elem ? (*elem)["name"].value<std::string>() : std::nullopt;
    toml::table* existing = name ? find_named(dst, *name) : nullptr;
    if (existing)
      merge_into(*existing, *elem, join_key(path, *name));
    else
      dst.push_back(item);
  }
}

bool all_numbers(const toml::table& t) {
  if (t.empty()) return false;
  for (auto&& [key, node] : t)
    if (!node.is_number()) return false;
  return true;
}

class Loader {
 public:
  explicit Loader(ScenarioDocument& doc) : doc_(doc) {}

  toml::table load(const fs::path& path, std::vector<std::string>& chain) {
    const std::string file = path.string();
    std::ifstream in(path);
    if (!in) {
      doc_.issues.push_back({file, 0, "", "cannot read the scenario file"});
      return {};
    }
    toml::table self;
    try {
      self = toml::parse(in, file);
    } catch (const toml::parse_error& e) {
      doc_.issues.push_back({file, static_cast<int>(e.source().begin.line), "syntax", std::string(e.description())});
      return {};
    }
    toml::table merged;
    if (const toml::node* ext = self.get("extends")) {
      const auto base = ext->value<std::string>();
      const int line = static_cast<int>(ext->source().begin.line);
      if (!base) {
        doc_.issues.push_back({file, line, "extends", "must be a string (a path to a scenario file)"});
      } else {
        const fs::path base_path = fs::weakly_canonical(path.parent_path() / *base);
        if (std::find(chain.begin(), chain.end(), base_path.string()) != chain.end()) {
          doc_.issues.push_back({file, line, "extends", "'" + *base + "' extends itself (a cycle)"});
        } else if (!fs::exists(base_path)) {
          doc_.issues.push_back({file, line, "extends", "no such file: " + base_path.string()});
        } else {
          chain.push_back(base_path.string());
          merged = load(base_path, chain);
          chain.pop_back();
        }
      }
      self.erase("extends");
    }
    index_positions(self, file, "", doc_.where);
    record_actor_changes(merged, self, file);
    merge_into(merged, self, "");
    return merged;
  }

 private:
  /// Each key this file sets on an actor that the file it extends defines. A file written by
  /// `almpsim calibrate` is left out: it sets the keys the scenario declared free and those
  /// --set changed in the fit, and their reach through `extends` is part of the model fitted.
  void record_actor_changes(const toml::table& parent, const toml::table& self, const std::string& file) {
    if (self["calibration"]["result"].is_table()) return;
    const toml::array* theirs = parent["actors"].as_array();
    const toml::array* mine = self["actors"].as_array();
    if (!theirs || !mine) return;
    for (const auto& item : *mine) {
      const toml::table* actor = item.as_table();
      const auto name = actor ? (*actor)["name"].value<std::string>() : std::nullopt;
      if (name && find_named(*theirs, *name)) record_leaves(*actor, "actors." + *name, file, true);
    }
  }

  void record_leaves(const toml::table& t, const std::string& path, const std::string& file, bool top) {
    for (const auto& [key, node] : t) {
      if (top && (key.str() == "name" || key.str() == "extends")) continue;
      const std::string sub = path + "." + std::string(key.str());
      if (const toml::table* inner = node.as_table())
        record_leaves(*inner, sub, file, false);
      else
        doc_.inherited_actor_keys.emplace_back(sub, Location{file, static_cast<int>(node.source().begin.line)});
    }
  }

  ScenarioDocument& doc_;
};

/// Parses an override value as TOML; a value that is not valid TOML is taken as a string.
toml::table parse_value(const std::string& text) {
  try {
    return toml::parse("value = " + text);
  } catch (const toml::parse_error&) {
    toml::table t;
    t.insert("value", text);
    return t;
  }
}

// The key of KEY=VALUE without the blanks around it, so that `--set "key = value"` works too.
std::string key_of(const std::string& text, std::size_t eq) {
  const std::string blanks = " \t";
  const auto first = text.find_first_not_of(blanks);
  const auto last = text.find_last_not_of(blanks, eq - 1);
  return first == std::string::npos || first >= eq ? std::string{} : text.substr(first, last - first + 1);
}

/// How many leading parts of a key path the document has already (entries of named arrays
/// counted as one part with their array's name).
std::size_t existing_parts(const toml::table& root, const std::vector<std::string>& parts) {
  const toml::table* t = &root;
  std::size_t k = 0;
  while (t && k < parts.size()) {
    const toml::node* next = t->get(parts[k]);
    if (!next) break;
    if (next->is_array() && is_named_array(parts[k]) && k + 1 < parts.size()) {
      t = find_named(*next->as_array(), parts[k + 1]);
      if (!t) break;
      k += 2;
      continue;
    }
    t = next->as_table();
    ++k;
  }
  return k;
}

/// Keys an override brings that the files do not have are located at the override, so that a
/// misspelt one is reported there and not at the table that receives it.
void locate_new_parts(ScenarioDocument& doc, const std::vector<std::string>& parts, std::size_t existing,
                      const Location& at) {
  std::string prefix;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    prefix = join_key(prefix, parts[k]);
    if (k >= existing) doc.where.emplace(prefix, at);
  }
}

void apply_override(ScenarioDocument& doc, const Override& o) {
  const Location at{o.origin, o.position};
  const std::string& text = o.text;
  const auto eq = text.find('=');
  const std::string path = eq == std::string::npos || eq == 0 ? std::string{} : key_of(text, eq);
  if (path.empty()) {
    doc.issues.push_back({at.file, at.line, text, "expected KEY=VALUE"});
    return;
  }
  const std::vector<std::string> parts = split_key(path);
  std::string unquoted;
  for (const auto& p : parts) unquoted = join_key(unquoted, p);
  // The path must lead through tables and existing named entries.
  const toml::table* t = &doc.root;
  for (std::size_t k = 0; t && k + 1 < parts.size(); ++k) {
    const toml::node* next = t->get(parts[k]);
    if (next && next->is_array() && is_named_array(parts[k]) && k + 2 < parts.size()) {
      t = find_named(*next->as_array(), parts[k + 1]);
      if (!t) {
        doc.issues.push_back({at.file, at.line, path, "no " + parts[k] + " entry named '" + parts[k + 1] + "'"});
        return;
      }
      ++k;
      continue;
    }
    if (next && !next->is_table()) {
      doc.issues.push_back({at.file, at.line, path, "'" + parts[k] + "' is not a table"});
      return;
    }
    t = next ? next->as_table() : nullptr;
  }
  toml::table parsed = parse_value(text.substr(eq + 1));
  locate_new_parts(doc, parts, existing_parts(doc.root, parts), at);
  doc.where[unquoted] = at;
  doc.override_keys.emplace_back(unquoted, at);
  // One value in an existing table is set in place, even in a table that `extends` replaces
  // whole (so that one share or one assignment key can be swept or fitted).
  if (t && !parsed.get("value")->is_table()) {
    const_cast<toml::table*>(t)->insert_or_assign(parts.back(), *parsed.get("value"));
    return;
  }
  // Otherwise it is merged as a one-key scenario would be, following the schema's rules.
  toml::table fragment;
  toml::table* f = &fragment;
  for (std::size_t k = 0; k + 1 < parts.size(); ++k) {
    if (is_named_array(parts[k]) && k + 2 < parts.size()) {
      toml::array entries;
      entries.push_back(toml::table{{"name", parts[k + 1]}});
      f = f->insert(parts[k], std::move(entries)).first->second.as_array()->back().as_table();
      ++k;
    } else {
      f = f->insert(parts[k], toml::table{}).first->second.as_table();
    }
  }
  f->insert(parts.back(), *parsed.get("value"));
  merge_into(doc.root, fragment, "");
}

/// An override of a key of actor `base` that the child actor `name` inherits changes the child
/// too; say so, since the user may have meant only the parent.
void note_overrides_reaching(ScenarioDocument& doc, const toml::table& own, const std::string& name,
                             const std::string& base) {
  const std::string prefix = "actors." + base + ".";
  std::vector<std::pair<std::string, Location>> changes = doc.inherited_actor_keys;
  changes.insert(changes.end(), doc.override_keys.begin(), doc.override_keys.end());
  for (const auto& [key, at] : changes) {
    if (key.compare(0, prefix.size(), prefix) != 0) continue;
    // The child inherits the key unless its own table gives it, or gives a table that
    // replaces the parent's whole on the way to it.
    const std::vector<std::string> rest = split_key(key.substr(prefix.size()));
    const toml::table* level = &own;
    std::string path = "actors." + name;
    bool inherited = false;
    for (std::size_t k = 0; k < rest.size(); ++k) {
      const toml::node* node = level->get(rest[k]);
      path += "." + rest[k];
      if (!node) {
        inherited = true;
        break;
      }
      level = node->as_table();
      if (!level || replaces_whole(path, *level)) break;
    }
    if (!inherited) continue;
    // What the child inherits from the override is located at the override too.
    const std::vector<std::string> child_parts = split_key("actors." + name + "." + key.substr(prefix.size()));
    locate_new_parts(doc, child_parts, existing_parts(doc.root, child_parts), at);
    doc.notes.push_back(at.file + ":" + std::to_string(at.line) + ": " + key + " also reaches actor '" + name +
                        "', which extends '" + base + "' (set actors." + name + "." + key.substr(prefix.size()) +
                        " too to keep them apart)");
  }
}

/// An actor may extend another actor of the same scenario and differ only where it says so.
void resolve_actor_extends(ScenarioDocument& doc) {
  toml::array* actors = doc.root["actors"].as_array();
  if (!actors) return;
  const toml::array original = *actors;
  for (auto& item : *actors) {
    toml::table* actor = item.as_table();
    if (!actor) continue;
    const std::string name = (*actor)["name"].value<std::string>().value_or("?");
    std::set<std::string> seen{name};
    const toml::table own = *actor;
    toml::table resolved = *actor;
    while (const toml::node* ext = resolved.get("extends")) {
      const auto base_name = ext->value<std::string>();
      resolved.erase("extends");
      const toml::table* base = base_name ? find_named(original, *base_name) : nullptr;
      if (!base) {
        doc.fail("actors." + name + ".extends", "no actor named '" + base_name.value_or("?") + "' to extend");
        break;
      }
      if (!seen.insert(*base_name).second) {
        doc.fail("actors." + name + ".extends", "actors extend each other in a cycle");
        break;
      }
      note_overrides_reaching(doc, own, name, *base_name);
      toml::table merged = *base;
      merged.erase("name");
      merge_into(merged, resolved, "actors." + name);
      resolved = std::move(merged);
    }
    *actor = std::move(resolved);
  }
}
}  // namespace

bool is_named_array(std::string_view key) {
  return schema::merge_of(key, false) == schema::Merge::by_name;
}

bool replaces_whole(const std::string& path, const toml::table& child, const toml::table* existing) {
  switch (schema::merge_of(path, true)) {
    case schema::Merge::whole:
      return true;
    case schema::Merge::per_group:
      // A single mix on either side cannot be merged with mixes by group.
      return all_numbers(child) || (existing && all_numbers(*existing));
    default:
      return false;
  }
}

void merge_into(toml::table& dst, const toml::table& src, const std::string& path) {
  for (auto&& [key, node] : src) {
    const std::string sub = join_key(path, key.str());
    toml::node* d = dst.get(key.str());
    if (d && d->is_table() && node.is_table() && !replaces_whole(sub, *node.as_table(), d->as_table())) {
      merge_into(*d->as_table(), *node.as_table(), sub);
    } else if (d && d->is_array() && node.is_array() && is_named_array(sub)) {
      merge_named(*d->as_array(), *node.as_array(), sub);
    } else {
      dst.insert_or_assign(key.str(), node);
    }
  }
}

std::string join_key(const std::string& prefix, std::string_view key) {
  return prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
}

std::vector<std::string> split_key(const std::string& key) {
  // As TOML writes dotted keys: a quoted component ("sex:male", 'a.b') is one name, unquoted.
  std::vector<std::string> parts(1);
  char quote = 0;
  for (const char c : key) {
    if (quote) {
      if (c == quote)
        quote = 0;
      else
        parts.back() += c;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '.') {
      parts.emplace_back();
    } else {
      parts.back() += c;
    }
  }
  return parts;
}

const toml::table* find_named(const toml::array& items, std::string_view name) {
  for (const auto& item : items)
    if (const auto* t = item.as_table())
      if (const auto n = (*t)["name"].value<std::string>(); n && *n == name) return t;
  return nullptr;
}

toml::table* find_named(toml::array& items, std::string_view name) {
  return const_cast<toml::table*>(find_named(std::as_const(items), name));
}

const toml::node* find_key(const toml::table& root, const std::vector<std::string>& parts) {
  const toml::node* node = &root;
  for (std::size_t k = 0; node && k < parts.size(); ++k) {
    const auto* t = node->as_table();
    node = t ? t->get(parts[k]) : nullptr;
    if (node && node->is_array() && is_named_array(parts[k]) && k + 1 < parts.size())
      node = find_named(*node->as_array(), parts[++k]);
  }
  return node;
}

void ScenarioDocument::report_dates_outside_run(const std::string& run) {
  const std::pair<std::string, Location>* moved = nullptr;
  for (const auto& o : override_keys)
    if (o.first == "start" || o.first == "weeks" || o.first == "burn_in_weeks") moved = &o;
  std::vector<ScenarioIssue> left_out;
  for (DateOutsideRun& d : dates_outside_run) {
    const bool inside_files_run = file_calendar && file_calendar->contains(file_calendar->week_of(d.date)) &&
                                  (!d.reported_only || file_calendar->week_of(d.date) >= 0);
    if (moved && inside_files_run)
      left_out.push_back(std::move(d.issue));
    else
      issues.push_back(std::move(d.issue));
  }
  dates_outside_run.clear();
  if (left_out.empty()) return;
  const ScenarioIssue& first = left_out.front();
  issues.push_back({moved->second.file, moved->second.line, moved->first,
                    "the run is now " + run + ", which leaves out " + std::to_string(left_out.size()) +
                        " date(s) the scenario uses, e.g. " + first.key + " (" + first.file + ":" +
                        std::to_string(first.line) + "): " + first.message});
}

/// The run as the files give it, read leniently: checking it is the section readers' job.
std::optional<Calendar> calendar_of(const toml::table& root) {
  const auto* start = root["start"].as_date();
  const auto weeks = root["weeks"].value<long long>();
  const auto burn_in = root["burn_in_weeks"].value<long long>().value_or(0);
  if (!start || !weeks || *weeks < 1 || *weeks > 20000 || burn_in < 0 || burn_in > 10000) return std::nullopt;
  Calendar c;
  c.start = Date::from_ymd(start->get().year, start->get().month, start->get().day);
  c.weeks = static_cast<int>(*weeks);
  c.burn_in = static_cast<int>(burn_in);
  return c;
}

Location ScenarioDocument::locate(const std::string& path) const {
  std::string p = path;
  while (!p.empty()) {
    if (auto it = where.find(p); it != where.end()) return it->second;
    const auto dot = p.rfind('.');
    if (dot == std::string::npos) break;
    p.resize(dot);
  }
  return {main_file, 0};
}

ScenarioDocument load_document(const std::string& path, const std::vector<Override>& overrides) {
  ScenarioDocument doc;
  doc.main_file = path;
  std::vector<std::string> chain{fs::weakly_canonical(path).string()};
  doc.root = Loader(doc).load(path, chain);
  if (!doc.issues.empty()) return doc;
  doc.file_calendar = calendar_of(doc.root);
  for (const Override& o : overrides) apply_override(doc, o);
  resolve_actor_extends(doc);
  return doc;
}

}  // namespace almpsim::io
