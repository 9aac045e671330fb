#include "almpsim/optimiser.hpp"

#include <algorithm>
#include <cmath>
#include <nlopt.hpp>

namespace almpsim {

namespace {
nlopt::algorithm algorithm_of(const std::string& name) {
  if (name == "neldermead") return nlopt::LN_NELDERMEAD;
  if (name == "bobyqa") return nlopt::LN_BOBYQA;
  if (name == "cobyla") return nlopt::LN_COBYLA;
  return nlopt::LN_SBPLX;
}
}  // namespace

OptimiserResult minimise(const std::function<double(const std::vector<double>&)>& f, std::vector<double> x0,
                         const std::string& algorithm, int max_evaluations) {
  const auto n = static_cast<unsigned>(x0.size());
  nlopt::opt opt(algorithm_of(algorithm), n);
  opt.set_lower_bounds(std::vector<double>(n, 0.0));
  opt.set_upper_bounds(std::vector<double>(n, 1.0));
  opt.set_maxeval(max_evaluations);
  opt.set_xtol_abs(1e-4);
  opt.set_initial_step(std::vector<double>(n, 0.1));
  OptimiserResult result;
  struct Context {
    const std::function<double(const std::vector<double>&)>* f;
    OptimiserResult* result;
  } context{&f, &result};
  opt.set_min_objective(
      [](const std::vector<double>& x, std::vector<double>&, void* data) {
        auto* c = static_cast<Context*>(data);
        ++c->result->evaluations;
        return (*c->f)(x);
      },
      &context);
  for (double& v : x0) v = std::clamp(v, 0.0, 1.0);
  double best = 0.0;
  try {
    const nlopt::result r = opt.optimize(x0, best);
    result.status = r == nlopt::MAXEVAL_REACHED ? "maximum evaluations reached" : "converged";
  } catch (const nlopt::roundoff_limited&) {
    result.status = "stopped by roundoff";
  } catch (const std::exception& e) {
    result.status = std::string("stopped: ") + e.what();
  }
  result.x = x0;  // NLopt leaves the best point found in x0
  result.value = best;
  return result;
}

double from_unit(double u, bool scale, double lower, double upper) {
  return scale ? lower * std::pow(upper / lower, u) : lower + u * (upper - lower);
}

double to_unit(double value, bool scale, double lower, double upper) {
  const double u = scale ? std::log(value / lower) / std::log(upper / lower) : (value - lower) / (upper - lower);
  return std::clamp(u, 0.0, 1.0);
}

double fit_objective(const std::vector<FitTerm>& terms) {
  double sum = 0.0;
  for (const FitTerm& t : terms) {
    if (!std::isfinite(t.simulated)) {
      sum += 1e6;  // a cohort without members cannot be fitted
      continue;
    }
    const double z = (t.simulated - t.published) / t.standard_error;
    sum += z * z;
  }
  return sum;
}

}  // namespace almpsim
