// Deterministic synthetic scenarios for benchmarks: n actors x m issues, every cell filled.
#pragma once

#include <cstddef>
#include <string>

namespace parley::bench {

enum class Syntax { json, yaml };

/// A scenario in parley's format with `actors` x `issues` stances, from a fixed seed.
std::string generate_scenario(std::size_t actors, std::size_t issues, Syntax syntax, unsigned seed = 42);

}  // namespace parley::bench
