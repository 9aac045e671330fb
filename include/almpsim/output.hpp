#pragma once
/// Writing results to HDF5 (layout in output/README.md). Files are written to a temporary
/// name beside the destination and renamed into place, so a failed or interrupted run never
/// leaves a partial file at the destination.
#include <signal.h>

#include <array>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "almpsim/params.hpp"
#include "almpsim/results.hpp"
#include "almpsim/scenario.hpp"

namespace almpsim {

/// The destination cannot be written (a clear message names the path and the reason).
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RunMetadata {
  std::string version;
  std::string command_line;
  std::string scenario_file;
  std::string resolved_scenario;
  std::uint64_t seed = 0;
  std::string targets_csv;  ///< the published numbers to compare with, as CSV text (may be empty)
  std::string targets_file;
};

/// What a results file records besides the numbers: the program, the command, the scenario as
/// resolved and its published targets, which are checked against `params` first (ScenarioError
/// naming the targets file where they do not fit).
RunMetadata run_metadata(const LoadedScenario& loaded, const Params& params, const std::string& scenario_file,
                         const std::string& command_line);

/// What `almpsim report` needs from a results file.
struct StoredRun {
  std::string scenario_name;
  std::uint64_t seed = 0;  ///< replication r of two runs with one seed shares its random numbers
  std::string currency;    ///< of the costs; empty in files written before it was stated
  std::string money_unit;  ///< "DKK, 2009 prices", or "DKK, price year not stated"
  int replications = 0;
  std::vector<std::string> actors, cohort_names, cohort_kinds;
  std::vector<std::string> measure_dates;           ///< as `run` prints them
  std::vector<std::string> controls;                ///< [actor] the actor it is compared with; "" where not named
  std::vector<std::vector<CohortOutcome>> cohorts;  ///< [replication][cohort]
  std::string targets_csv, targets_file;
};

/// To be called before any other HDF5 call. A file whose write failed (a full disk, a file-size
/// limit) cannot be closed, and the library's own clean-up at exit would crash on it; every
/// file this program writes is closed explicitly, so that clean-up is left out.
void skip_hdf5_cleanup_at_exit();

/// Reads a results file written by write_results. Throws OutputError.
StoredRun read_run(const std::string& path);

/// The signals an OutputTarget handles while it exists: SIGINT, SIGTERM and SIGHUP remove the
/// temporary file and end the process; SIGXFSZ is ignored, so a write past a file-size limit fails.
inline constexpr std::array<int, 4> kHandledSignals = {SIGINT, SIGTERM, SIGHUP, SIGXFSZ};

/// A reserved destination: the temporary file exists from construction (so an unwritable
/// destination fails before any simulation), is removed on destruction or on SIGINT/SIGTERM
/// unless committed. The signal handlers it replaces come back on destruction.
class OutputTarget {
 public:
  explicit OutputTarget(std::string destination);
  ~OutputTarget();
  OutputTarget(const OutputTarget&) = delete;
  OutputTarget& operator=(const OutputTarget&) = delete;
  const std::string& temporary() const { return temporary_; }
  const std::string& destination() const { return destination_; }
  /// Renames the temporary file to the destination.
  void commit();

 private:
  std::string destination_, temporary_;
  bool committed_ = false;
  std::array<struct sigaction, 4> previous_{};  ///< the handlers of kHandledSignals before
};

/// Writes the results of all replications, with summaries over replications, to target's
/// temporary file. Throws OutputError.
void write_results(const OutputTarget& target, const Params& params, const RunMetadata& meta,
                   const std::vector<ReplicationResult>& replications);

/// The points of a sweep, as written to /sweep/points.
struct SweepTable {
  std::string design;                            ///< grid or latin_hypercube
  std::vector<std::string> keys;                 ///< one per axis
  std::vector<std::vector<std::string>> values;  ///< [point][axis], TOML text
  std::vector<std::string> scenarios;            ///< [point] the resolved scenario run there
  bool with_register = false;                    ///< stack the points' registers (each file has one)
};

/// Stacks the results files of the points (written by write_results, same shapes) into one
/// file: /meta, /axes and /targets as in a run, /sweep/points, and every dataset under
/// /timeseries, /cohorts and /summary again under /sweep with a leading point axis; with
/// `table.with_register`, the points' spells one after another in /sweep/register/spells.
/// Throws OutputError.
void write_sweep(const OutputTarget& target, const RunMetadata& meta, const SweepTable& table,
                 const std::vector<std::string>& point_files);

/// What `almpsim report` needs from a sweep file: the points, and per cohort the scalar
/// measures, each [point][actor], summarised over replications and replication by replication.
struct StoredSweep {
  std::string scenario_name, design;
  std::string money_unit;  ///< "DKK, 2009 prices"
  int replications = 0;
  std::vector<std::string> keys, actors, cohort_names;
  std::vector<std::vector<std::string>> values;  ///< [point][key]
  std::vector<std::vector<double>> numbers;      ///< [point][key], NaN where not a number
  struct Measure {
    std::string name;
    std::vector<double> mean, q05, q95;  ///< [point * actors + actor]
    /// [(point * replications + replication) * actors + actor]: every point has the same draws
    /// in replication r, so points are compared replication by replication.
    std::vector<double> draws;
  };
  std::vector<std::vector<Measure>> cohorts;  ///< [cohort][measure]
};

/// True if the file holds a sweep (written by write_sweep).
bool is_sweep_file(const std::string& path);
/// Reads a sweep file. Throws OutputError.
StoredSweep read_sweep(const std::string& path, const std::vector<std::string>& measures);

/// The resolved scenario of each point stored in a sweep file (empty if it cannot be read).
std::vector<std::string> stored_sweep_scenarios(const std::string& path);

/// A line printed to standard error when SIGINT, SIGTERM or SIGHUP ends the process (e.g. how
/// to resume); empty: none.
void set_interrupt_note(const std::string& note);

/// Writes every cohort measure of a results or sweep file as one long CSV table: a row per
/// number, with columns point and the swept keys (sweeps), cohort, measure, replication,
/// actor, state, activity, weeks_since_entry (empty where the measure has no such axis) and
/// value (empty where not measured). Throws OutputError.
void export_cohorts_csv(const std::string& path, std::ostream& out);

/// Reads the resolved scenario text stored in a results file ("" if it cannot be read).
std::string stored_scenario(const std::string& path);

/// Whether a results or sweep file holds the register (/register/spells, /sweep/register/spells);
/// false if it cannot be read.
bool stored_register(const std::string& path);

}  // namespace almpsim
