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
