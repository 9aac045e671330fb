#pragma once
/// Costs by cost event, from the serving actor's cost model (ActorSpec::costs): every place that
/// adds up costs (the weekly record, cohorts) asks here.
#include <array>
#include <string>
#include <string_view>

#include "almpsim/params.hpp"
#include "almpsim/results.hpp"

namespace almpsim {

/// The accounts costs are booked to: the actor's administration of its cases, the programmes
/// they attend, what the actor is paid (fees, bonuses, milestones, a savings share), and the
/// transfers its citizens receive. `costs` is the first three together.
enum class CostAccount : std::uint8_t { administration, programmes, payments, transfers };
inline constexpr int kCostAccounts = 4;
inline constexpr std::array<std::string_view, kCostAccounts> kCostAccountNames = {"administration", "programmes",
                                                                                  "payments", "transfers"};

/// Whether reported week w ends one of the staff bonus's periods (counted from week 0).
inline bool ends_bonus_period(const StaffBonus& bonus, Week w) {
  return w >= 0 && (w + 1) % bonus.every_weeks == 0;
}

/// The staff bonus the actor pays at the end of a period in which its cases moved from benefit
/// into self-support `moved` times: each of its caseworkers of that week (calendar slot) is paid
/// if the target was met. A staff cost, booked to administration.
double staff_bonus(const ActorSpec& actor, int slot, double moved);

/// Administration of a case-week on benefit (nothing off benefit).
inline double administration_cost(const ActorSpec& actor, bool on_benefit) {
  return on_benefit ? actor.costs.admin_per_case_week : 0.0;
}

/// The programme running in a case-week on benefit, at the actor's cost factor.
double programme_cost(const ActorSpec& actor, const PerActivity<ProgrammeSpec>& programmes, bool on_benefit,
                      Activity current);

/// A case-week on benefit: administration, plus the programme running that week at the actor's
/// cost factor. Nothing off benefit.
double case_week_cost(const ActorSpec& actor, const PerActivity<ProgrammeSpec>& programmes, bool on_benefit,
                      Activity current);

/// Paid to the actor that takes a case entering benefit (a new case, or a return from off benefit).
inline double entry_fee(const ActorSpec& actor) {
  return actor.costs.fixed_fee_per_case;
}

/// Paid to the actor whose case moves from benefit into self-support.
inline double self_support_bonus(const ActorSpec& actor) {
  return actor.costs.bonus_per_self_support;
}

/// Whether some actor pays milestones (else none need be looked for).
bool pays_milestones(const Params& params);

/// Paid to the actor serving a spell in `s` that has lasted `weeks` weeks at the start of a week.
double milestone_payment(const ActorSpec& actor, State s, int weeks);

/// Whether some state has a transfer (else the transfer account stays empty and no savings
/// share can be paid).
bool books_transfers(const Params& params);

/// Closes a replication's accounts from its weekly record: the transfers of each actor's
/// citizens (occupancy at the start of the week times the state's transfer), each savings share
/// settled into the payments account, each staff bonus earned into administration, and `costs`
/// as administration, programmes and payments.
void close_accounts(const Params& params, ReplicationResult& result);

/// The unit costs are in, for showing beside them: "DKK, 2009 prices".
std::string money_unit(const Params& params);
/// The same from the currency and the price year as a results file states them.
std::string money_unit(const std::string& currency, std::optional<int> price_year);

}  // namespace almpsim
