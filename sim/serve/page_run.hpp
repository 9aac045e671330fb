#pragma once
// What the teaching page draws: a scenario's base run and a variant of it, both run in process
// with the same seed, as means over replications and paired differences.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "almpsim/params.hpp"
#include "almpsim/results.hpp"

namespace almpsim::serve {

/// The replications of a loaded scenario (its seed, `replications` of them) on `threads` threads.
std::vector<ReplicationResult> run_replications(Params params, int replications, int threads);

/// The two runs side by side: each benefit state over time by actor (mean over replications),
/// each cohort's survival curve by actor, and each cohort's run-summary measures with the
/// variant's paired difference from the base and its 95% interval. `resolved_text`: the
/// scenario as run, whose shocks the page shades.
nlohmann::json page_comparison(const Params& params, const std::string& resolved_text,
                               const std::vector<ReplicationResult>& base,
                               const std::vector<ReplicationResult>& variant);

}  // namespace almpsim::serve
