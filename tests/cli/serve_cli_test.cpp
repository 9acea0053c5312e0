// parley serve: prints the address to open, answers, and stops cleanly on Ctrl-C (SIGINT); bad
// options are refused with exit code 2 before anything listens.
#include <gtest/gtest.h>

#include "cli/cli_support.hpp"
#include "test_support.hpp"

namespace {

using parley::testing::contains;
using parley::testing::parley_cli;
using parley::testing::Result;
using parley::testing::shell;

TEST(ServeCli, PrintsTheAddressAnswersAndStopsOnCtrlC) {
  // The server in the background on a copy of scenarios/ in a temporary folder; Python asks it for
  // the models at the address it printed; then SIGINT, as Ctrl-C sends it.
  const Result r = shell("dir=$(mktemp -d); cp -r '" + std::string(PARLEY_SOURCE_DIR) + "/scenarios/.' $dir; out=$dir/out.txt; " +
                         std::string(PARLEY_EXE) +
                         " serve $dir --port 0 > $out 2>&1 & pid=$!; "
                         "for i in $(seq 100); do grep -q http $out && break; sleep 0.05; done; "
                         "url=$(grep -o 'http://[^ ]*' $out); "
                         "python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1]).read()[:40].decode())' "
                         "\"${url}api/models\"; kill -INT $pid; wait $pid; echo \"exit $?\"; sed \"s|$dir|DIR|\" $out; rm -rf $dir");
  EXPECT_TRUE(contains(r.out, "{\n  \"schema\": \"parley.models/1\"")) << r.out;
  EXPECT_TRUE(contains(r.out, "exit 0")) << r.out;
  EXPECT_TRUE(contains(r.out, "parley: serving DIR at http://127.0.0.1:")) << r.out;
  EXPECT_TRUE(contains(r.out, "/   (Ctrl-C stops)\nparley: stopped\n")) << r.out;
}

TEST(ServeCli, RefusesBadOptionsWithExitCode2) {
  Result r = parley_cli("serve /nonexistent-parley-folder --port 0");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "field 'DIR'")) << r.out;
  r = parley_cli("serve . --port 70000");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "--port")) << r.out;
}

}  // namespace
