#pragma once
/// Sites whose effect differs beyond chance: an actor with job_finding_sd > 0 has its
/// job-finding multiplier drawn anew in each replication, so that a trial run many times shows
/// both the chance differences between sites and the real ones; with area_job_finding_sd > 0
/// each area's level is drawn too, shared by the actors serving there.
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

/// Each area's multiplier in one replication, drawn as an actor's is from the area's own stream
/// (1 for every area when attributes.area_job_finding_sd is 0).
std::vector<double> area_effects(const Params& params, std::uint32_t replication);

/// The parameters of one replication: the job-finding moves of everyone in each area times the
/// area's multiplier (a log effect on the area, added to the hazards' own).
Params with_area_effects(const Params& params, const std::vector<double>& multipliers);

}  // namespace almpsim
