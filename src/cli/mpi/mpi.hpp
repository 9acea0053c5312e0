// `--mpi`: `parley sweep` and `parley sensitivity` as one MPI job over many processes
// (mpirun -np P parley sweep ... --mpi; docs/distributed.md, "MPI"). Nothing here includes mpi.h: the
// commands use this interface whether or not this parley was built with Open MPI (CMake option
// PARLEY_MPI); without it mpi_stub.cpp answers every use of --mpi with exit 2.
//
// Rank 0 reads, creates or claims the run, stores and prints; every rank (rank 0 included, on a
// thread of its own) computes blocks of draws or model runs that rank 0 hands out as they are asked
// for. Results depend only on the draw or run number, so the output is the one of a single process.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <exception>
#include <functional>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "parley/results_db.hpp"
#include "parley/sensitivity.hpp"
#include "parley/sweep.hpp"

namespace parley::cli {

class MpiJob;

/// Whether this parley was built with MPI, and the line `parley --version` adds about it.
bool mpi_built_in();
std::string mpi_version_line();

/// Declares the --mpi flag on `cmd`.
void add_mpi_flag(CLI::App& cmd, bool& mpi);

/// Runs `body` as one rank of the MPI job this process belongs to: MPI_Init_thread
/// (MPI_THREAD_FUNNELED: only this thread calls MPI) before, MPI_Finalize after, whatever happens.
/// `body` runs on every rank; only rank 0 may write to `context`. An error on rank 0 is rethrown
/// (after the other ranks were told to stop) and printed as usual; the other ranks end quietly,
/// their own errors reported by rank 0 (mpi_evaluate_and_store, mpi_sensitivity_rows). Throws InputError
/// (exit 2, "--mpi") when this parley was built without MPI.
void run_mpi_job(Context& context, const std::function<void(MpiJob&)>& body);

/// Whether this process is rank 0, and the number of ranks.
bool is_root(const MpiJob& job);
int ranks(const MpiJob& job);

/// Rank 0 of `parley sweep --mpi`: sends the run (`record`: scenario, model, options, seed; `setup`
/// is rank 0's own of it) and the draws to do to the other ranks, hands out blocks of them to every rank (itself included, on
/// control.threads threads), and stores each block received in its own transaction (store_draws;
/// threads recorded: control.threads × ranks). Returns the number of draws now stored, as
/// evaluate_and_store does. An error on any rank stops the hand-out, marks the run interrupted
/// and is thrown here, naming the rank. With `design` (`parley sensitivity --mpi --db`), `todo`
/// and `draws` are rows of that sensitivity design, as evaluate_and_store_rows computes them.
std::uint64_t mpi_evaluate_and_store(MpiJob& job, ResultsDb& db, std::int64_t run, const RunRecord& record, const SweepSetup& setup,
                                     const std::vector<DrawRange>& todo, std::uint64_t draws, const SweepControl& control,
                                     const SensitivityDesign* design = nullptr);
/// The other ranks of `parley sweep --mpi` and `parley sensitivity --mpi --db`: receives the run
/// from rank 0 (or word that rank 0 failed), builds its setup, and computes the blocks it is
/// handed on `threads` threads.
void mpi_sweep_worker(MpiJob& job);

/// The model runs of `parley sensitivity --mpi`: the rows of `design` (numbered as SensitivityDesign
/// numbers them, as --db and --shard store them) handed out in blocks to every rank, each block on
/// `threads` threads; returns on rank 0 the outputs of every row, y[row * outputs + out] (issues,
/// then classes as 0 or 1: what sensitivity_from_rows reads), and nothing on the other ranks.
/// Every rank calls it with the same setup and design.
std::vector<double> mpi_sensitivity_rows(MpiJob& job, const SweepSetup& setup, const SensitivityDesign& design, unsigned threads);

/// Collective: every rank says whether what it did so far (reading the scenario, building the
/// setup) failed. When any did, rank 0 throws its own error or the first failing rank's, and the
/// other ranks throw MpiQuiet, which run_mpi_job swallows.
void mpi_agree(MpiJob& job, std::exception_ptr error);

}  // namespace parley::cli
