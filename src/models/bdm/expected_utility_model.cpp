// Bueno de Mesquita's expected-utility model, issue by issue (docs/models/bdm.md).
#include <cmath>
#include <limits>

#include "models/bdm/bdm_config.hpp"
#include "models/bdm/bdm_round.hpp"
#include "models/builtin.hpp"
#include "models/participants.hpp"

namespace parley::models {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

class ExpectedUtilityModel final : public Model {
 public:
  std::string_view name() const override { return "bdm"; }
  std::string_view description() const override {
    return "Bueno de Mesquita's expected-utility model, rounds of challenges and offers (Scholz et al. 2011 profiles)";
  }
  std::vector<ModelOptionSpec> options() const override { return bdm::option_specs(); }

  Forecast run(const Scenario& s, const ModelOptions& given) const override {
    Forecast f{std::string(name()), {}, {}, {}};
    const bdm::Config config = bdm::read_config(*this, given, f.options);
    for (std::size_t i = 0; i < s.issues().size(); ++i) f.issues.push_back(run_issue(s, i, config));
    return f;
  }

 private:
  static IssueForecast run_issue(const Scenario& s, std::size_t issue, const bdm::Config& config) {
    IssueForecast out{s.issue(issue).id, std::nullopt, "", {}};
    const std::vector<Participant> members = participants(s, issue);
    if (members.empty()) {
      out.note = "no actor has both a position and a salience";
      return out;
    }
    std::vector<bdm::Actor> actors;
    for (const Participant& p : members) actors.push_back({p.x, p.c, p.s});
    double lo = actors[0].x, hi = actors[0].x;
    for (const bdm::Actor& a : actors) lo = std::min(lo, a.x), hi = std::max(hi, a.x);
    const Scale& scale = s.issue(issue).scale;
    double range = config.range == bdm::Range::scale ? scale.max - scale.min : hi - lo;
    if (!(range > 0)) range = 1;  // everyone at one position: nobody can move

    const std::size_t n_all = s.actors().size();
    auto record = [&](const std::vector<bdm::Actor>& now) {
      RoundRecord r;
      r.positions.assign(n_all, kNaN);
      for (std::size_t k = 0; k < members.size(); ++k) r.positions[members[k].actor] = now[k].x;
      r.median = bdm::median_position(now, bdm::make_geometry(now), config.median);
      r.mean = bdm::weighted_mean(now);
      return r;
    };
    out.rounds.push_back(record(actors));
    const int limit = config.stop == bdm::Stop::rounds ? config.rounds : config.max_rounds;
    for (int t = 1; t <= limit; ++t) {
      const bdm::Round round(actors, range, config, t);
      const bdm::RoundResult result = round.run();
      std::vector<AcceptedOffer> offers;
      for (const bdm::Move& m : result.moves)
        offers.push_back({members[m.actor].actor, members[m.from].actor, m.type, actors[m.actor].x, m.new_position, m.eu_ij, m.eu_ji});
      for (const bdm::Move& m : result.moves) actors[m.actor].x = m.new_position;
      RoundRecord rec = record(actors);
      add_details(rec, result, members, n_all, std::move(offers), config.trace);
      const double shift = std::fabs(rec.median - out.rounds.back().median);
      out.rounds.push_back(std::move(rec));
      if (config.stop == bdm::Stop::median_shift && shift < config.threshold) break;
    }
    out.outcome = out.rounds.back().median;
    return out;
  }

  static void add_details(RoundRecord& rec, const bdm::RoundResult& result, const std::vector<Participant>& members,
                          std::size_t n_all, std::vector<AcceptedOffer> offers, bool with_expected_utility) {
    rec.risk.assign(n_all, kNaN);
    for (std::size_t k = 0; k < members.size(); ++k) rec.risk[members[k].actor] = result.analysis.r[k];
    rec.offers = std::move(offers);
    if (!with_expected_utility) return;
    rec.expected_utility.assign(n_all * n_all, kNaN);
    const std::size_t n = members.size();
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) rec.expected_utility[members[i].actor * n_all + members[j].actor] = result.eu[i * n + j];
  }
};

}  // namespace

const Model& expected_utility_model() {
  static const ExpectedUtilityModel model;
  return model;
}

}  // namespace parley::models
