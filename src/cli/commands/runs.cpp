// parley runs: lists the runs in a results database.
#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "parley/results_db.hpp"

namespace parley::cli {

namespace {

struct RunsArgs {
  std::string db = kDefaultDb;
};

void add_options(CLI::App& cmd, RunsArgs& a) { cmd.add_option("--db", a.db, "results database")->capture_default_str(); }

void list_runs(const RunsArgs& args, Context& context) {
  std::ostream& out = context.out;
  ResultsDb db = open_existing(args.db);
  const std::vector<RunRecord> runs = db.runs();
  if (runs.empty()) {
    out << fmt::format("{}: no runs\n", args.db);
    return;
  }
  out << fmt::format("{:>4}  {:<20}  {:<10}  {:>9}  {:>9}  {:<11}  {:>6}  {}\n", "run", "created (UTC)", "model", "draws", "stored", "status",
                     "seed", "scenario");
  for (const RunRecord& r : runs)
    out << fmt::format("{:>4}  {:<20}  {:<10}  {:>9}  {:>9}  {:<11}  {:>6}  {}{}\n", r.id, r.created, r.model, r.draws, r.stored, r.status,
                       r.seed, r.scenario_file, r.overrides.empty() ? "" : fmt::format(" ({} --set)", r.overrides.size()));
}

}  // namespace

Command runs_command() { return make_command<RunsArgs>("runs", "list the runs in a results database", add_options, list_runs); }

}  // namespace parley::cli
