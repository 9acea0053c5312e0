#include "io/text_check.hpp"

#include <fmt/format.h>

#include <cstddef>
#include <cstdint>

#include "parley/error.hpp"

namespace parley::io {

namespace {

/// The length of the well-formed UTF-8 sequence at `k` (RFC 3629, Table 3-7 of the Unicode
/// standard), or 0 when the bytes there are not one.
std::size_t sequence_length(const std::string& s, std::size_t k) {
  const auto byte = [&](std::size_t j) { return j < s.size() ? static_cast<std::uint8_t>(s[j]) : std::uint8_t{0}; };
  const auto continuation = [&](std::size_t j, std::uint8_t lo, std::uint8_t hi) { return byte(j) >= lo && byte(j) <= hi; };
  const std::uint8_t b = byte(k);
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return continuation(k + 1, 0x80, 0xBF) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF) {
    const std::uint8_t lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;  // no overlongs, no surrogates
    return continuation(k + 1, lo, hi) && continuation(k + 2, 0x80, 0xBF) ? 3 : 0;
  }
  if (b >= 0xF0 && b <= 0xF4) {
    const std::uint8_t lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;  // U+10000-U+10FFFF
    return continuation(k + 1, lo, hi) && continuation(k + 2, 0x80, 0xBF) && continuation(k + 3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

bool is_control(std::uint8_t b) { return (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F; }

[[noreturn]] void refuse(const std::string& content, const std::string& file, std::size_t k, int line, int column) {
  const auto b = static_cast<std::uint8_t>(content[k]);
  if (is_control(b))
    throw InputError({file, line, column}, "", fmt::format("a control character (byte 0x{:02X})", b),
                     "text without control characters other than tab and line breaks");
  const bool utf16 =
      k == 0 && content.size() >= 2 &&
      ((b == 0xFF && static_cast<std::uint8_t>(content[1]) == 0xFE) || (b == 0xFE && static_cast<std::uint8_t>(content[1]) == 0xFF));
  throw InputError({file, line, column}, "",
                   utf16 ? std::string("the text is UTF-16, not UTF-8") : fmt::format("the text is not UTF-8 (byte 0x{:02X})", b),
                   "UTF-8 text: save the file as UTF-8");
}

}  // namespace

void check_text(const std::string& content, const std::string& file) {
  int line = 1, column = 1;
  for (std::size_t k = 0; k < content.size();) {
    const auto b = static_cast<std::uint8_t>(content[k]);
    const std::size_t n = is_control(b) ? 0 : sequence_length(content, k);
    if (n == 0) refuse(content, file, k, line, column);
    if (b == '\n')
      ++line, column = 1;
    else
      ++column;
    k += n;
  }
}

}  // namespace parley::io
