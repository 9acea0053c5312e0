// The report end to end: written by the executable, opened in headless Chromium (Debian's
// `chromium`, installed by `make deps`), which must log no console message, and a screenshot saved.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli/cli_support.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::parley_cli;
using parley::testing::read_text;
using parley::testing::Result;
using parley::testing::source_path;
using parley::testing::temp;

bool have_chromium() { return std::system("command -v chromium >/dev/null 2>&1") == 0; }

/// Opens `page` in headless Chromium, saves a screenshot; returns its log lines with console messages.
std::string console_messages(const fs::path& page, const fs::path& screenshot) {
  const fs::path log = temp("chromium.log");
  fs::remove(screenshot);
  const std::string command =
      "timeout 120 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,2400 "
      "--user-data-dir=" +
      temp("chromium-profile").string() + " --enable-logging=stderr --v=0 --screenshot=" + screenshot.string() + " file://" +
      page.string() + " >/dev/null 2>" + log.string();
  EXPECT_EQ(std::system(command.c_str()), 0) << read_text(log.string());
  std::string messages, line;
  std::ifstream in(log);
  while (std::getline(in, line))
    if (line.find(":CONSOLE") != std::string::npos) messages += line + "\n";
  return messages;
}

TEST(ReportCli, WritesTheReportAndPrintsItsSummary) {
  const fs::path html = temp("report.html");
  fs::remove(html);
  const Result r = parley_cli("report " + source_path("scenarios/us-russia.yaml") + " --draws 200 --output " + html.string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("Most likely (relations)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("report written to " + html.string()), std::string::npos);
  EXPECT_NE(read_text(html.string()).find("<h2>Provenance</h2>"), std::string::npos);
  EXPECT_EQ(parley_cli("report " + source_path("scenarios/us-russia.yaml") + " --models compromise,nope --output " + html.string()).code,
            2);
  EXPECT_EQ(parley_cli("report " + source_path("scenarios/us-russia.yaml")).code, 2);  // --output is required
  // A lead model outside --models is refused, and no report is left behind.
  fs::remove(html);
  const Result lead =
      parley_cli("report " + source_path("scenarios/us-russia.yaml") + " --models compromise --lead bdm --output " + html.string());
  EXPECT_EQ(lead.code, 2);
  EXPECT_NE(lead.out.find("field '--lead': model 'bdm' is not among the report's models"), std::string::npos) << lead.out;
  EXPECT_FALSE(fs::exists(html));
}

TEST(ReportCli, OpensInHeadlessChromiumWithoutConsoleMessages) {
  if (!have_chromium()) GTEST_SKIP() << "chromium is not installed (make deps installs it)";
  const fs::path html = temp("report-browser.html");
  ASSERT_EQ(parley_cli("report " + source_path("scenarios/us-russia.yaml") + " --draws 200 --output " + html.string()).code, 0);
  const fs::path shot = fs::path(PARLEY_BINARY_DIR) / "report-screenshot.png";
  EXPECT_EQ(console_messages(html, shot), "");
  ASSERT_TRUE(fs::exists(shot));
  EXPECT_GT(fs::file_size(shot), 10000u);
  EXPECT_EQ(read_text(shot.string()).substr(1, 3), "PNG");
  // The check itself can fail: a page that logs is caught.
  const fs::path bad = temp("logs.html");
  std::ofstream(bad) << "<!DOCTYPE html><html><body><script>console.error('boom')</script></body></html>";
  EXPECT_NE(console_messages(bad, temp("logs.png")).find("boom"), std::string::npos);
}

}  // namespace
