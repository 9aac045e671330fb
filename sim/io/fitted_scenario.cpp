#include "almpsim/fitted_scenario.hpp"

#include <toml++/toml.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "almpsim/output.hpp"
#include "almpsim/scenario.hpp"
#include "scenario_document.hpp"

namespace almpsim {

namespace {

/// The table at a dotted key, created as needed; entries of named arrays are found or made by name.
toml::table& table_at(toml::table& root, const std::vector<std::string>& parts) {
  toml::table* t = &root;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (io::is_named_array(parts[k]) && k + 1 < parts.size()) {
      auto* arr = t->get(parts[k]) ? t->get(parts[k])->as_array() : nullptr;
      if (!arr) arr = t->insert_or_assign(parts[k], toml::array{}).first->second.as_array();
      toml::table* found = io::find_named(*arr, parts[k + 1]);
      if (!found) {
        arr->push_back(toml::table{{"name", parts[k + 1]}});
        found = arr->back().as_table();
      }
      t = found;
      ++k;
      continue;
    }
    toml::node* next = t->get(parts[k]);
    if (!next || !next->is_table()) next = t->insert_or_assign(parts[k], toml::table{}).first->second.as_table();
    t = next->as_table();
  }
  return *t;
}

std::string dotted(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out = io::join_key(out, p);
  return out;
}

/// Sets `node` at the dotted key `key` of the written scenario `root`. A key inside a table that
/// `extends` replaces whole brings the rest of that table along, as `effective` (the scenario
/// written over, its overrides applied) has it.
void set_key(toml::table& root, const toml::table& effective, const std::string& key, const toml::node& node) {
  auto parts = io::split_key(key);
  const std::string leaf = parts.back();
  parts.pop_back();
  toml::table& t = table_at(root, parts);
  const toml::node* parent = io::find_key(effective, parts);
  if (const toml::table* original = parent ? parent->as_table() : nullptr;
      original && io::replaces_whole(dotted(parts), *original))
    for (auto&& [k, n] : *original)
      if (!t.contains(k.str())) t.insert(k.str(), n);
  t.insert_or_assign(leaf, node);
}

}  // namespace

void write_fitted_scenario(const std::string& out_path, const std::string& base_path,
                           const std::vector<FittedValue>& values, const FitRecord& record,
                           const std::vector<std::string>& overrides,
                           const std::function<void(const std::string& written)>& check) {
  namespace fs = std::filesystem;
  const fs::path out_dir = fs::absolute(out_path).parent_path();
  toml::table root;
  root.insert("extends", fs::relative(fs::absolute(base_path), out_dir).string());
  // The overrides the fit ran under are written first, each key as they left it, so that the
  // file alone reproduces the fit; the fitted values then go over them.
  std::vector<Override> given;
  for (std::size_t k = 0; k < overrides.size(); ++k) given.emplace_back(overrides[k], "--set", static_cast<int>(k) + 1);
  const io::ScenarioDocument effective = io::load_document(base_path, given);
  for (const auto& [key, where] : effective.override_keys) {
    if (key == "extends") continue;  // the scenario's own parent is resolved before overrides: it changed nothing
    const std::vector<std::string> parts = io::split_key(key);
    const toml::node* node = io::find_key(effective.root, parts);
    // A whole named array is replaced by --set but merged entry by entry by `extends`; a key
    // the loading removes (an actor's `extends`) or renames cannot be found again.
    if (!node || (parts.size() == 1 && io::is_named_array(parts[0])))
      throw ScenarioError({{where.file, where.line, key,
                            "calibrate cannot write it into the fitted scenario: a file that extends the scenario "
                            "would not set it the same way"}});
    // A relative path given by --set names a file from the working directory; the written file
    // names it from its own folder.
    const toml::value<std::string>* path = node->as_string();
    if (parts.back() == "file" && path && fs::path(path->get()).is_relative())
      set_key(root, effective.root, key, toml::value(fs::relative(fs::absolute(path->get()), out_dir).string()));
    else
      set_key(root, effective.root, key, *node);
  }
  for (const FittedValue& v : values) {
    if (v.array) {
      toml::array arr;
      for (double x : v.values) arr.push_back(x);
      set_key(root, effective.root, v.key, arr);
    } else {
      set_key(root, effective.root, v.key, toml::value<double>(v.values.at(0)));
    }
  }
  toml::table result{{"objective", record.objective},
                     {"evaluations", record.evaluations},
                     {"replications", record.replications},
                     {"seed", static_cast<std::int64_t>(record.seed)},
                     {"algorithm", record.algorithm},
                     {"status", record.status},
                     {"version", record.version}};
  toml::array rows;
  for (const FitRow& r : record.rows) {
    toml::table row{{"table", r.table}, {"cohort", r.cohort}, {"actor", r.actor}};
    if (!r.versus.empty()) row.insert("versus", r.versus);
    row.insert("measure", r.measure);
    row.insert("category", r.category);
    row.insert("published", r.published);
    row.insert("simulated", std::round(r.simulated * 1000.0) / 1000.0);
    rows.push_back(std::move(row));
  }
  result.insert("targets", std::move(rows));
  result.insert("tables_objective", record.tables_objective);
  toml::array priors;
  for (const PriorRow& r : record.priors) {
    priors.push_back(
        toml::table{{"key", r.key}, {"mean", r.mean}, {"sd", r.sd}, {"fitted", r.fitted}, {"source", r.source}});
  }
  if (!priors.empty()) result.insert("priors", std::move(priors));
  toml::array at_bound;
  for (const std::string& k : record.at_bound) at_bound.push_back(k);
  if (!at_bound.empty()) result.insert("at_bound", std::move(at_bound));
  table_at(root, {"calibration"}).insert_or_assign("result", std::move(result));

  const std::string temporary = out_path + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temporary);
    if (!out) throw OutputError("cannot write " + out_path);
    out << "# Written by `almpsim calibrate`: the scenario it extends, with the keys --set changed and the\n"
        << "# fitted values below.\n"
        << "# [calibration.result] records the fit: objective = sum over the fitted published numbers of\n"
        << "# ((simulated mean - published) / standard error)^2, with common random numbers, plus\n"
        << "# ((value - mean) / sd)^2 for each prior; at_bound lists parameters left at an end of their range.\n\n"
        << root << "\n";
    if (!out) {
      std::remove(temporary.c_str());
      throw OutputError("cannot write " + out_path);
    }
  }
  if (check) {
    try {
      check(temporary);
    } catch (...) {
      std::remove(temporary.c_str());
      throw;
    }
  }
  if (std::rename(temporary.c_str(), out_path.c_str()) != 0) {
    std::remove(temporary.c_str());
    throw OutputError("cannot move the fitted scenario into " + out_path);
  }
}

}  // namespace almpsim
