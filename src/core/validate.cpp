#include <fmt/format.h>

#include <unordered_set>

#include "core/checks.hpp"
#include "parley/error.hpp"
#include "parley/outcome_class.hpp"
#include "parley/scenario.hpp"
#include "parley/timeline.hpp"

namespace parley {

namespace {

void fail(const std::string& field, const checks::Problem& p) { throw InputError({}, field, p.problem, p.expected); }

void check_citation(const Scenario& s, int citation, const std::string& field) {
  if (citation < -1 || citation >= static_cast<int>(s.citations.size()))
    fail(field + ".source", {fmt::format("citation index {} does not exist", citation), "a citation of this scenario"});
}

template <typename T>
void check_ids(const std::vector<T>& items, const char* what) {
  std::unordered_set<std::string> seen;
  for (std::size_t k = 0; k < items.size(); ++k) {
    const std::string field = fmt::format("{}[{}].id", what, k);
    if (auto bad = checks::identifier(items[k].id)) fail(field, *bad);
    if (!seen.insert(items[k].id).second) fail(field, {"duplicate id '" + items[k].id + "'", "ids unique within " + std::string(what)});
  }
}

void check_ideal_adjustments(const Scenario& s) {
  const std::size_t n = s.actors().size();
  std::vector<double> row_sum(n, 0.0);
  std::vector<bool> has_self(n, false);
  for (std::size_t k = 0; k < s.ideal_adjustments.size(); ++k) {
    const IdealAdjustment& a = s.ideal_adjustments[k];
    const std::string field = fmt::format("ideal_adjustment[{}]", k);
    if (a.actor >= n || a.toward >= n) fail(field, {"actor index out of range", "actors of this scenario"});
    if (auto bad = checks::within(Uncertain::point(a.rate), 0, 1, "[0, 1]")) fail(field + ".rate", *bad);
    row_sum[a.actor] += a.rate;
    if (a.actor == a.toward) has_self[a.actor] = true;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!has_self[i] && row_sum[i] > 0) row_sum[i] += 1;  // the default 1 toward itself
    if (row_sum[i] > 1 + 1e-10)
      fail("ideal_adjustment." + s.actor(i).id,
           {fmt::format("rates sum to {}", row_sum[i]), "rates of one actor (its own included, 1 unless given) summing to at most 1"});
  }
}

void check_sides(const Scenario& s) {
  std::unordered_set<std::string> seen;
  for (std::size_t k = 0; k < s.sides.size(); ++k) {
    const Side& side = s.sides[k];
    const std::string field = "sides." + side.id;
    if (auto bad = checks::identifier(side.id)) fail(field, *bad);
    if (!seen.insert(side.id).second) fail(field, {"duplicate side '" + side.id + "'", "unique side ids"});
    if (side.negotiator >= s.actors().size()) fail(field + ".negotiator", {"actor index out of range", "an actor of this scenario"});
    for (const Ratifier& r : side.ratifiers) {
      if (r.actor >= s.actors().size()) fail(field + ".ratifiers", {"actor index out of range", "an actor of this scenario"});
      const std::string rf = field + ".ratifiers." + s.actor(r.actor).id;
      if (r.threshold)
        if (auto bad = checks::within(Uncertain::point(*r.threshold), -1, 1, "[-1, 1]")) fail(rf + ".threshold", *bad);
      for (const Ratifier::Bound& b : r.bounds) {
        if (b.issue >= s.issues().size()) fail(rf + ".accepts", {"issue index out of range", "an issue of this scenario"});
        const Scale& sc = s.issue(b.issue).scale;
        const std::string bf = rf + ".accepts." + s.issue(b.issue).id;
        if (auto bad = checks::within(Uncertain::range(b.min, b.max), sc.min, sc.max, "the scale")) fail(bf, *bad);
      }
    }
  }
}

/// Ids unique, each linkage two or more distinct issues in range, citations valid.
void check_linkages(const Scenario& s) {
  std::unordered_set<std::string> seen;
  for (const Linkage& l : s.linkages) {
    const std::string field = "linkages." + l.id;
    if (auto bad = checks::identifier(l.id)) fail(field, *bad);
    if (!seen.insert(l.id).second) fail(field, {"duplicate linkage '" + l.id + "'", "unique linkage ids"});
    if (l.issues.size() < 2) fail(field + ".issues", {fmt::format("{} issue(s)", l.issues.size()), "two or more issues"});
    std::unordered_set<std::size_t> issues;
    for (std::size_t i : l.issues) {
      if (i >= s.issues().size()) fail(field + ".issues", {"issue index out of range", "an issue of this scenario"});
      if (!issues.insert(i).second) fail(field + ".issues", {"issue '" + s.issue(i).id + "' twice", "distinct issues"});
    }
    check_citation(s, l.citation, field);
  }
}

void check_event_change(const Scenario& s, const EventChange& c, const std::string& field) {
  using F = EventChange::Field;
  if (c.actor >= s.actors().size()) fail(field, {"actor index out of range", "an actor of this scenario"});
  const std::string cf = field + "." + s.actor(c.actor).id;
  if (c.field == F::capability) {
    if (auto bad = checks::positive(c.value.value)) fail(cf + ".capability", *bad);
  } else {
    if (c.issue >= s.issues().size()) fail(cf, {"issue index out of range", "an issue of this scenario"});
    const Scale& sc = s.issue(c.issue).scale;
    const std::string f = cf + "." + s.issue(c.issue).id + (c.field == F::position ? ".position" : ".salience");
    if (auto bad = c.field == F::position ? checks::within(c.value.value, sc.min, sc.max, "the scale")
                                          : checks::within(c.value.value, 0, 1, "the salience range"))
      fail(f, *bad);
  }
  check_citation(s, c.value.citation, cf);
}

/// Ids, rounds in order, valid changes, and joins and leaves that make sense in sequence.
void check_events(const Scenario& s) {
  check_ids(s.events, "events");
  std::vector<bool> positioned(s.issues().size() * s.actors().size());
  for (std::size_t i = 0; i < s.issues().size(); ++i)
    for (std::size_t a = 0; a < s.actors().size(); ++a) positioned[i * s.actors().size() + a] = s.stance(i, a).position.has_value();
  int round = 1;
  for (const Event& e : s.events) {
    const std::string field = "events." + e.id;
    if (s.find_actor(e.id) || s.find_issue(e.id))
      fail(field + ".id", {"event id '" + e.id + "' is also an actor's or an issue's", "an id of its own (--set names use it)"});
    if (e.round < 1 || e.round > kMaxRounds)
      fail(field + ".round", {fmt::format("round {}", e.round),
                              fmt::format("a round from 1 to {} (models compute at most {} rounds)", kMaxRounds, kMaxRounds)});
    if (e.round < round)
      fail(field + ".round",
           {fmt::format("round {} after an event at round {}", e.round, round), "events in order of round, from round 1"});
    round = e.round;
    check_citation(s, e.citation, field);
    for (const EventChange& c : e.changes) {
      check_event_change(s, c, field + ".changes");
      if (c.field == EventChange::Field::position) positioned[c.issue * s.actors().size() + c.actor] = true;
      if (c.field == EventChange::Field::salience && !positioned[c.issue * s.actors().size() + c.actor])
        fail(field + ".changes." + s.actor(c.actor).id + "." + s.issue(c.issue).id + ".salience",
             {"a salience for an actor without a position on the issue", "a position, in the scenario or in this or an earlier event"});
    }
    for (const auto* list : {&e.join, &e.leave})
      for (std::size_t a : *list)
        if (a >= s.actors().size())
          fail(field + (list == &e.join ? ".join" : ".leave"), {"actor index out of range", "an actor of this scenario"});
  }
  if (const auto c = first_membership_conflict(s.actors().size(), s.events)) {
    const Event& e = s.events[c->event];
    const std::size_t a = (c->joining ? e.join : e.leave)[c->position];
    fail("events." + e.id + (c->joining ? ".join." : ".leave.") + s.actor(a).id,
         {c->joining ? "the actor already takes part" : "the actor does not take part at this point",
          c->joining ? "a join only for an actor that is absent (never joined, or left before)"
                     : "a leave only for an actor that takes part"});
  }
}

}  // namespace

void validate(const Scenario& s) {
  check_ids(s.metadata.sources, "metadata.sources");
  check_ids(s.issues(), "issues");
  check_ids(s.actors(), "actors");
  for (std::size_t c = 0; c < s.citations.size(); ++c)
    if (s.citations[c].reference >= s.metadata.sources.size())
      fail(fmt::format("citations[{}]", c), {"reference index out of range", "an index into metadata.sources"});
  check_citation(s, s.metadata.citation, "metadata");
  for (std::size_t i = 0; i < s.issues().size(); ++i) {
    const Issue& issue = s.issue(i);
    const std::string field = "issues." + issue.id;
    if (auto bad = checks::scale(issue.scale)) fail(field + ".scale", *bad);
    if (issue.status_quo) {
      if (auto bad = checks::within(issue.status_quo->value, issue.scale.min, issue.scale.max, "the scale"))
        fail(field + ".status_quo", *bad);
      check_citation(s, issue.status_quo->citation, field + ".status_quo");
    }
    if (issue.outcome)
      if (auto bad = checks::within(Uncertain::point(*issue.outcome), issue.scale.min, issue.scale.max, "the scale"))
        fail(field + ".outcome", *bad);
  }
  for (const Actor& actor : s.actors()) {
    const std::string field = "actors." + actor.id;
    if (auto bad = checks::positive(actor.capability.value)) fail(field + ".capability", *bad);
    check_citation(s, actor.capability.citation, field + ".capability");
    if (actor.risk) {
      if (auto bad = checks::within(actor.risk->value, -1, 1, "the risk range")) fail(field + ".risk", *bad);
      check_citation(s, actor.risk->citation, field + ".risk");
    }
  }
  for (std::size_t i = 0; i < s.issues().size(); ++i) {
    const Scale& scale = s.issue(i).scale;
    for (std::size_t a = 0; a < s.actors().size(); ++a) {
      const Stance& st = s.stance(i, a);
      const std::string field = "positions." + s.actor(a).id + "." + s.issue(i).id;
      if (st.position) {
        if (auto bad = checks::within(st.position->value, scale.min, scale.max, "the scale")) fail(field + ".position", *bad);
        check_citation(s, st.position->citation, field + ".position");
      }
      if (st.salience) {
        if (!st.position) fail(field + ".salience", {"a salience without a position", "a position for every salience"});
        if (auto bad = checks::within(st.salience->value, 0, 1, "the salience range")) fail(field + ".salience", *bad);
        check_citation(s, st.salience->citation, field + ".salience");
      }
      if (st.capability) {
        if (auto bad = checks::positive(st.capability->value)) fail(field + ".capability", *bad);
        check_citation(s, st.capability->citation, field + ".capability");
      }
    }
  }
  check_ideal_adjustments(s);
  check_sides(s);
  check_linkages(s);
  check_events(s);
  OutcomeClassifier{s};  // names and expressions of the outcome classes
  for (const OutcomeClass& c : s.outcome_classes)
    for (std::size_t i : c.needs_deal_on)
      if (i >= s.issues().size()) fail("outcomes." + c.name + ".needs_deal_on", {"issue index out of range", "an issue of this scenario"});
}

}  // namespace parley
