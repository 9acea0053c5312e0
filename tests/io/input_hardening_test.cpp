// Issue #14, items 5, 6 and 10: what parley refuses to read, before any reader or model sees it.
// Text that is not UTF-8 or holds control characters; inputs that are not a regular file or a
// pipe, pipes without a writer, inputs over the size limit; a DEU table without issues; XML
// character references to characters XML does not allow; events past the last round a model can
// compute.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "io/input_file.hpp"
#include "io/text_check.hpp"
#include "parley/io.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

/// A fresh folder of its own under the temporary directory, removed at the end of the test.
class InputHardening : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / (std::string("parley-input-") + info->name() + "-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::string write(const std::string& name, const std::string& content) const {
    std::ofstream(path(name), std::ios::binary) << content;
    return path(name);
  }

 private:
  fs::path dir_;
};

/// Expects an InputError at (line, column) whose problem holds `problem` and whose expectation
/// holds `expected`.
template <typename F>
void expect_refused(F&& f, int line, int column, const std::string& problem, const std::string& expected) {
  try {
    f();
    ADD_FAILURE() << "no InputError; wanted '" << problem << "'";
  } catch (const InputError& e) {
    SCOPED_TRACE(e.what());
    EXPECT_EQ(e.where().line, line);
    EXPECT_EQ(e.where().column, column);
    EXPECT_NE(e.problem().find(problem), std::string::npos) << "problem: " << e.problem();
    EXPECT_NE(e.expected().find(expected), std::string::npos) << "expected: " << e.expected();
    EXPECT_FALSE(e.where().file.empty());
  }
}

// Item 5: a title saved in Latin-1 (é as the byte 0xE8 / 0xE9). Columns count characters, so the
// valid "é" before the bad byte counts once.
const std::string kKtabCsvLatin1 = "\"Caf\xC3\xA9 cr\xE8me\",demo,2,1\nActor,Description,Influence,Pos1,Sal1\nA,x,10,20,50\nB,y,20,80,50\n";

TEST_F(InputHardening, Latin1InKtabCsvIsRefusedAtItsByte) {
  expect_refused([&] { read_scenario_text(kKtabCsvLatin1, "t.csv"); }, 1, 9, "not UTF-8 (byte 0xE8)", "save the file as UTF-8");
  const std::string file = write("latin1.csv", kKtabCsvLatin1);
  expect_refused([&] { read_scenario_file(file); }, 1, 9, "not UTF-8 (byte 0xE8)", "save the file as UTF-8");
}

TEST_F(InputHardening, Latin1InKtabXmlIsRefusedAtItsByte) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<Scenario>\n  <name>Caf\xE9</name>\n  <prngSeed>1</prngSeed>\n"
      "  <Dimensions><dName>Tax</dName></Dimensions>\n"
      "  <Actors><Actor><name>A</name><capability>1</capability><Position><dCoord>10</dCoord></Position>"
      "<Salience><dSal>50</dSal></Salience></Actor></Actors>\n</Scenario>\n";
  expect_refused([&] { read_scenario_text(xml, "t.xml"); }, 3, 12, "not UTF-8 (byte 0xE9)", "save the file as UTF-8");
}

TEST_F(InputHardening, Latin1InDeuTableIsRefusedAtItsByte) {
  std::string deu = testing::read_text(testing::data_path("deu3/deu3-dev.tsv"));
  const std::size_t third = deu.find('\n', deu.find('\n') + 1) + 1;  // row 3, the first issue: isnr, prnr, prname
  const std::size_t prname = deu.find('\t', deu.find('\t', third) + 1) + 1;
  deu.insert(prname, "\xE9");
  expect_refused([&] { read_scenario_text(deu, "t.tsv"); }, 3, static_cast<int>(prname - third) + 1, "not UTF-8 (byte 0xE9)",
                 "save the file as UTF-8");
}

TEST_F(InputHardening, Latin1InYamlAndJsonIsRefusedAtItsByte) {
  expect_refused([&] { read_scenario_text("parley: 1\nmetadata:\n  title: Caf\xE9\n", "t.yaml"); }, 3, 13, "not UTF-8 (byte 0xE9)",
                 "save the file as UTF-8");
  expect_refused([&] { read_scenario_text("{\"parley\": 1,\n \"metadata\": {\"title\": \"Caf\xE9\"}}\n", "t.json"); }, 2, 28,
                 "not UTF-8 (byte 0xE9)", "save the file as UTF-8");
}

TEST_F(InputHardening, Utf16IsNamed) {
  expect_refused([&] { read_scenario_text("\xFF\xFEp\0a\0"s, "t.yaml"); }, 1, 1, "UTF-16", "save the file as UTF-8");
}

TEST_F(InputHardening, NulAndOtherControlCharactersAreRefused) {
  expect_refused([&] { read_scenario_text("parley: 1\nmetadata:\n  title: a\0b\n"s, "t.yaml"); }, 3, 11, "control character (byte 0x00)",
                 "without control characters");
  expect_refused([&] { read_scenario_text("\"T\x01\",demo,1,1\nActor,Description,Influence,Pos1,Sal1\nA,x,10,20,50\n", "t.csv"); }, 1, 3,
                 "control character (byte 0x01)", "without control characters");
}

TEST(TextCheck, AcceptsUtf8WithBomTabsAndLineBreaks) {
  EXPECT_NO_THROW(
      io::check_text("\xEF\xBB\xBF"
                     "a\tb\r\nc \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF\n",
                     "t"));
  EXPECT_NO_THROW(io::check_text("", "t"));
}

TEST(TextCheck, RefusesMalformedUtf8) {
  const std::pair<std::string, int> bad[] = {
      {"ab\xC0\xAF", 3},          // overlong '/'
      {"ab\xE0\x80\xAF", 3},      // overlong, three bytes
      {"ab\xED\xA0\x80", 3},      // a surrogate (CESU-8)
      {"ab\xF4\x90\x80\x80", 3},  // above U+10FFFF
      {"ab\xE2\x82", 3},          // cut short at the end
      {"\xC3\xA9\x80", 2},        // a continuation byte alone
      {"x\xF8\x88\x80\x80\x80", 2},
      {"x\x7F", 2},  // DEL
  };
  for (const auto& [text, column] : bad) {
    SCOPED_TRACE(column);
    expect_refused([&] { io::check_text(text, "t"); }, 1, column, "", "");
  }
}

// Item 6: devices, pipes without a writer, endless pipes, files over the limit.
TEST_F(InputHardening, DevicesAreRefusedWithoutReading) {
  for (const char* device : {"/dev/zero", "/dev/urandom", "/dev/null"}) {
    SCOPED_TRACE(device);
    const auto start = std::chrono::steady_clock::now();
    expect_refused([&] { read_scenario_file(device); }, 0, 0, "a character device, not a regular file or a pipe", "a scenario file");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  }
}

TEST_F(InputHardening, FifoWithoutWriterIsRefusedAtOnce) {
  const std::string fifo = path("fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto reading = std::async(std::launch::async, [&] {
    try {
      read_scenario_file(fifo);
      return std::string("no InputError");
    } catch (const InputError& e) {
      return e.problem();
    }
  });
  if (reading.wait_for(std::chrono::seconds(2)) == std::future_status::timeout) {
    ADD_FAILURE() << "reading a FIFO without a writer still waits after 2 s";
    const int fd = ::open(fifo.c_str(), O_WRONLY);  // the blocked reader's writer, so that it ends
    if (fd >= 0) ::close(fd);
  }
  EXPECT_NE(reading.get().find("nothing writes to it"), std::string::npos);
}

TEST_F(InputHardening, PipeWithAWriterIsRead) {
  int p[2];
  ASSERT_EQ(::pipe(p), 0);
  const std::string text = "hello\n";
  ASSERT_EQ(::write(p[1], text.data(), text.size()), static_cast<ssize_t>(text.size()));
  ::close(p[1]);
  EXPECT_EQ(io::read_input_bytes("/proc/self/fd/" + std::to_string(p[0]), 100), text);
  ::close(p[0]);
}

TEST_F(InputHardening, EndlessPipeStopsAtTheLimit) {
  int p[2];
  ASSERT_EQ(::pipe(p), 0);
  ASSERT_EQ(::fcntl(p[1], F_SETFL, O_NONBLOCK), 0);
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    const std::string block(4096, 'x');
    while (!stop)
      if (::write(p[1], block.data(), block.size()) < 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  expect_refused([&] { io::read_input_bytes("/proc/self/fd/" + std::to_string(p[0]), 1 << 20); }, 0, 0,
                 "goes on past the limit of 1048576 bytes (1 MiB)", "at most 1048576 bytes");
  stop = true;
  writer.join();
  ::close(p[0]);
  ::close(p[1]);
}

TEST_F(InputHardening, FileOverTheLimitIsRefusedFromItsSize) {
  const std::string big = path("big.yaml");
  { std::ofstream(big) << "parley: 1\n"; }
  ASSERT_EQ(::truncate(big.c_str(), static_cast<off_t>(kMaxInputBytes + 1)), 0);  // sparse: instant
  const auto start = std::chrono::steady_clock::now();
  expect_refused([&] { read_scenario_file(big); }, 0, 0, "the file is 268435457 bytes, over the limit of 268435456 bytes (256 MiB)",
                 "at most 268435456 bytes (256 MiB)");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  const std::string small = write("small.txt", "0123456789A");
  expect_refused([&] { io::read_input_bytes(small, 10); }, 0, 0, "the file is 11 bytes, over the limit of 10 bytes", "");
  EXPECT_EQ(io::read_input_bytes(small, 11), "0123456789A");
}

// Item 10.
TEST_F(InputHardening, DeuTableWithoutIssueRowsIsRefused) {
  const std::string deu = testing::read_text(testing::data_path("deu3/deu3-dev.tsv"));
  const std::string two_rows = deu.substr(0, deu.find('\n', deu.find('\n') + 1) + 1);  // header and capability row
  expect_refused([&] { read_scenario_text(two_rows, "t.tsv"); }, 2, 1, "no issue rows", "at least one issue row");
}

const std::string kXml =
    "<?xml version=\"1.0\"?>\n<Scenario>\n  <name>NAME</name>\n  <prngSeed>1</prngSeed>\n"
    "  <Dimensions><dName>Tax</dName></Dimensions>\n"
    "  <Actors><Actor><name>A</name><capability>1</capability><Position><dCoord>10</dCoord></Position>"
    "<Salience><dSal>50</dSal></Salience></Actor></Actors>\n</Scenario>\n";

std::string xml_named(const std::string& name) {
  std::string xml = kXml;
  return xml.replace(xml.find("NAME"), 4, name);
}

TEST_F(InputHardening, XmlReferenceToNulIsRefused) {
  for (const char* name : {"ab&#0;cd", "ab&#1;cd", "ab&#x0;cd", "ab&#xD800;cd", "ab&#xFFFE;cd", "ab&#99999999999;cd"}) {
    SCOPED_TRACE(name);
    expect_refused([&] { read_scenario_text(xml_named(name), "t.xml"); }, 3, 11, "names a character XML does not allow", "U+0000");
  }
  EXPECT_EQ(read_scenario_text(xml_named("a&#233;&#x9;b"), "t.xml").metadata.title, "a\xC3\xA9\tb");
  EXPECT_EQ(read_scenario_text(xml_named("a<!-- &#0; --><![CDATA[&#1;]]>b"), "t.xml").metadata.title, "a");
}

const std::string kEvents = R"(parley: 1
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
  - {id: e, round: ROUND, changes: {a2: {i1: {position: 6}}}}
)";

std::string events_at(const std::string& round) {
  std::string y = kEvents;
  return y.replace(y.find("ROUND"), 5, round);
}

TEST_F(InputHardening, EventRoundBeyondWhatModelsComputeIsRefused) {
  EXPECT_EQ(kMaxRounds, 100000);
  EXPECT_EQ(read_scenario_text(events_at(std::to_string(kMaxRounds)), "t.yaml").events[0].round, kMaxRounds);
  for (const std::string& round : {std::to_string(kMaxRounds + 1), std::string("1000000")}) {
    SCOPED_TRACE(round);
    expect_refused([&] { read_scenario_text(events_at(round), "t.yaml"); }, 12, 20, "round '" + round + "'", "from 1 to 100000");
  }
  Scenario s = read_scenario_text(events_at("3"), "t.yaml");
  s.events[0].round = kMaxRounds + 1;  // built in code rather than read
  try {
    validate(s);
    ADD_FAILURE() << "an event at round " << kMaxRounds + 1 << " validates";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "events.e.round");
    EXPECT_NE(e.expected().find("from 1 to 100000"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace parley
