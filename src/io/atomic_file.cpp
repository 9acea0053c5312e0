#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "parley/error.hpp"
#include "parley/io.hpp"

namespace parley {

void write_file_atomically(const std::string& path, const std::string& content) {
  const std::string temp = path + ".parley-tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw OutputError(path, "cannot write " + path + ": cannot create " + temp);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      std::remove(temp.c_str());
      throw OutputError(path, "cannot write " + path);
    }
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    throw OutputError(path, "cannot write " + path + ": rename failed");
  }
}

}  // namespace parley
