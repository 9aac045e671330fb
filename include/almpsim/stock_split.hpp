#pragma once
/// A trial randomises fixed numbers: 22 participants and 21 controls in one job centre, not
/// shares that come out 22 ± 3. With population.split_exactly the initial stock's areas and
/// random-share arms are given by ranks instead of each citizen's draw: the citizens keep the
/// order their own draws put them in, so the split is still at random, but its sizes are fixed.
#include "almpsim/population.hpp"
#include "almpsim/rng.hpp"

namespace almpsim {

/// Citizen i's own draw for random-share rules, fixed for life.
double share_draw_of(const RandomStreams& rng, CitizenId i);

/// Citizen i's own draw of its area, fixed for life.
double area_draw_of(const RandomStreams& rng, CitizenId i);

/// Replaces the draws of the initial stock (citizens 0..stock-1) by their ranks: within each
/// state, the area draws, so that each area holds its share of the state's stock; within each
/// area, the random-share draws (kept in pop.stock_share_draw), so that each arm holds its share
/// of the area's stock. Shares that are not whole numbers of citizens round at the midpoints.
/// The arms are exact when the random-share rules see the area's whole stock: no earlier rule
/// (birth day, area, match group) claims some of it first, and none excepts a state it holds.
void split_stock_exactly(const Params& params, const RandomStreams& rng, Population& pop, CitizenId stock);

}  // namespace almpsim
