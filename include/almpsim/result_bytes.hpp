#pragma once
/// A replication's result as bytes and back, for sending it between processes (the MPI ranks
/// of a run hand their replications to the first rank, which writes the file). The bytes are
/// the fields in declaration order, each vector as its length and its elements; read back they
/// give the same result, bit for bit. Records with padding (a register spell, a traced week)
/// are copied whole, their padding bytes as they lie: two equal results may differ there, so
/// compare results field by field, not as bytes, where they hold spells or traces.
#include <cstddef>
#include <vector>

#include "almpsim/results.hpp"

namespace almpsim {

std::vector<std::byte> to_bytes(const ReplicationResult& result);

/// Throws std::runtime_error if `bytes` are not a whole result (cut short, or with bytes left).
ReplicationResult from_bytes(const std::vector<std::byte>& bytes);

}  // namespace almpsim
