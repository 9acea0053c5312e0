// Issue #14: a JSON scenario with a UTF-8 byte order mark (item 10), the reader's compact document
// and out-of-memory while reading reported as a ResourceError naming the file (item 11). The
// reader's memory against the file's size is measured by bench/reader_bench.cpp, not here.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <new>
#include <string>
#include <vector>

#include "io/document.hpp"
#include "parley/io.hpp"
#include "sanitizers.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

const std::string kBom = "\xEF\xBB\xBF";

std::string arms_control_json() { return testing::read_text(testing::source_path("scenarios/examples/arms-control.json")); }

TEST(JsonBom, IsReadLikeTheSameFileWithout) {
  const std::string plain = arms_control_json();
  const Scenario expected = read_scenario_text(plain, "plain.json");
  const Scenario with_bom = read_scenario_text(kBom + plain, "bom.json");
  EXPECT_EQ(with_bom.metadata.title, expected.metadata.title);
  ASSERT_EQ(with_bom.actors().size(), expected.actors().size());
  ASSERT_EQ(with_bom.issues().size(), expected.issues().size());
  for (std::size_t i = 0; i < expected.issues().size(); ++i)
    for (std::size_t a = 0; a < expected.actors().size(); ++a)
      EXPECT_EQ(with_bom.stance(i, a).position.has_value(), expected.stance(i, a).position.has_value());
}

TEST(JsonBom, IsReadFromAFileWithTheFormatDetected) {
  const auto path = parley::testing::removed_at_exit(std::filesystem::temp_directory_path() / "parley-bom-test.json");
  std::ofstream(path, std::ios::binary) << kBom << arms_control_json();
  const Scenario s = read_scenario_file(path.string());
  EXPECT_EQ(s.metadata.title, read_scenario_text(arms_control_json(), "plain.json").metadata.title);
  std::filesystem::remove(path);
}

TEST(JsonBom, ErrorsKeepTheirLineAndColumn) {
  // Line 1, column 1 is the first character after the mark, as an editor shows it.
  const std::string first_line = "{\"parley\": 2,\n \"metadata\": {\"title\": \"x\"}}";
  testing::expect_input_error([&] { read_scenario_text(kBom + first_line, "f.json"); }, 1, 12, "parley", "1");
  testing::expect_input_error([&] { read_scenario_text(first_line, "f.json"); }, 1, 12, "parley", "1");
  const std::string later = "{\"metadata\": {\"title\": \"x\"},\n  \"issues\": 3}";
  testing::expect_input_error([&] { read_scenario_text(kBom + later, "f.json"); }, 2, 13, "issues", "a list of issues");
  const std::string malformed = "{\"a\": 1,\n \"b\" 2}";
  testing::expect_input_error(
      [&] {
        read_scenario_text(kBom + malformed, "f.json", {InputFormat::json, {}});
      },
      0, 0, "", "well-formed JSON");
}

TEST(JsonBom, AMarkAloneIsAnEmptyFile) {
  const std::string only = kBom + " \n";
  testing::expect_input_error([&] { io::parse_json(only, "f.json"); }, 0, 0, "", "a scenario");
}

TEST(ReaderMemory, NodesAreSmallHandles) {
  // A node is a handle into its document (which keeps each node in 13 bytes for JSON, 17 for YAML),
  // not a tree of strings and vectors (80 bytes a node, and more on the heap).
  EXPECT_LE(sizeof(io::Node), 16u);
}

TEST(ReaderMemory, ADocumentTakesLessThanTheText) {
  std::string json = "{\"positions\": {";
  for (int a = 0; a < 2000; ++a) {
    json += (a ? ", \"a" : "\"a") + std::to_string(a) + "\": {";
    for (int i = 0; i < 20; ++i)
      json += (i ? ", \"i" : "\"i") + std::to_string(i) + "\": {\"position\": " + std::to_string(i * 3 % 100) + ".5, \"salience\": 0.25}";
    json += "}";
  }
  json += "}}";
  const io::Document document = io::parse_json(json, "f.json");
  EXPECT_EQ(document.node_count(), 3u + 2 * 2000 + 6 * 2000 * 20);
  EXPECT_LT(document.memory_bytes(), 2 * json.size()) << json.size() << " bytes of JSON";
  // Text is read back from the source: a number as written, a key without a copy.
  const io::Node stance = document.root().value(0).value(1999).value(19);
  EXPECT_EQ(stance.key(0).text(), "position");
  EXPECT_EQ(stance.value(0).text(), "57.5");
  EXPECT_EQ(stance.value(1).number(), 0.25);
}

TEST(ReaderMemory, EscapedJsonStringsAreUnescaped) {
  const std::string json = "{\"a\\u0062\": \"tab\\tand \\\"quote\\\"\", \"plain\": \"x\"}";
  const io::Document document = io::parse_json(json, "f.json");
  EXPECT_EQ(document.root().key(0).text(), "ab");
  EXPECT_EQ(document.root().value(0).text(), "tab\tand \"quote\"");
  EXPECT_EQ(document.root().value(1).text(), "x");
  EXPECT_EQ(document.root().value(1).column(), 44);
}

/// What a forked child reported: its exit code (0: a ResourceError, 1: another exception,
/// 2: no exception) and the message.
struct ChildResult {
  int code = -1;
  std::string message;
};

/// Reads `path` in a child whose address space may grow by `headroom` bytes only.
[[maybe_unused]] ChildResult read_with_little_memory(const std::string& path, std::size_t headroom) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    long pages = 0;
    if (FILE* statm = std::fopen("/proc/self/statm", "r")) {
      if (std::fscanf(statm, "%ld", &pages) != 1) pages = 0;
      std::fclose(statm);
    }
    const rlim_t limit = static_cast<rlim_t>(pages) * static_cast<rlim_t>(sysconf(_SC_PAGESIZE)) + headroom;
    const rlimit rl{limit, limit};
    if (pages == 0 || setrlimit(RLIMIT_AS, &rl) != 0) _exit(3);
    int code = 2;
    std::string message;
    try {
      read_scenario_file(path);
    } catch (const ResourceError& e) {
      code = 0, message = e.what();
    } catch (const std::exception& e) {
      code = 1, message = e.what();
    }
    if (write(fds[1], message.data(), message.size()) < 0) code = 4;
    _exit(code);
  }
  close(fds[1]);
  ChildResult result;
  char buffer[512];
  for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;) result.message.append(buffer, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

class ReadingOutOfMemory : public ::testing::TestWithParam<const char*> {};

TEST_P(ReadingOutOfMemory, IsAResourceErrorNamingTheFile) {
#ifdef PARLEY_TEST_SANITIZED
  GTEST_SKIP() << "sanitizers reserve address space of their own: RLIMIT_AS cannot be lowered";
#else
  // A 32 MiB title. Too little memory to read the file, and (JSON) enough to read it but not to
  // parse it: simdjson reserves five times the text. Free memory left in the heap by earlier
  // tests also counts, so the margins are wide.
  const std::string extension = GetParam();
  const auto path = parley::testing::removed_at_exit(std::filesystem::temp_directory_path() / ("parley-oom-test." + extension));
  const std::string title(std::size_t{32} << 20, 'x');
  std::ofstream(path, std::ios::binary) << (extension == "json" ? "{\"metadata\": {\"title\": \"" + title + "\"}}"
                                                                : "metadata: {title: " + title + "}\n");
  std::vector<std::size_t> headrooms{std::size_t{8} << 20};
  if (extension == "json") headrooms.push_back(std::size_t{64} << 20);
  for (const std::size_t headroom : headrooms) {
    SCOPED_TRACE(headroom);
    const ChildResult r = read_with_little_memory(path.string(), headroom);
    EXPECT_EQ(r.code, 0) << r.message;
    EXPECT_NE(r.message.find(path.string() + ": error: not enough memory"), std::string::npos) << r.message;
  }
  std::filesystem::remove(path);
#endif
}

INSTANTIATE_TEST_SUITE_P(Formats, ReadingOutOfMemory, ::testing::Values("json", "yaml"));

}  // namespace
}  // namespace parley
