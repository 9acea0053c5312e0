// Issue #14, the output side: an output never replaces an input (item 1), a device, a pipe or a
// symbolic link given as an output is written, not replaced (item 2), every failed write, standard
// output included, is exit 3 (item 4), and a legal long output name works (item 10).
//
// SAFETY: the machine that runs these tests may run them as root, and a parley that replaces what it
// writes to would replace a device. Only a child that has dropped its privileges to nobody (65534)
// names /dev/null or /dev/stdout as an output; everything else stays in a temporary folder.
#include <fcntl.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::data_path;
using parley::testing::parley_cli;
using parley::testing::parley_cli_in;
using parley::testing::read_text;
using parley::testing::Result;
using parley::testing::shell;
using parley::testing::source_path;
using parley::testing::temp;
using parley::testing::contains;
using parley::testing::kExample;
using parley::testing::kFlagship;
using parley::testing::kDeu;

const std::string kExe = PARLEY_EXE;


/// An empty folder of its own for one test.
fs::path folder(const std::string& name) {
  const fs::path dir = temp("output-safety-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

/// The names in a folder, sorted.
std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

/// A copy of `source` in `dir`.
fs::path copy_into(const fs::path& dir, const std::string& source, const std::string& name) {
  const fs::path copy = dir / name;
  fs::copy_file(source, copy, fs::copy_options::overwrite_existing);
  return copy;
}

/// A results database in `dir` with one complete 20-draw run.
fs::path stored_run(const fs::path& dir) {
  const fs::path db = dir / "results.db";
  const Result r = parley_cli("sweep " + kExample + " --draws 20 --no-progress --db " + db.string());
  EXPECT_EQ(r.code, 0) << r.out;
  return db;
}

/// Runs a shell command line as the user nobody (65534) when this test runs as root, as itself
/// otherwise; code 77 means the privileges could not be dropped.
Result as_nobody(const std::string& command) {
  std::array<int, 2> pipe_fds{};
  if (::pipe(pipe_fds.data()) != 0) return {-1, "pipe failed"};
  const pid_t child = ::fork();
  if (child < 0) return {-1, "fork failed"};
  if (child == 0) {
    ::dup2(pipe_fds[1], STDOUT_FILENO);
    ::dup2(pipe_fds[1], STDERR_FILENO);
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    if (::geteuid() == 0 && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(77);
    if (::geteuid() == 0) ::_exit(77);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  Result r{-1, ""};
  std::array<char, 4096> buffer{};
  for (ssize_t n; (n = ::read(pipe_fds[0], buffer.data(), buffer.size())) > 0;) r.out.append(buffer.data(), static_cast<std::size_t>(n));
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

bool is_character_device(const char* path) {
  struct stat st {};
  return ::stat(path, &st) == 0 && S_ISCHR(st.st_mode);
}

// Item 1 ---------------------------------------------------------------------------------------------

TEST(OutputSafety, OutputEqualToInputIsRefused) {
  const fs::path dir = folder("same-as-input");
  const fs::path scenario = copy_into(dir, kExample, "a.yaml");
  const fs::path deu = copy_into(dir, kDeu, "deu.tsv");
  fs::create_symlink("a.yaml", dir / "link.yaml");
  fs::create_hard_link(scenario, dir / "hard.yaml");
  const std::string original = read_text(scenario.string());
  const std::string original_deu = read_text(deu.string());
  // Each names the scenario (or the DEU table) again as an output, in another spelling: relative,
  // through a symbolic link, through a hard link, with a detour through the folder.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"run a.yaml --output ./a.yaml", "--output"},
      {"run a.yaml --model bdm --trace link.yaml", "--trace"},
      {"run a.yaml -o hard.yaml", "--output"},
      {"report a.yaml --models compromise --draws 5 --no-progress --output ../" + dir.filename().string() + "/a.yaml", "--output"},
      {"sweep a.yaml --draws 5 --no-progress --db new.db --output link.yaml", "--output"},
      {"sweep a.yaml --draws 5 --no-progress --db a.yaml", "--db"},
      {"sensitivity a.yaml --samples 4 --no-progress -o a.yaml", "--output"},
      {"compare " + kExample + " a.yaml --draws 5 --no-progress -o hard.yaml", "--output"},
      {"feasibility a.yaml --draws 5 -o a.yaml", "--output"},
      {"backtest deu.tsv --per-issue deu.tsv", "--per-issue"},
      {"backtest deu.tsv --cross-validate --model compromise --folds 2 --repeats 1 --bootstrap 10 --skill-out ./deu.tsv", "--skill-out"}};
  const std::vector<std::string> before = names_in(dir);
  for (const auto& [command, flag] : cases) {
    const Result r = parley_cli_in(dir, command);
    EXPECT_EQ(r.code, 2) << command << ": " << r.out;
    EXPECT_TRUE(contains(r.out, "parley: error: field '" + flag + "': '")) << command << ": " << r.out;
    EXPECT_TRUE(contains(r.out, "is the same file as ")) << command << ": " << r.out;
    EXPECT_TRUE(contains(r.out, "expected another file: writing it would replace ")) << command << ": " << r.out;
    EXPECT_EQ(read_text(scenario.string()), original) << command;
    EXPECT_EQ(read_text(deu.string()), original_deu) << command;
    EXPECT_TRUE(fs::is_symlink(dir / "link.yaml")) << command;
    EXPECT_EQ(names_in(dir), before) << command << ": nothing is created";
  }
  // Both paths are named, as given.
  const Result r = parley_cli_in(dir, "run a.yaml --output link.yaml");
  EXPECT_EQ(r.out,
            "parley: error: field '--output': 'link.yaml' is the same file as the scenario 'a.yaml'; "
            "expected another file: writing it would replace the scenario\n");
}

TEST(OutputSafety, OutputEqualToTheResultsDatabaseIsRefused) {
  const fs::path dir = folder("same-as-db");
  const fs::path db = stored_run(dir);
  fs::create_symlink("results.db", dir / "link.db");
  const std::string original = read_text(db.string());
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"export 1 --db results.db --format csv --output ./results.db", "the results database 'results.db'"},
      {"export 1 --db results.db --format json --table all -o link.db", "the results database 'results.db'"},
      {"show 1 --db link.db -o results.db", "the results database 'link.db'"},
      {"sweep " + kExample + " --draws 5 --no-progress --db results.db --output link.db", "the results database 'results.db'"},
      {"sweep --resume 1 --db results.db --no-progress --output results.db", "the results database 'results.db'"}};
  const std::vector<std::string> before = names_in(dir);
  for (const auto& [command, named] : cases) {
    const Result r = parley_cli_in(dir, command);
    EXPECT_EQ(r.code, 2) << command << ": " << r.out;
    EXPECT_TRUE(contains(r.out, "field '--output'")) << command << ": " << r.out;
    EXPECT_TRUE(contains(r.out, named)) << command << ": " << r.out;
    EXPECT_EQ(read_text(db.string()), original) << command;
    EXPECT_EQ(names_in(dir), before) << command;
  }
  EXPECT_EQ(parley_cli("runs --db " + db.string()).code, 0);
}

TEST(OutputSafety, ANewDatabaseAndOutputOfOneNameAreRefusedBeforeEitherIsCreated) {
  const fs::path dir = folder("new-db-and-output");
  const Result r = parley_cli_in(dir, "sweep " + kExample + " --draws 5 --no-progress --db fresh.db --output ./fresh.db");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_EQ(r.out,
            "parley: error: field '--output': './fresh.db' is the same file as the results database 'fresh.db'; "
            "expected another file: writing it would replace the results database\n");
  EXPECT_TRUE(names_in(dir).empty());
}

TEST(OutputSafety, TwoOutputsOfOneFileAreRefused) {
  const fs::path dir = folder("two-outputs");
  const Result r = parley_cli_in(dir, "run " + kExample + " --model bdm --trace out.json --output out.json");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "field '--output': 'out.json' is the same file as the trace 'out.json'")) << r.out;
  EXPECT_TRUE(names_in(dir).empty());
}

// Item 2 ---------------------------------------------------------------------------------------------

TEST(OutputSafety, ASymbolicLinkOutputIsFollowedAndKept) {
  const fs::path dir = folder("symlink");
  fs::create_directories(dir / "real");
  std::ofstream(dir / "real" / "forecast.txt") << "old\n";
  fs::create_symlink("real/forecast.txt", dir / "link.txt");
  fs::create_symlink("real/new.txt", dir / "dangling.txt");
  const Result expected = parley_cli("run " + kExample);
  ASSERT_EQ(expected.code, 0);
  EXPECT_EQ(parley_cli_in(dir, "run " + kExample + " -o link.txt").code, 0);
  EXPECT_TRUE(fs::is_symlink(dir / "link.txt"));
  EXPECT_EQ(read_text((dir / "real" / "forecast.txt").string()), expected.out);
  // A link to a file yet to be written: the file is created where the link points.
  EXPECT_EQ(parley_cli_in(dir, "run " + kExample + " -o dangling.txt").code, 0);
  EXPECT_TRUE(fs::is_symlink(dir / "dangling.txt"));
  EXPECT_EQ(read_text((dir / "real" / "new.txt").string()), expected.out);
  EXPECT_EQ(names_in(dir / "real"), (std::vector<std::string>{"forecast.txt", "new.txt"}));
}

TEST(OutputSafety, AFifoOutputIsWrittenNotReplaced) {
  const fs::path dir = folder("fifo");
  const fs::path fifo = dir / "out.fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // Held open for reading and writing: parley's open does not wait for a reader, and the test never
  // blocks (a forecast fits in the pipe's buffer).
  const int fd = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK);
  ASSERT_GE(fd, 0);
  const Result r = parley_cli("run " + kExample + " --output " + fifo.string());
  std::string got;
  std::array<char, 4096> buffer{};
  for (ssize_t n; (n = ::read(fd, buffer.data(), buffer.size())) > 0;) got.append(buffer.data(), static_cast<std::size_t>(n));
  ::close(fd);
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(got, parley_cli("run " + kExample).out);
  struct stat st {};
  ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode)) << "the FIFO was replaced";
  EXPECT_EQ(names_in(dir), std::vector<std::string>{"out.fifo"});
}

TEST(OutputSafety, DevicesAsOutputWorkForAnotherUser) {
  // As nobody (dropped from root), so that a parley that replaced its output could not replace a
  // device: it could only fail.
  const Result null = as_nobody(kExe + " run " + kExample + " -o /dev/null");
  if (null.code == 77) GTEST_SKIP() << "cannot drop privileges to nobody";
  EXPECT_EQ(null.code, 0) << null.out;
  EXPECT_EQ(null.out, "");
  EXPECT_TRUE(is_character_device("/dev/null"));
  // /dev/stdout: written to the descriptor itself, here the pipe this test reads.
  const Result out = as_nobody(kExe + " run " + kExample + " --output /dev/stdout");
  EXPECT_EQ(out.code, 0) << out.out;
  EXPECT_EQ(out.out, parley_cli("run " + kExample).out);
  EXPECT_TRUE(fs::is_symlink("/dev/stdout"));
}

TEST(OutputSafety, StandardOutputNamedAsOutputAppendsWhereTheShellSaysSo) {
  const fs::path dir = folder("stdout-append");
  fs::permissions(dir, fs::perms::all);  // nobody writes here
  const fs::path log = dir / "log.txt";
  std::ofstream(log) << "first line\n";
  fs::permissions(log, fs::perms::all);
  const Result r = as_nobody(kExe + " run " + kExample + " --output /dev/stdout >> " + log.string());
  if (r.code == 77) GTEST_SKIP() << "cannot drop privileges to nobody";
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(read_text(log.string()), "first line\n" + parley_cli("run " + kExample).out);
  EXPECT_EQ(names_in(dir), std::vector<std::string>{"log.txt"});
}

// Item 10: the temporary file's name stays within NAME_MAX ---------------------------------------------

TEST(OutputSafety, ALegal250ByteOutputNameIsWritten) {
  const fs::path dir = folder("long-name");
  const std::string name = std::string(246, 'n') + ".txt";
  ASSERT_EQ(name.size(), 250u);
  const Result r = parley_cli_in(dir, "run " + kExample + " -o " + name);
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(read_text((dir / name).string()), parley_cli("run " + kExample).out);
  EXPECT_EQ(names_in(dir), std::vector<std::string>{name});
}

// Item 4 ---------------------------------------------------------------------------------------------

TEST(OutputSafety, HelpAndVersionOnAFullOrClosedStandardOutputAreThree) {
  for (const std::string args : {"--help", "--version", "run --help", "help run"}) {
    for (const char* redirect : {">/dev/full", ">&-"}) {
      const Result r = shell(kExe + " " + args + " 2>&1 " + redirect);
      EXPECT_EQ(r.code, 3) << args << " " << redirect;
      EXPECT_EQ(r.out, "parley: cannot write standard output\n") << args << " " << redirect;
    }
  }
}

TEST(OutputSafety, EveryCommandReportsAFailedStandardOutput) {
  const fs::path dir = folder("every-command");
  const fs::path db = stored_run(dir);
  const std::string on = " --db " + db.string();
  const std::vector<std::string> commands = {
      "validate " + kExample,
      "models",
      "run " + kExample,
      "runs" + on,
      "show 1" + on,
      "export 1 --format csv" + on,
      "export 1 --format json --table all" + on,
      "compare " + kExample + " " + kExample + " --draws 5 --no-progress",
      "sweep " + kExample + " --draws 5 --no-progress" + on,
      "sensitivity " + kExample + " --samples 4 --no-progress",
      "feasibility " + kFlagship + " --draws 5",
      "backtest " + kDeu,
      "report " + kExample + " --models compromise --draws 5 --no-progress -o " + (dir / "r.html").string(),
      "init " + (dir / "new.yaml").string() + " --force",
      "help"};
  for (const std::string& command : commands) {
    const Result r = shell(kExe + " " + command + " 2>&1 >/dev/full");
    EXPECT_EQ(r.code, 3) << command << ": " << r.out;
    EXPECT_TRUE(contains(r.out, "parley: cannot write standard output\n")) << command << ": " << r.out;
  }
  // A closed standard output: the same, and no file opened meanwhile takes its place (the forecast
  // written with --output stays whole, the standard output's text goes nowhere).
  const fs::path forecast = dir / "forecast.txt";
  const std::vector<std::string> closing = {"models", "runs" + on, "export 1 --format csv" + on,
                                            "run " + kExample + " --model bdm --trace " + (dir / "trace.json").string()};
  for (const std::string& command : closing) {
    const Result r = shell(kExe + " " + command + " 2>&1 >&-");
    EXPECT_EQ(r.code, 3) << command << ": " << r.out;
    EXPECT_EQ(r.out, "parley: cannot write standard output\n") << command;
  }
  const Result closed = shell(kExe + " run " + kExample + " -o " + forecast.string() + " 2>&1 >&-");
  EXPECT_EQ(closed.code, 0) << closed.out;
  EXPECT_EQ(read_text(forecast.string()), parley_cli("run " + kExample).out);
}

TEST(OutputSafety, AFileOnAFullDiskIsThreeAndLeavesNoPartialFile) {
  // A file-size limit of 512 bytes stands in for a full disk: a write beyond it fails (EFBIG).
  const fs::path dir = folder("full-disk");
  const fs::path db = stored_run(dir);
  const std::string limit = "trap '' XFSZ; ulimit -f 1; ";
  const Result file = shell(limit + kExe + " export 1 --format csv --db " + db.string() + " -o " + (dir / "out.csv").string() + " 2>&1");
  EXPECT_EQ(file.code, 3) << file.out;
  EXPECT_TRUE(contains(file.out, "parley: cannot write " + (dir / "out.csv").string() + ": File too large")) << file.out;
  const Result redirected =
      shell(limit + kExe + " export 1 --format csv --db " + db.string() + " 2>&1 >" + (dir / "redirected.csv").string());
  EXPECT_EQ(redirected.code, 3) << redirected.out;
  EXPECT_EQ(redirected.out, "parley: cannot write standard output\n");
  EXPECT_FALSE(fs::exists(dir / "out.csv"));
  for (const std::string& name : names_in(dir)) EXPECT_FALSE(contains(name, "parley")) << name << ": a temporary file was left";
}

}  // namespace
