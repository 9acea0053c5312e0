// `parley sensitivity --mpi` (mpi.hpp): the Saltelli rows and tornado bars handed out in blocks
// to every rank, their outputs gathered on rank 0.
#include <cstring>
#include <string>
#include <vector>

#include "cli/mpi/mpi.hpp"
#include "cli/mpi/mpi_job.hpp"

namespace parley::cli {

RunSpreader mpi_runs(MpiJob& job) {
  RunSpreader runs;
  runs.collects = job.rank() == 0;
  runs.spread = [&job](std::size_t count, std::size_t width, const RunSpreader::Compute& compute, double* out) {
    MpiWork work;
    work.total = count;
    work.compute = [&compute, width](std::uint64_t begin, std::uint64_t end) {
      std::string bytes(static_cast<std::size_t>(end - begin) * width * sizeof(double), '\0');
      std::vector<double> values(static_cast<std::size_t>(end - begin) * width);
      compute(static_cast<std::size_t>(begin), static_cast<std::size_t>(end), values.data());
      std::memcpy(bytes.data(), values.data(), bytes.size());
      return bytes;
    };
    work.receive = [out, width](std::uint64_t begin, std::uint64_t end, const std::string& bytes) {
      std::memcpy(out + begin * width, bytes.data(), static_cast<std::size_t>(end - begin) * width * sizeof(double));
    };
    distribute(job, work);
  };
  return runs;
}

}  // namespace parley::cli
