// Reading an input file's bytes with a bound: what parley reads is a regular file or a pipe, never
// more than a limit, and never waits for a pipe that nothing writes to.
#pragma once

#include <cstdint>
#include <string>

namespace parley::io {

/// The bytes of `path`, read whole. Throws InputError naming the file when it cannot be opened or
/// read; when it is neither a regular file nor a pipe (a directory, a device such as /dev/zero or
/// a terminal, a socket); when a regular file is larger than `limit` bytes (from its size, before
/// reading); when a pipe (FIFO, `<(...)`) has no writer when it is opened (instead of waiting for
/// one), or goes on past `limit` bytes.
std::string read_input_bytes(const std::string& path, std::uint64_t limit);

}  // namespace parley::io
