#include "core/parallel.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace parley {
namespace {

/// An exception type of the tests' own, to check that the caller gets the very type thrown.
struct BlockFailed : std::runtime_error {
  BlockFailed(std::size_t first, std::thread::id where)
      : std::runtime_error("block at " + std::to_string(first)), begin(first), thread(where) {}
  std::size_t begin;
  std::thread::id thread;
};

TEST(ParallelBlocks, CoversEveryIndexOnce) {
  std::vector<std::atomic<int>> hits(1000);
  parallel_blocks(
      hits.size(),
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) ++hits[i];
      },
      1, 4);
  for (const auto& h : hits) EXPECT_EQ(h.load(), 1);
}

TEST(ParallelBlocks, AThrowInAWorkerThreadReachesTheCallerWithItsType) {
  const std::thread::id caller = std::this_thread::get_id();
  try {
    parallel_blocks(
        1000,
        [&](std::size_t begin, std::size_t end) {
          if (begin <= 900 && 900 < end) throw BlockFailed(begin, std::this_thread::get_id());
        },
        1, 4);
    FAIL() << "no exception";
  } catch (const BlockFailed& e) {
    EXPECT_EQ(e.begin, 750u);
    EXPECT_NE(e.thread, caller);  // it was thrown on a worker, not on the calling thread
  }
}

TEST(ParallelBlocks, AThrowOnTheCallingThreadWaitsForTheWorkers) {
  std::atomic<std::size_t> done{0};
  EXPECT_THROW(parallel_blocks(
                   400,
                   [&](std::size_t begin, std::size_t end) {
                     if (begin == 0) throw std::out_of_range("first block");
                     std::this_thread::sleep_for(std::chrono::milliseconds(20));
                     done += end - begin;
                   },
                   1, 4),
               std::out_of_range);
  EXPECT_EQ(done.load(), 300u);  // every other block ran to its end before the caller saw the error
}

TEST(ParallelBlocks, TheFirstBlockInOrderWinsWhateverTheTiming) {
  // Later blocks throw first: the caller still gets block 1's exception.
  for (int attempt = 0; attempt < 5; ++attempt) {
    try {
      parallel_blocks(
          400,
          [&](std::size_t begin, std::size_t) {
            if (begin == 0) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(begin == 100 ? 30 : 0));
            throw BlockFailed(begin, std::this_thread::get_id());
          },
          1, 4);
      FAIL() << "no exception";
    } catch (const BlockFailed& e) {
      EXPECT_EQ(e.begin, 100u);
    }
  }
}

TEST(ParallelBlocks, InlineRunsThrowToo) {
  EXPECT_THROW(parallel_blocks(
                   10, [](std::size_t, std::size_t) { throw std::logic_error("inline"); }, 64, 4),
               std::logic_error);
  EXPECT_THROW(parallel_blocks(
                   1000, [](std::size_t, std::size_t) { throw std::logic_error("one thread"); }, 1, 1),
               std::logic_error);
}

}  // namespace
}  // namespace parley
