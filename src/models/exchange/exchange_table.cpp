#include "models/exchange/exchange_table.hpp"

#include "core/not_a_number.hpp"

namespace parley::models::exchange {

namespace {

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

void Table::move(std::size_t issue, std::size_t actor, double by) {
  const std::size_t k = at(issue, actor);
  x[k] += by;
  N[issue] += w[k] * by;
  M[issue] = D[issue] > 0 ? N[issue] / D[issue] : kNaN;
  if (dir[k] == 0) dir[k] = detail::sign(by);
}

void Table::sum_up() {
  for (std::size_t i = 0; i < issues; ++i) {
    N[i] = 0;
    for (std::size_t a = 0; a < actors; ++a)
      if (takes_part(i, a)) N[i] += w[at(i, a)] * x[at(i, a)];
    M[i] = D[i] > 0 ? N[i] / D[i] : kNaN;
  }
}

State Table::state() const {
  State out;
  out.positions.resize(x.size());
  for (std::size_t i = 0; i < issues; ++i) {
    for (std::size_t a = 0; a < actors; ++a) out.positions[at(i, a)] = lo[i] + width[i] * x[at(i, a)] / 100;
    out.means.push_back(lo[i] + width[i] * mean(i) / 100);
  }
  return out;
}

Table make_table(const Scenario& s) {
  Table t;
  t.actors = s.actors().size();
  t.issues = s.issues().size();
  const std::size_t n = t.actors * t.issues;
  t.x.assign(n, kNaN), t.s.assign(n, 0), t.w.assign(n, 0), t.dir.assign(n, 0);
  t.D.assign(t.issues, 0), t.N.assign(t.issues, 0), t.M.assign(t.issues, kNaN);
  for (std::size_t i = 0; i < t.issues; ++i) {
    const Scale& scale = s.issue(i).scale;
    t.lo.push_back(scale.min);
    t.width.push_back(scale.max > scale.min ? scale.max - scale.min : 1);
    for (std::size_t a = 0; a < t.actors; ++a) {
      const Stance& st = s.stance(i, a);
      if (!st.takes_part()) continue;
      const std::size_t k = t.at(i, a);
      t.x[k] = (st.position->point() - t.lo[i]) / t.width[i] * 100;
      t.s[k] = st.salience->point();
      t.w[k] = s.capability(i, a).point() * t.s[k];
      t.D[i] += t.w[k];
      t.N[i] += t.w[k] * t.x[k];
    }
    if (t.D[i] > 0) t.M[i] = t.N[i] / t.D[i];
  }
  return t;
}

Candidate make_candidate(const Table& t, std::size_t p, std::size_t q, std::size_t u, std::size_t v) {
  const bool u_supplies_p = t.s[t.at(p, u)] * t.s[t.at(q, v)] < t.s[t.at(p, v)] * t.s[t.at(q, u)];
  return {static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(q), static_cast<std::uint32_t>(u_supplies_p ? u : v),
          static_cast<std::uint32_t>(u_supplies_p ? v : u)};
}

double rate_for_share(double sigma, double s_pp, double s_pq, double s_qp, double s_qq) {
  return (s_qp * (1 - sigma) + sigma * s_pp) / (s_qq * (1 - sigma) + sigma * s_pq);
}

double random_rate(const Table& t, const Candidate& c, double spread, double z, double coin) {
  const double sigma = 0.5 + 0.5 * spread * z * (coin < 0.5 ? 1 : -1);
  return rate_for_share(sigma, t.s[t.at(c.p, c.a_p)], t.s[t.at(c.q, c.a_p)], t.s[t.at(c.p, c.a_q)], t.s[t.at(c.q, c.a_q)]);
}

double uniform(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d) {
  std::uint64_t h = splitmix64(seed);
  for (std::uint64_t v : {a, b, c, d}) h = splitmix64(h ^ v);
  return static_cast<double>(h >> 11) * 0x1.0p-53;
}

}  // namespace parley::models::exchange
