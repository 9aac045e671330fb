#pragma once
// The program's exit statuses besides 0 (README: "Exit status").

namespace almpsim::cli {

inline constexpr int kExitFailure = 1;   ///< results cannot be written, or another failure
inline constexpr int kExitBadInput = 2;  ///< a bad scenario, bad arguments, files that do not pair

}  // namespace almpsim::cli
