#pragma once
// Text placed in HTML or SVG.
#include <string>
#include <string_view>

namespace almpsim::report {

/// The text with &, <, >, " and ' written as entities, safe in element content and attributes.
std::string escape(std::string_view text);

/// A number with the given decimals ("12.3"); NaN as an en dash.
std::string decimal(double x, int decimals);

}  // namespace almpsim::report
