// Philox4x32-10, the counter-based random number generator of Salmon, Moraes, Dror and Shaw,
// "Parallel random numbers: as easy as 1, 2, 3" (SC 2011). A pure function of (counter, key):
// draw d of a sweep gets the same numbers whichever thread computes it and in whatever order.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace parley::analysis {

using PhiloxCounter = std::array<std::uint32_t, 4>;
using PhiloxKey = std::array<std::uint32_t, 2>;

/// The 10-round Philox4x32 bijection of `counter` under `key`.
inline PhiloxCounter philox4x32(PhiloxCounter c, PhiloxKey k) {
  constexpr std::uint32_t M0 = 0xD2511F53u, M1 = 0xCD9E8D57u;
  constexpr std::uint32_t W0 = 0x9E3779B9u, W1 = 0xBB67AE85u;
  for (int round = 0; round < 10; ++round) {
    if (round > 0) {
      k[0] += W0;
      k[1] += W1;
    }
    const std::uint64_t p0 = std::uint64_t{M0} * c[0];
    const std::uint64_t p1 = std::uint64_t{M1} * c[2];
    c = {static_cast<std::uint32_t>(p1 >> 32) ^ c[1] ^ k[0], static_cast<std::uint32_t>(p1),
         static_cast<std::uint32_t>(p0 >> 32) ^ c[3] ^ k[1], static_cast<std::uint32_t>(p0)};
  }
  return c;
}

/// A uniform number in the open interval (0, 1) with 53 random bits, from two 32-bit words.
inline double open_unit(std::uint32_t high, std::uint32_t low) {
  const std::uint64_t bits = (std::uint64_t{high} << 21) ^ (low >> 11);  // 53 bits
  return (static_cast<double>(bits) + 0.5) * 0x1p-53;
}

/// Uniform numbers addressed by (stream, index, slot): a seed picks the key; the draw and the
/// variable pick the counter. Each counter yields two numbers.
class CounterStream {
 public:
  CounterStream(std::uint64_t seed, std::uint32_t stream)
      : key_{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}, stream_(stream) {}

  /// The uniform (0, 1) number for `variable` in `draw`.
  double uniform(std::uint64_t draw, std::uint64_t variable) const {
    const PhiloxCounter out = block(draw, variable >> 1);
    return (variable & 1) ? open_unit(out[2], out[3]) : open_unit(out[0], out[1]);
  }

  /// out[v] = uniform(draw, v) for v in [0, n), computing each block once.
  void fill(std::uint64_t draw, std::size_t n, double* out) const {
    for (std::size_t v = 0; v < n; v += 2) {
      const PhiloxCounter r = block(draw, v >> 1);
      out[v] = open_unit(r[0], r[1]);
      if (v + 1 < n) out[v + 1] = open_unit(r[2], r[3]);
    }
  }

 private:
  PhiloxCounter block(std::uint64_t draw, std::uint64_t pair) const {
    return philox4x32({static_cast<std::uint32_t>(draw), static_cast<std::uint32_t>(draw >> 32), static_cast<std::uint32_t>(pair),
                       stream_ ^ (static_cast<std::uint32_t>(pair >> 32) << 8)},
                      key_);
  }

  PhiloxKey key_;
  std::uint32_t stream_;
};

}  // namespace parley::analysis
