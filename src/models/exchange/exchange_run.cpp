// The rounds of the exchange model (docs/models/exchange.md, "A round"): candidates, realisation
// by gain with seeded tie-breaking, recalculation of the exchanges that share an actor-issue, and
// the start-position update between rounds. Built for speed (docs/models/exchange.md, "Speed"):
// candidates are four 32-bit indices, the actor-issues' candidates are flat (CSR) lists that shed
// the dropped ones as they are walked, and the queue is a heap of blocks of candidates by upper
// bounds of their gains (exchange_queue.hpp).
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "models/exchange/exchange.hpp"
#include "parley/error.hpp"
#include "models/exchange/exchange_queue.hpp"
#include "models/exchange/exchange_table.hpp"

namespace parley::models::exchange {

namespace {

// Streams of the pure draws (uniform()'s first index).
constexpr std::uint64_t kRateStream = 1, kTieStream = 2;
// Gains within this relative distance of the highest are tied.
constexpr double kTieTolerance = 1e-12;

/// Runs rounds on one table; its buffers are kept from round to round.
class RoundRunner {
  /// A candidate in the list of one of its actor-issues: its other issue and actor, and whether
  /// the list's actor is the one that supplies q (bit kSuppliesQ of other_issue).
  struct Member {
    std::uint32_t id, other_issue, other_actor;
  };
  static constexpr std::uint32_t kSuppliesQ = std::uint32_t{1} << 31;

 public:
  RoundRunner(Table& t, const Options& o) : t_(t), o_(o), random_(o.variant == Variant::random_rate) {}

  /// Runs round `round` (from 1) on the table (moving positions); `out` receives its exchanges.
  void run(std::size_t round, Round& out) {
    round_ = round;
    add_candidates();
    index_slots();
    out.candidates = cands_.size();
    const std::size_t n = cands_.size();
    queue_.reset(n);
    for (std::uint32_t id = 0; id < n; ++id) {
      const Calculation c = calculate(cands_[id], t_, random_, rate(id));
      if (!c.valid) continue;
      ++out.valid;
      queue_.add(id, c.key);
    }
    queue_.build();
    for (;;) {
      const std::optional<std::pair<std::uint32_t, Calculation>> best = pick(out.exchanges.size());
      if (!best) break;
      realise(best->first, best->second, out);
    }
  }

 private:
  double rate(std::uint32_t id) const { return random_ ? rates_[id] : 0; }

  void add_candidates() {
    cands_.clear(), rates_.clear();
    left_.assign(t_.x.size(), 0);
    size_.assign(t_.x.size(), 0);
    for (std::size_t i = 0; i < t_.issues; ++i)
      for (std::size_t a = 0; a < t_.actors; ++a) left_[t_.at(i, a)] = t_.takes_part(i, a) && t_.x[t_.at(i, a)] <= t_.mean(i);
    for (std::size_t p = 0; p < t_.issues; ++p)
      for (std::size_t q = p + 1; q < t_.issues; ++q)
        if (t_.D[p] > 0 && t_.D[q] > 0) add_pair(p, q);
  }

  /// Groups by side of the two means (A: right of both, B: left on p only, C: left on q only, D:
  /// left of both; left is at or below the mean) and pairs A with D, then B with C.
  void add_pair(std::size_t p, std::size_t q) {
    for (std::vector<std::uint32_t>& g : group_) g.clear();
    for (std::size_t a = 0; a < t_.actors; ++a)
      if (t_.takes_part(p, a) && t_.takes_part(q, a))
        group_[left_[t_.at(p, a)] | (left_[t_.at(q, a)] << 1)].push_back(static_cast<std::uint32_t>(a));
    for (auto [g, h] : {std::pair{0, 3}, std::pair{1, 2}}) {
      check_count(group_[g].size() * group_[h].size());
      for (std::uint32_t u : group_[g])
        for (std::uint32_t v : group_[h]) add(make_candidate(t_, p, q, u, v));
      // Every actor of g is in |h| candidates, every actor of h in |g|, on both issues.
      for (auto [mine, theirs] : {std::pair{g, h}, std::pair{h, g}})
        for (std::uint32_t a : group_[mine]) {
          size_[t_.at(p, a)] += static_cast<std::uint32_t>(group_[theirs].size());
          size_[t_.at(q, a)] += static_cast<std::uint32_t>(group_[theirs].size());
        }
    }
  }

  /// The lists index a round's candidates with 32 bits, four entries a candidate: a round with more
  /// is refused (ResourceError) rather than miscounted. It would need some 30 GB anyway.
  void check_count(std::size_t more) const {
    constexpr std::size_t kMaxCandidates = std::numeric_limits<std::uint32_t>::max() / 4;
    if (more > kMaxCandidates - cands_.size())
      throw ResourceError(fmt::format("the exchange model: round {} has more than {} candidate exchanges; use fewer actors or issues",
                                      round_, kMaxCandidates));
  }

  void add(const Candidate& c) {
    if (random_) {
      const std::size_t id = cands_.size();
      rates_.push_back(
          random_rate(t_, c, o_.spread, uniform(o_.seed, kRateStream, round_, id, 0), uniform(o_.seed, kRateStream, round_, id, 1)));
    }
    cands_.push_back(c);
  }

  std::array<std::uint32_t, 4> slots(const Candidate& c) const {
    const auto at = [&](std::uint32_t i, std::uint32_t a) { return static_cast<std::uint32_t>(t_.at(i, a)); };
    return {at(c.p, c.a_p), at(c.q, c.a_p), at(c.p, c.a_q), at(c.q, c.a_q)};
  }

  /// The candidates of every actor-issue (slot), as one flat list read in sequence when the
  /// slot's candidates are recalculated: those of slot k are members_[begin_[k] .. begin_[k] +
  /// size_[k]) (size_ counted by add_pair()).
  void index_slots() {
    const std::size_t slots_n = t_.x.size();
    begin_.assign(slots_n + 1, 0);
    for (std::size_t k = 0; k < slots_n; ++k) begin_[k + 1] = begin_[k] + size_[k];
    members_.resize(begin_[slots_n]);
    std::fill(size_.begin(), size_.end(), 0);
    for (std::uint32_t id = 0; id < cands_.size(); ++id) {
      const Candidate& c = cands_[id];
      const auto put = [&](std::uint32_t issue, std::uint32_t actor, std::uint32_t other_issue, std::uint32_t other_actor,
                           bool supplies_q) {
        const std::size_t k = t_.at(issue, actor);
        members_[begin_[k] + size_[k]++] = {id, other_issue | (supplies_q ? kSuppliesQ : 0), other_actor};
      };
      put(c.p, c.a_p, c.q, c.a_q, false), put(c.q, c.a_p, c.p, c.a_q, false);
      put(c.p, c.a_q, c.q, c.a_p, true), put(c.q, c.a_q, c.p, c.a_p, true);
    }
  }
  /// The candidate of `m` in the list of `actor` on `issue`.
  static Candidate candidate(const Member& m, std::uint32_t issue, std::uint32_t actor) {
    const std::uint32_t other = m.other_issue & ~kSuppliesQ;
    const bool supplies_q = (m.other_issue & kSuppliesQ) != 0;
    return {std::min(issue, other), std::max(issue, other), supplies_q ? m.other_actor : actor, supplies_q ? actor : m.other_actor};
  }

  /// The valid exchange with the highest gain; among tied gains one drawn from the seed. The one
  /// drawn is calculated again first, since the means may have moved since its last calculation
  /// (through exchanges that share no actor-issue with it): if its gain changed it goes back into
  /// the queue with the new gain (or is dropped when no longer valid) and the choice is made again.
  std::optional<std::pair<std::uint32_t, Calculation>> pick(std::size_t realised) {
    for (std::uint64_t attempt = 0;; ++attempt) {
      const std::optional<std::uint32_t> id = draw_best(realised, attempt);
      if (!id) return std::nullopt;
      const Calculation c = calculate(cands_[*id], t_, random_, rate(*id));
      const double before = queue_.gain(*id);
      if (!c.valid)
        queue_.drop(*id);
      else if (std::fabs(c.key - before) <= kTieTolerance * before)
        return std::pair{*id, c};
      else
        queue_.set(*id, c.key);
    }
  }

  /// Draws one of the current exchanges with the highest gain (within kTieTolerance).
  std::optional<std::uint32_t> draw_best(std::size_t realised, std::uint64_t attempt) {
    const std::optional<double> best = queue_.settle();
    if (!best) return std::nullopt;
    queue_.at_least(*best - kTieTolerance * *best, tied_);
    std::sort(tied_.begin(), tied_.end());
    std::size_t k = 0;
    if (tied_.size() > 1) {
      const double u = uniform(o_.seed, kTieStream, round_, realised, attempt);
      k = std::min(tied_.size() - 1, static_cast<std::size_t>(u * static_cast<double>(tied_.size())));
    }
    return tied_[k];
  }

  /// Realises exchange `id` (calculated as `c`), records it and recalculates the exchanges that
  /// share an actor-issue with it; those that turn invalid are dropped for the rest of the round.
  void realise(std::uint32_t id, const Calculation& c, Round& out) {
    const Candidate x = cands_[id];
    queue_.drop(id);
    Exchange e{x.p, x.q, side(x.p, x.a_p, x.a_q, c.move_p, c.shift_p, c.full_p, c.gain_p),
               side(x.q, x.a_q, x.a_p, c.move_q, c.shift_q, c.full_q, c.gain_q), c.key};
    t_.move(x.p, x.a_p, c.move_p);
    t_.move(x.q, x.a_q, c.move_q);
    finish(e.on_p), finish(e.on_q);
    out.exchanges.push_back(e);
    const std::array<std::uint32_t, 4> done = slots(x);
    for (std::size_t k = 0; k < 4; ++k) recalculate(done.data(), k);
  }

  /// Recalculates the candidates of actor-issue `done[k]` but those of `done[0 .. k)` (already
  /// recalculated), and sheds the dropped ones from its list. In two passes, so that the gains the
  /// second pass compares with are fetched while the first calculates.
  void recalculate(const std::uint32_t* done, std::size_t k) {
    Member* list = members_.data() + begin_[done[k]];
    const std::uint32_t n = size_[done[k]];
    const auto issue = static_cast<std::uint32_t>(done[k] / t_.actors), actor = static_cast<std::uint32_t>(done[k] % t_.actors);
    std::uint32_t kept = 0;
    results_.clear();
    for (std::uint32_t j = 0; j < n; ++j) {
      const Member m = list[j];
      if (queue_.dropped(m.id)) continue;
      list[kept++] = m;
      const Candidate c = candidate(m, issue, actor);
      const std::array<std::uint32_t, 4> own = slots(c);
      if (std::any_of(done, done + k, [&](std::uint32_t s) { return s == own[0] || s == own[1] || s == own[2] || s == own[3]; })) continue;
      queue_.prefetch(m.id);
      const Calculation r = calculate(c, t_, random_, rate(m.id));
      results_.push_back({m.id, r.valid, r.key});
    }
    size_[done[k]] = kept;
    for (const Result& r : results_) {
      if (!r.valid)
        queue_.drop(r.id);
      else if (r.key != queue_.gain(r.id))
        queue_.set(r.id, r.key);
    }
  }

  /// `actor`'s side of an exchange in which it moves on `issue` toward `other`, before the moves.
  Side side(std::size_t issue, std::size_t actor, std::size_t other, double move, double shift, double full, double gain) const {
    Side s;
    s.actor = actor, s.supply = issue, s.move = move, s.shift = shift, s.full_shift = full, s.gain = gain;
    s.from = scaled(issue, t_.x[t_.at(issue, actor)]);
    s.toward = scaled(issue, t_.x[t_.at(issue, other)]);
    s.mean_before = scaled(issue, t_.mean(issue));
    return s;
  }
  void finish(Side& s) const {
    s.to = scaled(s.supply, t_.x[t_.at(s.supply, s.actor)]);
    s.mean_after = scaled(s.supply, t_.mean(s.supply));
  }
  double scaled(std::size_t issue, double x) const { return t_.lo[issue] + t_.width[issue] * x / 100; }

  Table& t_;
  const Options& o_;
  const bool random_;
  std::size_t round_ = 0;
  std::vector<char> left_;
  std::vector<std::uint32_t> group_[4];

  /// The outcome of a recalculation.
  struct Result {
    std::uint32_t id;
    bool valid;
    double key;
  };

  std::vector<Candidate> cands_;
  std::vector<Result> results_;
  std::vector<double> rates_;  // random-rate: each candidate's drawn exchange rate
  std::vector<std::uint32_t> begin_, size_;
  std::vector<Member> members_;
  std::vector<std::uint32_t> tied_;
  GainQueue queue_;
};

/// Decide's start position for the next round of every actor-issue that moved:
/// x' = x + (fixed_weight + salience_weight (1 - s)) (y - x), y its voting position.
void update_start_positions(Table& t, const std::vector<double>& start, const Options& o) {
  for (std::size_t k = 0; k < t.x.size(); ++k) {
    if (t.dir[k] != 0) t.x[k] = start[k] + (o.fixed_weight + o.salience_weight * (1 - t.s[k])) * (t.x[k] - start[k]);
    t.dir[k] = 0;
  }
  t.sum_up();
}

}  // namespace

Run run_exchange(const Scenario& scenario, const Options& options) {
  Table t = make_table(scenario);
  Run run;
  run.start = t.state();
  RoundRunner runner(t, options);
  for (int r = 1; r <= options.rounds; ++r) {
    const std::vector<double> start = t.x;
    Round round;
    runner.run(static_cast<std::size_t>(r), round);
    round.voting = t.state();
    update_start_positions(t, start, options);
    round.next = t.state();
    run.rounds.push_back(std::move(round));
  }
  return run;
}

double weighted_mean(const Scenario& scenario, std::size_t issue) {
  double num = 0, den = 0;
  for (std::size_t a = 0; a < scenario.actors().size(); ++a) {
    const Stance& st = scenario.stance(issue, a);
    if (!st.takes_part()) continue;
    const double w = scenario.capability(issue, a).point() * st.salience->point();
    num += w * st.position->point(), den += w;
  }
  return den > 0 ? num / den : std::nan("");
}

}  // namespace parley::models::exchange
