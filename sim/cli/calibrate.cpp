#include "calibrate.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "almpsim/calibration.hpp"
#include "almpsim/fitted_scenario.hpp"

namespace almpsim::cli {

int calibrate(const CalibrateArgs& args) {
  CalibrationRequest request;
  request.scenario = args.scenario;
  request.overrides = args.overrides;
  request.replications = args.replications;
  request.max_evaluations = args.max_evaluations;
  if (args.seed >= 0) request.seed = static_cast<std::uint64_t>(args.seed);
  request.threads = args.threads;
  const auto started = std::chrono::steady_clock::now();
  if (!args.quiet)
    request.on_evaluation = [&](int evaluation, int budget, double value, double best) {
      if (evaluation % 10 != 0 && evaluation != 1) return;
      const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::fprintf(stderr, "evaluation %d/%d  objective %.2f  best %.2f  elapsed %.0f s\n", evaluation, budget, value,
                   best, elapsed);
    };
  Calibration fit = calibrate_scenario(request);
  fit.record.version = ALMPSIM_VERSION;

  std::string output = args.output;
  if (output.empty()) {
    const std::filesystem::path in(args.scenario);
    output = (in.parent_path() / (in.stem().string() + "_fitted.toml")).string();
  }
  write_fitted_scenario(output, args.scenario, fit.values, fit.record);
  // The written scenario must reproduce the fit (same draws, same objective).
  std::vector<double> check_means;
  const double reproduced = evaluate_fit(output, args.overrides, fit.setting, check_means);
  const double objective = fit.record.objective;
  if (std::abs(reproduced - objective) > 1e-9 * std::max(1.0, std::abs(objective))) {
    std::fprintf(stderr,
                 "error: %s does not reproduce the fit (objective %.6g instead of %.6g); a fitted key inside a "
                 "table of numbers replaces that whole table when extended\n",
                 output.c_str(), reproduced, objective);
    return 1;
  }
  if (!args.quiet) {
    std::printf("%d evaluations (%s); objective %.2f over %zu published numbers\n", fit.record.evaluations,
                fit.record.status.c_str(), objective, fit.setting.fitted.size());
    for (const FittedValue& v : fit.values) {
      std::printf("  %-55s", v.key.c_str());
      for (double x : v.values) std::printf(" %.5g", x);
      std::printf("\n");
    }
    std::printf("wrote %s\n", output.c_str());
  }
  return 0;
}

}  // namespace almpsim::cli
