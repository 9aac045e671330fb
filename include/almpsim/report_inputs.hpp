#pragma once
/// What a report draws besides the cohort outcomes: the benefit states over time, the shocks'
/// weeks and the run's manifest, read from a results or sweep file.
#include <string>
#include <utility>
#include <vector>

namespace almpsim {

/// Citizens in each (actor, state) at the start of each week, over replications.
struct StoredOccupancy {
  std::vector<std::string> weeks;      ///< [week] the date each week starts
  std::vector<std::string> actors;     ///< [actor]
  std::vector<double> mean, q05, q95;  ///< [(week * actors + actor) * kStates + state]
};

/// A shock as the scenario states it, in weeks from the scenario's start.
struct ShockWeeks {
  std::string name;
  double start = 0, full = 0, recovering = 0, end = 0;  ///< ramp begins, full size, recovery, over
  std::vector<std::string> states;                      ///< the states it touches; empty: all
};

/// Reads /summary/timeseries/occupancy of a run file (point 0 of a sweep file is not read).
/// Throws OutputError.
StoredOccupancy read_occupancy(const std::string& path);

/// The [[shocks]] of a resolved scenario (as stored in /meta/scenario), in weeks from its
/// `start`; none where the text has none or cannot be read.
std::vector<ShockWeeks> shock_weeks(const std::string& scenario_text);

/// The run's /meta as (name, text) pairs: version, command line, scenario file, seed, ...
/// The resolved scenario itself is left out (stored_scenario reads it). Throws OutputError.
std::vector<std::pair<std::string, std::string>> read_manifest(const std::string& path);

}  // namespace almpsim
