// --mpi in a parley built without MPI (CMake option PARLEY_MPI; mpi.hpp): the flag exists, and
// using it is bad input (exit 2).
#include <stdexcept>

#include "cli/mpi/mpi.hpp"
#include "parley/error.hpp"

namespace parley::cli {

namespace {

[[noreturn]] void unreachable() { throw std::logic_error("--mpi: this parley was built without MPI"); }

}  // namespace

bool mpi_built_in() { return false; }

std::string mpi_version_line() { return "mpi: not built in (--mpi needs a parley built with Open MPI)"; }

void add_mpi_flag(CLI::App& cmd, bool& mpi) {
  cmd.add_flag("--mpi", mpi, "split the work over the ranks of an MPI job: mpirun -np P parley ... --mpi (docs/distributed.md)");
}

void run_mpi_job(Context&, const std::function<void(MpiJob&)>&) {
  throw InputError({}, "--mpi", "this parley was built without MPI",
                   "a parley built with Open MPI (Debian libopenmpi-dev, CMake option PARLEY_MPI), or no --mpi");
}

bool is_root(const MpiJob&) { unreachable(); }
int ranks(const MpiJob&) { unreachable(); }
std::uint64_t mpi_evaluate_and_store(MpiJob&, ResultsDb&, std::int64_t, const RunRecord&, const SweepSetup&, const std::vector<DrawRange>&,
                                     std::uint64_t, const SweepControl&, const SensitivityDesign*) {
  unreachable();
}
void mpi_sweep_worker(MpiJob&) { unreachable(); }
std::vector<double> mpi_sensitivity_rows(MpiJob&, const SweepSetup&, const SensitivityDesign&, unsigned) { unreachable(); }
void mpi_agree(MpiJob&, std::exception_ptr) { unreachable(); }

}  // namespace parley::cli
