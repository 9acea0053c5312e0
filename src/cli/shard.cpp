#include "cli/shard.hpp"

#include <fmt/format.h>

#include <charconv>

#include "parley/error.hpp"

namespace parley::cli {

namespace {

bool parse_number(const std::string& text, std::uint64_t& value) {
  if (text.empty() || text.size() > 7) return false;  // kMaxShards has 7 digits
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::optional<Shard> parse_shard(const std::string& text) {
  if (text.empty()) return std::nullopt;
  const std::string expected = fmt::format("K/N with 0 <= K < N <= {} (K counts from 0, as Slurm's array task ids)", Shard::kMaxShards);
  const std::size_t slash = text.find('/');
  Shard s;
  if (slash == std::string::npos || !parse_number(text.substr(0, slash), s.index) || !parse_number(text.substr(slash + 1), s.count))
    throw InputError({}, "--shard", "got '" + text + "'", expected);
  if (s.count < 1 || s.count > Shard::kMaxShards) throw InputError({}, "--shard", fmt::format("got {} shards", s.count), expected);
  if (s.index >= s.count)
    throw InputError({}, "--shard", fmt::format("got shard {} of {} (shards count from 0 to {})", s.index, s.count, s.count - 1), expected);
  return s;
}

std::string shard_note(const Shard& shard, std::uint64_t draws, const char* unit) {
  const DrawRange r = shard_draws(draws, shard);
  const std::string which = r.size() == 0 ? "none" : r.size() == 1 ? std::to_string(r.first) : fmt::format("{}-{}", r.first, r.last - 1);
  return fmt::format("shard {} of {}: {} {} of {} ({}); the summary is over this shard's {} only\n", shard.index, shard.count, r.size(),
                     unit, draws, which, unit);
}

}  // namespace parley::cli
