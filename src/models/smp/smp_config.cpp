#include "models/smp/smp_config.hpp"

#include <cctype>
#include <charconv>
#include <initializer_list>

#include "models/options.hpp"
#include "parley/error.hpp"
#include "parley/scenario.hpp"

namespace parley::models::smp {

namespace {

/// One value of a choice: parley's spelling, KTAB's spelling, the enumerator.
template <typename E>
struct Spelling {
  const char* parley;
  const char* ktab;
  E value;
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

template <typename E>
E pick(const OptionReader& r, const std::string& name, std::initializer_list<Spelling<E>> table, ModelOptions& resolved) {
  const std::string text = r.resolved().at(name);
  std::string list;
  bool ktab_names = false;  // whether KTAB spells any value otherwise
  for (const Spelling<E>& s : table) {
    if (text == s.parley || lower(text) == lower(s.ktab)) {
      resolved[name] = s.parley;
      return s.value;
    }
    list += (list.empty() ? "" : ", ") + std::string(s.parley);
    ktab_names = ktab_names || std::string(s.parley) != s.ktab;
  }
  throw InputError({}, "--option " + name, "got '" + text + "'", "one of: " + list + (ktab_names ? " (or KTAB's name)" : ""));
}

std::uint64_t whole_seed(const std::string& text) {
  std::uint64_t seed = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), seed);
  if (ec != std::errc() || ptr != text.data() + text.size() || text.empty())
    throw InputError({}, "--option seed", "got '" + text + "'", "a whole number in [0, 18446744073709551615]");
  return seed;
}

}  // namespace

std::vector<ModelOptionSpec> option_specs() {
  return {
      {"victory", "linear",
       "probability of victory from coalition strengths (KTAB VictoryProbModel): linear, square, quartic, octic, binary"},
      {"pce", "conditional", "probabilistic Condorcet election (KTAB PCEModel): conditional, markov-incentive, markov-uniform"},
      {"transitions", "deterministic",
       "state transitions (KTAB StateTransitions): deterministic (most likely bargain) or stochastic (drawn, seeded)"},
      {"voting", "proportional", "voting rule (KTAB VotingRule): binary, prop-bin, proportional, prop-cubic, cubic, asym-prospect"},
      {"risk_adjust", "one-third", "h's estimate of i's risk attitude (KTAB BigRAdjust): none, one-third, half, two-thirds, full"},
      {"risk_range", "mid", "range of risk attitudes (KTAB BigRRange): min [0,1], mid [-1/2,1], max [-1,1]"},
      {"third_party", "semi-commit", "third-party commitment (KTAB ThirdPartyCommit): no-commit, semi-commit, full-commit"},
      {"interpolation", "s2p2", "bargain interpolation (KTAB InterVecBrgn): s1p1, s2p2, s2pmax"},
      {"bargain", "init-only", "bargain model (KTAB BargnModel): init-only, init-receiver, power-weighted"},
      {"seed", "1", "seed of stochastic state transitions"},
      {"stop", "ktab", "ktab (relative movement below `threshold` after `min_rounds`, at most `max_rounds`) or rounds (exactly `rounds`)"},
      {"threshold", "0.02", "KTAB's stopping ratio: movement in a turn relative to the first turn's"},
      {"min_rounds", "2", "fewest turns with stop=ktab"},
      {"max_rounds", "100", "most turns with stop=ktab"},
      {"rounds", "10", "number of turns with stop=rounds"},
      cycle_option_spec(),
      {"trace", "false", "true: record every challenge and every actor's chosen bargain"},
      {"precision", "exact",
       "exact: KTAB's operations and bits; fast: the proportional rule's sums rearranged (third parties' votes under semi-commit, "
       "coalitions, bargain values), about 2x faster at 1,000 actors; the last bits differ and a near tie can go the other way "
       "(docs/models/smp.md)"},
  };
}

Config read_config(const Model& model, const ModelOptions& given, ModelOptions& resolved) {
  OptionReader r(model, given);
  resolved = r.resolved();
  Config c;
  c.victory = pick<VictoryModel>(r, "victory",
                                 {{"linear", "Linear", VictoryModel::linear},
                                  {"square", "Square", VictoryModel::square},
                                  {"quartic", "Quartic", VictoryModel::quartic},
                                  {"octic", "Octic", VictoryModel::octic},
                                  {"binary", "Binary", VictoryModel::binary}},
                                 resolved);
  c.pce = pick<PceModel>(r, "pce",
                         {{"conditional", "Conditional", PceModel::conditional},
                          {"markov-incentive", "MarkovIncentive", PceModel::markov_incentive},
                          {"markov-uniform", "MarkovUniform", PceModel::markov_uniform}},
                         resolved);
  c.transitions = pick<Transitions>(
      r, "transitions",
      {{"deterministic", "Deterministic", Transitions::deterministic}, {"stochastic", "Stochastic", Transitions::stochastic}}, resolved);
  c.voting = pick<VotingRule>(r, "voting",
                              {{"binary", "Binary", VotingRule::binary},
                               {"prop-bin", "PropBin", VotingRule::prop_bin},
                               {"proportional", "Prop", VotingRule::proportional},
                               {"prop-cubic", "PropCbc", VotingRule::prop_cubic},
                               {"cubic", "Cubic", VotingRule::cubic},
                               {"asym-prospect", "ASymProsp", VotingRule::asym_prospect}},
                              resolved);
  c.risk_adjust = pick<RiskAdjust>(r, "risk_adjust",
                                   {{"none", "None", RiskAdjust::none},
                                    {"one-third", "OneThird", RiskAdjust::one_third},
                                    {"half", "Half", RiskAdjust::half},
                                    {"two-thirds", "TwoThirds", RiskAdjust::two_thirds},
                                    {"full", "Full", RiskAdjust::full}},
                                   resolved);
  c.risk_range = pick<RiskRange>(
      r, "risk_range", {{"min", "Min", RiskRange::min}, {"mid", "Mid", RiskRange::mid}, {"max", "Max", RiskRange::max}}, resolved);
  c.third_party = pick<ThirdParty>(r, "third_party",
                                   {{"no-commit", "NoCommit", ThirdParty::no_commit},
                                    {"semi-commit", "SemiCommit", ThirdParty::semi_commit},
                                    {"full-commit", "FullCommit", ThirdParty::full_commit}},
                                   resolved);
  c.interpolation = pick<Interpolation>(
      r, "interpolation",
      {{"s1p1", "S1P1", Interpolation::s1p1}, {"s2p2", "S2P2", Interpolation::s2p2}, {"s2pmax", "S2PMax", Interpolation::s2pmax}},
      resolved);
  c.bargain = pick<BargainModel>(r, "bargain",
                                 {{"init-only", "InitOnlyInterp", BargainModel::init_only},
                                  {"init-receiver", "InitRcvrInterp", BargainModel::init_receiver},
                                  {"power-weighted", "PWCompInterp", BargainModel::power_weighted}},
                                 resolved);
  c.seed = whole_seed(r.resolved().at("seed"));
  c.stop = pick<Stop>(r, "stop", {{"ktab", "ktab", Stop::ktab}, {"rounds", "rounds", Stop::rounds}}, resolved);
  c.threshold = r.number("threshold", 0, 1e300);
  c.min_rounds = r.whole_number("min_rounds", 1, kMaxRounds);
  c.max_rounds = r.whole_number("max_rounds", 1, kMaxRounds);
  c.rounds = r.whole_number("rounds", 0, kMaxRounds);
  c.cycle = read_cycle_option(r.resolved().at("cycle"));
  c.trace = pick<bool>(r, "trace", {{"true", "true", true}, {"false", "false", false}}, resolved);
  c.fast = pick<bool>(r, "precision", {{"exact", "exact", false}, {"fast", "fast", true}}, resolved);
  return c;
}

}  // namespace parley::models::smp
