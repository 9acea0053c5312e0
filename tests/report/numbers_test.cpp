#include "report/output/numbers.hpp"

#include <gtest/gtest.h>

namespace parley::report {
namespace {

// A probability from draws never reads 100 % or 0 % (docs/uncertainty.md): in all or none of the
// draws it names the bound of the 95 % Wilson interval instead.
TEST(ProbabilityWords, AllOrNoneOf200DrawsNameTheWilsonBound) {
  EXPECT_EQ(probability_words(wilson_interval(200, 200)), "in all 200 draws (≥ 98.1 %, 95 % interval)");
  EXPECT_EQ(probability_words(wilson_interval(0, 200)), "in none of 200 draws (≤ 1.9 %, 95 % interval)");
  EXPECT_EQ(probability_cell(wilson_interval(200, 200)), "≥ 0.981");
  EXPECT_EQ(probability_cell(wilson_interval(0, 200)), "≤ 0.019");
}

TEST(ProbabilityWords, ABoundNeverReadsAs0Or100) {
  // 20000 draws: the Wilson bounds are 0.000192 and 0.999808.
  EXPECT_EQ(probability_cell(wilson_interval(0, 20000)), "≤ 0.0002");
  EXPECT_EQ(probability_cell(wilson_interval(20000, 20000)), "≥ 0.9998");
  EXPECT_EQ(probability_words(wilson_interval(0, 20000)), "in none of 20000 draws (≤ 0.02 %, 95 % interval)");
  EXPECT_EQ(probability_words(wilson_interval(20000, 20000)), "in all 20000 draws (≥ 99.98 %, 95 % interval)");
  EXPECT_EQ(probability_percent(wilson_interval(0, 20000)), "≤ 0.02 %");
  EXPECT_EQ(probability_percent(wilson_interval(200, 200)), "≥ 98.1 %");
  EXPECT_EQ(probability_percent(wilson_interval(83, 100)), "83 %");
}

TEST(ProbabilityWords, NearlyAllOrNoneNeverRoundsTo100Or0) {
  EXPECT_EQ(probability_words(wilson_interval(199, 200)), "> 99 %");  // 99.5 % would round to 100
  EXPECT_EQ(probability_words(wilson_interval(1, 200)), "< 1 %");     // 0.5 % would round to 0
  EXPECT_EQ(probability_cell(wilson_interval(19999, 20000)), "> 0.999");
  EXPECT_EQ(probability_cell(wilson_interval(1, 20000)), "< 0.001");
  EXPECT_EQ(probability_words(wilson_interval(83, 100)), "83 %");
  EXPECT_EQ(probability_cell(wilson_interval(83, 100)), "0.830");
}

}  // namespace
}  // namespace parley::report
