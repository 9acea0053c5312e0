#include "models/focal/focal_candidates.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "models/participants.hpp"

namespace parley::models::focal {

namespace {

// Values closer than this fraction of the scale width are one candidate.
constexpr double kSame = 1e-9;

enum Feature : std::size_t { distance, compromise, outermost, reference, support, median };

Candidate& candidate_at(std::vector<Candidate>& out, double x, double width) {
  for (Candidate& c : out)
    if (std::fabs(c.x - x) <= kSame * width) return c;
  out.push_back({x, {}});
  return out.back();
}

}  // namespace

std::vector<Candidate> candidates(const Scenario& s, std::size_t issue, double exponent) {
  const std::vector<Participant> ps = participants(s, issue);
  if (ps.empty()) return {};
  double mean_c = 0;
  for (const Participant& p : ps) mean_c += p.c / static_cast<double>(ps.size());
  std::vector<double> w;
  double sum = 0, weighted = 0;
  for (const Participant& p : ps) {
    w.push_back(std::pow(p.c / mean_c, exponent) * p.s);
    sum += w.back();
    weighted += w.back() * p.x;
  }
  if (!(sum > 0)) return {};
  const Scale& scale = s.issue(issue).scale;
  const double width = scale.max - scale.min;
  const double mid = weighted / sum;
  const auto [lo, hi] = std::minmax_element(ps.begin(), ps.end(), [](const Participant& a, const Participant& b) { return a.x < b.x; });

  std::vector<Candidate> out;
  for (std::size_t k = 0; k < ps.size(); ++k) {
    Candidate& c = candidate_at(out, ps[k].x, width);
    c.features[support] += w[k] / sum;
    if (ps[k].x == lo->x || ps[k].x == hi->x) c.features[outermost] = 1;
  }
  if (const auto& sq = s.issue(issue).status_quo) candidate_at(out, sq->point(), width).features[reference] = 1;
  candidate_at(out, mid, width).features[compromise] = 1;
  {  // the weighted median position: where the cumulative weight first reaches one half
    std::vector<std::size_t> order(ps.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ps[a].x < ps[b].x; });
    double cum = 0;
    for (std::size_t k : order) {
      cum += w[k];
      if (cum >= sum / 2 - 1e-12 * sum) {
        candidate_at(out, ps[k].x, width).features[median] = 1;
        break;
      }
    }
  }
  for (Candidate& c : out) c.features[distance] = std::fabs(c.x - mid) / width;

  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.x < b.x; });
  return out;
}

std::vector<double> probabilities(const std::vector<Candidate>& cs, const Features& beta) {
  std::vector<double> u;
  for (const Candidate& c : cs) u.push_back(std::inner_product(beta.begin(), beta.end(), c.features.begin(), 0.0));
  const double top = u.empty() ? 0 : *std::max_element(u.begin(), u.end());
  double sum = 0;
  for (double& x : u) sum += (x = std::exp(x - top));
  for (double& x : u) x /= sum;
  return u;
}

double weighted_median(const std::vector<Candidate>& cs, const std::vector<double>& weights) {
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  double cumulative = 0;
  for (std::size_t k = 0; k < cs.size(); ++k) {
    cumulative += weights[k];
    const double excess = cumulative - total / 2;
    if (std::fabs(excess) <= 1e-12 * total && k + 1 < cs.size()) return (cs[k].x + cs[k + 1].x) / 2;
    if (excess > 0) return cs[k].x;
  }
  return cs.back().x;
}

std::vector<std::size_t> nearest(const std::vector<Candidate>& cs, double outcome) {
  std::vector<std::size_t> out;
  double best = INFINITY;
  for (std::size_t k = 0; k < cs.size(); ++k) {
    const double d = std::fabs(cs[k].x - outcome);
    if (d < best - 1e-9) {
      best = d;
      out.assign(1, k);
    } else if (d <= best + 1e-9) {
      out.push_back(k);
    }
  }
  return out;
}

}  // namespace parley::models::focal
