#pragma once
/// Citizens in struct-of-arrays layout: one vector per attribute, one slot per citizen.
/// Citizens are numbered in order of entry (initial stock first, then each week's inflow),
/// so the citizens present at week w are the prefix [0, present_until(w)).
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <utility>
#include <vector>

#include "almpsim/params.hpp"
#include "almpsim/rng.hpp"
#include "almpsim/types.hpp"

namespace almpsim {

/// An allocator that leaves a new element of a column unset: Population::allocate sizes the
/// columns so, and the threads that then set the citizens' fields are the first to touch their
/// pages. (Zeroing a million-citizen model's columns as they were sized took the main thread
/// alone about 50 ms, most of it the kernel giving it fresh pages.)
template <class T>
struct UnsetAllocator : std::allocator<T> {
  using value_type = T;
  template <class U>
  struct rebind {
    using other = UnsetAllocator<U>;
  };
  UnsetAllocator() = default;
  template <class U>
  UnsetAllocator(const UnsetAllocator<U>&) noexcept {}
  /// Default-initialises (for the columns' plain numbers: leaves unset).
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
template <class T, class U>
bool operator==(const UnsetAllocator<T>&, const UnsetAllocator<U>&) {
  return true;
}

/// One attribute of every citizen.
template <class T>
using Column = std::vector<T, UnsetAllocator<T>>;

/// Marks a citizen who has had no state before the current one.
inline constexpr std::uint8_t kNoPreviousState = 0xFF;
/// Week value meaning "never" for meeting and activity fields.
inline constexpr Week kNever = 32000;
/// Week value of "no meeting attended in this spell".
inline constexpr std::int16_t kNoMeeting = -32000;

struct Population {
  static constexpr auto kNever16 = static_cast<std::int16_t>(kNever);  ///< kNever as the fields hold it

  // Fixed at creation.
  Column<std::uint8_t> sex, origin, area, employability, birth_day;
  Column<std::int16_t> birth_week;  ///< week of birth relative to week 0
  // Reassessed on entry to a state whose mix defines them.
  Column<std::uint8_t> match, sick_category;
  // Benefit state and case.
  Column<std::uint8_t> state, prev_state, actor;
  Column<std::int16_t> state_since;  ///< first week in the current state
  // Casework, where an actor works cases (works_cases): without it nobody is ever in an
  // activity or met, and these arrays are left empty (read through the accessors below).
  bool casework = true;
  // Activity: kind, and the weeks it is announced [announced, from), runs [from, to), and after.
  Column<std::uint8_t> activity;
  Column<std::int16_t> activity_announced, activity_from, activity_to;
  Column<std::int16_t> next_meeting;  ///< week the next follow-up meeting is due
  Column<std::uint16_t> meetings;     ///< meetings held so far (wraps at 65536)
  Column<std::int16_t> last_met;      ///< week of the last meeting attended in this spell

  /// The initial stock's random-share draws when it is split exactly (its ranks within each
  /// area); empty otherwise, when each citizen's own draw is used.
  std::vector<double> stock_share_draw;

  /// First citizen id that enters in week w (index Calendar::slot(w)); one extra slot at the end.
  std::vector<CitizenId> first_of_week;

  std::size_t size() const { return state.size(); }
  /// n citizens, every field 0.
  void resize(std::size_t n);
  /// n citizens, their fields unset: clear() or the caller sets them before they are read.
  void allocate(std::size_t n);
  /// Sets every field of citizens [first, last) to 0, as resize() leaves them.
  void clear(CitizenId first, CitizenId last);
  /// Citizens present at the start of week w.
  CitizenId present_until(const Calendar& cal, Week w) const {
    return first_of_week[static_cast<std::size_t>(cal.slot(w))];
  }

  State state_of(CitizenId i) const { return static_cast<State>(state[i]); }
  /// The activity booked, running or past (none without casework).
  Activity activity_of(CitizenId i) const { return casework ? static_cast<Activity>(activity[i]) : Activity::none; }
  /// The activity the citizen is in during week w (none while only announced or after the end).
  Activity current_activity(CitizenId i, Week w) const {
    return casework && w >= activity_from[i] && w < activity_to[i] ? activity_of(i) : Activity::none;
  }
  /// The casework fields as the case holds them; without casework, a case never worked: no
  /// activity announced or run, no meeting booked, attended or held.
  std::int16_t activity_announced_of(CitizenId i) const { return casework ? activity_announced[i] : kNever16; }
  std::int16_t activity_from_of(CitizenId i) const { return casework ? activity_from[i] : kNever16; }
  std::int16_t activity_to_of(CitizenId i) const { return casework ? activity_to[i] : kNever16; }
  std::int16_t next_meeting_of(CitizenId i) const { return casework ? next_meeting[i] : kNever16; }
  std::int16_t last_met_of(CitizenId i) const { return casework ? last_met[i] : kNoMeeting; }
  std::uint16_t meetings_of(CitizenId i) const { return casework ? meetings[i] : std::uint16_t{0}; }
  int age_years(CitizenId i, Week w) const { return (w - birth_week[i]) * 7 / 365; }
  /// The first week in which citizen i is `years` old.
  Week week_aged(CitizenId i, int years) const {
    Week c = birth_week[i] + (365 * years + 6) / 7;
    while (age_years(i, c) < years) ++c;
    while (age_years(i, c - 1) >= years) --c;
    return c;
  }
};

/// Age band index for an age in years (ages outside the bands go to the nearest band).
int age_band_of(const AttributeSpec& attributes, int age_years);

/// What an age in years gives a citizen's hazards: its age band, and the next age above it at
/// which the band changes (kNoAge if none: the oldest band, or no bands).
struct AgeMarks {
  static constexpr int kNoAge = std::numeric_limits<int>::max();
  int band = 0;
  int next_edge = kNoAge;
};
AgeMarks age_marks_of(const AttributeSpec& attributes, int age_years);

/// Whether any actor works cases: holds meetings in some state, or activates on entry.
bool works_cases(const Params& params);

/// A citizen's attribute draws: words(i, k, Process::attributes) for k = 0, 1, 2.
struct AttributeWords {
  std::array<std::uint32_t, 4> a, b, c;
};

/// A citizen's area draw, fixed for life, from its second attribute words (b, k = 1):
/// draw_attributes picks the area by it, and the exact split of the initial stock ranks
/// citizens by it (stock_split.hpp).
inline double area_draw(const std::array<std::uint32_t, 4>& second_attribute_words) {
  return RandomStreams::unit(second_attribute_words[0]);
}

/// The draws of the attributes of a citizen who first appears in one state, from the initial
/// stock's mix or the inflow's, their sums made once.
struct MixDraws {
  MixDraws(const Params& params, State state, bool initial_stock);
  MixDraws(const AttributeMix& mix, const std::vector<double>& employability_shares);
  IndexDraw sex, origin, match, sick_category, area, employability, age;
};

/// Draws the fixed attributes of citizen i, who first appears in `state`, from the initial
/// stock's mix or the inflow's: its words, drawn beforehand for many citizens at once, through
/// that mix's draws.
void draw_attributes(const Params& params, const MixDraws& draws, const AttributeWords& words, Population& pop,
                     CitizenId i, State state, Week week, bool initial_stock);

/// Redraws the match and sickness categories on entry to a state whose mix defines them
/// and the citizen has none yet.
void reassess_categories(const Params& params, const RandomStreams& rng, Population& pop, CitizenId i, State state,
                         Week week);

/// Creates the initial stock and the inflow of the whole run; the inflow is drawn up front
/// because its rate depends only on the macro path, never on the simulated state.
/// Entry rules (actor, meetings) are applied by the engine. `threads` share the draws; the
/// result does not depend on their number.
Population create_population(const Params& params, const RandomStreams& rng, int threads = 1);

}  // namespace almpsim
