#include "io/settings_reader.hpp"

#include "core/checks.hpp"

namespace parley::io {

namespace {

std::size_t actor_of(const NodeReader& r, const Node& node, const std::string& field, const Scenario& s) {
  const std::string id = r.text(node, field);
  const auto a = s.find_actor(id);
  if (!a) r.fail(node, field, "unknown actor '" + id + "'", "the id of an actor in 'actors'");
  return *a;
}

}  // namespace

void read_ideal_adjustments(const NodeReader& r, const Node& node, Scenario& s) {
  r.expect(node, Node::Type::sequence, "ideal_adjustments", "a list of {actor, toward, rate}");
  for (std::size_t k = 0; k < node.size(); ++k) {
    Fields f(r, node.child(k), "ideal_adjustments[" + std::to_string(k) + "]", {"actor", "toward", "rate"});
    IdealAdjustment a;
    a.actor = actor_of(r, f.require("actor"), f.path("actor"), s);
    a.toward = actor_of(r, f.require("toward"), f.path("toward"), s);
    const Node rate = f.require("rate");
    a.rate = r.number(rate, f.path("rate"));
    if (auto bad = checks::within(Uncertain::point(a.rate), 0, 1, "the range of rates"))
      r.fail(rate, f.path("rate"), bad->problem, bad->expected);
    s.ideal_adjustments.push_back(a);
  }
}

void read_model_options(const NodeReader& r, const Node& node, Scenario& s) {
  r.expect(node, Node::Type::mapping, "model_options", "a mapping from model name to its options");
  for (std::size_t k = 0; k < node.mapping_size(); ++k) {
    const std::string model = r.text(node.key(k), "model_options");
    const std::string field = "model_options." + model;
    if (s.model_options.count(model)) r.fail(node.key(k), field, "duplicate key '" + model + "'", "each model once");
    const Node& options = node.value(k);
    r.expect(options, Node::Type::mapping, field, "a mapping from option name to its value");
    auto& values = s.model_options[model];
    auto& origins = s.model_option_origins[model];
    for (std::size_t j = 0; j < options.mapping_size(); ++j) {
      const std::string option = r.text(options.key(j), field);
      const std::string option_field = field + "." + option;
      if (values.count(option)) r.fail(options.key(j), option_field, "duplicate key '" + option + "'", "each option once");
      const Node& value = options.value(j);
      values[option] = r.text(value, option_field);
      origins[option] = {{r.file(), value.line(), value.column()}, option_field};
    }
  }
}

}  // namespace parley::io
