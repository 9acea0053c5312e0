#include "io/text_table.hpp"

#include <charconv>
#include <cmath>

namespace parley::io {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

}  // namespace

std::vector<TextRow> split_delimited(const std::string& content, char separator, const std::string& file) {
  std::vector<TextRow> rows;
  TextRow row;
  std::size_t k = 0;
  int line = 1;
  std::size_t line_start = 0;
  const std::size_t n = content.size();
  auto row_is_blank = [](const TextRow& r) { return r.size() == 1 && r[0].text.empty() && !r[0].quoted; };
  while (k <= n) {
    // One cell starting at k.
    TextCell cell;
    while (k < n && is_blank(content[k]) && content[k] != separator) ++k;
    cell.line = line;
    cell.column = static_cast<int>(k - line_start) + 1;
    if (k < n && content[k] == '"') {
      cell.quoted = true;
      const int open_line = line, open_column = cell.column;
      ++k;
      for (;;) {
        if (k >= n) throw InputError({file, open_line, open_column}, "", "a quoted cell is never closed", "a closing '\"'");
        if (content[k] == '"') {
          if (k + 1 < n && content[k + 1] == '"') {
            cell.text += '"';
            k += 2;
            continue;
          }
          ++k;
          break;
        }
        if (content[k] == '\n') {
          ++line;
          line_start = k + 1;
        }
        cell.text += content[k++];
      }
      while (k < n && content[k] != separator && content[k] != '\n') ++k;  // ignore text after the quote
    } else {
      const std::size_t start = k;
      while (k < n && content[k] != separator && content[k] != '\n') ++k;
      std::size_t end = k;
      while (end > start && is_blank(content[end - 1])) --end;
      cell.text.assign(content, start, end - start);
    }
    row.push_back(std::move(cell));
    if (k < n && content[k] == separator) {
      ++k;
      continue;
    }
    // End of line or of input.
    if (!row_is_blank(row)) rows.push_back(std::move(row));
    row.clear();
    if (k >= n) break;
    ++k;  // '\n'
    ++line;
    line_start = k;
  }
  return rows;
}

double cell_number(const TextCell& cell, const std::string& file, const std::string& field) {
  const SourcePosition where{file, cell.line, cell.column};
  if (cell.text.empty()) throw InputError(where, field, "the cell is empty", "a number");
  const char* begin = cell.text.data();
  const char* end = begin + cell.text.size();
  if (*begin == '+') ++begin;
  double x = 0;
  auto [ptr, ec] = std::from_chars(begin, end, x);
  if (ec == std::errc::result_out_of_range) throw InputError(where, field, "got '" + cell.text + "' (out of range)", "a finite number");
  if (ec != std::errc() || ptr != end) throw InputError(where, field, "got '" + cell.text + "'", "a number");
  if (!std::isfinite(x)) throw InputError(where, field, "got '" + cell.text + "'", "a finite number");
  return x;
}

std::optional<double> optional_cell_number(const TextCell& cell, const std::string& file, const std::string& field) {
  if (cell.text.empty()) return std::nullopt;
  return cell_number(cell, file, field);
}

std::string csv_quote(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace parley::io
