#include "ranks.hpp"

#include <cstdlib>

#ifdef ALMPSIM_WITH_MPI
#include <mpi.h>

#include <algorithm>
#include <cstdint>

#include "almpsim/result_bytes.hpp"
#endif

namespace almpsim::cli {

#ifdef ALMPSIM_WITH_MPI
namespace {
/// Started by an MPI launcher (mpirun, srun)? A plain start stays a single process and never
/// touches MPI, so the program behaves the same with or without the MPI build.
bool launched_by_mpi() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE", "PMI_RANK"})
    if (std::getenv(v)) return true;
  return false;
}
bool g_mpi_started = false;
}  // namespace

Ranks::Ranks(int& argc, char**& argv) {
  if (!launched_by_mpi()) return;
  MPI_Init(&argc, &argv);
  g_mpi_started = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}
Ranks::~Ranks() {
  if (g_mpi_started) MPI_Finalize();
}
bool Ranks::all(bool ok) const {
  if (!g_mpi_started) return ok;
  int mine = ok ? 1 : 0, every = 0;
  MPI_Allreduce(&mine, &every, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  return every == 1;
}

namespace {

// Each rank sends its replications in order and the first receives them in the same order
// (messages between two ranks do not overtake each other), in pieces MPI's int counts can hold.
constexpr int kResultTag = 17;
constexpr std::size_t kPiece = std::size_t{1} << 30;

void send_bytes(const std::vector<std::byte>& bytes) {
  const std::uint64_t size = bytes.size();
  MPI_Send(&size, 1, MPI_UINT64_T, 0, kResultTag, MPI_COMM_WORLD);
  for (std::size_t at = 0; at < bytes.size(); at += kPiece)
    MPI_Send(bytes.data() + at, static_cast<int>(std::min(kPiece, bytes.size() - at)), MPI_BYTE, 0, kResultTag,
             MPI_COMM_WORLD);
}

std::vector<std::byte> receive_bytes(int from) {
  std::uint64_t size = 0;
  MPI_Recv(&size, 1, MPI_UINT64_T, from, kResultTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  std::vector<std::byte> bytes(static_cast<std::size_t>(size));
  for (std::size_t at = 0; at < bytes.size(); at += kPiece)
    MPI_Recv(bytes.data() + at, static_cast<int>(std::min(kPiece, bytes.size() - at)), MPI_BYTE, from, kResultTag,
             MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return bytes;
}

}  // namespace

void Ranks::gather(std::vector<ReplicationResult>& results) const {
  if (!g_mpi_started || size_ == 1) return;
  for (std::size_t r = 0; r < results.size(); ++r) {
    const int owner = static_cast<int>(r % static_cast<std::size_t>(size_));
    if (owner == 0) continue;
    if (rank_ == owner) send_bytes(to_bytes(results[r]));
    if (rank_ == 0) results[r] = from_bytes(receive_bytes(owner));
  }
}
void Ranks::abort(int status) const {
  if (g_mpi_started) MPI_Abort(MPI_COMM_WORLD, status);
  std::exit(status);
}
#else
Ranks::Ranks(int&, char**&) {}
Ranks::~Ranks() = default;
void Ranks::gather(std::vector<ReplicationResult>&) const {}
bool Ranks::all(bool ok) const {
  return ok;
}
void Ranks::abort(int status) const {
  std::exit(status);
}
#endif

}  // namespace almpsim::cli
