#include "almpsim/programme_places.hpp"

#include <algorithm>

#include "almpsim/case_rules.hpp"

namespace almpsim {

ProgrammePlaces::ProgrammePlaces(const Params& params)
    : params_(params), lists_(params.actors.size() * kActivities), free_(lists_.size(), 0) {
  for (const ActorSpec& a : params.actors)
    limited_ = limited_ || std::any_of(a.places.begin(), a.places.end(), [](int n) { return n > 0; });
}

void ProgrammePlaces::open_week() {
  for (std::size_t a = 0; a < params_.actors.size(); ++a)
    for (int k = 0; k < kActivities; ++k) free_[a * kActivities + k] = params_.actors[a].places[k];
}

void ProgrammePlaces::count_held(const std::vector<std::int32_t>& held) {
  for (std::size_t k = 0; k < free_.size(); ++k) free_[k] -= held[k];
}

void ProgrammePlaces::serve_lists(Population& pop, Week w, std::vector<CitizenId>& started) {
  for (std::size_t k = 0; k < lists_.size(); ++k) {
    auto& list = lists_[k];
    while (free_[k] > 0 && !list.empty()) {
      const WaitingCase c = list.front();
      list.pop_front();
      if (!still_waiting(pop, c, k)) continue;
      start_from_list(params_.programmes[k % kActivities], pop, c.citizen, w);
      started.push_back(c.citizen);
      --free_[k];
    }
  }
}

void ProgrammePlaces::take_place(Population& pop, CitizenId i) {
  if (params_.actors[pop.actor[i]].places[pop.activity[i]] == 0) return;
  const std::size_t k = static_cast<std::size_t>(pop.actor[i]) * kActivities + pop.activity[i];
  if (free_[k] > 0) {
    --free_[k];
    return;
  }
  wait_for_place(pop, i);
  lists_[k].push_back({i, pop.state_since[i]});
}

void ProgrammePlaces::prune_lists(const Population& pop) {
  for (std::size_t k = 0; k < lists_.size(); ++k) {
    auto& list = lists_[k];
    list.erase(
        std::remove_if(list.begin(), list.end(), [&](const WaitingCase& c) { return !still_waiting(pop, c, k); }),
        list.end());
  }
}

std::int32_t ProgrammePlaces::waiting(std::size_t actor, int activity) const {
  return static_cast<std::int32_t>(lists_[actor * kActivities + static_cast<std::size_t>(activity)].size());
}

bool ProgrammePlaces::still_waiting(const Population& pop, const WaitingCase& c, std::size_t list) const {
  const CitizenId i = c.citizen;
  return pop.state_since[i] == c.since && waiting_for_place(pop, i) &&
         static_cast<std::size_t>(pop.actor[i]) * kActivities + pop.activity[i] == list;
}

}  // namespace almpsim
