// The options of the exchange model (docs/models/exchange.md, "Options").
#include "models/exchange/exchange.hpp"
#include "models/options.hpp"
#include "parley/error.hpp"

namespace parley::models::exchange {

std::vector<ModelOptionSpec> option_specs() {
  return {
      {"variant", "equal-gain", "equal-gain (both sides gain the same) or random-rate (each side's share of the gain is drawn)"},
      {"spread", "1", "random-rate: how far a side's share of the gain may depart from 1/2 (0: equal gain; 1: up to all of it)"},
      {"rounds", "10", "number of rounds of exchange"},
      {"seed", "1", "seed of the draws: ties between equal gains, and the shares of random-rate"},
      {"salience_weight", "0.4", "start-position update: weight of the voting position times (1 - salience)"},
      {"fixed_weight", "0.1", "start-position update: weight of the voting position for every actor"},
      cycle_option_spec(),
      {"trace", "false", "true: keep every round's start positions after the update (the realised exchanges are always kept)"},
  };
}

Options read_options(const Model& model, const ModelOptions& given, ModelOptions& resolved) {
  OptionReader r(model, given);
  Options o;
  o.variant = r.choice("variant", {"equal-gain", "random-rate"}) == "equal-gain" ? Variant::equal_gain : Variant::random_rate;
  o.spread = r.number("spread", 0, 1);
  o.rounds = r.whole_number("rounds", 0, kMaxRounds);
  o.seed = static_cast<std::uint64_t>(r.number("seed", 0, 9007199254740992.0));
  o.salience_weight = r.number("salience_weight", 0, 1);
  o.fixed_weight = r.number("fixed_weight", 0, 1);
  if (o.salience_weight + o.fixed_weight > 1)
    throw InputError({}, "--option fixed_weight", "salience_weight + fixed_weight is " + std::to_string(o.salience_weight + o.fixed_weight),
                     "at most 1 (the new start position lies between the old one and the voting position)");
  o.cycle = read_cycle_option(r.resolved().at("cycle"));
  o.trace = r.choice("trace", {"true", "false"}) == "true";
  resolved = r.resolved();
  return o;
}

}  // namespace parley::models::exchange
