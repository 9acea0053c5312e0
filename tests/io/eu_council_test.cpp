#include "io/eu_council.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "parley/io.hpp"
#include "parley/model.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using io::CouncilEra;

TEST(EuCouncil, ErasFollowTheTreaties) {
  EXPECT_EQ(io::council_era(2003), CouncilEra::amsterdam);
  EXPECT_EQ(io::council_era(2004), CouncilEra::nice);
  EXPECT_EQ(io::council_era(2011), CouncilEra::nice);
  EXPECT_EQ(io::council_era(2012), CouncilEra::lisbon);
  // The Treaty of Nice's votes and the EU of 15's (tests/data/eu-council/council-weights.csv).
  EXPECT_EQ(*io::council_weight("de", CouncilEra::amsterdam), 10);
  EXPECT_EQ(*io::council_weight("lu", CouncilEra::amsterdam), 2);
  EXPECT_EQ(*io::council_weight("pl", CouncilEra::nice), 27);
  EXPECT_EQ(*io::council_weight("mt", CouncilEra::nice), 3);
  EXPECT_DOUBLE_EQ(*io::council_weight("fr", CouncilEra::lisbon), 66.4);
  EXPECT_FALSE(io::council_weight("pl", CouncilEra::amsterdam));
  EXPECT_FALSE(io::council_weight("com", CouncilEra::nice));
}

TEST(EuCouncil, ReadsTheIntroDatesOfTheDeuTable) {
  EXPECT_EQ(io::deu_intro_year("26-01-00", true), 2000);
  EXPECT_EQ(io::deu_intro_year("17-04-96", true), 1996);
  EXPECT_EQ(io::deu_intro_year("13-09-2017", true), 2017);
  // A spreadsheet read "14-07-04" and "30-11-05" as dates (yyyy-mm-dd): 2004 and 2005.
  EXPECT_EQ(io::deu_intro_year("2014-07-04", false), 2004);
  EXPECT_EQ(io::deu_intro_year("1930-11-05", false), 2005);
  EXPECT_FALSE(io::deu_intro_year("", true));
  EXPECT_FALSE(io::deu_intro_year("soon", true));
  EXPECT_FALSE(io::deu_intro_year("2014-07-04", true));
}

TEST(DeuCouncilCapability, EveryDevIssueGetsTheVotesOfItsEraRelativeToTheStatesTakingPart) {
  ReadOptions read;
  read.deu_capability = DeuCapability::council;
  const Scenario s = read_scenario_file(testing::data_path("deu3/deu3-dev.tsv"), read);
  const std::size_t de = *s.find_actor("de"), lu = *s.find_actor("lu"), com = *s.find_actor("com");
  std::size_t checked = 0;
  for (std::size_t i = 0; i < s.issues().size(); ++i) {
    EXPECT_FALSE(s.stance(i, com).capability) << s.issue(i).id;  // the Commission keeps 1
    double sum = 0, n = 0;
    for (std::size_t a = 2; a < s.actors().size(); ++a)
      if (s.stance(i, a).position) sum += s.capability(i, a).point(), n += 1;
    if (n > 0) {
      EXPECT_NEAR(sum / n, 1, 1e-12) << s.issue(i).id;  // relative to the mean of those taking part
    }
    if (s.stance(i, de).position && s.stance(i, lu).position) {
      const double ratio = s.capability(i, de).point() / s.capability(i, lu).point();
      // The group id's digits after the letter give the year: d95341 is 1995, d170226 is 2017.
      const std::string& g = s.issue(i).group;
      const int yy = std::stoi(g.substr(1, 2)), year = yy >= 90 ? 1900 + yy : 2000 + yy;
      double expected = 0;
      if (year <= 2002) expected = 10.0 / 2;                  // votes of the EU of 15
      if (year >= 2005 && year <= 2010) expected = 29.0 / 4;  // Nice
      if (year >= 2013) expected = 81.2 / 0.56;               // population
      if (expected > 0) {
        EXPECT_NEAR(ratio, expected, 1e-9) << g;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 100u);
}

TEST(DeuCouncilCapability, ModelsUseTheIssuesCapability) {
  ReadOptions read;
  read.deu_capability = DeuCapability::council;
  const Scenario council = read_scenario_file(testing::data_path("deu3/deu3-dev.tsv"), read);
  const Scenario equal = read_scenario_file(testing::data_path("deu3/deu3-dev.tsv"));
  const Forecast a = find_model("compromise")->run(council, {}), b = find_model("compromise")->run(equal, {});
  std::size_t differ = 0;
  for (std::size_t i = 0; i < a.issues.size(); ++i)
    if (a.issues[i].outcome && b.issues[i].outcome && std::fabs(*a.issues[i].outcome - *b.issues[i].outcome) > 1e-9) ++differ;
  EXPECT_GT(differ, 100u);
}

TEST(DeuCouncilCapability, AnUnreadableDateIsAnErrorAtItsCell) {
  std::string text = testing::read_text(testing::data_path("deu3/deu3-dev.tsv"));
  const std::size_t at = text.find("\"26-01-00\"");
  text.replace(at, 10, "\"someday\"");
  ReadOptions read;
  read.deu_capability = DeuCapability::council;
  testing::expect_input_error([&] { read_scenario_text(text, "x.tsv", read); }, 0, 0, "intro", "dd-mm-yy");
  EXPECT_NO_THROW(read_scenario_text(text, "x.tsv"));  // only --capability council needs the date
}

}  // namespace
}  // namespace parley
