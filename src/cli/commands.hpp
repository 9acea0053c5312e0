// The parley subcommands. Each returns the process exit code (docs/cli.md):
// 0 success, 1 internal error, 2 bad input (file, option or argument), 3 output not written.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace parley::cli {

enum ExitCode { kOk = 0, kInternalError = 1, kBadInput = 2, kOutputError = 3 };

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
};

struct BacktestArgs {
  InputArgs input;
  std::string model = "compromise";
  std::vector<std::string> options;
  std::string per_issue;  // CSV file, optional
  std::string reference_actor = "com";
};

/// Each throws parley::InputError for bad input; main() turns exceptions into exit codes.
int run(const RunArgs& args, std::ostream& out);
int validate(const InputArgs& args, std::ostream& out);
int list_models(std::ostream& out);
int backtest(const BacktestArgs& args, std::ostream& out);

}  // namespace parley::cli
