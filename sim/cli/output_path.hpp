#pragma once
// Where `run` and `sweep` write when no -o is given, and what the user is told about it.
#include <string>

namespace almpsim::cli {

/// `given` if not empty, else output/<file name> under the current directory (created if
/// missing, so the default works anywhere). A file that is there already is replaced; unless
/// `quiet`, standard error says so.
std::string results_path(const std::string& given, const std::string& file_name, bool quiet);

}  // namespace almpsim::cli
