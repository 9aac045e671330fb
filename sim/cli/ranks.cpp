#include "ranks.hpp"

#include <cstdlib>

#ifdef ALMPSIM_WITH_MPI
#include <mpi.h>
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
void Ranks::abort(int status) const {
  if (g_mpi_started) MPI_Abort(MPI_COMM_WORLD, status);
  std::exit(status);
}
#else
Ranks::Ranks(int&, char**&) {}
Ranks::~Ranks() = default;
bool Ranks::all(bool ok) const {
  return ok;
}
void Ranks::abort(int status) const {
  std::exit(status);
}
#endif

}  // namespace almpsim::cli
