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
