// Finding a command by name, and the nearest one when there is none: `parley runn` says
// "unknown command 'runn'; did you mean 'run'?".
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace parley::cli {

/// Edit distance with transpositions (optimal string alignment): "shwo" is 1 from "show".
std::size_t edit_distance(const std::string& a, const std::string& b);

/// The candidate nearest to `word`: the only one that starts with it, else the one at the smallest
/// edit distance if that is at most max(2, size / 3); none when nothing is that close.
std::optional<std::string> nearest(const std::string& word, const std::vector<std::string>& candidates);

/// The subcommand `name` of `app`. Throws InputError "unknown command 'runn'; did you mean
/// 'run'?" (or listing the commands when none is close) otherwise.
const CLI::App& find_command(const CLI::App& app, const std::string& name);

}  // namespace parley::cli
