#include <omp.h>

#include "almpsim/engine.hpp"

namespace almpsim {

std::vector<ReplicationResult> run_monte_carlo(const Params& params, const MonteCarloOptions& options) {
  const HazardModel hazards(params);
  const int reps = params.run.replications;
  const int threads = std::max(1, options.threads);
  std::vector<ReplicationResult> results(static_cast<std::size_t>(reps));
  const bool across_replications = reps >= threads;
  const int inner = across_replications ? 1 : threads;
  int done = 0;
  auto run_one = [&](int r) {
    results[static_cast<std::size_t>(r)] = run_replication(params, hazards, static_cast<std::uint32_t>(r), inner);
#pragma omp critical(almpsim_progress)
    {
      ++done;
      if (options.on_replication_done) options.on_replication_done(done, reps);
    }
  };
  // Only one level of parallelism is opened, so the inner loop gets its threads.
  if (across_replications && threads > 1) {
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
    for (int r = 0; r < reps; ++r) run_one(r);
  } else {
    for (int r = 0; r < reps; ++r) run_one(r);
  }
  return results;
}

}  // namespace almpsim
