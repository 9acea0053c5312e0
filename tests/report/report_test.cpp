#include "parley/report.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "parley/parley.hpp"
#include "models/model_fixtures.hpp"
#include "report/svg.hpp"
#include "report/timeline.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

Scenario flagship() { return read_scenario_file(testing::source_path("scenarios/us-russia.yaml")); }

TEST(Report, EscapesText) { EXPECT_EQ(report::escape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;"); }

TEST(Report, IsSelfContainedAndCoversEveryModelIssueAndInput) {
  const Scenario s = flagship();
  ReportOptions o;
  o.draws = 100;
  o.threads = 2;
  const Report r = build_report(s, o);
  const std::string& h = r.html;
  EXPECT_EQ(h.find("<script"), std::string::npos);
  EXPECT_EQ(h.find("<link"), std::string::npos);
  EXPECT_EQ(h.find("src="), std::string::npos);
  EXPECT_EQ(h.find("href="), std::string::npos);
  EXPECT_FALSE(std::regex_search(h, std::regex("https?://(?!www\\.w3\\.org/2000/svg)")));  // only the SVG namespace
  for (const Model* m : all_models()) EXPECT_NE(h.find("<th>" + std::string(m->name()) + "</th>"), std::string::npos) << m->name();
  for (const Issue& i : s.issues()) EXPECT_NE(h.find(report::escape(i.label)), std::string::npos) << i.id;
  for (const UncertainInput& in : uncertain_inputs(s)) EXPECT_NE(h.find("<td>" + in.name + "</td>"), std::string::npos) << in.name;
  for (const char* section : {"Summary", "Forecasts by issue", "Positions over rounds (bdm)", "Outcome probabilities", "tornado (bdm)",
                              "Deal feasibility", "Provenance"})
    EXPECT_NE(h.find(section), std::string::npos) << section;
  // The summary names the most likely class of each group and the blocked settlement.
  EXPECT_NE(r.summary.find("Most likely (relations): "), std::string::npos) << r.summary;
  EXPECT_NE(r.summary.find("Most likely (war): "), std::string::npos);
  EXPECT_NE(r.summary.find("No deal likely on Terms of a settlement in Ukraine"), std::string::npos);
  // Every SVG is closed and titled.
  std::size_t open = 0, close = 0;
  for (std::size_t p = h.find("<svg"); p != std::string::npos; p = h.find("<svg", p + 1)) ++open;
  for (std::size_t p = h.find("</svg>"); p != std::string::npos; p = h.find("</svg>", p + 1)) ++close;
  EXPECT_EQ(open, close);
  EXPECT_GE(open, s.issues().size() * 3);
}

TEST(Report, MarksTheEventsAndSaysWhichMovesTheForecastMost) {
  const Scenario s = flagship();
  ReportOptions o;
  o.models = {find_model("compromise"), find_model("bdm")};
  o.draws = 50;
  const Report r = build_report(s, o);
  EXPECT_NE(r.html.find("<h2>Timeline</h2>"), std::string::npos);
  for (const Event& e : s.events) EXPECT_NE(r.html.find(report::escape(e.label)), std::string::npos) << e.id;
  // One numbered dashed line per event in each chart of positions.
  std::size_t marks = 0;
  for (std::size_t p = r.html.find("stroke-dasharray=\"2 3\""); p != std::string::npos; p = r.html.find("stroke-dasharray=\"2 3\"", p + 1)) ++marks;
  EXPECT_EQ(marks, s.events.size() * s.issues().size());
  EXPECT_NE(r.summary.find("- Events: "), std::string::npos) << r.summary;
}

TEST(ReportTimeline, StagesAndTheLargestShiftInAClosedFormCase) {
  // compromise on one issue, equal weights: 0 and 100 give 50; moving a1 to 90 gives 45; then a0 to 40 gives 65.
  Scenario s = testing::one_issue({{0}, {100}});
  const auto move = [](std::size_t actor, double x) {
    return EventChange{EventChange::Field::position, actor, 0, Parameter{Uncertain::point(x), -1}};
  };
  s.events = {Event{"small", "", "", 1, -1, {move(1, 90)}, {}, {}}, Event{"big", "Big move", "", 2, -1, {move(0, 40)}, {}, {}}};
  const report::StageForecasts one_shot = report::stage_forecasts(s, find_model("compromise")->run(s, {}));
  ASSERT_EQ(one_shot.values.size(), 3u);
  EXPECT_DOUBLE_EQ(one_shot.values[0][0], 50);
  EXPECT_DOUBLE_EQ(one_shot.values[1][0], 45);
  EXPECT_DOUBLE_EQ(one_shot.values[2][0], 65);
  EXPECT_EQ(report::timeline_summary(s, {one_shot}),
            "- Events: Big move moves the forecast most, I by +20.0 on average over 1 model; over the whole timeline (2 events) that issue "
            "moves by +15.0.\n");
  // A model with rounds: the median each event met, then the outcome.
  const Forecast bdm = find_model("bdm")->run(s, {});
  const report::StageForecasts rounds = report::stage_forecasts(s, bdm);
  EXPECT_EQ(rounds.values[0][0], bdm.issues[0].rounds[0].median);
  EXPECT_EQ(rounds.values[1][0], bdm.issues[0].rounds[1].median);
  EXPECT_EQ(rounds.values[2][0], *bdm.issues[0].outcome);
}

TEST(Report, SameInputsSameBytes) {
  const Scenario s = flagship();
  ReportOptions o;
  o.models = {find_model("compromise"), find_model("smp")};
  o.draws = 50;
  o.threads = 1;
  const std::string one = build_report(s, o).html;
  o.threads = 3;
  EXPECT_EQ(build_report(s, o).html, one);
  EXPECT_NE(one.find("Positions over rounds (smp)"), std::string::npos);  // the first model with rounds leads
}

}  // namespace
}  // namespace parley
