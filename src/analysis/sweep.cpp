#include "parley/sweep.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>

#include "core/not_a_number.hpp"
#include "core/parallel.hpp"
#include "parley/error.hpp"
#include "parley/model_error.hpp"

namespace parley {

namespace {

InputSampler make_sampler(const Scenario& s, const SamplingOptions& sampling) {
  if (!(sampling.actor_correlation >= 0 && sampling.actor_correlation <= 1))
    throw InputError({}, "--correlation", "got " + std::to_string(sampling.actor_correlation), "a number in [0, 1]");
  return InputSampler(uncertain_inputs(s), sampling);
}

}  // namespace

SweepSetup::SweepSetup(Scenario scenario, const Model& model, ModelOptions options, SamplingOptions sampling)
    : scenario_(std::move(scenario)),
      model_(model),
      options_(std::move(options)),
      sampler_(make_sampler(scenario_, sampling)),
      classifier_(scenario_),
      point_(model_.run(scenario_, options_)) {}  // bad options fail here, once, with the user's message

Scenario model_inputs(const Scenario& scenario) {
  Scenario out = scenario;
  out.metadata = Metadata{};
  out.citations.clear();
  out.outcome_classes.clear();
  out.sides.clear();
  out.linkages.clear();
  for (std::size_t i = 0; i < out.issues().size(); ++i) {
    Issue& issue = out.issue(i);
    issue.label.clear();
    issue.scale.min_label.clear();
    issue.scale.max_label.clear();
  }
  for (std::size_t a = 0; a < out.actors().size(); ++a) out.actor(a).name.clear();
  for (Event& event : out.events) {
    event.label.clear();
    event.date.clear();
  }
  return out;
}

DrawEvaluator::DrawEvaluator(const SweepSetup& setup) : setup_(setup), scenario_(model_inputs(setup.scenario())) {}

void DrawEvaluator::evaluate(const double* inputs, double* outcomes, unsigned char* classes) {
  set_inputs(scenario_, setup_.sampler().inputs(), inputs);
  const Forecast f = setup_.model().run(scenario_, setup_.options());
  for (std::size_t i = 0; i < f.issues.size(); ++i) outcomes[i] = f.issues[i].outcome.value_or(kNaN);
  setup_.classifier().classify(outcomes, classes);
}

void DrawEvaluator::evaluate_outputs(const double* inputs, double* outputs) {
  members_.resize(setup_.classes());
  evaluate(inputs, outputs, members_.data());
  for (std::size_t c = 0; c < members_.size(); ++c) outputs[setup_.issues() + c] = members_[c];
}

void DrawEvaluator::evaluate_draw(std::uint64_t draw, double* inputs, double* outcomes, unsigned char* classes) {
  setup_.sampler().sample(draw, inputs);
  evaluate(inputs, outcomes, classes);
}

std::uint64_t evaluate_draws(const SweepSetup& setup, const std::vector<std::uint64_t>& todo, const SweepControl& control,
                             const std::function<void(const DrawChunk&)>& sink) {
  std::vector<DrawRange> ranges;
  for (std::uint64_t d : todo) {
    if (!ranges.empty() && ranges.back().last == d)
      ++ranges.back().last;
    else
      ranges.push_back({d, d + 1});
  }
  return evaluate_draws(setup, ranges, control, sink);
}

std::uint64_t evaluate_draws(const SweepSetup& setup, const std::vector<DrawRange>& todo, const SweepControl& control,
                             const std::function<void(const DrawChunk&)>& sink) {
  // offset[r]: the index (among all draws to do) of range r's first draw.
  std::vector<std::size_t> offset;
  std::size_t total = 0;
  for (const DrawRange& r : todo) {
    offset.push_back(total);
    total += r.size();
  }
  const unsigned threads = std::max(1u, control.threads);
  // Workers compute chunks and queue them; this thread hands them to the sink (the database),
  // so that no worker ever waits for storage unless the queue is full.
  const std::size_t max_queued = 2 * static_cast<std::size_t>(threads) + 2;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex mutex;
  std::condition_variable queued, drained;
  std::deque<DrawChunk> queue;
  unsigned running = threads;
  const auto stopping = [&] { return failed.load() || (control.stop && control.stop->load()); };

  auto worker = [&] {
    const SerialModelsScope serial;
    DrawEvaluator evaluator(setup);
    std::size_t size = 8;  // grows while chunks take under 50 ms, so slow models still report often
    try {
      while (!stopping()) {
        // Guided scheduling: chunks shrink as the work runs out, so that no thread, and not the
        // storage of a last large chunk, is left working alone at the end.
        const std::size_t left = total - std::min(total, next.load());
        const std::size_t take = std::max<std::size_t>(1, std::min(size, left / (4 * threads)));
        const std::size_t begin = next.fetch_add(take);
        if (begin >= total) break;
        const std::size_t end = std::min(total, begin + take);
        DrawChunk chunk;
        chunk.draws.reserve(end - begin);
        chunk.inputs.resize((end - begin) * setup.inputs());
        chunk.outcomes.resize((end - begin) * setup.issues());
        chunk.classes.resize((end - begin) * setup.classes());
        const auto start = std::chrono::steady_clock::now();
        std::size_t r = static_cast<std::size_t>(std::upper_bound(offset.begin(), offset.end(), begin) - offset.begin()) - 1;
        std::uint64_t draw = todo[r].first + (begin - offset[r]);
        for (std::size_t k = begin; k < end && !stopping(); ++k, ++draw) {
          while (draw == todo[r].last) draw = todo[++r].first;
          const std::size_t row = chunk.draws.size();
          evaluator.evaluate_draw(draw, chunk.inputs.data() + row * setup.inputs(), chunk.outcomes.data() + row * setup.issues(),
                                  chunk.classes.data() + row * setup.classes());
          chunk.draws.push_back(draw);
        }
        const std::size_t n = chunk.size();
        chunk.inputs.resize(n * setup.inputs());
        chunk.outcomes.resize(n * setup.issues());
        chunk.classes.resize(n * setup.classes());
        if (std::chrono::steady_clock::now() - start < std::chrono::milliseconds(50)) size = std::min<std::size_t>(size * 2, 4096);
        if (n == 0) continue;
        std::unique_lock lock(mutex);
        drained.wait(lock, [&] { return queue.size() < max_queued; });
        queue.push_back(std::move(chunk));
        queued.notify_one();
      }
    } catch (...) {
      std::lock_guard lock(mutex);
      if (!error) error = std::current_exception();
      failed = true;
    }
    std::lock_guard lock(mutex);
    --running;
    queued.notify_one();
  };

  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  std::uint64_t done = 0;
  auto last_report = std::chrono::steady_clock::now();
  std::exception_ptr sink_error;
  {
    std::unique_lock lock(mutex);
    while (true) {
      queued.wait_for(lock, std::chrono::milliseconds(100), [&] { return !queue.empty() || running == 0; });
      if (queue.empty() && running == 0) break;
      if (!queue.empty()) {
        DrawChunk chunk = std::move(queue.front());
        queue.pop_front();
        drained.notify_all();
        lock.unlock();
        try {
          if (!sink_error) sink(chunk);
          done += chunk.size();
        } catch (...) {
          sink_error = std::current_exception();
          failed = true;
        }
        lock.lock();
      }
      if (control.progress && std::chrono::steady_clock::now() - last_report > std::chrono::milliseconds(100)) {
        last_report = std::chrono::steady_clock::now();
        lock.unlock();
        control.progress(done, total);
        lock.lock();
      }
    }
  }
  for (std::thread& t : pool) t.join();
  if (control.progress) control.progress(done, total);
  if (sink_error) std::rethrow_exception(sink_error);
  if (error) std::rethrow_exception(error);
  return done;
}

Proportion wilson_interval(std::uint64_t count, std::uint64_t total, double z) {
  Proportion p{count, total, 0, 0, 1};
  if (total == 0) return p;
  const double n = static_cast<double>(total), phat = static_cast<double>(count) / n, z2 = z * z;
  const double centre = (phat + z2 / (2 * n)) / (1 + z2 / n);
  const double half = z / (1 + z2 / n) * std::sqrt(phat * (1 - phat) / n + z2 / (4 * n * n));
  p.estimate = phat;
  p.low = std::max(0.0, centre - half);
  p.high = std::min(1.0, centre + half);
  return p;
}

double sorted_quantile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return kNaN;
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const std::size_t lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(sorted.size() - 1, lo + 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

SweepSummary summarize_sweep(const Scenario& scenario, std::uint64_t draws, const double* outcomes, const unsigned char* classes) {
  SweepSummary s;
  s.draws = draws;
  const std::size_t n_issues = scenario.issues().size(), n_classes = scenario.outcome_classes.size();
  std::vector<double> values;
  for (std::size_t i = 0; i < n_issues; ++i) {
    IssueSummary is;
    is.issue_id = scenario.issue(i).id;
    values.clear();
    for (std::uint64_t d = 0; d < draws; ++d)
      if (const double x = outcomes[d * n_issues + i]; !std::isnan(x)) values.push_back(x);
    is.draws = values.size();
    if (!values.empty()) {
      double sum = 0;
      for (double x : values) sum += x;
      is.mean = sum / static_cast<double>(values.size());
      double ss = 0;
      for (double x : values) ss += (x - is.mean) * (x - is.mean);
      is.sd = values.size() > 1 ? std::sqrt(ss / static_cast<double>(values.size() - 1)) : 0;
      std::sort(values.begin(), values.end());
      is.q05 = sorted_quantile(values, 0.05);
      is.q25 = sorted_quantile(values, 0.25);
      is.q50 = sorted_quantile(values, 0.50);
      is.q75 = sorted_quantile(values, 0.75);
      is.q95 = sorted_quantile(values, 0.95);
    } else {
      is.mean = is.sd = is.q05 = is.q25 = is.q50 = is.q75 = is.q95 = kNaN;
    }
    s.issues.push_back(std::move(is));
  }
  if (n_classes == 0) return s;
  // Groups in order of first appearance; overlaps and unclassified draws are counted per group.
  std::vector<std::string> groups;
  std::vector<std::size_t> group_of(n_classes);
  for (std::size_t a = 0; a < n_classes; ++a) {
    const std::string& g = scenario.outcome_classes[a].group;
    auto it = std::find(groups.begin(), groups.end(), g);
    group_of[a] = static_cast<std::size_t>(it - groups.begin());
    if (it == groups.end()) groups.push_back(g);
  }
  std::vector<std::uint64_t> count(n_classes, 0), both(n_classes * n_classes, 0), none(groups.size(), 0);
  std::vector<char> any(groups.size());
  for (std::uint64_t d = 0; d < draws; ++d) {
    const unsigned char* m = classes + d * n_classes;
    std::fill(any.begin(), any.end(), 0);
    for (std::size_t a = 0; a < n_classes; ++a) {
      if (!m[a]) continue;
      any[group_of[a]] = 1;
      ++count[a];
      for (std::size_t b = a + 1; b < n_classes; ++b) both[a * n_classes + b] += m[b];
    }
    for (std::size_t g = 0; g < groups.size(); ++g) none[g] += any[g] ? 0 : 1;
  }
  for (std::size_t a = 0; a < n_classes; ++a) {
    const OutcomeClass& c = scenario.outcome_classes[a];
    s.classes.push_back({c.name, c.label, c.group, wilson_interval(count[a], draws)});
    for (std::size_t b = a + 1; b < n_classes; ++b)
      if (group_of[a] == group_of[b] && both[a * n_classes + b] > 0) s.overlaps.push_back({a, b, both[a * n_classes + b]});
  }
  for (std::size_t g = 0; g < groups.size(); ++g) s.unclassified.push_back({groups[g], wilson_interval(none[g], draws)});
  return s;
}

DrawResults::DrawResults(std::uint64_t draws, std::size_t issues, std::size_t classes)
    : issues_(issues), classes_(classes), outcomes_(draws * issues), members_(draws * classes), have_(draws, false) {}

void DrawResults::put(std::uint64_t draw, const double* outcomes, const unsigned char* classes) {
  std::copy_n(outcomes, issues_, outcomes_.data() + draw * issues_);
  std::copy_n(classes, classes_, members_.data() + draw * classes_);
  if (!have_[draw]) ++count_;
  have_[draw] = true;
}

void DrawResults::put(const DrawChunk& chunk) {
  for (std::size_t k = 0; k < chunk.size(); ++k)
    put(chunk.draws[k], chunk.outcomes.data() + k * issues_, chunk.classes.data() + k * classes_);
}

SweepSummary DrawResults::summarize(const Scenario& scenario) const { return summarize(scenario, "", 0); }

SweepSummary DrawResults::summarize(const Scenario& scenario, const std::string& model, std::uint64_t seed) const {
  auto with_error = [&](SweepSummary s, const double* outcomes, const std::uint64_t* draw_numbers) {
    if (!model.empty()) s.with_model_error = model_error_summary(shipped_skill(), model, scenario, seed, s.draws, outcomes, draw_numbers);
    return s;
  };
  if (count_ == have_.size())
    return with_error(summarize_sweep(scenario, count_, outcomes_.data(), members_.data()), outcomes_.data(), nullptr);
  // Some draws are missing (a stopped sweep): summarise those present, in draw order.
  std::vector<double> outcomes;
  std::vector<unsigned char> members;
  std::vector<std::uint64_t> numbers;
  for (std::size_t d = 0; d < have_.size(); ++d) {
    if (!have_[d]) continue;
    numbers.push_back(d);
    outcomes.insert(outcomes.end(), outcomes_.begin() + static_cast<std::ptrdiff_t>(d * issues_),
                    outcomes_.begin() + static_cast<std::ptrdiff_t>((d + 1) * issues_));
    members.insert(members.end(), members_.begin() + static_cast<std::ptrdiff_t>(d * classes_),
                   members_.begin() + static_cast<std::ptrdiff_t>((d + 1) * classes_));
  }
  return with_error(summarize_sweep(scenario, count_, outcomes.data(), members.data()), outcomes.data(), numbers.data());
}

SweepSummary run_sweep(const SweepSetup& setup, std::uint64_t draws, const SweepControl& control) {
  std::vector<std::uint64_t> todo(draws);
  for (std::uint64_t d = 0; d < draws; ++d) todo[d] = d;
  DrawResults results(draws, setup.issues(), setup.classes());
  evaluate_draws(setup, todo, control, [&](const DrawChunk& chunk) { results.put(chunk); });
  return results.summarize(setup.scenario(), std::string(setup.model().name()), setup.sampler().options().seed);
}

}  // namespace parley
