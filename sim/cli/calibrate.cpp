#include "calibrate.hpp"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

#include "almpsim/calibration.hpp"
#include "almpsim/fitted_scenario.hpp"
#include "almpsim/output.hpp"

namespace almpsim::cli {

namespace {

/// The fit in the terminal: both parts of the objective, each fitted value, each prior beside
/// the value the fit chose (in standard deviations: where the tables pull away from the
/// evidence), and every parameter the optimiser left at a bound.
void print_fit(const Calibration& fit, const std::string& output) {
  const FitRecord& r = fit.record;
  std::printf("%d evaluations (%s); objective %.2f: %.2f over %zu published numbers, %.2f over %zu priors\n",
              r.evaluations, r.status.c_str(), r.objective, r.tables_objective, fit.setting.fitted.size(),
              r.objective - r.tables_objective, r.priors.size());
  for (const FittedValue& v : fit.values) {
    std::printf("  %-55s", v.key.c_str());
    for (double x : v.values) std::printf(" %.5g", x);
    std::printf("\n");
  }
  for (const PriorRow& p : r.priors)
    std::printf("prior %s: evidence %.4g (sd %.3g), fitted %.4g, %+.1f sd (%s)\n", p.key.c_str(), p.mean, p.sd,
                p.fitted, (p.fitted - p.mean) / p.sd, p.source.c_str());
  for (const std::string& k : r.at_bound)
    std::printf("at a bound: %s; where the optimiser stopped, not an estimate, unless evidence puts it there\n",
                k.c_str());
  std::printf("wrote %s\n", output.c_str());
}

}  // namespace

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
  std::string output = args.output;
  if (output.empty()) {
    const std::filesystem::path in(args.scenario);
    output = (in.parent_path() / (in.stem().string() + "_fitted.toml")).string();
  }
  // An override the fitted scenario could not hold, or an output that cannot be written, is
  // refused before the fit, not after it: a trial file is written and removed.
  const std::string trial = output + ".trial-" + std::to_string(::getpid());
  write_fitted_scenario(trial, args.scenario, {}, FitRecord{}, args.overrides);
  std::filesystem::remove(trial);

  Calibration fit = calibrate_scenario(request);
  fit.record.version = ALMPSIM_VERSION;
  // The written scenario must reproduce the fit alone (same draws, same objective), its
  // overrides written into it, before it takes the output's place.
  const double objective = fit.record.objective;
  write_fitted_scenario(output, args.scenario, fit.values, fit.record, args.overrides, [&](const std::string& written) {
    const double reproduced = evaluate_fit(written, {}, fit.setting).objective();
    if (std::abs(reproduced - objective) <= 1e-9 * std::max(1.0, std::abs(objective))) return;
    char text[160];
    std::snprintf(text, sizeof text, "the fitted scenario does not reproduce the fit (objective %.6g instead of %.6g)",
                  reproduced, objective);
    throw OutputError(std::string(text) + "; " + output + " not written");
  });
  if (!args.quiet) print_fit(fit, output);
  return 0;
}

}  // namespace almpsim::cli
