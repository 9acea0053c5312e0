// A vectorised x^y for the models' opt-in `precision=fast` (docs/models/bdm.md, "Speed and
// memory"): exp(y log x) from fdlibm-style polynomials, four lanes at a time, in plain double
// arithmetic with no fused multiply-add, so that every machine (AVX2 or SSE2) and every thread
// count gives the same bits. It is not std::pow: results differ from it by up to a few units in
// the last place (a relative error under 1e-14, tests/models/fast_pow_test.cpp), which is why the
// exact default never uses it.
#pragma once

#include <cstddef>

namespace parley::models {

/// out[k] = x[k]^y[k] for k < count, for x[k] >= 0 and finite y[k] > 0 (the models' exponents
/// lie in [1/2, 2]): 0^y = 0, x^1 = x exactly, a result below about 1e-304 becomes 0.
/// `y` may be null: every exponent is `y0` then. `out` may alias `x`.
void fast_pow(const double* x, const double* y, double y0, double* out, std::size_t count);

/// One value, with the bits fast_pow gives it in a batch.
double fast_pow(double x, double y);

/// x[k] = x[k]^y[k] in place for k < count (`y` null: every exponent is `y0`), the models' powers:
/// by std::pow, or by fast_pow when `fast` (precision=fast). An exponent of 1 leaves x[k] as it
/// is, bit for bit, either way (and costs nothing when it is y0).
void power_in_place(double* x, const double* y, double y0, std::size_t count, bool fast);

}  // namespace parley::models
