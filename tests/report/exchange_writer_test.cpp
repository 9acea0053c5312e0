// The exchange model's exchanges as the writers show them (issue #17 item 4): the table's account,
// the forecast's "exchanges" key and the exchange trace (golden files from generate.sh), and the
// report's section on linkage.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "parley/parley.hpp"
#include "parley/report.hpp"
#include "report/golden_support.hpp"
#include "report/linkage.hpp"
#include "report/output/exchange_text.hpp"
#include "report/svg.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using testing::expect_golden;
using testing::written;

const std::string kDecideSampleFile = std::string("tests/data/") + testing::kDecideSample;

Forecast exchange_run(const Scenario& s, const ModelOptions& options) { return find_model("exchange")->run(s, options); }

TEST(ExchangeWriter, TableJsonAndTraceAreWhatTheCommandPrints) {
  const Scenario s = testing::read_as_given(kDecideSampleFile);
  const Forecast f = exchange_run(s, {{"rounds", "4"}});
  expect_golden("run-exchange-decide-table.txt", written([&](std::ostream& out) { write_forecast(out, s, f, OutputFormat::table); }));
  const Forecast traced = exchange_run(s, {{"rounds", "2"}, {"trace", "true"}});  // as --rounds 2 --trace FILE
  expect_golden("run-exchange-decide-json.txt", written([&](std::ostream& out) { write_forecast(out, s, traced, OutputFormat::json); }));
  expect_golden("trace-exchange-decide.txt", written([&](std::ostream& out) { write_trace(out, s, traced); }));
}

TEST(ExchangeWriter, TheTableNamesTheLargestExchangesOfTheFirstRounds) {
  const Scenario s = testing::read_as_given(kDecideSampleFile);
  const Forecast f = exchange_run(s, {{"rounds", "4"}});
  const std::string text = report::exchange_account(s, f);
  EXPECT_NE(text.find("\nExchanges — round by round (the 3 largest of the first 3 rounds; every one in --format json)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(fmt::format("round  1: {} exchanges of 240 candidates (230 valid); the largest:\n", f.exchanges[0].exchanges.size())),
            std::string::npos)
      << text;
  // Round 1's largest: Wcentr gives 0 -> 61.05 on tolheffing-binnenstad (gain 75/38 = 1.97).
  EXPECT_NE(text.find("  gain 1.97 each: Wcentr moves on tolheffing-binnenstad 0.00 → 61.05 (mean "), std::string::npos) << text;
  EXPECT_NE(text.find("\n                  for "), std::string::npos) << text;
  const std::size_t round4 = text.find("round  4: ");
  ASSERT_NE(round4, std::string::npos) << text;
  EXPECT_EQ(text.find("the largest", round4), std::string::npos) << text;  // detail for the first 3 rounds only
  std::size_t lines = 0;
  for (std::size_t at = text.find("\n  gain"); at != std::string::npos; at = text.find("\n  gain", at + 1)) ++lines;
  EXPECT_EQ(lines, 9u) << text;  // 3 per round
  EXPECT_EQ(report::exchange_account(s, find_model("compromise")->run(s, {})), "");
}

TEST(ExchangeWriter, JsonHasExchangesOnlyForTheExchangeModel) {
  const Scenario s = testing::read_as_given(kDecideSampleFile);
  const auto j = nlohmann::json::parse(written([&](std::ostream& out) {
    write_forecast(out, s, exchange_run(s, {{"rounds", "2"}}), OutputFormat::json);
  }));
  ASSERT_EQ(j["exchanges"].size(), 2u);
  const auto& first = j["exchanges"][0];
  EXPECT_EQ(first["round"], 1);
  EXPECT_EQ(first["candidates"], 240);
  EXPECT_EQ(first["valid"], 230);
  const auto& side = first["realised"][0]["sides"][0];
  EXPECT_EQ(side["actor"], "Wcentr");
  EXPECT_EQ(side["supply"], "tolheffing-binnenstad");
  EXPECT_EQ(side["demand"], first["realised"][0]["sides"][1]["supply"]);
  EXPECT_DOUBLE_EQ(side["move"].get<double>(), side["to"].get<double>() - side["from"].get<double>());
  const auto other = nlohmann::json::parse(
      written([&](std::ostream& out) { write_forecast(out, s, find_model("compromise")->run(s, {}), OutputFormat::json); }));
  EXPECT_FALSE(other.contains("exchanges"));
}

TEST(ExchangeWriter, TheTraceHasOneLinePerRoundAndTheStartPositionsWhenTraced) {
  const Scenario s = testing::read_as_given(kDecideSampleFile);
  for (const bool traced : {false, true}) {
    const std::string text = written([&](std::ostream& out) {
      write_trace(out, s, exchange_run(s, {{"rounds", "2"}, {"trace", traced ? "true" : "false"}}));
    });
    EXPECT_EQ(text.rfind("{\"schema\":\"parley.exchange-trace/1\",", 0), 0u) << text.substr(0, 80);
    const auto j = nlohmann::json::parse(text);
    ASSERT_EQ(j["rounds"].size(), 3u);
    EXPECT_EQ(j["rounds"][0]["round"], 0);
    EXPECT_FALSE(j["rounds"][0].contains("realised"));
    EXPECT_EQ(j["rounds"][1]["candidates"], 240);
    EXPECT_EQ(j["rounds"][2]["means"].size(), s.issues().size());
    EXPECT_EQ(j["rounds"][2]["positions"][0].size(), s.actors().size());
    EXPECT_EQ(j["rounds"][1].contains("start"), traced);
    std::size_t lines = 0;
    for (char c : text) lines += c == '\n';
    EXPECT_EQ(lines, 6u);  // the head, "rounds": [, round 0, rounds 1 and 2, the end
  }
}

/// Two actors, two issues with labelled ends: a trades "sanctions" down for b's "terms" up.
Scenario linkage_scenario() {
  Scenario sc;
  for (const char* a : {"a", "b"})
    sc.add_actor(Actor{a, std::string(a) == "a" ? "Alpha" : "Beta", ActorKind::other, {Uncertain::point(1), -1}, "", std::nullopt});
  Issue sanctions;
  sanctions.id = "sanctions", sanctions.label = "Sanctions <on> Russia";
  sanctions.scale = {0, 100, "all lifted", "full isolation"};
  Issue terms;
  terms.id = "terms", terms.label = "Terms", terms.scale = {0, 10, "", ""};
  sc.add_issue(sanctions);
  sc.add_issue(terms);
  return sc;
}

TradedExchange trade(double gain_a, double gain_b, double terms_to) {
  return {{0, 0, 80, 62, 20, -18, gain_a, 56, 50}, {1, 1, 2, terms_to, 8, terms_to - 2, gain_b, 4, 5}, gain_a};
}

TEST(ExchangeLinkage, SaysEachTradeInWords) {
  const Scenario s = linkage_scenario();
  EXPECT_EQ(report::trade_words(s, trade(1.94, 1.94, 5)),
            "Alpha gives ground on Sanctions <on> Russia (80.0 → 62.0, toward ‘all lifted’) in return for Beta giving ground on Terms "
            "(2.0 → 5.0, toward the high end); each gains 1.9");
  EXPECT_TRUE(report::trade_words(s, trade(1.2, 2.6, 1)).ends_with("Terms (2.0 → 1.0, toward the low end); they gain 1.2 and 2.6"));
}

TEST(ExchangeLinkage, TheSectionNamesTheLargestTradesOnceEach) {
  const Scenario s = linkage_scenario();
  Forecast f;
  f.model = "exchange";
  f.exchanges = {{1, 4, 3, {trade(1, 1, 3), trade(3, 3, 5)}, {}}, {2, 4, 3, {trade(2, 2, 4)}, {}}};
  const std::vector<const TradedExchange*> top = report::largest_trades(f, 3);
  ASSERT_EQ(top.size(), 1u);  // the same two actors on the same two issues: the largest only
  EXPECT_EQ(top[0]->gain, 3);
  const std::string h = report::linkage_section(s, f);
  EXPECT_EQ(h.rfind("<h2>Linkage: trades between issues</h2>", 0), 0u) << h;
  EXPECT_NE(h.find("realises 3 exchanges in 2 rounds"), std::string::npos) << h;
  EXPECT_NE(h.find("<li>Alpha gives ground on Sanctions &lt;on&gt; Russia"), std::string::npos) << h;
  EXPECT_NE(h.find(">3</td><td class=\"n\">12.0</td>"), std::string::npos) << h;  // 3 exchanges, gains 2 + 6 + 4
  EXPECT_EQ(report::linkage_section(s, Forecast{}), "");
}

TEST(ExchangeLinkage, TheReportHasTheSectionOnlyWithTheExchangeModel) {
  const Scenario s = testing::read_as_given(kDecideSampleFile);
  ReportOptions o;
  o.draws = 4;
  o.models = {find_model("compromise"), find_model("exchange")};
  const Report with = build_report(s, o);
  EXPECT_NE(with.html.find("<h2 id=\"linkage-trades-between-issues\">Linkage: trades between issues</h2>"), std::string::npos);
  const Forecast point = exchange_run(s, {});
  const std::string largest = report::trade_words(s, *report::largest_trades(point, 1).at(0));
  EXPECT_NE(with.html.find("<li>" + report::escape(largest) + ".</li>"), std::string::npos) << largest;
  o.models = {find_model("compromise")};
  EXPECT_EQ(build_report(s, o).html.find("Linkage"), std::string::npos);
}

}  // namespace
}  // namespace parley
