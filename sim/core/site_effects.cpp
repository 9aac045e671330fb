#include "almpsim/site_effects.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "almpsim/rng.hpp"

namespace almpsim {

namespace {
/// A named stream (an actor's, an area's): by name (FNV-1a), so adding or reordering them keeps each one's draws
/// and variants of a scenario keep common random numbers.
std::uint32_t stream_of(const std::string& name) {
  std::uint32_t h = 2166136261u;
  for (const unsigned char c : name) h = (h ^ c) * 16777619u;
  return h;
}

/// exp(sd z - sd²/2) from the named stream: Box-Muller on two words of its own counter, so the
/// draw depends on nothing else. Centred so that the mean multiplier is 1: sites differ, but are
/// not better on average.
double drawn_multiplier(const RandomStreams& rng, const std::string& name, Process process, double sd) {
  const auto w = rng.words(stream_of(name), 0, process);
  const double u1 = (w[0] + 0.5) * 0x1p-32, u2 = w[1] * 0x1p-32;
  const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  return std::exp(sd * z - 0.5 * sd * sd);
}
}  // namespace

std::vector<double> site_effects(const Params& params, std::uint32_t replication) {
  const RandomStreams rng(params.run.seed, replication);
  std::vector<double> out(params.actors.size(), 1.0);
  for (std::size_t a = 0; a < params.actors.size(); ++a) {
    const double sd = params.actors[a].job_finding_sd;
    if (sd > 0.0) out[a] = drawn_multiplier(rng, params.actors[a].name, Process::site_effect, sd);
  }
  return out;
}

std::vector<double> area_effects(const Params& params, std::uint32_t replication) {
  const RandomStreams rng(params.run.seed, replication);
  const auto& areas = params.attributes.area_names;
  std::vector<double> out(areas.size(), 1.0);
  const double sd = params.attributes.area_job_finding_sd;
  if (sd > 0.0)
    for (std::size_t k = 0; k < areas.size(); ++k) out[k] = drawn_multiplier(rng, areas[k], Process::area_effect, sd);
  return out;
}

Params with_area_effects(const Params& params, const std::vector<double>& multipliers) {
  Params drawn = params;
  for (HazardSpec& h : drawn.hazards) {
    if (!drawn.job_finding_moves[index_of(h.from)][index_of(h.to)]) continue;
    h.effects.area.resize(multipliers.size(), 0.0);
    for (std::size_t k = 0; k < multipliers.size(); ++k) h.effects.area[k] += std::log(multipliers[k]);
  }
  return drawn;
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
