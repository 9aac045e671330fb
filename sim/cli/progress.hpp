#pragma once
// Progress of a Monte Carlo run on standard error: one updating line on a terminal, plain
// lines otherwise.
#include <chrono>

namespace almpsim::cli {

class Progress {
 public:
  explicit Progress(bool enabled);
  void replication_done(int done, int total);

 private:
  bool enabled_;
  bool terminal_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_line_;
};

}  // namespace almpsim::cli
