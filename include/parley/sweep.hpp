// Monte Carlo sweeps: run a model on many draws of a scenario's uncertain inputs.
//
//   parley::SweepSetup setup(scenario, *parley::find_model("compromise"), {}, {.seed = 7});
//   std::vector<double> outcomes(draws * setup.issues());
//   ...evaluate_draws(setup, todo, threads, sink, control)...
//   parley::SweepSummary s = parley::summarize_sweep(setup, draws, outcomes.data(), classes.data());
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "parley/model.hpp"
#include "parley/outcome_class.hpp"
#include "parley/sampling.hpp"

namespace parley {

struct ModelSkill;

/// Everything a draw needs, shared read-only by all threads.
class SweepSetup {
 public:
  /// Throws InputError for bad model options (checked by running the model once on the point
  /// values, which gives point_forecast()) or a correlation outside [0, 1].
  SweepSetup(Scenario scenario, const Model& model, ModelOptions options, SamplingOptions sampling);

  const Scenario& scenario() const { return scenario_; }
  const Model& model() const { return model_; }
  const ModelOptions& options() const { return options_; }
  const InputSampler& sampler() const { return sampler_; }
  const OutcomeClassifier& classifier() const { return classifier_; }
  /// The model's forecast at the point values.
  const Forecast& point_forecast() const { return point_; }
  std::size_t inputs() const { return sampler_.inputs().size(); }
  std::size_t issues() const { return scenario_.issues().size(); }
  std::size_t classes() const { return classifier_.size(); }

 private:
  Scenario scenario_;
  const Model& model_;
  ModelOptions options_;
  InputSampler sampler_;
  OutcomeClassifier classifier_;
  Forecast point_;
};

/// One thread's evaluator: a private copy of the scenario whose inputs it overwrites. The copy
/// leaves out what describes the scenario to people and no model reads (model_inputs), since models
/// copy their scenario once or more per run (Model::run at each stage of a timeline).
class DrawEvaluator {
 public:
  explicit DrawEvaluator(const SweepSetup& setup);
  /// Runs the model with the given input values; writes issues() outcomes (NaN where the model
  /// gives none) and classes() memberships (0 or 1).
  void evaluate(const double* inputs, double* outcomes, unsigned char* classes);
  /// The same as one vector of issues() + classes() numbers: the outcomes, then each class
  /// membership as 0 or 1 (the outputs sensitivity analysis studies).
  void evaluate_outputs(const double* inputs, double* outputs);
  /// Samples draw `draw` into `inputs`, then evaluates it.
  void evaluate_draw(std::uint64_t draw, double* inputs, double* outcomes, unsigned char* classes);

 private:
  const SweepSetup& setup_;
  Scenario scenario_;
  std::vector<unsigned char> members_;  // scratch for evaluate_outputs
};

/// `scenario` without what describes it to people and no model reads: its metadata, citations,
/// outcome classes (the sweep classifies with its own copy), sides, linkages, and the labels and
/// names of its issues, actors and events (ids, numbers, groups and timeline stay). Every model gives
/// the same forecast for both (tests/analysis/model_inputs_test.cpp checks each registered model);
/// a model that comes to read one of these must take it out of this list.
Scenario model_inputs(const Scenario& scenario);

/// Consecutive results of one thread, row-major: draw k's inputs are inputs[k * setup.inputs()].
struct DrawChunk {
  std::vector<std::uint64_t> draws;
  std::vector<double> inputs;
  std::vector<double> outcomes;
  std::vector<unsigned char> classes;
  std::size_t size() const { return draws.size(); }
};

struct SweepControl {
  unsigned threads = 1;
  /// When set to true (e.g. by Ctrl-C), workers stop after their current draw; finished draws
  /// still reach the sink.
  const std::atomic<bool>* stop = nullptr;
  /// Called on the calling thread about ten times a second with (draws done, draws to do).
  std::function<void(std::uint64_t, std::uint64_t)> progress;
};

/// Evaluates every draw number in `todo` on `control.threads` worker threads. `sink` receives each
/// finished chunk on the calling thread, in no particular order, while the workers go on; results
/// depend only on the draw number, never on the thread or the order. Returns the number of draws
/// that reached the sink. Rethrows the first exception the sink or a model raised (after
/// stopping the workers).
std::uint64_t evaluate_draws(const SweepSetup& setup, const std::vector<std::uint64_t>& todo, const SweepControl& control,
                             const std::function<void(const DrawChunk&)>& sink);

/// Draws first .. last − 1.
struct DrawRange {
  std::uint64_t first = 0, last = 0;
  std::uint64_t size() const { return last - first; }
};
/// The same for the draws of `todo`, ascending disjoint ranges, in that order: what a sweep of a
/// billion draws evaluates without a list of a billion numbers.
std::uint64_t evaluate_draws(const SweepSetup& setup, const std::vector<DrawRange>& todo, const SweepControl& control,
                             const std::function<void(const DrawChunk&)>& sink);

struct IssueSummary {
  std::string issue_id;
  std::uint64_t draws = 0;  // draws in which the model gave an outcome
  double mean = 0, sd = 0;
  double q05 = 0, q25 = 0, q50 = 0, q75 = 0, q95 = 0;
};

/// A proportion with its 95 % Wilson score interval.
struct Proportion {
  std::uint64_t count = 0, total = 0;
  double estimate = 0, low = 0, high = 0;
};
Proportion wilson_interval(std::uint64_t count, std::uint64_t total, double z = 1.959963984540054);

struct ClassSummary {
  std::string name, label, group;
  Proportion probability;
};

/// The draws that fall in no class of one group ("" for classes without a group).
struct Unclassified {
  std::string group;
  Proportion share;
};

struct ClassOverlap {
  std::size_t first = 0, second = 0;  // class indices
  std::uint64_t draws = 0;            // draws that fall in both
};

/// The same draws with the model's own measured error added to every outcome (model_error.hpp,
/// docs/uncertainty.md): quantiles and class probabilities that combine the spread of the inputs
/// with how wrong the model has been on real cases.
struct ModelErrorSummary {
  std::string model;  // the skill table's row
  std::string data;   // what its error was measured on (SkillTable::data)
  std::vector<IssueSummary> issues;
  std::vector<ClassSummary> classes;
  std::vector<Unclassified> unclassified;  // per group, as SweepSummary::unclassified
};

struct SweepSummary {
  std::uint64_t draws = 0;
  std::vector<IssueSummary> issues;
  std::vector<ClassSummary> classes;
  std::vector<ClassOverlap> overlaps;      // pairs of one group that share at least one draw
  std::vector<Unclassified> unclassified;  // per group, in order of first appearance
  /// Set where the model is known and the skill table has its residuals (DrawResults::summarize
  /// with a model, run_sweep, summarize_stored_run); the numbers above are from the inputs only.
  std::optional<ModelErrorSummary> with_model_error;
};

/// Summarises `draws` draws stored in draw order: outcomes[d * issues + i], classes[d * k + c].
/// Quantiles interpolate linearly between order statistics (type 7 of Hyndman and Fan).
SweepSummary summarize_sweep(const Scenario& scenario, std::uint64_t draws, const double* outcomes, const unsigned char* classes);

/// Calls its argument once per draw, in draw order: (draw number, issues() outcomes, classes()
/// memberships), pointers valid during the call.
using DrawVisitor = std::function<void(std::uint64_t draw, const double* outcomes, const unsigned char* classes)>;
/// Visits the same draws in the same order every time it is called (a results database read
/// again, arrays in memory).
using DrawReplay = std::function<void(const DrawVisitor&)>;

/// Values the streaming summary holds at once at most, over all issues: 2^23 doubles, 64 MiB.
inline constexpr std::size_t kSummaryBudget = std::size_t{1} << 23;

/// The summary summarize_sweep gives for the replayed draws (bit for bit), and with `skill` its
/// with_model_error (model and data left empty) as summarize_model_error gives it, in memory that
/// does not grow with the number of draws: one pass when every issue's outcomes fit in its share
/// of `budget`, otherwise a pass for the squared deviations and a few more (about six at most) to
/// find the quantiles' order statistics exactly by histograms of 2048 buckets. `held`, when
/// given, receives the most values one issue held at once.
SweepSummary summarize_draws(const Scenario& scenario, const DrawReplay& replay, const ModelSkill* skill, std::uint64_t seed,
                             std::size_t budget = kSummaryBudget, std::size_t* held = nullptr);
/// The same with the model's error of `model` as the shipped skill table knows it (none where it
/// does not): what DrawResults::summarize(scenario, model, seed) gives for the same draws.
SweepSummary summarize_draws(const Scenario& scenario, const DrawReplay& replay, const std::string& model, std::uint64_t seed);

/// Outcomes and class memberships gathered by draw number as chunks arrive in any order, for the
/// summary.
class DrawResults {
 public:
  DrawResults(std::uint64_t draws, std::size_t issues, std::size_t classes);
  void put(std::uint64_t draw, const double* outcomes, const unsigned char* classes);
  void put(const DrawChunk& chunk);
  /// Draws put so far, and whether draw `d` is among them.
  std::uint64_t count() const { return count_; }
  bool has(std::uint64_t d) const { return have_[d]; }
  /// The summary of the draws put so far, in draw order (missing draws are left out).
  SweepSummary summarize(const Scenario& scenario) const;
  /// The same with_model_error of `model` as the shipped skill table knows it (none where it does
  /// not), drawn from the stream of `seed` (summarize_model_error).
  SweepSummary summarize(const Scenario& scenario, const std::string& model, std::uint64_t seed) const;

 private:
  std::size_t issues_, classes_;
  std::vector<double> outcomes_;
  std::vector<unsigned char> members_;
  std::vector<bool> have_;
  std::uint64_t count_ = 0;
};

/// Evaluates draws 0 .. draws-1 in memory (nothing stored) and summarises them, with the model's
/// measured error where the shipped skill table knows the model. When stopped early, summarises
/// the draws finished (SweepSummary::draws says how many).
SweepSummary run_sweep(const SweepSetup& setup, std::uint64_t draws, const SweepControl& control);

/// Linear-interpolation quantile of sorted values (type 7).
double sorted_quantile(const std::vector<double>& sorted, double p);

}  // namespace parley
