// The exchange model's queue (src/models/exchange/exchange_queue.hpp) against a plain list: after
// any sequence of new gains and drops, settle() gives the highest gain of the candidates not
// dropped and at_least() exactly those within the threshold.
#include "models/exchange/exchange_queue.hpp"

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

namespace parley {
namespace {

using models::exchange::GainQueue;

TEST(ExchangeQueue, SettlesOnTheHighestGainAndFindsTheTied) {
  GainQueue queue;
  queue.reset(0);
  queue.build();
  EXPECT_EQ(queue.settle(), std::nullopt);
  queue.reset(5);
  const double gains[] = {3, 7, 7, 1, 5};
  for (std::uint32_t id = 0; id < 5; ++id) queue.add(id, gains[id]);
  queue.build();
  EXPECT_EQ(queue.settle(), 7);
  std::vector<std::uint32_t> tied;
  queue.at_least(7, tied);
  std::sort(tied.begin(), tied.end());
  EXPECT_EQ(tied, (std::vector<std::uint32_t>{1, 2}));
  queue.set(1, 2);  // falls: its bound stays 7 until it reaches the top
  queue.drop(2);
  EXPECT_EQ(queue.settle(), 5);
  queue.set(3, 9);  // rises
  EXPECT_EQ(queue.settle(), 9);
  for (std::uint32_t id : {0u, 1u, 3u, 4u}) queue.drop(id);
  EXPECT_EQ(queue.settle(), std::nullopt);
}

TEST(ExchangeQueue, AgreesWithAPlainList) {
  const auto ok = rc::check([] {
    const auto n = *rc::gen::inRange<std::uint32_t>(1, 1000);
    std::vector<double> gain(n);
    std::vector<bool> dropped(n, false);
    GainQueue queue;
    queue.reset(n);
    for (std::uint32_t id = 0; id < n; ++id) queue.add(id, gain[id] = *rc::gen::inRange(1, 50));
    queue.build();
    const auto steps = *rc::gen::inRange(1, 2000);
    for (int step = 0; step < steps; ++step) {
      const auto id = *rc::gen::inRange<std::uint32_t>(0, n);
      if (dropped[id]) continue;
      if (*rc::gen::inRange(0, 3) == 0)
        queue.drop(id), dropped[id] = true;
      else
        queue.set(id, gain[id] = *rc::gen::inRange(1, 50));
      if (step % 97 != 0) continue;
      std::optional<double> best;
      for (std::uint32_t k = 0; k < n; ++k)
        if (!dropped[k] && (!best || gain[k] > *best)) best = gain[k];
      RC_ASSERT(queue.settle() == best);
      if (!best) continue;
      std::vector<std::uint32_t> expected, found;
      for (std::uint32_t k = 0; k < n; ++k)
        if (!dropped[k] && gain[k] >= *best - 2) expected.push_back(k);
      queue.at_least(*best - 2, found);
      std::sort(found.begin(), found.end());
      RC_ASSERT(found == expected);
    }
  });
  EXPECT_TRUE(ok);
}

}  // namespace
}  // namespace parley
