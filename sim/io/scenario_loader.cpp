// Loading a scenario: the document (extends, overrides) resolved into Params by the section
// readers, every problem collected and reported together.
#include <algorithm>

#include "almpsim/scenario.hpp"
#include "params_builder.hpp"
#include "toml_text.hpp"

namespace almpsim {

namespace io {

ParamsBuilder::Built ParamsBuilder::build() {
  if (!read_run()) {
    // Without a calendar no dates can be checked; still report unknown top-level keys.
    for (const char* section : {"population", "attributes", "employability", "macro", "shocks", "inflow", "hazards",
                                "transition_matrix", "job_finding_moves", "duration_limits", "programmes", "transfers",
                                "actors", "cohorts", "sweep", "power", "calibration", "targets"})
      top_.node(section);
    return {std::move(p_), std::move(study_)};
  }
  read_attributes();
  read_employability();
  read_population();
  read_macro();
  read_shocks();
  read_inflow();
  read_hazards();
  read_transition_matrix();
  note_hazard_moves();
  read_job_finding_moves();
  read_duration_limits();
  read_programmes();
  read_transfers();
  read_actors();
  check_programmes_started();
  check_stock_split();
  read_cohorts();
  read_targets_file();
  read_calibration();
  read_sweep();
  read_power();
  p_.on_benefit.fill(true);
  p_.on_benefit[index_of(State::self_support)] = false;
  p_.on_benefit[index_of(State::exited)] = false;
  return {std::move(p_), std::move(study_)};
}

}  // namespace io

std::vector<Override> set_overrides(const std::vector<std::string>& texts) {
  std::vector<Override> out;
  for (std::size_t k = 0; k < texts.size(); ++k) out.emplace_back(texts[k], "--set", static_cast<int>(k) + 1);
  return out;
}

std::string canonical_key(const std::string& dotted) {
  std::string out;
  for (const std::string& part : io::split_key(dotted)) out += (out.empty() ? "" : ".") + io::key_text(part);
  return out;
}

LoadedScenario load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
  return load_scenario_with(path, set_overrides(overrides));
}

LoadedScenario load_scenario_with(const std::string& path, const std::vector<Override>& overrides) {
  io::ScenarioDocument doc = io::load_document(path, overrides);
  LoadedScenario out;
  if (doc.issues.empty()) {
    {
      io::ParamsBuilder builder(doc);
      auto built = builder.build();
      out.params = std::move(built.params);
      out.study = std::move(built.study);
    }  // readers report unknown keys when they go out of scope
    const Calendar& cal = out.params.calendar;
    doc.report_dates_outside_run(cal.date_of(cal.first()).iso() + " to " + cal.date_of(cal.end()).iso());
    out.resolved_text = io::document_text(doc.root);
    out.notes = doc.notes;
  }
  if (!doc.issues.empty()) {
    std::stable_sort(doc.issues.begin(), doc.issues.end(), [](const ScenarioIssue& a, const ScenarioIssue& b) {
      return a.file != b.file ? a.file < b.file : a.line < b.line;
    });
    throw ScenarioError(std::move(doc.issues));
  }
  if (out.params.name.empty()) {
    std::string stem = path.substr(path.find_last_of('/') + 1);
    out.params.name = stem.substr(0, stem.rfind('.'));
  }
  return out;
}

std::vector<double> scenario_numbers(const std::string& path, const std::vector<std::string>& overrides,
                                     const std::string& key) {
  io::ScenarioDocument doc = io::load_document(path, set_overrides(overrides));
  if (!doc.issues.empty()) throw ScenarioError(std::move(doc.issues));
  const toml::node* node = io::find_key(doc.root, io::split_key(key));
  std::vector<double> out;
  if (node && node->is_number()) out.push_back(*node->value<double>());
  if (const auto* arr = node ? node->as_array() : nullptr)
    for (const auto& item : *arr)
      if (item.is_number()) out.push_back(*item.value<double>());
  if (out.empty()) throw ScenarioError({{path, 0, key, "calibration needs a number or an array of numbers here"}});
  return out;
}

}  // namespace almpsim
