// parley's smp against KTAB's own runs: every CSV reference in tests/data/ktab/results (this
// machine, 2026) and the per-turn details of the full 2017 logs. Values are compared as the text
// KTAB prints, so the tolerance is exactly KTAB's printed precision.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <regex>

#include "parley/io.hpp"
#include "parley/model.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using testing::data_path;
using testing::read_text;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::vector<std::string> words_after_colon(const std::string& line) {
  std::istringstream in(line.substr(line.rfind(':') + 1));
  std::vector<std::string> w;
  for (std::string x; in >> x;) w.push_back(x);
  return w;
}

Forecast run_smp(const Scenario& s, const ModelOptions& options = {}) { return find_model("smp")->run(s, options); }

struct Case {
  const char* input;
  const char* result;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.input << " -> " << c.result; }
std::string case_name(const ::testing::TestParamInfo<Case>& param_info) { return testing::readable_name(param_info.param.input); }

class KtabReference : public ::testing::TestWithParam<Case> {};

/// Every turn of the reference run: the fractional changes, the number of states, every position
/// and every probability of prevailing, as KTAB prints them.
void expect_reference_run(const Case& c, const ModelOptions& options) {
  const Scenario s = read_scenario_file(data_path(std::string("ktab/") + c.input));
  const Forecast f = run_smp(s, options);
  const std::vector<std::string> ref = lines_of(read_text(data_path(std::string("ktab/results/") + c.result)));
  std::vector<std::string> change;
  std::size_t at = 0;
  for (; at < ref.size() && ref[at].rfind("Fractional change", 0) == 0; ++at)
    change.push_back(std::regex_replace(ref[at], std::regex(".*step: ([0-9.]+).*"), "$1"));
  ASSERT_EQ(f.turns.size(), change.size() + 1) << "number of states";
  for (std::size_t t = 1; t < f.turns.size(); ++t) EXPECT_EQ(fmt::format("{:.4f}", f.turns[t].change), change[t - 1]) << "turn " << t;
  EXPECT_NE(ref[at].find(fmt::format("There were {} states", f.turns.size())), std::string::npos);
  at += 2;  // "History of actor positions over time:"
  const std::size_t n = s.actors().size(), d = s.issues().size();
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t k = 0; k < d; ++k, ++at) {
      const std::vector<std::string> want = words_after_colon(ref[at]);
      ASSERT_EQ(want.size(), f.turns.size()) << ref[at];
      for (std::size_t t = 0; t < f.turns.size(); ++t)
        EXPECT_EQ(fmt::format("{:.1f}", f.turns[t].positions[a * d + k]), want[t]) << s.actor(a).id << " dim " << k << " turn " << t;
    }
  EXPECT_EQ(ref[at++].rfind("History of actors' winning probabilities", 0), 0u);
  for (std::size_t a = 0; a < n; ++a, ++at) {
    const std::vector<std::string> want = words_after_colon(ref[at]);
    ASSERT_EQ(want.size(), f.turns.size());
    for (std::size_t t = 0; t < f.turns.size(); ++t)
      EXPECT_EQ(fmt::format("{:.4f}", f.turns[t].prevail[a]), want[t]) << s.actor(a).id << " turn " << t;
  }
}

TEST_P(KtabReference, ReproducesEveryTurnToThePrintedPrecision) { expect_reference_run(GetParam(), {}); }

// precision=fast rearranges the third parties' votes, the coalitions and the bargain values: the
// last bits differ, and KTAB's printed runs must still come out, every turn.
TEST_P(KtabReference, ReproducesEveryTurnToThePrintedPrecisionWithPrecisionFast) {
  expect_reference_run(GetParam(), {{"precision", "fast"}});
}

INSTANTIATE_TEST_SUITE_P(AllCsvReferences, KtabReference,
                         ::testing::Values(Case{"dummyData_3Dim.csv", "3Dim-result.txt"}, Case{"dummyData_6Dim.csv", "6Dim-result.txt"},
                                           Case{"SOE-Pol-Comp.csv", "SOE-result.txt"}, Case{"dummyData-a040.csv", "a040-result.txt"},
                                           Case{"dummyData-a080.csv", "a080-result.txt"}, Case{"dummyData-a160.csv", "a160-result.txt"},
                                           Case{"dummyData_3Dim-fixed.xml", "3Dim-result.txt"}),
                         case_name);

/// Per turn of a full 2017 log: the inferred risk attitudes and every "actor i has most
/// advantageous target j worth x" line.
struct LogTurn {
  std::vector<std::string> risk;
  std::vector<std::string> targets;  // "i j worth", sorted
};

std::vector<LogTurn> read_log(const std::string& path) {
  std::vector<LogTurn> turns;
  const std::vector<std::string> log = lines_of(read_text(path));
  const std::regex target("In turn ([0-9]+) actor ([0-9]+) has most advantageous target ([0-9]+) worth ([0-9.]+).*");
  for (std::size_t i = 0; i < log.size(); ++i) {
    std::smatch m;
    if (log[i].rfind("Inferred risk attitudes", 0) == 0) {
      turns.emplace_back();
      for (std::size_t k = i + 1; k < log.size() && log[k].find_first_of("+-") == 1; ++k) turns.back().risk.push_back(log[k].substr(1, 6));
    } else if (std::regex_match(log[i], m, target)) {
      const auto t = std::stoul(m[1]);
      turns.at(t).targets.push_back(m[2].str() + " " + m[3].str() + " " + m[4].str());
    }
  }
  for (LogTurn& t : turns) std::sort(t.targets.begin(), t.targets.end());
  return turns;
}

std::vector<LogTurn> ours(const Forecast& f) {
  std::vector<LogTurn> turns(f.turns.size());
  for (std::size_t t = 0; t < f.turns.size(); ++t) {
    for (double r : f.turns[t].risk) turns[t].risk.push_back(fmt::format("{:+.3f}", r));
    if (t == 0) continue;
    for (const Challenge& c : f.turns[t].challenges)
      turns[t - 1].targets.push_back(fmt::format("{} {} {:.3f}", c.initiator, c.receiver, c.expected_gain));
  }
  for (LogTurn& t : turns) std::sort(t.targets.begin(), t.targets.end());
  return turns;
}

class KtabLog : public ::testing::TestWithParam<Case> {};

TEST_P(KtabLog, RiskAttitudesAndChallengesMatchEveryTurnOfThe2017Log) {
  const std::vector<LogTurn> want = read_log(data_path(std::string("ktab/") + GetParam().result));
  const std::vector<LogTurn> got = ours(run_smp(read_scenario_file(data_path(std::string("ktab/") + GetParam().input))));
  ASSERT_EQ(got.size(), want.size());
  ASSERT_FALSE(want[0].targets.empty());
  ASSERT_EQ(want[0].risk.size(), got[0].risk.size());
  for (std::size_t t = 0; t < want.size(); ++t) {
    EXPECT_EQ(got[t].risk, want[t].risk) << "turn " << t;
    EXPECT_EQ(got[t].targets, want[t].targets) << "turn " << t;
  }
}

INSTANTIATE_TEST_SUITE_P(Logs2017, KtabLog,
                         ::testing::Values(Case{"dummyData_3Dim.csv", "20170530_ref-dummyData_3Dim.txt"},
                                           Case{"SOE-Pol-Comp.csv", "20170530_ref-SOE-Pol-Comp.txt"}),
                         case_name);

TEST(KtabLog, StochasticExampleAgreesUpToTheFirstRandomDraw) {
  // smpExample (XML: Markov-incentive elections, PropCbc voting, ideal adjustment, stochastic
  // transitions). Everything before the first draw is deterministic: the starting risk attitudes
  // and the first turn's challenges.
  const std::vector<LogTurn> want = read_log(data_path("ktab/20170530_ref-smpExample.txt"));
  const std::vector<LogTurn> got = ours(run_smp(read_scenario_file(data_path("ktab/smpExample-fixed.xml"))));
  ASSERT_EQ(want.at(0).targets.size(), 5u);
  EXPECT_EQ(got.at(0).risk, want.at(0).risk);
  EXPECT_EQ(got.at(0).targets, want.at(0).targets);
}

}  // namespace
}  // namespace parley
