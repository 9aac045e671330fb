#include "ranks.hpp"

#include <cstdlib>

#ifdef ALMPSIM_WITH_MPI
#include <mpi.h>
#endif

namespace almpsim::cli {

#ifdef ALMPSIM_WITH_MPI
Ranks::Ranks(int& argc, char**& argv) {
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}
Ranks::~Ranks() { MPI_Finalize(); }
bool Ranks::all(bool ok) const {
  int mine = ok ? 1 : 0, every = 0;
  MPI_Allreduce(&mine, &every, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  return every == 1;
}
void Ranks::abort(int status) const {
  MPI_Abort(MPI_COMM_WORLD, status);
  std::exit(status);
}
#else
Ranks::Ranks(int&, char**&) {}
Ranks::~Ranks() = default;
bool Ranks::all(bool ok) const { return ok; }
void Ranks::abort(int status) const { std::exit(status); }
#endif

}  // namespace almpsim::cli
