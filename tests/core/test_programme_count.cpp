// The programme count kept from the cases' changes is, week by week, the count over everyone
// present that the week's case codes give.
#include "../../sim/core/programme_count.hpp"

#include <random>
#include <stdexcept>
#include <vector>

#include "almpsim/case_codes.hpp"
#include "support/catch.hpp"

using namespace almpsim;

namespace {

/// The count over everyone from the week's codes: the cases on benefit in a running programme,
/// by actor and programme.
std::vector<std::int32_t> counted_from_codes(const Params& p, const Population& pop, Week w) {
  std::vector<CaseCode> codes(pop.size());
  write_case_codes(pop, w, 0, static_cast<CitizenId>(pop.size()), codes.data());
  std::vector<std::int32_t> count(p.actors.size() * kActivities, 0);
  for (const CaseCode code : codes) {
    const CaseParts c = case_parts(code);
    if (p.on_benefit[c.state] && c.activity != index_of(Activity::none)) ++count[c.actor * kActivities + c.activity];
  }
  return count;
}

}  // namespace

TEST_CASE("the programme count kept from changes follows random cases as the codes count them", "[unit]") {
  Params p;
  p.calendar.start = *Date::parse("2020-01-06");
  p.calendar.weeks = 40;
  p.calendar.burn_in = 3;
  p.on_benefit.fill(false);
  p.on_benefit[index_of(State::cash_benefit)] = p.on_benefit[index_of(State::sickness_benefit)] = true;
  p.actors.resize(3);
  const std::size_t n = 60;
  Population pop;
  pop.resize(n);
  std::mt19937 gen(20261206);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(gen); };
  // A random case: state (on benefit or not), actor, and a programme booked with its weeks
  // (some already running, some waiting for a place: from "never").
  auto change = [&](CitizenId i, Week w) {
    const State states[] = {State::cash_benefit, State::sickness_benefit, State::self_support, State::flexjob};
    pop.state[i] = static_cast<std::uint8_t>(states[pick(0, 3)]);
    pop.actor[i] = static_cast<std::uint8_t>(pick(0, 2));
    pop.activity[i] = static_cast<std::uint8_t>(pick(0, kActivities - 1));
    const int from = pick(0, 4) == 0 ? kNever : w + pick(-5, 10);
    pop.activity_from[i] = static_cast<std::int16_t>(from);
    pop.activity_to[i] = static_cast<std::int16_t>(from == kNever ? kNever : from + pick(0, 30));
  };
  const Week first = p.calendar.first();
  for (CitizenId i = 0; i < n; ++i) change(i, first);
  ProgrammeCount count(p);
  // The same changes dealt out to three threads' calendars, as threads taking theirs in side
  // by side do.
  ProgrammeCount dealt(p, 3);
  std::mt19937 dealer(7);  // apart from the cases' draws
  const auto deal = [&](const std::vector<CountChange>& changes) {
    std::vector<CountChange> parts[3];
    for (const CountChange& c : changes) parts[std::uniform_int_distribution<int>(0, 2)(dealer)].push_back(c);
    for (int part = 0; part < 3; ++part) dealt.apply(parts[part], part);
  };
  std::vector<CountChange> changes;
  for (CitizenId i = 0; i < n; ++i) case_count_changes(p, pop, i, first, +1, changes);
  count.apply(changes);
  deal(changes);
  int changed_bins = 0;
  for (Week w = first; w < p.calendar.end(); ++w) {
    INFO("week " << w);
    const std::vector<std::int32_t> kept = count.advance_to(w);
    const std::vector<std::int32_t> expected = counted_from_codes(p, pop, w);
    REQUIRE(kept == expected);
    REQUIRE(dealt.advance_to(w) == expected);
    for (const std::int32_t c : expected) changed_bins += c != 0;
    // During week w some cases change, effective from week w + 1.
    changes.clear();
    for (int k = 0; k < 8; ++k) {
      const auto i = static_cast<CitizenId>(pick(0, static_cast<int>(n) - 1));
      case_count_changes(p, pop, i, w + 1, -1, changes);
      change(i, w + 1);
      case_count_changes(p, pop, i, w + 1, +1, changes);
    }
    count.apply(changes);
    deal(changes);
  }
  CHECK(changed_bins > 100);  // the weeks counted programmes in many bins, not only empty ones
}

TEST_CASE("the programme count refuses a change to a week it has counted, and weeks out of order", "[unit]") {
  Params p;
  p.calendar.start = *Date::parse("2020-01-06");
  p.calendar.weeks = 5;
  p.actors.resize(1);
  ProgrammeCount count(p);
  count.advance_to(0);
  count.advance_to(1);
  CHECK_THROWS_AS(count.apply({{1, 1, +1}}), std::logic_error);
  // Outside the weeks or the bins; a list with one such change takes none of its changes in.
  CHECK_THROWS_AS(count.apply({{5, 1, +1}}), std::logic_error);
  CHECK_THROWS_AS(count.apply({{2, 1, +1}, {2, kActivities, +1}}), std::logic_error);
  CHECK_NOTHROW(count.apply({{2, 1, +1}}));
  CHECK_THROWS_AS(count.apply({{2, 1, +1}}, 1), std::logic_error);  // a count of one part keeps no part 1
  CHECK_THROWS_AS(count.apply({{2, 1, +1}}, -1), std::logic_error);
  CHECK(count.advance_to(2)[1] == 1);
  CHECK_THROWS_AS(count.advance_to(4), std::logic_error);
  count.advance_to(3);
  count.advance_to(4);
  CHECK_THROWS_AS(count.advance_to(5), std::logic_error);  // past the run
}
