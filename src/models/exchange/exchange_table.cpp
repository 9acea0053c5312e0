#include "models/exchange/exchange_table.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

#include "core/not_a_number.hpp"

namespace parley::models::exchange {

namespace {

constexpr double kTiny = 1e-10;  // Decide's threshold for a gain or a move that counts

int sign(double v) { return (v > 0) - (v < 0); }

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

/// The shifts of the two means at exchange rate r = shift_q / shift_p, within the caps.
std::pair<double, double> shifts_at(double r, double cap_p, double cap_q) {
  if (!(r > 0) || !std::isfinite(r)) return {0, 0};
  const double shift_p = std::min(cap_p, cap_q / r);
  return {shift_p, r * shift_p};
}

/// The most a supplier's move may shift the mean: all the way (`full`), or the `room` left before
/// the mean reaches the demander's position; a room within rounding of `full` is `full`, so that
/// the supplier lands exactly on the demander's position.
double cap(double full, double room) { return room >= full * (1 - 1e-12) ? full : std::max(0.0, room); }

/// The exchange rate that gives a_q the share `sigma` of the exchange's total gain (1/2: equal gain).
double rate_for_share(double sigma, double s_pp, double s_pq, double s_qp, double s_qq) {
  return (s_qp * (1 - sigma) + sigma * s_pp) / (s_qq * (1 - sigma) + sigma * s_pq);
}

}  // namespace

bool Table::takes_part(std::size_t issue, std::size_t actor) const { return !std::isnan(x[at(issue, actor)]); }

double Table::mean(std::size_t issue) const { return D[issue] > 0 ? N[issue] / D[issue] : kNaN; }

void Table::move(std::size_t issue, std::size_t actor, double by) {
  const std::size_t k = at(issue, actor);
  x[k] += by;
  N[issue] += w[k] * by;
  if (dir[k] == 0) dir[k] = sign(by);
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
  t.D.assign(t.issues, 0), t.N.assign(t.issues, 0);
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
  }
  return t;
}

Candidate make_candidate(const Table& t, std::size_t p, std::size_t q, std::size_t u, std::size_t v) {
  Candidate c;
  c.p = p, c.q = q;
  const bool u_supplies_p = t.s[t.at(p, u)] * t.s[t.at(q, v)] < t.s[t.at(p, v)] * t.s[t.at(q, u)];
  c.a_p = u_supplies_p ? u : v;
  c.a_q = u_supplies_p ? v : u;
  return c;
}

void calculate(Candidate& c, const Table& t, const Options& options) {
  const std::size_t pp = t.at(c.p, c.a_p), pq = t.at(c.q, c.a_p), qp = t.at(c.p, c.a_q), qq = t.at(c.q, c.a_q);
  const double s_pp = t.s[pp], s_pq = t.s[pq], s_qp = t.s[qp], s_qq = t.s[qq];
  c.valid = false;
  c.key = c.shift_p = c.shift_q = c.move_p = c.move_q = c.gain_p = c.gain_q = 0;
  const int dir_p = sign(t.x[qp] - t.x[pp]), dir_q = sign(t.x[pq] - t.x[qq]);
  if (dir_p == 0 || dir_q == 0 || !(t.w[pp] > 0) || !(t.w[qq] > 0)) return;
  // The shifts of the means had each supplier moved all the way, and the room before a mean
  // reaches the demander's position.
  c.full_p = std::fabs(t.x[qp] - t.x[pp]) * t.w[pp] / t.D[c.p];
  c.full_q = std::fabs(t.x[pq] - t.x[qq]) * t.w[qq] / t.D[c.q];
  const double cap_p = cap(c.full_p, (t.x[qp] - t.mean(c.p)) * dir_p);
  const double cap_q = cap(c.full_q, (t.x[pq] - t.mean(c.q)) * dir_q);

  const double r_equal = (s_qp + s_pp) / (s_qq + s_pq);
  const auto [eq_p, eq_q] = shifts_at(r_equal, cap_p, cap_q);
  c.key = eq_p * s_qp - eq_q * s_qq;
  double r = r_equal;
  if (options.variant == Variant::random_rate) {
    const double sigma = 0.5 + 0.5 * options.spread * c.z * (c.coin < 0.5 ? 1 : -1);
    r = rate_for_share(sigma, s_pp, s_pq, s_qp, s_qq);
  }
  std::tie(c.shift_p, c.shift_q) = shifts_at(r, cap_p, cap_q);
  // A supplier that moves all the way lands exactly on the demander's position.
  c.move_p = c.shift_p == c.full_p ? t.x[qp] - t.x[pp] : dir_p * c.shift_p * t.D[c.p] / t.w[pp];
  c.move_q = c.shift_q == c.full_q ? t.x[pq] - t.x[qq] : dir_q * c.shift_q * t.D[c.q] / t.w[qq];
  c.gain_q = c.shift_p * s_qp - c.shift_q * s_qq;
  c.gain_p = c.shift_q * s_pq - c.shift_p * s_pp;
  const bool same_way = (t.dir[pp] == 0 || t.dir[pp] == dir_p) && (t.dir[qq] == 0 || t.dir[qq] == dir_q);
  c.valid = c.key > kTiny && std::fabs(c.move_p) > kTiny && std::fabs(c.move_q) > kTiny && same_way;
}

double uniform(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d) {
  std::uint64_t h = splitmix64(seed);
  for (std::uint64_t v : {a, b, c, d}) h = splitmix64(h ^ v);
  return static_cast<double>(h >> 11) * 0x1.0p-53;
}

}  // namespace parley::models::exchange
