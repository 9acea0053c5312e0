// KTAB's spatial model of politics over all issues at once (docs/models/smp.md).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "models/builtin.hpp"
#include "models/smp/smp_config.hpp"
#include "models/smp/smp_dynamics.hpp"
#include "parley/error.hpp"

namespace parley::models {

namespace {

using smp::Assessment;
using smp::Config;
using smp::Problem;
using smp::State;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kMinSigDelta = 1E-4;  // KTAB's minSigDelta, added to the first turn's movement

/// The scenario on the unit cube, and what had to be filled in or rescaled to get there.
struct Setup {
  Problem problem;
  State start;
  std::vector<std::string> notes;
};

Setup set_up(const Scenario& s) {
  Setup out;
  Problem& p = out.problem;
  p.n = s.actors().size();
  p.d = s.issues().size();
  p.cap.resize(p.n);
  p.sal.assign(p.n * p.d, 0.0);
  p.sal_sum.assign(p.n, 0.0);
  out.start.pos.assign(p.n * p.d, 0.0);
  std::vector<std::string> filled, rescaled;
  for (std::size_t a = 0; a < p.n; ++a) {
    p.cap[a] = s.actor(a).capability.point();
    for (std::size_t k = 0; k < p.d; ++k) {
      const Issue& issue = s.issue(k);
      const Scale& scale = issue.scale;
      const Stance& st = s.stance(k, a);
      double x = issue.status_quo ? issue.status_quo->point() : (scale.min + scale.max) / 2;
      if (st.takes_part()) {
        x = st.position->point();
        p.sal[a * p.d + k] = st.salience->point();
      } else {
        filled.push_back(s.actor(a).id + "/" + issue.id);
      }
      out.start.pos[a * p.d + k] = (x - scale.min) / (scale.max - scale.min);
      p.sal_sum[a] = p.sal_sum[a] + p.sal[a * p.d + k];
    }
    if (!(p.sal_sum[a] > 0))
      throw InputError({}, "positions." + s.actor(a).id, "no issue with a positive salience",
                       "at least one issue the actor cares about (smp weighs distances by salience)");
    if (p.sal_sum[a] > 1) {  // KTAB requires saliences summing to at most 1 (100)
      const double total = p.sal_sum[a];
      p.sal_sum[a] = 0;
      for (std::size_t k = 0; k < p.d; ++k) {
        p.sal[a * p.d + k] = p.sal[a * p.d + k] / total;
        p.sal_sum[a] = p.sal_sum[a] + p.sal[a * p.d + k];
      }
      rescaled.push_back(s.actor(a).id);
    }
  }
  out.start.ideal = out.start.pos;
  if (!s.ideal_adjustments.empty()) {
    p.accommodate.assign(p.n * p.n, 0.0);
    for (std::size_t a = 0; a < p.n; ++a) p.accommodate[a * p.n + a] = 1.0;
    for (const IdealAdjustment& adj : s.ideal_adjustments) p.accommodate[adj.actor * p.n + adj.toward] = adj.rate;
  }
  auto list = [](const std::vector<std::string>& v) {
    std::string t;
    for (std::size_t i = 0; i < v.size() && i < 5; ++i) t += (i ? ", " : "") + v[i];
    return v.size() > 5 ? t + fmt::format(" and {} more", v.size() - 5) : t;
  };
  if (!filled.empty())
    out.notes.push_back("no stance for " + list(filled) + ": placed at the status quo (or mid-scale) with salience 0");
  if (!rescaled.empty()) out.notes.push_back("saliences summing above 1 divided by their sum for " + list(rescaled));
  return out;
}

double to_scale(const Scale& scale, double x) { return scale.min + x * (scale.max - scale.min); }

SpatialTurn record_turn(const Scenario& s, const Problem& p, const State& st, const Assessment& a, double change) {
  SpatialTurn t;
  t.positions.resize(p.n * p.d);
  for (std::size_t i = 0; i < p.n; ++i)
    for (std::size_t k = 0; k < p.d; ++k) t.positions[i * p.d + k] = to_scale(s.issue(k).scale, st.pos[i * p.d + k]);
  t.prevail = a.prevail;
  t.risk = a.risk;
  t.change = change;
  return t;
}

void record_bargains(const Scenario& s, const Problem& p, const smp::Step& step, SpatialTurn& t) {
  for (const smp::Bargain& b : step.bargains) {
    Challenge c{b.init, b.rcvr, b.probability, b.gain, std::vector<double>(p.d), std::vector<double>(p.d)};
    for (std::size_t k = 0; k < p.d; ++k) {
      c.initiator_position[k] = to_scale(s.issue(k).scale, b.pos_init[k]);
      c.receiver_position[k] = to_scale(s.issue(k).scale, b.pos_rcvr[k]);
    }
    t.challenges.push_back(std::move(c));
  }
  t.adopted = step.adopted;
}

/// The weighted median of (x, w) pairs: the smallest x at which the cumulative weight reaches half.
double weighted_median(std::vector<std::pair<double, double>> xw) {
  std::sort(xw.begin(), xw.end());
  double total = 0;
  for (const auto& [x, w] : xw) total += w;
  double acc = 0;
  for (const auto& [x, w] : xw)
    if ((acc += w) >= total / 2) return x;
  return xw.empty() ? kNaN : xw.back().first;
}

/// Per issue: positions, capability-times-salience weighted median and mean, and who moved.
void fill_issue_rounds(const Problem& p, Forecast& f) {
  for (std::size_t k = 0; k < p.d; ++k) {
    IssueForecast& out = f.issues[k];
    for (std::size_t t = 0; t < f.turns.size(); ++t) {
      const SpatialTurn& turn = f.turns[t];
      RoundRecord r;
      r.positions.resize(p.n);
      std::vector<std::pair<double, double>> xw;
      double sw = 0, swx = 0;
      for (std::size_t i = 0; i < p.n; ++i) {
        const double x = turn.positions[i * p.d + k], w = p.cap[i] * p.sal[i * p.d + k];
        r.positions[i] = x;
        xw.emplace_back(x, w);
        sw += w, swx += w * x;
      }
      r.median = weighted_median(std::move(xw));
      r.mean = sw > 0 ? swx / sw : kNaN;
      r.risk = turn.risk;
      for (std::size_t i = 0; t > 0 && i < p.n; ++i) {
        if (turn.adopted[i] < 0) continue;
        const Challenge& c = turn.challenges[static_cast<std::size_t>(turn.adopted[i])];
        const double before = f.turns[t - 1].positions[i * p.d + k], after = turn.positions[i * p.d + k];
        if (before != after)
          r.offers.push_back({i, c.initiator == i ? c.receiver : c.initiator, "bargain", before, after, c.probability, c.expected_gain});
      }
      out.rounds.push_back(std::move(r));
    }
  }
}

class SpatialModel final : public Model {
 public:
  std::string_view name() const override { return "smp"; }
  std::string_view description() const override {
    return "KTAB's spatial model of politics: all issues at once, challenges, Nash-bargained proposals, probabilistic Condorcet elections";
  }
  std::vector<ModelOptionSpec> options() const override { return smp::option_specs(); }

  Forecast run(const Scenario& s, const ModelOptions& given) const override {
    ModelOptions merged;
    if (auto it = s.model_options.find("smp"); it != s.model_options.end()) merged = it->second;
    for (const auto& [k, v] : given) merged[k] = v;
    Forecast f{std::string(name()), {}, {}, {}};
    const Config c = smp::read_config(*this, merged, f.options);
    for (const Issue& issue : s.issues()) f.issues.push_back({issue.id, std::nullopt, "", {}});
    if (s.actors().empty() || s.issues().empty()) return f;
    const Setup setup = set_up(s);
    const Problem& p = setup.problem;

    State current = setup.start;
    Assessment now = smp::assess(p, current, c);
    f.turns.push_back(record_turn(s, p, current, now, kNaN));
    double first = 0;
    for (std::size_t iter = 1;; ++iter) {
      if (c.stop == smp::Stop::rounds && iter > static_cast<std::size_t>(c.rounds)) break;
      smp::Step step = smp::step(p, current, now, c, iter);
      const double moved = smp::state_distance(step.next, current, p.n, p.d);
      current = std::move(step.next);
      now = smp::assess(p, current, c);
      if (iter == 1) first = moved + kMinSigDelta;
      const double ratio = moved / first;
      f.turns.push_back(record_turn(s, p, current, now, ratio));
      record_bargains(s, p, step, f.turns.back());
      if (c.stop == smp::Stop::ktab &&
          (static_cast<std::size_t>(c.max_rounds) <= iter || (static_cast<std::size_t>(c.min_rounds) <= iter && ratio < c.threshold)))
        break;
    }
    fill_issue_rounds(p, f);
    std::string note;
    for (const std::string& n : setup.notes) note += (note.empty() ? "" : "; ") + n;
    for (std::size_t k = 0; k < p.d; ++k) {
      double expected = 0;  // the final state's positions weighted by their probability of prevailing
      for (std::size_t q = 0; q < now.unique.size(); ++q) expected += now.unique_prob[q] * current.pos[now.unique[q] * p.d + k];
      f.issues[k].outcome = to_scale(s.issue(k).scale, expected);
      f.issues[k].note = note;
    }
    return f;
  }
};

}  // namespace

const Model& spatial_model() {
  static const SpatialModel model;
  return model;
}

}  // namespace parley::models
