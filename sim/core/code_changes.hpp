#pragma once
// Which cohort members' case codes changed since they were last counted: a member's weeks are
// counted only at its changes, and most members keep their code from week to week. Sixteen
// members at a time in AVX-512, where the CPU has it; the portable loop lists the same.
// Private to sim/core.
#include <cstddef>
#include <cstdint>

#include "almpsim/case_codes.hpp"
#include "almpsim/types.hpp"
#include "almpsim/vector_path.hpp"

namespace almpsim {

/// Members lie apart in the population: their codes are asked for this many members ahead,
/// counted every week or at changes (a member's week takes a few nanoseconds, a code from memory
/// about a hundred; Køge at 1M ran 2.20 s at 32 ahead, 2.19 s at 48 and 2.22 s at 96, against
/// 2.29 s at 16, counted every week; at changes 192 ahead ran as 48).
inline constexpr std::size_t kMemberCodesAhead = 48;

/// Members as find_code_changes() reads them: `count` records of `record_bytes` each from
/// `records`, each starting with its citizen's id (a CitizenId), and `last[k]` the code member
/// k was last counted in.
struct MemberCodes {
  const void* records;
  std::size_t record_bytes;
  const std::uint8_t* last;
  std::size_t count;
};

/// Lists in `changed` (in increasing order) every k < members.count whose citizen's code,
/// codes[id], is not last[k], and returns how many. `codes` holds the codes of citizens
/// [0, present), each member's id below `present`. A path may list a few members whose code
/// did not change too (the vector path those whose code it cannot read in a 4-byte word inside
/// the array): callers compare again. `changed` holds members.count entries.
std::size_t find_code_changes(const MemberCodes& members, const CaseCode* codes, CitizenId present,
                              std::uint32_t* changed, VectorPath widest = VectorPath::avx512);

}  // namespace almpsim
