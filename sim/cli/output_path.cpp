#include "output_path.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "almpsim/output.hpp"

namespace almpsim::cli {

std::string results_path(const std::string& given, const std::string& file_name, bool quiet) {
  namespace fs = std::filesystem;
  std::string path = given;
  if (path.empty()) {
    std::error_code ec;
    if (!fs::is_directory("output", ec)) {
      fs::create_directories("output", ec);  // a failure is reported when the file is opened
      if (!ec && !quiet) std::fprintf(stderr, "note: created the folder output/ for the results\n");
    }
    path = "output/" + file_name;
  }
  std::error_code ec;
  if (!quiet && fs::exists(path, ec)) std::fprintf(stderr, "note: %s is there already and is replaced\n", path.c_str());
  return path;
}

bool would_replace_input(const std::string& input, const std::string& output) {
  std::error_code ec;
  if (output.empty() || !std::filesystem::equivalent(input, output, ec)) return false;
  std::fprintf(stderr, "error: -o %s is the results file it reads; name another file\n", output.c_str());
  return true;
}

void write_text_output(const std::string& output, const std::function<void(std::ostream&)>& write) {
  if (output.empty()) {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw OutputError("cannot write to standard output");
    return;
  }
  OutputTarget target(output);
  {
    std::ofstream out(target.temporary(), std::ios::binary | std::ios::trunc);
    write(out);
    out.flush();
    if (!out) throw OutputError("cannot write " + output);
  }
  target.commit();
}

}  // namespace almpsim::cli
