// --shard K/N (docs/distributed.md): one shard of a sweep's draws or a sensitivity analysis's runs.
#pragma once

#include <optional>
#include <string>

#include "parley/results_db.hpp"

namespace parley::cli {

/// Reads `--shard K/N`: 0 <= K < N, 1 <= N <= Shard::kMaxShards. Empty text: no shard. InputError
/// naming --shard, saying what was expected, otherwise.
std::optional<Shard> parse_shard(const std::string& text);

/// The line that says what a shard's run holds: "shard K of N: draws A-B of D (...)".
std::string shard_note(const Shard& shard, std::uint64_t draws, const char* unit);

}  // namespace parley::cli
