#include "io/decide_records.hpp"

namespace parley::io {

namespace {

bool is_separator_char(char c) { return c == '\t' || c == ';' || c == ','; }
bool is_quote(char c) { return c == '\'' || c == '"'; }

/// Reads the cells of one line, [begin, end) of `content`.
class LineCells {
 public:
  LineCells(const std::string& content, std::size_t begin, std::size_t end, int line, char separator, const std::string& file)
      : content_(content), begin_(begin), end_(end), k_(begin), line_(line), separator_(separator), file_(file) {}

  bool done() const { return done_; }

  /// The next cell; done() once the line has no more.
  TextCell next() {
    TextCell cell;
    skip_blanks();
    cell.line = line_;
    cell.column = column(k_);
    if (k_ < end_ && is_quote(content_[k_]))
      read_quoted(cell);
    else
      read_plain(cell);
    if (k_ < end_ && content_[k_] == separator_)
      ++k_;
    else
      done_ = true;
    return cell;
  }

 private:
  bool is_blank(char c) const { return (c == ' ' || c == '\t' || c == '\r') && c != separator_; }
  void skip_blanks() {
    while (k_ < end_ && is_blank(content_[k_])) ++k_;
  }
  int column(std::size_t k) const { return static_cast<int>(k - begin_) + 1; }

  void read_quoted(TextCell& cell) {
    const char quote = content_[k_];
    cell.quoted = true;
    ++k_;
    for (;;) {
      if (k_ >= end_)
        throw InputError({file_, line_, cell.column}, "", "a quoted cell is never closed",
                         std::string("a closing ") + quote + " before the end of the line");
      if (content_[k_] == quote) {
        if (k_ + 1 < end_ && content_[k_ + 1] == quote) {
          cell.text += quote;
          k_ += 2;
          continue;
        }
        ++k_;
        break;
      }
      cell.text += content_[k_++];
    }
    skip_blanks();
    if (k_ < end_ && content_[k_] != separator_)
      throw InputError({file_, line_, column(k_)}, "", "text after the closing quote of a cell",
                       "the separator or the end of the line after a quoted cell");
  }

  void read_plain(TextCell& cell) {
    const std::size_t start = k_;
    while (k_ < end_ && content_[k_] != separator_) ++k_;
    std::size_t stop = k_;
    while (stop > start && (content_[stop - 1] == ' ' || content_[stop - 1] == '\t' || content_[stop - 1] == '\r')) --stop;
    cell.text.assign(content_, start, stop - start);
  }

  const std::string& content_;
  std::size_t begin_, end_, k_;
  int line_;
  char separator_;
  const std::string& file_;
  bool done_ = false;
};

/// Where the text starts: after a UTF-8 byte order mark, if any (columns on line 1 count from there).
std::size_t text_start(const std::string& content) { return content.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0; }

bool is_comment_key(const TextCell& key) { return key.text.compare(0, 2, "#/") == 0 || key.text.compare(0, 2, "#0") == 0; }

}  // namespace

std::optional<char> decide_separator(const std::string& content) {
  std::optional<char> from_comment;  // used only when no record line has one
  std::size_t begin = text_start(content);
  while (begin < content.size()) {
    std::size_t end = content.find('\n', begin);
    if (end == std::string::npos) end = content.size();
    std::size_t k = begin;
    while (k < end && content[k] == ' ') ++k;
    const bool quoted = k < end && is_quote(content[k]);
    const char quote = quoted ? content[k++] : '\0';
    if (k + 1 < end && content[k] == '#') {
      const bool comment = content[k + 1] == '/' || content[k + 1] == '0';
      k += 2;
      if (!quoted || (k < end && content[k++] == quote))
        if (k < end && is_separator_char(content[k])) {
          if (!comment) return content[k];
          if (!from_comment) from_comment = content[k];
        }
    }
    begin = end + 1;
  }
  return from_comment;
}

std::vector<DecideRecord> split_decide_records(const std::string& content, char separator, const std::string& file) {
  std::vector<DecideRecord> records;
  std::size_t begin = text_start(content);
  int line = 1;
  while (begin < content.size()) {
    std::size_t end = content.find('\n', begin);
    if (end == std::string::npos) end = content.size();
    LineCells cells(content, begin, end, line, separator, file);
    DecideRecord record;
    record.key = cells.next();
    if (!is_comment_key(record.key)) {
      while (!cells.done()) record.cells.push_back(cells.next());
      while (!record.cells.empty() && record.cells.back().text.empty() && !record.cells.back().quoted) record.cells.pop_back();
      const bool blank = record.key.text.empty() && !record.key.quoted && record.cells.empty();
      if (!blank) records.push_back(std::move(record));
    }
    begin = end + 1;
    ++line;
  }
  return records;
}

}  // namespace parley::io
