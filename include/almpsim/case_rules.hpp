#pragma once
/// What happens to one citizen's case: entering a benefit state, and a follow-up meeting.
/// Plain functions over one citizen; the engine decides when they run.
#include <array>

#include "almpsim/actors.hpp"
#include "almpsim/params.hpp"
#include "almpsim/population.hpp"
#include "almpsim/rng.hpp"

namespace almpsim {

/// The citizen's match group (index into AttributeSpec::match_group_names).
inline int match_group_of(const Params& params, const Population& pop, CitizenId i) {
  return params.attributes.match_group_of[pop.match[i]];
}

/// What the actors' assignment rules read of citizen i; facts no rule reads keep their defaults.
AssignmentFacts assignment_facts(const Params& params, const RandomStreams& rng, const Population& pop, CitizenId i);

/// Moves citizen i into `to` from the start of week `week` (`from` is kNoPreviousState for a
/// new case): assigns the serving actor, reassesses categories, ends any activity, schedules
/// the first meeting and, where the actor's policy says so, an immediate activation.
void enter_state(const Params& params, const RandomStreams& rng, Population& pop, CitizenId i, std::uint8_t from,
                 State to, Week week);

/// Hands citizen i's case to `actor` from the start of week `week`, in the same spell: the new
/// actor's first meeting, without the earlier caseworker's meeting effect; a programme booked or
/// running goes on, a place still waited for is given up.
void hand_over(const Params& params, Population& pop, CitizenId i, std::size_t actor, Week week);

/// Programme places. A place is held from the decision until the programme ends; a decision
/// made when the actor's places are all held waits on its list (announced, with no start yet).
inline bool waiting_for_place(const Population& pop, CitizenId i) {
  return pop.activity_of(i) != Activity::none && pop.activity_from[i] == kNever;
}
/// Whether citizen i holds a place in week w + 1 (a programme booked or still running then).
inline bool holds_place(const Population& pop, CitizenId i, Week w) {
  return pop.activity_of(i) != Activity::none && pop.activity_from[i] != kNever && pop.activity_to[i] > w + 1;
}
/// Puts the programme just decided for citizen i on hold until a place frees.
void wait_for_place(Population& pop, CitizenId i);
/// Gives citizen i, waiting since the decision, a place that is free from week w + 1: the
/// programme starts at its first intake once both that week and the decision's wait are past.
void start_from_list(const ProgrammeSpec& programme, Population& pop, CitizenId i, Week w);

/// Sets up a case that is already running when the simulation starts: actor, and a first
/// meeting spread evenly over the meeting interval so that the stock does not meet all at once.
void open_initial_case(const Params& params, const RandomStreams& rng, Population& pop, CitizenId i, Week week);

struct MeetingOutcome {
  bool attended = false;
  bool sanctioned = false;
  bool leaves_benefit = false;  ///< a sanction that ends the benefit spell
  Activity started = Activity::none;
  bool reassessed = false;  ///< the match category changed: the citizen's hazards must be looked up again
  bool referred = false;    ///< the case goes to the actor's `referral.to` (hand_over)
};

/// Weeks from a meeting held `spell_weeks` into a spell in state `s` to the next one: the
/// early interval while the spell is young, the state's interval after; 0 if the actor holds
/// no meetings in that state.
int weeks_to_next_meeting(const ActorSpec& actor, State s, int spell_weeks);

/// Whether a meeting the actor held in week `met` of a spell that began in week `spell_start`
/// was a group meeting: all its meetings are, or the early ones are held in groups.
bool met_in_group(const ActorSpec& actor, Week met, Week spell_start);

/// The random words a meeting may use: the meeting's own four (rng.words(i, w,
/// Process::meeting): no-show, sanction, leaving benefit, activation chance) and the first word
/// of the reassessment, referral and activation draws. Drawn beforehand for many meetings at
/// once, where only the processes some actor uses need drawing.
struct MeetingWords {
  std::array<std::uint32_t, 4> meeting{};
  std::uint32_t reassessment = 0, referral = 0, activation = 0;
};
/// The words of citizen i's meeting in week w, each process drawn.
MeetingWords meeting_words(const RandomStreams& rng, CitizenId i, Week w);

/// Which of a meeting's reassessment and referral words some actor's rules may read: the words
/// no rule reads need not be drawn (hold_meeting reads them only where these are true).
struct MeetingDraws {
  bool reassessment = false, referral = false;
};
MeetingDraws meeting_draws_read(const std::vector<ActorSpec>& actors);

/// A follow-up meeting held in week w: counts it, schedules the next one, and may sanction a
/// no-show or start an activity from the actor's mix.
MeetingOutcome hold_meeting(const Params& params, const RandomStreams& rng, Population& pop, CitizenId i, Week w);
/// The same with the meeting's words drawn beforehand.
MeetingOutcome hold_meeting(const Params& params, Population& pop, CitizenId i, Week w, const MeetingWords& words);

}  // namespace almpsim
