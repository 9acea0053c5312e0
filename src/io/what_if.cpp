#include "parley/what_if.hpp"

#include <optional>

#include "core/checks.hpp"
#include "io/document.hpp"
#include "io/node_reader.hpp"
#include "parley/error.hpp"
#include "parley/timeline.hpp"

namespace parley {

namespace {

[[noreturn]] void fail(const std::string& assignment, std::string problem, std::string expected) {
  throw InputError({}, "--set " + assignment, std::move(problem), std::move(expected));
}

Parameter parse_value(Scenario& scenario, const std::string& assignment, const std::string& text) {
  try {
    const io::Document document = io::parse_yaml(text, "--set");
    return io::NodeReader("--set", scenario).parameter(document.root(), "value");
  } catch (const InputError& e) {
    fail(assignment, "value '" + text + "': " + e.problem(), e.expected().empty() ? "a number or a distribution" : e.expected());
  }
}

/// `p` cited to the what-if: the source kWhatIfSource (added once) and the note "what-if: ASSIGNMENT".
Parameter cited(Scenario& s, Parameter p, const std::string& assignment) {
  std::size_t ref = 0;
  while (ref < s.metadata.sources.size() && s.metadata.sources[ref].id != kWhatIfSource) ++ref;
  if (ref == s.metadata.sources.size())
    s.metadata.sources.push_back({kWhatIfSource, "What-if overrides given on the command line", "", ""});
  s.citations.push_back({ref, "what-if: " + assignment});
  p.citation = static_cast<int>(s.citations.size() - 1);
  return p;
}

void check(const std::string& assignment, const std::optional<checks::Problem>& bad) {
  if (bad) fail(assignment, bad->problem, bad->expected);
}

/// The change of an event that `target`.`field` names (EVENT.ACTOR.ISSUE.position|salience or
/// EVENT.ACTOR.capability), or nullptr when `target` starts with no event id.
EventChange* event_change(Scenario& s, const std::string& assignment, const std::string& target, const std::string& field) {
  for (Event& e : s.events) {
    if (target.size() <= e.id.size() + 1 || target.compare(0, e.id.size() + 1, e.id + ".") != 0) continue;
    const std::string rest = target.substr(e.id.size() + 1);
    for (EventChange& c : e.changes) {
      const std::string& actor = s.actor(c.actor).id;
      const std::string named = c.field == EventChange::Field::capability ? actor : actor + "." + s.issue(c.issue).id;
      if (field == to_string(c.field) && rest == named) return &c;
    }
    fail(assignment, "event '" + e.id + "' sets no " + field + " for '" + rest + "'",
         "a value the event sets (the report's Timeline section lists each event's changes)");
  }
  return nullptr;
}

}  // namespace

void apply_override(Scenario& s, const std::string& assignment) {
  const std::size_t eq = assignment.find('=');
  const std::size_t dot = assignment.rfind('.', eq);
  if (eq == std::string::npos || dot == std::string::npos || dot == 0)
    fail(assignment, "not TARGET.FIELD=VALUE", "e.g. us.sanctions.position=30, us.capability=80 or sanctions.status_quo=50");
  const std::string target = assignment.substr(0, dot);
  const std::string field = assignment.substr(dot + 1, eq - dot - 1);
  const std::string text = assignment.substr(eq + 1);

  if (EventChange* c = event_change(s, assignment, target, field)) {
    const Parameter p = parse_value(s, assignment, text);
    if (c->field == EventChange::Field::capability)
      check(assignment, checks::positive(p.value));
    else if (c->field == EventChange::Field::position)
      check(assignment, checks::within(p.value, s.issue(c->issue).scale.min, s.issue(c->issue).scale.max, "the scale"));
    else
      check(assignment, checks::within(p.value, 0, 1, "the salience range"));
    c->value = cited(s, p, assignment);
    return;
  }

  if (field == "position" || field == "salience") {
    // ACTOR.ISSUE: ids may contain dots, so try every split.
    for (std::size_t cut = target.find('.'); cut != std::string::npos; cut = target.find('.', cut + 1)) {
      const auto a = s.find_actor(target.substr(0, cut));
      const auto i = s.find_issue(target.substr(cut + 1));
      if (!a || !i) continue;
      const Parameter p = parse_value(s, assignment, text);
      const Scale& scale = s.issue(*i).scale;
      Stance& st = s.stance(*i, *a);
      if (field == "position") {
        check(assignment, checks::within(p.value, scale.min, scale.max, "the scale"));
        st.position = cited(s, p, assignment);
      } else {
        check(assignment, checks::within(p.value, 0, 1, "the salience range"));
        if (!st.position) fail(assignment, "actor has no position on this issue", "a position first: --set " + target + ".position=X");
        st.salience = cited(s, p, assignment);
      }
      return;
    }
    fail(assignment, "no actor.issue pair '" + target + "'", "ACTOR.ISSUE." + field + " with ids of this scenario");
  }
  if (field == "capability" || field == "risk") {
    const auto a = s.find_actor(target);
    if (!a) fail(assignment, "unknown actor '" + target + "'", "the id of an actor of this scenario");
    const Parameter p = parse_value(s, assignment, text);
    if (field == "capability") {
      check(assignment, checks::positive(p.value));
      s.actor(*a).capability = cited(s, p, assignment);
    } else {
      check(assignment, checks::within(p.value, -1, 1, "the risk range"));
      s.actor(*a).risk = cited(s, p, assignment);
    }
    return;
  }
  if (field == "status_quo") {
    const auto i = s.find_issue(target);
    if (!i) fail(assignment, "unknown issue '" + target + "'", "the id of an issue of this scenario");
    const Parameter p = parse_value(s, assignment, text);
    check(assignment, checks::within(p.value, s.issue(*i).scale.min, s.issue(*i).scale.max, "the scale"));
    s.issue(*i).status_quo = cited(s, p, assignment);
    return;
  }
  fail(assignment, "unknown field '" + field + "'", "position, salience, capability, risk or status_quo");
}

std::vector<std::string> what_if_overrides(const Scenario& s) {
  std::vector<std::string> out;
  const std::string prefix = "what-if: ";
  for (const Citation& c : s.citations)
    if (c.reference < s.metadata.sources.size() && s.metadata.sources[c.reference].id == kWhatIfSource && c.note.rfind(prefix, 0) == 0)
      out.push_back(c.note.substr(prefix.size()));
  return out;
}

std::string what_if_title(const std::string& title, const std::vector<std::string>& assignments) {
  if (assignments.empty()) return title;
  std::string out = title + " (what-if: ";
  for (std::size_t k = 0; k < assignments.size(); ++k) out += (k ? "; " : "") + assignments[k];
  return out + ")";
}

void apply_overrides(Scenario& scenario, const std::vector<std::string>& assignments) {
  for (const std::string& a : assignments) apply_override(scenario, a);
  validate(scenario);
  scenario.metadata.title = what_if_title(scenario.metadata.title, assignments);
}

}  // namespace parley
