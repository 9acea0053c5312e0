#include "models/fast_pow.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>

// As smp_kernels.cpp: an AVX2 and a baseline build, the loader picks one; the same operations on
// the same lanes, so the same bits.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_ADDRESS__)
#define PARLEY_POW_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define PARLEY_POW_CLONES
#endif

namespace parley::models {

namespace {

using V = double __attribute__((vector_size(32)));
using U = std::uint64_t __attribute__((vector_size(32)));
constexpr std::size_t kLanes = 4;

// Vectors travel by reference only (as in smp_lanes.hpp): by value would change the ABI between
// the AVX2 and the baseline builds.
[[gnu::always_inline]] inline void as_double(const U& u, V& v) { std::memcpy(&v, &u, sizeof v); }
[[gnu::always_inline]] inline void as_bits(const V& v, U& u) { std::memcpy(&u, &v, sizeof u); }

constexpr double kLn2Hi = 6.93147180369123816490e-01, kLn2Lo = 1.90821492927058770002e-10;

/// 1/k! for k = 0, 1, ..., 13: the coefficients of e^r's Taylor polynomial.
constexpr std::array<double, 14> kInverseFactorials = [] {
  std::array<double, 14> c{};
  double factorial = 1;
  for (std::size_t k = 0; k < c.size(); ++k) {
    if (k > 1) factorial *= static_cast<double>(k);
    c[k] = 1.0 / factorial;
  }
  return c;
}();

/// Natural logarithm of positive normal x (fdlibm's e_log.c reduction and polynomial): x = 2^k m
/// with m in [sqrt(2)/2, sqrt(2)), f = m - 1, s = f / (2 + f), log m = f - f²/2 + s (f²/2 + R(s²)).
[[gnu::always_inline]] inline void log_lanes(const V& x, V& out) {
  constexpr std::uint64_t kSqrtHalf = 0x3fe6a09e667f3bcdULL, kOne = 0x3ff0000000000000ULL;
  const V fix = x < 0x1p-1022 ? V{} + 54.0 : V{};  // subnormals: scaled by 2^54 first
  U shifted;
  as_bits(x < 0x1p-1022 ? x * 0x1p54 : x, shifted);
  shifted += kOne - kSqrtHalf;
  // k + 1023 as a double without an integer conversion: 2^52 + e exactly, less 2^52.
  V k, f;
  as_double((shifted >> 52) | 0x4330000000000000ULL, k);
  k = (k - (0x1p52 + 1023.0)) - fix;
  as_double((shifted & 0x000fffffffffffffULL) + kSqrtHalf, f);
  f = f - 1.0;
  const V s = f / (2.0 + f), z = s * s, w = z * z;
  const V t1 = w * (3.999999999940941908e-01 + w * (2.222219843214978396e-01 + w * 1.531383769920937332e-01));
  const V t2 =
      z * (6.666666666666735130e-01 + w * (2.857142874366239149e-01 + w * (1.818357216161805012e-01 + w * 1.479819860511658591e-01)));
  const V r = t2 + t1, hfsq = 0.5 * f * f;
  out = k * kLn2Hi - ((hfsq - (s * (hfsq + r) + k * kLn2Lo)) - f);
}

/// e^y for y in [-708, 709] (y = k ln2 + r with |r| <= ln2 / 2, a degree-13 Taylor polynomial of
/// e^r, then 2^k from its bits); below -708 the result is 0, above 709 infinity.
[[gnu::always_inline]] inline void exp_lanes(const V& y_in, V& out) {
  V y = y_in < -708.0 ? V{} - 708.0 : y_in;
  y = y > 709.0 ? V{} + 709.0 : y;
  constexpr double kShift = 0x1.8p52;
  const V t = y * 1.4426950408889634 + kShift;  // round(y / ln2) in the low bits
  const V k = t - kShift;
  const V r = (y - k * kLn2Hi) - k * kLn2Lo;
  // The degree-13 polynomial by Estrin's scheme (pairs, then pairs of pairs): a shorter chain of
  // dependent operations than Horner's rule.
  constexpr const std::array<double, 14>& c = kInverseFactorials;
  const V r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
  const V p01 = c[0] + c[1] * r, p23 = c[2] + c[3] * r, p45 = c[4] + c[5] * r, p67 = c[6] + c[7] * r;
  const V p89 = c[8] + c[9] * r, p1011 = c[10] + c[11] * r, p1213 = c[12] + c[13] * r;
  const V p = ((p01 + p23 * r2) + (p45 + p67 * r2) * r4) + ((p89 + p1011 * r2) + p1213 * r4) * r8;
  U bits;
  as_bits(t, bits);
  V scale;
  as_double((bits + 1023) << 52, scale);  // 2^k, k in [-1022, 1023]
  out = y_in < -708.0 ? V{} : (y_in > 709.0 ? V{} + __builtin_inf() : p * scale);
}

[[gnu::always_inline]] inline void pow_lanes(const V& x, const V& y, V& out) {
  V l, e;
  log_lanes(x > 0.0 ? x : V{} + 1.0, l);
  exp_lanes(y * l, e);
  out = y == 1.0 ? x : (x > 0.0 ? e : V{});
}

/// Two pow_lanes side by side, so that their chains of dependent operations overlap.
[[gnu::always_inline]] inline void pow_lanes2(const V& x, const V& y, V& out, const V& x2, const V& y2, V& out2) {
  V l, e, l2, e2;
  log_lanes(x > 0.0 ? x : V{} + 1.0, l);
  log_lanes(x2 > 0.0 ? x2 : V{} + 1.0, l2);
  exp_lanes(y * l, e);
  exp_lanes(y2 * l2, e2);
  out = y == 1.0 ? x : (x > 0.0 ? e : V{});
  out2 = y2 == 1.0 ? x2 : (x2 > 0.0 ? e2 : V{});
}

}  // namespace

PARLEY_POW_CLONES void fast_pow(const double* x, const double* y, double y0, double* out, std::size_t count) {
  V xv, yv = V{} + y0, r;
  std::size_t k = 0;
  for (; k + 2 * kLanes <= count; k += 2 * kLanes) {
    V xv2, yv2 = yv, r2;
    std::memcpy(&xv, x + k, sizeof xv);
    std::memcpy(&xv2, x + k + kLanes, sizeof xv2);
    if (y) std::memcpy(&yv, y + k, sizeof yv), std::memcpy(&yv2, y + k + kLanes, sizeof yv2);
    pow_lanes2(xv, yv, r, xv2, yv2, r2);
    std::memcpy(out + k, &r, sizeof r);
    std::memcpy(out + k + kLanes, &r2, sizeof r2);
  }
  for (; k + kLanes <= count; k += kLanes) {
    std::memcpy(&xv, x + k, sizeof xv);
    if (y) std::memcpy(&yv, y + k, sizeof yv);
    pow_lanes(xv, yv, r);
    std::memcpy(out + k, &r, sizeof r);
  }
  if (k == count) return;
  const std::size_t rest = count - k;
  xv = V{} + 1.0;
  std::memcpy(&xv, x + k, rest * sizeof(double));
  if (y) std::memcpy(&yv, y + k, rest * sizeof(double));
  pow_lanes(xv, yv, r);
  std::memcpy(out + k, &r, rest * sizeof(double));
}

void power_in_place(double* x, const double* y, double y0, std::size_t count, bool fast) {
  if (!y && y0 == 1.0) return;
  if (fast) return fast_pow(x, y, y0, x, count);
  for (std::size_t k = 0; k < count; ++k)
    if (const double e = y ? y[k] : y0; e != 1.0) x[k] = std::pow(x[k], e);
}

double fast_pow(double x, double y) {
  double out = 0;
  fast_pow(&x, nullptr, y, &out, 1);
  return out;
}

}  // namespace parley::models
