#include "parley/report.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <regex>

#include "models/model_fixtures.hpp"
#include "parley/parley.hpp"
#include "report/golden_support.hpp"
#include "report/headline.hpp"
#include "report/svg.hpp"
#include "report/timeline.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

TEST(Report, EscapesText) { EXPECT_EQ(report::escape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;"); }

TEST(Report, IsSelfContainedAndCoversEveryModelIssueAndInput) {
  const Scenario s = testing::flagship_scenario();
  ReportOptions o;
  o.draws = 100;
  o.threads = 2;
  const Report r = build_report(s, o);
  const std::string& h = r.html;
  EXPECT_EQ(h.find("<script"), std::string::npos);
  EXPECT_EQ(h.find("<link"), std::string::npos);
  EXPECT_EQ(h.find("src="), std::string::npos);
  EXPECT_FALSE(std::regex_search(h, std::regex("href=\"[^#]")));                           // links only within the page
  EXPECT_FALSE(std::regex_search(h, std::regex("https?://(?!www\\.w3\\.org/2000/svg)")));  // only the SVG namespace
  for (const Model* m : all_models()) EXPECT_NE(h.find("<th>" + std::string(m->name()) + "</th>"), std::string::npos) << m->name();
  for (const Issue& i : s.issues()) EXPECT_NE(h.find(report::escape(i.label)), std::string::npos) << i.id;
  for (const UncertainInput& in : uncertain_inputs(s))
    EXPECT_NE(h.find("<td><span title=\"" + in.name + "\">"), std::string::npos) << in.name;
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

TEST(Report, MarksAModelThatCyclesInItsTable) {
  // A weak swing actor between two strong blocs: bdm 2-cycles from round 1 (tests/models/dynamics_test.cpp).
  const Scenario s = testing::one_issue({{0, 0.2, 0.2}, {10, 2, 0.5}, {70, 2, 0.5}});
  ReportOptions o;
  o.models = {find_model("compromise"), find_model("bdm")};
  o.draws = 5;
  const std::string h = build_report(s, o).html;
  EXPECT_NE(h.find("<small title=\"2-cycle from round 1: the forecast is the mean over the cycle\">(2-cycle)</small>"), std::string::npos);
  EXPECT_NE(h.find("(p-cycle): the model's positions repeat every p rounds"), std::string::npos);
  o.models = {find_model("compromise")};
  EXPECT_EQ(build_report(s, o).html.find("(p-cycle)"), std::string::npos);  // no note without a mark
}

TEST(Report, MarksTheEventsAndSaysWhichMovesTheForecastMost) {
  const Scenario s = testing::flagship_scenario();
  ReportOptions o;
  o.models = {find_model("compromise"), find_model("bdm")};
  o.draws = 50;
  const Report r = build_report(s, o);
  EXPECT_NE(r.html.find("<h2 id=\"timeline\">Timeline</h2>"), std::string::npos);
  for (const Event& e : s.events) EXPECT_NE(r.html.find(report::escape(e.label)), std::string::npos) << e.id;
  // One numbered dashed line per event in each chart of positions.
  std::size_t marks = 0;
  for (std::size_t p = r.html.find("stroke-dasharray=\"2 3\""); p != std::string::npos; p = r.html.find("stroke-dasharray=\"2 3\"", p + 1))
    ++marks;
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
  ReportSummary summary;
  summary.events = report::event_shift(s, {one_shot});
  EXPECT_EQ(
      summary_points(summary),
      std::vector<std::string>{"Events: Big move moves the forecast most, I by +20.0 on average over 1 model; over the whole timeline (2 "
                               "events) that issue moves by +15.0."});
  // A model with rounds: the median each event met, then the outcome.
  const Forecast bdm = find_model("bdm")->run(s, {});
  const report::StageForecasts rounds = report::stage_forecasts(s, bdm);
  EXPECT_EQ(rounds.values[0][0], bdm.issues[0].rounds[0].median);
  EXPECT_EQ(rounds.values[1][0], bdm.issues[0].rounds[1].median);
  EXPECT_EQ(rounds.values[2][0], *bdm.issues[0].outcome);
}

TEST(Report, SameInputsSameBytes) {
  const Scenario s = testing::flagship_scenario();
  ReportOptions o;
  o.models = {find_model("compromise"), find_model("smp")};
  o.draws = 50;
  o.threads = 1;
  const std::string one = build_report(s, o).html;
  o.threads = 3;
  EXPECT_EQ(build_report(s, o).html, one);
  EXPECT_NE(one.find("Positions over rounds (smp)"), std::string::npos);  // the first model with rounds leads
}

/// The report `parley report FILE --models MODELS --draws N --threads 2` writes.
Report report_of(const std::string& file, const std::vector<const char*>& models, std::uint64_t draws) {
  ReportOptions o;
  for (const char* m : models) o.models.push_back(find_model(m));
  o.draws = draws;
  o.threads = 2;
  o.scenario_file = file;
  return build_report(testing::read_as_given(file), o);
}

TEST(Report, WritesWhatParleyReportWrites) {
  const Report flagship = report_of("scenarios/us-russia.yaml", {"compromise", "median", "bdm"}, 60);
  testing::expect_golden("report-flagship-html.txt", flagship.html);
  testing::expect_golden("report-flagship-summary.txt", flagship.summary);
  const Report arms = report_of("scenarios/examples/arms-control.yaml", {"nbs", "smp"}, 40);
  testing::expect_golden("report-arms-html.txt", arms.html);
  testing::expect_golden("report-arms-summary.txt", arms.summary);
}

TEST(Report, RendersItsSummaryDataOnceAsTextAndOnceAsHtml) {
  const Report r = report_of("scenarios/us-russia.yaml", {"compromise", "bdm"}, 30);
  const ReportSummary& d = r.summary_data;
  EXPECT_EQ(d.title, "US–Russia relations under Trump and Putin (flagship)");
  EXPECT_EQ(d.ensemble.models, (std::vector<std::string>{"compromise", "bdm"}));
  EXPECT_EQ(d.forecasts.size(), testing::flagship_scenario().issues().size());
  EXPECT_EQ(d.lead, "bdm");
  ASSERT_EQ(d.most_likely.size(), 2u);  // the groups "relations" and "war"
  EXPECT_FALSE(d.drivers.empty());
  ASSERT_TRUE(d.events.has_value());
  EXPECT_TRUE(d.events->moves);
  EXPECT_FALSE(d.unlikely_deals.empty());
  const std::vector<std::string> points = summary_points(d);
  // The ensemble, the forecasts, where the probabilities come from, the likely classes, ...
  EXPECT_EQ(points.size(), 1 + d.forecasts.size() + 1 + d.most_likely.size() + d.contradictions.size() + 1 + 1 + d.unlikely_deals.size());
  EXPECT_TRUE(d.with_model_error);  // both models are in the shipped skill table
  std::string text = d.title + "\n", html = "<div class=\"summary\"><ul>";
  for (const std::string& p : points) text += "- " + p + "\n", html += "<li>" + report::escape(p) + "</li>";
  EXPECT_EQ(r.summary, text);
  EXPECT_EQ(summary_html(d), html + "</ul></div>");
  EXPECT_NE(r.html.find("<h2 id=\"summary\">Summary</h2>" + summary_html(d)), std::string::npos);
}

/// A skill table of the test's own (never the shipped placeholder's numbers).
SkillTable skill_of(std::vector<std::pair<std::string, double>> weights) {
  SkillTable t;
  t.data = "test data";
  t.command = "parley backtest --cross-validate t.tsv";
  for (const auto& [model, weight] : weights) {
    ModelSkill m;
    m.model = model, m.weight = weight;
    t.models.push_back(m);
  }
  return t;
}

TEST(ReportSummary, SaysWhatItKnowsAndLeavesOutWhatItDoesNot) {
  ReportSummary d;
  d.title = "T";
  d.ensemble = ensemble_weights(skill_of({{"a", 3}, {"b", 1}}), {"a", "b", "c"});
  d.forecasts = {{"Terms", 55, {50, 70, std::nan("")}}};
  d.most_likely = {
      {"war", "ceasefire", wilson_interval(120, 200), {wilson_interval(80, 200), wilson_interval(200, 200), {}}, wilson_interval(0, 200)}};
  d.contradictions = {{"ceasefire", wilson_interval(120, 200), "Terms", wilson_interval(0, 200)}};
  d.lead = "bdm";
  d.drivers = {{"a.capability", 0.25}, {"b.i.position", 0.15}};
  d.events = ReportSummary::EventShift{2, 3, false, "", "", 0, 0};
  Proportion zone;
  zone.total = 8, zone.count = 2, zone.estimate = 0.25, zone.low = 0.125, zone.high = 0.375;
  d.unlikely_deals = {{"Terms", zone, "", "", 0, 0}, {"Sanctions", zone, "Senate", "Duma", 60, 40}};
  EXPECT_EQ(
      summary_text(d),
      "T\n"
      "- Ensemble: the skill-weighted mean of 3 models (weights a 0.75, b 0.25, c 0.00; from the skill table of test data, made by "
      "`parley backtest --cross-validate t.tsv`); c has no weight in the skill table and is left out.\n"
      "- Forecast of Terms: 55.0 (a 50.0, b 70.0, c —).\n"
      "- Probabilities come from the spread of the inputs only (no model has a measured error).\n"
      "- Most likely (war): ceasefire — 60 % in the ensemble (a 40 %, b in all 200 draws (≥ 98.1 %, 95 % interval), c < 1 %); draws in "
      "no class of war: in none of 200 draws (≤ 1.9 %, 95 % interval).\n"
      "- Contradiction: ceasefire is judged likely (60 % in the ensemble), yet it depends on Terms, where a zone of agreement exists in "
      "none of 200 draws (≤ 1.9 %, 95 % interval).\n"
      "- What drives the forecast (bdm, one input at a time): a.capability (moves an outcome by up to 25 % of its scale); b.i.position "
      "(moves an outcome by up to 15 % of its scale).\n"
      "- The 2 events leave every forecast where it was.\n"
      "- No deal likely on Terms: a zone of agreement exists in 25 % of draws [0.125, 0.375].\n"
      "- No deal likely on Sanctions: a zone of agreement exists in 25 % of draws [0.125, 0.375]; Senate's floor (60.0) is above Duma's "
      "ceiling (40.0).\n");
  EXPECT_EQ(summary_text(ReportSummary{}), "\n");
}

TEST(ReportSummary, SaysWhenNoModelIsInTheSkillTable) {
  ReportSummary d;
  d.ensemble = ensemble_weights(skill_of({}), {"x", "y"});
  EXPECT_EQ(summary_points(d).at(0),
            "Ensemble: the mean of 2 models with equal weights (x 0.50, y 0.50), as none of them is in the skill table.");
}

/// One issue "i" on 0-100 and two classes of one group over it.
Scenario deadlocked() {
  Scenario s = testing::one_issue({{30}, {70}}, 50);
  s.issue(0).label = "Terms";
  s.outcome_classes = {{"middle", "", "i in [0, 100]", "agreed"}, {"never", "", "i > 200", "agreed"}};
  return s;
}

/// Two models on deadlocked(): a forecasts 40 and finds "middle" in 90 % of its draws (10 % in no
/// class), b forecasts 80 and finds it in 50 % (50 % in no class).
struct TwoModels {
  Forecast fa, fb;
  SweepSummary sa, sb;
  TwoModels() {
    fa.issues = {IssueForecast{}}, fb.issues = {IssueForecast{}};
    fa.issues[0].outcome = 40, fb.issues[0].outcome = 80;
    sa.classes = {{"middle", "", "agreed", wilson_interval(90, 100)}, {"never", "", "agreed", wilson_interval(0, 100)}};
    sb.classes = {{"middle", "", "agreed", wilson_interval(50, 100)}, {"never", "", "agreed", wilson_interval(0, 100)}};
    sa.unclassified = {{"agreed", wilson_interval(10, 100)}};
    sb.unclassified = {{"agreed", wilson_interval(50, 100)}};
  }
  std::vector<report::ModelOutcome> models() const { return {{"a", &fa, &sa}, {"b", &fb, &sb}}; }
};

TEST(Headline, FlagsTheMostLikelyClassOfAGroupAndTheIssuesItNeedsADealOn) {
  // Two issues: the class names only "i", but needs a deal on "terms", where no zone exists. It is
  // the most likely of its group at 40 %, below one half.
  Scenario s = testing::one_issue({{30}, {70}}, 50);
  Issue terms = s.issue(0);
  terms.id = "terms";
  terms.label = "Terms";
  s.add_issue(terms);
  OutcomeClass ceasefire{"ceasefire", "", "i in [0, 60]", "war"};
  OutcomeClass other{"war-goes-on", "", "i > 60", "war"};
  ceasefire.needs_deal_on = {1};
  s.outcome_classes = {ceasefire, other};
  Forecast f;
  f.issues = {IssueForecast{}, IssueForecast{}};
  f.issues[0].outcome = 40, f.issues[1].outcome = 50;
  SweepSummary sw;
  sw.classes = {{"ceasefire", "", "war", wilson_interval(40, 100)}, {"war-goes-on", "", "war", wilson_interval(35, 100)}};
  sw.unclassified = {{"war", wilson_interval(25, 100)}};
  const std::vector<report::ModelOutcome> models{{"a", &f, &sw}};
  FeasibilityOdds odds;
  odds.zone = {wilson_interval(90, 100), wilson_interval(0, 100)};
  ReportSummary d;
  report::fill_headline(d, s, models, skill_of({{"a", 1}}), &odds);
  ASSERT_EQ(d.contradictions.size(), 1u);
  EXPECT_EQ(d.contradictions[0].name, "ceasefire");
  EXPECT_EQ(d.contradictions[0].issue, "Terms");
  // Without needs_deal_on the class depends on "i" alone, where a deal is likely: no remark.
  s.outcome_classes[0].needs_deal_on.clear();
  ReportSummary none;
  report::fill_headline(none, s, models, skill_of({{"a", 1}}), &odds);
  EXPECT_TRUE(none.contradictions.empty());
  // A class that is neither over one half nor the most likely of its group is not flagged.
  s.outcome_classes[0].needs_deal_on = {1};
  sw.classes[1].probability = wilson_interval(50, 100);
  ReportSummary second;
  report::fill_headline(second, s, models, skill_of({{"a", 1}}), &odds);
  EXPECT_TRUE(second.contradictions.empty());
}

TEST(Headline, TheEnsembleWeighsModelsBySkillAndFlagsAContradiction) {
  const Scenario s = deadlocked();
  TwoModels two;
  const std::vector<report::ModelOutcome> models = two.models();
  FeasibilityOdds odds;
  odds.zone = {wilson_interval(10, 100)};
  ReportSummary d;
  report::fill_headline(d, s, models, skill_of({{"a", 3}, {"b", 1}}), &odds);
  EXPECT_DOUBLE_EQ(d.forecasts.at(0).ensemble, 0.75 * 40 + 0.25 * 80);
  ASSERT_EQ(d.most_likely.size(), 1u);
  EXPECT_EQ(d.most_likely[0].name, "middle");
  EXPECT_DOUBLE_EQ(d.most_likely[0].ensemble.estimate, 0.75 * 0.9 + 0.25 * 0.5);
  EXPECT_DOUBLE_EQ(d.most_likely[0].unclassified.estimate, 0.75 * 0.1 + 0.25 * 0.5);
  ASSERT_EQ(d.contradictions.size(), 1u);
  EXPECT_EQ(d.contradictions[0].name, "middle");
  EXPECT_EQ(d.contradictions[0].issue, "Terms");
  EXPECT_DOUBLE_EQ(d.contradictions[0].zone.estimate, 0.1);
  // No contradiction where a deal is likely, or without feasibility.
  odds.zone = {wilson_interval(60, 100)};
  ReportSummary ok;
  report::fill_headline(ok, s, models, skill_of({{"a", 3}, {"b", 1}}), &odds);
  EXPECT_TRUE(ok.contradictions.empty());
  ReportSummary without;
  report::fill_headline(without, s, models, skill_of({{"a", 3}, {"b", 1}}), nullptr);
  EXPECT_TRUE(without.contradictions.empty());
  // The Summary's tables show the weights, the ensemble beside each model and the draws in no class.
  const std::string h = report::headline_html(d, s, models);
  EXPECT_NE(h.find("<th>a <small>(weight 0.75)</small></th>"), std::string::npos) << h;
  EXPECT_NE(h.find("<b>50.0</b>"), std::string::npos) << h;
  EXPECT_NE(h.find("<td>in no class of agreed</td><td class=\"n\"><b>20 %</b></td>"), std::string::npos) << h;
  EXPECT_NE(h.find("<td>never</td><td class=\"n\"><b>≤ 3.7 %</b></td>"), std::string::npos) << h;
  EXPECT_NE(h.find("Weights from the skill table of test data (parley backtest --cross-validate t.tsv)."), std::string::npos) << h;
}

TEST(Headline, UsesEachModelsProbabilitiesWithModelErrorWhereItHasThem) {
  const Scenario s = deadlocked();
  TwoModels two;
  // a's measured error moves draws out of "middle" and into no class; b has none.
  ModelErrorSummary ea{"a",
                       "test data",
                       {},
                       {{"middle", "", "agreed", wilson_interval(70, 100)}, {"never", "", "agreed", wilson_interval(0, 100)}},
                       {{"agreed", wilson_interval(30, 100)}}};
  two.sa.with_model_error = ea;
  const std::vector<report::ModelOutcome> models = two.models();
  ReportSummary d;
  report::fill_headline(d, s, models, skill_of({{"a", 3}, {"b", 1}}), nullptr);
  ASSERT_EQ(d.most_likely.size(), 1u);
  EXPECT_DOUBLE_EQ(d.most_likely[0].ensemble.estimate, 0.75 * 0.7 + 0.25 * 0.5);
  EXPECT_DOUBLE_EQ(d.most_likely[0].models[0].estimate, 0.7);
  EXPECT_DOUBLE_EQ(d.most_likely[0].unclassified.estimate, 0.75 * 0.3 + 0.25 * 0.5);
  EXPECT_TRUE(d.with_model_error);
  EXPECT_EQ(d.inputs_only, std::vector<std::string>{"b"});
  const std::string words = report::probability_basis(d);
  EXPECT_EQ(words.rfind("Probabilities include each model's measured error", 0), 0u) << words;
  EXPECT_NE(words.find("b's come from the inputs only"), std::string::npos) << words;
  EXPECT_NE(summary_text(d).find("- " + words + "\n- Most likely (agreed)"), std::string::npos) << summary_text(d);
  EXPECT_NE(report::headline_html(d, s, models).find("Probabilities include each model&#39;s measured error"), std::string::npos)
      << report::headline_html(d, s, models);
}

}  // namespace
}  // namespace parley
