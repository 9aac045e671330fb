#include "almpsim/channels.hpp"

#include <algorithm>
#include <array>

#include "almpsim/meeting_effect.hpp"

namespace almpsim {

namespace {

constexpr std::array<std::pair<Channel, std::string_view>, 5> kNames = {{
    {Channel::threat, "threat"},
    {Channel::lock_in, "lock_in"},
    {Channel::post_programme, "post_programme"},
    {Channel::meetings, "meetings"},
    {Channel::sanctions, "sanctions"},
}};

/// The per-group multipliers of a programme that carry the channel; null for actor channels.
template <class Programme>
auto* programme_multipliers(Programme& p, Channel c) {
  using Multipliers = decltype(&p.lock_in);
  switch (c) {
    case Channel::threat:
      return &p.threat_effect;
    case Channel::lock_in:
      return &p.lock_in;
    case Channel::post_programme:
      return &p.post_effect;
    default:
      return Multipliers{nullptr};
  }
}

}  // namespace

const std::vector<Channel>& all_channels() {
  static const std::vector<Channel> all = [] {
    std::vector<Channel> out;
    for (const auto& [c, name] : kNames) out.push_back(c);
    return out;
  }();
  return all;
}

std::string_view channel_name(Channel c) {
  for (const auto& [channel, name] : kNames)
    if (channel == c) return name;
  return "";
}

std::optional<Channel> find_channel(std::string_view name) {
  for (const auto& [channel, n] : kNames)
    if (n == name) return channel;
  return std::nullopt;
}

void switch_off_channel(Params& params, Channel c) {
  for (ProgrammeSpec& p : params.programmes)
    if (auto* m = programme_multipliers(p, c)) std::fill(m->begin(), m->end(), 1.0);
  for (ActorSpec& a : params.actors) {
    if (c == Channel::meetings)
      for (auto* sizes : {&a.meeting_effect.size, &a.meeting_effect.group_size})
        std::fill(sizes->begin(), sizes->end(), 1.0);
    if (c == Channel::sanctions) a.sanctions.rate = 0.0;
  }
}

bool has_channel(const Params& params, Channel c) {
  for (const ProgrammeSpec& p : params.programmes)
    if (const std::vector<double>* m = programme_multipliers(p, c); m && differs_from_one(*m)) return true;
  for (const ActorSpec& a : params.actors) {
    if (c == Channel::meetings && has_effect(a.meeting_effect)) return true;
    if (c == Channel::sanctions && a.sanctions.rate > 0.0 && a.sanctions.no_show > 0.0 && a.sanctions.exit_share > 0.0)
      return true;
  }
  return false;
}

}  // namespace almpsim
