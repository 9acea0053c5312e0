// The report end to end: written by the executable, opened in headless Chromium (Debian's
// `chromium`, installed by `make deps`), which must log no console message, and a screenshot saved.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli_support.hpp"
#include "sanitizers.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::parley_cli;
using parley::testing::read_text;
using parley::testing::Result;
using parley::testing::source_path;
using parley::testing::temp;

/// Why a browser test skips itself, or "" if it runs. Under the sanitizers only parley is
/// instrumented, not the browser, and `parley report` is checked there by the tests without a
/// browser; each browser test would add half a minute of an instrumented report and nothing else.
std::string browser_test_skip() {
#ifdef PARLEY_TEST_SANITIZED
  return "the browser tests run in the release build; under the sanitizers the report is checked without a browser";
#else
  const bool have_chromium = std::system("command -v chromium >/dev/null 2>&1") == 0;
  return have_chromium ? "" : "chromium is not installed (make deps installs it)";
#endif
}

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
  const Result r = parley_cli("report " + source_path("scenarios/us-russia.yaml") + " --draws 50 --output " + html.string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("Most likely (relations)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("report written to " + html.string()), std::string::npos);
  EXPECT_NE(read_text(html.string()).find("<h2 id=\"provenance\">Provenance</h2>"), std::string::npos);
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

/// How `page` lays out in a window `width` pixels wide, as "SCROLL CLIENT CUT": the widths of its
/// content and of its window, and how many texts of its charts reach outside their chart. Headless
/// Chromium loads the page in a frame of a probe page, whose script (the report has none) measures it.
std::string layout_widths(const fs::path& page, int width) {
  const fs::path probe = parley::testing::removed_at_exit(page.parent_path() / ("probe-" + page.filename().string()));
  std::ofstream(probe)
      << "<!DOCTYPE html><html><body style=\"margin:0\"><script>function cut(d){var n=0;"
         "d.querySelectorAll('svg').forEach(function(s){var v=s.viewBox.baseVal;s.querySelectorAll('text').forEach("
         "function(t){var b=t.getBBox();if(b.x<-0.5||b.y<-0.5||b.x+b.width>v.width+0.5||b.y+b.height>v.height+0.5)n++})});"
         "return n}</script><iframe src=\""
      << page.filename().string() << "\" style=\"border:0;height:900px;width:" << width
      << "px\" onload=\"var d=this.contentDocument.documentElement;document.getElementById('w').textContent="
         "'widths '+d.scrollWidth+' '+d.clientWidth+' '+cut(this.contentDocument)+' end'\"></iframe><p id=\"w\"></p></body></html>";
  // Its own profile: Chromium refuses a profile another test's Chromium holds.
  const fs::path profile = temp("chromium-profile-layout-" + std::to_string(::getpid())), dom = temp("probe.dom");
  const std::string command =
      "timeout 120 chromium --headless=new --no-sandbox --disable-gpu --allow-file-access-from-files "
      "--virtual-time-budget=10000 --window-size=" +
      std::to_string(width + 100) + ",1000 --user-data-dir=" + profile.string() + " --dump-dom file://" + probe.string() + " >" +
      dom.string() + " 2>/dev/null";
  EXPECT_EQ(std::system(command.c_str()), 0);
  fs::remove_all(profile);
  const std::string text = read_text(dom.string());
  const std::string mark = "<p id=\"w\">widths ";
  const std::size_t at = text.find(mark);
  return at == std::string::npos ? "" : text.substr(at + mark.size(), text.find(" end", at) - at - mark.size());
}

TEST(ReportCli, NamesTheScenarioWithoutAnAbsolutePath) {
  const fs::path html = temp("report-path.html");
  const std::string file = source_path("scenarios/examples/arms-control.yaml");  // absolute
  ASSERT_EQ(parley_cli("report " + file + " --models compromise --draws 20 --output " + html.string()).code, 0);
  const std::string page = read_text(html.string());
  EXPECT_EQ(page.find(PARLEY_SOURCE_DIR), std::string::npos);
  EXPECT_EQ(page.find(fs::current_path().string() + "/"), std::string::npos);
  EXPECT_EQ(page.find("/work"), std::string::npos);
  EXPECT_TRUE(page.find("scenario arms-control.yaml.") != std::string::npos ||
              page.find("scenario scenarios/examples/arms-control.yaml.") != std::string::npos);
}

TEST(ReportCli, FitsANarrowWindowAndKeepsEveryLabelInsideItsChart) {
  if (const std::string why = browser_test_skip(); !why.empty()) GTEST_SKIP() << why;
  const fs::path html = temp("report-narrow.html");
  ASSERT_EQ(parley_cli("report " + source_path("scenarios/us-russia.yaml") + " --draws 50 --output " + html.string()).code, 0);
  for (int width : {420, 1280}) {
    int scroll = 0, client = 0, cut = -1;
    std::istringstream(layout_widths(html, width)) >> scroll >> client >> cut;
    EXPECT_GT(client, 0) << width;
    EXPECT_LE(scroll, client) << "at " << width << " px the page scrolls sideways";
    EXPECT_EQ(cut, 0) << "at " << width << " px labels reach outside their charts";
  }
  // The check itself can fail: a page of fixed width and a label outside its chart are caught.
  const fs::path wide = temp("wide.html");
  std::ofstream(wide) << "<!DOCTYPE html><html><body><div style=\"width:640px\">x</div><svg viewBox=\"0 0 40 20\" width=\"40\">"
                         "<text x=\"30\" y=\"15\">cut label</text></svg></body></html>";
  int scroll = 0, client = 0, cut = -1;
  std::istringstream(layout_widths(wide, 420)) >> scroll >> client >> cut;
  EXPECT_GT(scroll, client);
  EXPECT_EQ(cut, 1);
}

TEST(ReportCli, OpensInHeadlessChromiumWithoutConsoleMessages) {
  if (const std::string why = browser_test_skip(); !why.empty()) GTEST_SKIP() << why;
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
