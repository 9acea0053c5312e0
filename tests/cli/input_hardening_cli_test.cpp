// Issue #14, items 5, 6 and 10 at the command line: `parley validate` (and `run`) refuse text that
// is not UTF-8, devices, a FIFO without a writer, a file over the size limit, a DEU table without
// issues, an XML reference to U+0000 and an event past the last round, each with exit code 2 and
// a message naming the file (and line:column where there is one), and write nothing.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cli/cli_support.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::parley_cli;
using parley::testing::Result;
using parley::testing::contains;


class InputHardeningCli : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = parley::testing::temp(std::string("input-") + info->name() + "-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& content) const {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  /// `parley validate FILE` under a 20 s timeout (so that a blocking read fails rather than hangs):
  /// exit code 2 and a message holding `where` and `problem`.
  static void expect_refused(const std::string& file, const std::string& where, const std::string& problem) {
    const Result r = parley::testing::shell("timeout 20 " + std::string(PARLEY_EXE) + " validate '" + file + "' 2>&1");
    EXPECT_EQ(r.code, 2) << r.out;
    EXPECT_TRUE(contains(r.out, where)) << r.out;
    EXPECT_TRUE(contains(r.out, problem)) << r.out;
  }

 private:
  fs::path dir_;
};

TEST_F(InputHardeningCli, Latin1KtabCsvIsRefusedAndNothingIsWritten) {
  const std::string csv = write("latin1.csv", "\"Caf\xE9\",demo,2,1\nActor,Description,Influence,Pos1,Sal1\nA,x,10,20,50\nB,y,20,80,50\n");
  expect_refused(csv, csv + ":1:5:", "the text is not UTF-8 (byte 0xE9); expected UTF-8 text: save the file as UTF-8");
  const Result run = parley_cli("run '" + csv + "' -m bdm -f json -o '" + path("out.json") + "'");
  EXPECT_EQ(run.code, 2) << run.out;
  EXPECT_FALSE(fs::exists(path("out.json")));
}

TEST_F(InputHardeningCli, NulByteIsRefused) {
  expect_refused(write("nul.yaml", std::string("parley: 1\nmetadata:\n  title: a\0b\n", 33)),
                 "nul.yaml:3:11:", "a control character (byte 0x00)");
}

TEST_F(InputHardeningCli, DevicesAreRefused) {
  for (const char* device : {"/dev/zero", "/dev/urandom"})
    expect_refused(device, device, "is a character device, not a regular file or a pipe");
}

TEST_F(InputHardeningCli, FifoWithoutWriterIsRefused) {
  ASSERT_EQ(::mkfifo(path("fifo").c_str(), 0600), 0);
  expect_refused(path("fifo"), path("fifo"), "the pipe is empty and nothing writes to it");
}

TEST_F(InputHardeningCli, FileOverTheLimitIsRefused) {
  const std::string big = write("big.yaml", "parley: 1\n");
  ASSERT_EQ(::truncate(big.c_str(), (off_t{256} << 20) + 1), 0);
  expect_refused(big, big, "the file is 268435457 bytes, over the limit of 268435456 bytes (256 MiB)");
}

TEST_F(InputHardeningCli, DeuTableWithoutIssuesIsRefused) {
  const std::string deu = parley::testing::read_text(parley::testing::data_path("deu3/deu3-dev.tsv"));
  const std::string file = write("deu.tsv", deu.substr(0, deu.find('\n', deu.find('\n') + 1) + 1));
  expect_refused(file, file + ":2:1:", "no issue rows after the capability row");
}

TEST_F(InputHardeningCli, XmlReferenceToNulIsRefused) {
  const std::string file = write("nul.xml",
                                 "<?xml version=\"1.0\"?>\n<Scenario>\n  <name>ab&#0;cd</name>\n  <prngSeed>1</prngSeed>\n"
                                 "  <Dimensions><dName>Tax</dName></Dimensions>\n"
                                 "  <Actors><Actor><name>A</name><capability>1</capability><Position><dCoord>10</dCoord></Position>"
                                 "<Salience><dSal>50</dSal></Salience></Actor></Actors>\n</Scenario>\n");
  expect_refused(file, file + ":3:11:", "the character reference '&#0;' names a character XML does not allow");
}

TEST_F(InputHardeningCli, EventPastTheLastRoundIsRefused) {
  const std::string file = write("events.yaml", R"(parley: 1
metadata: {title: T}
issues:
  - {id: i1, scale: {min: 0, max: 10}}
actors:
  - {id: a1, capability: 3}
  - {id: a2, capability: 1}
positions:
  a1: {i1: {position: 1, salience: 0.5}}
  a2: {i1: {position: 8, salience: 1}}
events:
  - {id: e, round: 100001, changes: {a2: {i1: {position: 6}}}}
)");
  expect_refused(file, file + ":12:20:", "a whole number from 1 to 100000");
}

}  // namespace
