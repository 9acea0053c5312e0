#include "io/event_reader.hpp"

#include <fmt/format.h>

#include <optional>
#include <unordered_set>

#include "core/checks.hpp"
#include "parley/timeline.hpp"

namespace parley::io {

namespace {

using Type = Node::Type;

class EventReader {
 public:
  EventReader(const NodeReader& reader, const Scenario& scenario) : r_(reader), s_(scenario) {}

  std::vector<Event> read(const Node& node) {
    r_.expect(node, Type::sequence, "events", "a list of events");
    std::vector<Event> out;
    for (std::size_t k = 0; k < node.size(); ++k) out.push_back(read_event(node.child(k), "events[" + std::to_string(k) + "]"));
    check_members(out);
    return out;
  }

 private:
  void check(const Node& at, const std::string& field, const std::optional<checks::Problem>& bad) const {
    if (bad) r_.fail(at, field, bad->problem, bad->expected);
  }

  std::size_t actor(const Node& node, const std::string& field) const {
    const std::string id = r_.text(node, field);
    const auto a = s_.find_actor(id);
    if (!a) r_.fail(node, field, "unknown actor '" + id + "'", "the id of an actor in 'actors'");
    return *a;
  }

  Event read_event(const Node& node, const std::string& field) {
    Fields f(r_, node, field, {"id", "label", "date", "round", "source", "changes", "join", "leave"});
    Event e;
    const Node& id = f.require("id");
    e.id = r_.text(id, f.path("id"));
    check(id, f.path("id"), checks::identifier(e.id));
    if (!ids_.insert(e.id).second) r_.fail(id, f.path("id"), "duplicate event id '" + e.id + "'", "unique event ids");
    if (s_.find_actor(e.id) || s_.find_issue(e.id))
      r_.fail(id, f.path("id"), "event id '" + e.id + "' is also an actor's or an issue's", "an id of its own (--set names use it)");
    e.label = f.text_or("label", "");
    e.date = f.text_or("date", "");
    const Node& round = f.require("round");
    const double rn = r_.number(round, f.path("round"));
    if (!(rn >= 1 && rn <= kMaxRounds && rn == static_cast<int>(rn)))
      r_.fail(round, f.path("round"), "round '" + std::string(round.text()) + "'",
              fmt::format("a whole number from 1 to {} (the round before which the event takes effect; models compute at most {} rounds)",
                          kMaxRounds, kMaxRounds));
    e.round = static_cast<int>(rn);
    if (e.round < last_round_)
      r_.fail(round, f.path("round"), "round " + std::string(round.text()) + " after an event at round " + std::to_string(last_round_),
              "events in order of round");
    last_round_ = e.round;
    if (const auto src = f.get("source")) e.citation = r_.citation(*src, f.path("source"));
    if (const auto changes = f.get("changes")) read_changes(*changes, f.path("changes"), e);
    lists_.emplace_back(f.get("join"), f.get("leave"));
    if (lists_.back().first) e.join = read_members(*lists_.back().first, f.path("join"));
    if (lists_.back().second) e.leave = read_members(*lists_.back().second, f.path("leave"));
    if (e.changes.empty() && e.join.empty() && e.leave.empty()) r_.fail(node, field, "the event changes nothing", "changes, join or leave");
    return e;
  }

  /// `changes: {actor: {capability: C, issue: {position: P, salience: S, source: ...}}}`.
  void read_changes(const Node& node, const std::string& field, Event& e) {
    r_.expect(node, Type::mapping, field, "a mapping from actor id to its changes");
    std::unordered_set<std::string> actors;
    for (std::size_t k = 0; k < node.mapping_size(); ++k) {
      const std::string af = field + "." + std::string(node.key(k).text());
      const std::size_t a = actor(node.key(k), af);
      unique_key(actors, node.key(k), af, "each actor once");
      const Node& per_actor = node.value(k);
      r_.expect(per_actor, Type::mapping, af, "a mapping from 'capability' or an issue id to the new values");
      std::unordered_set<std::string> keys;
      for (std::size_t j = 0; j < per_actor.mapping_size(); ++j) {
        const Node& key = per_actor.key(j);
        const std::string kf = af + "." + std::string(key.text());
        unique_key(keys, key, kf, "each key once");
        if (key.text() == "capability") {
          EventChange c{EventChange::Field::capability, a, EventChange::none, r_.parameter(per_actor.value(j), kf)};
          check(per_actor.value(j), kf, checks::positive(c.value.value));
          add(c, e);
          continue;
        }
        const auto i = s_.find_issue(std::string(key.text()));
        if (!i) r_.fail(key, kf, "unknown issue '" + std::string(key.text()) + "'", "'capability' or the id of an issue in 'issues'");
        read_stance_change(per_actor.value(j), kf, a, *i, e);
      }
    }
  }

  /// Fails if `key` is already in `seen` (a mapping that repeats a key).
  void unique_key(std::unordered_set<std::string>& seen, const Node& key, const std::string& field, const char* expected) const {
    if (!seen.insert(std::string(key.text())).second) r_.fail(key, field, "duplicate key '" + std::string(key.text()) + "'", expected);
  }

  void read_stance_change(const Node& node, const std::string& field, std::size_t a, std::size_t i, Event& e) {
    Fields f(r_, node, field, {"position", "salience", "source"});
    const int shared = f.get("source") ? r_.citation(*f.get("source"), f.path("source")) : -1;
    const auto pos = f.get("position");
    const auto sal = f.get("salience");
    if (!pos && !sal) r_.fail(node, field, "no new value", "a position, a salience or both");
    const Scale& scale = s_.issue(i).scale;
    if (pos) {
      EventChange c{EventChange::Field::position, a, i, r_.parameter(*pos, f.path("position"))};
      check(*pos, f.path("position"), checks::within(c.value.value, scale.min, scale.max, "the scale"));
      if (c.value.citation < 0) c.value.citation = shared;
      add(c, e);
    }
    if (sal) {
      EventChange c{EventChange::Field::salience, a, i, r_.parameter(*sal, f.path("salience"))};
      check(*sal, f.path("salience"), checks::within(c.value.value, 0, 1, "the salience range"));
      if (!pos && !s_.stance(i, a).position && !positioned_.count(i * s_.actors().size() + a))
        r_.fail(*sal, f.path("salience"), "a salience for an actor without a position on the issue",
                "a position, in the scenario or in this or an earlier event");
      if (c.value.citation < 0) c.value.citation = shared;
      add(c, e);
    }
  }

  void add(EventChange c, Event& e) {
    if (c.value.citation < 0) c.value.citation = e.citation;
    if (c.field == EventChange::Field::position) positioned_.insert(c.issue * s_.actors().size() + c.actor);
    e.changes.push_back(std::move(c));
  }

  std::vector<std::size_t> read_members(const Node& node, const std::string& field) {
    r_.expect(node, Type::sequence, field, "a list of actor ids");
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < node.size(); ++k) out.push_back(actor(node.child(k), field + "[" + std::to_string(k) + "]"));
    return out;
  }

  /// Joins only of absent actors and leaves only of present ones, in the order of the timeline.
  void check_members(const std::vector<Event>& events) const {
    const auto c = first_membership_conflict(s_.actors().size(), events);
    if (!c) return;
    const char* key = c->joining ? "join" : "leave";
    const std::string field = "events[" + std::to_string(c->event) + "]." + key + "[" + std::to_string(c->position) + "]";
    const Node item = (c->joining ? lists_[c->event].first : lists_[c->event].second)->child(c->position);
    r_.fail(item, field,
            "'" + std::string(item.text()) + (c->joining ? "' already takes part at this point" : "' does not take part at this point"),
            c->joining ? "a join only for an actor that is absent (never joined, or left before)"
                       : "a leave only for an actor that takes part");
  }

  const NodeReader& r_;
  std::vector<std::pair<std::optional<Node>, std::optional<Node>>> lists_;  // each event's join and leave lists (or nothing)
  const Scenario& s_;
  std::unordered_set<std::string> ids_;
  std::unordered_set<std::size_t> positioned_;
  int last_round_ = 1;
};

}  // namespace

std::vector<Event> read_events(const NodeReader& reader, const Node& node, const Scenario& scenario) {
  return EventReader(reader, scenario).read(node);
}

}  // namespace parley::io
