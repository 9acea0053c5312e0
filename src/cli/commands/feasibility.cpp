// parley feasibility FILE: win-sets, zones of agreement and binding constraints (two-level games).
#include "parley/feasibility.hpp"

#include <algorithm>
#include <sstream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/outputs.hpp"
#include "parley/parley.hpp"

namespace parley::cli {

namespace {

struct FeasibilityArgs {
  InputArgs input;
  SamplingArgs sampling;
  std::uint64_t draws = 2000;
  std::vector<std::string> packages;  // --package ISSUE,ISSUE[,...]
};

void add_options(CLI::App& cmd, FeasibilityArgs& a) {
  add_input(cmd, a.input);
  add_draws(cmd, a.sampling.overrides, a.sampling.seed, a.sampling.threads);
  add_correlation(cmd, a.sampling.correlation);
  cmd.add_option("-f,--format", a.sampling.format, "table or json")->capture_default_str();
  cmd.add_option("-o,--output", a.sampling.output, "write to this file instead of standard output");
  add_count(cmd, "-n,--draws", a.draws, 1, kMaxCountedDraws, "draws for the probability that a zone exists");
  cmd.add_option("--package", a.packages,
                 "a package deal over these issues: ISSUE,ISSUE[,...] (repeatable; replaces the scenario's linkages; 'none': no "
                 "package; docs/feasibility.md)")
      ->allow_extra_args(false);
}

/// The packages of --package, each "ISSUE,ISSUE[,...]"; without any, the scenario's linkages;
/// `--package none` alone: no package.
PackageChoice read_packages(const Scenario& s, const std::vector<std::string>& texts) {
  PackageChoice out;
  if (texts.empty()) return out;
  if (std::find(texts.begin(), texts.end(), "none") != texts.end()) {
    if (texts.size() > 1) throw InputError({}, "--package", "'none' with other packages", "either 'none' or packages ISSUE,ISSUE[,...]");
    out.kind = PackageChoice::Kind::none;
    return out;
  }
  out.kind = PackageChoice::Kind::given;
  for (const std::string& text : texts) {
    std::vector<std::string> ids;
    std::stringstream in(text);
    for (std::string id; std::getline(in, id, ',');) ids.push_back(id);
    if (!text.empty() && text.back() == ',') ids.emplace_back();
    out.given.push_back(package_issues(s, ids, "--package"));
  }
  return out;
}

void feasibility(const FeasibilityArgs& args, Context& context) {
  const SamplingArgs& a = args.sampling;
  check_outputs({{"--output", a.output, "the assessment"}}, {{"FILE", args.input.file, "the scenario"}});
  const OutputFormat format = parse_output_format(a.format, {OutputFormat::table, OutputFormat::json});
  const Scenario s = read_input(args.input, a.overrides);

  const PackageChoice packages = read_packages(s, args.packages);

  const FeasibilityAnalysis analysis = analyse_feasibility(s, packages, args.draws, {a.seed, a.correlation}, resolve_threads(a.threads));

  std::ostringstream text;
  write_feasibility(text, s, analysis.point, analysis.odds, analysis.deals, a.seed, format);
  emit(a.output, text.str(), context.out);
}

}  // namespace

Command feasibility_command() {
  return make_command<FeasibilityArgs>("feasibility", "two-level games: win-sets, zones of agreement, binding ratifiers", add_options,
                                       feasibility);
}

}  // namespace parley::cli
