// Sites whose effect differs beyond chance: an actor's job finding drawn once per replication.
#include "almpsim/site_effects.hpp"

#include <cmath>

#include "almpsim/engine.hpp"
#include "almpsim/stats.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

TEST_CASE("a site effect is log-normal with its sd, drawn for each actor and replication alone", "[stat]") {
  test::TempDir dir;
  const std::string path = dir.write("sites.toml", test::null_trial());
  const Params p = load_scenario(path, {"actors.a.job_finding_sd=0.4", "actors.b.job_finding_sd=0.4"}).params;
  const Params none = load_scenario(path).params;
  constexpr int kDraws = 4000;
  std::vector<double> log_a, log_b;
  for (std::uint32_t r = 0; r < kDraws; ++r) {
    const auto effect = site_effects(p, r);
    log_a.push_back(std::log(effect[0]));
    log_b.push_back(std::log(effect[1]));
    CHECK(site_effects(none, r) == std::vector<double>{1.0, 1.0});
  }
  // The log is normal with mean -sd²/2, so that the multiplier's mean is 1.
  for (auto* logs : {&log_a, &log_b})
    for (double& x : *logs) x += 0.5 * 0.4 * 0.4;
  const Summary a = summarise(log_a), b = summarise(log_b);
  // Standard errors of a normal sample's mean, sd and (for independent draws) mean cross product.
  const double se_mean = 0.4 / std::sqrt(kDraws), se_sd = 0.4 / std::sqrt(2.0 * kDraws);
  const double se_cross = 0.4 * 0.4 / std::sqrt(kDraws);
  CHECK(std::abs(a.mean) < 4 * se_mean);
  CHECK(std::abs(b.mean) < 4 * se_mean);
  CHECK(std::abs(a.sd - 0.4) < 4 * se_sd);
  CHECK(std::abs(b.sd - 0.4) < 4 * se_sd);
  double cross = 0;
  for (int k = 0; k < kDraws; ++k) cross += log_a[k] * log_b[k];
  CHECK(std::abs(cross / kDraws) < 4 * se_cross);
  // Each actor's draws follow its name: without the first actor, the second keeps them.
  Params without_a = p;
  without_a.actors.erase(without_a.actors.begin());
  for (std::uint32_t r = 0; r < 20; ++r) CHECK(site_effects(without_a, r)[0] == site_effects(p, r)[1]);
}

TEST_CASE("a replication with a site effect runs as if the actor's job finding were the drawn value", "[unit]") {
  test::TempDir dir;
  const std::string path = dir.write("sites.toml", test::null_trial());
  const Params p = load_scenario(path, {"actors.a.job_finding=1.2", "actors.a.job_finding_sd=0.5"}).params;
  const HazardModel hazards(p);
  const auto with_job_finding = [&](double m) {
    Params fixed = p;
    fixed.actors[0].job_finding_sd = 0.0;
    for (auto& series : fixed.actors[0].job_finding)
      for (double& v : series) v = m;
    return fixed;
  };
  int moved = 0;
  for (std::uint32_t r = 0; r < 5; ++r) {
    const double drawn = site_effects(p, r)[0];
    const ReplicationResult with_sd = run_replication(p, hazards, r, 1);
    const Params as_drawn = with_job_finding(1.2 * drawn), undrawn = with_job_finding(1.2);
    const ReplicationResult fixed = run_replication(as_drawn, HazardModel(as_drawn), r, 1);
    CHECK(with_sd.occupancy == fixed.occupancy);
    CHECK(with_sd.cohorts[0].status == fixed.cohorts[0].status);
    // The replication records what it drew, for the output; an undrawn run records 1.
    CHECK(with_sd.job_finding_multiplier == std::vector<double>{drawn, 1.0});
    CHECK(fixed.job_finding_multiplier == std::vector<double>{1.0, 1.0});
    // A draw well away from 1 moves the result: the same replication without it differs.
    if (std::abs(drawn - 1.0) < 0.1) continue;
    ++moved;
    CHECK(run_replication(undrawn, HazardModel(undrawn), r, 1).occupancy != with_sd.occupancy);
  }
  CHECK(moved >= 2);
}
