// The queue of the exchange model's round (docs/models/exchange.md, "Speed"): each candidate's
// gain at its last calculation and whether it was dropped, and an indexed max-heap of blocks of
// kBlock consecutive candidates, ordered by an upper bound of their gains. A gain that rises above
// its block's bound moves the block up at once; a gain that falls, or a drop, leaves the bound, and
// the block is put in place when it reaches the top (settle(): its exact highest gain, or out of
// the heap when none of its candidates is left). So the top, once settled, holds the highest gain,
// and every candidate within a threshold of it lies in the blocks whose bounds reach the threshold
// (at_least()). The heap is small (kBlock times fewer nodes than candidates): it stays in the cache.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace parley::models::exchange {

class GainQueue {
 public:
  /// Empties the queue for candidates 0 .. n-1, all dropped.
  void reset(std::size_t n) {
    heap_.clear();
    gain_.assign(n, 0);
    dropped_.assign((n + 63) / 64, ~std::uint64_t{0});
    pos_.assign((n + kBlock - 1) / kBlock, kNone);
  }
  /// Adds candidate `id` with gain `key` (before build()).
  void add(std::uint32_t id, double key) {
    gain_[id] = key;
    dropped_[id / 64] &= ~(std::uint64_t{1} << (id % 64));
  }
  /// Orders the blocks with a candidate into a heap.
  void build() {
    for (std::uint32_t b = 0; b < pos_.size(); ++b)
      if (const std::optional<double> best = best_of(b)) {
        pos_[b] = static_cast<std::uint32_t>(heap_.size());
        heap_.push_back({*best, b});
      }
    if (heap_.size() < 2) return;
    for (std::size_t i = (heap_.size() - 2) / kArity + 1; i-- > 0;) sift_down(i);  // from the last parent
  }

  double gain(std::uint32_t id) const { return gain_[id]; }
  bool dropped(std::uint32_t id) const { return (dropped_[id / 64] >> (id % 64)) & 1; }
  /// Drops candidate `id` (not dropped) for the rest of the round.
  void drop(std::uint32_t id) { dropped_[id / 64] |= std::uint64_t{1} << (id % 64); }
  /// Candidate `id` (not dropped) has the gain `key`.
  void set(std::uint32_t id, double key) {
    gain_[id] = key;
    const std::size_t i = pos_[id / kBlock];
    if (key > heap_[i].bound) {
      heap_[i].bound = key;
      sift_up(i);
    }
  }
  /// Asks for the gain of candidate `id`, soon to be read, to be brought into the cache.
  void prefetch(std::uint32_t id) const { __builtin_prefetch(&gain_[id]); }

  /// Puts the top block's bound at its highest gain (or takes it out of the heap when none of its
  /// candidates is left) until the top is exact: the highest gain of the candidates not dropped,
  /// or nothing if none is left.
  std::optional<double> settle() {
    while (!heap_.empty()) {
      const std::optional<double> best = best_of(heap_.front().block);
      if (!best) {
        pop();
      } else if (*best != heap_.front().bound) {
        heap_.front().bound = *best;
        sift_down(0);
      } else {
        return best;
      }
    }
    return std::nullopt;
  }
  /// The candidates not dropped whose gain is at least `threshold` (in no particular order).
  void at_least(double threshold, std::vector<std::uint32_t>& out) {
    out.clear();
    stack_.clear();
    if (!heap_.empty()) stack_.push_back(0);
    while (!stack_.empty()) {
      const std::size_t i = stack_.back();
      stack_.pop_back();
      if (!(heap_[i].bound >= threshold)) continue;
      const std::uint32_t first = heap_[i].block * kBlock, end = std::min(first + kBlock, static_cast<std::uint32_t>(gain_.size()));
      for (std::uint32_t id = first; id < end; ++id)
        if (!dropped(id) && gain_[id] >= threshold) out.push_back(id);
      for (std::size_t c = kArity * i + 1; c <= kArity * i + kArity && c < heap_.size(); ++c) stack_.push_back(c);
    }
  }

 private:
  static constexpr std::uint32_t kBlock = 32;  // candidates per block: 32 gains are 4 cache lines
  static constexpr std::size_t kArity = 4;     // children of a node: 4 nodes of 16 bytes share a cache line
  static constexpr std::uint32_t kNone = ~std::uint32_t{0};
  struct Node {
    double bound;  // at least the gain of every candidate of the block not dropped
    std::uint32_t block;
  };

  /// The highest gain of block `b`'s candidates not dropped, if any.
  std::optional<double> best_of(std::uint32_t b) const {
    std::optional<double> best;
    const std::uint32_t first = b * kBlock, end = std::min(first + kBlock, static_cast<std::uint32_t>(gain_.size()));
    for (std::uint32_t id = first; id < end; ++id)
      if (!dropped(id) && (!best || gain_[id] > *best)) best = gain_[id];
    return best;
  }
  void pop() {
    pos_[heap_.front().block] = kNone;
    heap_.front() = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) sift_down(0);
  }
  void sift_up(std::size_t i) {
    const Node n = heap_[i];
    while (i > 0) {
      const std::size_t parent = (i - 1) / kArity;
      if (!(heap_[parent].bound < n.bound)) break;
      place(i, heap_[parent]);
      i = parent;
    }
    place(i, n);
  }
  void sift_down(std::size_t i) {
    const Node n = heap_[i];
    const std::size_t size = heap_.size();
    for (;;) {
      const std::size_t first = kArity * i + 1;
      if (first >= size) break;
      std::size_t c = first;
      for (std::size_t d = first + 1; d < first + kArity && d < size; ++d)
        if (heap_[c].bound < heap_[d].bound) c = d;
      if (!(n.bound < heap_[c].bound)) break;
      place(i, heap_[c]);
      i = c;
    }
    place(i, n);
  }
  void place(std::size_t i, const Node& n) {
    heap_[i] = n;
    pos_[n.block] = static_cast<std::uint32_t>(i);
  }

  std::vector<double> gain_;            // [candidate]
  std::vector<std::uint64_t> dropped_;  // bit per candidate: invalid at its last calculation, or realised
  std::vector<std::uint32_t> pos_;      // [block]: its index in heap_, or kNone
  std::vector<Node> heap_;
  std::vector<std::size_t> stack_;
};

}  // namespace parley::models::exchange
