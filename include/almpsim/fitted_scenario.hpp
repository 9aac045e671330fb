#pragma once
/// Writing the result of a calibration as a scenario that extends the calibrated one.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace almpsim {

struct FittedValue {
  std::string key;  ///< dotted scenario key (entries of [[actors]] etc. by name)
  std::vector<double> values;
  bool array = false;
};

struct FitRow {
  std::string table, cohort, actor;
  std::string versus;  ///< an effect's control arm (empty: a level of `actor`)
  std::string measure, category;
  double published = 0.0, simulated = 0.0;
};

/// A prior on a free parameter and where the fit put the parameter.
struct PriorRow {
  std::string key;  ///< "key", or "key[index]" for one element of an array
  double mean = 0.0, sd = 1.0, fitted = 0.0;
  std::string source;
};

struct FitRecord {
  std::string version, algorithm, status;
  double objective = 0.0;         ///< tables plus priors
  double tables_objective = 0.0;  ///< the published tables' part
  int evaluations = 0, replications = 0;
  std::uint64_t seed = 0;
  std::vector<FitRow> rows;
  std::vector<PriorRow> priors;
  /// "key (lower bound)" or "key (upper bound)": free parameters the fit left within 1% of a bound
  std::vector<std::string> at_bound;
};

/// Writes `out_path`: `extends` the calibrated scenario, sets the keys `overrides` (KEY=VALUE,
/// as --set gives them) changed as they changed them, then the fitted values, and records the
/// fit under [calibration.result]: the file alone reproduces a fit run under those overrides.
/// Written to a temporary file beside `out_path` (so that its `extends` holds), which `check`,
/// when given, may read and refuse by throwing; only then renamed into place, and removed if
/// anything fails. Throws ScenarioError for an override such a file could not set the same way
/// (a whole named array; a key the loading removes or renames), located at its --set, and
/// OutputError.
void write_fitted_scenario(const std::string& out_path, const std::string& base_path,
                           const std::vector<FittedValue>& values, const FitRecord& record,
                           const std::vector<std::string>& overrides = {},
                           const std::function<void(const std::string& written)>& check = {});

}  // namespace almpsim
