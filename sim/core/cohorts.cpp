#include "almpsim/cohorts.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>

#include "almpsim/array_view.hpp"
#include "almpsim/case_rules.hpp"
#include "almpsim/costs.hpp"
#include "code_changes.hpp"

namespace almpsim {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

SurvivalCounts::SurvivalCounts(int horizon_weeks)
    : horizon(horizon_weeks),
      followed(static_cast<std::size_t>(horizon_weeks) + 2, 0),
      ended(static_cast<std::size_t>(horizon_weeks) + 1, 0) {}

void SurvivalCounts::add(int duration, bool event, std::uint64_t count) {
  const auto n = static_cast<std::int64_t>(count);
  people += n;
  if (duration < 0) return;
  followed[static_cast<std::size_t>(std::min(duration, horizon + 1))] += n;
  if (event && duration <= horizon) ended[static_cast<std::size_t>(duration)] += n;
}

std::vector<double> kaplan_meier(const SurvivalCounts& counts) {
  const int horizon = counts.horizon;
  std::vector<double> s(static_cast<std::size_t>(horizon) + 1, kNaN);
  if (counts.people == 0) return s;
  // At risk in week k: followed k weeks or more.
  std::vector<std::int64_t> at_least(counts.followed.size() + 1, 0);
  for (std::size_t d = counts.followed.size(); d-- > 0;) at_least[d] = at_least[d + 1] + counts.followed[d];
  s[0] = 1.0;
  for (int k = 1; k <= horizon; ++k) {
    const auto at_risk = static_cast<double>(at_least[static_cast<std::size_t>(k)]);
    if (at_risk == 0) break;
    s[static_cast<std::size_t>(k)] =
        s[static_cast<std::size_t>(k) - 1] * (1.0 - double(counts.ended[static_cast<std::size_t>(k)]) / at_risk);
  }
  return s;
}

std::vector<double> kaplan_meier(const std::vector<int>& durations, const std::vector<bool>& events, int horizon) {
  SurvivalCounts counts(horizon);
  for (std::size_t m = 0; m < durations.size(); ++m) counts.add(durations[m], events[m]);
  return kaplan_meier(counts);
}

bool same_members_but_groups(const CohortSpec& a, const CohortSpec& b) {
  return a.kind == b.kind && a.states == b.states && a.at == b.at && a.from == b.from && a.to == b.to &&
         a.measure_at == b.measure_at && a.exclude_stock == b.exclude_stock;
}

namespace {
const CohortSpec& first_of(const std::vector<const CohortSpec*>& family) {
  if (family.empty()) throw std::logic_error("a cohort tracker follows at least one cohort");
  return *family.front();
}
}  // namespace

CohortTracker::CohortTracker(const Params& params, std::vector<const CohortSpec*> family, int threads,
                             Counting counting)
    : params_(params),
      family_(std::move(family)),
      spec_(first_of(family_)),
      groups_(static_cast<std::size_t>(std::max(1, params.attributes.match_groups()))),
      codes_(case_codes(params.actors.size())) {
  for (const CohortSpec* c : family_)
    if (!same_members_but_groups(*c, spec_))
      throw std::logic_error("cohort " + c->name + " takes its members otherwise than " + spec_.name);
  takes_group_.assign(groups_, false);
  for (std::size_t k = 0; k < family_.size(); ++k) {
    const std::vector<bool> groups = groups_of(k);
    for (std::size_t g = 0; g < groups_; ++g) takes_group_[g] = takes_group_[g] || groups[g];
  }
  // What a week adds for every (serving actor, state, activity running) a member can be in.
  coded_.resize(codes_);
  for (std::size_t a = 0; a < params.actors.size(); ++a)
    for (std::size_t s = 0; s < kStates; ++s)
      for (std::size_t k = 0; k < kActivities; ++k) {
        CodedWeek& c = coded_[case_code(a, s, k)];
        c.on_benefit = params.on_benefit[s];
        // A programme counts only on benefit (its weeks are the benefit's activation).
        const Activity act = c.on_benefit ? static_cast<Activity>(k) : Activity::none;
        c.cost = case_week_cost(params.actors[a], params.programmes, c.on_benefit, act);
        c.actor = static_cast<std::uint8_t>(a);
        c.state = static_cast<std::uint8_t>(s);
        c.activity = static_cast<std::uint8_t>(index_of(act));
        c.in_states = spec_.states[s];
        c.self_support = static_cast<State>(s) == State::self_support;
      }
  has_milestones_ = pays_milestones(params);
  has_transfers_ = books_transfers(params);
  const std::size_t table = meetings_offset() + groups_ * params.actors.size();
  const auto thread_count = static_cast<std::size_t>(std::max(1, threads));
  week_counts_.assign(thread_count, std::vector<std::uint64_t>(table, 0));
  const bool can_count_changes = !has_milestones_ && codes_ <= kNotCounted;
  if (counting == Counting::on_change && !can_count_changes)
    throw std::logic_error("cohort " + spec_.name + ": its members' weeks cannot be counted on change");
  on_change_ = counting == Counting::on_change || (counting == Counting::automatic && can_count_changes);
  if (on_change_) {
    held_.assign(groups_ * params.actors.size() * codes_, 0);
    held_changes_.assign(thread_count, held_);
  }
  milestones_.assign(milestone_slots(), 0.0);
  meetings_before_.assign(groups_ * params.actors.size(), 0);
}

Week CohortTracker::first_joining_week() const {
  return spec_.kind == CohortSpec::Kind::stock ? spec_.at : spec_.from;
}

std::size_t CohortTracker::follow_weeks() const {
  return static_cast<std::size_t>(std::max(0, spec_.measure_at - first_joining_week())) + 1;
}

std::vector<bool> CohortTracker::groups_of(std::size_t k) const {
  const std::vector<bool>& listed = family_[k]->groups;
  std::vector<bool> groups(groups_, listed.empty());
  for (std::size_t g = 0; g < listed.size() && g < groups_; ++g) groups[g] = listed[g];
  return groups;
}

void CohortTracker::join(Week w, const Population& pop, CitizenId i, bool new_case) {
  Member m{};
  m.id = i;
  m.actor = pop.actor[i];
  m.was_on_benefit = new_case ? 0 : 1;
  m.group = static_cast<std::uint8_t>(match_group_of(params_, pop, i)) & 0x3Fu;
  if (w < first_joining_week())
    throw std::logic_error("cohort " + spec_.name + " took a member in week " + std::to_string(w) +
                           ", before its window");
  if (joined_in_.empty() || joined_in_.back().week != w) joined_in_.push_back({w, members_.size()});
  members_.push_back(m);
  if (on_change_) last_code_.push_back(kNotCounted);
  meetings_before_[m.group * params_.actors.size() + m.actor] += pop.meetings_of(i);
}

bool CohortTracker::accumulate(const CodedWeek& c, CaseCode code, Member& m, std::uint64_t* own, std::size_t fee) {
  ++own[code];
  count_fee_and_bonus(c, m, own, fee);
  m.benefit_weeks = static_cast<std::int16_t>(m.benefit_weeks + c.on_benefit);
  return note_first_week_off(c, m);
}

void CohortTracker::count_fee_and_bonus(const CodedWeek& c, Member& m, std::uint64_t* own, std::size_t fee) {
  // Counted by adding the flags: a member's state changes from week to week, and a branch on
  // it would be mispredicted as often.
  own[fee] += c.on_benefit & !m.was_on_benefit;       // an entry to benefit: the fee
  own[fee + 1] += c.self_support & m.was_on_benefit;  // a move into self-support: the bonus
  m.was_on_benefit = c.on_benefit ? 1 : 0;
}

bool CohortTracker::note_first_week_off(const CodedWeek& c, Member& m) {
  const bool first_week_off = !c.on_benefit & !m.left_benefit;
  m.left_benefit = m.left_benefit | first_week_off;
  return first_week_off;
}

std::size_t CohortTracker::run_of(std::size_t index) const {
  const auto after = std::upper_bound(joined_in_.begin(), joined_in_.end(), index,
                                      [](std::size_t k, const JoinedIn& run) { return k < run.first; });
  return after == joined_in_.begin() ? 0 : static_cast<std::size_t>(after - joined_in_.begin()) - 1;
}

Week CohortTracker::joined_week(std::size_t index, std::size_t& run) const {
  while (run + 1 < joined_in_.size() && joined_in_[run + 1].first <= index) ++run;
  return joined_in_[run].week;
}

void CohortTracker::observe(Week w, const Population& pop, CitizenId present, const std::vector<CitizenId>* entrants) {
  admit(w, pop, present, entrants);
  std::vector<CaseCode> codes(present);
  write_case_codes(pop, w, 0, present, codes.data());
  std::vector<double> milestones(milestone_slots(), 0.0);
  update(w, pop, codes.data(), 0, members_.size(), 0, milestones.data());
  add_milestones(milestones.data());
  end_week(w);
}

bool CohortTracker::in_groups(const Population& pop, CitizenId i) const {
  return takes_group_[static_cast<std::size_t>(match_group_of(params_, pop, i))];
}

void CohortTracker::require_weeks_ended(Week w) const {
  if (!on_change_ || joined_in_.empty()) return;
  const Week due = std::min(w, spec_.measure_at) - 1;  // the last week before w counted by change
  if (joined_in_.front().week <= due && ended_through_ < due)
    throw std::logic_error("cohort " + spec_.name + ": week " + std::to_string(due) +
                           " was brought up to date but not ended (end_week)");
}

void CohortTracker::admit(Week w, const Population& pop, CitizenId present, const std::vector<CitizenId>* entrants) {
  require_weeks_ended(w);
  present_ = present;
  if (w > spec_.measure_at) return;
  if (spec_.kind == CohortSpec::Kind::stock && w == spec_.at) {
    // A stock at the start is the cases the actors take over then: each enters its actor.
    const bool taken_over = w == params_.calendar.first();
    for (CitizenId i = 0; i < present; ++i)
      if (spec_.states[pop.state[i]] && in_groups(pop, i)) join(w, pop, i, taken_over);
  }
  const bool in_window = w >= spec_.from && w <= spec_.to;
  if (spec_.kind != CohortSpec::Kind::stock && in_window) {
    if (joined_.size() < pop.size()) joined_.resize(pop.size(), false);
    if (spec_.kind == CohortSpec::Kind::inflow && spec_.exclude_stock && w == spec_.from)
      for (CitizenId i = 0; i < present; ++i)
        if (spec_.states[pop.state[i]] && pop.state_since[i] < w) joined_[i] = true;  // the stock: never a member
    auto consider = [&](CitizenId i) {
      if (!spec_.states[pop.state[i]] || joined_[i]) return;  // the state first: a byte, and mostly false
      if (spec_.kind == CohortSpec::Kind::inflow) {
        // Began a spell this week, coming from outside the cohort's states.
        const std::uint8_t prev = pop.prev_state[i];
        if (pop.state_since[i] != w || (prev != kNoPreviousState && spec_.states[prev])) return;
      }
      // Joins once, in the group it is assessed in now: a case of another group does not join
      // on a later spell, when it may be assessed in one of the cohort's.
      joined_[i] = true;
      if (!in_groups(pop, i)) return;
      join(w, pop, i, spec_.kind == CohortSpec::Kind::inflow);
    };
    // After the window's first week, whoever is in the states and not yet a member began a
    // spell this week: the entrants are enough.
    if (entrants && window_seen_) {
      // Entrants who moved lie apart: the state each is first tested on is asked for ahead.
      constexpr std::size_t kAhead = 16;
      const std::vector<CitizenId>& e = *entrants;
      for (std::size_t k = 0; k < e.size(); ++k) {
        if (k + kAhead < e.size()) __builtin_prefetch(&pop.state[e[k + kAhead]]);
        consider(e[k]);
      }
    } else {
      for (CitizenId i = 0; i < present; ++i) consider(i);
    }
    window_seen_ = true;
  }
}

void CohortTracker::update(Week w, const Population& pop, const CaseCode* codes, std::size_t first, std::size_t last,
                           int thread, double* milestones) {
  if (w > spec_.measure_at) return;
  std::uint64_t* counts = week_counts_.at(static_cast<std::size_t>(thread)).data();
  if (w == spec_.measure_at) {
    count_measurement(w, pop, codes, first, last, counts);
    return;
  }
  if (on_change_)
    update_on_change(w, codes, first, last, thread, counts);
  else
    update_every_week(w, pop, codes, first, last, counts, milestones);
}

void CohortTracker::count_measurement(Week w, const Population& pop, const CaseCode* codes, std::size_t first,
                                      std::size_t last, std::uint64_t* counts) {
  std::uint64_t* at_measure = counts + measure_offset();
  std::uint64_t* at_meetings = counts + meetings_offset();
  const std::size_t actors = params_.actors.size();
  std::size_t run = run_of(first);
  members_.spans(first, last, [&](Member* members, std::size_t count, std::size_t from) {
    for (std::size_t k = 0; k < count; ++k) {
      Member& m = members[k];
      const CodedWeek& c = coded_[codes[m.id]];
      const std::size_t group_actor = m.group * actors + m.actor;
      ++at_measure[(group_actor * kStates + c.state) * kActivities + c.activity];
      at_meetings[group_actor] += pop.meetings_of(m.id);
      if (note_first_week_off(c, m)) count_first_week_off(counts, group_actor, w, from + k, run);
      // A run on benefit still going ends at the measurement.
      if (on_change_ && last_code_[from + k] != kNotCounted && m.was_on_benefit)
        m.benefit_weeks = static_cast<std::int16_t>(m.benefit_weeks + w);
    }
  });
}

void CohortTracker::update_every_week(Week w, const Population& pop, const CaseCode* codes, std::size_t first,
                                      std::size_t last, std::uint64_t* counts, double* milestones) {
  std::size_t run = run_of(first);  // of joined_in_, the member at hand's
  // Neighbouring members mostly share a code: each of kCountWays in turn counts into its own
  // table, so that an add need not wait for the one before it to the same count.
  const CodedWeek* const coded = coded_.data();
  const std::size_t actor_stride = week_count_width(), way_stride = way_size(), group_stride = group_size(),
                    fee_slot = codes_, actors = params_.actors.size();
  const bool pays = has_milestones_;
  std::size_t way = 0;
  members_.spans(first, last, [&](Member* members, std::size_t count, std::size_t from) {
    for (std::size_t k = 0; k < count; ++k, way = (way + 1) % kCountWays) {
      if (k + kMemberCodesAhead < count) __builtin_prefetch(&codes[members[k + kMemberCodesAhead].id]);
      Member& m = members[k];
      const CaseCode code = codes[m.id];
      const CodedWeek& c = coded[code];
      // A member leaves benefit for the first time once: the branch is mostly not taken.
      if (accumulate(c, code, m, counts + way * way_stride + m.group * group_stride + m.actor * actor_stride, fee_slot))
        count_first_week_off(counts, m.group * actors + m.actor, w, from + k, run);
      if (pays)
        milestones[m.group * actors + m.actor] +=
            milestone_payment(params_.actors[c.actor], static_cast<State>(c.state), w - pop.state_since[m.id]);
    }
  });
}

void CohortTracker::update_on_change(Week w, const CaseCode* codes, std::size_t first, std::size_t last, int thread,
                                     std::uint64_t* counts) {
  std::int64_t* const held = held_changes_[static_cast<std::size_t>(thread)].data();
  const std::size_t actors = params_.actors.size(), group_stride = group_size(), actor_stride = week_count_width();
  std::size_t run = run_of(first);
  static_assert(offsetof(Member, id) == 0, "find_code_changes reads a member's citizen first");
  std::array<std::uint32_t, kChunkMembers> changed;
  members_.spans(first, last, [&](Member* members, std::size_t count, std::size_t from) {
    std::uint8_t* const last_code = &last_code_[from];  // the same chunking: one run of codes
    // Most members' codes stay from week to week: their weeks are in held_.
    const std::size_t n =
        find_code_changes({members, sizeof(Member), last_code, count}, codes, present_, changed.data());
    for (std::size_t j = 0; j < n; ++j) {
      const std::size_t k = changed[j];
      const CaseCode code = codes[members[k].id];
      if (code == last_code[k]) continue;  // listed without its code read
      Member& m = members[k];
      const std::size_t group_actor = m.group * actors + m.actor;
      if (count_change(w, last_code[k], code, m, counts + m.group * group_stride + m.actor * actor_stride,
                       held + group_actor * codes_))
        count_first_week_off(counts, group_actor, w, from + k, run);
      last_code[k] = static_cast<std::uint8_t>(code);
    }
  });
}

void CohortTracker::count_first_week_off(std::uint64_t* counts, std::size_t group_actor, Week w, std::size_t index,
                                         std::size_t& run) const {
  ++counts[first_off_offset() + group_actor * follow_weeks() + static_cast<std::size_t>(w - joined_week(index, run))];
}

bool CohortTracker::count_change(Week w, std::uint8_t last, CaseCode code, Member& m, std::uint64_t* own,
                                 std::int64_t* held) const {
  const CodedWeek& c = coded_[code];
  const bool counted = last != kNotCounted;
  if (counted) --held[last];
  ++held[code];
  // Weeks on benefit from joining: a run on benefit counts from the week it began (or the
  // member joined in) to the week it ended.
  const bool was_on = counted && m.was_on_benefit;
  if (c.on_benefit != was_on) m.benefit_weeks = static_cast<std::int16_t>(m.benefit_weeks + (c.on_benefit ? -w : w));
  count_fee_and_bonus(c, m, own, codes_);
  return note_first_week_off(c, m);
}

void CohortTracker::end_week(Week w) {
  if (!on_change_ || w >= spec_.measure_at) return;
  ended_through_ = w;
  for (std::vector<std::int64_t>& changes : held_changes_)
    for (std::size_t k = 0; k < held_.size(); ++k) {
      held_[k] += changes[k];
      changes[k] = 0;
    }
  // Every member holding a code counts a week in it: into the first thread's table.
  std::uint64_t* counts = week_counts_.front().data();
  const std::size_t actors = params_.actors.size();
  for (std::size_t g = 0; g < groups_; ++g)
    for (std::size_t a = 0; a < actors; ++a) {
      const std::int64_t* holding = held_.data() + (g * actors + a) * codes_;
      std::uint64_t* weeks = counts + g * group_size() + a * week_count_width();
      for (std::size_t code = 0; code < codes_; ++code) weeks[code] += static_cast<std::uint64_t>(holding[code]);
    }
}

void CohortTracker::add_milestones(const double* amounts) {
  for (std::size_t a = 0; a < milestones_.size(); ++a) milestones_[a] += amounts[a];
}

void CohortTracker::add_section(std::size_t offset, std::size_t per_group, const std::vector<bool>& groups,
                                std::uint64_t* total) const {
  for (const auto& table : week_counts_)
    for (std::size_t g = 0; g < groups_; ++g) {
      if (!groups[g]) continue;
      const std::uint64_t* counts = table.data() + offset + g * per_group;
      for (std::size_t k = 0; k < per_group; ++k) total[k] += counts[k];
    }
}

std::vector<std::uint64_t> CohortTracker::total_counts(const std::vector<bool>& groups) const {
  const std::size_t per_group = group_size(), at_measure = measure_group_size();
  std::vector<std::uint64_t> total(per_group + at_measure, 0);
  for (std::size_t way = 0; way < kCountWays; ++way) add_section(way * way_size(), per_group, groups, total.data());
  add_section(measure_offset(), at_measure, groups, total.data() + per_group);
  return total;
}

std::vector<std::uint64_t> CohortTracker::first_weeks_off(const std::vector<bool>& groups) const {
  std::vector<std::uint64_t> total(params_.actors.size() * follow_weeks(), 0);
  add_section(first_off_offset(), total.size(), groups, total.data());
  return total;
}

std::vector<std::uint64_t> CohortTracker::meetings_since_joining(const std::vector<bool>& groups) const {
  const std::size_t actors = params_.actors.size();
  std::vector<std::uint64_t> total(actors, 0);
  add_section(meetings_offset(), actors, groups, total.data());
  // Each member's count only grows (by one a week at most: it cannot wrap in a run's 16-bit
  // weeks), so once measured the difference of the sums is the sum of the differences.
  for (std::size_t g = 0; g < groups_; ++g)
    if (groups[g])
      for (std::size_t a = 0; a < actors; ++a) total[a] -= meetings_before_[g * actors + a];
  return total;
}

CohortOutcome CohortTracker::outcome(std::size_t index_in_family) const {
  const auto na = static_cast<std::size_t>(params_.actor_count());
  const int survival_weeks = family_.at(index_in_family)->survival_weeks;
  const auto horizon = static_cast<std::size_t>(survival_weeks);
  const std::vector<bool> groups = groups_of(index_in_family);
  CohortOutcome o;
  o.members.assign(na, 0.0);
  o.status.assign(na * kStates, 0.0);
  o.activity.assign(na * kActivities, 0.0);
  o.state_activity.assign(na * kStates * kActivities, 0.0);
  o.activity_weeks_share.assign(na * kActivities, kNaN);
  const auto status = view(o.status, na, kStates);
  const auto activity_share = view(o.activity, na, kActivities);
  const auto state_activity = view(o.state_activity, na, kStates, kActivities);
  const auto weeks_share = view(o.activity_weeks_share, na, kActivities);
  // The weeks before the measurement, by the actor each member of the cohort's groups joined
  // with: case weeks, activity weeks (in all and by programme), weeks self-supporting, and what
  // they cost and transferred, from the weeks counted by case code (whole numbers, as the
  // members' counts were).
  const std::vector<std::uint64_t> counts = total_counts(groups);
  const std::size_t width = week_count_width();
  std::vector<double> case_weeks(na, 0), activity(na, 0), ss_weeks(na, 0), cost(na, 0), transfers(na, 0),
      ratio_sum(na, 0), ratio_sq(na, 0), activity_weeks_of(na * kActivities, 0);
  const auto activity_weeks = view(activity_weeks_of, na, kActivities);
  for (std::size_t a = 0; a < na; ++a) {
    const std::uint64_t* weeks = counts.data() + a * width;
    for (std::size_t code = 0; code < codes_; ++code) {
      if (weeks[code] == 0) continue;
      const CodedWeek& c = coded_[code];
      const auto n = static_cast<double>(weeks[code]);
      if (c.in_states) {
        case_weeks[a] += n;
        activity_weeks(a, c.activity) += n;
        if (c.activity != index_of(Activity::none)) activity[a] += n;
      }
      if (c.self_support) ss_weeks[a] += n;
      cost[a] += n * c.cost;
      if (has_transfers_) transfers[a] += n * params_.transfer_per_week[c.state];
    }
    cost[a] += static_cast<double>(weeks[codes_]) * entry_fee(params_.actors[a]);
    cost[a] += static_cast<double>(weeks[codes_ + 1]) * self_support_bonus(params_.actors[a]);
    for (std::size_t g = 0; g < groups_; ++g)
      if (groups[g]) cost[a] += milestones_[g * na + a];
    const std::uint64_t* at_measure = counts.data() + na * width + a * kStates * kActivities;
    for (std::size_t s = 0; s < kStates; ++s)
      for (std::size_t k = 0; k < kActivities; ++k) {
        const auto n = static_cast<double>(at_measure[s * kActivities + k]);
        status(a, s) += n;
        activity_share(a, k) += n;
        state_activity(a, s, k) += n;
      }
  }
  // Survival: the members who left benefit, by the weeks they took, from the counts; the rest
  // below, each followed to the measurement.
  std::vector<SurvivalCounts> survival(na, SurvivalCounts(survival_weeks));
  const std::vector<std::uint64_t> left = first_weeks_off(groups);
  const std::size_t follow = follow_weeks();
  for (std::size_t a = 0; a < na; ++a)
    for (std::size_t d = 0; d < follow; ++d)
      if (left[a * follow + d] > 0) survival[a].add(static_cast<int>(d), true, left[a * follow + d]);
  std::size_t run = 0;
  for (std::size_t index = 0; index < members_.size(); ++index) {
    const Member& m = members_[index];
    if (!groups[m.group]) continue;
    const Week entry = joined_week(index, run);
    const std::size_t a = m.actor;
    o.members[a] += 1;
    const int window = spec_.measure_at - entry;
    const double ratio = window > 0 ? double(m.benefit_weeks) / window : 1.0;
    ratio_sum[a] += ratio;
    ratio_sq[a] += ratio * ratio;
    if (!m.left_benefit) survival[a].add(window, false);
  }
  // Every member is counted at the measurement, where the meetings since joining are summed.
  for (std::size_t a = 0; a < na; ++a) {
    double measured = 0.0;
    for (std::size_t s = 0; s < kStates; ++s) measured += status(a, s);
    if (measured != o.members[a])
      throw std::logic_error("cohort " + spec_.name + ": its outcome was asked for before its measurement");
  }
  const std::vector<std::uint64_t> meetings = meetings_since_joining(groups);
  auto per = [](double x, double n) { return n > 0 ? x / n : kNaN; };
  o.self_support_share.resize(na);
  o.support_rate.resize(na);
  o.support_rate_sd.resize(na);
  o.activation_rate.resize(na);
  o.meeting_rate.resize(na);
  o.self_support_weeks.resize(na);
  o.cost_per_citizen.resize(na);
  o.transfers_per_citizen.resize(na);
  o.survival.reserve(na * (horizon + 1));
  for (std::size_t a = 0; a < na; ++a) {
    const double n = o.members[a];
    for (std::size_t s = 0; s < kStates; ++s) status(a, s) = per(status(a, s), n);
    for (std::size_t k = 0; k < kActivities; ++k) activity_share(a, k) = per(activity_share(a, k), n);
    for (std::size_t s = 0; s < kStates; ++s)
      for (std::size_t k = 0; k < kActivities; ++k) state_activity(a, s, k) = per(state_activity(a, s, k), n);
    o.self_support_share[a] = status(a, index_of(State::self_support));
    o.support_rate[a] = per(ratio_sum[a], n);
    o.support_rate_sd[a] =
        n > 1 ? std::sqrt(std::max(0.0, (ratio_sq[a] - ratio_sum[a] * ratio_sum[a] / n) / (n - 1))) : kNaN;
    o.activation_rate[a] = per(activity[a], case_weeks[a]);
    o.meeting_rate[a] = per(static_cast<double>(meetings[a]), case_weeks[a] / 4.0);
    // Shares of the weeks in a programme; `none` has no share (NaN).
    double active_weeks = 0.0;
    for (std::size_t k = 1; k < kActivities; ++k) active_weeks += activity_weeks(a, k);
    for (std::size_t k = 1; k < kActivities; ++k) weeks_share(a, k) = per(activity_weeks(a, k), active_weeks);
    o.self_support_weeks[a] = per(ss_weeks[a], n);
    o.cost_per_citizen[a] = per(cost[a], n);
    o.transfers_per_citizen[a] = per(transfers[a], n);
    const auto km = kaplan_meier(survival[a]);
    o.survival.insert(o.survival.end(), km.begin(), km.end());
  }
  return o;
}

}  // namespace almpsim
