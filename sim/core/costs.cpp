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

std::string money_unit(const Params& params) {
  return params.currency + ", " +
         (params.price_year ? std::to_string(*params.price_year) + " prices" : std::string("price year not stated"));
}

bool pays_milestones(const Params& params) {
  for (const ActorSpec& a : params.actors)
    for (const auto& milestones : a.costs.milestones)
      if (!milestones.empty()) return true;
  return false;
}

double milestone_payment(const ActorSpec& actor, State s, int weeks) {
  double paid = 0.0;
  for (const Milestone& m : actor.costs.milestones[static_cast<std::size_t>(index_of(s))])
    if (m.weeks == weeks) paid += m.amount;
  return paid;
}

}  // namespace almpsim
