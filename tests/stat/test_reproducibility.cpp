#include <algorithm>
#include <numeric>

#include "almpsim/engine.hpp"
#include "almpsim/measures.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;
using test::same_bits;

namespace {
bool identical(const ReplicationResult& a, const ReplicationResult& b) {
  bool same = same_bits(a.occupancy, b.occupancy) && same_bits(a.entries, b.entries) && same_bits(a.exits, b.exits) &&
              same_bits(a.activity_occupancy, b.activity_occupancy) && same_bits(a.meetings_held, b.meetings_held) &&
              same_bits(a.meetings_overdue, b.meetings_overdue) && same_bits(a.costs, b.costs) &&
              same_bits(a.waiting_for_place, b.waiting_for_place) &&
              same_bits(a.moved_to_self_support, b.moved_to_self_support) && a.cohorts.size() == b.cohorts.size() &&
              a.spells.size() == b.spells.size();
  for (std::size_t c = 0; same && c < a.cohorts.size(); ++c) {
    for (const CohortMeasure& m : cohort_measures())
      same = same && same_bits(a.cohorts[c].*m.field, b.cohorts[c].*m.field);
  }
  for (std::size_t k = 0; same && k < a.spells.size(); ++k) {
    const Spell &x = a.spells[k], &y = b.spells[k];
    same = x.citizen == y.citizen && x.actor == y.actor && x.state == y.state && x.activity == y.activity &&
           x.first_week == y.first_week && x.last_week == y.last_week;
  }
  return same;
}

std::vector<ReplicationResult> run(const Params& p, int threads) {
  MonteCarloOptions o;
  o.threads = threads;
  return run_monte_carlo(p, o);
}
}  // namespace

TEST_CASE("same seed gives the same bits for 1 2 and 4 threads across replications", "[stat]") {
  Params p = test::shipped("two_actors_shock.toml", {"replications=4", "population.size=1500"});
  p.run.register_spells = true;
  const auto one = run(p, 1);
  for (int threads : {2, 4}) {
    const auto many = run(p, threads);
    REQUIRE(many.size() == one.size());
    for (std::size_t r = 0; r < one.size(); ++r) CHECK(identical(one[r], many[r]));
  }
  CHECK_FALSE(one[0].spells.empty());
}

TEST_CASE("same seed gives the same bits when threads split the citizens of one replication", "[stat]") {
  // 60,000 citizens make several blocks, so one replication runs in parallel; the places held
  // are counted block by block, and the lists are served in one order.
  const Params p =
      test::shipped("two_actors_shock.toml", {"replications=1", "population.size=60000", "inflow.cash_benefit=200",
                                              "actors.jobcenter.programme_places={ guidance = 300 }"});
  const auto one = run(p, 1);
  const auto two = run(p, 2);
  const auto three = run(p, 3);
  CHECK(identical(one[0], two[0]));
  CHECK(identical(one[0], three[0]));
  CHECK(*std::max_element(one[0].waiting_for_place.begin(), one[0].waiting_for_place.end()) > 0);
}

TEST_CASE("the fitted Køge model gives the same bits for 1 and 2 threads within a replication", "[stat]") {
  // Every Køge mechanism (capacity-bound meetings, immediate activation with its follow-up,
  // cohorts) with enough citizens that one replication is split between threads (in shares cut
  // to equal work), and enough caseworkers that the week's meetings are held on both threads.
  const Params p = test::shipped(
      "koege_2008.toml",
      {"replications=1", "population.size=250000", "inflow.cash_benefit=1100", "inflow.sickness_benefit=3800",
       "actors.jobcenter.caseworkers={ cash_benefit = 700.0, sickness_benefit = 850.0 }",
       "actors.agens.caseworkers={ cash_benefit = 700.0, sickness_benefit = 850.0 }"});
  const auto one = run(p, 1);
  const auto two = run(p, 2);
  CHECK(identical(one[0], two[0]));
  // Run again, and with the rows filled afresh every week instead of carried over from the week
  // before (a thread's cached rows then serve its citizens from scratch).
  CHECK(identical(two[0], run(p, 2)[0]));
  Params filled = p;
  filled.run.fill_rows_every_week = true;
  CHECK(identical(one[0], run(filled, 2)[0]));
  CHECK(one[0].cohorts.size() == 7);
  CHECK(*std::max_element(one[0].meetings_held.begin(), one[0].meetings_held.end()) > 2 * kParallelMeetings);
}

TEST_CASE("a meeting's moves made as it is held give the bits of the moves made one by one after", "[stat]") {
  // Sanctions, referrals and reassessments at meetings, and enough caseworkers that each week's
  // meetings, over a thousand, are held on every thread. A traced citizen makes the engine make
  // the meetings' moves one by one after all are held (the trace's order needs it); tracing
  // itself changes no result.
  const Params as_held = test::shipped(
      "two_actors_shock.toml", {"replications=1", "population.size=120000",
                                "actors.jobcenter.caseworkers={ cash_benefit = 600, sickness_benefit = 600, "
                                "waiting_flexjob = 40, flexjob = 40 }",
                                "actors.agens.caseworkers={ cash_benefit = 600, sickness_benefit = 600 }",
                                "actors.agens.referral={ to = \"jobcenter\", chance = { not_job_ready = 0.05 } }",
                                "actors.jobcenter.reassessment={ \"4\" = { \"3\" = 0.05 }, none = { \"4\" = 0.5 } }"});
  Params one_by_one = as_held;
  one_by_one.run.traced = {0};
  const auto reference = run(one_by_one, 1);
  for (int threads : {1, 2, 3}) {
    INFO(threads << " threads");
    CHECK(identical(reference[0], run(as_held, threads)[0]));
    CHECK(identical(reference[0], run(one_by_one, threads)[0]));
  }
  const std::vector<std::int32_t>& held = reference[0].meetings_held;  // [week][actor]
  for (std::size_t w = 0; w + 1 < held.size(); w += 2) CHECK(held[w] + held[w + 1] >= std::int32_t{kParallelMeetings});
  CHECK(std::accumulate(reference[0].moved_to_self_support.begin(), reference[0].moved_to_self_support.end(), 0) > 0);
}

TEST_CASE("different seeds and replications give different draws", "[stat]") {
  const Params a = test::shipped("two_actors_shock.toml", {"replications=2", "population.size=1500", "seed=1"});
  const Params b = test::shipped("two_actors_shock.toml", {"replications=2", "population.size=1500", "seed=2"});
  const auto ra = run(a, 1), rb = run(b, 1);
  CHECK_FALSE(same_bits(ra[0].occupancy, rb[0].occupancy));
  CHECK_FALSE(same_bits(ra[0].occupancy, ra[1].occupancy));
}
