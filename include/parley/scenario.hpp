// The in-memory scenario: who negotiates over what, wanting what, how much they care, how strong
// they are. Every reader (parley YAML/JSON, KTAB CSV, DEU III) produces one of these.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parley/error.hpp"
#include "parley/uncertain.hpp"

namespace parley {

/// A reference that parameters can cite (an article, a dataset, an expert judgement).
struct Reference {
  std::string id;
  std::string title;
  std::string url;   // optional
  std::string note;  // optional
};

/// Where a parameter comes from: an index into Metadata::sources and a short note.
struct Citation {
  std::size_t reference = 0;
  std::string note;
};

/// A number with an optional citation (an index into Scenario::citations, or -1).
struct Parameter {
  Uncertain value;
  int citation = -1;
  double point() const { return value.point_value(); }
};

struct Metadata {
  std::string title;
  std::string description;
  std::string date;  // as written, ISO 8601 recommended
  std::vector<Reference> sources;
  int citation = -1;  // optional citation for the scenario as a whole
};

/// The largest magnitude of a scale's bounds validate() accepts: far beyond any real scale, and
/// small enough that sums and powers of positions (nbs raises distances to the 8th power after
/// rescaling them) stay finite.
inline constexpr double kMaxScaleMagnitude = 1e100;

/// The range of positions on an issue and what each end means.
struct Scale {
  double min = 0;
  double max = 100;
  std::string min_label;
  std::string max_label;
};

/// One dimension of the negotiation.
struct Issue {
  std::string id;
  std::string label;
  Scale scale;
  std::optional<Parameter> status_quo;
  /// The observed outcome, where known (real negotiations used for backtests).
  std::optional<double> outcome;
  /// Issues with the same non-empty group belong to one proposal or negotiation.
  std::string group;
};

enum class ActorKind { leader, government, bloc, faction, public_, organisation, other };
const char* to_string(ActorKind kind);
/// Parses "leader", "government", ...; std::nullopt for anything else.
std::optional<ActorKind> actor_kind_from_string(const std::string& text);

struct Actor {
  std::string id;
  std::string name;
  ActorKind kind = ActorKind::other;
  Parameter capability;  // > 0
  std::string group;     // optional
  /// Risk attitude in [-1, 1]: -1 risk averse, 0 neutral, 1 risk acceptant (optional).
  std::optional<Parameter> risk;
};

/// An actor's stance on an issue. An actor with no position sits the issue out; an actor with a
/// position but no salience has missing data. Models use actors that have both.
struct Stance {
  std::optional<Parameter> position;
  std::optional<Parameter> salience;  // in [0, 1]
  /// The actor's capability on this issue alone (> 0), where it differs by issue (DEU III with
  /// `--capability council`: Council votes by treaty era; format v1's stance `capability`); none: the
  /// actor's capability.
  std::optional<Parameter> capability{};
  bool takes_part() const { return position.has_value() && salience.has_value(); }
};

/// KTAB's ideal adjustment (one entry of its accommodation matrix): after each turn, `actor`'s
/// ideal point becomes sum_j rate_j * position_j + (1 - sum_j rate_j) * its old ideal. Entries not
/// given are 1 for an actor toward itself and 0 otherwise, so by default ideals follow positions.
struct IdealAdjustment {
  std::size_t actor = 0;
  std::size_t toward = 0;
  double rate = 0;  // in [0, 1]; an actor's rates sum to at most 1
};

/// A named outcome (docs/scenario-format.md): a predicate over the issues' outcomes.
struct OutcomeClass {
  std::string name;        // an identifier, unique within the scenario
  std::string label;       // optional, for reports
  std::string expression;  // e.g. "sanctions <= 40 and arms_control >= 60" (parley/outcome_class.hpp)
  /// Classes of one group are meant to be exclusive and exhaustive (e.g. the futures of the
  /// relationship, or of a war); sweeps check overlaps and unclassified draws within each group.
  std::string group;
  /// Issues (indices) this future presupposes a deal on, beyond those its expression names: a
  /// ceasefire needs agreed terms. The report flags the class when it is likely while no zone of
  /// agreement exists on such an issue (docs/scenario-format.md, `needs_deal_on`).
  std::vector<std::size_t> needs_deal_on{};
};

/// What one domestic actor accepts (Putnam's two-level games): explicit bounds on issues, and/or
/// a utility threshold relative to the status quo (docs/feasibility.md).
struct Ratifier {
  std::size_t actor = 0;
  /// Accepts x on an issue only if u(x) >= u(status quo) + threshold, with the linear spatial
  /// utility u(x) = 1 - |x - position| / (scale width). In [-1, 1]; none: no such rule.
  std::optional<double> threshold;
  struct Bound {
    std::size_t issue = 0;
    double min = 0, max = 0;  // on the issue's scale
  };
  std::vector<Bound> bounds;
};

/// A negotiating side: its negotiator and the domestic actors whose consent a deal needs.
struct Side {
  std::string id;
  std::size_t negotiator = 0;
  std::vector<Ratifier> ratifiers;
};

/// Issues the sources link (docs/scenario-format.md, "Linkages"): a trade the negotiation may
/// make across them, such as sanctions relief for a ceasefire. `parley feasibility` assesses each
/// as a package deal (docs/feasibility.md).
struct Linkage {
  std::string id;                   // an identifier, unique among the linkages
  std::string label;                // optional, for reports
  std::vector<std::size_t> issues;  // two or more distinct issue indices, in the order given
  int citation = -1;                // index into Scenario::citations, or -1
};

/// One change an event makes to an input (docs/scenario-format.md, "Events").
struct EventChange {
  enum class Field { position, salience, capability };
  static constexpr std::size_t none = static_cast<std::size_t>(-1);
  Field field = Field::position;
  std::size_t actor = 0;
  std::size_t issue = none;  // for position and salience
  Parameter value;           // the new value, on the issue's scale, in [0, 1], or > 0
};

/// The most rounds a model with rounds computes (bdm's and smp's `rounds`, `max_rounds`,
/// `min_rounds`), and so the latest round at which an event can take effect (docs/events.md).
inline constexpr int kMaxRounds = 100000;

/// Something that happens during the negotiation (a summit, a phone call, an election): from
/// round `round` on (models with rounds apply it before computing that round; docs/events.md),
/// the changes hold, the actors in `join` take part and those in `leave` no longer do. An actor
/// whose first join or leave is a join is absent before it.
struct Event {
  std::string id;
  std::string label;  // optional
  std::string date;   // optional, as written
  int round = 1;      // in [1, kMaxRounds]; events are in order of round
  int citation = -1;  // index into Scenario::citations, or -1
  std::vector<EventChange> changes;
  std::vector<std::size_t> join, leave;  // actor indices
};

/// Where an input file set one of Scenario::model_options, for messages: the position and the
/// file's own name for the setting (e.g. "Scenario/ModelParameters/PCEModel").
struct OptionOrigin {
  SourcePosition where;
  std::string field;
};

/// A complete scenario. Stances are stored densely, issue by issue.
class Scenario {
 public:
  Metadata metadata;
  std::vector<Citation> citations;
  std::vector<IdealAdjustment> ideal_adjustments;
  std::vector<OutcomeClass> outcome_classes;
  std::vector<Side> sides;        // for deal feasibility; empty when not modelled
  std::vector<Linkage> linkages;  // declared linkages; empty when there are none
  std::vector<Event> events;      // the timeline, in order of round; empty when there is none
  /// Options an input file sets for a model (KTAB XML's model parameters and seed, format v1's
  /// `model_options`), by model name.
  /// Options given on the command line take precedence. Checked by check_scenario_options() and
  /// Model::run (parley/model.hpp), not by the readers.
  std::map<std::string, std::map<std::string, std::string>> model_options;
  /// Where the input file set each of model_options (model -> option -> origin); an option without
  /// one is reported as "model_options.MODEL.OPTION".
  std::map<std::string, std::map<std::string, OptionOrigin>> model_option_origins;

  const std::vector<Issue>& issues() const { return issues_; }
  const std::vector<Actor>& actors() const { return actors_; }
  Issue& issue(std::size_t i) { return issues_[i]; }
  const Issue& issue(std::size_t i) const { return issues_[i]; }
  Actor& actor(std::size_t a) { return actors_[a]; }
  const Actor& actor(std::size_t a) const { return actors_[a]; }

  /// Adding an issue or an actor gives it an empty stance everywhere. Returns its index.
  std::size_t add_issue(Issue issue);
  std::size_t add_actor(Actor actor);

  Stance& stance(std::size_t issue, std::size_t actor) { return stances_[issue * actors_.size() + actor]; }
  const Stance& stance(std::size_t issue, std::size_t actor) const { return stances_[issue * actors_.size() + actor]; }

  /// The capability `actor` brings to `issue`: the stance's own where it has one, else the actor's.
  const Parameter& capability(std::size_t issue, std::size_t actor) const {
    const Stance& st = stance(issue, actor);
    return st.capability ? *st.capability : actors_[actor].capability;
  }
  /// Whether any stance carries a capability of its own (Stance::capability).
  bool has_issue_capabilities() const;

  /// Index of the actor or issue with this id, if any (linear search).
  std::optional<std::size_t> find_actor(const std::string& id) const;
  std::optional<std::size_t> find_issue(const std::string& id) const;

  /// Reserve room for a known number of issues and actors (adds nothing).
  void reserve(std::size_t n_issues, std::size_t n_actors);

 private:
  std::vector<Issue> issues_;
  std::vector<Actor> actors_;
  std::vector<Stance> stances_;  // issues_.size() * actors_.size()
};

/// What `parley validate` prints about a scenario: counts and the cells no model will use.
struct ScenarioSummary {
  std::size_t actors = 0, issues = 0, cells = 0;
  std::size_t complete = 0;          // position and salience
  std::size_t sitting_out = 0;       // no position
  std::size_t missing_salience = 0;  // a position but no salience
  std::size_t uncertain = 0;         // parameters given as a distribution
  std::size_t cited = 0;             // parameters with a source
  std::vector<std::string> issues_without_participants;
  std::vector<std::string> actors_without_stances;
  std::vector<std::string> missing_cells;  // "actor/issue: reason", at most `max_listed`
};
ScenarioSummary summarize(const Scenario& scenario, std::size_t max_listed = 20);

/// Checks the invariants every reader guarantees (ids unique and non-empty, scales with
/// min < max, positions and status quo inside the scale, saliences in [0, 1], capabilities > 0,
/// risk in [-1, 1], every number finite, citations valid). Throws InputError naming the field
/// (without line and column) for scenarios built in code.
void validate(const Scenario& scenario);

}  // namespace parley
