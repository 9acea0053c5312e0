#include "models/smp/smp_dynamics.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/parallel.hpp"
#include "models/smp/smp_challenges.hpp"
#include "models/smp/smp_math.hpp"

namespace parley::models::smp {

namespace {

constexpr double kPosTol = 1E-3;  // SMPModel::posTol: positions closer than this are one position

/// Euclidean distance between two points of `d` coordinates (KBase::norm of the difference).
double distance(const double* x, const double* y, std::size_t d) {
  double s = 0.0;
  for (std::size_t k = 0; k < d; ++k) {
    const double e = x[k] - y[k];
    s = s + e * e;
  }
  return std::sqrt(s);
}

/// Indices of the distinct positions, first appearance first (KBase::ueIndices with equivNdx).
std::vector<std::size_t> unique_positions(const State& s, std::size_t n, std::size_t d) {
  std::vector<std::size_t> unique;
  for (std::size_t i = 0; i < n; ++i) {
    bool found = false;
    for (std::size_t u : unique)
      if (distance(&s.pos[i * d], &s.pos[u * d], d) < kPosTol) {
        found = true;
        break;
      }
    if (!found) unique.push_back(i);
  }
  return unique;
}

/// The election among `m` options whose utilities are u[option * n + actor] (Model::scalarPCE).
std::vector<double> election(const Problem& p, const Config& c, const std::vector<double>& u, std::size_t m) {
  const bool fast =
      c.fast && c.voting == VotingRule::proportional && std::all_of(p.cap.begin(), p.cap.end(), [](double w) { return w >= 0; });
  return condorcet_probabilities(c.pce, c.victory, fast ? coalitions_fast(p.cap, u, p.n, m) : coalitions(c.voting, p.cap, u, p.n, m), m);
}

Bargain interpolated(const Problem& p, const State& s, std::size_t i, std::size_t j, double prb_i, const Config& c) {
  Bargain b{i, j, 0, 0, std::vector<double>(p.d), std::vector<double>(p.d)};
  for (std::size_t k = 0; k < p.d; ++k) {
    const auto [bi, bj] =
        interpolate(c.interpolation, s.pos[i * p.d + k], p.sal[i * p.d + k], prb_i, s.pos[j * p.d + k], p.sal[j * p.d + k], 1 - prb_i);
    b.pos_init[k] = bi;
    b.pos_rcvr[k] = bj;
  }
  return b;
}

/// The bargains of i's challenge to j under the configured bargain model.
void add_bargains(const Problem& p, const State& s, const Assessment& a, const Config& c, std::size_t i, const Challenge& best,
                  std::vector<Bargain>& out) {
  const auto j = static_cast<std::size_t>(best.j);
  Bargain iij = interpolated(p, s, i, j, best.p, c);
  iij.probability = best.p, iij.gain = best.eu;
  if (c.bargain == BargainModel::init_only) {
    out.push_back(std::move(iij));
    return;
  }
  const double pjij = victory_estimate(p, a, c, j, i, j);  // j's estimate that i wins
  Bargain jij = interpolated(p, s, i, j, pjij, c);
  jij.probability = best.p, jij.gain = best.eu;
  if (c.bargain == BargainModel::init_receiver) {
    out.push_back(std::move(iij));
    out.push_back(std::move(jij));
    return;
  }
  // Power-weighted compromise. KTAB weighs the receiver's view with the initiator's capability
  // times the receiver's salience (brgnJIJ->actInit is the initiator); we keep that.
  const double wi = p.cap[i] * p.sal_sum[i], wj = p.cap[i] * p.sal_sum[j];
  Bargain pw = iij;
  for (std::size_t k = 0; k < p.d; ++k) {
    pw.pos_init[k] = (wi * iij.pos_init[k] + wj * jij.pos_init[k]) / (wi + wj);
    pw.pos_rcvr[k] = (wi * iij.pos_rcvr[k] + wj * jij.pos_rcvr[k]) / (wi + wj);
  }
  out.push_back(std::move(pw));
}

/// A uniform draw in [0, 1) that depends only on (seed, turn, actor).
double uniform_draw(std::uint64_t seed, std::size_t turn, std::size_t actor) {
  auto mix = [](std::uint64_t z) {
    z += 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  };
  const std::uint64_t x = mix(mix(mix(seed) ^ static_cast<std::uint64_t>(turn)) ^ static_cast<std::uint64_t>(actor));
  return static_cast<double>(x >> 11) * 0x1.0p-53;
}

/// The option KTAB picks: the first most probable (ndxMaxAbs) or a draw (PRNG::probSel).
std::size_t choose(const std::vector<double>& prob, const Config& c, std::size_t turn, std::size_t actor) {
  if (c.transitions == Transitions::deterministic) {
    std::size_t best = 0;
    double top = -1.0;
    for (std::size_t m = 0; m < prob.size(); ++m)
      if (top < std::fabs(prob[m])) top = std::fabs(prob[m]), best = m;
    return best;
  }
  const double u = uniform_draw(c.seed, turn, actor);
  double sum = 0.0;
  for (std::size_t m = 0; m < prob.size(); ++m) {
    sum = sum + prob[m];
    if (u <= sum) return m;
  }
  return prob.size() - 1;
}

/// New ideal points from the new positions (SMPState::newIdeals).
void adjust_ideals(const Problem& p, State& next, const std::vector<double>& old_ideal) {
  const std::size_t n = p.n, d = p.d;
  if (p.accommodate.empty()) {
    next.ideal = next.pos;
    return;
  }
  next.ideal.assign(n * d, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    double si = 0.0;
    double* ideal = &next.ideal[i * d];
    for (std::size_t j = 0; j < n; ++j) {
      const double aij = p.accommodate[i * n + j];
      si = si + aij;
      for (std::size_t k = 0; k < d; ++k) ideal[k] = ideal[k] + (aij * next.pos[j * d + k]);
    }
    si = 1.0 < si ? 1.0 : si;
    const double lag = 1.0 - si;
    for (std::size_t k = 0; k < d; ++k) ideal[k] = ideal[k] + (lag * old_ideal[i * d + k]);
  }
}

}  // namespace

Assessment assess(const Problem& p, const State& s, const Config& c) {
  const std::size_t n = p.n, d = p.d;
  Assessment a;
  a.vdiff.resize(n * n);
  parallel_blocks(n, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i)
      for (std::size_t j = 0; j < n; ++j) a.vdiff[i * n + j] = bv_diff(&s.ideal[i * d], &s.pos[j * d], &p.sal[i * d], d);
  });

  // Risk attitudes from the election in which everyone is risk neutral (option i = actor i's position).
  std::vector<double> u(n * n);  // option-major: u[i * n + k] is actor k's utility of i's position
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < n; ++k) u[i * n + k] = bs_util(a.vdiff[k * n + i], 0.0);
  a.risk = risk_from_probabilities(election(p, c, u, n), c.risk_range);

  a.own.resize(n * n);
  a.own_sum.assign(n, 0.0);
  for (std::size_t x = 0; x < n; ++x) {
    const double r = estimated_risk(a.risk[x], a.risk[x], c.risk_adjust);
    for (std::size_t y = 0; y < n; ++y) {
      a.own[x * n + y] = bs_util(a.vdiff[x * n + y], r);
      a.own_sum[x] = a.own_sum[x] + a.own[x * n + y];
    }
  }

  // Probability that each distinct position prevails, each actor judging by its own utilities.
  a.unique = unique_positions(s, n, d);
  const std::vector<std::size_t>& unique = a.unique;
  const std::size_t m = unique.size();
  std::vector<double> uu(m * n);
  for (std::size_t q = 0; q < m; ++q)
    for (std::size_t x = 0; x < n; ++x) uu[q * n + x] = a.own[x * n + unique[q]];
  a.unique_prob = election(p, c, uu, m);
  const std::vector<double>& pu = a.unique_prob;
  a.prevail.assign(n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t q = 0; q < m; ++q)  // State::posProb keeps the last equivalent position
      if (distance(&s.pos[i * d], &s.pos[unique[q] * d], d) < kPosTol) a.prevail[i] = pu[q];
  return a;
}

Step step(const Problem& p, const State& s, const Assessment& a, const Config& c, std::size_t turn) {
  const std::size_t n = p.n, d = p.d;
  const std::vector<Challenge> best = best_challenges(p, a, c);

  Step out;
  std::vector<std::vector<std::size_t>> offered(n);  // bargains concerning each actor, in order
  for (std::size_t i = 0; i < n; ++i) {
    if (best[i].j < 0) continue;
    const std::size_t first = out.bargains.size();
    add_bargains(p, s, a, c, i, best[i], out.bargains);
    for (std::size_t b = first; b < out.bargains.size(); ++b) {
      offered[i].push_back(b);
      offered[static_cast<std::size_t>(best[i].j)].push_back(b);
    }
  }
  const std::vector<std::vector<double>> utility =
      c.fast ? bargain_utilities_fast(p, s, a, out.bargains) : bargain_utilities(p, s, a, out.bargains);

  std::vector<double> status_quo(n);  // each actor's value of nobody moving
  for (std::size_t x = 0; x < n; ++x) status_quo[x] = a.own_sum[x] / static_cast<double>(n);
  out.next.pos = s.pos;
  out.adopted.assign(n, -1);
  parallel_blocks(
      n,
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end; ++k) {
          if (offered[k].empty()) continue;  // only its own position: nothing to choose
          const std::size_t m = offered[k].size() + 1;
          std::vector<double> u(m * n);
          std::copy(status_quo.begin(), status_quo.end(), u.begin());
          for (std::size_t q = 1; q < m; ++q)
            for (std::size_t x = 0; x < n; ++x) u[q * n + x] = utility[offered[k][q - 1]][x];
          const std::size_t pick = choose(election(p, c, u, m), c, turn, k);
          if (pick == 0) continue;
          const Bargain& b = out.bargains[offered[k][pick - 1]];
          const std::vector<double>& mine = b.init == k ? b.pos_init : b.pos_rcvr;
          for (std::size_t x = 0; x < d; ++x) out.next.pos[k * d + x] = mine[x];
          out.adopted[k] = static_cast<long>(offered[k][pick - 1]);
        }
      },
      2);
  adjust_ideals(p, out.next, s.ideal);
  return out;
}

double state_distance(const State& x, const State& y, std::size_t n, std::size_t d) {
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum = sum + distance(&x.pos[i * d], &y.pos[i * d], d);
  return sum;
}

}  // namespace parley::models::smp
