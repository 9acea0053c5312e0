// The asymmetric Nash bargaining solution on one issue (docs/models/nbs.md):
//   x* = argmax_x  prod_i (L(d - x_i) - L(x - x_i))^{w_i},  L(u) = |u|^p,  d = status quo,
// over the x that leave every actor better off than d.
#include <algorithm>
#include <cmath>
#include <optional>

#include "models/options.hpp"
#include "models/participants.hpp"

namespace parley::models {

namespace {

struct Bargainer {
  double x;  // ideal point
  double w;  // bargaining weight
};

/// dL/du for L(u) = |u|^p.
double loss_slope(double u, double p) {
  if (u == 0) return 0;
  return (u > 0 ? 1 : -1) * p * std::pow(std::fabs(u), p - 1);
}

/// Finds the zero of a decreasing function on (lo, hi) by bisection, to the last bit.
template <typename F>
double bisect_decreasing(double lo, double hi, F&& slope) {
  for (int k = 0; k < 200 && hi - lo > 0; ++k) {
    const double mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const double g = slope(mid);
    if (g > 0)
      lo = mid;
    else if (g < 0)
      hi = mid;
    else
      return mid;
  }
  return lo + (hi - lo) / 2;
}

/// The NBS when every ideal point lies strictly above d. The feasible set is (d, 2 min x_i - d).
double solve_above(const std::vector<Bargainer>& b, double d, double p) {
  double x_min = b.front().x;
  for (const Bargainer& a : b) x_min = std::min(x_min, a.x);
  const double hi = 2 * x_min - d;
  auto slope = [&](double x) {
    double g = 0;
    for (const Bargainer& a : b) {
      const double gain = std::pow(std::fabs(d - a.x), p) - std::pow(std::fabs(x - a.x), p);
      g += a.w * -loss_slope(x - a.x, p) / gain;
    }
    return g;
  };
  return bisect_decreasing(d, hi, slope);
}

/// argmin_x sum w_i |x - x_i|^p: the limit of the NBS as the disagreement outcome becomes
/// infinitely bad for everyone. For p = 2 it is the weighted mean, computed in closed form.
double remote_disagreement(const std::vector<Bargainer>& b, double p) {
  if (p == 2) {
    double num = 0, den = 0;
    for (const Bargainer& a : b) num += a.w * a.x, den += a.w;
    return num / den;
  }
  double lo = b.front().x, hi = b.front().x;
  for (const Bargainer& a : b) lo = std::min(lo, a.x), hi = std::max(hi, a.x);
  if (lo == hi) return lo;
  auto slope = [&](double x) {
    double g = 0;
    for (const Bargainer& a : b) g -= a.w * loss_slope(x - a.x, p);
    return g;
  };
  return bisect_decreasing(lo, hi, slope);
}

/// The power of two e by which positions are divided before solving: 0 unless |x|^p could leave
/// the range of doubles (positions near the ±1e100 validate() allows, with p up to 8), else the
/// exponent of the largest magnitude. Dividing by 2^e is exact, so the solution is the same.
int position_rescaling(const std::vector<Bargainer>& b, std::optional<double> d, double p) {
  double largest = d ? std::fabs(*d) : 0;
  for (const Bargainer& a : b) largest = std::max(largest, std::fabs(a.x));
  if (largest == 0) return 0;
  const int e = std::ilogb(largest);
  return p * (e + 2) > 960 || p * e < -960 ? e : 0;
}

class NashBargainingModel final : public Model {
 public:
  std::string_view name() const override { return "nbs"; }
  std::string_view description() const override { return "asymmetric Nash bargaining solution with the status quo as disagreement point"; }
  std::vector<ModelOptionSpec> options() const override {
    return {
        {"loss_exponent", "2", "p in the loss |x - x_i|^p: 2 is quadratic, 1 linear (1 to 8)"},
        {"weights", "capability-salience", "bargaining weights: capability-salience or capability"},
        {"disagreement", "status-quo", "status-quo, or remote (the limit of an infinitely bad disagreement; equals compromise for p = 2)"}};
  }

  void check_options(const ModelOptions& given) const override {
    OptionReader options(*this, given);
    (void)settings(options);
  }

  Forecast forecast(const Scenario& s, const ModelOptions& given) const override {
    OptionReader options(*this, given);
    const auto [p, use_salience, remote] = settings(options);
    Forecast f{std::string(name()), options.resolved(), {}, {}, {}};
    for (std::size_t i = 0; i < s.issues().size(); ++i) {
      IssueForecast r{s.issue(i).id, std::nullopt, "", {}};
      std::vector<Bargainer> b;
      for (const Participant& a : participants(s, i)) {
        const double w = use_salience ? a.c * a.s : a.c;
        if (w > 0) b.push_back({a.x, w});
      }
      std::optional<double> d;
      if (!remote && s.issue(i).status_quo) d = s.issue(i).status_quo->point();
      const int e = position_rescaling(b, d, p);
      for (Bargainer& a : b) a.x = std::ldexp(a.x, -e);
      if (b.empty()) {
        r.note = "no actor takes part with a positive weight";
      } else if (remote) {
        r.outcome = std::ldexp(remote_disagreement(b, p), e);
      } else if (!d) {
        r.note = "no status quo to serve as disagreement point (try --option disagreement=remote)";
      } else {
        r.outcome = std::ldexp(solve(b, std::ldexp(*d, -e), p, r.note), e);
      }
      f.issues.push_back(std::move(r));
    }
    return f;
  }

 private:
  struct Settings {
    double p;           // the loss exponent
    bool use_salience;  // weights capability x salience (else capability)
    bool remote;        // remote disagreement (else the status quo)
  };
  static Settings settings(OptionReader& options) {
    const double p = options.number("loss_exponent", 1, 8);
    const bool use_salience = options.choice("weights", {"capability-salience", "capability"}) == "capability-salience";
    const bool remote = options.choice("disagreement", {"status-quo", "remote"}) == "remote";
    return {p, use_salience, remote};
  }

  static double solve(std::vector<Bargainer>& b, double d, double p, std::string& note) {
    bool above = false, below = false;
    for (const Bargainer& a : b) {
      if (a.x == d) {
        note = "an actor's ideal point is the status quo: no change leaves it better off";
        return d;
      }
      (a.x > d ? above : below) = true;
    }
    if (above && below) {
      note = "actors on both sides of the status quo: no change leaves all better off";
      return d;
    }
    if (above) return solve_above(b, d, p);
    for (Bargainer& a : b) a.x = -a.x;  // mirror, solve, mirror back
    return -solve_above(b, -d, p);
  }
};

}  // namespace

const Model& nash_bargaining_model() {
  static const NashBargainingModel model;
  return model;
}

}  // namespace parley::models
