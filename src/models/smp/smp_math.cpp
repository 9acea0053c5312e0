#include "models/smp/smp_math.hpp"

#include <cmath>

#include "core/parallel.hpp"
#include "models/smp/smp_challenges.hpp"

namespace parley::models::smp {

double bv_diff(const double* a, const double* b, const double* s, std::size_t dims) {
  double ds_sqr = 0, s_sqr = 0;
  for (std::size_t k = 0; k < dims; ++k) {
    const double ds = (a[k] - b[k]) * s[k];
    ds_sqr = ds_sqr + ds * ds;
    s_sqr = s_sqr + s[k] * s[k];
  }
  return std::sqrt(ds_sqr / s_sqr);
}

namespace {

constexpr std::size_t kWideCoalitions = 16;  // options from which coalitions_wide is faster

template <VotingRule Rule>
void coalitions_by(const std::vector<double>& w, const std::vector<double>& u, std::size_t n, std::size_t m, std::vector<double>& c) {
  constexpr double min_c = 1E-8;
  parallel_blocks(
      m,
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t t = begin; t < end; ++t) {
          const std::size_t i = balanced_order(t, m);
          const double* ui = &u[i * n];
          for (std::size_t j = 0; j < i; ++j) {
            const double* uj = &u[j * n];
            double cij = min_c, cji = min_c;
            for (std::size_t k = 0; k < n; ++k) {
              const double v = vote_by<Rule>(w[k], ui[k], uj[k]);
              if (v > 0) cij = cij + v;
              if (v < 0) cji = cji - v;
            }
            c[i * m + j] = cij;
            c[j * m + i] = cji;
          }
          c[i * m + i] = min_c;
        }
      },
      m * m * n < 200000 ? m + 1 : 2);
}

double qrtc(double x) { return x * x * x * x; }

/// P[i beats j] for every pair (Model::vProb over a coalition matrix).
std::vector<double> victory_matrix(VictoryModel model, const std::vector<double>& c, std::size_t m) {
  std::vector<double> p(m * m);
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      const auto [pij, pji] = victory_pair(model, c[i * m + j], c[j * m + i]);
      p[i * m + j] = pij;
      p[j * m + i] = pji;
    }
    p[i * m + i] = 0.5;
  }
  return p;
}

std::vector<double> conditional(const std::vector<double>& pv, std::size_t m) {
  std::vector<double> p(m);
  for (std::size_t i = 0; i < m; ++i) {
    double pi = 1.0;
    for (std::size_t j = 0; j < m; ++j) pi = pi * pv[i * m + j];
    p[i] = pi;
  }
  double one = 0;
  for (double x : p) one = one + x;
  for (double& x : p) x = x / one;
  return p;
}

constexpr int kMarkovIterations = 1000;  // KTAB's iMax

std::vector<double> markov_incentive(const std::vector<double>& c, const std::vector<double>& pv, std::size_t m) {
  std::vector<double> inctv(m * m), chlg(m * m), column(m, 0.0);
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < m; ++j) inctv[i * m + j] = c[i * m + j] * pv[i * m + j] + (i == j ? 1E-10 : 0.0);
  for (std::size_t j = 0; j < m; ++j)
    for (std::size_t k = 0; k < m; ++k) column[j] = column[j] + inctv[k * m + j];
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < m; ++j) chlg[i * m + j] = inctv[i * m + j] / column[j];
  std::vector<double> p(m, 1.0 / static_cast<double>(m)), q(m), ct(m * m);
  double change = 1.0;
  for (int iter = 0; 1E-8 < change && iter < kMarkovIterations; ++iter) {
    for (std::size_t i = 0; i < m; ++i)
      for (std::size_t j = 0; j < m; ++j) ct[i * m + j] = p[i] * chlg[j * m + i];
    change = 0.0;
    for (std::size_t i = 0; i < m; ++i) {
      double qi = 0.0;
      for (std::size_t j = 0; j < m; ++j) qi = qi + pv[i * m + j] * (ct[i * m + j] + ct[j * m + i]);
      q[i] = qi;
      const double d = std::fabs(q[i] - p[i]);
      change = d > change ? d : change;
    }
    for (std::size_t i = 0; i < m; ++i) p[i] = (p[i] + q[i]) / 2.0;
  }
  return p;
}

std::vector<double> markov_uniform(const std::vector<double>& pv, std::size_t m) {
  std::vector<double> p(m, 1.0 / static_cast<double>(m)), q(m);
  double change = 1.0;
  for (int iter = 0; 1E-6 < change && iter < kMarkovIterations; ++iter) {
    change = 0;
    for (std::size_t i = 0; i < m; ++i) {
      double pi = 0.0;
      for (std::size_t j = 0; j < m; ++j) pi = pi + pv[i * m + j] * (p[i] + p[j]);
      q[i] = pi / static_cast<double>(m);
      const double d = std::fabs(q[i] - p[i]);
      change = d > change ? d : change;
    }
    for (std::size_t i = 0; i < m; ++i) p[i] = (p[i] + q[i]) / 2.0;
  }
  return p;
}

}  // namespace

double vote(VotingRule rule, double w, double u_i, double u_j) {
  return with_rule(rule, [&](auto r) { return vote_by<decltype(r)::value>(w, u_i, u_j); });
}

std::pair<double, double> victory_pair(VictoryModel model, double s1, double s2) {
  double x1 = 0, x2 = 0;
  switch (model) {
    case VictoryModel::linear:
      x1 = s1, x2 = s2;
      break;
    case VictoryModel::square:
      x1 = s1 * s1, x2 = s2 * s2;
      break;
    case VictoryModel::quartic:
      x1 = qrtc(s1), x2 = qrtc(s2);
      break;
    case VictoryModel::octic: {
      const double q1 = qrtc(s1), q2 = qrtc(s2);
      x1 = q1 * q1, x2 = q2 * q2;
      break;
    }
    case VictoryModel::binary: {
      constexpr double thresh = 1.10, min_x = 1E-6;
      if (s1 >= thresh * s2) {
        x1 = 1.0, x2 = min_x;
      } else if (s2 >= thresh * s1) {
        x1 = min_x, x2 = 1.0;
      } else {
        const double r12 = s1 / (s1 + s2);
        const double p12 = (r12 * (thresh + 1.0) - 1.0) / (thresh - 1.0);
        x1 = p12, x2 = 1 - p12;
      }
      break;
    }
  }
  return {x1 / (x1 + x2), x2 / (x1 + x2)};
}

std::vector<double> coalitions(VotingRule rule, const std::vector<double>& w, const std::vector<double>& u, std::size_t n, std::size_t m) {
  if (m >= kWideCoalitions) return coalitions_wide(rule, w, u, n, m);
  std::vector<double> c(m * m);
  with_rule(rule, [&](auto r) { coalitions_by<decltype(r)::value>(w, u, n, m, c); });
  return c;
}

std::vector<double> condorcet_probabilities(PceModel pce, VictoryModel victory, const std::vector<double>& c, std::size_t m) {
  const std::vector<double> pv = victory_matrix(victory, c, m);
  switch (pce) {
    case PceModel::conditional:
      return conditional(pv, m);
    case PceModel::markov_incentive:
      return markov_incentive(c, pv, m);
    case PceModel::markov_uniform:
      return markov_uniform(pv, m);
  }
  return {};
}

std::vector<double> risk_from_probabilities(const std::vector<double>& p, RiskRange range) {
  double p_min = 1.0, p_max = 0.0;
  for (double x : p) p_min = x < p_min ? x : p_min, p_max = x > p_max ? x : p_max;
  std::vector<double> r(p.size(), 0.0);
  if (!(p_max - p_min > 1e-12)) return r;  // equal up to rounding: KTAB would divide noise by noise
  for (std::size_t i = 0; i < p.size(); ++i) {
    switch (range) {
      case RiskRange::min:
        r[i] = (p[i] - p_min) / (p_max - p_min);
        break;
      case RiskRange::mid:
        r[i] = (3 * p[i] - (p_max + 2 * p_min)) / (2 * (p_max - p_min));
        break;
      case RiskRange::max:
        r[i] = (2 * p[i] - (p_max + p_min)) / (p_max - p_min);
        break;
    }
  }
  return r;
}

double estimated_risk(double r_h, double r_i, RiskAdjust adjust) {
  switch (adjust) {
    case RiskAdjust::full:
      return r_i;
    case RiskAdjust::two_thirds:
      return (r_h + (2.0 * r_i)) / 3.0;
    case RiskAdjust::half:
      return (r_h + r_i) / 2;
    case RiskAdjust::one_third:
      return ((2.0 * r_h) + r_i) / 3.0;
    case RiskAdjust::none:
      return r_h;
  }
  return r_h;
}

namespace {

double round4(double x) { return static_cast<double>(static_cast<int>(0.5 + x * 10000.0)) / 10000.0; }

std::pair<double, double> interpolate_sn_pm(int n, int m, double tik, double sik, double prb_i, double tjk, double sjk, double prb_j) {
  const double wik = std::pow(sik, n) * std::pow(prb_i, m);
  const double wjk = std::pow(sjk, n) * std::pow(prb_j, m);
  constexpr double min_w = 1e-6;
  return {round4(((wik + min_w) * tik + wjk * tjk) / (wik + min_w + wjk)), round4((wik * tik + (min_w + wjk) * tjk) / (wik + min_w + wjk))};
}

std::pair<double, double> interpolate_s2_pmax(double tik, double sik, double prb_i, double tjk, double sjk, double prb_j) {
  const double di = prb_j > prb_i ? prb_j - prb_i : 0, dj = prb_i > prb_j ? prb_i - prb_j : 0;
  const double sik2 = sik * sik, sjk2 = sjk * sjk;
  constexpr double min_w = 1e-6;
  const double dik = (di * sjk2) / ((di * sjk2) + min_w + ((1 - di) * sik2));
  const double djk = (dj * sik2) / ((dj * sik2) + min_w + ((1 - dj) * sjk2));
  return {tik + dik * (tjk - tik), tjk + djk * (tik - tjk)};
}

}  // namespace

std::pair<double, double> interpolate(Interpolation how, double t_i, double s_i, double p_i, double t_j, double s_j, double p_j) {
  switch (how) {
    case Interpolation::s1p1:
      return interpolate_sn_pm(1, 1, t_i, s_i, p_i, t_j, s_j, p_j);
    case Interpolation::s2p2:
      return interpolate_sn_pm(2, 2, t_i, s_i, p_i, t_j, s_j, p_j);
    case Interpolation::s2pmax:
      return interpolate_s2_pmax(t_i, s_i, p_i, t_j, s_j, p_j);
  }
  return {t_i, t_j};
}

}  // namespace parley::models::smp
