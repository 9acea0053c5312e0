// parley merge: the shard runs of several results databases combined into one plain run
// (docs/distributed.md). Every check runs before anything is written; the merged run is then stored
// in one transaction.
#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/error.hpp"
#include "parley/stored_sweep.hpp"

namespace parley {

namespace {

namespace fs = std::filesystem;

/// One shard run found in an input.
struct Part {
  ResultsDb* db = nullptr;
  std::string file;
  RunRecord run;
};

std::string name_of(const Part& p) {
  return p.file + " run " + std::to_string(p.run.id) + " (shard " + std::to_string(p.run.shard->index) + " of " +
         std::to_string(p.run.shard->count) + ")";
}

std::string range_text(const DrawRange& r) {
  if (r.size() == 1) return std::to_string(r.first);
  return std::to_string(r.first) + "-" + std::to_string(r.last - 1);
}

std::string resume_command(const Part& p) { return "parley " + p.run.kind + " --resume " + std::to_string(p.run.id) + " --db " + p.file; }

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

/// The first way in which `p` is not a shard of the same sweep as `ref`, or empty.
std::string difference(const RunRecord& ref, const RunRecord& p) {
  auto differ = [](const std::string& what, const std::string& a, const std::string& b) { return what + " " + b + " instead of " + a; };
  if (p.kind != ref.kind) return differ("kind", ref.kind, p.kind);
  if (p.scenario_sha256 != ref.scenario_sha256) return differ("scenario (sha256)", ref.scenario_sha256, p.scenario_sha256);
  if (p.parley_version != ref.parley_version) return differ("parley version", ref.parley_version, p.parley_version);
  if (p.model != ref.model) return differ("model", ref.model, p.model);
  if (p.options != ref.options) return differ("options", nlohmann::json(ref.options).dump(), nlohmann::json(p.options).dump());
  if (p.overrides != ref.overrides)
    return differ("--set overrides", nlohmann::json(ref.overrides).dump(), nlohmann::json(p.overrides).dump());
  if (p.input_format != ref.input_format) return differ("input format", ref.input_format, p.input_format);
  if (p.capability != ref.capability) return differ("capability", ref.capability, p.capability);
  if (p.seed != ref.seed) return differ("seed", std::to_string(ref.seed), std::to_string(p.seed));
  if (p.actor_correlation != ref.actor_correlation)
    return differ("actor correlation", nlohmann::json(ref.actor_correlation).dump(), nlohmann::json(p.actor_correlation).dump());
  if (p.design != ref.design) return differ("design (--samples, --method)", ref.design, p.design);
  if (p.draws != ref.draws) return differ("total draws", std::to_string(ref.draws), std::to_string(p.draws));
  if (p.shard->count != ref.shard->count) return differ("shard count", std::to_string(ref.shard->count), std::to_string(p.shard->count));
  return {};
}

[[noreturn]] void refuse(const std::string& file, const std::string& problem, const std::string& expected) {
  throw InputError({file, 0, 0}, "DB", problem, expected);
}

/// Every shard run of every input, each claimed (no sweep may still be writing one).
std::vector<Part> shard_runs(std::vector<std::unique_ptr<ResultsDb>>& dbs, const std::vector<std::string>& inputs) {
  std::vector<Part> parts;
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    std::error_code ec;
    if (!fs::exists(inputs[k], ec)) refuse(inputs[k], "no such database", "a results database written by parley sweep --shard K/N");
    dbs.push_back(std::make_unique<ResultsDb>(inputs[k]));
    bool any = false;
    for (RunRecord& r : dbs.back()->runs()) {
      if (!r.shard) continue;
      any = true;
      dbs.back()->claim(r.id);
      parts.push_back({dbs.back().get(), inputs[k], std::move(r)});
    }
    if (!any) refuse(inputs[k], "holds no shard run", "results databases written by 'parley sweep --shard K/N' (or sensitivity)");
  }
  return parts;
}

/// Refuses duplicates, gaps and incomplete shards; returns the parts in shard order.
std::vector<Part> check_complete(std::vector<Part> parts) {
  std::sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.run.shard->index < b.run.shard->index; });
  for (std::size_t k = 1; k < parts.size(); ++k)
    if (parts[k].run.shard->index == parts[k - 1].run.shard->index)
      refuse(parts[k].file, name_of(parts[k]) + " and " + name_of(parts[k - 1]) + " are the same shard",
             "each shard once: leave one of them out");
  const RunRecord& ref = parts.front().run;
  const std::uint64_t count = ref.shard->count;
  if (parts.size() != count) {
    std::string missing;
    std::size_t listed = 0, at = 0;
    for (std::uint64_t k = 0; k < count && listed < 5; ++k) {
      if (at < parts.size() && parts[at].run.shard->index == k) {
        ++at;
        continue;
      }
      missing += (listed++ ? ", " : "") + std::to_string(k) + " (draws " + range_text(shard_draws(ref.draws, {k, count})) + ")";
    }
    if (count - parts.size() > listed) missing += " and " + std::to_string(count - parts.size() - listed) + " more";
    refuse(parts.front().file,
           std::to_string(count - parts.size()) + " of " + std::to_string(count) + " shards are missing: shard " + missing,
           "every shard 0 to " + std::to_string(count - 1) + ": run the missing ones with --shard K/" + std::to_string(count) +
               " and name their databases");
  }
  for (const Part& p : parts) {
    const std::vector<DrawRange> gaps = missing_draws(*p.db, p.run.id, p.run.draws);
    if (gaps.empty()) continue;
    std::string lacking;
    for (std::size_t k = 0; k < gaps.size() && k < 5; ++k) lacking += (k ? ", " : "") + range_text(gaps[k]);
    if (gaps.size() > 5) lacking += ", ...";
    refuse(
        p.file,
        name_of(p) + " is incomplete (" + p.run.status + "): it lacks draws " + lacking + " of its share " + range_text(run_draws(p.run)),
        "complete shards: complete it with '" + resume_command(p) + "'");
  }
  return parts;
}

}  // namespace

MergedRun merge_shards(const std::vector<std::string>& inputs, const std::string& into) {
  if (inputs.empty()) throw InputError({}, "DB", "no results database to merge", "one or more shard databases, then --into ALL.db");
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    if (same_file(inputs[k], into))
      throw InputError({into, 0, 0}, "--into", "is also an input (" + inputs[k] + ")", "a database other than the shards' databases");
    for (std::size_t j = 0; j < k; ++j)
      if (same_file(inputs[j], inputs[k])) refuse(inputs[k], "is named twice (also as " + inputs[j] + ")", "each database once");
  }
  std::vector<std::unique_ptr<ResultsDb>> dbs;
  std::vector<Part> parts = shard_runs(dbs, inputs);
  for (const Part& p : parts)
    if (const std::string d = difference(parts.front().run, p.run); !d.empty())
      refuse(p.file, name_of(p) + " is not a shard of the same " + parts.front().run.kind + " as " + name_of(parts.front()) + ": " + d,
             "shards of one sweep: the same scenario, parley version, model, options, overrides, input format, capability, seed, "
             "correlation, draws and shard count");
  parts = check_complete(std::move(parts));

  RunRecord merged = parts.front().run;
  merged.shard.reset();
  merged.status = "complete";
  merged.elapsed_seconds = 0;
  merged.threads = 0;
  for (const Part& p : parts) {
    merged.created = std::min(merged.created, p.run.created);
    merged.elapsed_seconds += p.run.elapsed_seconds;
    merged.threads = std::max(merged.threads, p.run.threads);
  }
  std::vector<std::pair<ResultsDb*, std::int64_t>> sources;
  for (const Part& p : parts) sources.emplace_back(p.db, p.run.id);

  std::error_code ec;
  const bool existed = fs::exists(into, ec);
  try {
    ResultsDb out(into);
    return {out.store_merged_run(merged, sources), merged.draws, parts.size()};
  } catch (...) {
    if (!existed)  // a new file holds nothing else: leave none behind
      for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(into + suffix, ec);
    throw;
  }
}

}  // namespace parley
