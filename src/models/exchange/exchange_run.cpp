// The rounds of the exchange model (docs/models/exchange.md, "A round"): candidates, realisation
// by gain with seeded tie-breaking, recalculation of the exchanges that share an actor-issue, and
// the start-position update between rounds.
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <queue>

#include "models/exchange/exchange.hpp"
#include "models/exchange/exchange_table.hpp"

namespace parley::models::exchange {

namespace {

// Streams of the pure draws (uniform()'s first index).
constexpr std::uint64_t kRateStream = 1, kTieStream = 2;
// Gains within this relative distance of the highest are tied.
constexpr double kTieTolerance = 1e-12;

struct Entry {
  double key;
  std::size_t id;
  unsigned version;
};
struct LowerFirst {  // a max-heap on key, ties to the lowest id
  bool operator()(const Entry& a, const Entry& b) const { return a.key < b.key || (a.key == b.key && a.id > b.id); }
};

class RoundRunner {
 public:
  RoundRunner(Table& t, const Options& o, std::size_t round) : t_(t), o_(o), round_(round), by_slot_(t.x.size()) {}

  /// Runs the round's exchanges on the table (moving positions); `out` receives them.
  void run(Round& out) {
    add_candidates();
    out.candidates = cands_.size();
    for (std::size_t id = 0; id < cands_.size(); ++id) {
      calculate(cands_[id], t_, o_);
      if (cands_[id].valid)
        ++out.valid, push(id);
      else
        done_[id] = 1;
    }
    while (const std::optional<std::size_t> id = pick(out.exchanges.size())) realise(*id, out);
  }

 private:
  void add_candidates() {
    std::vector<char> left(t_.x.size(), 0);
    for (std::size_t i = 0; i < t_.issues; ++i)
      for (std::size_t a = 0; a < t_.actors; ++a) left[t_.at(i, a)] = t_.takes_part(i, a) && t_.x[t_.at(i, a)] <= t_.mean(i);
    for (std::size_t p = 0; p < t_.issues; ++p)
      for (std::size_t q = p + 1; q < t_.issues; ++q)
        if (t_.D[p] > 0 && t_.D[q] > 0) add_pair(p, q, left);
  }

  /// Groups by side of the two means (A: right of both, B: left on p only, C: left on q only, D:
  /// left of both; left is at or below the mean) and pairs A with D, then B with C.
  void add_pair(std::size_t p, std::size_t q, const std::vector<char>& left) {
    std::vector<std::size_t> group[4];
    for (std::size_t a = 0; a < t_.actors; ++a)
      if (t_.takes_part(p, a) && t_.takes_part(q, a)) group[left[t_.at(p, a)] | (left[t_.at(q, a)] << 1)].push_back(a);
    for (auto [g, h] : {std::pair{0, 3}, std::pair{1, 2}})
      for (std::size_t u : group[g])
        for (std::size_t v : group[h]) add(make_candidate(t_, p, q, u, v));
  }

  void add(Candidate c) {
    const std::size_t id = cands_.size();
    c.z = uniform(o_.seed, kRateStream, round_, id, 0);
    c.coin = uniform(o_.seed, kRateStream, round_, id, 1);
    for (std::size_t slot : slots(c)) by_slot_[slot].push_back(id);
    cands_.push_back(c);
    version_.push_back(0);
    done_.push_back(0);
    stamp_.push_back(0);
  }

  std::array<std::size_t, 4> slots(const Candidate& c) const {
    return {t_.at(c.p, c.a_p), t_.at(c.q, c.a_p), t_.at(c.p, c.a_q), t_.at(c.q, c.a_q)};
  }

  void push(std::size_t id) { heap_.push({cands_[id].key, id, version_[id]}); }
  bool current(const Entry& e) const { return !done_[e.id] && e.version == version_[e.id]; }

  /// The valid exchange with the highest gain; among tied gains one drawn from the seed. The one
  /// drawn is calculated again first, since the means may have moved since its last calculation
  /// (through exchanges that share no actor-issue with it): if its gain changed it goes back into
  /// the queue with the new gain (or is dropped when no longer valid) and the choice is made again.
  std::optional<std::size_t> pick(std::size_t realised) {
    for (std::uint64_t attempt = 0;; ++attempt) {
      const std::optional<std::size_t> id = draw_best(realised, attempt);
      if (!id) return std::nullopt;
      Candidate& c = cands_[*id];
      const double before = c.key;
      calculate(c, t_, o_);
      ++version_[*id];
      if (!c.valid)
        done_[*id] = 1;
      else if (std::fabs(c.key - before) <= kTieTolerance * before)
        return id;
      else
        push(*id);
    }
  }

  /// Draws one of the current exchanges with the highest gain (within kTieTolerance).
  std::optional<std::size_t> draw_best(std::size_t realised, std::uint64_t attempt) {
    while (!heap_.empty() && !current(heap_.top())) heap_.pop();
    if (heap_.empty()) return std::nullopt;
    const double best = heap_.top().key;
    std::vector<Entry> tied;
    while (!heap_.empty() && (!current(heap_.top()) || heap_.top().key >= best - kTieTolerance * best)) {
      if (current(heap_.top())) tied.push_back(heap_.top());
      heap_.pop();
    }
    std::sort(tied.begin(), tied.end(), [](const Entry& a, const Entry& b) { return a.id < b.id; });
    std::size_t k = 0;
    if (tied.size() > 1) {
      const double u = uniform(o_.seed, kTieStream, round_, realised, attempt);
      k = std::min(tied.size() - 1, static_cast<std::size_t>(u * static_cast<double>(tied.size())));
    }
    for (std::size_t j = 0; j < tied.size(); ++j)
      if (j != k) heap_.push(tied[j]);
    return tied[k].id;
  }

  /// Realises exchange `id`, records it and recalculates the exchanges that share an actor-issue
  /// with it; those that turn invalid are dropped for the rest of the round.
  void realise(std::size_t id, Round& out) {
    const Candidate c = cands_[id];
    done_[id] = 1;
    Exchange e{c.p, c.q, side(c.p, c.a_p, c.a_q, c.move_p, c.shift_p, c.full_p, c.gain_p),
               side(c.q, c.a_q, c.a_p, c.move_q, c.shift_q, c.full_q, c.gain_q), c.key};
    t_.move(c.p, c.a_p, c.move_p);
    t_.move(c.q, c.a_q, c.move_q);
    finish(e.on_p), finish(e.on_q);
    out.exchanges.push_back(e);
    const unsigned stamp = static_cast<unsigned>(out.exchanges.size());
    for (std::size_t slot : slots(c))
      for (std::size_t other : by_slot_[slot]) {
        if (done_[other] || stamp_[other] == stamp) continue;
        stamp_[other] = stamp;
        const double before = cands_[other].key;
        calculate(cands_[other], t_, o_);
        if (!cands_[other].valid) {
          done_[other] = 1;
        } else if (cands_[other].key != before) {  // else its entry in the queue stands
          ++version_[other];
          push(other);
        }
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
  std::size_t round_;
  std::vector<std::vector<std::size_t>> by_slot_;  // actor-issue -> the candidates it takes part in
  std::vector<Candidate> cands_;
  std::vector<unsigned> version_, stamp_;
  std::vector<char> done_;
  std::priority_queue<Entry, std::vector<Entry>, LowerFirst> heap_;
};

/// Decide's start position for the next round of every actor-issue that moved:
/// x' = x + (fixed_weight + salience_weight (1 - s)) (y - x), y its voting position.
void update_start_positions(Table& t, const std::vector<double>& start, const Options& o) {
  for (std::size_t k = 0; k < t.x.size(); ++k) {
    if (t.dir[k] != 0) t.x[k] = start[k] + (o.fixed_weight + o.salience_weight * (1 - t.s[k])) * (t.x[k] - start[k]);
    t.dir[k] = 0;
  }
  for (std::size_t i = 0; i < t.issues; ++i) {
    t.N[i] = 0;
    for (std::size_t a = 0; a < t.actors; ++a)
      if (t.takes_part(i, a)) t.N[i] += t.w[t.at(i, a)] * t.x[t.at(i, a)];
  }
}

}  // namespace

Run run_exchange(const Scenario& scenario, const Options& options) {
  Table t = make_table(scenario);
  Run run;
  run.start = t.state();
  for (int r = 1; r <= options.rounds; ++r) {
    const std::vector<double> start = t.x;
    Round round;
    RoundRunner(t, options, static_cast<std::size_t>(r)).run(round);
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
