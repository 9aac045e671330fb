#include "almpsim/case_rules.hpp"

#include <algorithm>

#include "almpsim/actors.hpp"
#include "almpsim/meeting_effect.hpp"
#include "almpsim/programmes.hpp"
#include "almpsim/stock_split.hpp"

namespace almpsim {

// Only the facts the rules read are looked up: each lies in its own array, a cache miss apiece
// for a citizen just moved. The draw is fixed per citizen, so it too is made only where used.
AssignmentFacts assignment_facts(const Params& params, const RandomStreams& rng, const Population& pop, CitizenId i) {
  const FactsRead read = facts_read(params.actors);
  AssignmentFacts f;
  if (read.birth_day) f.birth_day = pop.birth_day[i];
  if (read.area) f.area = pop.area[i];
  if (read.match_group) f.match_group = match_group_of(params, pop, i);
  if (read.share_draw) f.share_draw = i < pop.stock_share_draw.size() ? pop.stock_share_draw[i] : share_draw_of(rng, i);
  return f;
}

namespace {

std::int16_t week16(Week w) {
  return static_cast<std::int16_t>(std::clamp(w, -32000, 32000));
}

// The activity booked or running is the immediate activation set up when the case opened:
// its start and length identify it (a meeting-booked programme of the same kind, start and
// length would be the same course).
bool in_immediate_activation(const ImmediateActivation& ia, const PerActivity<ProgrammeSpec>& programmes,
                             const Population& pop, CitizenId i) {
  return ia.enabled && pop.activity_of(i) == ia.kind &&
         pop.activity_from[i] == next_intake(programmes[index_of(ia.kind)], pop.state_since[i] + ia.delay_weeks) &&
         pop.activity_to[i] - pop.activity_from[i] == ia.length_weeks;
}

// Books the next meeting for the immediate activation's follow-up when that comes sooner.
void follow_up_immediate_activation(const ImmediateActivation& ia, const PerActivity<ProgrammeSpec>& programmes,
                                    Population& pop, CitizenId i) {
  if (!ia.follow_up_weeks || !in_immediate_activation(ia, programmes, pop, i)) return;
  const Week follow_up = pop.activity_to[i] + *ia.follow_up_weeks;
  if (follow_up < pop.next_meeting[i]) pop.next_meeting[i] = week16(follow_up);
}

// A new case starts without the effect of an earlier caseworker's meeting.
void forget_last_meeting(Population& pop, CitizenId i) {
  pop.last_met[i] = kNoMeeting;
}

// The first meeting attended after the immediate activation ended plans the next step, with
// its own chance where the actor has one.
double activation_chance(const ActorSpec& actor, const PerActivity<ProgrammeSpec>& programmes, const Population& pop,
                         CitizenId i, Week previous_meeting, int group, std::size_t slot) {
  const ImmediateActivation& ia = actor.immediate_activation;
  const bool next_step = ia.next_step_probability && in_immediate_activation(ia, programmes, pop, i) &&
                         previous_meeting < pop.activity_to[i];
  return next_step ? *ia.next_step_probability : actor.activation_probability[static_cast<std::size_t>(group)][slot];
}

// Whether the actor's caseworkers may reassess a case of this match category at a meeting
// (they then read the reassessment draw).
bool may_reassess(const ActorSpec& actor, std::size_t match) {
  const auto& chances = actor.reassessment[match];
  return std::any_of(chances.begin(), chances.end(), [](double p) { return p != 0.0; });
}

// Whether the actor may refer a case of this match group at a meeting (it then reads the
// referral draw).
bool may_refer(const ActorSpec& actor, std::size_t group) {
  const std::vector<double>& chance = actor.referral.chance;
  return group < chance.size() && chance[group] != 0.0;
}

// The caseworker may reassess the match category at a meeting; returns whether it changed.
bool reassess_match(const ActorSpec& actor, Population& pop, CitizenId i, std::uint32_t word) {
  if (!may_reassess(actor, pop.match[i])) return false;
  const auto& chances = actor.reassessment[pop.match[i]];
  const double u = RandomStreams::unit(word);
  double below = 0.0;
  for (std::size_t to = 0; to < kMatchLevels; ++to) {
    below += chances[to];
    if (u < below) {
      pop.match[i] = static_cast<std::uint8_t>(to);
      return true;
    }
  }
  return false;
}

// The caseworker may hand the case to another actor at a meeting, at the case's group's chance.
bool refer(const ActorSpec& actor, int group, std::uint32_t word) {
  const auto g = static_cast<std::size_t>(group);
  return may_refer(actor, g) && RandomStreams::unit(word) < actor.referral.chance[g];
}

void clear_activity(Population& pop, CitizenId i) {
  pop.activity[i] = static_cast<std::uint8_t>(Activity::none);
  pop.activity_announced[i] = week16(kNever);
  pop.activity_from[i] = week16(kNever);
  pop.activity_to[i] = week16(kNever);
}
}  // namespace

void enter_state(const Params& params, const RandomStreams& rng, Population& pop, CitizenId i, std::uint8_t from,
                 State to, Week week) {
  pop.prev_state[i] = from;
  pop.state[i] = static_cast<std::uint8_t>(to);
  pop.state_since[i] = week16(week);
  reassess_categories(params, rng, pop, i, to, week);
  const int a = assign_actor(params.actors, assignment_facts(params, rng, pop, i), to);
  pop.actor[i] = static_cast<std::uint8_t>(a);
  if (!pop.casework) return;
  clear_activity(pop, i);
  forget_last_meeting(pop, i);

  const ActorSpec& actor = params.actors[static_cast<std::size_t>(a)];
  const int interval = actor.meeting_interval_weeks[index_of(to)];
  pop.next_meeting[i] = week16(interval > 0 ? week + actor.first_meeting_weeks : kNever);

  const ImmediateActivation& ia = actor.immediate_activation;
  if (ia.enabled && ia.states[index_of(to)] && ia.groups[static_cast<std::size_t>(match_group_of(params, pop, i))]) {
    pop.activity[i] = static_cast<std::uint8_t>(ia.kind);
    const Week from = next_intake(params.programmes[index_of(ia.kind)], week + ia.delay_weeks);
    // Told at registration, or announced_weeks before the start if that is later.
    pop.activity_announced[i] = week16(ia.announced_weeks ? std::max(week, from - *ia.announced_weeks) : week);
    pop.activity_from[i] = week16(from);
    pop.activity_to[i] = week16(from + ia.length_weeks);
    follow_up_immediate_activation(ia, params.programmes, pop, i);
  }
}

void hand_over(const Params& params, Population& pop, CitizenId i, std::size_t actor, Week week) {
  pop.actor[i] = static_cast<std::uint8_t>(actor);
  // A place waited for is the giver's; the taker plans the case afresh.
  if (waiting_for_place(pop, i)) clear_activity(pop, i);
  forget_last_meeting(pop, i);
  const ActorSpec& taker = params.actors[actor];
  const int interval = taker.meeting_interval_weeks[pop.state[i]];
  pop.next_meeting[i] = week16(interval > 0 ? week + taker.first_meeting_weeks : kNever);
}

void wait_for_place(Population& pop, CitizenId i) {
  pop.activity_from[i] = week16(kNever);
  pop.activity_to[i] = week16(kNever);
}

void start_from_list(const ProgrammeSpec& programme, Population& pop, CitizenId i, Week w) {
  const Week from = next_intake(programme, std::max<Week>(w + 1, pop.activity_announced[i] + programme.wait_weeks));
  pop.activity_from[i] = week16(from);
  pop.activity_to[i] = week16(from + programme.length_weeks);
}

void open_initial_case(const Params& params, const RandomStreams& rng, Population& pop, CitizenId i, Week week) {
  const State s = pop.state_of(i);
  const int a = assign_actor(params.actors, assignment_facts(params, rng, pop, i), s);
  pop.actor[i] = static_cast<std::uint8_t>(a);
  if (!pop.casework) return;
  clear_activity(pop, i);
  forget_last_meeting(pop, i);
  const int interval = params.actors[static_cast<std::size_t>(a)].meeting_interval_weeks[index_of(s)];
  if (interval > 0) {
    // Its own stream: the meeting held in `week` draws its no-show from Process::meeting.
    const double u = RandomStreams::unit(rng.words(i, week, Process::first_meeting)[0]);
    pop.next_meeting[i] = week16(week + static_cast<int>(u * interval));
  } else {
    pop.next_meeting[i] = week16(kNever);
  }
}

int weeks_to_next_meeting(const ActorSpec& actor, State s, int spell_weeks) {
  const int ordinary = actor.meeting_interval_weeks[index_of(s)];
  const EarlyMeetings& early = actor.early_meetings;
  if (ordinary == 0 || early.interval_weeks == 0 || spell_weeks >= early.for_weeks) return ordinary;
  return early.interval_weeks;
}

bool met_in_group(const ActorSpec& actor, Week met, Week spell_start) {
  const EarlyMeetings& early = actor.early_meetings;
  return actor.group_meetings > 1 || (early.in_groups && met - spell_start < early.for_weeks);
}

MeetingDraws meeting_draws_read(const std::vector<ActorSpec>& actors) {
  MeetingDraws read;
  for (const ActorSpec& actor : actors) {
    for (std::size_t match = 0; match < kMatchLevels; ++match) read.reassessment |= may_reassess(actor, match);
    for (std::size_t group = 0; group < actor.referral.chance.size(); ++group) read.referral |= may_refer(actor, group);
  }
  return read;
}

MeetingWords meeting_words(const RandomStreams& rng, CitizenId i, Week w) {
  return {rng.words(i, w, Process::meeting), rng.words(i, w, Process::reassessment)[0],
          rng.words(i, w, Process::referral)[0], rng.words(i, w, Process::activation)[0]};
}

MeetingOutcome hold_meeting(const Params& params, const RandomStreams& rng, Population& pop, CitizenId i, Week w) {
  return hold_meeting(params, pop, i, w, meeting_words(rng, i, w));
}

MeetingOutcome hold_meeting(const Params& params, Population& pop, CitizenId i, Week w, const MeetingWords& words) {
  const std::array<std::uint32_t, 4>& u = words.meeting;
  const ActorSpec& actor = params.actors[pop.actor[i]];
  const State s = pop.state_of(i);
  MeetingOutcome out;
  if (RandomStreams::unit(u[0]) < actor.sanctions.no_show) {
    // A missed meeting is booked again for the next week.
    pop.next_meeting[i] = week16(w + 1);
    out.sanctioned = RandomStreams::unit(u[1]) < actor.sanctions.rate;
    out.leaves_benefit = out.sanctioned && RandomStreams::unit(u[2]) < actor.sanctions.exit_share;
    return out;
  }
  out.attended = true;
  const Week previous_meeting = pop.last_met[i];
  ++pop.meetings[i];
  pop.last_met[i] = week16(w);
  // A team without meetings in this state (met for an immediate activation's follow-up) books none.
  const int next = weeks_to_next_meeting(actor, s, w - pop.state_since[i]);
  pop.next_meeting[i] = week16(next > 0 ? w + next : kNever);

  // Reassessed first: the next step is planned for the case as now assessed.
  out.reassessed = reassess_match(actor, pop, i, words.reassessment);
  const int group = match_group_of(params, pop, i);
  // A case handed on is planned by the actor that takes it.
  out.referred = refer(actor, group, words.referral);
  if (out.referred) return out;
  const bool busy = pop.activity_of(i) != Activity::none && w < pop.activity_to[i];
  if (busy) follow_up_immediate_activation(actor.immediate_activation, params.programmes, pop, i);
  const std::size_t slot = static_cast<std::size_t>(params.calendar.slot(w));
  if (busy ||
      RandomStreams::unit(u[3]) >= activation_chance(actor, params.programmes, pop, i, previous_meeting, group, slot))
    return out;
  const double contact = actor.company_contact[slot];
  const Activity kind =
      choose_activity(actor, params.programmes, group, contact, RandomStreams::unit(words.activation));
  if (kind == Activity::none) return out;
  const ProgrammeSpec& p = params.programmes[index_of(kind)];
  pop.activity[i] = static_cast<std::uint8_t>(kind);
  const Week from = next_intake(p, w + p.wait_weeks);
  pop.activity_announced[i] = week16(w);
  pop.activity_from[i] = week16(from);
  pop.activity_to[i] = week16(from + p.length_weeks);
  out.started = kind;
  return out;
}

}  // namespace almpsim
