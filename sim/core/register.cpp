#include "almpsim/register.hpp"

#include <algorithm>

namespace almpsim {

namespace {
/// No spell open yet: a code no case has (every code is below case_codes(256)).
constexpr CaseCode kNoSpell = 0xFFFF;
static_assert(case_codes(256) <= kNoSpell);
Spell spell_of(CitizenId i, CaseCode code, Week first, Week last) {
  const CaseParts parts = case_parts(code);
  return Spell{i, parts.actor, parts.state, parts.activity, first, last};
}
}  // namespace

void SpellRecorder::observe(Week w, const CaseCode* codes, CitizenId present) {
  if (code_.size() < present) {
    code_.resize(present, kNoSpell);
    since_.resize(present, w);
  }
  for (CitizenId i = 0; i < present; ++i) {
    if (codes[i] == code_[i]) continue;
    if (code_[i] != kNoSpell) closed_.push_back(spell_of(i, code_[i], since_[i], w - 1));
    code_[i] = codes[i];
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
