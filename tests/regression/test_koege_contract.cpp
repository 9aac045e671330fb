// The shipped Køge contract: Agens paid half its transfer savings against the job centre's
// caseload. The contract pays; it does not move anyone, so the run is Køge's, and the payment
// falls only at the ends of its settlement periods.
#include <algorithm>

#include "almpsim/costs.hpp"
#include "almpsim/engine.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

TEST_CASE("koege_contract is the Køge run with Agens paid its savings share at the end of each period",
          "[regression]") {
  const std::vector<std::string> few = {"replications=20"};
  const Params contract = test::shipped("koege_contract.toml", few);
  const Params koege = test::shipped("koege_2008.toml", few);
  MonteCarloOptions options;
  options.threads = 2;
  const auto paid = run_monte_carlo(contract, options);
  const auto plain = run_monte_carlo(koege, options);
  const std::size_t agens = 1, weeks = 80, actors = 2;
  REQUIRE(contract.actor_names() == std::vector<std::string>{"jobcenter", "agens"});
  REQUIRE(contract.calendar.weeks == static_cast<int>(weeks));
  int replications_paid = 0;
  for (std::size_t r = 0; r < paid.size(); ++r) {
    INFO("replication " << r);
    // The same citizens in the same states, week by week, and the same cohort outcomes.
    CHECK(paid[r].occupancy == plain[r].occupancy);
    CHECK(paid[r].cohorts[0].status == plain[r].cohorts[0].status);
    auto account = [&](std::size_t w, std::size_t a, CostAccount k) {
      return paid[r].cost_accounts[(w * actors + a) * kCostAccounts + static_cast<std::size_t>(k)];
    };
    bool any = false;
    for (std::size_t w = 0; w < weeks; ++w) {
      const double payment = account(w, agens, CostAccount::payments);
      CHECK(payment >= 0.0);
      // Settled after 52 weeks and at the end of the run; the job centre has no contract.
      if (w != 51 && w != 79) CHECK(payment == 0.0);
      CHECK(account(w, 0, CostAccount::payments) == 0.0);
      any = any || payment > 0.0;
      // Transfers are the week's occupancy at the scenario's amounts.
      double transfers = 0.0;
      for (std::size_t s = 0; s < kStates; ++s)
        transfers += paid[r].occupancy[(w * actors + agens) * kStates + s] * contract.transfer_per_week[s];
      CHECK(account(w, agens, CostAccount::transfers) == Approx(transfers).epsilon(1e-12));
    }
    replications_paid += any;
  }
  // Some replications save and are paid (the mechanism acts on this scenario).
  CHECK(replications_paid > 0);
}
