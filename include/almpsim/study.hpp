#pragma once
/// What a study does around a model: the published numbers it is compared with, the
/// parameters calibration may change, the points a sweep runs and the trial a power analysis
/// sizes. Read from a scenario beside its Params; the engine never sees it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace almpsim {

/// What published evidence outside the fitted tables says of a parameter's value: a normal
/// density, whose ((value - mean) / sd)^2 the calibration objective adds to the tables' terms.
struct Prior {
  double mean = 0.0, sd = 1.0;
  std::string source;  ///< the study it comes from, as the scenario states it
};

/// A scenario key that calibration may change: scaled (every number multiplied by a factor in
/// [lower, upper]) or set (a single number in [lower, upper]).
struct FreeParameter {
  std::string key;
  std::optional<int> index;  ///< one element of an array (from 0); none: all of them
  bool scale = false;
  double lower = 0.0, upper = 1.0;
  std::optional<Prior> prior;  ///< set parameters only: on the value, not on a factor
};

struct CalibrationSpec {
  std::vector<FreeParameter> free;
  int replications = 40;  ///< per evaluation, with the same seed every time
  int max_evaluations = 300;
  std::string algorithm = "sbplx";
};

/// One swept scenario key: listed values (an axis of a full grid) or a range (sampled by a
/// Latin hypercube).
struct SweepAxis {
  std::string key;
  std::vector<std::string> values;  ///< grid: each value as TOML text, e.g. "4" or "{ a = 1 }"
  double lower = 0.0, upper = 0.0;  ///< latin hypercube: the range
  bool whole_numbers = false;       ///< latin hypercube: round draws to integers
  /// Where the axis was written, so a bad value is reported there: the scenario file and the
  /// line of its [[sweep.vary]] entry, or "--vary" and which --vary argument (from 1).
  std::string origin;
  int position = 0;
};

struct SweepSpec {
  enum class Design { grid, latin_hypercube };
  Design design = Design::grid;
  int points = 0;          ///< latin hypercube: number of points
  std::uint64_t seed = 1;  ///< latin hypercube: seed of the design (not of the simulation)
  std::vector<SweepAxis> axes;
};

/// Defaults for `almpsim power`: the trial's arms, cohort, sizes and level.
struct PowerSpec {
  std::vector<std::string> arms;  ///< two actor names; the difference is the second minus the first
  std::string cohort;             ///< empty: every cohort
  std::vector<double> sizes;      ///< population factors
  double alpha = 0.10;
};

struct StudySpec {
  /// Published numbers to compare with (scenario key targets.file, resolved to a path); may be empty.
  std::string targets_file;
  CalibrationSpec calibration;
  SweepSpec sweep;
  PowerSpec power;
};

}  // namespace almpsim
