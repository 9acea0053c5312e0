// Whether this test build runs under a sanitizer (PARLEY_SANITIZE): tests that lower the address
// space (RLIMIT_AS, ulimit -v) skip themselves there, as the sanitizers reserve terabytes of it.
#pragma once

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || defined(__SANITIZE_MEMORY__)
#define PARLEY_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define PARLEY_TEST_SANITIZED 1
#endif
#endif
