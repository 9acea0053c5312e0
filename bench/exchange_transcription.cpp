#include "exchange_transcription.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace parley::bench::exchange_transcription {

namespace {

using models::exchange::Options;
using models::exchange::Variant;

std::uint64_t mix(std::uint64_t x) {  // splitmix64
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

/// The model's pure draw in [0, 1): stream 1 the random rates, stream 2 the ties.
double draw(std::uint64_t seed, std::uint64_t stream, std::uint64_t round, std::uint64_t a, std::uint64_t b) {
  std::uint64_t h = mix(seed);
  for (std::uint64_t v : {stream, round, a, b}) h = mix(h ^ v);
  return static_cast<double>(h >> 11) * 0x1.0p-53;
}

int sign(double v) { return (v > 0) - (v < 0); }

struct Candidate {
  std::size_t p, q, j, i;  // j supplies p, i supplies q
  double z, coin;
  bool alive = false;  // valid at its last calculation and not realised
  double key = 0;
  Realised calc;
};

struct Model {
  const Options& o;
  std::size_t A, I;
  std::vector<std::vector<double>> x, s, w;  // [issue][actor]; x NaN where the actor takes no part
  std::vector<double> D, N;
  std::vector<std::vector<int>> dir;

  double mean(std::size_t d) const { return N[d] / D[d]; }

  /// The exchange at its rate against the current positions (docs/models/exchange.md, "One exchange").
  void calculate(Candidate& c) const {
    const std::size_t p = c.p, q = c.q, j = c.j, i = c.i;
    c.alive = false;
    c.key = 0;
    c.calc = Realised{p, q, j, i, 0, 0, 0, 0, 0, 0, 0};
    const int dp = sign(x[p][i] - x[p][j]), dq = sign(x[q][j] - x[q][i]);
    if (dp == 0 || dq == 0 || !(w[p][j] > 0) || !(w[q][i] > 0)) return;
    const double full_p = std::fabs(x[p][i] - x[p][j]) * w[p][j] / D[p];
    const double full_q = std::fabs(x[q][j] - x[q][i]) * w[q][i] / D[q];
    const double room_p = (x[p][i] - mean(p)) * dp, room_q = (x[q][j] - mean(q)) * dq;
    const double cap_p = room_p >= full_p * (1 - 1e-12) ? full_p : std::max(0.0, room_p);
    const double cap_q = room_q >= full_q * (1 - 1e-12) ? full_q : std::max(0.0, room_q);
    const auto shifts = [&](double r, double& sp, double& sq) {
      sp = sq = 0;
      if (!(r > 0) || !std::isfinite(r)) return;
      sp = std::min(cap_p, cap_q / r);
      sq = r * sp;
    };
    double ep = 0, eq = 0;
    shifts((s[p][i] + s[p][j]) / (s[q][i] + s[q][j]), ep, eq);
    c.key = ep * s[p][i] - eq * s[q][i];
    double sp = ep, sq = eq;
    if (o.variant == Variant::random_rate) {
      const double sigma = 0.5 + 0.5 * o.spread * c.z * (c.coin < 0.5 ? 1 : -1);
      shifts((s[p][i] * (1 - sigma) + sigma * s[p][j]) / (s[q][i] * (1 - sigma) + sigma * s[q][j]), sp, sq);
    }
    Realised& r = c.calc;
    r.gain = c.key, r.shift_p = sp, r.shift_q = sq;
    r.move_p = sp == full_p ? x[p][i] - x[p][j] : dp * sp * D[p] / w[p][j];
    r.move_q = sq == full_q ? x[q][j] - x[q][i] : dq * sq * D[q] / w[q][i];
    r.gain_q = sp * s[p][i] - sq * s[q][i];
    r.gain_p = sq * s[q][j] - sp * s[p][j];
    const bool same_way = (dir[p][j] == 0 || dir[p][j] == dp) && (dir[q][i] == 0 || dir[q][i] == dq);
    c.alive = c.key > 1e-10 && std::fabs(r.move_p) > 1e-10 && std::fabs(r.move_q) > 1e-10 && same_way;
  }

  void move(std::size_t d, std::size_t a, double by) {
    x[d][a] += by;
    N[d] += w[d][a] * by;
    if (dir[d][a] == 0) dir[d][a] = sign(by);
  }

  void sum_up() {
    for (std::size_t d = 0; d < I; ++d) {
      N[d] = 0;
      for (std::size_t a = 0; a < A; ++a)
        if (!std::isnan(x[d][a])) N[d] += w[d][a] * x[d][a];
    }
  }

  static bool share(const Candidate& a, const Candidate& b) {
    const std::size_t ka[4][2] = {{a.p, a.j}, {a.q, a.j}, {a.p, a.i}, {a.q, a.i}};
    const std::size_t kb[4][2] = {{b.p, b.j}, {b.q, b.j}, {b.p, b.i}, {b.q, b.i}};
    for (const auto& u : ka)
      for (const auto& v : kb)
        if (u[0] == v[0] && u[1] == v[1]) return true;
    return false;
  }

  Round round(std::uint64_t r) {
    Round out;
    std::vector<Candidate> list;
    for (std::size_t p = 0; p < I; ++p)
      for (std::size_t q = p + 1; q < I; ++q) {
        if (!(D[p] > 0) || !(D[q] > 0)) continue;
        std::vector<std::size_t> group[4];
        for (std::size_t a = 0; a < A; ++a)
          if (!std::isnan(x[p][a]) && !std::isnan(x[q][a])) group[(x[p][a] <= mean(p)) + 2 * (x[q][a] <= mean(q))].push_back(a);
        for (auto [g, h] : {std::pair{0, 3}, std::pair{1, 2}})
          for (std::size_t u : group[g])
            for (std::size_t v : group[h]) {
              const bool u_supplies_p = s[p][u] * s[q][v] < s[p][v] * s[q][u];
              const std::size_t id = list.size();
              list.push_back({p, q, u_supplies_p ? u : v, u_supplies_p ? v : u, draw(o.seed, 1, r, id, 0), draw(o.seed, 1, r, id, 1), false,
                              0, Realised{}});
            }
      }
    out.candidates = list.size();
    for (std::size_t id = 0; id < list.size(); ++id) calculate(list[id]), out.valid += list[id].alive;
    for (std::uint64_t attempt = 0;; ++attempt) {
      double best = -std::numeric_limits<double>::infinity();
      for (const Candidate& c : list)
        if (c.alive) best = std::max(best, c.key);
      if (!(best > 0)) break;
      std::vector<std::size_t> tied;
      for (std::size_t id = 0; id < list.size(); ++id)
        if (list[id].alive && list[id].key >= best - 1e-12 * best) tied.push_back(id);
      std::size_t k = 0;
      if (tied.size() > 1)
        k = std::min(tied.size() - 1,
                     static_cast<std::size_t>(draw(o.seed, 2, r, out.exchanges.size(), attempt) * static_cast<double>(tied.size())));
      Candidate& c = list[tied[k]];
      const double before = c.key;
      calculate(c);
      if (!c.alive || std::fabs(c.key - before) > 1e-12 * before) continue;
      c.alive = false;
      move(c.p, c.j, c.calc.move_p);
      move(c.q, c.i, c.calc.move_q);
      out.exchanges.push_back(c.calc);
      attempt = std::numeric_limits<std::uint64_t>::max();  // the next step starts at attempt 0
      for (std::size_t id = 0; id < list.size(); ++id)
        if (list[id].alive && share(list[id], c)) calculate(list[id]);
    }
    return out;
  }
};

}  // namespace

Result run(const Scenario& sc, const Options& o) {
  Model m{o, sc.actors().size(), sc.issues().size(), {}, {}, {}, {}, {}, {}};
  m.x.assign(m.I, std::vector<double>(m.A, std::nan(""))), m.s.assign(m.I, std::vector<double>(m.A, 0));
  m.w = m.s, m.D.assign(m.I, 0), m.N.assign(m.I, 0), m.dir.assign(m.I, std::vector<int>(m.A, 0));
  for (std::size_t d = 0; d < m.I; ++d) {
    const Scale& scale = sc.issue(d).scale;
    const double width = scale.max > scale.min ? scale.max - scale.min : 1;
    for (std::size_t a = 0; a < m.A; ++a) {
      const Stance& st = sc.stance(d, a);
      if (!st.takes_part()) continue;
      m.x[d][a] = (st.position->point() - scale.min) / width * 100;
      m.s[d][a] = st.salience->point();
      m.w[d][a] = sc.capability(d, a).point() * m.s[d][a];
      m.D[d] += m.w[d][a];
    }
  }
  m.sum_up();
  Result out;
  for (int r = 1; r <= o.rounds; ++r) {
    const std::vector<std::vector<double>> start = m.x;
    out.rounds.push_back(m.round(static_cast<std::uint64_t>(r)));
    out.means.clear();
    for (std::size_t d = 0; d < m.I; ++d) out.means.push_back(m.D[d] > 0 ? m.mean(d) : std::nan(""));
    // Decide's start positions for the next round.
    for (std::size_t d = 0; d < m.I; ++d)
      for (std::size_t a = 0; a < m.A; ++a) {
        if (m.dir[d][a] != 0) m.x[d][a] = start[d][a] + (o.fixed_weight + o.salience_weight * (1 - m.s[d][a])) * (m.x[d][a] - start[d][a]);
        m.dir[d][a] = 0;
      }
    m.sum_up();
  }
  return out;
}

}  // namespace parley::bench::exchange_transcription
