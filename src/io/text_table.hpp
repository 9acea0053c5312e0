// Delimited text (CSV, TSV) split into cells that remember their line and column.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parley/error.hpp"

namespace parley::io {

struct TextCell {
  std::string text;  // unquoted, surrounding blanks trimmed
  int line = 0, column = 0;
  bool quoted = false;
};
using TextRow = std::vector<TextCell>;

/// Splits `content` into rows of cells at `separator`. Double-quoted cells may contain the
/// separator and "" for a quote. Blank lines are skipped. Throws InputError for an unterminated
/// quote.
std::vector<TextRow> split_delimited(const std::string& content, char separator, const std::string& file);

/// The cell's number; throws InputError naming `field` unless the cell is a finite number.
double cell_number(const TextCell& cell, const std::string& file, const std::string& field);
/// Empty cell -> nullopt; otherwise as cell_number.
std::optional<double> optional_cell_number(const TextCell& cell, const std::string& file, const std::string& field);

/// `text` as one CSV cell: quoted (with "" for ") when it holds a comma, a quote or a newline.
std::string csv_quote(const std::string& text);

}  // namespace parley::io
