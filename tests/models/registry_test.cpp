#include <gtest/gtest.h>

#include "parley/model.hpp"

namespace parley {
namespace {

TEST(Registry, ListsTheBaselineModelsFirst) {
  std::vector<std::string> names;
  for (const Model* m : all_models()) {
    names.emplace_back(m->name());
    EXPECT_FALSE(m->description().empty());
    EXPECT_EQ(find_model(m->name()), m);
  }
  // A model added later comes after these (docs/contributing-model.md), needing no edit here.
  ASSERT_GE(names.size(), 5u);
  names.resize(5);
  EXPECT_EQ(names, (std::vector<std::string>{"compromise", "median", "nbs", "bdm", "smp"}));
  EXPECT_EQ(find_model("bdm-typo"), nullptr);
}

TEST(Registry, ForecastsRecordEveryOptionInForce) {
  const Model* nbs = find_model("nbs");
  Scenario s;
  const Forecast f = nbs->run(s, {{"loss_exponent", "1.5"}});
  EXPECT_EQ(f.options.at("loss_exponent"), "1.5");
  EXPECT_EQ(f.options.at("weights"), "capability-salience");
}

}  // namespace
}  // namespace parley
