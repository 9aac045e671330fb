// What is paid: transfers to citizens by state, and what actors are paid beyond their fees
// (milestones, a share of transfer savings).
#include <algorithm>
#include <cmath>

#include "almpsim/actors.hpp"
#include "almpsim/costs.hpp"
#include "params_builder.hpp"
#include "scenario_values.hpp"

namespace almpsim::io {

namespace {
/// Why a key about a state no case can reach is refused.
std::string unreachable(const std::string& state) {
  return "no case can be in " + state +
         " (no hazard, inflow or initial share leads there), so this would change nothing";
}
}  // namespace

// Transfers per person-week by state. A state no case can be in would pay nothing, and the gone
// receive nothing.
void ParamsBuilder::read_transfers() {
  const auto amounts = named_numbers(top_, "transfers", state_names(), "state");
  bool any = false, given = false;
  for (std::size_t s = 0; s < kStates; ++s) {
    if (!amounts[s]) continue;
    given = true;
    any = any || *amounts[s] > 0;
    p_.transfer_per_week[s] = *amounts[s];
    const std::string key = "transfers." + std::string(kStateNames[s]);
    if (s == index_of(State::exited))
      top_.fail(key, "exited citizens are gone and receive nothing");
    else if (*amounts[s] > 0 && !can_be_in(s))
      top_.fail(key, unreachable(std::string(kStateNames[s])));
  }
  if (given && !any) refuse_inert(top_, "transfers", "transfers", "every amount is 0");
}

// Payments for spells that last: milestones.<state> = [[weeks, amount], ...]. A state no case can
// be in would never pay.
void ParamsBuilder::read_milestones(Reader& c, CostModel& costs) {
  Reader all = c.table("milestones");
  for_each_state_key(all, [&](int s, const std::string& state) {
    const std::string path = all.path_of(state);
    const auto* pairs = all.node(state) ? all.node(state)->as_array() : nullptr;
    const std::string form = "expected [weeks, amount] pairs, e.g. [[8, 10000], [17, 10000]]";
    if (!pairs || pairs->empty()) {
      all.fail(state, form);
      return;
    }
    auto& out = costs.milestones[static_cast<std::size_t>(s)];
    for (const auto& item : *pairs) {
      const auto* pair = item.as_array();
      if (!pair || pair->size() != 2) {
        all.fail(state, form);
        return;
      }
      const auto weeks = number_of(doc_, *pair->get(0), path, 1, 520);
      const auto amount = number_of(doc_, *pair->get(1), path, 0, 1e9);
      if (!weeks || !amount) return;
      if (*weeks != std::floor(*weeks)) {
        all.fail(state, "weeks are whole weeks");
        return;
      }
      out.push_back({static_cast<int>(*weeks), *amount});
    }
    if (std::all_of(out.begin(), out.end(), [](const Milestone& m) { return m.amount == 0.0; }))
      refuse_inert(all, state, "actors", "pays nothing (every amount is 0)");
    if (!can_be_in(static_cast<std::size_t>(s))) all.fail(state, unreachable(state));
  });
}

// A share of the transfers an actor saves against another actor's caseload: Agens's contract
// paid half the municipality's net savings on transfers.
void ParamsBuilder::read_savings_share(Reader& c, const std::string& name, CostModel& costs) {
  if (!c.has("savings_share")) return;
  Reader r = c.table("savings_share");
  SavingsShare& deal = costs.savings_share;
  if (!r.has("share")) r.fail("share", "missing: the share of the savings paid to the actor");
  deal.share = r.optional_number("share").value_or(0.0);
  if (r.has("settle_every_weeks")) {
    deal.settle_every_weeks = r.integer("settle_every_weeks");
    if (deal.settle_every_weeks >= p_.calendar.weeks)
      refuse_inert(r, "settle_every_weeks", "actors",
                   "the run's " + std::to_string(p_.calendar.weeks) +
                       " reported weeks end before the first period does: its one settlement is at the end");
  }
  if (const auto against =
          other_actor(r, "against", name, "the actor whose transfers per citizen the savings are measured against",
                      "the savings are measured against another actor's caseload, not the actor's own"))
    deal.against = *against;
  if (deal.share > 0 && !books_transfers(p_))
    r.fail("share", "a share of transfer savings needs transfers to save: set `transfers` for the benefit states");
}

void ParamsBuilder::read_staff_bonus(Reader& c, const ActorSpec& a, CostModel& costs) {
  if (!c.has("staff_bonus")) return;
  Reader r = c.table("staff_bonus");
  StaffBonus& bonus = costs.staff_bonus;
  if (!r.has("per_caseworker")) r.fail("per_caseworker", "missing: the bonus paid to each caseworker");
  bonus.per_caseworker = r.optional_number("per_caseworker").value_or(0.0);
  bonus.every_weeks = r.integer("every_weeks");
  bonus.self_support_at_least = r.optional_number("self_support_at_least").value_or(0.0);
  if (bonus.every_weeks > p_.calendar.weeks)
    r.fail("every_weeks", "the run's " + std::to_string(p_.calendar.weeks) +
                              " reported weeks end before the first period does, and only full periods are settled, "
                              "so this would change nothing");
  if (r.has("per_caseworker") && !has_caseworker_limit(a))
    r.fail("per_caseworker", "the actor has no caseworkers to pay (`caseworkers`), so this would change nothing");
}

}  // namespace almpsim::io
