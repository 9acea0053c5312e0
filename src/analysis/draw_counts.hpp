// One pass over the draws of a scenario's uncertain inputs that counts what each drawn scenario
// shows (feasibility.cpp, package_deal.cpp): each draw is sampled and set once, however many
// counters read it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <vector>

#include "core/parallel.hpp"
#include "parley/feasibility.hpp"
#include "parley/sampling.hpp"
#include "parley/scenario.hpp"

namespace parley {

/// Calls counts.add(drawn) for every draw d < draws of `sampler`, over the threads in blocks of 64
/// draws. Each block counts into its own copy of `total` as it was given (empty counts), which
/// total.merge(copy) then adds under a lock: integer counts, so the total is the same in any order
/// and whatever the thread count.
template <typename Counts>
void count_draws(const Scenario& scenario, const InputSampler& sampler, std::uint64_t draws, unsigned threads, Counts& total) {
  const Counts empty = total;
  std::mutex lock;
  parallel_blocks(
      draws,
      [&](std::size_t begin, std::size_t end) {
        Scenario drawn = scenario;
        std::vector<double> values(sampler.inputs().size());
        Counts mine = empty;
        for (std::size_t d = begin; d < end; ++d) {
          sampler.sample(d, values.data());
          set_inputs(drawn, sampler.inputs(), values.data());
          mine.add(drawn);
        }
        std::lock_guard guard(lock);
        total.merge(mine);
      },
      64, std::max(1u, threads));
}

/// Counts of feasibility_odds: zones per issue, binding constraints, a zone on every issue.
struct FeasibilityCounts {
  explicit FeasibilityCounts(const Scenario& scenario);
  void add(const Scenario& drawn);
  void merge(const FeasibilityCounts& other);
  FeasibilityOdds odds(std::uint64_t draws) const;

  std::vector<std::uint64_t> zone;
  std::uint64_t every = 0;
  std::vector<std::vector<std::vector<std::uint64_t>>> lower, upper;  // [issue][side][ratifier]
};

/// Counts of package_deal_odds: draws with a deal, per package.
struct DealCounts {
  explicit DealCounts(const std::vector<std::vector<std::size_t>>& chosen) : packages(&chosen), deals(chosen.size(), 0) {}
  void add(const Scenario& drawn);
  void merge(const DealCounts& other);

  const std::vector<std::vector<std::size_t>>* packages;
  std::vector<std::uint64_t> deals;
};

}  // namespace parley
