#pragma once
// Progress of a Monte Carlo run on standard error: one updating line on a terminal, plain
// lines otherwise.
#include <chrono>
#include <string>

namespace almpsim::cli {

class Progress {
 public:
  /// `scope` follows the counts on every line: under MPI, which part of the run they are
  /// (the first rank reports its own replications).
  explicit Progress(bool enabled, std::string scope = {});
  /// Replications done of `total`; a fraction counts the weeks of those still running.
  void replication_done(double done, int total);
  /// A sweep: replications over all points (fractions as above), and whole points finished.
  void sweep_step(double done, long long total, int points_done, int points_total);
  /// Replications counted as done that were not run here (a resumed sweep's finished points):
  /// left out of the rate and of the time left.
  void skipped(long long replications) { skipped_ += replications; }

 private:
  bool enabled_;
  std::string scope_;
  bool terminal_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_line_;
  long long skipped_ = 0;
};

}  // namespace almpsim::cli
