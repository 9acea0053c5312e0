#include "parley/report.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "parley/parley.hpp"
#include "report/svg.hpp"
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
