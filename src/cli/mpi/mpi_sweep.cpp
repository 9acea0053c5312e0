// `parley sweep --mpi` and `parley sensitivity --mpi --db` (mpi.hpp): the run sent to every rank,
// its draws (or the sensitivity design's rows) handed out in blocks, every block stored by rank 0
// in its own transaction.
#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/mpi/mpi.hpp"
#include "cli/mpi/mpi_job.hpp"
#include "cli/options.hpp"
#include "parley/stored_sweep.hpp"

namespace parley::cli {

namespace {

/// What the workers need to draw exactly what rank 0 would: the run's scenario (its bytes, read
/// again as rank 0 read them), model, options, seed and correlation, the draws to do, and the
/// threads per rank.
std::string encode_start(const RunRecord& r, const std::vector<DrawRange>& todo, unsigned threads, const SensitivityDesign* design) {
  nlohmann::json ranges = nlohmann::json::array();
  for (const DrawRange& d : todo) ranges.push_back({d.first, d.last});
  nlohmann::json rows;  // null: a sweep's draws
  if (design) rows = {{"samples", design->samples}, {"sobol", design->sobol}, {"tornado", design->tornado}, {"seed", design->seed}};
  return nlohmann::json{{"rows", rows},
                        {"scenario_file", r.scenario_file},
                        {"scenario_text", r.scenario_text},
                        {"input_format", r.input_format},
                        {"capability", r.capability},
                        {"overrides", r.overrides},
                        {"model", r.model},
                        {"options", r.options},
                        {"seed", r.seed},
                        {"correlation", r.actor_correlation},
                        {"todo", ranges},
                        {"threads", threads}}
      .dump();
}

struct Start {
  RunRecord record;
  std::vector<DrawRange> todo;
  unsigned threads = 1;
  std::optional<SensitivityDesign> design;  // a sensitivity run's: rows, not draws
};

Start decode_start(const std::string& bytes) {
  const nlohmann::json j = nlohmann::json::parse(bytes);
  Start s;
  s.record.scenario_file = j.at("scenario_file").get<std::string>();
  s.record.scenario_text = j.at("scenario_text").get<std::string>();
  s.record.input_format = j.at("input_format").get<std::string>();
  s.record.capability = j.at("capability").get<std::string>();
  s.record.overrides = j.at("overrides").get<std::vector<std::string>>();
  s.record.model = j.at("model").get<std::string>();
  s.record.options = j.at("options").get<ModelOptions>();
  s.record.seed = j.at("seed").get<std::uint64_t>();
  s.record.actor_correlation = j.at("correlation").get<double>();
  for (const auto& r : j.at("todo")) s.todo.push_back({r.at(0).get<std::uint64_t>(), r.at(1).get<std::uint64_t>()});
  s.threads = j.at("threads").get<unsigned>();
  if (const auto& rows = j.at("rows"); !rows.is_null())
    s.design = SensitivityDesign{rows.at("samples").get<std::size_t>(), rows.at("sobol").get<bool>(), rows.at("tornado").get<bool>(),
                                 rows.at("seed").get<std::uint64_t>()};
  return s;
}

/// The draws of items [begin, end), items numbering the draws of `todo` in order.
std::vector<DrawRange> items_to_draws(const std::vector<DrawRange>& todo, std::uint64_t begin, std::uint64_t end) {
  std::vector<DrawRange> out;
  std::uint64_t offset = 0;  // items before range r
  for (const DrawRange& r : todo) {
    const std::uint64_t lo = std::max(begin, offset), hi = std::min(end, offset + r.size());
    if (lo < hi) out.push_back({r.first + (lo - offset), r.first + (hi - offset)});
    offset += r.size();
    if (offset >= end) break;
  }
  return out;
}

template <typename T>
void append(std::string& bytes, const std::vector<T>& values) {
  bytes.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
}

template <typename T>
std::size_t take(const std::string& bytes, std::size_t at, std::vector<T>& values, std::size_t count) {
  values.resize(count);
  std::memcpy(values.data(), bytes.data() + at, count * sizeof(T));
  return at + count * sizeof(T);
}

/// A block's draws (or rows of `design`) as one chunk in draw order (its pieces from the threads
/// sorted), as bytes: the counts (draws, inputs, issues, classes), then the chunk's arrays.
std::string compute_block(const SweepSetup& setup, const SensitivityDesign* design, const std::vector<DrawRange>& todo, unsigned threads,
                          std::uint64_t begin, std::uint64_t end) {
  std::vector<DrawChunk> pieces;
  SweepControl control;
  control.threads = threads;
  const auto keep = [&](const DrawChunk& c) { pieces.push_back(c); };
  if (design)
    evaluate_sensitivity_rows(setup, *design, items_to_draws(todo, begin, end), control, keep);
  else
    evaluate_draws(setup, items_to_draws(todo, begin, end), control, keep);
  std::sort(pieces.begin(), pieces.end(), [](const DrawChunk& a, const DrawChunk& b) { return a.draws.front() < b.draws.front(); });
  DrawChunk all;
  for (const DrawChunk& c : pieces) {
    all.draws.insert(all.draws.end(), c.draws.begin(), c.draws.end());
    all.inputs.insert(all.inputs.end(), c.inputs.begin(), c.inputs.end());
    all.outcomes.insert(all.outcomes.end(), c.outcomes.begin(), c.outcomes.end());
    all.classes.insert(all.classes.end(), c.classes.begin(), c.classes.end());
  }
  std::string bytes;
  append(bytes, std::vector<std::uint64_t>{all.size(), setup.inputs(), setup.issues(), setup.classes()});
  append(bytes, all.draws);
  append(bytes, all.inputs);
  append(bytes, all.outcomes);
  append(bytes, all.classes);
  return bytes;
}

DrawChunk decode_block(const std::string& bytes) {
  std::vector<std::uint64_t> counts;
  std::size_t at = take(bytes, 0, counts, 4);
  const std::size_t n = counts[0];
  DrawChunk c;
  at = take(bytes, at, c.draws, n);
  at = take(bytes, at, c.inputs, n * counts[1]);
  at = take(bytes, at, c.outcomes, n * counts[2]);
  take(bytes, at, c.classes, n * counts[3]);
  return c;
}

SweepSetup setup_of(const RunRecord& r) {
  return SweepSetup(stored_scenario(r), model_named(r.model), r.options, {r.seed, r.actor_correlation});
}

MpiWork sweep_work(const SweepSetup* setup, const SensitivityDesign* design, const std::vector<DrawRange>& todo, unsigned threads) {
  MpiWork work;
  for (const DrawRange& r : todo) work.total += r.size();
  work.compute = [setup, design, &todo, threads](std::uint64_t begin, std::uint64_t end) {
    return compute_block(*setup, design, todo, threads, begin, end);
  };
  return work;
}

}  // namespace

std::uint64_t mpi_evaluate_and_store(MpiJob& job, ResultsDb& db, std::int64_t run, const RunRecord& record, const SweepSetup& setup,
                                     const std::vector<DrawRange>& todo, std::uint64_t draws, const SweepControl& control,
                                     const SensitivityDesign* design) {
  const unsigned threads = std::max(1u, control.threads);
  const std::string start = encode_start(record, todo, threads, design);
  for (int r = 1; r < job.size(); ++r) job.send(r, kStart, start);
  return store_draws(db, run, todo, draws, threads * static_cast<unsigned>(job.size()),
                     [&](const std::function<void(const DrawChunk&)>& sink) {
                       mpi_agree(job, nullptr);
                       MpiWork work = sweep_work(&setup, design, todo, threads);
                       work.receive = [&](std::uint64_t, std::uint64_t, const std::string& bytes) { sink(decode_block(bytes)); };
                       work.stop = control.stop;
                       work.progress = control.progress;
                       return distribute(job, work);
                     });
}

void mpi_sweep_worker(MpiJob& job) {
  const Start start = decode_start(job.from_root(kStart));
  std::exception_ptr failed;
  std::optional<SweepSetup> setup;
  try {
    setup.emplace(setup_of(start.record));
  } catch (...) {
    failed = std::current_exception();
  }
  mpi_agree(job, failed);
  distribute(job, sweep_work(&*setup, start.design ? &*start.design : nullptr, start.todo, start.threads));
}

}  // namespace parley::cli
