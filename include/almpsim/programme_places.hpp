#pragma once
/// Programme places and the lists of cases waiting for one, per actor and programme. A place is
/// held from the decision until the programme ends; each week the places free for the next
/// week's starts go first to the cases longest on the list, then to the week's decisions, and a
/// decision that finds none joins the end of the list (case_rules.hpp has the citizen's side).
#include <cstdint>
#include <deque>
#include <vector>

#include "almpsim/params.hpp"
#include "almpsim/population.hpp"

namespace almpsim {

class ProgrammePlaces {
 public:
  explicit ProgrammePlaces(const Params& params);

  /// Whether some actor limits some programme's places.
  bool limited() const { return limited_; }

  /// Starts the week's count: every place free.
  void open_week();
  /// Counts places held next week ([actor][activity], negative for places given back).
  void count_held(const std::vector<std::int32_t>& held);
  /// Gives the free places to the cases longest on each list, to start from week w + 1, and
  /// appends the cases given one to `started`.
  void serve_lists(Population& pop, Week w, std::vector<CitizenId>& started);
  /// Citizen i's programme, just decided: a free place, or the end of its actor's list.
  void take_place(Population& pop, CitizenId i);
  /// Drops the cases that left their list (their spell, or their actor's care).
  void prune_lists(const Population& pop);
  /// Cases waiting on the list of (actor, activity); exact after prune_lists.
  std::int32_t waiting(std::size_t actor, int activity) const;

 private:
  struct WaitingCase {
    CitizenId citizen;
    Week since;  // the spell's first week: a case that left the spell has left the list
  };
  bool still_waiting(const Population& pop, const WaitingCase& c, std::size_t list) const;

  const Params& params_;
  bool limited_ = false;
  std::vector<std::deque<WaitingCase>> lists_;  // [actor][activity] in the order decided
  std::vector<std::int64_t> free_;              // [actor][activity] for starts from next week
};

}  // namespace almpsim
