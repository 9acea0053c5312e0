// The report's page as a reader meets it: tick labels, series that never draw alike, text contrast,
// labels that are never cut, charts that scale, contents, names instead of ids, a glossary and no
// absolute path of the machine.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "parley/parley.hpp"
#include "parley/report.hpp"
#include "report/colour.hpp"
#include "report/names.hpp"
#include "report/page.hpp"
#include "report/svg.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

/// The flagship's report, as `parley report` writes it when given the scenario by absolute path.
const Report& flagship_report() {
  static const Report r = [] {
    ReportOptions o;
    o.draws = 40;
    o.threads = 2;
    o.scenario_file = testing::source_path("scenarios/us-russia.yaml");
    return build_report(read_scenario_file(o.scenario_file), o);
  }();
  return r;
}

std::vector<std::string> matches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) out.push_back((*it)[1].str());
  return out;
}

TEST(ReportTicks, CarryTheDigitsTheirStepNeeds) {
  EXPECT_EQ(report::tick_label(0.25, 0.25), "0.25");
  EXPECT_EQ(report::tick_label(0.75, 0.25), "0.75");
  EXPECT_EQ(report::tick_label(0.5, 0.25), "0.50");
  EXPECT_EQ(report::tick_label(0, 0.25), "0.00");
  EXPECT_EQ(report::tick_label(1, 0.25), "1.00");
  EXPECT_EQ(report::tick_label(25, 25), "25");
  EXPECT_EQ(report::tick_label(7.5, 2.5), "7.5");
  EXPECT_EQ(report::tick_label(-1, 0.5), "-1.0");
  EXPECT_EQ(report::tick_label(-1e-17, 0.5), "0.0");  // no "-0.0"
  EXPECT_EQ(report::tick_label(0.075, 0.075), "0.075");
  // On the page: the probability axes read 0.25 and 0.75.
  const std::string& h = flagship_report().html;
  EXPECT_NE(h.find(">0.25</text>"), std::string::npos);
  EXPECT_NE(h.find(">0.75</text>"), std::string::npos);
  EXPECT_EQ(h.find(">0.2</text>"), std::string::npos);
  EXPECT_EQ(h.find(">0.8</text>"), std::string::npos);
}

TEST(ReportColours, ContrastRatioFollowsWcag2) {
  EXPECT_DOUBLE_EQ(report::contrast_ratio("#000000", "#ffffff"), 21);
  EXPECT_DOUBLE_EQ(report::contrast_ratio("#fff", "#FFFFFF"), 1);
  EXPECT_DOUBLE_EQ(report::contrast_ratio("#777777", "#fff"), report::contrast_ratio("#fff", "#777"));
  EXPECT_NEAR(report::contrast_ratio("#777777", "#ffffff"), 4.48, 0.01);  // the well-known just-too-light grey
  EXPECT_NEAR(report::contrast_ratio("#F0E442", "#ffffff"), 1.32, 0.01);  // the yellow text of old
  EXPECT_NEAR(report::contrast_ratio("#E69F00", "#ffffff"), 2.25, 0.01);  // the orange text of old
  EXPECT_NEAR(report::relative_luminance("#808080"), 0.2159, 1e-4);
  EXPECT_THROW(report::relative_luminance("red"), std::invalid_argument);
  EXPECT_THROW(report::relative_luminance("#12345g"), std::invalid_argument);
}

TEST(ReportColours, EveryTextColourOfThePageReachesFourAndAHalfToOne) {
  const std::string& h = flagship_report().html;
  std::set<std::string> text = {"#000000"};  // SVG text without a fill
  for (const std::string& c : matches(h, "[;{]color:(#[0-9A-Fa-f]{3,6})")) text.insert(c);
  for (const std::string& c : matches(h, "<text[^>]*fill=\"(#[0-9A-Fa-f]{3,6})\"")) text.insert(c);
  for (std::size_t k = 0; k < 8; ++k) text.insert(report::series_text_colour(k));
  std::set<std::string> backgrounds = {"#ffffff"};
  for (const std::string& c : matches(h, "background:(#[0-9A-Fa-f]{3,6})")) backgrounds.insert(c);
  EXPECT_GE(text.size(), 6u);
  EXPECT_GE(backgrounds.size(), 3u);
  for (const std::string& fg : text)
    for (const std::string& bg : backgrounds) EXPECT_GE(report::contrast_ratio(fg, bg), 4.5) << fg << " on " << bg;
}

TEST(ReportCharts, NoTwoSeriesOfAChartDrawAlike) {
  std::set<std::pair<std::string, std::string>> styles;
  for (std::size_t k = 0; k < report::kDistinctSeries; ++k) styles.insert({report::series_colour(k), report::series_dash(k)});
  EXPECT_EQ(styles.size(), report::kDistinctSeries);
  // The flagship's charts of positions: 11 actors, every line its own colour and dash.
  const std::string& h = flagship_report().html;
  std::size_t charts = 0, most = 0;
  for (std::size_t p = h.find("<title>positions over rounds</title>"); p != std::string::npos;
       p = h.find("<title>positions over rounds</title>", p + 1), ++charts) {
    const std::string svg = h.substr(p, h.find("</svg>", p) - p);
    std::set<std::pair<std::string, std::string>> seen;
    std::size_t lines = 0;
    const std::regex re("<polyline[^>]*stroke=\"([^\"]*)\"[^>]*stroke-dasharray=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it, ++lines)
      EXPECT_TRUE(seen.insert({(*it)[1].str(), (*it)[2].str()}).second) << (*it)[0].str();
    most = std::max(most, lines);
  }
  EXPECT_EQ(charts, read_scenario_file(testing::source_path("scenarios/us-russia.yaml")).issues().size());
  EXPECT_GT(most, 8u);
}

TEST(ReportCharts, LabelsAreWrappedOrShortenedNeverCut) {
  using V = std::vector<std::string>;
  using report::text_width;
  using report::wrap_label;
  EXPECT_GT(text_width("compromise"), text_width("illicit ij"));  // by character, not by count
  EXPECT_DOUBLE_EQ(text_width("é"), text_width("e") + 0.2);       // a character, not two bytes
  EXPECT_EQ(wrap_label("short", 100, 2), V{"short"});
  EXPECT_EQ(wrap_label("one two three", text_width("one two"), 2), (V{"one two", "three"}));
  EXPECT_EQ(wrap_label("one two three four", text_width("one two"), 3), (V{"one two", "three", "four"}));
  EXPECT_EQ(wrap_label("one two three four", text_width("one two"), 2), (V{"one two", "three…"}));  // the rest shortened
  EXPECT_EQ(wrap_label("ééééé — ab", text_width("ééééé —"), 1), V{"ééééé…"});                       // whole characters
  EXPECT_EQ(wrap_label("abcdefghij", text_width("abcd"), 2), (V{"abcd", "ef…"}));
  for (const std::string& line : wrap_label("a rather long label that will not fit on two short lines at all", 60, 2))
    EXPECT_LE(text_width(line), 60) << line;
  // A long label in a tornado: wrapped, its full text and id in a tooltip.
  const std::string label = "Russia's political and security elite — Energy and economic ties — salience";
  const std::string svg = report::tornado_chart({{{label, "ru-elite.energy-economy.salience"}, 10, 20}}, 15, 0, 100);
  EXPECT_NE(svg.find("<title>" + report::escape(label) + " [ru-elite.energy-economy.salience]</title>"), std::string::npos) << svg;
  EXPECT_NE(svg.find("<tspan"), std::string::npos);
  // The column holds the label on two lines: nothing was shortened.
  EXPECT_EQ(svg.find("…"), std::string::npos) << svg;
}

TEST(ReportCharts, ScaleToTheWindow) {
  const std::string& h = flagship_report().html;
  std::size_t charts = 0;
  for (std::size_t p = h.find("<svg"); p != std::string::npos; p = h.find("<svg", p + 1), ++charts) {
    const std::string tag = h.substr(p, h.find('>', p) - p);
    EXPECT_NE(tag.find("viewBox=\"0 0 "), std::string::npos) << tag;
    EXPECT_NE(tag.find("width=\"100%\""), std::string::npos) << tag;
    EXPECT_NE(tag.find("style=\"max-width:"), std::string::npos) << tag;
    EXPECT_EQ(tag.find("height=\""), std::string::npos) << tag;  // the height follows the width
  }
  EXPECT_GT(charts, 10u);
}

TEST(ReportPage, HasContentsLinkingToEverySection) {
  EXPECT_EQ(report::with_contents("<p>x</p><h2>A b</h2><p>y</p><h2>A  b!</h2>"),
            "<p>x</p><nav class=\"contents\" aria-label=\"Contents\"><b>Contents</b><ol><li><a href=\"#a-b\">A b</a></li>"
            "<li><a href=\"#a-b-2\">A  b!</a></li></ol></nav><h2 id=\"a-b\">A b</h2><p>y</p><h2 id=\"a-b-2\">A  b!</h2>");
  EXPECT_EQ(report::with_contents("<p>no sections</p>"), "<p>no sections</p>");
  const std::string& h = flagship_report().html;
  const std::vector<std::string> ids = matches(h, "<h2 id=\"([^\"]+)\">");
  EXPECT_GE(ids.size(), 9u);
  for (const std::string& id : ids) {
    const std::size_t link = h.find("<a href=\"#" + id + "\">");
    EXPECT_NE(link, std::string::npos) << id;
    EXPECT_LT(link, h.find("<h2")) << id;  // the contents come first
  }
  EXPECT_EQ(h.find("<h2>"), std::string::npos);  // every section has its id
}

TEST(ReportPage, ShowsNamesAndKeepsTheIdsInTooltips) {
  const Scenario s = read_scenario_file(testing::source_path("scenarios/us-russia.yaml"));
  std::map<std::string, UncertainInput> by_name;
  for (const UncertainInput& in : scenario_parameters(s)) by_name[in.name] = in;
  EXPECT_EQ(report::input_label(s, by_name.at("ru-president.energy-economy.salience")),
            "Russian president (Putin) — Energy and economic ties — salience");
  EXPECT_EQ(report::input_label(s, by_name.at("ru-president.energy-economy.salience"), *s.find_issue("energy-economy")),
            "Russian president (Putin) — salience");
  EXPECT_EQ(report::input_label(s, by_name.at("us-congress.capability")), "US Congress (bipartisan Russia hawks) — capability");
  EXPECT_EQ(report::input_label(s, by_name.at("sanctions.status_quo")), "Sanctions on Russia — status quo");
  EXPECT_EQ(report::with_id("A & B", "a"), "<span title=\"a\">A &amp; B</span>");
  EXPECT_EQ(report::with_id("same", "same"), "same");
  const std::string& h = flagship_report().html;
  EXPECT_NE(h.find("<span title=\"ru-president.energy-economy.salience\">Russian president (Putin) — Energy and economic ties — "
                   "salience</span>"),
            std::string::npos);
  EXPECT_EQ(h.find("<td>ru-president.energy-economy.salience</td>"), std::string::npos);
  EXPECT_NE(h.find("<span title=\"sanctions\">Sanctions on Russia</span>"), std::string::npos);     // tables of issues
  EXPECT_NE(h.find("<b title=\"sanctions\">Sanctions on Russia</b>"), std::string::npos);           // captions
  EXPECT_NE(h.find("<title>Russian president (Putin) [ru-president]</title>"), std::string::npos);  // lines of positions
}

TEST(ReportPage, HasAGlossary) {
  const std::string& h = flagship_report().html;
  const std::size_t glossary = h.find("<h2 id=\"glossary\">Glossary</h2>");
  ASSERT_NE(glossary, std::string::npos);
  for (const char* term : {"bdm", "smp", "nbs", "compromise", "median", "P(zone)", "Sobol first-order index", "Sobol total index",
                           "class probability", "draws", "tornado", "zone of agreement"})
    EXPECT_NE(h.find("<dt>" + report::escape(term) + "</dt>", glossary), std::string::npos) << term;
  EXPECT_NE(h.find("<a href=\"#glossary\">Glossary</a>"), std::string::npos);
}

TEST(ReportPage, PrintsNoAbsolutePathOfTheMachine) {
  EXPECT_EQ(report::shown_path("/home/me/work/s.yaml", "/home/me"), "work/s.yaml");
  EXPECT_EQ(report::shown_path("/home/me/./work/../s.yaml", "/home/me/"), "s.yaml");
  EXPECT_EQ(report::shown_path("/tmp/x/s.yaml", "/home/me"), "s.yaml");
  EXPECT_EQ(report::shown_path("scenarios/s.yaml", "/anywhere"), "scenarios/s.yaml");
  const std::string& h = flagship_report().html;
  EXPECT_EQ(h.find(PARLEY_SOURCE_DIR), std::string::npos);
  EXPECT_EQ(h.find(std::filesystem::current_path().string() + "/"), std::string::npos);
  EXPECT_EQ(h.find("/work"), std::string::npos);
  const std::string cwd = std::filesystem::current_path().string();
  const std::string shown = report::shown_path(testing::source_path("scenarios/us-russia.yaml"), cwd);
  EXPECT_TRUE(shown == "us-russia.yaml" || shown == "scenarios/us-russia.yaml") << shown;
  EXPECT_NE(h.find("scenario " + shown + "."), std::string::npos);
}

}  // namespace
}  // namespace parley
