#include "almpsim/site_effects.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "almpsim/rng.hpp"

namespace almpsim {

std::vector<double> site_effects(const Params& params, std::uint32_t replication) {
  const RandomStreams rng(params.run.seed, replication);
  std::vector<double> out(params.actors.size(), 1.0);
  for (std::size_t a = 0; a < params.actors.size(); ++a) {
    const double sd = params.actors[a].job_finding_sd;
    if (sd <= 0.0) continue;
    // Box-Muller on two words of the actor's own counter: the draw depends on nothing else.
    const auto w = rng.words(static_cast<std::uint32_t>(a), 0, Process::site_effect);
    const double u1 = (w[0] + 0.5) * 0x1p-32, u2 = w[1] * 0x1p-32;
    const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    out[a] = std::exp(sd * z);
  }
  return out;
}

bool has_site_effects(const Params& params) {
  return std::any_of(params.actors.begin(), params.actors.end(),
                     [](const ActorSpec& a) { return a.job_finding_sd > 0.0; });
}

Params with_site_effects(const Params& params, std::uint32_t replication) {
  Params drawn = params;
  const std::vector<double> effect = site_effects(params, replication);
  for (std::size_t a = 0; a < drawn.actors.size(); ++a)
    for (WeekSeries& series : drawn.actors[a].job_finding)
      for (double& m : series) m *= effect[a];
  return drawn;
}

}  // namespace almpsim
