// The command table as the user meets it: `parley help CMD`, unknown commands with a suggestion,
// and a program that adds commands of its own to the same command line.
#include <gtest/gtest.h>

#include "cli/cli_support.hpp"
#include "cli/suggest.hpp"
#include "test_support.hpp"

namespace {

using parley::testing::contains;
using parley::testing::parley_cli;
using parley::testing::Result;
using parley::testing::shell;

const char* const kCommands[] = {"run",    "sweep",    "sensitivity", "compare",  "feasibility", "report", "runs", "show",
                                 "export", "validate", "models",      "backtest", "init",        "serve",  "help"};

TEST(CommandLine, HelpCmdPrintsWhatCmdHelpPrints) {
  for (const char* command : kCommands) {
    const Result help = parley_cli(std::string("help ") + command), flag = parley_cli(std::string(command) + " --help");
    EXPECT_EQ(help.code, 0) << command;
    EXPECT_EQ(help.out, flag.out) << command;
    EXPECT_TRUE(contains(help.out, std::string("Usage: ") + PARLEY_EXE + " " + command)) << help.out;
  }
  const Result all = parley_cli("help");
  EXPECT_EQ(all.code, 0);
  EXPECT_EQ(all.out, parley_cli("--help").out);
  for (const char* command : kCommands) EXPECT_TRUE(contains(all.out, std::string("\n  ") + command + " ")) << command;
}

TEST(CommandLine, AnUnknownCommandSuggestsTheNearestAndExitsTwo) {
  const Result runn = parley_cli("runn " + parley::testing::source_path("scenarios/examples/arms-control.yaml"));
  EXPECT_EQ(runn.code, 2);
  EXPECT_EQ(runn.out, "parley: unknown command 'runn'; did you mean 'run'?\n");
  EXPECT_EQ(parley_cli("shwo 1").out, "parley: unknown command 'shwo'; did you mean 'show'?\n");
  EXPECT_EQ(parley_cli("sens").out, "parley: unknown command 'sens'; did you mean 'sensitivity'?\n");
  const Result help = parley_cli("help exprt");
  EXPECT_EQ(help.code, 2);
  EXPECT_EQ(help.out, "parley: unknown command 'exprt'; did you mean 'export'?\n");
  const Result far = parley_cli("frobnicate");
  EXPECT_EQ(far.code, 2);
  EXPECT_TRUE(contains(far.out, "parley: unknown command 'frobnicate'; the commands are run, sweep, sensitivity")) << far.out;
}

TEST(CommandLine, NearestUsesEditDistanceWithTranspositions) {
  using parley::cli::edit_distance;
  using parley::cli::nearest;
  EXPECT_EQ(edit_distance("runn", "run"), 1u);
  EXPECT_EQ(edit_distance("shwo", "show"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  const std::vector<std::string> names = {"run", "runs", "report", "export", "show"};
  EXPECT_EQ(nearest("runn", names), "run");
  EXPECT_EQ(nearest("rep", names), "report");  // the only command that starts with it
  EXPECT_EQ(nearest("xyzzy", names), std::nullopt);
  EXPECT_EQ(nearest("r", names), "run");          // three start with it: the nearest of all, two edits away
  EXPECT_EQ(nearest("exprot", names), "export");  // one transposition
}

TEST(CommandLine, AProgramWithCommandsOfItsOwnRunsTheSameCommandLine) {
  const std::string exe = PARLEY_TEST_COMMANDS_EXE;
  const Result hello = shell(exe + " hello --name parley 2>&1");
  EXPECT_EQ(hello.code, 0);
  EXPECT_EQ(hello.out, "hello, parley\n");
  const Result help = shell(exe + " --help 2>&1");
  EXPECT_TRUE(contains(help.out, "  hello ")) << help.out;
  EXPECT_TRUE(contains(help.out, "  run ")) << help.out;
  EXPECT_EQ(shell(exe + " help hello 2>&1").out, shell(exe + " hello --help 2>&1").out);
  EXPECT_EQ(shell(exe + " hallo 2>&1").out, "parley: unknown command 'hallo'; did you mean 'hello'?\n");
  EXPECT_EQ(shell(exe + " models 2>&1").out, parley_cli("models").out);
}

}  // namespace
