// An exception thrown inside a parallel loop is kept and raised after it, instead of ending
// the program; the loop's other bodies are skipped once one has failed.
#include "../../sim/core/parallel_failure.hpp"

#include <atomic>
#include <stdexcept>

#include "support/catch.hpp"

using namespace almpsim;

TEST_CASE("a parallel loop's exception is raised after the loop", "[unit]") {
  for (const int threads : {1, 2}) {
    INFO("threads " << threads);
    ParallelFailure failure;
    std::atomic<int> ran{0};
#pragma omp parallel for num_threads(threads) schedule(static, 1)
    for (int k = 0; k < 1000; ++k)
      failure.guard([&] {
        ++ran;
        if (k == 10) throw std::runtime_error("body 10 failed");
      });
    CHECK_THROWS_WITH(failure.rethrow(), "body 10 failed");
    // Bodies after the failure are skipped (each thread checks before its next).
    CHECK(ran.load() < 1000);
  }
}

TEST_CASE("a parallel loop without a failure raises nothing", "[unit]") {
  ParallelFailure failure;
  std::atomic<int> ran{0};
#pragma omp parallel for num_threads(2)
  for (int k = 0; k < 100; ++k) failure.guard([&] { ++ran; });
  CHECK_NOTHROW(failure.rethrow());
  CHECK(ran.load() == 100);
}
