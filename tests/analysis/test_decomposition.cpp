// Decomposition by channel: two points that differ only in one channel's parameter must put the
// whole difference in that channel, and nothing in `other`, since with the channel off in both
// the two models are the same model under the same draws.
#include "almpsim/decomposition.hpp"

#include <cmath>

#include "almpsim/scenario.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {

const std::string kKoege = test::source_path("scenarios/koege_2008.toml");

/// Køge at 6 replications, with the given overrides, as a decomposition point.
Params koege(std::vector<std::string> overrides) {
  overrides.push_back("replications=6");
  return load_scenario(kKoege, overrides).params;
}

std::size_t cohort_index(const Decomposition& d, const std::string& name) {
  for (std::size_t c = 0; c < d.cohorts.size(); ++c)
    if (d.cohorts[c] == name) return c;
  FAIL("no cohort " << name);
  return 0;
}

}  // namespace

TEST_CASE("a difference in one channel's parameter is all that channel's", "[analysis]") {
  // Each channel, and a change that acts through it alone; where the fitted Køge value could
  // come close to the changed one, both points set the key (a meeting effect of size 1 is
  // none; a threat is kept just above 1, where its rise still shapes something).
  const struct {
    Channel channel;
    std::vector<std::string> reference, changed;
  } cases[] = {
      {Channel::threat,
       {"programmes.immediate_activation.threat_effect=1.01"},
       {"programmes.immediate_activation.threat_effect=2.0"}},
      {Channel::lock_in, {}, {"programmes.immediate_activation.lock_in=0.3"}},
      {Channel::post_programme, {}, {"programmes.immediate_activation.post_effect=2.0"}},
      {Channel::meetings,
       {"actors.jobcenter.meeting_effect={ size = 1.0 }"},
       {"actors.jobcenter.meeting_effect={ size = 1.6 }"}},
      {Channel::sanctions,
       {"actors.jobcenter.sanctions={ no_show = 0.05, rate = 0.3, exit_share = 0.15 }"},
       {"actors.jobcenter.sanctions={ no_show = 0.05, rate = 1.0, exit_share = 0.8 }"}},
  };
  const CohortMeasure* share = find_cohort_measure("self_support_share");
  for (const auto& c : cases) {
    INFO(channel_name(c.channel));
    DecompositionRequest request;
    request.points = {koege(c.reference), koege(c.changed)};
    request.channels = all_channels();
    request.measures = {share};
    request.options.threads = 2;
    const Decomposition d = decompose(request);
    const std::size_t cash = cohort_index(d, "inflow_cash"), jobcenter = 0;
    REQUIRE(d.actors[jobcenter] == "jobcenter");
    const ChannelSplit& s = d.at(1, cash, 0, jobcenter);
    const std::size_t k = static_cast<std::size_t>(c.channel);
    INFO("difference " << s.total.mean << " [" << s.total.lower << ", " << s.total.upper << "]");
    // The change acts: its paired difference's 95% interval excludes zero.
    CHECK((s.total.lower > 0.0 || s.total.upper < 0.0));
    // Exactly, not statistically: with the channel off the two points are one model.
    CHECK(s.by_channel[k].mean == s.total.mean);
    CHECK(s.other.mean == 0.0);
    CHECK(s.other.upper == 0.0);
  }
}

TEST_CASE("a decomposition refuses points it cannot compare, saying why", "[unit]") {
  using Catch::Matchers::Contains;
  DecompositionRequest request;
  CHECK_THROWS_WITH(decompose(request), Contains("no points"));
  request.points = {koege({}), koege({"seed=3"})};
  CHECK_THROWS_WITH(decompose(request), Contains("differ in seed or replications"));
  Params renamed = koege({});
  renamed.actors[1].name = "provider";
  request.points = {koege({}), renamed};
  CHECK_THROWS_WITH(decompose(request), Contains("differ in their actors or cohorts"));
  request.points = {koege({})};
  request.reference = 1;
  CHECK_THROWS_WITH(decompose(request), Contains("the reference is not one of the points"));
  request.reference = 0;
  request.channels = {Channel::threat, Channel::threat};
  CHECK_THROWS_WITH(decompose(request), Contains("threat is listed twice"));
  request.channels = {};
  request.measures = {find_cohort_measure("status")};
  CHECK_THROWS_WITH(decompose(request), Contains("status has more than one number per actor"));
  request.measures = {nullptr};
  CHECK_THROWS_WITH(decompose(request), Contains("a measure is missing"));
}
