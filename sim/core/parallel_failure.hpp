#pragma once
// An exception may not leave an OpenMP parallel region: the program would end. Loop bodies run
// through ParallelFailure::guard, which keeps the first exception thrown and skips the bodies
// after it; rethrow() raises it once the loop is over. Private to sim/core.
#include <atomic>
#include <exception>

namespace almpsim {

class ParallelFailure {
 public:
  /// Runs body(), unless a body has failed already; keeps the first exception thrown.
  template <class Body>
  void guard(Body&& body) noexcept {
    if (failed_.load(std::memory_order_relaxed)) return;
    try {
      body();
    } catch (...) {
#pragma omp critical(almpsim_parallel_failure)
      if (!failure_) failure_ = std::current_exception();
      failed_.store(true, std::memory_order_relaxed);
    }
  }
  /// Raises the kept exception, if any; call it after the loop.
  void rethrow() const {
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  std::atomic<bool> failed_{false};
  std::exception_ptr failure_;
};

}  // namespace almpsim
