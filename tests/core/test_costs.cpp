#include "almpsim/costs.hpp"

#include "support/catch.hpp"

using namespace almpsim;

TEST_CASE("a case-week costs administration plus the running programme at the actor's factor", "[unit]") {
  ActorSpec actor;
  actor.costs = {.admin_per_case_week = 300,
                 .fixed_fee_per_case = 5000,
                 .bonus_per_self_support = 1000,
                 .programme_cost_factor = 0.5};
  PerActivity<ProgrammeSpec> programmes{};
  programmes[index_of(Activity::guidance)].cost_per_week = 800;
  CHECK(case_week_cost(actor, programmes, true, Activity::none) == 300);
  CHECK(case_week_cost(actor, programmes, true, Activity::guidance) == 300 + 0.5 * 800);
  CHECK(case_week_cost(actor, programmes, false, Activity::guidance) == 0);  // off benefit: nothing
  CHECK(entry_fee(actor) == 5000);
  CHECK(self_support_bonus(actor) == 1000);
}
