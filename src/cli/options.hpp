// What several commands share: groups of options (the scenario file, --set, --seed, the sampling
// options), and turning their values into what the library takes. Each function throws
// parley::InputError naming the option for a bad value.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "core/parallel.hpp"
#include "parley/cli.hpp"
#include "parley/io.hpp"
#include "parley/limits.hpp"
#include "parley/model.hpp"
#include "parley/results_db.hpp"

namespace parley::cli {

/// The results database of every command that has --db when it is not given: this file in the
/// working directory (docs/results-db.md).
inline constexpr const char* kDefaultDb = "parley.db";

struct InputArgs {
  std::string file;
  std::string input_format = "auto";
  std::string capability = "equal";  // DEU III only
};

/// What sweep, sensitivity, compare and feasibility share.
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

/// The limits of the count options (docs/cli.md): parley/limits.hpp. A value outside is refused
/// with exit 2 before anything is created.
using namespace parley::limits;
/// What bdm and smp accept as rounds (parley::kMaxRounds), as a count.
inline constexpr std::uint64_t kMaxRounds = static_cast<std::uint64_t>(parley::kMaxRounds);

/// `text` as a whole number in [min, max], written in decimal digits only (no sign, exponent,
/// spaces or fraction). Throws InputError naming `flag` and the range for anything else: "-1",
/// "1e11", "abc", "", "18446744073709551616" (2^64), a number above `max`.
std::uint64_t parse_count(const std::string& flag, const std::string& text, std::uint64_t min, std::uint64_t max);

/// An option `names` (e.g. "-n,--draws") that parses its value with parse_count into `value`; its
/// --help shows the default as before.
template <typename T>
CLI::Option* add_count(CLI::App& cmd, const std::string& names, T& value, std::uint64_t min, std::uint64_t max, const std::string& help) {
  const std::string flag = names.substr(names.rfind(',') + 1);
  return cmd
      .add_option_function<std::string>(
          names, [&value, flag, min, max](const std::string& text) { value = static_cast<T>(parse_count(flag, text, min, max)); }, help)
      ->type_name("UINT")
      ->default_str(std::to_string(value));
}

/// Refuses (InputError naming PARLEY_THREADS) a PARLEY_THREADS that is set but not a whole number
/// from 1 to kMaxThreads.
void check_environment();

/// FILE (required), --input-format and --capability.
void add_input(CLI::App& cmd, InputArgs& in);
/// --set (repeatable).
void add_set(CLI::App& cmd, std::vector<std::string>& overrides);
/// --set, --seed and --threads: what every command that draws inputs takes.
void add_draws(CLI::App& cmd, std::vector<std::string>& overrides, std::uint64_t& seed, unsigned& threads);
void add_correlation(CLI::App& cmd, double& correlation);
/// --model, --option, the draws, --correlation (unless not wanted), --format, --output, --no-progress.
void add_sampling(CLI::App& cmd, SamplingArgs& a, bool with_correlation = true);

ReadOptions read_options(const InputArgs& args);
Scenario read_input(const InputArgs& args);
/// Reads, applies the --set overrides and validates.
Scenario read_input(const InputArgs& args, const std::vector<std::string>& overrides);
ModelOptions parse_options(const std::vector<std::string>& pairs);
/// Opens a results database that must already exist (exit 2 otherwise; never creates one).
ResultsDb open_existing(const std::string& path);
/// Writes to the file atomically, or to `out` when no file is named.
void emit(const std::string& path, const std::string& content, std::ostream& out);
/// Threads for --threads 0 (resolve_threads, core/parallel.hpp) and the model named by --model
/// (model_named, parley/model.hpp) come from the floors below.

}  // namespace parley::cli
