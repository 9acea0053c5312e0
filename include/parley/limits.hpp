// The limits of the counts a caller asks for (docs/cli.md, "Limits"): the command line's count
// options and the Python module's arguments check against these, before anything is created.
#pragma once

#include <cstdint>

namespace parley::limits {

inline constexpr std::uint64_t kMaxStoredDraws = 1'000'000'000;   // sweep: streamed to the database
inline constexpr std::uint64_t kMaxMemoryDraws = 1'000'000;       // compare, report, Python sweeps: every draw in memory
inline constexpr std::uint64_t kMaxCountedDraws = 1'000'000'000;  // feasibility: counts only
inline constexpr std::uint64_t kMaxSeed = UINT64_MAX;
inline constexpr std::uint64_t kMaxSamples = 100'000;                     // sensitivity; also bounded by kMaxSobolValues
inline constexpr std::uint64_t kMaxSobolValues = std::uint64_t{1} << 27;  // samples x (inputs + 2) x outputs: 1 GiB of results
inline constexpr std::uint64_t kMaxTop = 1'000'000;
inline constexpr std::uint64_t kMaxFolds = 10'000;  // backtest --cross-validate; at most the proposals anyway
inline constexpr std::uint64_t kMaxRepeats = 10'000;
inline constexpr std::uint64_t kMaxBootstrap = 10'000'000;  // 80 MB of resampled MAEs

}  // namespace parley::limits
