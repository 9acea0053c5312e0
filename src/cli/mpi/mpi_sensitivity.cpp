// `parley sensitivity --mpi` (mpi.hpp): the rows of the sensitivity design, numbered as
// SensitivityDesign numbers them (the numbering of --db and --shard), handed out in blocks to
// every rank, their outputs gathered on rank 0.
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/mpi/mpi.hpp"
#include "cli/mpi/mpi_job.hpp"

namespace parley::cli {

namespace {

/// The outputs of rows [begin, end) as bytes: per row its issue outcomes, then its classes as 0 or 1.
std::string compute_rows(const SweepSetup& setup, const SensitivityDesign& design, unsigned threads, std::uint64_t begin,
                         std::uint64_t end) {
  const std::size_t issues = setup.issues(), classes = setup.classes(), m = issues + classes;
  std::vector<double> values(static_cast<std::size_t>(end - begin) * m);
  SweepControl control;
  control.threads = threads;
  evaluate_sensitivity_rows(setup, design, {{begin, end}}, control, [&](const DrawChunk& c) {
    for (std::size_t i = 0; i < c.size(); ++i) {
      double* row = values.data() + static_cast<std::size_t>(c.draws[i] - begin) * m;
      if (issues) std::memcpy(row, c.outcomes.data() + i * issues, issues * sizeof(double));
      for (std::size_t k = 0; k < classes; ++k) row[issues + k] = c.classes[i * classes + k];
    }
  });
  std::string bytes(values.size() * sizeof(double), '\0');
  if (!values.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
  return bytes;
}

}  // namespace

std::vector<double> mpi_sensitivity_rows(MpiJob& job, const SweepSetup& setup, const SensitivityDesign& design, unsigned threads) {
  const std::size_t m = setup.issues() + setup.classes();
  const std::uint64_t rows = design.rows(setup.inputs());
  std::vector<double> y(job.rank() == 0 ? static_cast<std::size_t>(rows) * m : 0);
  MpiWork work;
  work.total = rows;
  work.compute = [&setup, &design, threads](std::uint64_t begin, std::uint64_t end) {
    return compute_rows(setup, design, threads, begin, end);
  };
  work.receive = [&y, m](std::uint64_t begin, std::uint64_t end, const std::string& bytes) {
    if (bytes.size() != static_cast<std::size_t>(end - begin) * m * sizeof(double))
      throw std::runtime_error("mpi: a block of the wrong size");
    if (!bytes.empty()) std::memcpy(y.data() + begin * m, bytes.data(), bytes.size());
  };
  distribute(job, work);
  return y;
}

}  // namespace parley::cli
