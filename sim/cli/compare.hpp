#pragma once
// almpsim compare: two runs of a scenario, replication by replication.
#include <string>

namespace almpsim::cli {

enum class CompareFormat { text, json, csv };

/// Prints the paired differences variant - base; returns the exit status (2 when the runs
/// cannot be paired).
int compare(const std::string& base_path, const std::string& variant_path, CompareFormat format);

}  // namespace almpsim::cli
