#pragma once
// almpsim serve: a local web page to teach with. A student picks a shipped scenario, moves
// sliders for a few strategy keys, and sees the benefit states, survival curves and cohort
// outcomes of the variant beside the scenario as shipped, run in the engine in process.
#include <string>

namespace almpsim::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;               ///< 0: any free port (printed)
  std::string scenarios_folder;  ///< the scenarios the page offers
  std::string page_folder;       ///< index.html, app.js, style.css
  std::string chart_library;     ///< Chart.js (chart.umd.min.js), fetched by scripts/setup.sh
  int threads = 2;
  int most_replications = 100;
  double largest_run = 5e7;  ///< citizen-weeks of one replication the page will run
};

/// Serves until the process is stopped; returns an exit status if it cannot start.
int serve(const ServeOptions& options);

}  // namespace almpsim::serve
