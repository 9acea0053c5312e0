// The model contract (parley/model.hpp): traits instead of probing option names, the requests of
// --rounds, --seed and --trace carried out by the model's own documented options, and a scenario's
// model_options merged for every model and checked where the input file set them.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <stdexcept>

#include "models/model_fixtures.hpp"
#include "parley/io.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using testing::expect_input_error;
using testing::one_issue;

TEST(ModelContract, TraitsOfTheBuiltInModels) {
  for (const char* name : {"compromise", "median", "nbs"}) {
    const ModelTraits t = find_model(name)->traits();
    EXPECT_FALSE(t.rounds || t.seed || t.trace || t.events) << name;
    EXPECT_FALSE(find_model(name)->applies_events());
  }
  for (const char* name : {"bdm", "smp"}) {
    const ModelTraits t = find_model(name)->traits();
    EXPECT_TRUE(t.rounds && t.seed && t.trace && t.events) << name;
  }
}

TEST(ModelContract, EveryRequestIsCarriedOutByOptionsTheModelDeclares) {
  const Scenario s = one_issue({{20, 1, 0.5}, {80, 2, 0.7}, {50, 1, 0.9}});
  for (const Model* m : all_models()) {
    SCOPED_TRACE(std::string(m->name()));
    const ModelTraits t = m->traits();
    RunRequest request;
    if (t.rounds) request.rounds = 3;
    if (t.seed) request.seed = "5";
    request.trace = t.trace;
    const ModelOptions options = apply_request(*m, {}, request);
    for (const auto& [name, value] : options) {
      bool declared = false;
      for (const ModelOptionSpec& spec : m->options()) declared = declared || spec.name == name;
      EXPECT_TRUE(declared) << name;
    }
    const Forecast f = m->run(s, options);
    if (t.rounds) {
      EXPECT_EQ(f.issues[0].rounds.size(), 4u);  // the start and exactly 3 rounds
    }
    if (t.seed) {
      EXPECT_EQ(f.options.at("seed"), "5");
    }
  }
}

TEST(ModelContract, AFixedRoundCountIsStopRoundsAndConflictsAreRefused) {
  for (const char* name : {"bdm", "smp"}) {
    SCOPED_TRACE(name);
    const Model& m = *find_model(name);
    const ModelOptions o = apply_request(m, {{"threshold", "0.5"}}, {.rounds = 4});
    EXPECT_EQ(o, (ModelOptions{{"rounds", "4"}, {"stop", "rounds"}, {"threshold", "0.5"}}));
    EXPECT_EQ(apply_request(m, {{"stop", "rounds"}, {"rounds", "4"}}, {.rounds = 4}), (ModelOptions{{"rounds", "4"}, {"stop", "rounds"}}));
    try {
      apply_request(m, {{"stop", "ktab"}}, {.rounds = 4});
      ADD_FAILURE() << "a conflicting --option stop was accepted";
    } catch (const InputError& e) {
      EXPECT_EQ(e.field(), "--rounds");
      EXPECT_EQ(e.problem(), "--rounds 4 sets stop=rounds, but --option stop=ktab was also given");
      EXPECT_EQ(e.expected(), "either --rounds 4 or --option stop=ktab");
    }
    EXPECT_THROW(apply_request(m, {{"rounds", "5"}}, {.rounds = 4}), InputError);
    EXPECT_THROW(apply_request(m, {{"seed", "5"}}, {.seed = "4"}), InputError);
    EXPECT_THROW(apply_request(m, {{"trace", "false"}}, {.trace = true}), InputError);
    EXPECT_EQ(apply_request(m, {}, {.seed = "4", .trace = true}), (ModelOptions{{"seed", "4"}, {"trace", "true"}}));
  }
}

TEST(ModelContract, ModelsWithoutATraitRefuseItsRequest) {
  const Model& m = *find_model("median");
  const std::pair<RunRequest, const char*> cases[] = {{{.rounds = 2}, "--rounds"}, {{.seed = "1"}, "--seed"}, {{.trace = true}, "--trace"}};
  for (const auto& [request, flag] : cases) {
    try {
      apply_request(m, {}, request);
      ADD_FAILURE() << flag << " was accepted";
    } catch (const InputError& e) {
      EXPECT_EQ(e.field(), flag);
      EXPECT_NE(e.expected().find("(bdm, smp"), std::string::npos) << e.expected();  // and any model added later
    }
  }
  EXPECT_EQ(apply_request(m, {{"tie", "lower"}}, {}), (ModelOptions{{"tie", "lower"}}));
}

TEST(ModelContract, ATraitWithoutRequestOptionsIsAProgrammingError) {
  struct Forgetful final : Model {
    std::string_view name() const override { return "forgetful"; }
    std::string_view description() const override { return "claims rounds"; }
    ModelTraits traits() const override { return {.rounds = true}; }
    Forecast forecast(const Scenario&, const ModelOptions&) const override { return {}; }
  };
  EXPECT_THROW(apply_request(Forgetful{}, {}, {.rounds = 3}), std::logic_error);
}

TEST(ModelContract, EveryModelTakesTheScenariosOptionsAndExplicitOnesWin) {
  Scenario s = one_issue({{10}, {20}, {30}, {40}});  // the weight is split evenly between 20 and 30
  EXPECT_EQ(*find_model("median")->run(s, {}).issues[0].outcome, 25);
  s.model_options["median"] = {{"tie", "lower"}};
  const Forecast f = find_model("median")->run(s, {});
  EXPECT_EQ(*f.issues[0].outcome, 20);
  EXPECT_EQ(f.options.at("tie"), "lower");
  EXPECT_EQ(*find_model("median")->run(s, {{"tie", "upper"}}).issues[0].outcome, 30);
  s.model_options["nbs"] = {{"disagreement", "remote"}};
  EXPECT_EQ(find_model("nbs")->run(s, {}).options.at("disagreement"), "remote");
  EXPECT_EQ(find_model("compromise")->run(s, {}).issues[0].outcome, 25);  // options for other models do not matter
}

TEST(ModelContract, TheScenariosOptionsAreCheckedWhereTheFileSetThem) {
  Scenario s = one_issue({{10}, {20}});
  s.model_options["median"] = {{"tie", "sideways"}};
  OptionOrigin& origin = s.model_option_origins["median"]["tie"];
  origin.where = SourcePosition{"s.xml", 7, 3};
  origin.field = "Scenario/Tie";
  for (const auto& check : {std::function<void()>([&] { check_scenario_options(s); }), std::function<void()>([&] {
                              find_model("median")->run(s, {{"tie", "upper"}});
                            })})
    expect_input_error(check, 7, 3, "Scenario/Tie", "one of: midpoint, lower, upper");
  s.model_option_origins.clear();
  try {
    check_scenario_options(s);
    ADD_FAILURE() << "a bad option was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "model_options.median.tie");
    EXPECT_EQ(e.problem(), "got 'sideways'");
  }
  s.model_options = {{"no-such-model", {{"x", "1"}}}};
  EXPECT_THROW(check_scenario_options(s), InputError);
  s.model_options = {{"median", {{"tie", "upper"}}}};
  EXPECT_NO_THROW(check_scenario_options(s));
}

TEST(ModelContract, KtabXmlParametersAreCheckedByTheModelAtTheirElement) {
  const std::string xml = testing::read_text(testing::data_path("ktab/smpExample-fixed.xml"));
  const std::string from = "<VictoryProbModel>", at = xml.substr(0, xml.find(from));
  ASSERT_NE(xml.find(from), std::string::npos);
  std::string bad = xml;
  const std::size_t value = xml.find(from) + from.size();
  bad.replace(value, xml.find('<', value) - value, "Cubic");
  const Scenario s = read_scenario_text(bad, "bad.xml");  // the reader keeps the value as written
  EXPECT_EQ(s.model_options.at("smp").at("victory"), "Cubic");
  const int line = static_cast<int>(std::count(at.begin(), at.end(), '\n')) + 1;
  const int column = static_cast<int>(at.size() - at.rfind('\n'));
  expect_input_error([&] { check_scenario_options(s); }, line, column, "Scenario/ModelParameters/VictoryProbModel",
                     "one of: linear, square, quartic, octic, binary (or KTAB's name)");
  expect_input_error([&] { find_model("smp")->run(s, {}); }, line, column, "Scenario/ModelParameters/VictoryProbModel", "octic");
  EXPECT_NO_THROW(check_scenario_options(read_scenario_text(xml, "good.xml")));
}

TEST(ModelContract, OfferKindsPrintAsBefore) {
  EXPECT_STREQ(to_string(OfferKind::confrontation), "confrontation");
  EXPECT_STREQ(to_string(OfferKind::compromise), "compromise");
  EXPECT_STREQ(to_string(OfferKind::capitulation), "capitulation");
  EXPECT_STREQ(to_string(OfferKind::conflict), "conflict");
  EXPECT_STREQ(to_string(OfferKind::bargain), "bargain");
}

}  // namespace
}  // namespace parley
