// `parley run --model exchange` shows its exchanges (issue #17 item 4): --trace writes the exchange
// trace, the table names the largest exchanges, JSON lists them all.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli/cli_support.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::contains;
using parley::testing::parley_cli;
using parley::testing::Result;

const std::string kExchangeSample = parley::testing::data_path(parley::testing::kDecideSample);

TEST(ExchangeOutputCli, TraceTableAndJsonShowTheExchanges) {
  const fs::path dir = parley::testing::temp("exchange-trace");
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string trace = (dir / "trace.json").string();
  const Result r = parley_cli("run '" + kExchangeSample + "' --model exchange --rounds 2 --trace '" + trace + "'");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "round  1: ")) << r.out;
  EXPECT_TRUE(contains(r.out, "exchanges of 240 candidates (230 valid); the largest:")) << r.out;
  EXPECT_TRUE(contains(parley::testing::read_text(trace), "{\"schema\":\"parley.exchange-trace/1\",")) << trace;
  EXPECT_TRUE(contains(parley::testing::read_text(trace), "\"start\":[[")) << trace;
  const Result j = parley_cli("run '" + kExchangeSample + "' --model exchange --rounds 2 -f json");
  ASSERT_EQ(j.code, 0) << j.out;
  EXPECT_TRUE(contains(j.out, "\"exchanges\": [")) << j.out;
  EXPECT_TRUE(contains(j.out, "\"demand\": \"")) << j.out;
}

}  // namespace
