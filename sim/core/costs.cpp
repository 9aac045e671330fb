#include "almpsim/costs.hpp"

#include <algorithm>

namespace almpsim {

double programme_cost(const ActorSpec& actor, const PerActivity<ProgrammeSpec>& programmes, bool on_benefit,
                      Activity current) {
  if (!on_benefit || current == Activity::none) return 0.0;
  return programmes[index_of(current)].cost_per_week * actor.costs.programme_cost_factor;
}

double case_week_cost(const ActorSpec& actor, const PerActivity<ProgrammeSpec>& programmes, bool on_benefit,
                      Activity current) {
  return administration_cost(actor, on_benefit) + programme_cost(actor, programmes, on_benefit, current);
}

bool books_transfers(const Params& params) {
  for (double t : params.transfer_per_week)
    if (t != 0.0) return true;
  return false;
}

namespace {

/// What a pair of actors' citizens receive in a week, counted over the states both may serve.
struct Caseload {
  double paid = 0.0, citizens = 0.0;
};

/// Actor a's caseload in week w over the states it and its counterfactual both may serve:
/// not gone, and excepted from neither's assignment (a case type one of them never takes,
/// such as rehabilitation left with the job centre, would make the comparison unlike).
Caseload compared_caseload(const Params& params, const ReplicationResult& r, std::size_t w, std::size_t a,
                           std::size_t other) {
  const std::size_t actors = params.actors.size();
  Caseload c;
  for (std::size_t s = 0; s < kStates; ++s) {
    if (s == index_of(State::exited) || params.actors[a].assignment.except_states[s] ||
        params.actors[other].assignment.except_states[s])
      continue;
    const double n = r.occupancy[(w * actors + a) * kStates + s];
    c.paid += n * params.transfer_per_week[s];
    c.citizens += n;
  }
  return c;
}

/// The transfers actor a saves in week w against `against`: its citizens at the other actor's
/// transfer per citizen, less what its own citizens receive.
double weekly_saving(const Params& params, const ReplicationResult& r, std::size_t w, std::size_t a,
                     std::size_t against) {
  const Caseload own = compared_caseload(params, r, w, a, against);
  const Caseload other = compared_caseload(params, r, w, against, a);
  if (!(other.citizens > 0)) return 0.0;
  return own.citizens * other.paid / other.citizens - own.paid;
}

/// The actor's caseworkers in all its teams in the week of a calendar slot.
double caseworkers_in(const ActorSpec& actor, int slot) {
  double staff = 0.0;
  for (const WeekSeries& team : actor.caseworkers)
    if (!team.empty()) staff += team[static_cast<std::size_t>(slot)];
  return staff;
}

}  // namespace

double staff_bonus(const ActorSpec& actor, int slot, double moved) {
  const StaffBonus& bonus = actor.costs.staff_bonus;
  if (bonus.per_caseworker <= 0.0 || moved < bonus.self_support_at_least) return 0.0;
  return bonus.per_caseworker * caseworkers_in(actor, slot);
}

void close_accounts(const Params& params, ReplicationResult& r) {
  const auto weeks = static_cast<std::size_t>(params.calendar.weeks);
  const std::size_t actors = params.actors.size();
  auto account = [&](std::size_t w, std::size_t a, CostAccount k) -> double& {
    return r.cost_accounts[(w * actors + a) * kCostAccounts + static_cast<std::size_t>(k)];
  };
  if (books_transfers(params)) {
    // Everything the actor's citizens receive, whoever they are.
    for (std::size_t w = 0; w < weeks; ++w)
      for (std::size_t a = 0; a < actors; ++a)
        for (std::size_t s = 0; s < kStates; ++s)
          account(w, a, CostAccount::transfers) +=
              r.occupancy[(w * actors + a) * kStates + s] * params.transfer_per_week[s];
    // A savings share is settled at the end of each period on what the period saved in all
    // (never less than nothing): a week's loss offsets another's gain.
    for (std::size_t a = 0; a < actors; ++a) {
      const SavingsShare& deal = params.actors[a].costs.savings_share;
      if (deal.share <= 0.0) continue;
      double saved = 0.0;
      for (std::size_t w = 0; w < weeks; ++w) {
        saved += weekly_saving(params, r, w, a, deal.against);
        const auto period = static_cast<std::size_t>(std::max(1, deal.settle_every_weeks));
        const bool period_ends = (w + 1) % period == 0 || w + 1 == weeks;
        if (!period_ends) continue;
        account(w, a, CostAccount::payments) += deal.share * std::max(0.0, saved);
        saved = 0.0;
      }
    }
  }
  // A staff bonus is settled at the end of each full period on the cases the actor moved.
  for (std::size_t a = 0; a < actors; ++a) {
    const ActorSpec& actor = params.actors[a];
    if (actor.costs.staff_bonus.per_caseworker <= 0.0) continue;
    double moved = 0.0;
    for (std::size_t w = 0; w < weeks; ++w) {
      moved += r.moved_to_self_support[w * actors + a];
      const auto week = static_cast<Week>(w);
      if (!ends_bonus_period(actor.costs.staff_bonus, week)) continue;
      account(w, a, CostAccount::administration) += staff_bonus(actor, params.calendar.slot(week), moved);
      moved = 0.0;
    }
  }
  r.costs.assign(weeks * actors, 0.0);
  for (std::size_t w = 0; w < weeks; ++w)
    for (std::size_t a = 0; a < actors; ++a)
      r.costs[w * actors + a] = account(w, a, CostAccount::administration) + account(w, a, CostAccount::programmes) +
                                account(w, a, CostAccount::payments);
}

std::string money_unit(const Params& params) {
  return money_unit(params.currency, params.price_year);
}

std::string money_unit(const std::string& currency, std::optional<int> price_year) {
  return currency + ", " +
         (price_year ? std::to_string(*price_year) + " prices" : std::string("price year not stated"));
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
