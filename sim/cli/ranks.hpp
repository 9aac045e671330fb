#pragma once
// The processes of a run: one without MPI, the MPI ranks with it. Work is dealt by index
// (item k to rank k mod size), so the result never depends on the number of ranks.
#include <string>
#include <vector>

#include "almpsim/results.hpp"

namespace almpsim::cli {

class Ranks {
 public:
  /// Starts MPI when the program is built with it (a no-op otherwise).
  Ranks(int& argc, char**& argv);
  ~Ranks();
  Ranks(const Ranks&) = delete;
  Ranks& operator=(const Ranks&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool owns(long long item) const { return item % size_ == rank_; }
  /// What a progress line of this rank's own work counts, where several ranks share the run:
  /// " on rank 0 of 4 (1000 replications in all)" for `all` "1000 replications"; empty alone.
  std::string progress_scope(const std::string& all) const {
    if (size_ == 1) return {};
    return " on rank " + std::to_string(rank_) + " of " + std::to_string(size_) + " (" + all + " in all)";
  }
  /// Waits for every rank; returns whether every rank passed `ok`.
  bool all(bool ok) const;
  /// Hands each rank's replications (those it owns) to the first rank, which then holds them
  /// all, in their places; the other ranks keep their own.
  void gather(std::vector<ReplicationResult>& results) const;
  /// Stops every rank at once (after an error on one of them).
  [[noreturn]] void abort(int status) const;

 private:
  int rank_ = 0, size_ = 1;
};

}  // namespace almpsim::cli
