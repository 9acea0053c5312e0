#include "parley/cross_validation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "analysis/skill/error_statistics.hpp"
#include "parley/io.hpp"
#include "parley/skill.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

/// Ten proposals of three issues each, outcomes known.
Scenario grouped_scenario() {
  Scenario s;
  s.add_actor(Actor{"a", "A", ActorKind::other, {Uncertain::point(1), -1}, "", std::nullopt});
  for (int g = 0; g < 10; ++g)
    for (int k = 0; k < 3; ++k) {
      Issue issue;
      issue.id = "p" + std::to_string(g) + "i" + std::to_string(k);
      issue.group = "p" + std::to_string(g);
      issue.outcome = 10.0 * g + k;
      const std::size_t i = s.add_issue(issue);
      s.stance(i, 0) = Stance{Parameter{Uncertain::point(50), -1}, Parameter{Uncertain::point(1), -1}};
    }
  return s;
}

/// A model with fitted parameters that reports leakage: fit() records the training issues, and the
/// forecast of an issue is 1 when an issue of its group was in the training set, else 0.
class LeakDetector final : public Model {
 public:
  std::string_view name() const override { return "leak"; }
  std::string_view description() const override { return "test"; }
  std::vector<ModelOptionSpec> options() const override { return {{"training", "", ""}}; }
  ModelTraits traits() const override {
    ModelTraits t;
    t.fitted = true;
    return t;
  }
  std::optional<ModelOptions> fit(const Scenario& s, const std::vector<std::size_t>& issues, const ModelOptions&) const override {
    std::string groups;
    for (std::size_t i : issues) groups += "|" + s.issue(i).group + "|";
    return ModelOptions{{"training", groups}};
  }

 protected:
  Forecast forecast(const Scenario& s, const ModelOptions& o) const override {
    Forecast f{"leak", o, {}, {}, {}};
    for (const Issue& issue : s.issues())
      f.issues.push_back({issue.id, o.at("training").find("|" + issue.group + "|") != std::string::npos ? 1.0 : 0.0, "", {}});
    return f;
  }
};

TEST(CrossValidation, KeepsEveryGroupInOneFold) {
  const Scenario s = grouped_scenario();
  const LeakDetector leak;
  CrossValidationOptions o;
  o.repeats = 7;
  const CrossValidation cv = cross_validate(s, {&leak}, {}, o);
  EXPECT_EQ(cv.groups, 10u);
  EXPECT_EQ(cv.issues.size(), 30u);
  for (const auto& issue : cv.models[0].forecasts)
    for (double x : issue) EXPECT_EQ(x, 0) << "an issue was forecast by a fit that saw its own proposal";
}

TEST(CrossValidation, RepeatsDrawNewSplitsFromTheSeedAndReproduceThem) {
  const Scenario s = read_scenario_file(testing::data_path("deu3/deu3-dev.tsv"));
  const Model* focal = find_model("focal");
  CrossValidationOptions o;
  o.repeats = 3;
  const CrossValidation a = cross_validate(s, {focal}, {}, o), b = cross_validate(s, {focal}, {}, o);
  EXPECT_EQ(a.models[0].mae_by_repeat, b.models[0].mae_by_repeat);
  EXPECT_NE(a.models[0].mae_by_repeat[0], a.models[0].mae_by_repeat[1]);
  o.seed = 2;
  EXPECT_NE(cross_validate(s, {focal}, {}, o).models[0].mae_by_repeat, a.models[0].mae_by_repeat);
}

TEST(CrossValidation, AModelWithoutFittedParametersScoresAsItsPlainBacktest) {
  const Scenario s = read_scenario_file(testing::data_path("deu3/deu3-dev.tsv"));
  CrossValidationOptions o;
  o.repeats = 2;
  const CrossValidation cv = cross_validate(s, {find_model("compromise")}, {}, o);
  const ModelSkill& m = cv.models[0].skill;
  // The reference figure of tests/data/deu3/README.md.
  EXPECT_NEAR(m.mae, 24.1945, 5e-5);
  EXPECT_NEAR(m.median_error, 19.347, 5e-4);
  EXPECT_EQ(m.issues, 230u);
  EXPECT_EQ(m.mae_sd, 0);
  EXPECT_DOUBLE_EQ(m.relative_mae, 1);
  EXPECT_LT(m.mae_low, m.mae);
  EXPECT_GT(m.mae_high, m.mae);
}

TEST(CrossValidation, RefusesTooFewFoldsOrGroups) {
  const Scenario s = grouped_scenario();
  CrossValidationOptions o;
  o.folds = 1;
  auto field_of_error = [&] {
    try {
      cross_validate(s, {find_model("compromise")}, {}, o);
    } catch (const InputError& e) {
      return e.field();
    }
    return std::string("no error");
  };
  EXPECT_EQ(field_of_error(), "--folds");
  o.folds = 11;  // 10 proposals
  EXPECT_EQ(field_of_error(), "--folds");
  o.folds = 10;
  EXPECT_EQ(field_of_error(), "no error");
}

TEST(CrossValidation, FocalBeatsTheCompromiseModelOutOfFoldAndIntervalsCoverAsNominal) {
  ReadOptions read;
  read.deu_capability = DeuCapability::council;
  const Scenario s = read_scenario_file(testing::data_path("deu3/deu3-dev.tsv"), read);
  CrossValidationOptions o;  // 5 folds, 20 repeats, seed 1: the shipped table's setting
  const CrossValidation cv = cross_validate(s, {find_model("compromise"), find_model("focal")}, {}, o);
  const ModelSkill& focal = cv.models[1].skill;
  EXPECT_LT(focal.relative_mae, 0.935);
  EXPECT_LT(focal.mae, cv.models[0].skill.mae);
  for (const ModelCrossValidation& m : cv.models)
    for (std::size_t l = 0; l < interval_levels().size(); ++l)
      EXPECT_NEAR(m.skill.coverage[l], interval_levels()[l], 0.03) << m.model << " at " << interval_levels()[l];
  // The shipped table was made by this setting (make skill): it must not be stale.
  for (const ModelCrossValidation& m : cv.models) {
    const ModelSkill* shipped = shipped_skill().find(m.model);
    ASSERT_NE(shipped, nullptr) << m.model;
    EXPECT_NEAR(shipped->mae, m.skill.mae, 1e-4) << m.model << ": run `make skill` and commit data/skill/deu3-dev.csv";
    EXPECT_NEAR(shipped->half_width[1], m.skill.half_width[1], 1e-5) << m.model;
  }
}

TEST(ConformalQuantile, IsTheOrderStatisticOfRankCeilingNPlusOneTimesLevel) {
  const std::vector<double> v{9, 1, 8, 2, 7, 3, 6, 4, 5};
  EXPECT_EQ(conformal_quantile(v, 0.5), 5);   // rank ceil(10 × 0.5) = 5
  EXPECT_EQ(conformal_quantile(v, 0.8), 8);   // rank 8
  EXPECT_EQ(conformal_quantile(v, 0.95), 9);  // rank 10 > 9: the largest
  EXPECT_EQ(quantile(v, 0.5), 5);
  EXPECT_DOUBLE_EQ(quantile(v, 0.25), 3);
  EXPECT_DOUBLE_EQ(quantile({0, 10}, 0.3), 3);
}

TEST(SkillTable, WritesAndReadsBackAndNamesWhereItIsWrong) {
  SkillTable t = shipped_skill();
  ASSERT_FALSE(t.models.empty());
  for (const Model* m : all_models()) EXPECT_NE(t.find(std::string(m->name())), nullptr) << m->name();
  double weights = 0;
  for (const ModelSkill& m : t.models) weights += m.weight;
  EXPECT_NEAR(weights, 1, 1e-5);
  const std::string text = write_skill_csv(t);
  const SkillTable back = read_skill_csv(text, "t.csv");
  EXPECT_EQ(write_skill_csv(back), text);
  EXPECT_EQ(back.command, t.command);
  std::string broken = text;
  broken.replace(broken.find(",rmse,"), 6, ",RMSE,");
  const std::size_t header = broken.find("model,");
  const int column = static_cast<int>(broken.find(",RMSE,") - header) + 2;
  testing::expect_input_error([&] { read_skill_csv(broken, "t.csv"); }, 5, column, "header", "named 'rmse'");
  std::string bad_number = text;
  const std::size_t row = bad_number.find('\n', bad_number.find("model,")) + 1;
  bad_number.replace(bad_number.find(',', bad_number.find(',', row) + 1) + 1, 1, "x");
  testing::expect_input_error([&] { read_skill_csv(bad_number, "t.csv"); }, 0, 0, "repeats", "number");
}

TEST(SkillTable, PredictiveIntervalsScaleWithTheIssueAndStayOnIt) {
  ModelSkill m;
  m.half_width = {0.1, 0.2, 0.3};
  const auto in = predictive_intervals(m, 50, 0, 100);
  ASSERT_EQ(in.size(), 3u);
  EXPECT_DOUBLE_EQ(in[0].low, 40);
  EXPECT_DOUBLE_EQ(in[2].high, 80);
  const auto clipped = predictive_intervals(m, 1, 0, 10);
  EXPECT_DOUBLE_EQ(clipped[2].low, 0);
  EXPECT_DOUBLE_EQ(clipped[2].high, 4);
}

}  // namespace
}  // namespace parley
