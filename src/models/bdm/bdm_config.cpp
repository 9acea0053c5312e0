#include "models/bdm/bdm_config.hpp"

#include "models/options.hpp"
#include "parley/error.hpp"
#include "parley/scenario.hpp"

namespace parley::models::bdm {

std::vector<ModelOptionSpec> option_specs() {
  return {
      {"profile", "scholz-code", "scholz-code (the reference code and its trace) or scholz-paper (the printed equations)"},
      {"q", "1", "Q, weight of the status-quo term in expected utility (0 to 1)"},
      {"votes", "profile", "power (code: distances to the power r_k) or linear (paper)"},
      {"probability", "profile", "all-pairs (code: one normaliser over all pairs) or pairwise (paper: P(i,j) + P(j,i) = 1)"},
      {"salience", "profile", "target (E_j(j->i) uses s_i) or printed (the paper's appendix: s_j in both)"},
      {"security", "profile", "own-view (code: danger_i = sum E_i(j->i)) or challenger-view (sum E_j(j->i))"},
      {"offers", "profile", "closest (code), least-move (paper) or highest-eu (the demand of the strongest proposer)"},
      {"capitulation", "profile", "on or off: whether a capitulation offer is accepted (unreachable in the code)"},
      {"compromise", "eu-ratio", "size of a compromise move: eu-ratio (|a/b| of the distance) or midpoint"},
      {"conflict", "deterministic", "deterministic (the smaller expected utility gives way) or random (seeded)"},
      {"seed", "1", "seed of random conflict outcomes"},
      {"range", "initial", "R: initial (max - min of the starting positions) or scale (the issue's scale)"},
      {"median", "condorcet", "condorcet (position beating all others, ties to the lowest) or weighted (weighted median)"},
      {"stop", "rounds", "rounds (run exactly `rounds`) or median-shift (stop when the median moves less than `threshold`)"},
      {"rounds", "10", "number of rounds with stop=rounds"},
      {"threshold", "0.01", "median shift below which stop=median-shift stops (scale units)"},
      {"max_rounds", "100", "most rounds with stop=median-shift"},
      cycle_option_spec(),
      {"trace", "false", "true: record risk exponents, expected utilities and offers of every round"},
      {"precision", "exact",
       "exact (std::pow: the reference code's bits) or fast (thousands of actors: a vectorised power, not those bits, so a near tie may go "
       "the other way)"},
  };
}

namespace {

/// The option's value among `names` (mapped to `values`); "profile" means the profile's choice.
template <typename E>
E pick(const OptionReader& r, const std::string& name, std::initializer_list<const char*> names, std::initializer_list<E> values,
       const std::string& profile_default, ModelOptions& resolved) {
  std::string text = r.resolved().at(name);
  if (text == "profile" && !profile_default.empty()) text = profile_default;
  resolved[name] = text;
  std::string list;
  auto v = values.begin();
  for (const char* n : names) {
    if (text == n) return *v;
    ++v;
    list += (list.empty() ? "" : ", ") + std::string(n);
  }
  throw InputError({}, "--option " + name, "got '" + text + "'", "one of: " + list);
}

}  // namespace

Config read_config(const Model& model, const ModelOptions& given, ModelOptions& resolved) {
  OptionReader r(model, given);
  resolved = r.resolved();
  Config c;
  const bool code = r.choice("profile", {"scholz-code", "scholz-paper"}) == "scholz-code";
  c.profile = code ? Profile::scholz_code : Profile::scholz_paper;
  c.q = r.number("q", 0, 1);
  c.votes = pick(r, "votes", {"power", "linear"}, {Votes::power, Votes::linear}, code ? "power" : "linear", resolved);
  c.probability = pick(r, "probability", {"all-pairs", "pairwise"}, {Probability::all_pairs, Probability::pairwise},
                       code ? "all-pairs" : "pairwise", resolved);
  c.salience = pick(r, "salience", {"target", "printed"}, {Salience::target, Salience::printed}, code ? "target" : "printed", resolved);
  c.security = pick(r, "security", {"own-view", "challenger-view"}, {Security::own_view, Security::challenger_view},
                    code ? "own-view" : "challenger-view", resolved);
  c.offers = pick(r, "offers", {"closest", "least-move", "highest-eu"}, {Offers::closest, Offers::least_move, Offers::highest_eu},
                  code ? "closest" : "least-move", resolved);
  c.capitulation = pick(r, "capitulation", {"on", "off"}, {true, false}, code ? "off" : "on", resolved);
  c.compromise = pick(r, "compromise", {"eu-ratio", "midpoint"}, {CompromiseSize::eu_ratio, CompromiseSize::midpoint}, "", resolved);
  c.conflict = pick(r, "conflict", {"deterministic", "random"}, {Conflict::deterministic, Conflict::random}, "", resolved);
  c.seed = static_cast<std::uint64_t>(r.number("seed", 0, 9007199254740992.0));
  c.range = pick(r, "range", {"initial", "scale"}, {Range::initial, Range::scale}, "", resolved);
  c.median = pick(r, "median", {"condorcet", "weighted"}, {MedianRule::condorcet, MedianRule::weighted}, "", resolved);
  c.stop = pick(r, "stop", {"rounds", "median-shift"}, {Stop::rounds, Stop::median_shift}, "", resolved);
  c.rounds = r.whole_number("rounds", 0, kMaxRounds);
  c.threshold = r.number("threshold", 0, 1e300);
  c.max_rounds = r.whole_number("max_rounds", 1, kMaxRounds);
  c.cycle = read_cycle_option(r.resolved().at("cycle"));
  c.trace = pick(r, "trace", {"true", "false"}, {true, false}, "", resolved);
  c.fast = pick(r, "precision", {"exact", "fast"}, {false, true}, "", resolved);
  return c;
}

}  // namespace parley::models::bdm
