// Issue #14, item 7: a sweep's summary is read back in a few passes over its draws, in memory that
// does not grow with the number of draws, and is bit for bit what summarize_sweep (every draw in
// memory) gives. Also: the results database hands back draws in draw order without loading them
// all, even when resumed batches interleave.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <filesystem>
#include <limits>

#include "models/model_fixtures.hpp"
#include "parley/io.hpp"
#include "parley/model_error.hpp"
#include "parley/results_db.hpp"
#include "parley/sweep.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

/// Bit-for-bit equality (NaN equals NaN; −0 differs from +0).
void expect_same(double a, double b, const std::string& what) {
  EXPECT_EQ(std::bit_cast<std::uint64_t>(a), std::bit_cast<std::uint64_t>(b)) << what << ": " << a << " vs " << b;
}

void expect_same(const std::vector<IssueSummary>& a, const std::vector<IssueSummary>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].issue_id, b[i].issue_id);
    EXPECT_EQ(a[i].draws, b[i].draws);
    const std::string id = a[i].issue_id;
    expect_same(a[i].mean, b[i].mean, id + " mean");
    expect_same(a[i].sd, b[i].sd, id + " sd");
    expect_same(a[i].q05, b[i].q05, id + " q05");
    expect_same(a[i].q25, b[i].q25, id + " q25");
    expect_same(a[i].q50, b[i].q50, id + " q50");
    expect_same(a[i].q75, b[i].q75, id + " q75");
    expect_same(a[i].q95, b[i].q95, id + " q95");
  }
}

void expect_same(const std::vector<ClassSummary>& a, const std::vector<ClassSummary>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t c = 0; c < a.size(); ++c) {
    EXPECT_EQ(a[c].name, b[c].name);
    EXPECT_EQ(a[c].probability.count, b[c].probability.count);
    EXPECT_EQ(a[c].probability.total, b[c].probability.total);
    expect_same(a[c].probability.low, b[c].probability.low, a[c].name);
  }
}

void expect_same(const SweepSummary& a, const SweepSummary& b) {
  EXPECT_EQ(a.draws, b.draws);
  expect_same(a.issues, b.issues);
  expect_same(a.classes, b.classes);
  ASSERT_EQ(a.overlaps.size(), b.overlaps.size());
  for (std::size_t k = 0; k < a.overlaps.size(); ++k) EXPECT_EQ(a.overlaps[k].draws, b.overlaps[k].draws);
  ASSERT_EQ(a.unclassified.size(), b.unclassified.size());
  for (std::size_t k = 0; k < a.unclassified.size(); ++k) EXPECT_EQ(a.unclassified[k].share.count, b.unclassified[k].share.count);
}

/// Draws held in memory, replayed in draw order, counting the passes.
struct Arrays {
  std::size_t issues = 0, classes = 0;
  std::vector<double> outcomes;
  std::vector<unsigned char> members;
  int passes = 0;
  DrawReplay replay() {
    return [this](const DrawVisitor& visit) {
      ++passes;
      for (std::size_t d = 0; d < outcomes.size() / issues; ++d) visit(d, &outcomes[d * issues], members.data() + d * classes);
    };
  }
};

Arrays evaluate(const SweepSetup& setup, std::uint64_t draws) {
  Arrays a{setup.issues(), setup.classes(), std::vector<double>(draws * setup.issues()),
           std::vector<unsigned char>(draws * setup.classes()), 0};
  SweepControl control;
  control.threads = 2;
  evaluate_draws(setup, std::vector<DrawRange>{{0, draws}}, control, [&](const DrawChunk& c) {
    for (std::size_t k = 0; k < c.size(); ++k) {
      std::copy_n(&c.outcomes[k * a.issues], a.issues, &a.outcomes[c.draws[k] * a.issues]);
      std::copy_n(&c.classes[k * a.classes], a.classes, &a.members[c.draws[k] * a.classes]);
    }
  });
  return a;
}

const ModelSkill& compromise_skill() { return *shipped_skill().find("compromise"); }

TEST(SweepStreaming, EqualsTheInMemorySummaryWithModelErrorInOnePassOrInMany) {
  const Scenario s = read_scenario_file(testing::source_path("scenarios/examples/arms-control.yaml"));
  const SweepSetup setup(s, *find_model("compromise"), {}, {7, 0.3});
  Arrays a = evaluate(setup, 3000);
  const SweepSummary expected = summarize_sweep(s, 3000, a.outcomes.data(), a.members.data());
  const ModelErrorSummary expected_error = summarize_model_error(s, compromise_skill(), 7, 3000, a.outcomes.data());
  for (std::size_t budget : {kSummaryBudget, std::size_t{0}}) {
    a.passes = 0;
    const SweepSummary got = summarize_draws(s, a.replay(), &compromise_skill(), 7, budget);
    expect_same(expected, got);
    ASSERT_TRUE(got.with_model_error);
    expect_same(expected_error.issues, got.with_model_error->issues);
    expect_same(expected_error.classes, got.with_model_error->classes);
    // Everything fits: one read, as before; or squared deviations, then the quantiles' buckets.
    EXPECT_TRUE(budget == kSummaryBudget ? a.passes == 1 : a.passes > 2) << a.passes;
  }
  // By the model's name, as the sweep command asks for it.
  const SweepSummary named = summarize_draws(s, a.replay(), "compromise", 7);
  ASSERT_TRUE(named.with_model_error);
  EXPECT_EQ(named.with_model_error->model, "compromise");
  EXPECT_EQ(named.with_model_error->data, shipped_skill().data);
}

/// One issue, two classes of one group (the summary reads no expression).
Scenario one_issue_with_classes() {
  Scenario s = testing::one_issue({{30}, {50}, {100}});
  s.outcome_classes.push_back({"low", "", "i < 0", "g"});
  s.outcome_classes.push_back({"high", "", "i >= 0", "g"});
  return s;
}

TEST(SweepStreaming, FindsExactQuantilesAmongTiesSignedZerosNansAndAWideSpread) {
  const Scenario s = one_issue_with_classes();
  Arrays a{1, 2, {}, {}, 0};
  std::uint64_t x = 88172645463325252ull;
  auto next = [&] { return x ^= x << 13, x ^= x >> 7, x ^= x << 17; };
  for (int d = 0; d < 20000; ++d) {
    const std::uint64_t r = next();
    double v = 0;
    switch (r % 8) {
      case 0:
        v = 0.0;
        break;
      case 1:
        v = -0.0;
        break;
      case 2:
        v = std::numeric_limits<double>::quiet_NaN();
        break;
      case 3:
        v = 42.5;
        break;  // a point mass
      case 4:
        v = std::ldexp(static_cast<double>(r >> 11), static_cast<int>(r % 1200) - 600);
        break;
      case 5:
        v = -std::ldexp(static_cast<double>(r >> 11), static_cast<int>(r % 40));
        break;
      default:
        v = static_cast<double>(r % 1000) / 7;
        break;
    }
    a.outcomes.push_back(v);
    a.members.push_back(static_cast<unsigned char>((r >> 3) & 1));
    a.members.push_back(static_cast<unsigned char>((r >> 4) & 1));
  }
  const SweepSummary expected = summarize_sweep(s, 20000, a.outcomes.data(), a.members.data());
  for (std::size_t budget : {kSummaryBudget, std::size_t{0}}) expect_same(expected, summarize_draws(s, a.replay(), nullptr, 0, budget));
  // A single value, and nothing at all.
  for (std::vector<double> only : {std::vector<double>{3.25}, std::vector<double>{std::nan("")}}) {
    Arrays one{1, 2, only, {0, 1}, 0};
    expect_same(summarize_sweep(s, 1, one.outcomes.data(), one.members.data()), summarize_draws(s, one.replay(), nullptr, 0, 0));
  }
}

TEST(SweepStreaming, HoldsNoMoreValuesForAHundredTimesTheDraws) {
  const Scenario s = one_issue_with_classes();
  const unsigned char members[2] = {1, 0};
  std::size_t held[2] = {0, 0};
  const std::uint64_t sizes[2] = {2'000, 200'000};
  for (int k = 0; k < 2; ++k) {
    const DrawReplay replay = [&](const DrawVisitor& visit) {
      for (std::uint64_t d = 0; d < sizes[k]; ++d) {
        const double v = std::sin(static_cast<double>(d) * 0.7) * 50 + static_cast<double>(d % 97);
        visit(d, &v, members);
      }
    };
    const SweepSummary got = summarize_draws(s, replay, nullptr, 0, 10'000, &held[k]);
    EXPECT_EQ(got.draws, sizes[k]);
    // The same numbers as with every draw in memory.
    std::vector<double> all;
    std::vector<unsigned char> m;
    replay([&](std::uint64_t, const double* v, const unsigned char* c) {
      all.push_back(*v);
      m.insert(m.end(), c, c + 2);
    });
    expect_same(summarize_sweep(s, sizes[k], all.data(), m.data()), got);
  }
  EXPECT_LE(held[0], 2048u);
  EXPECT_LE(held[1], 2048u);  // a hundred times the draws, the same bound: a bucket or the budget's share
}

TEST(SweepStreaming, TheResultsDatabaseHandsBackInterleavedBatchesInDrawOrder) {
  const std::filesystem::path path = parley::testing::removed_at_exit(std::filesystem::temp_directory_path() / "parley-streaming-order.db");
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  const SweepSetup setup(read_scenario_file(testing::source_path("scenarios/examples/arms-control.yaml")), *find_model("compromise"), {},
                         {1, 0});
  ResultsDb db(path.string());
  RunRecord r;
  r.model = "compromise";
  r.draws = 12;
  const std::int64_t run = db.create_run(r, setup);
  // A sweep's batches, then a resumption's that fill the gaps between them (and straddle them).
  for (const std::vector<std::uint64_t>& draws : std::vector<std::vector<std::uint64_t>>{{0, 1, 5, 6}, {2, 3, 4}, {10, 11}, {7, 9}, {8}}) {
    DrawChunk c;
    c.draws = draws;
    c.inputs.resize(draws.size() * setup.inputs());
    for (std::uint64_t d : draws)
      for (std::size_t i = 0; i < setup.issues(); ++i) c.outcomes.push_back(static_cast<double>(d * 100 + i));
    c.classes.resize(draws.size() * setup.classes());
    db.insert(run, c);
  }
  std::vector<std::uint64_t> seen;
  db.load(run, [&](const StoredDraw& d) {
    seen.push_back(d.draw);
    EXPECT_EQ(d.outcomes[1], static_cast<double>(d.draw * 100 + 1));
  });
  EXPECT_EQ(seen, (std::vector<std::uint64_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}));
}

}  // namespace
}  // namespace parley
