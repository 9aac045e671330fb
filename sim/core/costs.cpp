#include "almpsim/costs.hpp"

namespace almpsim {

double case_week_cost(const ActorSpec& actor, const PerActivity<ProgrammeSpec>& programmes, bool on_benefit,
                      Activity current) {
  if (!on_benefit) return 0.0;
  double cost = actor.costs.admin_per_case_week;
  if (current != Activity::none)
    cost += programmes[index_of(current)].cost_per_week * actor.costs.programme_cost_factor;
  return cost;
}

}  // namespace almpsim
