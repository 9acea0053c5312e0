#include "io/scenario_reader.hpp"

#include <unordered_map>

#include "core/checks.hpp"
#include "io/event_reader.hpp"
#include "io/node_reader.hpp"
#include "io/settings_reader.hpp"
#include "parley/outcome_class.hpp"

namespace parley::io {

namespace {

using Type = Node::Type;

class ScenarioReader {
 public:
  explicit ScenarioReader(const std::string& file) : reader_(file, scenario_) {}

  Scenario read(const Node& root) {
    Fields top(reader_, root, "",
               {"parley", "metadata", "issues", "actors", "positions", "outcomes", "sides", "linkages", "events", "ideal_adjustments",
                "model_options"});
    if (const auto version = top.get("parley")) {
      if (version->type() != Type::number || version->number() != 1)
        reader_.fail(*version, "parley", "format version '" + std::string(version->text()) + "'", "1 (the only version so far)");
    }
    read_metadata(top.require("metadata"));
    std::vector<Issue> issues = read_issues(top.require("issues"));
    std::vector<Actor> actors = read_actors(top.require("actors"));
    scenario_.reserve(issues.size(), actors.size());
    for (Actor& a : actors) scenario_.add_actor(std::move(a));
    for (Issue& i : issues) scenario_.add_issue(std::move(i));
    if (const auto positions = top.get("positions")) read_positions(*positions);
    if (const auto outcomes = top.get("outcomes")) read_outcomes(*outcomes);
    if (const auto sides = top.get("sides")) read_sides(*sides);
    if (const auto linkages = top.get("linkages")) read_linkages(*linkages);
    if (const auto events = top.get("events")) scenario_.events = read_events(reader_, *events, scenario_);
    if (const auto adjustments = top.get("ideal_adjustments")) read_ideal_adjustments(reader_, *adjustments, scenario_);
    if (const auto options = top.get("model_options")) read_model_options(reader_, *options, scenario_);
    return std::move(scenario_);
  }

 private:
  void check(const Node& at, const std::string& field, const std::optional<checks::Problem>& bad) {
    if (bad) reader_.fail(at, field, bad->problem, bad->expected);
  }

  void read_metadata(const Node& node) {
    Fields f(reader_, node, "metadata", {"title", "description", "date", "sources", "source"});
    Metadata& m = scenario_.metadata;
    m.title = reader_.text(f.require("title"), "metadata.title");
    m.description = f.text_or("description", "");
    m.date = f.text_or("date", "");
    if (const auto sources = f.get("sources")) {
      reader_.expect(*sources, Type::sequence, "metadata.sources", "a list of sources");
      std::unordered_map<std::string, bool> seen;
      for (std::size_t k = 0; k < sources->size(); ++k) {
        const std::string field = "metadata.sources[" + std::to_string(k) + "]";
        Fields s(reader_, sources->child(k), field, {"id", "title", "url", "note"});
        Reference r;
        const Node& id = s.require("id");
        r.id = reader_.text(id, s.path("id"));
        check(id, s.path("id"), checks::identifier(r.id));
        if (!seen.emplace(r.id, true).second) reader_.fail(id, s.path("id"), "duplicate source id '" + r.id + "'", "unique ids");
        r.title = reader_.text(s.require("title"), s.path("title"));
        r.url = s.text_or("url", "");
        r.note = s.text_or("note", "");
        m.sources.push_back(std::move(r));
      }
    }
    reader_.index_references();
    if (const auto n = f.get("source")) m.citation = reader_.citation(*n, "metadata.source");
  }

  void check_id(const Node& id_node, const std::string& field, const std::string& id, std::unordered_map<std::string, std::size_t>& index,
                const char* what) {
    check(id_node, field, checks::identifier(id));
    if (!index.emplace(id, index.size()).second)
      reader_.fail(id_node, field, std::string("duplicate ") + what + " id '" + id + "'", std::string("unique ") + what + " ids");
  }

  /// A non-empty list at `key`, each item read by `read_one(item, "key[k]")`.
  template <typename T, typename ReadOne>
  std::vector<T> read_list(const Node& node, const std::string& key, const std::string& item, ReadOne&& read_one) {
    reader_.expect(node, Type::sequence, key, "a list of " + key);
    if (node.size() == 0) reader_.fail(node, key, "the list is empty", "at least one " + item);
    std::vector<T> items;
    items.reserve(node.size());
    for (std::size_t k = 0; k < node.size(); ++k) items.push_back(read_one(node.child(k), key + "[" + std::to_string(k) + "]"));
    return items;
  }

  std::vector<Issue> read_issues(const Node& node) {
    return read_list<Issue>(node, "issues", "issue", [this](const Node& n, const std::string& field) { return read_issue(n, field); });
  }

  std::vector<Actor> read_actors(const Node& node) {
    return read_list<Actor>(node, "actors", "actor", [this](const Node& n, const std::string& field) { return read_actor(n, field); });
  }

  /// The required, valid and unique `id` of an issue or actor.
  std::string read_id(const Fields& f, std::unordered_map<std::string, std::size_t>& index, const char* what) {
    const Node& id_node = f.require("id");
    std::string id = reader_.text(id_node, f.path("id"));
    check_id(id_node, f.path("id"), id, index, what);
    return id;
  }

  Issue read_issue(const Node& node, const std::string& field) {
    Fields f(reader_, node, field, {"id", "label", "scale", "status_quo", "outcome", "group"});
    Issue issue;
    issue.id = read_id(f, issue_index_, "issue");
    issue.label = f.text_or("label", issue.id);
    issue.group = f.text_or("group", "");
    if (const auto scale = f.get("scale")) {
      Fields s(reader_, *scale, f.path("scale"), {"min", "max", "min_label", "max_label"});
      issue.scale.min = reader_.number(s.require("min"), s.path("min"));
      issue.scale.max = reader_.number(s.require("max"), s.path("max"));
      issue.scale.min_label = s.text_or("min_label", "");
      issue.scale.max_label = s.text_or("max_label", "");
      check(*scale, f.path("scale"), checks::scale(issue.scale));
    }
    if (const auto sq = f.get("status_quo")) {
      issue.status_quo = reader_.parameter(*sq, f.path("status_quo"));
      check(*sq, f.path("status_quo"), checks::within(issue.status_quo->value, issue.scale.min, issue.scale.max, "the scale"));
    }
    if (const auto out = f.get("outcome")) {
      issue.outcome = reader_.number(*out, f.path("outcome"));
      check(*out, f.path("outcome"), checks::within(Uncertain::point(*issue.outcome), issue.scale.min, issue.scale.max, "the scale"));
    }
    return issue;
  }

  Actor read_actor(const Node& node, const std::string& field) {
    Fields f(reader_, node, field, {"id", "name", "kind", "capability", "group", "risk"});
    Actor actor;
    actor.id = read_id(f, actor_index_, "actor");
    actor.name = f.text_or("name", actor.id);
    if (const auto kind = f.get("kind")) {
      auto parsed = actor_kind_from_string(reader_.text(*kind, f.path("kind")));
      if (!parsed)
        reader_.fail(*kind, f.path("kind"), "unknown kind '" + std::string(kind->text()) + "'",
                     "one of: leader, government, bloc, faction, public, organisation, other");
      actor.kind = *parsed;
    }
    const Node& cap = f.require("capability");
    actor.capability = reader_.parameter(cap, f.path("capability"));
    check(cap, f.path("capability"), checks::positive(actor.capability.value));
    actor.group = f.text_or("group", "");
    if (const auto risk = f.get("risk")) {
      actor.risk = reader_.parameter(*risk, f.path("risk"));
      check(*risk, f.path("risk"), checks::within(actor.risk->value, -1, 1, "the risk range"));
    }
    return actor;
  }

  void read_positions(const Node& node) {
    reader_.expect(node, Type::mapping, "positions", "a mapping from actor id to that actor's stances");
    std::vector<bool> seen_actor(scenario_.actors().size(), false);
    for (std::size_t k = 0; k < node.mapping_size(); ++k) {
      const Node& actor_key = node.key(k);
      const std::string actor_field = "positions." + std::string(actor_key.text());
      auto a = actor_index_.find(std::string(actor_key.text()));
      if (a == actor_index_.end())
        reader_.fail(actor_key, actor_field, "unknown actor '" + std::string(actor_key.text()) + "'", "the id of an actor in 'actors'");
      if (seen_actor[a->second])
        reader_.fail(actor_key, actor_field, "duplicate key '" + std::string(actor_key.text()) + "'", "each actor once");
      seen_actor[a->second] = true;
      const Node& stances = node.value(k);
      reader_.expect(stances, Type::mapping, actor_field, "a mapping from issue id to a stance");
      for (std::size_t j = 0; j < stances.mapping_size(); ++j) {
        const Node& issue_key = stances.key(j);
        auto i = issue_index_.find(std::string(issue_key.text()));
        Stance* stance = i == issue_index_.end() ? nullptr : &scenario_.stance(i->second, a->second);
        if (stance && !stance->position && read_plain_stance(stances.value(j), scenario_.issue(i->second).scale, *stance)) continue;
        // The general path, which also names the field of any error.
        const std::string field = actor_field + "." + std::string(issue_key.text());
        if (!stance)
          reader_.fail(issue_key, field, "unknown issue '" + std::string(issue_key.text()) + "'", "the id of an issue in 'issues'");
        if (stance->position) reader_.fail(issue_key, field, "duplicate key '" + std::string(issue_key.text()) + "'", "each issue once");
        read_stance(stances.value(j), field, scenario_.issue(i->second).scale, *stance);
      }
    }
  }

  /// The common case, `{position: x, salience: s}` with plain numbers in range, read without
  /// building field names. Returns false, having changed nothing, for anything else.
  static bool read_plain_stance(const Node& node, const Scale& scale, Stance& stance) {
    if (node.type() != Type::mapping) return false;
    std::optional<Node> position, salience;
    for (std::size_t k = 0; k < node.mapping_size(); ++k) {
      const std::string_view key = node.key(k).text();
      std::optional<Node>& slot = key == "position" ? position : key == "salience" ? salience : position;
      if ((key != "position" && key != "salience") || slot) return false;
      slot = node.value(k);
    }
    if (!position || position->type() != Type::number) return false;
    const double x = position->number();
    if (!(x >= scale.min && x <= scale.max)) return false;
    const double s = salience && salience->type() == Type::number ? salience->number() : 0;
    if (salience && (salience->type() != Type::number || !(s >= 0 && s <= 1))) return false;
    stance.position = Parameter{Uncertain::point(x), -1};
    if (salience) stance.salience = Parameter{Uncertain::point(s), -1};
    return true;
  }

  void read_stance(const Node& node, const std::string& field, const Scale& scale, Stance& stance) {
    Fields f(reader_, node, field, {"position", "salience", "capability", "source"});
    const Node& pos = f.require("position");
    stance.position = reader_.parameter(pos, f.path("position"));
    check(pos, f.path("position"), checks::within(stance.position->value, scale.min, scale.max, "the scale"));
    if (const auto sal = f.get("salience")) {
      stance.salience = reader_.parameter(*sal, f.path("salience"));
      check(*sal, f.path("salience"), checks::within(stance.salience->value, 0, 1, "the salience range"));
    }
    if (const auto cap = f.get("capability")) {
      stance.capability = reader_.parameter(*cap, f.path("capability"));
      check(*cap, f.path("capability"), checks::positive(stance.capability->value));
    }
    if (const auto src = f.get("source")) {
      const int c = reader_.citation(*src, f.path("source"));
      for (std::optional<Parameter>* p : {&stance.position, &stance.salience, &stance.capability})
        if (*p && (*p)->citation < 0) (*p)->citation = c;
    }
  }

  /// `outcomes: {name: "expression", other: {when: "expression", label: "text"}}`, each
  /// expression compiled now so that its errors point into the file.
  void read_outcomes(const Node& node) {
    reader_.expect(node, Type::mapping, "outcomes", "a mapping from class name to a condition on the issues' outcomes");
    std::unordered_map<std::string, std::size_t> names;
    for (std::size_t k = 0; k < node.mapping_size(); ++k) {
      const Node& key = node.key(k);
      const std::string field = "outcomes." + std::string(key.text());
      check_id(key, field, std::string(key.text()), names, "outcome class");
      const Node& value = node.value(k);
      OutcomeClass c;
      c.name = std::string(key.text());
      Node when = value;
      if (value.type() == Type::mapping) {
        Fields f(reader_, value, field, {"when", "label", "group", "needs_deal_on"});
        when = f.require("when");
        c.label = f.text_or("label", "");
        c.group = f.text_or("group", "");
        if (const auto needs = f.get("needs_deal_on"))
          c.needs_deal_on =
              read_list<std::size_t>(*needs, f.path("needs_deal_on"), "issue", [this](const Node& n, const std::string& path) {
                const std::string id = reader_.text(n, path);
                auto i = issue_index_.find(id);
                if (i == issue_index_.end()) reader_.fail(n, path, "unknown issue '" + id + "'", "the id of an issue in 'issues'");
                return i->second;
              });
      }
      if (when.type() != Type::string)
        reader_.fail(when, field, std::string("got ") + describe(when), "a condition such as \"sanctions <= 40 and arms_control >= 60\"");
      c.expression = std::string(when.text());
      try {
        OutcomePredicate::parse(c.expression, scenario_.issues());
      } catch (const ExpressionError& e) {
        Place at = when.place();
        at.column += static_cast<int>(e.offset) + (when.plain() ? 0 : 1);
        reader_.fail(at, field, e.problem, e.expected);
      }
      scenario_.outcome_classes.push_back(std::move(c));
    }
  }

  [[noreturn]] void duplicate(const Node& key, const std::string& field, const char* expected) {
    reader_.fail(key, field, "duplicate key '" + std::string(key.text()) + "'", expected);
  }

  std::size_t actor_named(const Node& node, const std::string& field) {
    const std::string id = reader_.text(node, field);
    auto a = actor_index_.find(id);
    if (a == actor_index_.end()) reader_.fail(node, field, "unknown actor '" + id + "'", "the id of an actor in 'actors'");
    return a->second;
  }

  /// `sides: {us: {negotiator: us-president, ratifiers: {us-congress: {threshold: 0, accepts:
  /// {sanctions: {min: 60, max: 100}}}}}}` (docs/feasibility.md).
  void read_sides(const Node& node) {
    reader_.expect(node, Type::mapping, "sides", "a mapping from side id to its negotiator and ratifiers");
    std::unordered_map<std::string, std::size_t> ids;
    for (std::size_t k = 0; k < node.mapping_size(); ++k) {
      const Node& key = node.key(k);
      const std::string field = "sides." + std::string(key.text());
      check_id(key, field, std::string(key.text()), ids, "side");
      Fields f(reader_, node.value(k), field, {"negotiator", "ratifiers"});
      Side side;
      side.id = std::string(key.text());
      side.negotiator = actor_named(f.require("negotiator"), f.path("negotiator"));
      if (const auto ratifiers = f.get("ratifiers")) {
        reader_.expect(*ratifiers, Type::mapping, f.path("ratifiers"), "a mapping from actor id to what it accepts");
        for (std::size_t r = 0; r < ratifiers->mapping_size(); ++r) {
          side.ratifiers.push_back(read_ratifier(*ratifiers, r, f.path("ratifiers")));
          for (std::size_t q = 0; q + 1 < side.ratifiers.size(); ++q)
            if (side.ratifiers[q].actor == side.ratifiers.back().actor)
              duplicate(ratifiers->key(r), f.path("ratifiers") + "." + std::string(ratifiers->key(r).text()), "each actor once");
        }
      }
      scenario_.sides.push_back(std::move(side));
    }
  }

  /// `linkages: [{id, label, issues: [a, b, ...], source}]` (docs/scenario-format.md, "Linkages").
  void read_linkages(const Node& node) {
    std::unordered_map<std::string, std::size_t> ids;
    scenario_.linkages = read_list<Linkage>(node, "linkages", "linkage", [&](const Node& n, const std::string& field) {
      Fields f(reader_, n, field, {"id", "label", "issues", "source"});
      Linkage l;
      l.id = read_id(f, ids, "linkage");
      l.label = f.text_or("label", "");
      const Node& issues = f.require("issues");
      std::unordered_map<std::string, std::size_t> named;
      l.issues = read_list<std::size_t>(issues, f.path("issues"), "issue", [&](const Node& i, const std::string& path) {
        const std::string id = reader_.text(i, path);
        auto found = issue_index_.find(id);
        if (found == issue_index_.end()) reader_.fail(i, path, "unknown issue '" + id + "'", "the id of an issue in 'issues'");
        if (!named.emplace(id, named.size()).second) reader_.fail(i, path, "issue '" + id + "' twice", "distinct issues");
        return found->second;
      });
      if (l.issues.size() < 2) reader_.fail(issues, f.path("issues"), "one issue", "two or more issues traded together");
      if (const auto src = f.get("source")) l.citation = reader_.citation(*src, f.path("source"));
      return l;
    });
  }

  Ratifier read_ratifier(const Node& ratifiers, std::size_t r, const std::string& parent) {
    const Node& key = ratifiers.key(r);
    const std::string field = parent + "." + std::string(key.text());
    Ratifier out;
    out.actor = actor_named(key, field);
    Fields f(reader_, ratifiers.value(r), field, {"threshold", "accepts"});
    if (const auto t = f.get("threshold")) {
      out.threshold = reader_.number(*t, f.path("threshold"));
      check(*t, f.path("threshold"), checks::within(Uncertain::point(*out.threshold), -1, 1, "[-1, 1]"));
    }
    if (const auto accepts = f.get("accepts")) {
      reader_.expect(*accepts, Type::mapping, f.path("accepts"), "a mapping from issue id to {min, max}");
      for (std::size_t k = 0; k < accepts->mapping_size(); ++k) {
        const Node& issue_key = accepts->key(k);
        const std::string bf = f.path("accepts") + "." + std::string(issue_key.text());
        auto i = issue_index_.find(std::string(issue_key.text()));
        if (i == issue_index_.end())
          reader_.fail(issue_key, bf, "unknown issue '" + std::string(issue_key.text()) + "'", "the id of an issue in 'issues'");
        const Scale& scale = scenario_.issue(i->second).scale;
        Fields b(reader_, accepts->value(k), bf, {"min", "max"});
        for (const Ratifier::Bound& other : out.bounds)
          if (other.issue == i->second) duplicate(issue_key, bf, "each issue once");
        Ratifier::Bound bound{i->second, scale.min, scale.max};
        if (const auto lo = b.get("min")) bound.min = reader_.number(*lo, b.path("min"));
        if (const auto hi = b.get("max")) bound.max = reader_.number(*hi, b.path("max"));
        check(accepts->value(k), bf, checks::within(Uncertain::range(bound.min, bound.max), scale.min, scale.max, "the scale"));
        out.bounds.push_back(bound);
      }
    }
    if (!out.threshold && out.bounds.empty())
      reader_.fail(ratifiers.value(r), field, "no rule", "a threshold, bounds under 'accepts', or both");
    return out;
  }

  Scenario scenario_;
  NodeReader reader_;
  std::unordered_map<std::string, std::size_t> issue_index_, actor_index_;
};

}  // namespace

Scenario read_scenario_document(const Node& root, const std::string& file) {
  if (root.type() != Type::mapping)
    throw InputError({file, root.line(), root.column()}, "", std::string("the top level is ") + describe(root),
                     "a mapping with metadata, issues, actors and positions");
  return ScenarioReader(file).read(root);
}

}  // namespace parley::io
