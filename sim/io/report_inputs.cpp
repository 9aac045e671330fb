// The occupancy over time, the shocks' weeks and the manifest, for the HTML report.
#include "almpsim/report_inputs.hpp"

#include <hdf5.h>

#include <toml++/toml.h>

#include "almpsim/dates.hpp"
#include "almpsim/output.hpp"
#include "almpsim/schema.hpp"
#include "hdf5_reader.hpp"

namespace almpsim {

StoredOccupancy read_occupancy(const std::string& path) {
  const io::h5::Reader in(path);
  StoredOccupancy out;
  out.weeks = in.strings("/axes/weeks");
  out.actors = in.strings("/axes/actors");
  std::vector<hsize_t> dims;
  const std::string group = "/summary/timeseries/occupancy/";
  out.mean = in.doubles(group + "mean", dims);
  out.q05 = in.doubles(group + "q05", dims);
  out.q95 = in.doubles(group + "q95", dims);
  if (dims.size() != 3 || dims[0] != out.weeks.size() || dims[1] != out.actors.size() || dims[2] != kStates)
    throw OutputError(path + ": /summary/timeseries/occupancy does not have the shape (week, actor, state)");
  return out;
}

std::vector<ShockWeeks> shock_weeks(const std::string& scenario_text) {
  std::vector<ShockWeeks> out;
  toml::table doc;
  try {
    doc = toml::parse(scenario_text);
  } catch (const toml::parse_error&) {
    return out;
  }
  const auto start = doc["start"].value<toml::date>();
  const toml::array* shocks = doc["shocks"].as_array();
  if (!start || !shocks) return out;
  const Date origin = Date::from_ymd(start->year, start->month, start->day);
  for (const toml::node& node : *shocks) {
    const toml::table* shock = node.as_table();
    if (!shock) continue;
    const auto date = (*shock)["start"].value<toml::date>();
    if (!date) continue;
    ShockWeeks s;
    s.name = (*shock)["name"].value_or(std::string());
    s.start = (Date::from_ymd(date->year, date->month, date->day).days - origin.days) / 7.0;
    // Weeks left out take the scenario reader's defaults.
    const auto weeks = [&](const char* key) {
      return (*shock)[key].value_or(schema::at(std::string("shocks.*.") + key).fallback);
    };
    s.full = s.start + weeks("ramp_weeks");
    s.recovering = s.full + weeks("length_weeks");
    s.end = s.recovering + weeks("recovery_weeks");
    if (const toml::array* states = (*shock)["states"].as_array())
      for (const toml::node& state : *states) s.states.push_back(state.value_or(std::string()));
    out.push_back(s);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> read_manifest(const std::string& path) {
  const io::h5::Reader in(path);
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& name : in.members("/meta")) {
    if (name == "scenario") continue;
    const std::string full = "/meta/" + name;
    if (in.holds_text(full)) {
      out.emplace_back(name, in.text(full));
      continue;
    }
    // Whole numbers (seed, replications, weeks, a price year) as integers: a seed can exceed
    // what a double holds exactly.
    out.emplace_back(name, std::to_string(in.unsigned_scalar(full)));
  }
  return out;
}

}  // namespace almpsim
