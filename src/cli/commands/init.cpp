// parley init FILE: writes a commented template scenario to start from. It validates and runs with
// every model (tests/cli/init_cli_test.cpp), and shows each part of the format once.
#include <fmt/format.h>

#include <filesystem>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "parley/parley.hpp"

namespace parley::cli {

namespace {

constexpr const char* kTemplate = R"yaml(# A parley scenario: a template to start from, written by `parley init`.
# Every actor, issue and number below is invented; replace them with your own, then:
#   parley validate FILE                       check it, and list what is missing
#   parley run FILE --model bdm                a forecast (models: parley models)
#   parley sweep FILE                          draw the uncertain numbers: distributions and odds
#   parley report FILE --output report.html    the analyst's report
# The format: docs/scenario-format.md; events: docs/events.md; sides: docs/feasibility.md.
parley: 1
metadata:
  title: Water-sharing talks (template)
  description: Two states sharing a river negotiate how to split its flow and how to monitor it.
  date: 2026-01-01
  sources:                      # what the numbers rest on; a number cites one by its id
    - id: analyst-estimate
      title: Analyst's estimate (replace with your sources)
      note: say where each judgement comes from

# What is negotiated: each issue on a scale whose ends say what they mean.
issues:
  - id: water-share
    label: Upstream state's share of the river's flow
    scale: {min: 0, max: 100, min_label: none, max_label: all of it}
    status_quo: 70              # where things stand without a deal
  - id: monitoring
    label: Joint monitoring of the flow
    scale: {min: 0, max: 100, min_label: none, max_label: a joint commission with inspectors}
    status_quo: 10

# Who takes part, and how much weight each carries (only ratios between capabilities matter).
actors:
  - id: upstream
    name: Upstream government
    kind: government            # leader, government, bloc, faction, public, organisation or other
    capability: 60
    risk: 0.2                   # optional: -1 risk averse ... 1 risk acceptant
  - id: downstream
    name: Downstream government
    kind: government
    capability: {value: [40, 60], source: analyst-estimate}   # uncertain: a range, with its source
  - id: farmers
    name: Upstream farmers' lobby
    kind: faction
    capability: 20
    group: upstream-state
  - id: mediator
    name: Regional organisation
    kind: organisation
    capability: 15

# Per actor and issue: where it stands on the scale and how much it cares (salience, 0 to 1).
# Any number may be a range [a, b], normal(mean, sd) or triangular(low, mode, high).
positions:
  upstream:
    water-share: {position: 75, salience: 0.7}
    monitoring: {position: 20, salience: 0.3}
  downstream:
    water-share: {position: "triangular(30, 40, 50)", salience: 0.6, source: analyst-estimate}
    monitoring: {position: 80, salience: 0.4}
  farmers:                      # no entry for monitoring: the lobby sits that issue out
    water-share: {position: 90, salience: 1}
  mediator:
    water-share: {position: 55, salience: 0.4}
    monitoring: {position: 60, salience: 0.6}

# Named futures: conditions on the issues' outcomes; `parley sweep` gives each one's probability.
outcomes:
  upstream-keeps-most:
    when: "water-share > 60"
    label: the upstream state keeps most of the flow
  fair-split: "45 <= water-share <= 60"
  downstream-gains: "water-share < 45"

# Optional: who must ratify a deal on each side (`parley feasibility`).
sides:
  upstream-state:
    negotiator: upstream
    ratifiers:
      farmers: {threshold: 0}   # accepts nothing worse for it than the status quo
  downstream-state:
    negotiator: downstream
    ratifiers:
      downstream: {accepts: {water-share: {max: 60}}}

# Optional: the timeline; an event changes inputs (or brings actors in or out) from its round on.
events:
  - id: drought
    label: A drought year
    round: 2
    source: {ref: analyst-estimate, note: "an assumption to explore, not a forecast"}
    changes:
      downstream: {water-share: {position: 30}}   # a new demand from this round on
      farmers: {capability: [20, 30]}
)yaml";

struct InitArgs {
  std::string file;
  bool force = false;
};

void add_options(CLI::App& cmd, InitArgs& a) {
  cmd.add_option("FILE", a.file, "the scenario file to write (YAML), e.g. my-scenario.yaml")->required();
  cmd.add_flag("--force", a.force, "overwrite FILE if it exists");
}

void init(const InitArgs& args, Context& context) {
  std::error_code ec;
  if (!args.force && std::filesystem::exists(args.file, ec))
    throw InputError({args.file, 0, 0}, "FILE", "already exists", "a new file name, or --force to overwrite it");

  write_file_atomically(args.file, kTemplate);
  context.out << fmt::format("{}: template scenario written; edit it, then check it with: parley validate {}\n", args.file, args.file);
}

}  // namespace

Command init_command() { return make_command<InitArgs>("init", "write a commented template scenario to start from", add_options, init); }

}  // namespace parley::cli
