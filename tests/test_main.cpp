// The tests' main(): GoogleTest's, with rapidcheck's property tests on a fixed seed unless the caller
// chose one. `make test` is therefore deterministic; `make test-random` sets RC_PARAMS to a fresh
// seed (and prints it) to look for new counterexamples.
#include <gtest/gtest.h>

#include <cstdlib>

namespace {
/// The seed every property test starts from in `make test`. Any counterexample it finds reproduces
/// with RC_PARAMS="seed=20261129" (rapidcheck also prints a `reproduce=` string).
constexpr const char* kFixedRapidcheckParams = "seed=20261129";
}  // namespace

int main(int argc, char** argv) {
  if (std::getenv("RC_PARAMS") == nullptr) setenv("RC_PARAMS", kFixedRapidcheckParams, 0);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
