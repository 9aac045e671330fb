#pragma once
/// How much memory a run needs at least, so that a scenario too large for the machine is
/// refused with the figures before anything is allocated.
#include <cstdint>
#include <optional>
#include <string>

#include "almpsim/params.hpp"

namespace almpsim {

/// Bytes the engine keeps per simulated citizen, cohort members not counted: a lower bound.
/// For everyone 10 one-byte attributes, 2 two-byte weeks and at least 4 bytes of transition key
/// (its week and a 16-bit row; a model with more than 2^16 rows takes 32 bits); where
/// the actors work cases (works_cases) the casework fields too: an activity byte and 6
/// two-byte weeks or counts; and where the actors work cases, cohorts are followed or the
/// register is kept, the week's two-byte case code (case_codes.hpp).
inline constexpr double kBytesPerCitizen = 18.0, kCaseworkBytesPerCitizen = 13.0, kCaseCodeBytesPerCitizen = 2.0;
double bytes_per_citizen(const Params& params);

/// Citizens a replication simulates: the initial population and the expected inflow.
double expected_citizens(const Params& params);

/// A lower bound on the bytes a Monte Carlo run of `params` holds at once with `threads`
/// threads (replications run side by side when there are at least as many as threads).
double minimum_run_bytes(const Params& params, int threads);

/// The memory this machine has available now (Linux: MemAvailable), if known.
std::optional<double> available_memory_bytes();

/// Empty when the run fits; otherwise a sentence with both figures, e.g. "needs at least
/// 93.1 GB (2,000,000,000 citizens × 29 bytes ...), more than the 22.9 GB available".
std::optional<std::string> memory_shortfall(const Params& params, int threads);

/// Throws ScenarioError (at `scenario_file`, key population.size) when the run cannot fit.
void require_memory(const Params& params, int threads, const std::string& scenario_file);

}  // namespace almpsim
