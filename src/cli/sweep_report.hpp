// Printing a sweep summary as a table, JSON (schema parley.sweep/1) or tidy CSV.
#pragma once

#include <string>

#include "parley/io.hpp"
#include "parley/sweep.hpp"

namespace parley::cli {

inline constexpr const char* kSweepSchema = "parley.sweep/1";

struct SweepContext {
  std::string title;
  std::string model;
  std::uint64_t seed = 0;
  std::size_t inputs = 0;
  std::int64_t run = 0;  // 0: not stored
  std::string db;
};

std::string format_summary(const SweepSummary& summary, const SweepContext& context, OutputFormat format);

/// Warnings about classes that overlap or leave draws unclassified (empty when none).
std::string class_warnings(const SweepSummary& summary);

}  // namespace parley::cli
