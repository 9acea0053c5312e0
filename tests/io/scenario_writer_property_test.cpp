// Property: random scenarios (every kind of uncertain value, awkward numbers and texts, citations
// with and without notes, events, outcome classes, sides, linkages, ideal adjustments, model options) read
// back the same after scenario_to_json and after scenario_to_yaml.
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "io/scenario_compare.hpp"
#include "parley/io.hpp"

namespace parley {
namespace {

/// Texts YAML or JSON could misread, or that test escaping.
const char* const kTexts[] = {"",
                              "plain text",
                              "yes",
                              "no",
                              "1.0",
                              "null",
                              "~",
                              "true",
                              "0x1F",
                              " leading",
                              "trailing ",
                              "a: b",
                              "# hash",
                              "x #y",
                              "- dash",
                              "[list]",
                              "{map}",
                              "&anchor",
                              "*alias",
                              "!tag",
                              "%percent",
                              "@at",
                              "`tick`",
                              "'single'",
                              "\"double\" \\ backslash",
                              "line\nbreak",
                              "tab\there",
                              "unicode: é — ✓ 日本",
                              ".inf",
                              "-.nan",
                              "2026-11-29",
                              "---",
                              "...",
                              "? key",
                              "| block",
                              "> folded"};

std::string text() { return kTexts[*rc::gen::inRange<std::size_t>(0, std::size(kTexts))]; }

/// A finite double in [lo, hi] (lo <= hi): an end, the middle, a value with all 52 bits of fraction
/// random, or an awkward value (0, -0, a subnormal, 0.1, 1/3) when it lies inside.
double in(double lo, double hi) {
  const double awkward[] = {0.0, -0.0, 5e-324, 2.2250738585072014e-308, 0.1, 1.0 / 3, 1e-7, 123456789.123456789, 1e21};
  switch (*rc::gen::inRange(0, 5)) {
    case 0:
      return lo;
    case 1:
      return hi;
    case 2:
      return lo / 2 + hi / 2;
    case 3: {
      const double x = awkward[*rc::gen::inRange<std::size_t>(0, std::size(awkward))];
      return x >= lo && x <= hi ? x : lo;
    }
    default: {
      const double f = static_cast<double>(*rc::gen::inRange<std::uint64_t>(0, std::uint64_t{1} << 53)) / 9007199254740992.0;
      const double x = lo + (hi - lo) * f;
      return x < lo ? lo : x > hi ? hi : x;
    }
  }
}

class Generator {
 public:
  Scenario scenario() {
    sources();
    issues();
    actors();
    stances();
    classes();
    sides();
    linkages();
    events();
    settings();
    return std::move(s_);
  }

 private:
  /// A new citation of a random source with a random note, or -1.
  int citation() {
    if (*rc::gen::inRange(0, 3) == 0) return -1;
    const auto ref = *rc::gen::inRange<std::size_t>(0, s_.metadata.sources.size());
    s_.citations.push_back({ref, *rc::gen::inRange(0, 2) == 0 ? "" : text()});
    return static_cast<int>(s_.citations.size() - 1);
  }

  /// A distribution within [lo, hi] (normal: its mean; its sd any finite value >= 0).
  Uncertain value(double lo, double hi) {
    double x = in(lo, hi), y = in(lo, hi), z = in(lo, hi);
    if (x > y) std::swap(x, y);
    if (y > z) std::swap(y, z);
    if (x > y) std::swap(x, y);
    switch (*rc::gen::inRange(0, 4)) {
      case 0:
        return Uncertain::point(y);
      case 1:
        return Uncertain::range(x, z);
      case 2:
        return Uncertain::normal(y, in(0, *rc::gen::element(1.0, 1e300)));
      default:
        return Uncertain::triangular(x, y, z);
    }
  }
  Parameter parameter(double lo, double hi) { return {value(lo, hi), citation()}; }

  void sources() {
    Metadata& m = s_.metadata;
    m.title = text();
    m.description = text();
    m.date = text();
    const int n = *rc::gen::inRange(1, 4);
    for (int k = 0; k < n; ++k) m.sources.push_back({k == 0 ? "null" : "src-" + std::to_string(k), text(), text(), text()});
    m.citation = citation();
  }

  void issues() {
    const char* const ids[] = {"i0", "1e5", "False", "x:y/z.w", "issue_4"};
    const int n = *rc::gen::inRange(1, 5);
    for (int k = 0; k < n; ++k) {
      Issue i;
      i.id = ids[k];
      i.label = text();
      const double lo = *rc::gen::element(0.0, -1e100, -5.5, 1e-300);
      i.scale = {lo, lo == 0 ? *rc::gen::element(1.0, 100.0, 7.25) : in(lo / 2 + 1, 1e100), text(), text()};
      if (*rc::gen::inRange(0, 2)) i.status_quo = parameter(i.scale.min, i.scale.max);
      if (*rc::gen::inRange(0, 2)) i.outcome = in(i.scale.min, i.scale.max);
      i.group = text();
      s_.add_issue(std::move(i));
    }
  }

  void actors() {
    const char* const ids[] = {"a0", "yes", "1.5", "null-ish", "true", "0"};
    const int n = *rc::gen::inRange(2, 7);
    for (int k = 0; k < n; ++k) {
      Actor a{ids[k], text(), static_cast<ActorKind>(*rc::gen::inRange(0, 7)), parameter(1e-300, 1e300), text(), std::nullopt};
      // Capability > 0: a range or triangular must not reach 0, nor a normal's mean.
      if (*rc::gen::inRange(0, 2)) a.risk = parameter(-1, 1);
      s_.add_actor(std::move(a));
    }
  }

  void stances() {
    for (std::size_t i = 0; i < s_.issues().size(); ++i)
      for (std::size_t a = 0; a < s_.actors().size(); ++a) {
        if (*rc::gen::inRange(0, 4) == 0) continue;
        Stance& st = s_.stance(i, a);
        st.position = parameter(s_.issue(i).scale.min, s_.issue(i).scale.max);
        if (*rc::gen::inRange(0, 4)) st.salience = parameter(0, 1);
        if (*rc::gen::inRange(0, 3) == 0) st.capability = parameter(1e-300, 1e300);
      }
  }

  std::vector<std::size_t> some_issues() {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < s_.issues().size(); ++i)
      if (*rc::gen::inRange(0, 2)) out.push_back(i);
    return out;
  }

  void classes() {
    const char* const expressions[] = {"i0 >= 0", "true", "not (i0 < 3) or false", "0 <= i0 <= 1e300", "i0 in [1, 2]"};
    const int n = *rc::gen::inRange(0, 4);
    for (int k = 0; k < n; ++k)
      s_.outcome_classes.push_back({k == 1 ? "yes" : "class-" + std::to_string(k), text(),
                                    expressions[*rc::gen::inRange<std::size_t>(0, std::size(expressions))], text(), some_issues()});
  }

  void sides() {
    const int n = *rc::gen::inRange(0, 3);
    for (int k = 0; k < n; ++k) {
      Side side{k == 0 ? "on" : "side-" + std::to_string(k), *rc::gen::inRange<std::size_t>(0, s_.actors().size()), {}};
      for (std::size_t a = 0; a < s_.actors().size(); ++a) {
        if (*rc::gen::inRange(0, 2)) continue;
        Ratifier r;
        r.actor = a;
        if (*rc::gen::inRange(0, 2)) r.threshold = in(-1, 1);
        for (const std::size_t i : some_issues()) {
          const Scale& sc = s_.issue(i).scale;
          double lo = in(sc.min, sc.max), hi = in(sc.min, sc.max);
          if (lo > hi) std::swap(lo, hi);
          r.bounds.push_back({i, lo, hi});
        }
        if (!r.threshold && r.bounds.empty()) r.threshold = 0;
        side.ratifiers.push_back(std::move(r));
      }
      s_.sides.push_back(std::move(side));
    }
  }

  void linkages() {
    const int n = s_.issues().size() < 2 ? 0 : *rc::gen::inRange(0, 3);
    for (int k = 0; k < n; ++k) {
      std::vector<std::size_t> issues = some_issues();
      if (issues.size() < 2) issues = {s_.issues().size() - 1, 0};  // reversed: the order given is kept
      s_.linkages.push_back({k == 0 ? "no" : "linkage-" + std::to_string(k), text(), std::move(issues), citation()});
    }
  }

  void events() {
    const std::size_t n_actors = s_.actors().size();
    std::vector<int> present(n_actors, -1);  // -1 unknown yet, 0 absent, 1 present
    int round = 1;
    const int n = *rc::gen::inRange(0, 4);
    for (int k = 0; k < n; ++k) {
      Event e;
      e.id = k == 0 ? "off" : "event-" + std::to_string(k);
      e.label = text();
      e.date = text();
      round = *rc::gen::element(round, std::min(round + 1, kMaxRounds), kMaxRounds);
      e.round = round;
      e.citation = citation();
      for (std::size_t a = 0; a < n_actors; ++a) changes(e, a);
      for (std::size_t a = 0; a < n_actors; ++a) {
        if (*rc::gen::inRange(0, 3)) continue;
        const bool join = present[a] == -1 ? *rc::gen::arbitrary<bool>() : present[a] == 0;
        (join ? e.join : e.leave).push_back(a);
        present[a] = join ? 1 : 0;
      }
      if (e.changes.empty() && e.join.empty() && e.leave.empty())
        e.changes.push_back({EventChange::Field::capability, 0, EventChange::none, {Uncertain::point(1), e.citation}});
      s_.events.push_back(std::move(e));
    }
  }

  /// A change's citation: its own, or its event's (what the reader gives a change without one).
  int change_citation(const Event& e) {
    const int own = citation();
    return own >= 0 ? own : e.citation;
  }

  void changes(Event& e, std::size_t a) {
    if (*rc::gen::inRange(0, 2)) return;
    if (*rc::gen::inRange(0, 2))
      e.changes.push_back({EventChange::Field::capability, a, EventChange::none, {value(1e-300, 1e300), change_citation(e)}});
    for (const std::size_t i : some_issues()) {
      const bool has_position = s_.stance(i, a).position || positioned_.count(i * 100 + a);
      const bool position = !has_position || *rc::gen::inRange(0, 2);
      const bool salience = !position || *rc::gen::inRange(0, 2);
      const Scale& sc = s_.issue(i).scale;
      if (position) e.changes.push_back({EventChange::Field::position, a, i, {value(sc.min, sc.max), change_citation(e)}});
      if (salience) e.changes.push_back({EventChange::Field::salience, a, i, {value(0, 1), change_citation(e)}});
      positioned_.insert(i * 100 + a);
    }
  }

  void settings() {
    const std::size_t n = s_.actors().size();
    for (std::size_t a = 0; a < n; ++a) {
      if (*rc::gen::inRange(0, 2)) continue;
      s_.ideal_adjustments.push_back({a, a, in(0, 0.5)});
      s_.ideal_adjustments.push_back({a, (a + 1) % n, in(0, 0.5)});
    }
    const int models = *rc::gen::inRange(0, 3);
    for (int m = 0; m < models; ++m) {
      auto& options = s_.model_options[m == 0 ? "smp" : "yes"];
      const int k = *rc::gen::inRange(0, 3);
      for (int o = 0; o < k; ++o) options[o == 0 ? "seed" : "null"] = text();
    }
  }

  Scenario s_;
  std::set<std::size_t> positioned_;
};

TEST(ScenarioWriterProperty, RandomScenariosRoundTripThroughJsonAndYaml) {
  EXPECT_TRUE(rc::check([] {
    const Scenario s = Generator().scenario();
    validate(s);  // the generator makes only scenarios the readers can make
    const std::string json = scenario_to_json(s);
    const Scenario from_json = read_scenario_text(json, "random.json");
    for (const auto& [what, back] : {std::pair<const char*, Scenario>{"json", from_json},
                                     {"compact json", read_scenario_text(scenario_to_json(s, -1), "random.json")},
                                     {"yaml", read_scenario_text(scenario_to_yaml(s), "random.yaml")}}) {
      const std::string differences = testing::scenario_differences(s, back);
      if (!differences.empty()) RC_FAIL(std::string(what) + ":\n" + differences + json);
    }
    RC_ASSERT(scenario_to_json(from_json) == json);
    RC_ASSERT(scenario_to_json(s) == json);
  }));
}

}  // namespace
}  // namespace parley
