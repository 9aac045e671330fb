#include <omp.h>

#include <atomic>
#include <chrono>
#include <stdexcept>

#include "almpsim/engine.hpp"
#include "parallel_failure.hpp"

namespace almpsim {

namespace {

/// Weeks simulated over all replications, reported as replications done every
/// progress_seconds.
class WeekCounter {
 public:
  /// A progress call that throws is kept in `failure` (it may not leave the critical section).
  WeekCounter(const MonteCarloOptions& options, int weeks_per_replication, int replications, ParallelFailure& failure)
      : options_(options),
        failure_(failure),
        weeks_(weeks_per_replication),
        replications_(replications),
        total_(static_cast<long long>(weeks_per_replication) * replications),
        interval_(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                      std::chrono::duration<double>(options.progress_seconds))
                      .count()) {}

  void week_done() {
    const long long done = ++done_;
    // The clock is read every few weeks only (a week of a small population takes microseconds),
    // and the end is left to on_replication_done.
    if (!options_.on_progress || done % 8 != 0 || done >= total_) return;
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    auto last = last_report_.load();
    if (now - last < interval_) return;
    if (!last_report_.compare_exchange_strong(last, now)) return;  // another thread reports
#pragma omp critical(almpsim_progress)
    failure_.guard([&] { options_.on_progress(static_cast<double>(done) / weeks_, replications_); });
  }

 private:
  const MonteCarloOptions& options_;
  ParallelFailure& failure_;
  double weeks_;
  int replications_;
  long long total_;
  std::chrono::steady_clock::rep interval_;
  std::atomic<long long> done_{0};
  std::atomic<std::chrono::steady_clock::rep> last_report_{std::chrono::steady_clock::now().time_since_epoch().count()};
};

}  // namespace

std::vector<ReplicationResult> run_monte_carlo(const Params& params, const MonteCarloOptions& options) {
  const HazardModel hazards(params);
  const int reps = params.run.replications;
  const int threads = std::max(1, options.threads);
  const int stride = std::max(1, options.stride);
  if (options.offset < 0 || options.offset >= stride)
    throw std::invalid_argument("a process's offset among the replications must lie in [0, stride)");
  std::vector<int> mine;  // the replications this process runs
  for (int r = options.offset; r < reps; r += stride) mine.push_back(r);
  const int owned = static_cast<int>(mine.size());
  std::vector<ReplicationResult> results(static_cast<std::size_t>(reps));
  const bool across_replications = owned >= threads;
  const int inner = across_replications ? 1 : threads;
  // A replication's failure (or a progress call's) is kept and raised after the loop.
  ParallelFailure failure;
  WeekCounter weeks(options, params.calendar.total(), owned, failure);
  const WeekDone week_done = options.on_progress ? WeekDone([&weeks] { weeks.week_done(); }) : WeekDone();
  int done = 0;
  auto run_one = [&](int k) {
    const int r = mine[static_cast<std::size_t>(k)];
    bool ran = false;
    failure.guard([&] {
      results[static_cast<std::size_t>(r)] =
          run_replication(params, hazards, static_cast<std::uint32_t>(r), inner, week_done);
      ran = true;
    });
    if (!ran) return;
#pragma omp critical(almpsim_progress)
    {
      ++done;
      if (options.on_replication_done) failure.guard([&] { options.on_replication_done(done, owned); });
    }
  };
  // Only one level of parallelism is opened, so the inner loop gets its threads.
  if (across_replications && threads > 1) {
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
    for (int k = 0; k < owned; ++k) run_one(k);
  } else {
    for (int k = 0; k < owned; ++k) run_one(k);
  }
  failure.rethrow();
  return results;
}

}  // namespace almpsim
