// The `exchange` model: Stokman's exchange of voting positions between issues, equal-gain or
// random-rate (docs/models/exchange.md). The rounds run in exchange_run.cpp; this file turns a run
// into a Forecast.
#include <algorithm>
#include <cmath>
#include <utility>

#include "core/not_a_number.hpp"
#include "models/dynamics.hpp"
#include "models/exchange/exchange.hpp"
#include "models/options.hpp"
#include "models/participants.hpp"

namespace parley::models {

namespace {

class ExchangeModel final : public Model {
 public:
  std::string_view name() const override { return "exchange"; }
  std::string_view description() const override {
    return "Stokman's exchange model: actors trade positions between issues, equal-gain or random-rate (Decide-compatible)";
  }
  std::vector<ModelOptionSpec> options() const override { return exchange::option_specs(); }
  ModelTraits traits() const override { return {.rounds = true, .seed = true, .trace = true}; }
  /// `--rounds N` is rounds=N, `--seed S` is seed=S, `--trace` is trace=true.
  ModelOptions request_options(const RunRequest& request) const override {
    ModelOptions out;
    if (request.rounds) out["rounds"] = std::to_string(*request.rounds);
    if (request.seed) out["seed"] = *request.seed;
    if (request.trace) out["trace"] = "true";
    return out;
  }
  void check_options(const ModelOptions& given) const override {
    ModelOptions resolved;
    (void)exchange::read_options(*this, given, resolved);
  }

  Forecast forecast(const Scenario& s, const ModelOptions& given) const override {
    Forecast f{std::string(name()), {}, {}, {}, {}};
    const exchange::Options o = exchange::read_options(*this, given, f.options);
    const exchange::Run run = exchange::run_exchange(s, o);
    std::vector<const exchange::State*> states{&run.start};
    for (const exchange::Round& r : run.rounds) states.push_back(&r.voting);
    const Dynamics dynamics = dynamics_of(s, states);
    for (std::size_t i = 0; i < s.issues().size(); ++i) f.issues.push_back(issue_forecast(s, i, states, dynamics, o.cycle));
    for (std::size_t t = 0; t < run.rounds.size(); ++t) f.exchanges.push_back(exchange_round(t + 1, run.rounds[t], o.trace));
    return f;
  }

 private:
  /// A round of the run as the Forecast carries it (ExchangeRound).
  static ExchangeRound exchange_round(std::size_t number, const exchange::Round& r, bool trace) {
    ExchangeRound out{number, r.candidates, r.valid, {}, {}};
    out.exchanges.reserve(r.exchanges.size());
    for (const exchange::Exchange& e : r.exchanges) out.exchanges.push_back({side_of(e.on_p), side_of(e.on_q), e.gain});
    if (trace) out.start = r.next.positions;
    return out;
  }

  static ExchangeSide side_of(const exchange::Side& x) {
    return {x.actor, x.supply, x.from, x.to, x.toward, x.to - x.from, x.gain, x.mean_before, x.mean_after};
  }

  /// How the run ended, over all issues at once (every actor-issue's voting position per round).
  static Dynamics dynamics_of(const Scenario& s, const std::vector<const exchange::State*>& states) {
    std::vector<std::vector<double>> positions;
    for (const exchange::State* st : states) positions.push_back(st->positions);
    std::vector<double> tolerance;
    for (const Issue& issue : s.issues())
      tolerance.insert(tolerance.end(), s.actors().size(), kDynamicsTolerance * (issue.scale.max - issue.scale.min));
    return detect_dynamics(positions, tolerance, 0);
  }

  static IssueForecast issue_forecast(const Scenario& s, std::size_t i, const std::vector<const exchange::State*>& states,
                                      const Dynamics& dynamics, CycleForecast cycle) {
    IssueForecast out{s.issue(i).id, std::nullopt, "", {}};
    const std::vector<Participant> members = participants(s, i);
    if (members.empty()) {
      out.note = "no actor has both a position and a salience";
      return out;
    }
    if (std::isnan(states.front()->means[i])) {
      out.note = "every actor taking part has salience 0";
      return out;
    }
    const std::size_t n = s.actors().size();
    std::vector<double> means;
    for (const exchange::State* st : states) {
      RoundRecord r;
      r.positions.assign(st->positions.begin() + static_cast<std::ptrdiff_t>(i * n),
                         st->positions.begin() + static_cast<std::ptrdiff_t>((i + 1) * n));
      r.mean = st->means[i];
      r.median = weighted_median(members, r.positions);
      means.push_back(r.mean);
      out.rounds.push_back(std::move(r));
    }
    out.dynamics = dynamics;
    out.outcome = forecast_over_run(means, out.dynamics, cycle);
    return out;
  }

  /// The capability x salience weighted median of `positions` (by scenario actor): the lowest
  /// position with at least half the weight at or below it, or the midpoint of the two positions
  /// around exactly half.
  static double weighted_median(const std::vector<Participant>& members, const std::vector<double>& positions) {
    std::vector<std::pair<double, double>> xw;
    double total = 0;
    for (const Participant& m : members) xw.emplace_back(positions[m.actor], m.c * m.s), total += m.c * m.s;
    if (!(total > 0)) return kNaN;
    std::sort(xw.begin(), xw.end());
    double below = 0;
    for (std::size_t k = 0; k < xw.size(); ++k) {
      below += xw[k].second;
      if (below == total / 2 && k + 1 < xw.size()) return (xw[k].first + xw[k + 1].first) / 2;
      if (below >= total / 2) return xw[k].first;
    }
    return xw.back().first;
  }
};

}  // namespace

const Model& exchange_model() {
  static const ExchangeModel model;
  return model;
}

}  // namespace parley::models
