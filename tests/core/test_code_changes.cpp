// Which cohort members' codes changed: the portable loop lists exactly those, and the AVX-512
// path lists the same once its unread members are compared again.
#include "../../sim/core/code_changes.hpp"

#include "../../sim/core/cpu_features.hpp"

#include <random>
#include <vector>

#include "support/catch.hpp"

using namespace almpsim;

namespace {

/// A cohort's member record as the tracker keeps it: the citizen first, eight bytes in all.
struct Record {
  CitizenId id;
  std::uint32_t rest;
};

/// Lists the members whose code differs, by the plain definition.
std::vector<std::uint32_t> differing(const std::vector<Record>& members, const std::vector<CaseCode>& codes,
                                     const std::vector<std::uint8_t>& last) {
  std::vector<std::uint32_t> out;
  for (std::size_t k = 0; k < members.size(); ++k)
    if (codes[members[k].id] != last[k]) out.push_back(static_cast<std::uint32_t>(k));
  return out;
}

}  // namespace

TEST_CASE("members whose codes changed are listed alike on every path", "[unit]") {
  if (!cpu_has_avx512()) WARN("no AVX-512 here: only the portable path runs");
  std::mt19937_64 g(20261206);
  for (const std::size_t count : {0u, 1u, 15u, 16u, 17u, 100u, 4096u}) {
    for (const CitizenId present : {1u, 2u, 40u, 100000u}) {
      INFO("members " << count << ", citizens " << present);
      std::vector<CaseCode> codes(present);
      for (auto& c : codes) c = static_cast<CaseCode>(g() % 231);
      // The last citizen's code is not 0: a path that took a code it did not read for 0 would
      // miss a member last counted in 0.
      codes[present - 1] = 7;
      std::vector<Record> members(count);
      std::vector<std::uint8_t> last(count);
      for (std::size_t k = 0; k < count; ++k) {
        // Some members are the last citizen, whose code's 4-byte word would pass the array's end.
        members[k].id = g() % 5 == 0 ? present - 1 : static_cast<CitizenId>(g() % present);
        members[k].rest = static_cast<std::uint32_t>(g());
        const CaseCode code = codes[members[k].id];
        // Most keep their code; some changed, some just joined (0xFF, never a code here).
        const auto roll = g() % 10;
        if (members[k].id == present - 1 && roll < 3) {
          last[k] = 0;
          continue;
        }
        last[k] = roll < 7   ? static_cast<std::uint8_t>(code)
                  : roll < 9 ? static_cast<std::uint8_t>((code + 1) % 231)
                             : 0xFF;
      }
      const std::vector<std::uint32_t> expected = differing(members, codes, last);
      const MemberCodes view{members.data(), sizeof(Record), last.data(), count};
      std::vector<std::uint32_t> listed(count);  // as many as the members, as documented
      const std::size_t n = find_code_changes(view, codes.data(), present, listed.data(), VectorPath::portable);
      CHECK(std::vector<std::uint32_t>(listed.begin(), listed.begin() + static_cast<std::ptrdiff_t>(n)) == expected);
      // The widest path: in increasing order, every changed member, and besides those only
      // members whose code it could not read.
      const std::size_t wide = find_code_changes(view, codes.data(), present, listed.data(), VectorPath::avx512);
      std::vector<std::uint32_t> confirmed;
      for (std::size_t j = 0; j < wide; ++j) {
        const std::uint32_t k = listed[j];
        REQUIRE(k < count);
        if (j > 0) CHECK(listed[j - 1] < k);
        if (codes[members[k].id] != last[k])
          confirmed.push_back(k);
        else
          CHECK(members[k].id == present - 1);
      }
      CHECK(confirmed == expected);
    }
  }
}
