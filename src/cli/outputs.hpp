// Outputs that would replace an input: every command that writes a file names its outputs and its
// inputs here before it reads, computes or creates anything (docs/cli.md).
#pragma once

#include <string>
#include <vector>

namespace parley::cli {

/// A file named on the command line.
struct NamedFile {
  std::string option;  // what names it: "--output", "FILE", "--db"
  std::string path;    // empty: not given (then not checked)
  std::string what;    // how a message names it: "the scenario", "the results database"
};

/// Whether two paths name one file: the same device and inode when both exist (so a symbolic or a
/// hard link to a file is that file), else the same normalised absolute path (both new).
bool same_file(const std::string& a, const std::string& b);

/// Refuses an output that is the same file as an input, or as another output, unless it is a device
/// or a pipe (writing to /dev/null replaces nothing): InputError (exit 2) naming the output's option
/// and both paths, "field '--output': 'a.yaml' is the same file as the scenario './a.yaml'; expected
/// another file: writing it would replace the scenario".
void check_outputs(const std::vector<NamedFile>& outputs, const std::vector<NamedFile>& inputs);

}  // namespace parley::cli
