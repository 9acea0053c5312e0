// Field-by-field comparison of two scenarios, for the writer's round-trip tests: every field the
// readers set, numbers bit for bit, citations resolved to (reference id, note) so that renumbered
// citations compare equal. Scenario::model_option_origins (places in the file read) is not compared.
#pragma once

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <string>
#include <vector>

#include "parley/scenario.hpp"

namespace parley::testing {

class ScenarioDiff {
 public:
  ScenarioDiff(const Scenario& a, const Scenario& b) : a_(a), b_(b) {}

  /// Every difference found, one per line ("actors[2].capability: normal(1, 2) != 3").
  std::vector<std::string> run() {
    metadata();
    same("issues.size", a_.issues().size(), b_.issues().size());
    same("actors.size", a_.actors().size(), b_.actors().size());
    if (!out_.empty()) return out_;
    for (std::size_t i = 0; i < a_.issues().size(); ++i) issue(i);
    for (std::size_t k = 0; k < a_.actors().size(); ++k) actor(k);
    for (std::size_t i = 0; i < a_.issues().size(); ++i)
      for (std::size_t k = 0; k < a_.actors().size(); ++k) stance(i, k);
    classes();
    sides();
    linkages();
    events();
    same("ideal_adjustments.size", a_.ideal_adjustments.size(), b_.ideal_adjustments.size());
    for (std::size_t k = 0; k < std::min(a_.ideal_adjustments.size(), b_.ideal_adjustments.size()); ++k) {
      const auto &x = a_.ideal_adjustments[k], &y = b_.ideal_adjustments[k];
      const std::string f = "ideal_adjustments[" + std::to_string(k) + "]";
      same(f + ".actor", x.actor, y.actor);
      same(f + ".toward", x.toward, y.toward);
      number(f + ".rate", x.rate, y.rate);
    }
    if (a_.model_options != b_.model_options) out_.push_back("model_options differ");
    return out_;
  }

 private:
  template <typename T>
  void same(const std::string& field, const T& x, const T& y) {
    if (!(x == y)) out_.push_back(field + ": differs");
  }
  void number(const std::string& field, double x, double y) {
    if (std::bit_cast<std::uint64_t>(x) != std::bit_cast<std::uint64_t>(y))
      out_.push_back(field + ": " + std::to_string(x) + " != " + std::to_string(y) + " (bits)");
  }
  void uncertain(const std::string& field, const Uncertain& x, const Uncertain& y) {
    if (x.kind() != y.kind()) out_.push_back(field + ": " + x.to_string() + " != " + y.to_string());
    number(field + ".a", x.a(), y.a());
    number(field + ".b", x.b(), y.b());
    number(field + ".c", x.c(), y.c());
  }
  /// What a citation index stands for: "" for none, else "ref|note".
  static std::string cited(const Scenario& s, int c) {
    if (c < 0) return "";
    const Citation& ct = s.citations.at(static_cast<std::size_t>(c));
    return s.metadata.sources.at(ct.reference).id + "|" + ct.note;
  }
  void citation(const std::string& field, int x, int y) {
    if (cited(a_, x) != cited(b_, y)) out_.push_back(field + ": cites '" + cited(a_, x) + "' != '" + cited(b_, y) + "'");
  }
  void parameter(const std::string& field, const Parameter& x, const Parameter& y) {
    uncertain(field, x.value, y.value);
    citation(field + ".source", x.citation, y.citation);
  }
  void parameter(const std::string& field, const std::optional<Parameter>& x, const std::optional<Parameter>& y) {
    same(field + ".present", x.has_value(), y.has_value());
    if (x && y) parameter(field, *x, *y);
  }

  void metadata() {
    const Metadata &x = a_.metadata, &y = b_.metadata;
    same("metadata.title", x.title, y.title);
    same("metadata.description", x.description, y.description);
    same("metadata.date", x.date, y.date);
    same("metadata.sources.size", x.sources.size(), y.sources.size());
    for (std::size_t k = 0; k < std::min(x.sources.size(), y.sources.size()); ++k) {
      const std::string f = "metadata.sources[" + std::to_string(k) + "]";
      same(f + ".id", x.sources[k].id, y.sources[k].id);
      same(f + ".title", x.sources[k].title, y.sources[k].title);
      same(f + ".url", x.sources[k].url, y.sources[k].url);
      same(f + ".note", x.sources[k].note, y.sources[k].note);
    }
    citation("metadata.source", x.citation, y.citation);
  }

  void issue(std::size_t i) {
    const Issue &x = a_.issue(i), &y = b_.issue(i);
    const std::string f = "issues[" + std::to_string(i) + "]";
    same(f + ".id", x.id, y.id);
    same(f + ".label", x.label, y.label);
    number(f + ".scale.min", x.scale.min, y.scale.min);
    number(f + ".scale.max", x.scale.max, y.scale.max);
    same(f + ".scale.min_label", x.scale.min_label, y.scale.min_label);
    same(f + ".scale.max_label", x.scale.max_label, y.scale.max_label);
    parameter(f + ".status_quo", x.status_quo, y.status_quo);
    same(f + ".outcome.present", x.outcome.has_value(), y.outcome.has_value());
    if (x.outcome && y.outcome) number(f + ".outcome", *x.outcome, *y.outcome);
    same(f + ".group", x.group, y.group);
  }

  void actor(std::size_t k) {
    const Actor &x = a_.actor(k), &y = b_.actor(k);
    const std::string f = "actors[" + std::to_string(k) + "]";
    same(f + ".id", x.id, y.id);
    same(f + ".name", x.name, y.name);
    same(f + ".kind", x.kind, y.kind);
    parameter(f + ".capability", x.capability, y.capability);
    same(f + ".group", x.group, y.group);
    parameter(f + ".risk", x.risk, y.risk);
  }

  void stance(std::size_t i, std::size_t k) {
    const Stance &x = a_.stance(i, k), &y = b_.stance(i, k);
    const std::string f = "stance[" + a_.issue(i).id + "][" + a_.actor(k).id + "]";
    parameter(f + ".position", x.position, y.position);
    parameter(f + ".salience", x.salience, y.salience);
    parameter(f + ".capability", x.capability, y.capability);
  }

  void classes() {
    same("outcome_classes.size", a_.outcome_classes.size(), b_.outcome_classes.size());
    for (std::size_t k = 0; k < std::min(a_.outcome_classes.size(), b_.outcome_classes.size()); ++k) {
      const OutcomeClass &x = a_.outcome_classes[k], &y = b_.outcome_classes[k];
      const std::string f = "outcome_classes[" + std::to_string(k) + "]";
      same(f + ".name", x.name, y.name);
      same(f + ".label", x.label, y.label);
      same(f + ".expression", x.expression, y.expression);
      same(f + ".group", x.group, y.group);
      same(f + ".needs_deal_on", x.needs_deal_on, y.needs_deal_on);
    }
  }

  void linkages() {
    same("linkages.size", a_.linkages.size(), b_.linkages.size());
    for (std::size_t k = 0; k < std::min(a_.linkages.size(), b_.linkages.size()); ++k) {
      const Linkage &x = a_.linkages[k], &y = b_.linkages[k];
      const std::string f = "linkages[" + std::to_string(k) + "]";
      same(f + ".id", x.id, y.id);
      same(f + ".label", x.label, y.label);
      same(f + ".issues", x.issues, y.issues);
      citation(f + ".source", x.citation, y.citation);
    }
  }

  void sides() {
    same("sides.size", a_.sides.size(), b_.sides.size());
    for (std::size_t k = 0; k < std::min(a_.sides.size(), b_.sides.size()); ++k) {
      const Side &x = a_.sides[k], &y = b_.sides[k];
      const std::string f = "sides[" + std::to_string(k) + "]";
      same(f + ".id", x.id, y.id);
      same(f + ".negotiator", x.negotiator, y.negotiator);
      same(f + ".ratifiers.size", x.ratifiers.size(), y.ratifiers.size());
      for (std::size_t r = 0; r < std::min(x.ratifiers.size(), y.ratifiers.size()); ++r) {
        const Ratifier &p = x.ratifiers[r], &q = y.ratifiers[r];
        const std::string rf = f + ".ratifiers[" + std::to_string(r) + "]";
        same(rf + ".actor", p.actor, q.actor);
        same(rf + ".threshold.present", p.threshold.has_value(), q.threshold.has_value());
        if (p.threshold && q.threshold) number(rf + ".threshold", *p.threshold, *q.threshold);
        same(rf + ".bounds.size", p.bounds.size(), q.bounds.size());
        for (std::size_t b = 0; b < std::min(p.bounds.size(), q.bounds.size()); ++b) {
          const std::string bf = rf + ".bounds[" + std::to_string(b) + "]";
          same(bf + ".issue", p.bounds[b].issue, q.bounds[b].issue);
          number(bf + ".min", p.bounds[b].min, q.bounds[b].min);
          number(bf + ".max", p.bounds[b].max, q.bounds[b].max);
        }
      }
    }
  }

  void events() {
    same("events.size", a_.events.size(), b_.events.size());
    for (std::size_t k = 0; k < std::min(a_.events.size(), b_.events.size()); ++k) {
      const Event &x = a_.events[k], &y = b_.events[k];
      const std::string f = "events[" + std::to_string(k) + "]";
      same(f + ".id", x.id, y.id);
      same(f + ".label", x.label, y.label);
      same(f + ".date", x.date, y.date);
      same(f + ".round", x.round, y.round);
      citation(f + ".source", x.citation, y.citation);
      same(f + ".join", x.join, y.join);
      same(f + ".leave", x.leave, y.leave);
      same(f + ".changes.size", x.changes.size(), y.changes.size());
      for (std::size_t c = 0; c < std::min(x.changes.size(), y.changes.size()); ++c) {
        const EventChange &p = x.changes[c], &q = y.changes[c];
        const std::string cf = f + ".changes[" + std::to_string(c) + "]";
        same(cf + ".field", p.field, q.field);
        same(cf + ".actor", p.actor, q.actor);
        same(cf + ".issue", p.issue, q.issue);
        parameter(cf + ".value", p.value, q.value);
      }
    }
  }

  const Scenario& a_;
  const Scenario& b_;
  std::vector<std::string> out_;
};

/// All differences between `a` and `b`, one per line; empty when they are the same scenario.
inline std::string scenario_differences(const Scenario& a, const Scenario& b) {
  std::string text;
  for (const std::string& d : ScenarioDiff(a, b).run()) text += d + "\n";
  return text;
}

/// Expects `a` and `b` to be the same scenario in every field (see ScenarioDiff).
inline void expect_same_scenario(const Scenario& a, const Scenario& b) { EXPECT_EQ(scenario_differences(a, b), ""); }

}  // namespace parley::testing
