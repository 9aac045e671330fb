#include "programme_count.hpp"

#include <algorithm>
#include <stdexcept>

namespace almpsim {

void programme_count_changes(const Params& params, const Population& pop, CitizenId i, Week from_week, int sign,
                             std::vector<CountChange>& out) {
  const Activity activity = pop.activity_of(i);
  if (activity == Activity::none || !params.on_benefit[pop.state[i]]) return;
  const Calendar& cal = params.calendar;
  // A programme waiting for a place starts "never" (kNever, past every calendar's end).
  const Week start = std::max<Week>(pop.activity_from[i], from_week), end = pop.activity_to[i];
  if (start >= end || start >= cal.end()) return;
  const auto bin = static_cast<std::uint16_t>(pop.actor[i] * std::size_t{kActivities} + index_of(activity));
  out.push_back({cal.slot(start), bin, static_cast<std::int16_t>(sign)});
  if (end < cal.end()) out.push_back({cal.slot(end), bin, static_cast<std::int16_t>(-sign)});
}

ProgrammeCount::ProgrammeCount(const Params& params, int parts)
    : calendar_(params.calendar),
      bins_(params.actors.size() * kActivities),
      changes_(static_cast<std::size_t>(std::max(1, parts)),
               std::vector<std::int32_t>(static_cast<std::size_t>(params.calendar.total()) * bins_, 0)),
      running_(bins_, 0) {}

void ProgrammeCount::apply(const std::vector<CountChange>& changes, int part) {
  if (part < 0 || static_cast<std::size_t>(part) >= changes_.size())
    throw std::logic_error("a change to the programme count from a part it does not keep");
  // All checked before any is taken in: a list refused leaves the count as it was.
  for (const CountChange& c : changes) {
    if (c.slot <= counted_) throw std::logic_error("a change to the programme count of a week already counted");
    if (c.slot >= calendar_.total() || c.bin >= bins_)
      throw std::logic_error("a change to the programme count outside its weeks or bins");
  }
  std::vector<std::int32_t>& into = changes_[static_cast<std::size_t>(part)];
  for (const CountChange& c : changes) into[static_cast<std::size_t>(c.slot) * bins_ + c.bin] += c.delta;
}

const std::vector<std::int32_t>& ProgrammeCount::advance_to(Week w) {
  const int slot = calendar_.slot(w);
  if (slot != counted_ + 1 || slot >= calendar_.total())
    throw std::logic_error("the programme count takes the run's weeks in order, each once");
  for (const std::vector<std::int32_t>& part : changes_) {
    const std::int32_t* change = part.data() + static_cast<std::size_t>(slot) * bins_;
    for (std::size_t b = 0; b < bins_; ++b) running_[b] += change[b];
  }
  counted_ = slot;
  return running_;
}

}  // namespace almpsim
