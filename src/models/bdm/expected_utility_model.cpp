// Bueno de Mesquita's expected-utility model, issue by issue (docs/models/bdm.md).
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/not_a_number.hpp"
#include "models/bdm/bdm_config.hpp"
#include "models/bdm/bdm_round.hpp"
#include "models/dynamics.hpp"
#include "models/options.hpp"
#include "parley/model.hpp"
#include "parley/timeline.hpp"

namespace parley::models {

namespace {

class ExpectedUtilityModel final : public Model {
 public:
  std::string_view name() const override { return "bdm"; }
  std::string_view description() const override {
    return "Bueno de Mesquita's expected-utility model, rounds of challenges and offers (Scholz et al. 2011 profiles)";
  }
  std::vector<ModelOptionSpec> options() const override { return bdm::option_specs(); }
  ModelTraits traits() const override { return {.rounds = true, .seed = true, .trace = true, .events = true}; }
  ModelOptions request_options(const RunRequest& request) const override { return round_model_request_options(request); }
  void check_options(const ModelOptions& given) const override {
    ModelOptions resolved;
    (void)bdm::read_config(*this, given, resolved);
  }

  Forecast forecast(const Scenario& s, const ModelOptions& given) const override {
    Forecast f{std::string(name()), {}, {}, {}, {}};
    const bdm::Config config = bdm::read_config(*this, given, f.options);
    const bool fixed = config.stop == bdm::Stop::rounds;
    require_rounds_for_events(s, name(), fixed ? "rounds" : "max_rounds", fixed ? config.rounds : config.max_rounds, "round");
    for (std::size_t i = 0; i < s.issues().size(); ++i) f.issues.push_back(run_issue(s, i, config));
    return f;
  }

 private:
  /// One issue as it stands at a point of the timeline: every scenario actor's values on it.
  struct Cast {
    std::vector<bool> present;
    std::vector<double> x, c, sal;  // NaN: no position (salience) on this issue

    Cast(const Scenario& s, std::size_t issue) : present(presence_at_start(s)) {
      for (std::size_t a = 0; a < s.actors().size(); ++a) {
        const Stance& st = s.stance(issue, a);
        x.push_back(st.position ? st.position->point() : kNaN);
        sal.push_back(st.salience ? st.salience->point() : kNaN);
        c.push_back(s.capability(issue, a).point());
      }
    }
    /// An event's changes on this issue, joins and leaves; positions it sets replace current ones.
    void apply(const Event& e, std::size_t issue) {
      for (const EventChange& ch : e.changes) {
        const double v = ch.value.point();
        if (ch.field == EventChange::Field::capability) c[ch.actor] = v;
        if (ch.issue != issue) continue;
        if (ch.field == EventChange::Field::position) x[ch.actor] = v;
        if (ch.field == EventChange::Field::salience) sal[ch.actor] = v;
      }
      for (std::size_t a : e.join) present[a] = true;
      for (std::size_t a : e.leave) present[a] = false;
    }
    /// The actors taking part now (scenario indices) and their bdm values.
    std::vector<std::size_t> members() const {
      std::vector<std::size_t> out;
      for (std::size_t a = 0; a < present.size(); ++a)
        if (present[a] && !std::isnan(x[a]) && !std::isnan(sal[a])) out.push_back(a);
      return out;
    }
  };

  /// R: the scale's width, or the spread of the positions so far (`span` holds its ends, widened by
  /// positions that events set or bring in; bargaining keeps positions within it otherwise).
  static double range_of(const std::vector<bdm::Actor>& actors, const Scale& scale, const bdm::Config& config,
                         std::pair<double, double>& span) {
    for (const bdm::Actor& a : actors) span.first = std::min(span.first, a.x), span.second = std::max(span.second, a.x);
    const double range = config.range == bdm::Range::scale ? scale.max - scale.min : span.second - span.first;
    return range > 0 ? range : 1;  // everyone at one position: nobody can move
  }

  static IssueForecast run_issue(const Scenario& s, std::size_t issue, const bdm::Config& config) {
    IssueForecast out{s.issue(issue).id, std::nullopt, "", {}};
    Cast cast(s, issue);
    std::vector<std::size_t> members = cast.members();
    if (members.empty() && s.events.empty()) {
      out.note = "no actor has both a position and a salience";
      return out;
    }
    std::vector<bdm::Actor> actors;
    auto enter = [&] {  // the bdm actors of the current members
      actors.clear();
      for (std::size_t a : members) actors.push_back({cast.x[a], cast.c[a], cast.sal[a]});
    };
    enter();
    std::pair<double, double> span{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    double range = 1;  // set from the positions the first round meets, widened at events

    const std::size_t n_all = s.actors().size();
    auto record = [&](const std::vector<bdm::Actor>& now) {
      RoundRecord r;
      r.positions.assign(n_all, kNaN);
      for (std::size_t k = 0; k < members.size(); ++k) r.positions[members[k]] = now[k].x;
      r.median = now.empty() ? kNaN : bdm::median_position(now, bdm::make_geometry(now), config.median);
      r.mean = now.empty() ? kNaN : bdm::weighted_mean(now);
      return r;
    };
    out.rounds.push_back(record(actors));
    const int limit = config.stop == bdm::Stop::rounds ? config.rounds : config.max_rounds;
    const int last_event = last_event_round(s);
    for (int t = 1; t <= limit; ++t) {
      const std::vector<std::size_t> events = events_at_round(s, t);
      if (!events.empty()) {
        for (std::size_t k = 0; k < members.size(); ++k) cast.x[members[k]] = actors[k].x;
        for (std::size_t e : events) cast.apply(s.events[e], issue);
        members = cast.members();
        enter();
      }
      if (t == 1 || !events.empty()) range = range_of(actors, s.issue(issue).scale, config, span);
      RoundRecord rec;
      if (actors.empty()) {
        rec = record(actors);
      } else {
        const bdm::Round round(actors, range, config, t);
        const bdm::RoundResult result = round.run();
        std::vector<AcceptedOffer> offers;
        for (const bdm::Move& m : result.moves)
          offers.push_back({.actor = members[m.actor],
                            .from = members[m.from],
                            .kind = m.kind,
                            .old_position = actors[m.actor].x,
                            .new_position = m.new_position,
                            .eu_ij = m.eu_ij,
                            .eu_ji = m.eu_ji});
        for (const bdm::Move& m : result.moves) actors[m.actor].x = m.new_position;
        rec = record(actors);
        add_details(rec, result, members, n_all, std::move(offers), config.trace);
      }
      rec.events = events;
      const double shift = std::fabs(rec.median - out.rounds.back().median);
      out.rounds.push_back(std::move(rec));
      if (config.stop == bdm::Stop::median_shift && t >= last_event && shift < config.threshold) break;
    }
    if (std::isnan(out.rounds.back().median))
      out.note = "no actor takes part at the end of the timeline";
    else
      out.outcome = forecast_of(out, s.issue(issue).scale, static_cast<std::size_t>(last_event), config.cycle);
    return out;
  }

  /// The forecast of the run in `out.rounds` (its median, over one period of a cycle with
  /// cycle=mean), setting out.dynamics.
  static double forecast_of(IssueForecast& out, const Scale& scale, std::size_t settled, CycleForecast rule) {
    std::vector<std::vector<double>> states;
    std::vector<double> medians;
    for (const RoundRecord& r : out.rounds) states.push_back(r.positions), medians.push_back(r.median);
    const std::vector<double> tolerance(states.front().size(), kDynamicsTolerance * (scale.max - scale.min));
    out.dynamics = detect_dynamics(states, tolerance, settled);
    return forecast_over_run(medians, out.dynamics, rule);
  }

  static void add_details(RoundRecord& rec, const bdm::RoundResult& result, const std::vector<std::size_t>& members, std::size_t n_all,
                          std::vector<AcceptedOffer> offers, bool with_expected_utility) {
    rec.risk.assign(n_all, kNaN);
    for (std::size_t k = 0; k < members.size(); ++k) rec.risk[members[k]] = result.analysis.r[k];
    rec.offers = std::move(offers);
    if (!with_expected_utility) return;
    rec.expected_utility.assign(n_all * n_all, kNaN);
    const std::size_t n = members.size();
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) rec.expected_utility[members[i] * n_all + members[j]] = result.eu[i * n + j];
  }
};

}  // namespace

const Model& expected_utility_model() {
  static const ExpectedUtilityModel model;
  return model;
}

}  // namespace parley::models
