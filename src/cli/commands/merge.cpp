// parley merge A.db B.db ... --into ALL.db: the shards of a sweep (--shard K/N) as one run.
#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/outputs.hpp"
#include "parley/parley.hpp"
#include "parley/stored_sweep.hpp"

namespace parley::cli {

namespace {

struct MergeArgs {
  std::vector<std::string> inputs;
  std::string into;
};

void add_options(CLI::App& cmd, MergeArgs& a) {
  cmd.add_option("DB", a.inputs, "results databases holding the shards' runs (every shard run in each)")->required();
  cmd.add_option("--into", a.into, "results database to add the merged run to (created if missing)")->required();
}

void merge(const MergeArgs& args, Context& context) {
  std::vector<NamedFile> inputs;
  for (const std::string& in : args.inputs) inputs.push_back({"DB", in, "a shard database"});
  check_outputs({{"--into", args.into, "the merged database"}}, inputs);
  const MergedRun m = merge_shards(args.inputs, args.into);
  context.out << fmt::format("merged {} shards ({} draws) into run {} of {}\n", m.shards, m.draws, m.id, args.into);
}

}  // namespace

Command merge_command() {
  return make_command<MergeArgs>("merge", "combine the shards of a sweep (--shard K/N) into one run", add_options, merge);
}

}  // namespace parley::cli
