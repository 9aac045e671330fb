#include "almpsim/register.hpp"

#include <algorithm>

namespace almpsim {

namespace {
constexpr std::uint32_t kNoSpell = 0xFFFFFFFFu;
std::uint32_t code_of(std::uint8_t actor, std::uint8_t state, std::uint8_t activity) {
  return (std::uint32_t{actor} << 16) | (std::uint32_t{state} << 8) | activity;
}
Spell spell_of(CitizenId i, std::uint32_t code, Week first, Week last) {
  return Spell{i,
               static_cast<std::uint8_t>(code >> 16),
               static_cast<std::uint8_t>(code >> 8),
               static_cast<std::uint8_t>(code),
               first,
               last};
}
}  // namespace

void SpellRecorder::observe(Week w, const Population& pop, CitizenId present) {
  if (code_.size() < present) {
    code_.resize(present, kNoSpell);
    since_.resize(present, w);
  }
  for (CitizenId i = 0; i < present; ++i) {
    const auto code = code_of(pop.actor[i], pop.state[i], static_cast<std::uint8_t>(pop.current_activity(i, w)));
    if (code == code_[i]) continue;
    if (code_[i] != kNoSpell) closed_.push_back(spell_of(i, code_[i], since_[i], w - 1));
    code_[i] = code;
    since_[i] = w;
  }
}

std::vector<Spell> SpellRecorder::finish(Week last_week) {
  for (CitizenId i = 0; i < code_.size(); ++i)
    if (code_[i] != kNoSpell) closed_.push_back(spell_of(i, code_[i], since_[i], last_week));
  std::stable_sort(closed_.begin(), closed_.end(), [](const Spell& a, const Spell& b) {
    return a.citizen != b.citizen ? a.citizen < b.citizen : a.first_week < b.first_week;
  });
  return std::move(closed_);
}

}  // namespace almpsim
