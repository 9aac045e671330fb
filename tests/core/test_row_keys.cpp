// Row keys and the rows they point at. A citizen's row key is kept in 16 bits where the model
// has at most 2^16 rows and in 32 bits otherwise; no shipped model needs the wide keys, so they
// are forced here and the whole run compared, every field of the result, with the narrow one.
// The keys are checked week by week against the citizens' fields, and rows carried from the
// week before are compared, a whole run at a time, with rows filled every week.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "almpsim/engine.hpp"
#include "almpsim/result_bytes.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
bool same_spells(const std::vector<Spell>& a, const std::vector<Spell>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Spell& x, const Spell& y) {
    return x.citizen == y.citizen && x.actor == y.actor && x.state == y.state && x.activity == y.activity &&
           x.first_week == y.first_week && x.last_week == y.last_week;
  });
}
}  // namespace

TEST_CASE("32-bit row keys give the same run, bit for bit, as 16-bit ones", "[unit]") {
  // Casework, cohorts and a shock (two_actors_shock); the fitted Køge model; a pure chain.
  for (const char* scenario : {"two_actors_shock.toml", "koege_2008.toml", "reference_markov.toml"}) {
    INFO(scenario);
    Params p = test::shipped(scenario, {"population.size=4000", "replications=1"});
    p.run.register_spells = true;
    ReplicationResult narrow = run_monte_carlo(p, {}).front();
    p.run.wide_row_keys = true;
    ReplicationResult wide = run_monte_carlo(p, {}).front();
    CHECK(narrow.spells.size() > 4000);
    CHECK(same_spells(wide.spells, narrow.spells));
    // The rest as bytes; spells compared above, field by field (their padding is no part of them).
    wide.spells.clear();
    narrow.spells.clear();
    const std::vector<std::byte> narrow_bytes = to_bytes(narrow);
    CHECK(narrow_bytes.size() > 10000);  // a run with results in it
    CHECK((to_bytes(wide) == narrow_bytes));
  }
}

TEST_CASE("every current row key is the one its citizen's fields give, week by week", "[unit]") {
  // Keys are worked out at moves, on arrival and at the ends of their bands, and dropped at a
  // reassessment or a referral. The check recomputes every current key each week and throws on
  // the first that differs. Casework with a pension age, reassessments, referrals, a duration
  // limit and a shock; the fitted Køge model; a pure chain.
  const std::vector<std::pair<const char*, std::vector<std::string>>> runs{
      {"two_actors_shock.toml",
       {"attributes.pension_age=67", "actors.jobcenter.reassessment={\"4\" = {\"3\" = 0.3}}",
        "actors.agens.referral={to = \"jobcenter\", chance = 0.1}"}},
      {"koege_2008.toml", {}},
      {"reference_markov.toml", {}}};
  for (const auto& [scenario, overrides] : runs) {
    INFO(scenario);
    std::vector<std::string> set{"population.size=3000", "replications=1"};
    set.insert(set.end(), overrides.begin(), overrides.end());
    Params p = test::shipped(scenario, set);
    const ReplicationResult unchecked = run_monte_carlo(p, {}).front();
    p.run.check_row_keys = true;
    ReplicationResult checked;
    REQUIRE_NOTHROW(checked = run_monte_carlo(p, {}).front());
    CHECK((to_bytes(checked) == to_bytes(unchecked)));  // checking changes nothing
  }
}

TEST_CASE("rows carried from the week before give the same run, bit for bit, as rows filled every week", "[unit]") {
  // Rows are carried where the state's week multipliers and the actor's job finding and move
  // multipliers are those of the week before. A shock that ramps up over 26 weeks and then
  // holds (unemployment_shock, its job finding set below 1 here) changes the multipliers some
  // weeks and not others, and so does a macro path over most of the run (two_actors_shock,
  // also on two threads, with more citizens than a block, so that both threads' rows carry);
  // the flex-job provider's job finding steps up once, and here its move multiplier too; in the
  // fitted Køge model nothing changes, nor in a pure chain.
  struct Run {
    const char* scenario;
    std::vector<std::string> overrides;
    int threads = 1;
  };
  const std::vector<Run> runs{
      {"unemployment_shock.toml", {"shocks.crisis_2009.job_finding=0.8"}},
      {"two_actors_shock.toml", {}},
      {"two_actors_shock.toml", {"population.size=20000"}, 2},
      {"flexjob_placement.toml",
       {R"(actors.provider.moves={waiting_flexjob = {disability_pension = [[2012-01-02, 1.0], [2012-07-02, 3.0]]}})"}},
      {"koege_2008.toml", {}},
      {"reference_markov.toml", {}}};
  for (const Run& run : runs) {
    INFO(run.scenario << " on " << run.threads << " threads");
    std::vector<std::string> set{"population.size=3000", "replications=1"};
    set.insert(set.end(), run.overrides.begin(), run.overrides.end());
    Params p = test::shipped(run.scenario, set);
    p.run.register_spells = true;
    MonteCarloOptions options;
    options.threads = run.threads;
    ReplicationResult carried = run_monte_carlo(p, options).front();
    p.run.fill_rows_every_week = true;
    ReplicationResult filled = run_monte_carlo(p, options).front();
    CHECK(carried.spells.size() > 3000);
    CHECK(same_spells(filled.spells, carried.spells));
    carried.spells.clear();
    filled.spells.clear();
    const std::vector<std::byte> carried_bytes = to_bytes(carried);
    CHECK(carried_bytes.size() > 10000);
    CHECK((to_bytes(filled) == carried_bytes));
  }
}
