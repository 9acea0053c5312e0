#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "io/text_table.hpp"
#include "parley/skill.hpp"

namespace parley {

namespace {

constexpr std::size_t kPercentiles = 99;

// Scalar columns, in file order, then half_width_50.., coverage_50.., p01..p99.
const std::vector<std::string>& scalar_columns() {
  static const std::vector<std::string> c{"model", "issues",       "repeats", "mae",          "mae_sd",          "mae_low", "mae_high",
                                          "rmse",  "median_error", "bias",    "relative_mae", "relative_mae_sd", "weight"};
  return c;
}

std::string level_suffix(double level) { return fmt::format("{:.0f}", level * 100); }

std::vector<std::string> all_columns() {
  std::vector<std::string> c = scalar_columns();
  for (double l : interval_levels()) c.push_back("half_width_" + level_suffix(l));
  for (double l : interval_levels()) c.push_back("coverage_" + level_suffix(l));
  for (std::size_t p = 1; p <= kPercentiles; ++p) c.push_back(fmt::format("p{:02d}", p));
  return c;
}

[[noreturn]] void fail(const std::string& file, int line, int column, const std::string& field, std::string problem, std::string expected) {
  throw InputError({file, line, column}, field, std::move(problem), std::move(expected));
}

// "# key: value" lines before the header.
void read_comment(const std::string& line, SkillTable& t) {
  const auto colon = line.find(':');
  if (colon == std::string::npos) return;
  std::string key = line.substr(1, colon - 1), value = line.substr(colon + 1);
  auto trim = [](std::string& x) {
    x.erase(0, x.find_first_not_of(' '));
    x.erase(x.find_last_not_of(' ') + 1);
  };
  trim(key), trim(value);
  if (key == "data") t.data = value;
  if (key == "command") t.command = value;
  if (key == "version") t.version = value;
}

ModelSkill read_row(const io::TextRow& row, const std::string& file) {
  const std::vector<std::string> names = all_columns();
  auto num = [&](std::size_t c) { return io::cell_number(row[c], file, names[c]); };
  ModelSkill m;
  m.model = row[0].text;
  if (m.model.empty()) fail(file, row[0].line, row[0].column, "model", "an empty model name", "a model name");
  const double issues = num(1), repeats = num(2);
  if (issues < 0 || repeats < 0 || issues != std::floor(issues) || repeats != std::floor(repeats))
    fail(file, row[1].line, row[1].column, "issues", "not a count", "whole numbers >= 0 in issues and repeats");
  m.issues = static_cast<std::size_t>(issues);
  m.repeats = static_cast<std::size_t>(repeats);
  double* scalars[] = {&m.mae,          &m.mae_sd, &m.mae_low,      &m.mae_high,        &m.rmse,
                       &m.median_error, &m.bias,   &m.relative_mae, &m.relative_mae_sd, &m.weight};
  std::size_t c = 3;
  for (double* x : scalars) *x = num(c++);
  const std::size_t levels = interval_levels().size();
  for (std::size_t k = 0; k < levels; ++k) m.half_width.push_back(num(c++));
  for (std::size_t k = 0; k < levels; ++k) m.coverage.push_back(num(c++));
  for (std::size_t p = 0; p < kPercentiles; ++p) m.residual_percentiles.push_back(num(c++));
  return m;
}

}  // namespace

const ModelSkill* SkillTable::find(const std::string& model) const {
  for (const ModelSkill& m : models)
    if (m.model == model) return &m;
  return nullptr;
}

SkillTable read_skill_csv(const std::string& content, const std::string& file) {
  SkillTable t;
  std::string body;
  std::istringstream in(content);
  std::string line;
  int header_line = 0, line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line[0] == '#') {
      read_comment(line, t);
      body += '\n';  // keeps line numbers
    } else {
      if (!header_line && !line.empty()) header_line = line_number;
      body += line + '\n';
    }
  }
  const std::vector<io::TextRow> rows = io::split_delimited(body, ',', file);
  if (rows.empty()) fail(file, 1, 1, "header", "no header", "a header line: " + fmt::format("{}", fmt::join(scalar_columns(), ",")) + ",…");
  const std::vector<std::string> names = all_columns();
  const io::TextRow& header = rows[0];
  for (std::size_t c = 0; c < names.size(); ++c) {
    if (c >= header.size() || header[c].text != names[c]) {
      const io::TextCell& at = c < header.size() ? header[c] : header.back();
      fail(file, at.line, at.column, "header", c < header.size() ? "column '" + header[c].text + "'" : "too few columns",
           "column " + std::to_string(c + 1) + " named '" + names[c] + "'");
    }
  }
  if (header.size() != names.size())
    fail(file, header.back().line, header.back().column, "header", "too many columns", std::to_string(names.size()) + " columns");
  for (std::size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() != names.size())
      fail(file, rows[r].back().line, rows[r].back().column, "row", fmt::format("{} cells", rows[r].size()),
           fmt::format("{} cells, like the header", names.size()));
    t.models.push_back(read_row(rows[r], file));
  }
  return t;
}

std::string write_skill_csv(const SkillTable& t) {
  std::string out = "# parley skill table (docs/skill.md): cross-validated errors of each model on real outcomes\n";
  out += "# data: " + t.data + "\n# command: " + t.command + "\n# version: " + t.version + "\n";
  out += fmt::format("{}\n", fmt::join(all_columns(), ","));
  for (const ModelSkill& m : t.models) {
    out += fmt::format("{},{},{},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g}", io::csv_quote(m.model), m.issues,
                       m.repeats, m.mae, m.mae_sd, m.mae_low, m.mae_high, m.rmse, m.median_error, m.bias, m.relative_mae, m.relative_mae_sd,
                       m.weight);
    for (double x : m.half_width) out += fmt::format(",{:.6g}", x);
    for (double x : m.coverage) out += fmt::format(",{:.6g}", x);
    for (double x : m.residual_percentiles) out += fmt::format(",{:.6g}", x);
    out += '\n';
  }
  return out;
}

std::vector<PredictiveInterval> predictive_intervals(const ModelSkill& skill, double forecast, double lo, double hi) {
  std::vector<PredictiveInterval> out;
  for (std::size_t k = 0; k < skill.half_width.size() && k < interval_levels().size(); ++k) {
    const double h = skill.half_width[k] * (hi - lo);
    out.push_back({interval_levels()[k], std::max(lo, forecast - h), std::min(hi, forecast + h)});
  }
  return out;
}

}  // namespace parley
