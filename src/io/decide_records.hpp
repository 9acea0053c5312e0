// The lines of a Decide input file (the exchange model's `#A`/`#P`/`#M`/`#D` records) split into
// cells that remember their line and column.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/text_table.hpp"

namespace parley::io {

/// One record: its key (`#A`, `#P`, `#M`, `#D`, `#O`) and the cells after it. Comment lines (`#/`,
/// `#0`) and blank lines (nothing but blanks and separators) are not records.
struct DecideRecord {
  TextCell key;
  std::vector<TextCell> cells;  // trailing empty unquoted cells dropped
};

/// The separator of a Decide file: the character right after the key of its first line that has
/// one (a tab, ';' or ','), as Decide's own writer puts it after `'#A'`. nullopt when no line starts
/// with a key followed by one of them.
std::optional<char> decide_separator(const std::string& content);

/// Splits `content` into records at `separator`. A cell may be quoted with ' or " (a doubled quote
/// inside is one quote); a quote must close on its line and be followed by the separator or the
/// end of the line. Blanks around cells are trimmed; a leading UTF-8 byte order mark is skipped. Throws InputError for an unclosed quote
/// and for text after a closing quote.
std::vector<DecideRecord> split_decide_records(const std::string& content, char separator, const std::string& file);

}  // namespace parley::io
