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

/// Transfers paid to each actor's citizens in each reported week, and how many citizens it
/// serves then (everyone not gone: on benefit or off it).
struct WeeklyTransfers {
  std::vector<double> paid;      // [week][actor]
  std::vector<double> citizens;  // [week][actor]
};

WeeklyTransfers weekly_transfers(const Params& params, const ReplicationResult& r, std::size_t weeks,
                                 std::size_t actors) {
  WeeklyTransfers t{std::vector<double>(weeks * actors, 0.0), std::vector<double>(weeks * actors, 0.0)};
  for (std::size_t wa = 0; wa < weeks * actors; ++wa)
    for (std::size_t s = 0; s < kStates; ++s) {
      const double n = r.occupancy[wa * kStates + s];
      t.paid[wa] += n * params.transfer_per_week[s];
      if (s != index_of(State::exited)) t.citizens[wa] += n;
    }
  return t;
}

/// The transfers actor a saves in week w against the counterfactual: its citizens at the other
/// actor's transfer per citizen, less what its own citizens receive.
double weekly_saving(const WeeklyTransfers& t, std::size_t at_a, std::size_t at_against) {
  if (!(t.citizens[at_against] > 0)) return 0.0;
  return t.citizens[at_a] * t.paid[at_against] / t.citizens[at_against] - t.paid[at_a];
}

}  // namespace

void close_accounts(const Params& params, ReplicationResult& r) {
  const auto weeks = static_cast<std::size_t>(params.calendar.weeks);
  const std::size_t actors = params.actors.size();
  auto account = [&](std::size_t w, std::size_t a, CostAccount k) -> double& {
    return r.cost_accounts[(w * actors + a) * kCostAccounts + static_cast<std::size_t>(k)];
  };
  if (books_transfers(params)) {
    const WeeklyTransfers t = weekly_transfers(params, r, weeks, actors);
    for (std::size_t w = 0; w < weeks; ++w)
      for (std::size_t a = 0; a < actors; ++a) account(w, a, CostAccount::transfers) = t.paid[w * actors + a];
    // A savings share is settled at the end of each period on what the period saved in all
    // (never less than nothing): a week's loss offsets another's gain.
    for (std::size_t a = 0; a < actors; ++a) {
      const SavingsShare& deal = params.actors[a].costs.savings_share;
      if (deal.share <= 0.0) continue;
      double saved = 0.0;
      for (std::size_t w = 0; w < weeks; ++w) {
        saved += weekly_saving(t, w * actors + a, w * actors + deal.against);
        const bool period_ends = (w + 1) % static_cast<std::size_t>(deal.settle_every_weeks) == 0 || w + 1 == weeks;
        if (!period_ends) continue;
        account(w, a, CostAccount::payments) += deal.share * std::max(0.0, saved);
        saved = 0.0;
      }
    }
  }
  r.costs.assign(weeks * actors, 0.0);
  for (std::size_t w = 0; w < weeks; ++w)
    for (std::size_t a = 0; a < actors; ++a)
      r.costs[w * actors + a] = account(w, a, CostAccount::administration) + account(w, a, CostAccount::programmes) +
                                account(w, a, CostAccount::payments);
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
