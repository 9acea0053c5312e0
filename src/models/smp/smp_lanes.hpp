// smp's formulas on four lanes at once (GCC vector extensions), for the kernels of smp_kernels.cpp.
// Each is smp_math.hpp's scalar formula with the same operations in the same order, so every lane
// holds the bits the scalar code computes. Vectors travel by reference only: passing them by value
// would change the ABI between the AVX2 and the baseline builds of a kernel.
#pragma once

#include <cstddef>
#include <cstring>

#include "models/smp/smp_config.hpp"

// x86-64 GCC builds compile each kernel twice, for AVX2 and for the baseline (SSE2), and the
// loader picks one: the same operations on the same lanes, so the same bits either way. Not under
// the sanitizers or clang (the fuzz tree), which get the baseline only.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_ADDRESS__)
#define PARLEY_SMP_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define PARLEY_SMP_CLONES
#endif

namespace parley::models::smp::lanes {

using V = double __attribute__((vector_size(32)));
inline constexpr std::size_t kLanes = 4;

/// n rounded up to a whole number of vectors.
inline std::size_t padded(std::size_t n) { return (n + kLanes - 1) / kLanes * kLanes; }

[[gnu::always_inline]] inline void load(const double* x, V& out) { std::memcpy(&out, x, sizeof out); }
[[gnu::always_inline]] inline void store(double* x, const V& v) { std::memcpy(x, &v, sizeof v); }
[[gnu::always_inline]] inline void broadcast(double x, V& out) { out = V{x, x, x, x}; }

/// v where v > 0, else +0 (also for NaN).
[[gnu::always_inline]] inline void positive_part(const V& v, V& out) {
  const V zero{};
  out = v > zero ? v : zero;
}

/// |v| on every lane: the sign bit cleared.
[[gnu::always_inline]] inline void magnitude(const V& v, V& out) {
  using Bits = long long __attribute__((vector_size(32)));
  constexpr long long kAllButSign = 0x7fffffffffffffff;
  const Bits mask{kAllButSign, kAllButSign, kAllButSign, kAllButSign};
  out = (V)((Bits)v & mask);
}

/// bs_util: (1 - d)(1 + d R) for d <= 1, else (1 - d)(1 + R).
[[gnu::always_inline]] inline void utility(const V& d, const V& r, V& out) {
  out = d <= 1.0 ? (1.0 - d) * (1.0 + d * r) : (1.0 - d) * (1.0 + r);
}

/// vote_by<Rule>(w, u_i, u_j) on every lane.
template <VotingRule Rule>
[[gnu::always_inline]] inline void vote(const V& w, const V& u_i, const V& u_j, V& out) {
  const V du = u_i - u_j;
  constexpr double s_tol = 1E-8, rbp = 0.2, rpc = 0.5;
  if constexpr (Rule == VotingRule::proportional) {
    out = w * du;
  } else if constexpr (Rule == VotingRule::cubic) {
    out = w * (du * du * du);
  } else if constexpr (Rule == VotingRule::prop_cubic) {
    out = w * ((1 - rpc) * du + rpc * (du * du * du));
  } else if constexpr (Rule == VotingRule::asym_prospect) {
    const V zero{};
    out = du < 0 ? w * du : (du > 0 ? (2.0 * w * du) / 3.0 : zero);
  } else {
    V r_bin = du / s_tol, one, minus_one;
    broadcast(1.0, one);
    broadcast(-1.0, minus_one);
    r_bin = r_bin > 1 ? one : r_bin;
    r_bin = r_bin < -1 ? minus_one : r_bin;
    if constexpr (Rule == VotingRule::binary)
      out = w * r_bin;
    else
      out = w * ((1 - rbp) * du + rbp * r_bin);
  }
}

/// third_party_vote<Rule, ThirdParty::semi_commit> on every lane: the only commitment under which
/// a third party's vote can be other than 0 (smp_kernels.cpp, best_challenges).
template <VotingRule Rule>
[[gnu::always_inline]] inline void semi_committed_vote(const V& w_k, const V& p_ik, const V& p_jk, const V& u_ki, const V& u_kj,
                                                       const V& u_kk, V& out) {
  const V u_ik_def_j = u_ki + u_ki + u_kk, u_j_def_ik = u_kj + u_kj + u_kj;
  const V u_i_def_jk = u_ki + u_ki + u_ki, u_jk_def_i = u_kj + u_kj + u_kk;
  const V u_ik_j = (p_ik * u_ik_def_j) + (p_jk * u_j_def_ik);
  const V u_i_jk = (p_ik * u_i_def_jk) + (p_jk * u_jk_def_i);
  vote<Rule>(w_k, u_ik_j, u_i_jk, out);
}

}  // namespace parley::models::smp::lanes
