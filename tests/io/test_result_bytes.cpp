// A replication's result sent as bytes between processes arrives whole: every field, bit for bit.
#include "almpsim/result_bytes.hpp"

#include <cmath>
#include <stdexcept>

#include "almpsim/engine.hpp"
#include "almpsim/hazards.hpp"
#include "almpsim/measures.hpp"
#include "almpsim/scenario.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {

// Every field compared as bits, so that NaN (a cohort share with no members) counts as equal to itself.
void check_same(const ReplicationResult& a, const ReplicationResult& b) {
  using R = ReplicationResult;
  for (const auto field : {&R::occupancy, &R::entries, &R::exits, &R::activity_occupancy, &R::meetings_held,
                           &R::meetings_overdue, &R::waiting_for_place, &R::moved_to_self_support})
    CHECK(test::same_bits(a.*field, b.*field));
  for (const auto field : {&R::costs, &R::cost_accounts, &R::job_finding_multiplier, &R::area_job_finding_multiplier})
    CHECK(test::same_bits(a.*field, b.*field));
  REQUIRE(a.cohorts.size() == b.cohorts.size());
  for (std::size_t c = 0; c < a.cohorts.size(); ++c) {
    const CohortOutcome &x = a.cohorts[c], &y = b.cohorts[c];
    for (const CohortMeasure& m : cohort_measures()) CHECK(test::same_bits(x.*m.field, y.*m.field));
  }
  REQUIRE(a.spells.size() == b.spells.size());
  for (std::size_t k = 0; k < a.spells.size(); ++k) {
    CHECK(a.spells[k].citizen == b.spells[k].citizen);
    CHECK(a.spells[k].first_week == b.spells[k].first_week);
    CHECK(a.spells[k].last_week == b.spells[k].last_week);
    CHECK(a.spells[k].state == b.spells[k].state);
  }
  REQUIRE(a.trace.size() == b.trace.size());
  for (std::size_t k = 0; k < a.trace.size(); ++k) {
    CHECK(a.trace[k].citizen == b.trace[k].citizen);
    CHECK(a.trace[k].week == b.trace[k].week);
    CHECK(a.trace[k].state == b.trace[k].state);
    CHECK(a.trace[k].next_meeting == b.trace[k].next_meeting);
  }
  REQUIRE(a.traced_meetings.size() == b.traced_meetings.size());
  for (std::size_t k = 0; k < a.traced_meetings.size(); ++k) {
    CHECK(a.traced_meetings[k].citizen == b.traced_meetings[k].citizen);
    CHECK(a.traced_meetings[k].attended == b.traced_meetings[k].attended);
    CHECK(a.traced_meetings[k].no_show_draw == b.traced_meetings[k].no_show_draw);
  }
  CHECK(a.citizens == b.citizens);
}

ReplicationResult simulated() {
  Params p = load_scenario(std::string(ALMPSIM_SOURCE_DIR) + "/scenarios/two_actors_shock.toml").params;
  p.run.register_spells = true;
  p.run.traced = {3, 40, 41, 900};
  const HazardModel hazards(p);
  return run_replication(p, hazards, 1, 1);
}

}  // namespace

TEST_CASE("a simulated replication's result comes back from its bytes as it was", "[unit]") {
  const ReplicationResult r = simulated();
  // Every kind of field has content, so none is passed over unseen.
  REQUIRE(!r.occupancy.empty());
  REQUIRE(!r.cohorts.empty());
  REQUIRE(!r.spells.empty());
  REQUIRE(!r.trace.empty());
  REQUIRE(!r.traced_meetings.empty());
  const ReplicationResult back = from_bytes(to_bytes(r));
  check_same(r, back);
  CHECK(to_bytes(back) == to_bytes(r));
}

TEST_CASE("an empty result and NaN shares come back as they were", "[unit]") {
  ReplicationResult r;
  r.cohorts.resize(2);
  r.cohorts[1].support_rate_sd = {std::nan(""), 0.25};
  r.citizens = 7;
  const ReplicationResult back = from_bytes(to_bytes(r));
  check_same(r, back);
  CHECK(std::isnan(back.cohorts[1].support_rate_sd[0]));
  CHECK(back.cohorts[1].support_rate_sd[1] == 0.25);
}

TEST_CASE("bytes cut short or with bytes left over are refused", "[unit]") {
  const std::vector<std::byte> bytes = to_bytes(simulated());
  for (const std::size_t keep : {std::size_t{0}, std::size_t{5}, bytes.size() / 2, bytes.size() - 1}) {
    INFO("kept " << keep << " of " << bytes.size());
    CHECK_THROWS_AS(from_bytes(std::vector<std::byte>(bytes.begin(), bytes.begin() + static_cast<long>(keep))),
                    std::runtime_error);
  }
  std::vector<std::byte> longer = bytes;
  longer.push_back(std::byte{0});
  CHECK_THROWS_AS(from_bytes(longer), std::runtime_error);
}
