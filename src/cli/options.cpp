#include "cli/options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <ostream>
#include <thread>

#include "core/parallel.hpp"
#include "parley/parley.hpp"
#include "parley/stored_sweep.hpp"

namespace parley::cli {

void add_input(CLI::App& cmd, InputArgs& in) {
  cmd.add_option("FILE", in.file, "scenario: parley YAML/JSON, KTAB SMP CSV/XML, DEU III table or Decide input")->required();
  cmd.add_option("--input-format", in.input_format, "auto (from the content), yaml, json, ktab-csv, ktab-xml, deu or decide")
      ->capture_default_str();
  cmd.add_option("--capability", in.capability, "DEU III capabilities: equal, gdp or council (docs/importers.md)")->capture_default_str();
}

void add_set(CLI::App& cmd, std::vector<std::string>& overrides) {
  cmd.add_option("--set", overrides,
                 "override an input: ACTOR.ISSUE.position=30, ACTOR.capability=[40,60], ISSUE.status_quo=50 (repeatable)");
}

std::uint64_t parse_count(const std::string& flag, const std::string& text, std::uint64_t min, std::uint64_t max) {
  const std::string expected = fmt::format("a whole number from {} to {}", min, max);
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, ec] = std::from_chars(text.data(), end, value);
  const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || ec != std::errc() || stop != end) throw InputError({}, flag, "got '" + text + "'", expected);
  if (value < min || value > max) throw InputError({}, flag, "got " + text + ", outside the accepted range", expected);
  return value;
}

void check_environment() {
  const char* text = std::getenv("PARLEY_THREADS");
  if (text && !parse_thread_count(text))
    throw InputError({}, "PARLEY_THREADS", std::string("got '") + text + "' in the environment",
                     fmt::format("a whole number from 1 to {}, or the variable unset", kMaxThreads));
}

void add_draws(CLI::App& cmd, std::vector<std::string>& overrides, std::uint64_t& seed, unsigned& threads) {
  add_set(cmd, overrides);
  add_count(cmd, "--seed", seed, 0, kMaxSeed, "seed of the random draws");
  add_count(cmd, "--threads", threads, 0, kMaxThreads, "worker threads (0: every core)");
}

void add_correlation(CLI::App& cmd, double& correlation) {
  cmd.add_option("--correlation", correlation, "correlation in [0, 1] between the draws of one actor's inputs")->capture_default_str();
}

void add_sampling(CLI::App& cmd, SamplingArgs& a, bool with_correlation) {
  cmd.add_option("-m,--model", a.model, "model name (see 'parley models')")->capture_default_str();
  cmd.add_option("--option", a.options, "model option NAME=VALUE (repeatable)");
  add_draws(cmd, a.overrides, a.seed, a.threads);
  if (with_correlation) add_correlation(cmd, a.correlation);
  cmd.add_option("-f,--format", a.format, "output format: table, json or csv")->capture_default_str();
  cmd.add_option("-o,--output", a.output, "write to this file instead of standard output");
  cmd.add_flag("!--no-progress", a.progress, "no progress bar (there is none off a terminal anyway)");
}

void emit(const std::string& path, const std::string& content, std::ostream& out) {
  if (path.empty())
    out << content;
  else
    write_file_atomically(path, content);
}

ReadOptions read_options(const InputArgs& args) {
  ReadOptions options;
  auto format = input_format_from_string(args.input_format);
  if (!format)
    throw InputError({}, "--input-format", "got '" + args.input_format + "'", "auto, yaml, json, ktab-csv, ktab-xml, deu or decide");
  options.format = *format;
  auto capability = deu_capability_from_string(args.capability);
  if (!capability) throw InputError({}, "--capability", "got '" + args.capability + "'", "equal, gdp or council");
  options.deu_capability = *capability;
  return options;
}

Scenario read_input(const InputArgs& args) {
  Scenario s = read_scenario_file(args.file, read_options(args));
  check_scenario_options(s);
  return s;
}

Scenario read_input(const InputArgs& args, const std::vector<std::string>& overrides) {
  Scenario s = read_input(args);
  apply_overrides(s, overrides);
  return s;
}

ModelOptions parse_options(const std::vector<std::string>& pairs) {
  ModelOptions out;
  for (const std::string& pair : pairs) {
    const std::size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) throw InputError({}, "--option", "got '" + pair + "'", "NAME=VALUE");
    out[pair.substr(0, eq)] = pair.substr(eq + 1);
  }
  return out;
}

ResultsDb open_existing(const std::string& path) { return open_existing_results_db(path, "--db"); }

}  // namespace parley::cli
