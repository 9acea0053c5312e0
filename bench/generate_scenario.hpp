// Deterministic synthetic scenarios for benchmarks: n actors x m issues, every cell filled.
#pragma once

#include <cstddef>
#include <string>

namespace parley::bench {

enum class Syntax { json, yaml };

/// A scenario in parley's format with `actors` x `issues` stances, from a fixed seed. With
/// `uncertain`, every position is a range of +-5 around its value, every salience a range of
/// +-20 %, and every capability normal with a 10 % standard deviation (as an analyst unsure of
/// everything would write it): actors x (2 issues + 1) uncertain inputs. With `continuous`,
/// positions are drawn from the whole interval [0, 100] (all distinct, in practice) instead of its
/// tenths (at most 1,001 distinct values); the other values stay the same.
std::string generate_scenario(std::size_t actors, std::size_t issues, Syntax syntax, unsigned seed = 42, bool uncertain = false,
                              bool continuous = false);

}  // namespace parley::bench
