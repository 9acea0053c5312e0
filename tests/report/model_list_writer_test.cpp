// write_model_list: what `parley models` prints (golden file from generate.sh).
#include <gtest/gtest.h>

#include "parley/parley.hpp"
#include "report/golden_support.hpp"

namespace parley {
namespace {

using testing::expect_golden;
using testing::written;

TEST(ModelListWriter, PrintsWhatParleyModelsPrints) {
  expect_golden("models.txt", written([](std::ostream& out) { write_model_list(out, all_models()); }));
}

TEST(ModelListWriter, WritesOnlyTheModelsItIsGiven) {
  const Model* median = find_model("median");
  ASSERT_NE(median, nullptr);
  const std::string text = written([&](std::ostream& out) { write_model_list(out, {median}); });
  EXPECT_EQ(text.rfind("median       ", 0), 0u) << text;
  EXPECT_EQ(text.find("compromise"), std::string::npos) << text;
  EXPECT_EQ(written([](std::ostream& out) { write_model_list(out, {}); }), "");
}

}  // namespace
}  // namespace parley
