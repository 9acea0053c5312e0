// fast_pow (src/models/fast_pow.hpp), the power of precision=fast: its error against std::pow, its
// special values, and that a value's bits do not depend on where it sits in a batch.
#include "models/fast_pow.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace parley::models {
namespace {

/// The largest relative error of fast_pow against std::pow over `count` draws of x from
/// `x_of(rng)` and y uniform in [1/2, 2] (the models' exponents).
template <typename Draw>
double largest_relative_error(Draw x_of, int count) {
  std::mt19937_64 rng(20261130);
  std::uniform_real_distribution<double> y_of(0.5, 2.0);
  std::vector<double> x(static_cast<std::size_t>(count)), y(x.size()), got(x.size());
  for (std::size_t k = 0; k < x.size(); ++k) x[k] = x_of(rng), y[k] = y_of(rng);
  fast_pow(x.data(), y.data(), 0, got.data(), x.size());
  double worst = 0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    const double want = std::pow(x[k], y[k]);
    if (want > 1e-300 && want < 1e300) worst = std::max(worst, std::fabs(got[k] - want) / want);
  }
  return worst;
}

// The error of exp(y log x) grows with |y log x|: about |y log x| units of 1e-16.
TEST(FastPow, WithinAFewUnitsInTheLastPlaceOfStdPowOnTheModelsRange) {
  // Distances over a range and utility bases: x in [1e-6, 1], |y log x| < 28.
  std::uniform_real_distribution<double> unit(1e-6, 1.0);
  EXPECT_LT(largest_relative_error(unit, 200000), 4e-15);
}

TEST(FastPow, WithinTwoInTenTrillionFarFromOne) {
  // x from 1e-300 to 1e300, |y log x| up to about 1,400 (results outside [1e-300, 1e300] aside).
  std::uniform_real_distribution<double> exponent(-300, 300);
  EXPECT_LT(largest_relative_error([&](std::mt19937_64& rng) { return std::pow(10.0, exponent(rng)); }, 200000), 2e-13);
}

TEST(FastPow, SpecialValues) {
  EXPECT_EQ(fast_pow(0.0, 1.5), 0.0);
  EXPECT_EQ(fast_pow(0.0, 1.0), 0.0);
  EXPECT_EQ(fast_pow(1.0, 0.7), 1.0);
  EXPECT_EQ(fast_pow(0.3, 1.0), 0.3);                                      // x^1 is x, bit for bit
  EXPECT_NEAR(fast_pow(4e-320, 0.5) / std::pow(4e-320, 0.5), 1.0, 1e-13);  // a subnormal base
  EXPECT_EQ(fast_pow(1e-300, 2.0), 0.0);                                   // below 1e-304: 0
  EXPECT_EQ(fast_pow(1e300, 2.0), std::numeric_limits<double>::infinity());
  EXPECT_NEAR(fast_pow(2.0, 2.0), 4.0, 4e-15);
  EXPECT_NEAR(fast_pow(0.25, 0.5), 0.5, 1e-16);
}

TEST(FastPow, TheSameBitsWhereverAValueSitsInABatch) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> x_of(0, 1), y_of(0.5, 2);
  std::vector<double> x(11), y(11);
  for (std::size_t k = 0; k < x.size(); ++k) x[k] = x_of(rng), y[k] = y_of(rng);
  for (std::size_t start = 0; start < 4; ++start)
    for (std::size_t count = 1; start + count <= x.size(); ++count) {
      std::vector<double> got(count), in_place(x.begin() + static_cast<long>(start), x.begin() + static_cast<long>(start + count));
      fast_pow(x.data() + start, y.data() + start, 0, got.data(), count);
      fast_pow(in_place.data(), y.data() + start, 0, in_place.data(), count);
      for (std::size_t k = 0; k < count; ++k) {
        const double alone = fast_pow(x[start + k], y[start + k]);
        EXPECT_EQ(std::bit_cast<std::uint64_t>(got[k]), std::bit_cast<std::uint64_t>(alone)) << start << " " << count << " " << k;
        EXPECT_EQ(std::bit_cast<std::uint64_t>(in_place[k]), std::bit_cast<std::uint64_t>(alone));
      }
    }
  // One exponent for the whole batch (y = nullptr).
  std::vector<double> one(x.size());
  fast_pow(x.data(), nullptr, 1.25, one.data(), x.size());
  for (std::size_t k = 0; k < x.size(); ++k)
    EXPECT_EQ(std::bit_cast<std::uint64_t>(one[k]), std::bit_cast<std::uint64_t>(fast_pow(x[k], 1.25)));
}

}  // namespace
}  // namespace parley::models
