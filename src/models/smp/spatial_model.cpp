// KTAB's spatial model of politics over all issues at once (docs/models/smp.md).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/not_a_number.hpp"
#include "models/dynamics.hpp"
#include "models/options.hpp"
#include "models/smp/smp_config.hpp"
#include "models/smp/smp_dynamics.hpp"
#include "parley/error.hpp"
#include "parley/model.hpp"
#include "parley/timeline.hpp"

namespace parley::models {

namespace {

using smp::Assessment;
using smp::Config;
using smp::Problem;
using smp::State;

constexpr double kMinSigDelta = 1E-4;  // KTAB's minSigDelta, added to the first turn's movement

/// The scenario on the unit cube for the actors taking part, and what had to be filled in or
/// rescaled to get there.
struct Setup {
  Problem problem;
  State start;
  std::vector<std::size_t> actor;     // the scenario index of each of the problem's actors
  std::vector<std::string> filled;    // "actor/issue" without a stance, placed at the status quo
  std::vector<std::string> rescaled;  // actors whose saliences were divided by their sum
};

/// Adds the names in `more` that `into` lacks, keeping the order of first appearance.
void merge(std::vector<std::string>& into, const std::vector<std::string>& more) {
  for (const std::string& x : more)
    if (std::find(into.begin(), into.end(), x) == into.end()) into.push_back(x);
}

/// What had to be filled in or rescaled, for the forecast's note.
std::string note_of(const std::vector<std::string>& filled, const std::vector<std::string>& rescaled) {
  auto list = [](const std::vector<std::string>& v) {
    std::string t;
    for (std::size_t i = 0; i < v.size() && i < 5; ++i) t += (i ? ", " : "") + v[i];
    return v.size() > 5 ? t + fmt::format(" and {} more", v.size() - 5) : t;
  };
  std::string note;
  if (!filled.empty()) note = "no stance for " + list(filled) + ": placed at the status quo (or mid-scale) with salience 0";
  if (!rescaled.empty()) note += (note.empty() ? "" : "; ") + ("saliences summing above 1 divided by their sum for " + list(rescaled));
  return note;
}

Setup set_up(const Scenario& s, const std::vector<bool>& present) {
  Setup out;
  for (std::size_t a = 0; a < present.size(); ++a)
    if (present[a]) out.actor.push_back(a);
  Problem& p = out.problem;
  p.n = out.actor.size();
  p.d = s.issues().size();
  p.cap.resize(p.n);
  p.sal.assign(p.n * p.d, 0.0);
  p.sal_sum.assign(p.n, 0.0);
  out.start.pos.assign(p.n * p.d, 0.0);
  std::vector<std::string>& filled = out.filled;
  std::vector<std::string>& rescaled = out.rescaled;
  for (std::size_t a = 0; a < p.n; ++a) {
    const std::size_t id = out.actor[a];
    p.cap[a] = s.actor(id).capability.point();
    for (std::size_t k = 0; k < p.d; ++k) {
      const Issue& issue = s.issue(k);
      const Scale& scale = issue.scale;
      const Stance& st = s.stance(k, id);
      double x = issue.status_quo ? issue.status_quo->point() : (scale.min + scale.max) / 2;
      if (st.takes_part()) {
        x = st.position->point();
        p.sal[a * p.d + k] = st.salience->point();
      } else {
        filled.push_back(s.actor(id).id + "/" + issue.id);
      }
      out.start.pos[a * p.d + k] = (x - scale.min) / (scale.max - scale.min);
      p.sal_sum[a] = p.sal_sum[a] + p.sal[a * p.d + k];
    }
    if (s.has_issue_capabilities() && p.sal_sum[a] > 0) {
      // smp weighs an actor once for all issues (capability × summed salience): with issue-specific
      // capabilities (DEU --capability council) its capability is their salience-weighted mean, so
      // that capability × summed salience is the sum over issues of capability × salience.
      double weighted = 0;
      for (std::size_t k = 0; k < p.d; ++k) weighted += s.capability(k, id).point() * p.sal[a * p.d + k];
      p.cap[a] = weighted / p.sal_sum[a];
    }
    if (!(p.sal_sum[a] > 0))
      throw InputError({}, "positions." + s.actor(id).id, "no issue with a positive salience",
                       "at least one issue the actor cares about (smp weighs distances by salience)");
    if (p.sal_sum[a] > 1) {  // KTAB requires saliences summing to at most 1 (100)
      const double total = p.sal_sum[a];
      p.sal_sum[a] = 0;
      for (std::size_t k = 0; k < p.d; ++k) {
        p.sal[a * p.d + k] = p.sal[a * p.d + k] / total;
        p.sal_sum[a] = p.sal_sum[a] + p.sal[a * p.d + k];
      }
      rescaled.push_back(s.actor(id).id);
    }
  }
  out.start.ideal = out.start.pos;
  if (!s.ideal_adjustments.empty()) {
    std::vector<std::size_t> index(present.size(), p.n);  // scenario index -> problem index
    for (std::size_t m = 0; m < p.n; ++m) index[out.actor[m]] = m;
    p.accommodate.assign(p.n * p.n, 0.0);
    for (std::size_t a = 0; a < p.n; ++a) p.accommodate[a * p.n + a] = 1.0;
    for (const IdealAdjustment& adj : s.ideal_adjustments)
      if (index[adj.actor] < p.n && index[adj.toward] < p.n) p.accommodate[index[adj.actor] * p.n + index[adj.toward]] = adj.rate;
  }
  return out;
}

double to_scale(const Scale& scale, double x) { return scale.min + x * (scale.max - scale.min); }

/// A turn over every scenario actor: NaN (or -1) for those not taking part; `weights` gets each
/// actor's capability times salience per issue (0 when absent), for the issue medians.
SpatialTurn record_turn(const Scenario& s, const Setup& u, const State& st, const Assessment& a, double change,
                        std::vector<double>& weights) {
  const Problem& p = u.problem;
  const std::size_t n_all = s.actors().size();
  SpatialTurn t;
  t.positions.assign(n_all * p.d, kNaN);
  t.prevail.assign(n_all, kNaN);
  t.risk.assign(n_all, kNaN);
  weights.assign(n_all * p.d, 0.0);
  for (std::size_t i = 0; i < p.n; ++i) {
    const std::size_t id = u.actor[i];
    for (std::size_t k = 0; k < p.d; ++k) {
      t.positions[id * p.d + k] = to_scale(s.issue(k).scale, st.pos[i * p.d + k]);
      weights[id * p.d + k] = p.cap[i] * p.sal[i * p.d + k];
    }
    t.prevail[id] = a.prevail[i];
    t.risk[id] = a.risk[i];
  }
  t.change = change;
  return t;
}

void record_bargains(const Scenario& s, const Setup& u, const smp::Step& step, SpatialTurn& t) {
  const std::size_t d = u.problem.d;
  for (const smp::Bargain& b : step.bargains) {
    Challenge c{u.actor[b.init], u.actor[b.rcvr], b.probability, b.gain, std::vector<double>(d), std::vector<double>(d)};
    for (std::size_t k = 0; k < d; ++k) {
      c.initiator_position[k] = to_scale(s.issue(k).scale, b.pos_init[k]);
      c.receiver_position[k] = to_scale(s.issue(k).scale, b.pos_rcvr[k]);
    }
    t.challenges.push_back(std::move(c));
  }
  t.adopted.assign(s.actors().size(), -1);
  for (std::size_t i = 0; i < u.problem.n; ++i) t.adopted[u.actor[i]] = step.adopted[i];
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
/// weights[t] is turn t's (record_turn).
void fill_issue_rounds(std::size_t n_all, std::size_t d, const std::vector<std::vector<double>>& weights, Forecast& f) {
  for (std::size_t k = 0; k < d; ++k) {
    IssueForecast& out = f.issues[k];
    for (std::size_t t = 0; t < f.turns.size(); ++t) {
      const SpatialTurn& turn = f.turns[t];
      RoundRecord r;
      r.positions.resize(n_all);
      std::vector<std::pair<double, double>> xw;
      double sw = 0, swx = 0;
      for (std::size_t i = 0; i < n_all; ++i) {
        const double x = turn.positions[i * d + k], w = weights[t][i * d + k];
        r.positions[i] = x;
        if (std::isnan(x)) continue;  // not taking part
        xw.emplace_back(x, w);
        sw += w, swx += w * x;
      }
      r.median = weighted_median(std::move(xw));
      r.mean = sw > 0 ? swx / sw : kNaN;
      r.events = turn.events;
      for (std::size_t i = 0; t > 0 && i < n_all; ++i) {
        if (turn.adopted[i] < 0) continue;
        const Challenge& c = turn.challenges[static_cast<std::size_t>(turn.adopted[i])];
        const double before = f.turns[t - 1].positions[i * d + k], after = turn.positions[i * d + k];
        if (before != after && !std::isnan(before))
          r.offers.push_back({.actor = i,
                              .from = c.initiator == i ? c.receiver : c.initiator,
                              .kind = OfferKind::bargain,
                              .old_position = before,
                              .new_position = after,
                              .probability = c.probability,
                              .expected_gain = c.expected_gain});
      }
      out.rounds.push_back(std::move(r));
    }
  }
}

/// Each issue's forecast in a state (on the issue's scale): the positions weighted by their
/// probability of prevailing.
std::vector<double> expected_outcomes(const Scenario& s, const Problem& p, const State& st, const Assessment& a) {
  std::vector<double> out(p.d);
  for (std::size_t k = 0; k < p.d; ++k) {
    double expected = 0;
    for (std::size_t q = 0; q < a.unique.size(); ++q) expected += a.unique_prob[q] * st.pos[a.unique[q] * p.d + k];
    out[k] = to_scale(s.issue(k).scale, expected);
  }
  return out;
}

/// KTAB's convergence: a run whose positions neither stand still nor repeat has converged when its
/// last turn moved less than `threshold` times the first turn after the last event (the stopping
/// ratio, SpatialTurn::change); it did so from the first turn after which every ratio stayed below.
void settle_by_ratio(const std::vector<SpatialTurn>& turns, std::size_t settled, double threshold, Dynamics& d) {
  const std::size_t last = turns.size() - 1;
  if (d.status != DynamicsStatus::not_converged || last <= settled || !(turns[last].change < threshold)) return;
  std::size_t start = last;
  while (start > settled + 1 && turns[start - 1].change < threshold) --start;
  d.status = DynamicsStatus::converged;
  d.period = 1;
  d.start = start;
}

/// The dynamics of the whole run (all issues' positions together) and each issue's forecast over
/// it: outcomes[t] holds turn t's forecasts.
void set_forecasts(const Scenario& s, const std::vector<std::vector<double>>& outcomes, std::size_t settled, const Config& c, Forecast& f) {
  const std::size_t d = s.issues().size();
  std::vector<std::vector<double>> states;
  for (const SpatialTurn& t : f.turns) states.push_back(t.positions);
  std::vector<double> tolerance(states.front().size());
  for (std::size_t i = 0; i < tolerance.size(); ++i) {
    const Scale& scale = s.issue(i % d).scale;
    tolerance[i] = kDynamicsTolerance * (scale.max - scale.min);
  }
  Dynamics run = detect_dynamics(states, tolerance, settled);
  settle_by_ratio(f.turns, settled, c.threshold, run);
  for (std::size_t k = 0; k < d; ++k) {
    std::vector<double> per_turn;
    for (const std::vector<double>& o : outcomes) per_turn.push_back(o[k]);
    f.issues[k].dynamics = run;
    f.issues[k].outcome = forecast_over_run(per_turn, f.issues[k].dynamics, c.cycle);
  }
}

/// The setup after `events` (applied to `work` and `present`): actors that took part before keep
/// their current position and ideal unless an event set their position on that issue.
Setup after_events(Scenario& work, std::vector<bool>& present, const std::vector<std::size_t>& events, const Setup& before,
                   const State& current) {
  std::vector<bool> moved(work.actors().size() * work.issues().size(), false);
  for (std::size_t e : events) {
    apply_event(work, work.events[e], present);
    for (const EventChange& c : work.events[e].changes)
      if (c.field == EventChange::Field::position) moved[c.actor * work.issues().size() + c.issue] = true;
  }
  Setup next = set_up(work, present);
  if (next.actor.empty())
    throw InputError({}, "events." + work.events[events.back()].id, "no actor takes part after the event",
                     "at least one actor throughout the timeline");
  const std::size_t d = next.problem.d;
  for (std::size_t m = 0; m < next.actor.size(); ++m) {
    const auto old = std::find(before.actor.begin(), before.actor.end(), next.actor[m]);
    if (old == before.actor.end()) continue;  // joins with its stance as the scenario now has it
    const std::size_t o = static_cast<std::size_t>(old - before.actor.begin());
    for (std::size_t k = 0; k < d; ++k) {
      if (moved[next.actor[m] * d + k]) continue;
      next.start.pos[m * d + k] = current.pos[o * d + k];
      next.start.ideal[m * d + k] = current.ideal[o * d + k];
    }
  }
  return next;
}

class SpatialModel final : public Model {
 public:
  std::string_view name() const override { return "smp"; }
  std::string_view description() const override {
    return "KTAB's spatial model of politics: all issues at once, challenges, Nash-bargained proposals, probabilistic Condorcet elections";
  }
  std::vector<ModelOptionSpec> options() const override { return smp::option_specs(); }
  ModelTraits traits() const override { return {.rounds = true, .seed = true, .trace = true, .events = true}; }
  ModelOptions request_options(const RunRequest& request) const override { return round_model_request_options(request); }
  void check_options(const ModelOptions& given) const override {
    ModelOptions resolved;
    (void)smp::read_config(*this, given, resolved);
  }

  Forecast forecast(const Scenario& s, const ModelOptions& given) const override {
    Forecast f{std::string(name()), {}, {}, {}, {}};
    const Config c = smp::read_config(*this, given, f.options);
    const bool fixed = c.stop == smp::Stop::rounds;
    require_rounds_for_events(s, name(), fixed ? "rounds" : "max_rounds", fixed ? c.rounds : c.max_rounds, "turn");
    for (const Issue& issue : s.issues()) f.issues.push_back({issue.id, std::nullopt, "", {}});
    if (s.actors().empty() || s.issues().empty()) return f;
    Scenario work = s.events.empty() ? Scenario{} : s;  // the scenario as events change it
    std::vector<bool> present = presence_at_start(s);
    Setup setup = set_up(s, present);
    std::vector<std::string> filled = setup.filled, rescaled = setup.rescaled;
    std::vector<std::vector<double>> weights(1);

    State current = setup.start;
    Assessment now = smp::assess(setup.problem, current, c);
    f.turns.push_back(record_turn(s, setup, current, now, kNaN, weights.back()));
    std::vector<std::vector<double>> outcomes{expected_outcomes(s, setup.problem, current, now)};  // per turn
    double first = 0;
    std::size_t phase_start = 1;  // the first turn since the last event
    const std::size_t last_event = static_cast<std::size_t>(last_event_round(s));
    for (std::size_t iter = 1;; ++iter) {
      if (c.stop == smp::Stop::rounds && iter > static_cast<std::size_t>(c.rounds)) break;
      const std::vector<std::size_t> events = events_at_round(s, static_cast<int>(iter));
      if (!events.empty()) {
        setup = after_events(work, present, events, setup, current);
        merge(filled, setup.filled);
        merge(rescaled, setup.rescaled);
        current = setup.start;
        now = smp::assess(setup.problem, current, c);
        phase_start = iter;
      }
      const Problem& p = setup.problem;
      smp::Step step = smp::step(p, current, now, c, iter);
      const double moved = smp::state_distance(step.next, current, p.n, p.d);
      current = std::move(step.next);
      now = smp::assess(p, current, c);
      if (iter == phase_start) first = moved + kMinSigDelta;
      const double ratio = moved / first;
      weights.emplace_back();
      f.turns.push_back(record_turn(s, setup, current, now, ratio, weights.back()));
      record_bargains(s, setup, step, f.turns.back());
      f.turns.back().events = events;
      outcomes.push_back(expected_outcomes(s, p, current, now));
      if (c.stop == smp::Stop::ktab && iter >= last_event &&
          (static_cast<std::size_t>(c.max_rounds) <= iter || (static_cast<std::size_t>(c.min_rounds) <= iter && ratio < c.threshold)))
        break;
    }
    const Problem& p = setup.problem;
    fill_issue_rounds(s.actors().size(), p.d, weights, f);
    const std::string note = note_of(filled, rescaled);
    set_forecasts(s, outcomes, last_event, c, f);
    for (std::size_t k = 0; k < p.d; ++k) f.issues[k].note = note;
    return f;
  }
};

}  // namespace

const Model& spatial_model() {
  static const SpatialModel model;
  return model;
}

}  // namespace parley::models
