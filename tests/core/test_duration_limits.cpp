#include "almpsim/duration_limits.hpp"

#include <cmath>

#include "support/catch.hpp"

using namespace almpsim;

TEST_CASE("a spell is reassessed in the week it reaches its limit, and moves as the shares say", "[unit]") {
  DurationLimit limit;
  limit.weeks = 52;
  limit.destination_shares[index_of(State::cash_benefit)] = 1.0;
  // A spell that began in week 10 has been 52 weeks in the state by the end of week 61.
  CHECK_FALSE(reassessment_due(limit, 10, 60));
  CHECK(reassessment_due(limit, 10, 61));
  CHECK(reassessment_week(limit, 10) == 61);
  const RandomStreams rng(1, 0);
  CHECK(reassessed_state(limit, rng, 7, 61) == State::cash_benefit);
  CHECK_FALSE(reassessment_week(DurationLimit{}, 10).has_value());  // no limit
  CHECK_FALSE(reassessment_due(DurationLimit{}, 10, 5000));
}

TEST_CASE("reassessed cases split over destinations in proportion to the shares", "[stat]") {
  DurationLimit limit;
  limit.weeks = 1;
  limit.destination_shares[index_of(State::cash_benefit)] = 0.3;
  limit.destination_shares[index_of(State::rehabilitation)] = 0.7;
  const RandomStreams rng(3, 0);
  const int n = 100000;
  int cash = 0;
  for (CitizenId i = 0; i < static_cast<CitizenId>(n); ++i)
    cash += reassessed_state(limit, rng, i, 0) == State::cash_benefit;
  const double se = std::sqrt(0.3 * 0.7 / n);
  CHECK(std::abs(double(cash) / n - 0.3) < 5 * se);  // k = 5, fixed seed
}
