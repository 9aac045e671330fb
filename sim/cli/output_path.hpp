#pragma once
// Where `run` and `sweep` write when no -o is given, and what the user is told about it; text
// written to a file or standard output.
#include <functional>
#include <ostream>
#include <string>

namespace almpsim::cli {

/// `given` if not empty, else output/<file name> under the current directory (created if
/// missing, so the default works anywhere). A file that is there already is replaced; unless
/// `quiet`, standard error says so.
std::string results_path(const std::string& given, const std::string& file_name, bool quiet);

/// Whether writing `output` would replace `input` (the same file under any name); says so on
/// standard error.
bool would_replace_input(const std::string& input, const std::string& output);

/// Writes text to standard output (`output` empty) or to `output` through a temporary file
/// renamed into place, so a failed write leaves no file. Throws OutputError.
void write_text_output(const std::string& output, const std::function<void(std::ostream&)>& write);

}  // namespace almpsim::cli
