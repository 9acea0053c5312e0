// The one check every input's text passes before any reader sees it: UTF-8, and no control
// characters but tab, line feed and carriage return. A file saved in another encoding (Latin-1
// from a spreadsheet, UTF-16) is refused here, pointing at its first bad byte, rather than
// accepted and then failing every JSON output later.
#pragma once

#include <string>

namespace parley::io {

/// Throws InputError at FILE:LINE:COLUMN of the first byte that is not part of well-formed UTF-8
/// (overlong forms, surrogates and code points above U+10FFFF included), or that is a control
/// character other than tab, line feed and carriage return (U+0000-U+001F, U+007F). Lines count
/// line feeds; columns count characters, from 1. A UTF-8 byte order mark is fine.
void check_text(const std::string& content, const std::string& file);

}  // namespace parley::io
