#pragma once
// The scenario schema's rows, in documentation order, one file per part of a scenario.
// Private to sim/io; schema::keys() joins them.
#include <vector>

#include "almpsim/schema.hpp"

namespace almpsim::schema {

std::vector<Key> model_keys();  ///< run, population, attributes, employability, flows, programmes
std::vector<Key> actor_keys();  ///< actors, macro path, shocks
std::vector<Key> study_keys();  ///< cohorts, targets, calibration, sweep, power

}  // namespace almpsim::schema
