#pragma once
/// The channels through which activation policy acts on a citizen's job finding, each of which
/// can be switched off in a model: the threat of an announced programme, the lock-in while in
/// it, the effect after it, the effect of a meeting by itself, and sanctions. Switching one off
/// and comparing under the same draws shows how much of a policy's effect passes through it.
#include <optional>
#include <string_view>
#include <vector>

#include "almpsim/params.hpp"

namespace almpsim {

/// A channel of effect on job finding, named in reports and on the command line as below.
enum class Channel { threat, lock_in, post_programme, meetings, sanctions };

/// Every channel, in the order reports show them.
const std::vector<Channel>& all_channels();
/// "threat", "lock_in", "post_programme", "meetings" or "sanctions".
std::string_view channel_name(Channel c);
/// The channel of that name; none for an unknown name.
std::optional<Channel> find_channel(std::string_view name);

/// The model without the channel: its multipliers set to 1 (threat, lock-in, post-programme,
/// meeting effect) or no no-show sanctioned (sanctions: a no-show still misses the meeting).
/// Nothing else changes.
void switch_off_channel(Params& params, Channel c);

/// Whether the model has the channel at all (some multiplier not 1; some no-show sanctioned
/// and sent off benefit).
bool has_channel(const Params& params, Channel c);

}  // namespace almpsim
