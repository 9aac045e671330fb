#pragma once
// The handful of strategy keys a teaching page moves with sliders, read off a resolved scenario,
// and the --set overrides a slider's position means. A slider names a change in the terms a
// student thinks in (a delay in weeks, a share of activation, a multiple of the staff) and
// becomes the keys of the scenario's own shape (a mix by match group, a path over dates).
#include <map>
#include <string>
#include <vector>

namespace almpsim::serve {

struct Control {
  std::string id;     ///< "immediate_activation_delay:jobcenter", "shock_size:crisis_2009"
  std::string actor;  ///< the actor it changes; empty for a shock
  std::string label;
  std::string unit;
  double min = 0, max = 1, step = 1;
  double value = 0;  ///< the scenario's own setting
};

/// The controls a scenario offers, actor by actor in its order, then its shocks: for each
/// actor, the delay of immediate activation (where it has one), the company-placement share
/// of activation (where it has a mix), its company contact, and its caseworkers (where
/// staffed); for each shock that changes something, its size.
std::vector<Control> teaching_controls(const std::string& resolved_text);

/// The --set overrides that put the controls at `settings` (id -> value); a control at its
/// scenario's value gives none. Throws std::invalid_argument naming an unknown id or a value
/// out of its range.
std::vector<std::string> control_overrides(const std::string& resolved_text,
                                           const std::map<std::string, double>& settings);

}  // namespace almpsim::serve
