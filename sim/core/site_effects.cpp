#include "almpsim/site_effects.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "almpsim/rng.hpp"

namespace almpsim {

namespace {
/// The actor's stream: by name (FNV-1a), so adding or reordering actors keeps each one's draws
/// and variants of a scenario keep common random numbers.
std::uint32_t stream_of(const std::string& name) {
  std::uint32_t h = 2166136261u;
  for (const unsigned char c : name) h = (h ^ c) * 16777619u;
  return h;
}
}  // namespace

std::vector<double> site_effects(const Params& params, std::uint32_t replication) {
  const RandomStreams rng(params.run.seed, replication);
  std::vector<double> out(params.actors.size(), 1.0);
  for (std::size_t a = 0; a < params.actors.size(); ++a) {
    const double sd = params.actors[a].job_finding_sd;
    if (sd <= 0.0) continue;
    // Box-Muller on two words of the actor's own counter: the draw depends on nothing else.
    const auto w = rng.words(stream_of(params.actors[a].name), 0, Process::site_effect);
    const double u1 = (w[0] + 0.5) * 0x1p-32, u2 = w[1] * 0x1p-32;
    const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    // Centred so that the mean multiplier is 1: sites differ, but not better on average.
    out[a] = std::exp(sd * z - 0.5 * sd * sd);
  }
  return out;
}

bool has_site_effects(const Params& params) {
  return std::any_of(params.actors.begin(), params.actors.end(),
                     [](const ActorSpec& a) { return a.job_finding_sd > 0.0; });
}

Params with_site_effects(const Params& params, const std::vector<double>& multipliers) {
  Params drawn = params;
  for (std::size_t a = 0; a < drawn.actors.size(); ++a)
    for (WeekSeries& series : drawn.actors[a].job_finding)
      for (double& m : series) m *= multipliers[a];
  return drawn;
}

}  // namespace almpsim
