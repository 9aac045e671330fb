#include "almpsim/stock_split.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace almpsim {

double share_draw_of(const RandomStreams& rng, CitizenId i) {
  return RandomStreams::unit(rng.words(i, 0, Process::assignment)[0]);
}

double area_draw_of(const RandomStreams& rng, CitizenId i) {
  return area_draw(rng.words(i, 1, Process::attributes));
}

namespace {
/// The citizens in `members`, ordered by their own draws (ties by id): a random permutation
/// that depends on nothing but the draws. Calls fn(citizen, (rank + 0.5) / n) for each.
template <class Draw, class Fn>
void by_rank(const std::vector<CitizenId>& members, Draw draw, Fn fn) {
  std::vector<std::pair<double, CitizenId>> order;
  order.reserve(members.size());
  for (const CitizenId i : members) order.emplace_back(draw(i), i);
  std::sort(order.begin(), order.end());
  const double n = static_cast<double>(order.size());
  for (std::size_t r = 0; r < order.size(); ++r) fn(order[r].second, (static_cast<double>(r) + 0.5) / n);
}
}  // namespace

void split_stock_exactly(const Params& params, const RandomStreams& rng, Population& pop, CitizenId stock) {
  const AttributeSpec& at = params.attributes;
  for (int s = 0; s < kStates; ++s) {
    std::vector<CitizenId> members;
    for (CitizenId i = 0; i < stock; ++i)
      if (pop.state[i] == s) members.push_back(i);
    const auto& shares = at.initial_mix[static_cast<std::size_t>(s)].area;
    by_rank(
        members, [&](CitizenId i) { return area_draw_of(rng, i); },
        [&](CitizenId i, double u) { pop.area[i] = static_cast<std::uint8_t>(draw_index(shares, u)); });
  }
  pop.stock_share_draw.assign(stock, 0.0);
  const std::size_t areas = std::max<std::size_t>(1, at.area_names.size());
  for (std::size_t k = 0; k < areas; ++k) {
    std::vector<CitizenId> members;
    for (CitizenId i = 0; i < stock; ++i)
      if (pop.area[i] == k) members.push_back(i);
    by_rank(
        members, [&](CitizenId i) { return share_draw_of(rng, i); },
        [&](CitizenId i, double u) { pop.stock_share_draw[i] = u; });
  }
}

}  // namespace almpsim
