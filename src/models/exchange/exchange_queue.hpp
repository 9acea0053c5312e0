// The queue of the exchange model's round (docs/models/exchange.md, "Speed"): each candidate's
// gain at its last calculation and whether it was dropped, and an indexed max-heap of the candidates
// ordered by an upper bound of their gains. A gain that rises above its bound moves its entry up at
// once; a gain that falls leaves its bound, and the entry is put in place when it reaches the top
// (settle()); dropped candidates leave the heap when they reach the top, or all at once when they
// outnumber the others. So the top, once settled, holds the highest gain, and every candidate within
// a threshold of it lies in the part of the heap whose bounds reach the threshold (at_least()).
#pragma once

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
    gain_.assign(n, {0, 0});
    dropped_.assign((n + 63) / 64, ~std::uint64_t{0});
    pos_.assign(n, 0);
    live_ = 0;
  }
  /// Adds candidate `id` with gain `key` (before build()).
  void add(std::uint32_t id, double key) {
    gain_[id] = {key, key};
    dropped_[id / 64] &= ~(std::uint64_t{1} << (id % 64));
    ++live_;
    pos_[id] = static_cast<std::uint32_t>(heap_.size());
    heap_.push_back({key, id});
  }
  /// Orders the added candidates into a heap.
  void build() {
    if (heap_.size() < 2) return;
    for (std::size_t i = (heap_.size() - 2) / kArity + 1; i-- > 0;) sift_down(i);  // from the last parent
  }

  double gain(std::uint32_t id) const { return gain_[id].key; }
  bool dropped(std::uint32_t id) const { return (dropped_[id / 64] >> (id % 64)) & 1; }
  /// Drops candidate `id` (not dropped) for the rest of the round.
  void drop(std::uint32_t id) { dropped_[id / 64] |= std::uint64_t{1} << (id % 64), --live_; }
  /// Candidate `id` (not dropped) has the gain `key`.
  void set(std::uint32_t id, double key) {
    Gain& g = gain_[id];
    g.key = key;
    if (key > g.bound) {
      g.bound = key;
      const std::size_t i = pos_[id];
      heap_[i].bound = key;
      sift_up(i);
    }
  }
  /// Asks for the state of candidate `id`, soon to be read, to be brought into the cache.
  void prefetch(std::uint32_t id) const { __builtin_prefetch(&gain_[id]); }

  /// Drops the dropped candidates at the top and puts the top's bound at its gain until the top
  /// is exact: the highest gain of the candidates not dropped, or nothing if none is left.
  std::optional<double> settle() {
    if (heap_.size() > 2 * live_ + 1024) rebuild();
    while (!heap_.empty()) {
      const std::uint32_t id = heap_.front().id;
      if (dropped(id)) {
        pop();
      } else if (gain_[id].bound != gain_[id].key) {
        gain_[id].bound = heap_.front().bound = gain_[id].key;
        sift_down(0);
      } else {
        return gain_[id].key;
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
      const std::uint32_t id = heap_[i].id;
      if (!dropped(id) && gain_[id].key >= threshold) out.push_back(id);
      for (std::size_t c = kArity * i + 1; c <= kArity * i + kArity && c < heap_.size(); ++c) stack_.push_back(c);
    }
  }

 private:
  struct Gain {
    double key;    // at the last calculation
    double bound;  // that of its entry in the heap: at least key
  };
  struct Node {
    double bound;
    std::uint32_t id;
  };
  static constexpr std::size_t kArity = 4;  // children of a node: 4 nodes of 16 bytes share a cache line

  /// The heap of the candidates not dropped (their bounds stand).
  void rebuild() {
    std::size_t n = 0;
    for (const Node& node : heap_)
      if (!dropped(node.id)) heap_[n++] = node;
    heap_.resize(n);
    for (std::size_t i = 0; i < n; ++i) pos_[heap_[i].id] = static_cast<std::uint32_t>(i);
    build();
  }
  void pop() {
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
    pos_[n.id] = static_cast<std::uint32_t>(i);
  }

  std::vector<Gain> gain_;              // [candidate]
  std::vector<std::uint64_t> dropped_;  // bit per candidate: invalid at its last calculation, or realised
  std::vector<std::uint32_t> pos_;      // [candidate]: its index in heap_
  std::vector<Node> heap_;
  std::size_t live_ = 0;  // candidates not dropped
  std::vector<std::size_t> stack_;
};

}  // namespace parley::models::exchange
