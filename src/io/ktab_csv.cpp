#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "core/checks.hpp"
#include "io/importers.hpp"
#include "io/text_table.hpp"

namespace parley::io {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

/// "Policy Position" -> "Policy"; "Pos1" stays.
std::string dimension_label(const std::string& header) {
  const std::string l = lower(header);
  for (const char* suffix : {" position", " pos", " pstn"}) {
    const std::string s(suffix);
    if (l.size() > s.size() && l.compare(l.size() - s.size(), s.size(), s) == 0) return header.substr(0, header.size() - s.size());
  }
  return header;
}

std::size_t non_empty_width(const TextRow& row) {
  std::size_t n = row.size();
  while (n > 0 && row[n - 1].text.empty()) --n;
  return n;
}

[[noreturn]] void fail(const std::string& file, const TextCell& at, const std::string& field, std::string problem, std::string expected) {
  throw InputError({file, at.line, at.column}, field, std::move(problem), std::move(expected));
}

std::size_t count(const TextCell& cell, const std::string& file, const std::string& field) {
  const double x = cell_number(cell, file, field);
  if (x < 1 || x != static_cast<double>(static_cast<long>(x)) || x > 1e7)
    fail(file, cell, field, "got '" + cell.text + "'", "a whole number >= 1");
  return static_cast<std::size_t>(x);
}

}  // namespace

std::string slug(const std::string& label) {
  std::string out;
  for (const char raw : label) {
    const auto c = static_cast<unsigned char>(raw);
    if (std::isalnum(c))
      out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

bool looks_like_ktab_csv(const std::string& content) {
  const std::size_t first_end = content.find('\n');
  if (first_end == std::string::npos) return false;
  std::size_t second = first_end + 1;
  while (second < content.size() && (content[second] == ' ' || content[second] == '\t')) ++second;
  return lower(content.substr(second, 6)) == "actor," || lower(content.substr(second, 6)) == "actor ";
}

Scenario read_ktab_csv(const std::string& content, const std::string& file) {
  const std::vector<TextRow> rows = split_delimited(content, ',', file);
  if (rows.empty()) throw InputError({file, 0, 0}, "", "the file is empty", "a KTAB CSV scenario");
  const TextRow& head = rows[0];
  if (non_empty_width(head) < 4)
    fail(file, head[0], "scenario line", fmt::format("{} cells", non_empty_width(head)), "name,description,nActors,nDims");
  const std::size_t n_actors = count(head[2], file, "nActors");
  const std::size_t n_dims = count(head[3], file, "nDims");
  if (rows.size() < 2) fail(file, head[0], "header", "no header line", "Actor,Description,Influence,Pos1,Sal1,...");
  const TextRow& header = rows[1];
  const std::size_t width = 3 + 2 * n_dims;
  if (non_empty_width(header) < width)
    fail(file, header[0], "header", fmt::format("{} columns", non_empty_width(header)),
         fmt::format("{} columns for {} dimensions (Actor, Description, Influence, then position and salience)", width, n_dims));
  if (rows.size() - 2 != n_actors)
    fail(file, head[2], "nActors", fmt::format("nActors is {} but the file has {} actor rows", n_actors, rows.size() - 2),
         "one row per actor");

  Scenario s;
  s.metadata.title = head[0].text;
  s.metadata.description = head[1].text;
  std::unordered_set<std::string> issue_ids;
  std::vector<Issue> issues;
  for (std::size_t d = 0; d < n_dims; ++d) {
    Issue issue;
    issue.label = dimension_label(header[3 + 2 * d].text);
    issue.id = slug(issue.label);
    if (issue.id.empty() || !issue_ids.insert(issue.id).second) issue.id = fmt::format("dim{}", d + 1);
    issue_ids.insert(issue.id);
    issue.scale = {0, 100, "", ""};
    issues.push_back(std::move(issue));
  }
  std::unordered_set<std::string> actor_ids;
  s.reserve(n_dims, n_actors);
  for (std::size_t r = 2; r < rows.size(); ++r) {
    const TextRow& row = rows[r];
    const std::size_t w = non_empty_width(row);
    if (w != width) fail(file, row[std::min(w, row.size() - 1)], "actor row", fmt::format("{} cells", w), fmt::format("{} cells", width));
    Actor actor;
    actor.id = row[0].text;
    const std::string field = "actor " + actor.id;
    if (auto bad = checks::identifier(actor.id)) fail(file, row[0], "Actor", bad->problem, bad->expected);
    if (!actor_ids.insert(actor.id).second) fail(file, row[0], "Actor", "duplicate actor '" + actor.id + "'", "unique actor names");
    actor.name = row[1].text.empty() ? actor.id : row[1].text;
    actor.capability.value = Uncertain::point(cell_number(row[2], file, field + " Influence"));
    if (auto bad = checks::positive(actor.capability.value)) fail(file, row[2], field + " Influence", bad->problem, bad->expected);
    s.add_actor(std::move(actor));
  }
  for (Issue& issue : issues) s.add_issue(std::move(issue));
  for (std::size_t a = 0; a < n_actors; ++a) {
    const TextRow& row = rows[a + 2];
    double total = 0;
    for (std::size_t d = 0; d < n_dims; ++d) {
      const TextCell& pos = row[3 + 2 * d];
      const TextCell& sal = row[4 + 2 * d];
      const std::string field = s.actor(a).id + " " + header[3 + 2 * d].text;
      const double x = cell_number(pos, file, field);
      if (auto bad = checks::within(Uncertain::point(x), 0, 100, "the scale")) fail(file, pos, field, bad->problem, bad->expected);
      const std::string sal_field = s.actor(a).id + " " + header[4 + 2 * d].text;
      const double salience = cell_number(sal, file, sal_field);
      if (auto bad = checks::within(Uncertain::point(salience), 0, 100, "the salience range"))
        fail(file, sal, sal_field, bad->problem, bad->expected);
      total += salience;
      Stance& st = s.stance(d, a);
      st.position = Parameter{Uncertain::point(x), -1};
      st.salience = Parameter{Uncertain::point(salience / 100.0), -1};
    }
    if (total > 100 + 1e-6)
      fail(file, row[4], s.actor(a).id + " saliences", fmt::format("saliences sum to {}", total),
           "a sum of at most 100 over all dimensions");
  }
  return s;
}

}  // namespace parley::io
