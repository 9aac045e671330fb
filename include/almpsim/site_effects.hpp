#pragma once
/// Sites whose effect differs beyond chance: an actor with job_finding_sd > 0 has its
/// job-finding multiplier drawn anew in each replication, so that a trial run many times shows
/// both the chance differences between sites and the real ones.
#include <cstdint>
#include <vector>

#include "almpsim/params.hpp"

namespace almpsim {

/// Each actor's multiplier in one replication: exp(sd z - sd²/2), mean 1, z standard normal
/// from the replication's stream for that actor's name (1 for an actor with sd 0).
std::vector<double> site_effects(const Params& params, std::uint32_t replication);

/// Whether some actor's job finding is drawn per replication.
bool has_site_effects(const Params& params);

/// The parameters of one replication: each actor's job finding times its multiplier
/// (`site_effects` of the replication).
Params with_site_effects(const Params& params, const std::vector<double>& multipliers);

}  // namespace almpsim
