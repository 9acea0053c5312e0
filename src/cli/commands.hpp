// The parley subcommands. Each returns the process exit code (docs/cli.md):
// 0 success, 1 internal error, 2 bad input (file, option or argument), 3 output not written.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "parley/io.hpp"
#include "parley/model.hpp"
#include "parley/results_db.hpp"

namespace parley::cli {

enum ExitCode { kOk = 0, kInternalError = 1, kBadInput = 2, kOutputError = 3, kInterrupted = 130 };

struct InputArgs {
  std::string file;
  std::string input_format = "auto";
  std::string capability = "equal";  // DEU III only
};

struct RunArgs {
  InputArgs input;
  std::string model = "compromise";
  std::string format = "table";
  std::string output;  // empty: standard output
  std::vector<std::string> options;  // NAME=VALUE
  int rounds = -1;                    // --rounds N: exactly N rounds (models with rounds)
  std::string trace;                  // --trace FILE
  std::string seed;                   // --seed S: the model's random seed
  std::vector<std::string> overrides;  // --set TARGET.FIELD=VALUE
};

/// What sweep, sensitivity and compare share.
struct SamplingArgs {
  std::string model = "compromise";
  std::vector<std::string> options;    // --option NAME=VALUE
  std::vector<std::string> overrides;  // --set TARGET.FIELD=VALUE
  std::uint64_t seed = 1;
  unsigned threads = 0;  // 0: every core
  double correlation = 0;
  std::string format = "table";
  std::string output;
  bool progress = true;  // a bar on a terminal
};

struct SweepArgs {
  InputArgs input;  // file empty with --resume
  SamplingArgs sampling;
  std::uint64_t draws = 1000;
  std::string db;          // empty: parley.db beside the scenario
  std::int64_t resume = 0;  // a run id to complete
};

struct SensitivityArgs {
  InputArgs input;
  SamplingArgs sampling;
  std::size_t samples = 512;
  std::size_t top = 10;
  std::string method = "both";  // sobol, tornado or both
};

struct CompareArgs {
  InputArgs first, second;
  SamplingArgs sampling;
  std::uint64_t draws = 1000;
};

struct FeasibilityArgs {
  InputArgs input;
  SamplingArgs sampling;
  std::uint64_t draws = 2000;
};

struct ReportArgs {
  InputArgs input;
  std::string models;  // comma-separated; empty: every model
  std::string lead;    // empty: the first model with rounds
  std::vector<std::string> overrides;
  std::uint64_t draws = 1000;
  std::uint64_t seed = 1;
  unsigned threads = 0;
  std::string output;
  bool progress = true;
};

struct StoreArgs {
  std::string db = "parley.db";
  std::int64_t run = 0;
  std::string format = "table";
  std::string table = "outcomes";
  std::string output;
};

struct BacktestArgs {
  InputArgs input;
  std::string model = "compromise";
  std::vector<std::string> options;
  std::string per_issue;  // CSV file, optional
  std::string reference_actor = "com";
};

// Shared by the subcommands.
ReadOptions read_options(const InputArgs& args);
Scenario read_input(const InputArgs& args);
/// Reads, applies the --set overrides and validates.
Scenario read_input(const InputArgs& args, const std::vector<std::string>& overrides);
const Model& model_named(const std::string& name);
/// Opens a results database that must already exist (exit 2 otherwise; never creates one).
ResultsDb open_existing(const std::string& path);
ModelOptions parse_options(const std::vector<std::string>& pairs);
/// Writes to the file atomically, or to `out` when no file is named.
void emit(const std::string& path, const std::string& content, std::ostream& out);
/// Threads for --threads 0: every core (at most 64).
unsigned resolve_threads(unsigned requested);

/// Each throws parley::InputError for bad input; main() turns exceptions into exit codes.
int run(const RunArgs& args, std::ostream& out);
int validate(const InputArgs& args, std::ostream& out);
int list_models(std::ostream& out);
int backtest(const BacktestArgs& args, std::ostream& out);
int sweep(const SweepArgs& args, std::ostream& out);
int sensitivity(const SensitivityArgs& args, std::ostream& out);
int compare(const CompareArgs& args, std::ostream& out);
int feasibility(const FeasibilityArgs& args, std::ostream& out);
int report(const ReportArgs& args, std::ostream& out);
int list_runs(const StoreArgs& args, std::ostream& out);
int show(const StoreArgs& args, std::ostream& out);
int export_run(const StoreArgs& args, std::ostream& out);

}  // namespace parley::cli
