// Decide's input format (issue #17, item 2): Decide's own data files, the mapping to the scenario,
// the variants Decide reads (separators, quotes, order, 0-100 saliences), detection from content
// next to the other formats, and every error at its line and column.
#include <gtest/gtest.h>

#include <filesystem>

#include "io/importers.hpp"
#include "io/scenario_compare.hpp"
#include "parley/io.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using testing::expect_input_error;

Scenario decide_text(const std::string& text) { return read_scenario_text(text, "case.txt", {InputFormat::decide, {}}); }
Scenario decide_detected(const std::string& text) { return read_scenario_text(text, "case.txt"); }

// Two actors, two issues (as Decide's test_rex), tab-separated and single-quoted.
const std::string kDecideSmall =
    "'#A'\t'Actor-1'\t'Actor one'\t''\n"
    "'#A'\t'Actor-2'\t'Actor-2'\t''\n"
    "'#P'\t'Issue-1'\t'Issue one'\t'Issue-1'\n"
    "'#M'\t'Issue-1'\t0\t'none'\n"
    "'#M'\t'Issue-1'\t100\t'all'\n"
    "'#P'\t'Issue-2'\t'Issue-2'\t'Issue-2'\n"
    "'#M'\t'Issue-2'\t0\n"
    "'#M'\t'Issue-2'\t100\n"
    "'#D'\t'Actor-1'\t'Issue-1'\t0.0\t10\t1\n"
    "'#D'\t'Actor-1'\t'Issue-2'\t0.0\t90\t1\n"
    "'#D'\t'Actor-2'\t'Issue-1'\t100.0\t60\t1\n"
    "'#D'\t'Actor-2'\t'Issue-2'\t100.0\t50\t1\n";

TEST(DecideInput, ReadsTheSampleData) {
  const Scenario s = read_scenario_file(testing::data_path(testing::kDecideSample));
  ASSERT_EQ(s.actors().size(), 10u);
  ASSERT_EQ(s.issues().size(), 6u);
  EXPECT_EQ(s.metadata.title, "sample_data");
  ASSERT_EQ(s.metadata.sources.size(), 1u);
  EXPECT_NE(s.metadata.sources[0].title.find("sample_data.txt"), std::string::npos);
  EXPECT_EQ(s.actor(0).id, "Willems");
  EXPECT_EQ(s.actor(9).id, "Wcentr");
  EXPECT_EQ(s.issue(0).id, "tolheffing-binnenstad");
  EXPECT_EQ(s.issue(1).id, "tol-hoogte");
  EXPECT_EQ(s.issue(1).scale.min, 0.5);  // its #M positions: 0.5 and 7
  EXPECT_EQ(s.issue(1).scale.max, 7);
  EXPECT_EQ(s.issue(0).scale.min, 0);
  EXPECT_EQ(s.issue(0).scale.max, 100);
  // '#D' 'Wcentr' 'tolheffing-binnenstad' 0.0 0.95 0.9; 'VVDs' 'tol-hoogte' 0.5 0.5 0.5.
  EXPECT_EQ(s.stance(0, 9).position->point(), 0);
  EXPECT_EQ(s.stance(0, 9).salience->point(), 0.95);
  EXPECT_EQ(s.capability(0, 9).point(), 0.9);
  EXPECT_EQ(s.stance(1, 3).position->point(), 0.5);
  EXPECT_EQ(s.stance(1, 3).salience->point(), 0.5);
  // Every actor has one power on every issue: it is the actor's capability, with no overrides.
  EXPECT_EQ(s.actor(2).capability.point(), 0.6);
  EXPECT_FALSE(s.has_issue_capabilities());
  for (std::size_t i = 0; i < 6; ++i)
    for (std::size_t a = 0; a < 10; ++a) EXPECT_TRUE(s.stance(i, a).takes_part());
}

TEST(DecideInput, ReadsCop21) {
  const Scenario s = read_scenario_file(testing::data_path("decide/cop21.csv"));
  EXPECT_EQ(s.actors().size(), 15u);
  EXPECT_EQ(s.issues().size(), 13u);
  std::size_t stances = 0;
  for (std::size_t i = 0; i < s.issues().size(); ++i)
    for (std::size_t a = 0; a < s.actors().size(); ++a) stances += s.stance(i, a).takes_part();
  EXPECT_EQ(stances, 181u);
}

TEST(DecideInput, MapsTheRecords) {
  const Scenario s = decide_text(kDecideSmall);
  EXPECT_EQ(s.metadata.title, "case");
  EXPECT_EQ(s.actor(0).name, "Actor one");
  EXPECT_EQ(s.issue(0).label, "Issue one");
  EXPECT_EQ(s.issue(0).scale.min_label, "none");
  EXPECT_EQ(s.issue(0).scale.max_label, "all");
  // Saliences above 1: the file is on 0-100, all are divided by 100.
  EXPECT_DOUBLE_EQ(s.stance(0, 0).salience->point(), 0.1);
  EXPECT_DOUBLE_EQ(s.stance(1, 0).salience->point(), 0.9);
  EXPECT_DOUBLE_EQ(s.stance(0, 1).salience->point(), 0.6);
  EXPECT_EQ(s.stance(0, 1).position->point(), 100);
}

TEST(DecideInput, PowerByIssueBecomesStanceCapabilities) {
  const Scenario s = decide_text(
      "#A\ta\n#A\tb\n#P\tx\n#P\ty\n#P\tz\n"
      "#D\ta\tx\t10\t0.5\t0.2\n#D\ta\ty\t10\t0.5\t0.4\n#D\ta\tz\t10\t0.5\t0.4\n"
      "#D\tb\tx\t90\t0.5\t0.3\n#D\tb\ty\t90\t0.5\t0.3\n");
  EXPECT_DOUBLE_EQ(s.actor(0).capability.point(), 1.0 / 3);  // the mean of 0.2, 0.4, 0.4
  EXPECT_DOUBLE_EQ(s.capability(0, 0).point(), 0.2);
  EXPECT_DOUBLE_EQ(s.capability(1, 0).point(), 0.4);
  EXPECT_DOUBLE_EQ(s.capability(2, 0).point(), 0.4);
  EXPECT_EQ(s.actor(1).capability.point(), 0.3);  // the same on every issue: no override
  EXPECT_FALSE(s.stance(0, 1).capability);
  EXPECT_FALSE(s.stance(2, 1).takes_part());  // no #D line: b sits z out
}

TEST(DecideInput, ReadsTheVariantsDecideReads) {
  const Scenario reference = decide_text(kDecideSmall);
  std::string semicolons = kDecideSmall, doubled = kDecideSmall, plain;
  for (char& c : semicolons)
    if (c == '\t') c = ';';
  for (char& c : doubled)
    if (c == '\'') c = '"';
  for (char c : kDecideSmall)
    if (c != '\'') plain += c;
  std::string trailing;  // as Decide's own editor writes: a tab before every line break
  for (char c : kDecideSmall) trailing += c == '\n' ? std::string("\t\n") : std::string(1, c);
  for (const std::string& text : {semicolons, doubled, plain, trailing, "#/\tcomment, 'unquoted\n\n#0 x\n" + kDecideSmall + "\n\t\t\n",
                                  std::string("\xEF\xBB\xBF") + kDecideSmall}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(detect_format(text), InputFormat::decide);
    const Scenario s = decide_detected(text);
    ASSERT_EQ(s.actors().size(), 2u);
    EXPECT_EQ(s.issue(0).scale.max_label, "all");
    EXPECT_EQ(s.stance(1, 0).salience->point(), reference.stance(1, 0).salience->point());
  }
}

TEST(DecideInput, DefinitionsMayComeInAnyOrder) {
  // Decide resolves the keys once the whole file is read: #D and #M before their #A and #P read.
  const Scenario s = decide_text("#D\ta\tx\t3\t0.5\t1\n#M\tx\t7\n#M\tx\t1\n#P\tx\n#A\ta\n");
  EXPECT_EQ(s.issue(0).scale.min, 1);
  EXPECT_EQ(s.issue(0).scale.max, 7);
  EXPECT_EQ(s.stance(0, 0).position->point(), 3);
}

TEST(DecideInput, WithoutMeaningsAnIssueIsOn0To100AndDescriptionsAreKept) {
  const Scenario s = decide_text(
      "#O\tCopenhagen negotiations\n#A\tEU (incl Norway)\n#P\tNewtreaty\tnew treaty\n#D\tEU (incl Norway)\tNewtreaty\t50\t0.4\t0.156\n");
  EXPECT_EQ(s.metadata.description, "Copenhagen negotiations");
  EXPECT_EQ(s.issue(0).scale.min, 0);
  EXPECT_EQ(s.issue(0).scale.max, 100);
  EXPECT_EQ(s.issue(0).label, "new treaty");
  EXPECT_EQ(s.actor(0).id, "EU-incl-Norway");  // a parley id; the key stays the name
  EXPECT_EQ(s.actor(0).name, "EU (incl Norway)");
}

TEST(DecideInput, ExtraCellsJoinTheLastField) {
  const Scenario s =
      decide_text("#A\ta\tA\n#P\tx\n#M\tx\t0\tnone\tat all\n#M\tx\t10\tfull\n#D\ta\tx\t3\t0.5\t1\ta comment\tin two cells\n");
  EXPECT_EQ(s.issue(0).scale.min_label, "none at all");
}

TEST(DecideInput, DetectedFromContentWithoutChangingTheOtherFormats) {
  EXPECT_EQ(detect_format(testing::read_text(testing::data_path(testing::kDecideSample))), InputFormat::decide);
  EXPECT_EQ(detect_format(testing::read_text(testing::data_path("decide/cop21.csv"))), InputFormat::decide);
  EXPECT_EQ(detect_format(testing::read_text(testing::data_path("decide/copenhagen_with_errors.csv"))), InputFormat::decide);
  EXPECT_EQ(detect_format("# A YAML comment\nparley: 1\n"), InputFormat::yaml);
  EXPECT_EQ(detect_format("#A comment in YAML\nparley: 1\n"), InputFormat::yaml);
  EXPECT_EQ(detect_format("#/\tonly a comment\nparley: 1\n"), InputFormat::yaml);
  EXPECT_EQ(detect_format("#A,desc,2,1\nActor,Description,Influence,P,S\n"), InputFormat::ktab_csv);
  const std::pair<const char*, InputFormat> files[] = {{"scenarios/us-russia.yaml", InputFormat::yaml},
                                                       {"scenarios/examples/arms-control.yaml", InputFormat::yaml},
                                                       {"scenarios/examples/arms-control.json", InputFormat::json},
                                                       {"scenarios/examples/ec1994-emissions.yaml", InputFormat::yaml},
                                                       {"tests/data/deu3/deu3-dev.tsv", InputFormat::deu},
                                                       {"tests/data/ktab/smpExample-fixed.xml", InputFormat::ktab_xml},
                                                       {"tests/data/ktab/dummyData_3Dim-fixed.xml", InputFormat::ktab_xml}};
  for (const auto& [path, format] : files) {
    SCOPED_TRACE(path);
    EXPECT_EQ(detect_format(testing::read_text(testing::source_path(path))), format);
  }
  for (const auto& entry : std::filesystem::directory_iterator(testing::data_path("ktab"))) {
    if (entry.path().extension() != ".csv") continue;
    SCOPED_TRACE(entry.path().string());
    EXPECT_EQ(detect_format(testing::read_text(entry.path().string())), InputFormat::ktab_csv);
  }
  EXPECT_STREQ(to_string(InputFormat::decide), "decide");
  EXPECT_EQ(input_format_from_string("decide"), InputFormat::decide);
}

const std::string kDecideHead = "#A\ta\n#A\tb\n#P\tx\n#M\tx\t0\n#M\tx\t10\n";  // lines 1-5

TEST(DecideInput, BadLinesNameLineAndColumn) {
  EXPECT_NO_THROW(decide_text(kDecideHead + "#D\ta\tx\t3\t0.5\t1\n"));
  // Keys that are not defined, or defined twice.
  expect_input_error([] { decide_text(kDecideHead + "#D\tc\tx\t3\t0.5\t1\n"); }, 6, 4, "#D actor", "the key of a #A line");
  expect_input_error([] { decide_text(kDecideHead + "#D\ta\ty\t3\t0.5\t1\n"); }, 6, 6, "#D issue", "the key of a #P line");
  expect_input_error([] { decide_text(kDecideHead + "#M\ty\t5\n"); }, 6, 4, "#M issue", "the key of a #P line");
  expect_input_error([] { decide_text(kDecideHead + "#A\ta\tagain\n"); }, 6, 4, "actor", "one #A line per actor");
  expect_input_error([] { decide_text(kDecideHead + "#P\tx\n"); }, 6, 4, "issue", "one #P line per issue");
  expect_input_error([] { decide_text(kDecideHead + "#A\ta b\n#A\ta-b\n"); }, 7, 4, "actor", "keys that stay distinct");
  expect_input_error([] { decide_text(kDecideHead + "#A\t()\n"); }, 6, 4, "#A", "an id with letters or digits");
  expect_input_error([] { decide_text(kDecideHead + "#D\ta\tx\t3\t0.5\t1\n#D\ta\tx\t4\t0.5\t1\n"); }, 7, 4, "#D actor",
                     "one #D line per actor and issue");
  expect_input_error([] { decide_text(kDecideHead + "#M\tx\t10\tagain\n"); }, 6, 6, "#M position", "one #M line per position");
  // Missing and empty fields.
  expect_input_error([] { decide_text(kDecideHead + "#D\ta\tx\t3\t0.5\n"); }, 6, 10, "#D",
                     "#D, actor key, issue key, position, salience, power");
  expect_input_error([] { decide_text(kDecideHead + "#D\ta\t\t3\t0.5\t1\n"); }, 6, 6, "#D", "#D, actor key, issue key");
  expect_input_error([] { decide_text(kDecideHead + "#M\tx\n"); }, 6, 4, "#M", "#M, issue key, position");
  expect_input_error([] { decide_text(kDecideHead + "#A\n"); }, 6, 1, "#A", "#A, key, name");
  expect_input_error([] { decide_text(kDecideHead + "#X\tfoo\n"); }, 6, 1, "record", "a line starting with #A, #P, #M, #D");
  // Numbers.
  expect_input_error([] { decide_text(kDecideHead + "#D\ta\tx\tthree\t0.5\t1\n"); }, 6, 8, "#D position", "a number");
  expect_input_error([] { decide_text(kDecideHead + "#D\ta\tx\t3\thigh\t1\n"); }, 6, 10, "#D salience", "a number");
  expect_input_error([] { decide_text(kDecideHead + "#D\ta\tx\t3\t0.5\tnan\n"); }, 6, 14, "#D power", "a finite number");
  expect_input_error([] { decide_text(kDecideHead + "#M\tx\tten\n"); }, 6, 6, "#M position", "a number");
  expect_input_error([] { decide_text(kDecideHead + "#D\ta\tx\t11\t0.5\t1\n"); }, 6, 8, "#D position", "a position within [0, 10]");
  expect_input_error([] { decide_text(kDecideHead + "#D\ta\tx\t-1\t0.5\t1\n"); }, 6, 8, "#D position", "a position within [0, 10]");
  expect_input_error([] { decide_text(kDecideHead + "#D\ta\tx\t3\t-0.5\t1\n"); }, 6, 10, "#D salience", "a salience in [0, 1] or [0, 100]");
  expect_input_error([] { decide_text(kDecideHead + "#D\ta\tx\t3\t101\t1\n"); }, 6, 10, "#D salience", "a salience in [0, 1] or [0, 100]");
  expect_input_error([] { decide_text(kDecideHead + "#D\ta\tx\t3\t0.5\t0\n"); }, 6, 14, "#D power", "a power > 0");
  expect_input_error([] { decide_text(kDecideHead + "#D\ta\tx\t3\t0.5\t100.5\n"); }, 6, 14, "#D power", "a power in (0, 100]");
  // Scales.
  expect_input_error([] { decide_text("#A\ta\n#P\tx\n#M\tx\t5\n"); }, 3, 6, "#M position", "at least two #M positions of different value");
  expect_input_error([] { decide_text("#A\ta\n#P\tx\n#M\tx\t0\n#M\tx\t1e200\n"); }, 4, 6, "#M position", "");
  // Quotes.
  expect_input_error([] { decide_text(kDecideHead + "#D\t'a\tx\t3\t0.5\t1\n"); }, 6, 4, "", "a closing ' before the end of the line");
  expect_input_error([] { decide_text(kDecideHead + "#D\t'a'b\tx\t3\t0.5\t1\n"); }, 6, 7, "", "the separator or the end of the line");
  // A file without actors or issues, or without any record.
  expect_input_error([] { decide_text("#P\tx\n"); }, 0, 0, "#A", "at least one #A line");
  expect_input_error([] { decide_text("#A\ta\n"); }, 0, 0, "#P", "at least one #P line");
  expect_input_error([] { decide_text("parley: 1\n"); }, 1, 1, "", "a Decide input file");
}

// What only a Decide file sets (power by issue, meanings as scale labels, 0-100 saliences, a
// description) survives the scenario writer.
TEST(DecideInput, RoundTripsThroughTheScenarioWriter) {
  const Scenario s = decide_text(
      "#O\tA case\n#A\ta b\n#A\tb\n#P\tx\n#M\tx\t-5\tleft\n#M\tx\t0\tcentre\n#M\tx\t5\tright\n#P\ty\n"
      "#D\ta b\tx\t-1\t40\t2\n#D\ta b\ty\t60\t70\t3\n#D\tb\tx\t5\t100\t1\n");
  ASSERT_TRUE(s.has_issue_capabilities());
  testing::expect_same_scenario(s, read_scenario_text(scenario_to_yaml(s), "written.yaml"));
  testing::expect_same_scenario(s, read_scenario_text(scenario_to_json(s), "written.json"));
}

// Decide's own file with errors: no #M lines (every issue on 0-100), Russia at 160 on Control.
TEST(DecideInput, TheFileWithErrorsIsRefusedAtItsFirstError) {
  expect_input_error([] { read_scenario_file(testing::data_path("decide/copenhagen_with_errors.csv")); }, 86, 19, "#D position",
                     "a position within [0, 100]");
}

}  // namespace
}  // namespace parley
