// Random smp problems for the tests of the kernels (smp_fast_path_test.cpp, smp_precision_test.cpp).
#pragma once

#include <cstddef>
#include <utility>

#include "models/smp/smp_dynamics.hpp"

namespace parley::models::smp {

/// A problem of n actors on d dimensions drawn from `next` (uniform on [0, 1)); unless `inside`,
/// positions partly outside the unit cube so that distances above 1 occur. Some actors share a position.
template <typename Next>
std::pair<Problem, State> fast_path_problem(std::size_t n, std::size_t d, bool inside, Next next) {
  Problem p;
  p.n = n, p.d = d;
  State s;
  for (std::size_t i = 0; i < n; ++i) {
    p.cap.push_back(1 + 199 * next());
    double sum = 0;
    for (std::size_t k = 0; k < d; ++k) {
      p.sal.push_back(0.05 + 0.9 * next() / static_cast<double>(d));
      sum = sum + p.sal.back();
      const bool shared = i > 0 && next() < 0.2;
      s.pos.push_back(shared ? s.pos[(i - 1) * d + k] : inside ? next() : -0.3 + 1.6 * next());
      s.ideal.push_back(next() < 0.5 ? s.pos.back() : next());
    }
    p.sal_sum.push_back(sum);
  }
  return {p, s};
}

}  // namespace parley::models::smp
