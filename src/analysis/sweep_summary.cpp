// summarize_draws: the summary summarize_sweep gives, read in a few passes over draws replayed in
// draw order, with memory that does not grow with the number of draws.
//
// Pass 1 counts, sums (in draw order, as summarize_sweep does) and counts the classes; an issue
// whose outcomes fit in its share of the budget keeps them and is finished from memory exactly as
// summarize_sweep finishes it. For the others, pass 2 sums the squared deviations from the mean
// (in draw order again) and each later pass narrows down the order statistics the quantiles read:
// a histogram of kBins buckets over a range of order keys (the bits of a double mapped to an
// unsigned integer in the same order), then the bucket holding each wanted rank, until a bucket is
// one value or small enough to gather and sort. Exact: the same doubles, the same arithmetic.
#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <memory>

#include "core/not_a_number.hpp"
#include "parley/model_error.hpp"
#include "parley/sweep.hpp"

namespace parley {

namespace {

constexpr std::size_t kBins = 2048;
constexpr unsigned kBinBits = 11;  // 2^11 = kBins
constexpr double kProbabilities[5] = {0.05, 0.25, 0.50, 0.75, 0.95};
constexpr std::uint64_t kSignBit = std::uint64_t{1} << 63;

/// Unsigned keys in the order of the doubles (−0 just below +0); NaN never gets one.
std::uint64_t order_key(double x) {
  const auto b = std::bit_cast<std::uint64_t>(x);
  return (b & kSignBit) ? ~b : b | kSignBit;
}
double from_key(std::uint64_t k) { return std::bit_cast<double>((k & kSignBit) ? k & ~kSignBit : ~k); }

/// The two order statistics type-7 quantile p of n values reads (as sorted_quantile does).
std::pair<std::uint64_t, std::uint64_t> quantile_ranks(std::uint64_t n, double p) {
  const double h = (static_cast<double>(n) - 1) * p;
  const auto lo = static_cast<std::uint64_t>(std::floor(h));
  return {lo, std::min(n - 1, lo + 1)};
}

/// Keys [lo, hi] known to hold the order statistics `ranks`, with `below` values under lo.
struct Probe {
  std::uint64_t lo = 0, hi = 0, below = 0;
  unsigned shift = 0;  // histogram bucket of key k: (k - lo) >> shift
  bool gather = false;
  std::vector<std::uint64_t> ranks;
  std::vector<std::uint64_t> counts;  // the histogram, unless gather
  std::vector<double> values;         // gathered, if gather
};

/// One issue's outcomes (or its outcomes with the model's error), pass by pass.
class IssueStream {
 public:
  explicit IssueStream(std::size_t limit) : limit_(limit) {}

  void first(double x) {
    if (std::isnan(x)) return;
    ++n_;
    sum_ += x;
    const std::uint64_t k = order_key(x);
    min_key_ = std::min(min_key_, k);
    max_key_ = std::max(max_key_, k);
    if (in_memory_ && values_.size() < limit_) {
      values_.push_back(x);
    } else if (in_memory_) {
      in_memory_ = false;
      std::vector<double>().swap(values_);
    }
  }

  /// After pass 1; true when finished.
  bool settle_first() {
    if (n_ == 0) return squared_ = true;
    mean_ = sum_ / static_cast<double>(n_);
    squared_ = in_memory_;
    held_ = in_memory_ ? values_.size() : limit_;
    if (in_memory_) {
      for (double x : values_) ss_ += (x - mean_) * (x - mean_);
      std::sort(values_.begin(), values_.end());
      for (double p : kProbabilities) {
        const auto [lo, hi] = quantile_ranks(n_, p);
        resolved_.emplace_back(lo, values_[lo]);
        resolved_.emplace_back(hi, values_[hi]);
      }
      std::vector<double>().swap(values_);
      return true;
    }
    std::vector<std::uint64_t> ranks;
    for (double p : kProbabilities) {
      const auto [lo, hi] = quantile_ranks(n_, p);
      ranks.push_back(lo);
      ranks.push_back(hi);
    }
    std::sort(ranks.begin(), ranks.end());
    ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
    add_probe(min_key_, max_key_, 0, n_, std::move(ranks));
    return probes_.empty();
  }

  void next(double x) {
    if (std::isnan(x)) return;
    if (!squared_) ss_ += (x - mean_) * (x - mean_);
    const std::uint64_t k = order_key(x);
    for (Probe& p : probes_) {
      if (k < p.lo || k > p.hi) continue;
      if (p.gather)
        p.values.push_back(x);
      else
        ++p.counts[(k - p.lo) >> p.shift];
    }
  }

  /// After a later pass; true when finished.
  bool settle_next() {
    squared_ = true;
    std::vector<Probe> current;
    current.swap(probes_);
    for (Probe& p : current) {
      if (p.gather) {
        std::sort(p.values.begin(), p.values.end());
        for (std::uint64_t r : p.ranks) resolved_.emplace_back(r, p.values[r - p.below]);
        continue;
      }
      // The bucket of each rank, and the ranks of each bucket in turn.
      std::size_t b = 0;
      std::uint64_t under = p.below;
      std::vector<std::uint64_t> ranks;
      for (std::size_t i = 0; i < p.ranks.size(); ++i) {
        while (under + p.counts[b] <= p.ranks[i]) under += p.counts[b++];
        ranks.push_back(p.ranks[i]);
        if (i + 1 == p.ranks.size() || under + p.counts[b] <= p.ranks[i + 1]) {
          const std::uint64_t start = p.lo + (std::uint64_t{b} << p.shift);
          const std::uint64_t mask = (std::uint64_t{1} << p.shift) - 1;
          add_probe(start, start + std::min(p.hi - start, mask), under, p.counts[b], std::move(ranks));
          ranks.clear();
        }
      }
    }
    return probes_.empty();
  }

  IssueSummary result(std::string id) const {
    IssueSummary is;
    is.issue_id = std::move(id);
    is.draws = n_;
    if (n_ == 0) {
      is.mean = is.sd = is.q05 = is.q25 = is.q50 = is.q75 = is.q95 = kNaN;
      return is;
    }
    is.mean = mean_;
    is.sd = n_ > 1 ? std::sqrt(ss_ / static_cast<double>(n_ - 1)) : 0;
    double* q[5] = {&is.q05, &is.q25, &is.q50, &is.q75, &is.q95};
    for (std::size_t k = 0; k < 5; ++k) {
      const double h = (static_cast<double>(n_) - 1) * kProbabilities[k];
      const auto [lo, hi] = quantile_ranks(n_, kProbabilities[k]);
      *q[k] = at(lo) + (h - static_cast<double>(lo)) * (at(hi) - at(lo));
    }
    return is;
  }

  /// The most values this stream holds at once (for tests of bounded memory).
  std::size_t held() const { return held_; }

 private:
  void add_probe(std::uint64_t lo, std::uint64_t hi, std::uint64_t below, std::uint64_t count, std::vector<std::uint64_t> ranks) {
    if (lo == hi) {  // one value: every rank in it is that value
      for (std::uint64_t r : ranks) resolved_.emplace_back(r, from_key(lo));
      return;
    }
    Probe p;
    p.lo = lo;
    p.hi = hi;
    p.below = below;
    p.ranks = std::move(ranks);
    p.gather = count <= limit_;
    if (p.gather) {
      p.values.reserve(count);
    } else {
      const unsigned width = static_cast<unsigned>(std::bit_width(hi - lo));
      p.shift = width > kBinBits ? width - kBinBits : 0;
      p.counts.assign(((hi - lo) >> p.shift) + 1, 0);
    }
    held_ = std::max<std::size_t>(held_, p.gather ? count : p.counts.size());
    probes_.push_back(std::move(p));
  }

  double at(std::uint64_t rank) const {
    for (const auto& [r, v] : resolved_)
      if (r == rank) return v;
    return kNaN;  // not reached: every rank read is resolved
  }

  std::size_t limit_;
  std::uint64_t n_ = 0;
  double sum_ = 0, mean_ = 0, ss_ = 0;
  std::uint64_t min_key_ = std::numeric_limits<std::uint64_t>::max(), max_key_ = 0;
  bool in_memory_ = true, squared_ = false;
  std::vector<double> values_;
  std::vector<Probe> probes_;
  std::vector<std::pair<std::uint64_t, double>> resolved_;  // rank, value
  std::size_t held_ = 0;
};

/// Class memberships counted as summarize_sweep counts them.
class ClassCounts {
 public:
  explicit ClassCounts(const Scenario& s) : scenario_(s), n_(s.outcome_classes.size()), group_of_(n_) {
    for (std::size_t a = 0; a < n_; ++a) {
      const std::string& g = s.outcome_classes[a].group;
      auto it = std::find(groups_.begin(), groups_.end(), g);
      group_of_[a] = static_cast<std::size_t>(it - groups_.begin());
      if (it == groups_.end()) groups_.push_back(g);
    }
    count_.assign(n_, 0);
    both_.assign(n_ * n_, 0);
    none_.assign(groups_.size(), 0);
    any_.assign(groups_.size(), 0);
  }

  void add(const unsigned char* m) {
    std::fill(any_.begin(), any_.end(), 0);
    for (std::size_t a = 0; a < n_; ++a) {
      if (!m[a]) continue;
      any_[group_of_[a]] = 1;
      ++count_[a];
      for (std::size_t b = a + 1; b < n_; ++b) both_[a * n_ + b] += m[b];
    }
    for (std::size_t g = 0; g < groups_.size(); ++g) none_[g] += any_[g] ? 0 : 1;
  }

  void write(SweepSummary& s) const {
    for (std::size_t a = 0; a < n_; ++a) {
      const OutcomeClass& c = scenario_.outcome_classes[a];
      s.classes.push_back({c.name, c.label, c.group, wilson_interval(count_[a], s.draws)});
      for (std::size_t b = a + 1; b < n_; ++b)
        if (group_of_[a] == group_of_[b] && both_[a * n_ + b] > 0) s.overlaps.push_back({a, b, both_[a * n_ + b]});
    }
    for (std::size_t g = 0; g < groups_.size(); ++g) s.unclassified.push_back({groups_[g], wilson_interval(none_[g], s.draws)});
  }

 private:
  const Scenario& scenario_;
  std::size_t n_;
  std::vector<std::string> groups_;
  std::vector<std::size_t> group_of_;
  std::vector<std::uint64_t> count_, both_, none_;
  std::vector<char> any_;
};

/// The outcomes as summarised, or with the model's error added.
struct Stream {
  std::vector<IssueStream> issues;
  ClassCounts classes;
  std::vector<double> outcomes;        // scratch: the perturbed outcomes of one draw
  std::vector<unsigned char> members;  // scratch: their classes
};

}  // namespace

SweepSummary summarize_draws(const Scenario& scenario, const DrawReplay& replay, const ModelSkill* skill, std::uint64_t seed,
                             std::size_t budget, std::size_t* held) {
  const std::size_t n = scenario.issues().size();
  const OutcomeClassifier classifier(scenario);
  const std::size_t streams = std::max<std::size_t>(1, n * (skill ? 2 : 1));
  // Each stream keeps at most `limit` values, in memory or in its (at most ten) gathered buckets.
  const std::size_t limit = std::max<std::size_t>(256, budget / (10 * streams));
  std::vector<std::unique_ptr<Stream>> sides;
  for (int k = 0; k < (skill ? 2 : 1); ++k) {
    auto side = std::make_unique<Stream>(Stream{std::vector<IssueStream>(n, IssueStream(limit)), ClassCounts(scenario), {}, {}});
    side->outcomes.resize(n);
    side->members.resize(classifier.size());
    sides.push_back(std::move(side));
  }
  // Visits every outcome of every side: first and later passes differ only in what each value gets.
  auto each_value = [&](const auto& use, bool count_classes) {
    std::uint64_t draws = 0;
    replay([&](std::uint64_t draw, const double* outcomes, const unsigned char* classes) {
      ++draws;
      Stream& plain = *sides[0];
      for (std::size_t i = 0; i < n; ++i) use(plain.issues[i], outcomes[i]);
      if (count_classes) plain.classes.add(classes);
      if (!skill) return;
      Stream& error = *sides[1];
      add_model_error(scenario, *skill, seed, draw, outcomes, error.outcomes.data());
      for (std::size_t i = 0; i < n; ++i) use(error.issues[i], error.outcomes[i]);
      if (count_classes) {
        classifier.classify(error.outcomes.data(), error.members.data());
        error.classes.add(error.members.data());
      }
    });
    return draws;
  };
  const std::uint64_t draws = each_value([](IssueStream& s, double x) { s.first(x); }, true);
  bool done = true;
  for (auto& side : sides)
    for (IssueStream& s : side->issues) done = s.settle_first() && done;
  while (!done) {
    each_value([](IssueStream& s, double x) { s.next(x); }, false);
    done = true;
    for (auto& side : sides)
      for (IssueStream& s : side->issues) done = s.settle_next() && done;
  }

  std::vector<SweepSummary> out(sides.size());
  for (std::size_t k = 0; k < sides.size(); ++k) {
    out[k].draws = draws;
    for (std::size_t i = 0; i < n; ++i) out[k].issues.push_back(sides[k]->issues[i].result(scenario.issue(i).id));
    if (!scenario.outcome_classes.empty()) sides[k]->classes.write(out[k]);
  }
  if (held) {
    *held = 0;
    for (auto& side : sides)
      for (const IssueStream& s : side->issues) *held = std::max(*held, s.held());
  }
  if (skill)
    out[0].with_model_error =
        ModelErrorSummary{"", "", std::move(out[1].issues), std::move(out[1].classes), std::move(out[1].unclassified)};
  return std::move(out[0]);
}

SweepSummary summarize_draws(const Scenario& scenario, const DrawReplay& replay, const std::string& model, std::uint64_t seed) {
  const ModelSkill* skill = model.empty() ? nullptr : shipped_skill().find(model);
  if (skill && skill->residual_percentiles.empty()) skill = nullptr;
  SweepSummary s = summarize_draws(scenario, replay, skill, seed);
  if (s.with_model_error) {
    s.with_model_error->model = model;
    s.with_model_error->data = shipped_skill().data;
  }
  return s;
}

}  // namespace parley
