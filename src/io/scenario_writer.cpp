// The scenario writer: a Scenario as a parley format v1 document (docs/scenario-format.md,
// "Writing scenarios"), built as an ordered JSON value and printed as JSON or YAML.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "io/yaml_emitter.hpp"
#include "parley/io.hpp"

namespace parley {

namespace {

using Json = nlohmann::ordered_json;

class ScenarioWriter {
 public:
  explicit ScenarioWriter(const Scenario& s) : s_(s) {}

  Json write() const {
    Json doc = Json::object();
    doc["parley"] = 1;
    doc["metadata"] = metadata();
    doc["issues"] = issues();
    doc["actors"] = actors();
    if (Json p = positions(); !p.empty()) doc["positions"] = std::move(p);
    if (!s_.outcome_classes.empty()) doc["outcomes"] = outcomes();
    if (!s_.sides.empty()) doc["sides"] = sides();
    if (!s_.linkages.empty()) doc["linkages"] = linkages();
    if (!s_.events.empty()) doc["events"] = events();
    if (!s_.ideal_adjustments.empty()) doc["ideal_adjustments"] = ideal_adjustments();
    if (Json o = model_options(); !o.empty()) doc["model_options"] = std::move(o);
    return doc;
  }

 private:
  /// Adds `key` to `object`, which must not have it yet, without searching for it.
  static void append(Json& object, const std::string& key, Json value) {
    object.get_ref<Json::object_t&>().emplace_back(key, std::move(value));
  }

  static void put_text(Json& j, const char* key, const std::string& text) {
    if (!text.empty()) j[key] = text;
  }

  /// `ref-id`, or `{ref: ref-id, note: text}` when the citation has a note.
  Json citation(int index) const {
    const Citation& c = s_.citations.at(static_cast<std::size_t>(index));
    const std::string& ref = s_.metadata.sources.at(c.reference).id;
    if (c.note.empty()) return ref;
    return Json{{"ref", ref}, {"note", c.note}};
  }

  /// Numbers as JSON numbers (shortest round-trip form); normal and triangular as their text form
  /// with the same shortest form of each argument, which strtod reads back bit for bit.
  static Json distribution(const Uncertain& u) {
    switch (u.kind()) {
      case Uncertain::Kind::point:
        return u.a();
      case Uncertain::Kind::range:
        return Json::array({u.a(), u.b()});
      case Uncertain::Kind::normal:
        return fmt::format("normal({}, {})", u.a(), u.b());
      case Uncertain::Kind::triangular:
        return fmt::format("triangular({}, {}, {})", u.a(), u.b(), u.c());
    }
    return u.a();
  }

  /// The distribution, or `{value: ..., source: ...}` when it cites something other than
  /// `implied_citation` (what the reader gives it when it names no source).
  Json parameter(const Parameter& p, int implied_citation = -1) const {
    if (p.citation < 0 || p.citation == implied_citation) return distribution(p.value);
    return Json{{"value", distribution(p.value)}, {"source", citation(p.citation)}};
  }

  Json metadata() const {
    const Metadata& m = s_.metadata;
    Json j = Json::object();
    j["title"] = m.title;
    put_text(j, "description", m.description);
    put_text(j, "date", m.date);
    if (!m.sources.empty()) {
      Json sources = Json::array();
      for (const Reference& r : m.sources) {
        Json e{{"id", r.id}, {"title", r.title}};
        put_text(e, "url", r.url);
        put_text(e, "note", r.note);
        sources.push_back(std::move(e));
      }
      j["sources"] = std::move(sources);
    }
    if (m.citation >= 0) j["source"] = citation(m.citation);
    return j;
  }

  Json issues() const {
    Json out = Json::array();
    for (const Issue& i : s_.issues()) {
      Json j{{"id", i.id}, {"label", i.label}};
      Json scale{{"min", i.scale.min}, {"max", i.scale.max}};
      put_text(scale, "min_label", i.scale.min_label);
      put_text(scale, "max_label", i.scale.max_label);
      j["scale"] = std::move(scale);
      if (i.status_quo) j["status_quo"] = parameter(*i.status_quo);
      if (i.outcome) j["outcome"] = *i.outcome;
      put_text(j, "group", i.group);
      out.push_back(std::move(j));
    }
    return out;
  }

  Json actors() const {
    Json out = Json::array();
    for (const Actor& a : s_.actors()) {
      Json j{{"id", a.id}, {"name", a.name}, {"kind", to_string(a.kind)}, {"capability", parameter(a.capability)}};
      put_text(j, "group", a.group);
      if (a.risk) j["risk"] = parameter(*a.risk);
      out.push_back(std::move(j));
    }
    return out;
  }

  /// Actor by actor, the stances that have a position (a stance without one holds nothing the
  /// readers can set).
  Json positions() const {
    Json out = Json::object();
    for (std::size_t a = 0; a < s_.actors().size(); ++a) {
      Json stances = Json::object();
      for (std::size_t i = 0; i < s_.issues().size(); ++i) {
        const Stance& st = s_.stance(i, a);
        if (!st.position) continue;
        Json j{{"position", parameter(*st.position)}};
        if (st.salience) j["salience"] = parameter(*st.salience);
        if (st.capability) j["capability"] = parameter(*st.capability);
        append(stances, s_.issue(i).id, std::move(j));
      }
      if (!stances.empty()) append(out, s_.actor(a).id, std::move(stances));
    }
    return out;
  }

  Json outcomes() const {
    Json out = Json::object();
    for (const OutcomeClass& c : s_.outcome_classes) {
      Json j{{"when", c.expression}};
      put_text(j, "label", c.label);
      put_text(j, "group", c.group);
      if (!c.needs_deal_on.empty()) {
        Json needs = Json::array();
        for (std::size_t i : c.needs_deal_on) needs.push_back(s_.issue(i).id);
        j["needs_deal_on"] = std::move(needs);
      }
      out[c.name] = std::move(j);
    }
    return out;
  }

  Json sides() const {
    Json out = Json::object();
    for (const Side& side : s_.sides) {
      Json j{{"negotiator", s_.actor(side.negotiator).id}};
      if (!side.ratifiers.empty()) {
        Json ratifiers = Json::object();
        for (const Ratifier& r : side.ratifiers) ratifiers[s_.actor(r.actor).id] = ratifier(r);
        j["ratifiers"] = std::move(ratifiers);
      }
      out[side.id] = std::move(j);
    }
    return out;
  }

  Json linkages() const {
    Json out = Json::array();
    for (const Linkage& l : s_.linkages) {
      Json j{{"id", l.id}};
      put_text(j, "label", l.label);
      Json issues = Json::array();
      for (std::size_t i : l.issues) issues.push_back(s_.issue(i).id);
      j["issues"] = std::move(issues);
      if (l.citation >= 0) j["source"] = citation(l.citation);
      out.push_back(std::move(j));
    }
    return out;
  }

  Json ratifier(const Ratifier& r) const {
    Json j = Json::object();
    if (r.threshold) j["threshold"] = *r.threshold;
    if (!r.bounds.empty()) {
      Json accepts = Json::object();
      for (const Ratifier::Bound& b : r.bounds) accepts[s_.issue(b.issue).id] = Json{{"min", b.min}, {"max", b.max}};
      j["accepts"] = std::move(accepts);
    }
    return j;
  }

  Json events() const {
    Json out = Json::array();
    for (const Event& e : s_.events) {
      Json j{{"id", e.id}};
      put_text(j, "label", e.label);
      put_text(j, "date", e.date);
      j["round"] = e.round;
      if (e.citation >= 0) j["source"] = citation(e.citation);
      if (!e.changes.empty()) j["changes"] = changes(e);
      if (!e.join.empty()) j["join"] = actor_ids(e.join);
      if (!e.leave.empty()) j["leave"] = actor_ids(e.leave);
      out.push_back(std::move(j));
    }
    return out;
  }

  /// `{actor: {capability: C, issue: {position: P, salience: S}}}`; a change that cites what its
  /// event cites leaves the citation to the event (the reader's default).
  Json changes(const Event& e) const {
    Json out = Json::object();
    for (const EventChange& c : e.changes) {
      Json& per_actor = out[s_.actor(c.actor).id];
      if (per_actor.is_null()) per_actor = Json::object();
      const Json value = parameter(c.value, e.citation);
      if (c.field == EventChange::Field::capability) {
        per_actor["capability"] = value;
        continue;
      }
      Json& per_issue = per_actor[s_.issue(c.issue).id];
      if (per_issue.is_null()) per_issue = Json::object();
      per_issue[c.field == EventChange::Field::position ? "position" : "salience"] = value;
    }
    return out;
  }

  Json actor_ids(const std::vector<std::size_t>& actors) const {
    Json out = Json::array();
    for (std::size_t a : actors) out.push_back(s_.actor(a).id);
    return out;
  }

  Json ideal_adjustments() const {
    Json out = Json::array();
    for (const IdealAdjustment& a : s_.ideal_adjustments)
      out.push_back(Json{{"actor", s_.actor(a.actor).id}, {"toward", s_.actor(a.toward).id}, {"rate", a.rate}});
    return out;
  }

  Json model_options() const {
    Json out = Json::object();
    for (const auto& [model, options] : s_.model_options) {
      Json j = Json::object();
      for (const auto& [option, value] : options) j[option] = value;
      out[model] = std::move(j);
    }
    return out;
  }

  const Scenario& s_;
};

}  // namespace

std::string scenario_to_json(const Scenario& s, int indent) {
  return ScenarioWriter(s).write().dump(indent < 0 ? -1 : indent) + (indent < 0 ? "" : "\n");
}

std::string scenario_to_yaml(const Scenario& s) { return io::emit_yaml(ScenarioWriter(s).write()); }

}  // namespace parley
