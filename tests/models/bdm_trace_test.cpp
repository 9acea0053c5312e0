// The scholz-code profile reproduces the exact reference trace of tests/data/bdm.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "parley/parley.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

/// ec1994-actors.csv: Actor,Capability,Position,Salience.
Scenario ec1994() {
  std::istringstream in(testing::read_text(testing::data_path("bdm/ec1994-actors.csv")));
  std::string line;
  std::getline(in, line);
  Scenario s;
  std::vector<std::pair<double, double>> stances;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::istringstream row(line);
    std::string name, c, x, sal;
    std::getline(row, name, ',');
    std::getline(row, c, ',');
    std::getline(row, x, ',');
    std::getline(row, sal, ',');
    s.add_actor(Actor{name, name, ActorKind::government, {Uncertain::point(std::stod(c)), -1}, "", std::nullopt});
    stances.emplace_back(std::stod(x), std::stod(sal));
  }
  Issue years;
  years.id = "years";
  years.scale.min = 4;
  years.scale.max = 10;
  years.outcome = 8.833;
  s.add_issue(years);
  for (std::size_t a = 0; a < stances.size(); ++a)
    s.stance(0, a) = Stance{Parameter{Uncertain::point(stances[a].first), -1}, Parameter{Uncertain::point(stances[a].second), -1}};
  return s;
}

TEST(BdmTrace, ScholzCodeReproducesEveryNumberOfTheReferenceTrace) {
  const nlohmann::json trace = nlohmann::json::parse(testing::read_text(testing::data_path("bdm/ec1994-scholz-code-trace.json")));
  const Scenario s = ec1994();
  // cycle=last: the reference code's forecast is the last round's median (the EC run does not
  // cycle in 10 rounds, so the default gives the same; the test asks for the reference's rule).
  const Forecast f = find_model("bdm")->run(s, {{"trace", "true"}, {"rounds", "10"}, {"cycle", "last"}});
  const IssueForecast& issue = f.issues.at(0);
  ASSERT_EQ(issue.rounds.size(), 11u);
  constexpr double tol = 1e-9;
  auto actor = [&](const std::string& name) { return *s.find_actor(name); };
  EXPECT_NEAR(issue.rounds[0].median, trace["round0"]["median"].get<double>(), tol);
  EXPECT_NEAR(issue.rounds[0].mean, trace["round0"]["mean"].get<double>(), tol);
  for (const auto& expected : trace["rounds"]) {
    const int t = expected["round"].get<int>();
    SCOPED_TRACE("round " + std::to_string(t));
    const RoundRecord& got = issue.rounds.at(static_cast<std::size_t>(t));
    for (const auto& [name, r] : expected["r"].items()) EXPECT_NEAR(got.risk[actor(name)], r.get<double>(), tol) << name;
    const std::size_t n = s.actors().size();
    for (const auto& [i, row] : expected["eu_i_challenges_j_from_i_view"].items())
      for (const auto& [j, eu] : row.items())
        EXPECT_NEAR(got.expected_utility[actor(i) * n + actor(j)], eu.get<double>(), tol) << i << " -> " << j;
    ASSERT_EQ(got.offers.size(), expected["accepted_offers"].size());
    for (std::size_t k = 0; k < got.offers.size(); ++k) {
      const auto& e = expected["accepted_offers"][k];
      const AcceptedOffer& o = got.offers[k];
      EXPECT_EQ(o.actor, actor(e["actor"]));
      EXPECT_EQ(o.from, actor(e["from"]));
      EXPECT_EQ(to_string(o.kind), e["type"].get<std::string>());
      EXPECT_NEAR(o.eu_ij, e["eu_ij"].get<double>(), tol);
      EXPECT_NEAR(o.eu_ji, e["eu_ji"].get<double>(), tol);
      EXPECT_NEAR(o.new_position, e["new_pos"].get<double>(), tol);
    }
    for (const auto& [name, x] : expected["positions"].items()) EXPECT_NEAR(got.positions[actor(name)], x.get<double>(), tol) << name;
    EXPECT_NEAR(got.median, expected["median"].get<double>(), tol);
    EXPECT_NEAR(got.mean, expected["mean"].get<double>(), tol);
  }
  EXPECT_NEAR(*issue.outcome, trace["rounds"].back()["median"].get<double>(), tol);
}

}  // namespace
}  // namespace parley
