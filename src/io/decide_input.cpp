// Decide's input format (the exchange model's data files, docs/importers.md): #A actors, #P issues,
// #M position meanings whose extremes set each issue's scale, #D actor, issue, position, salience
// and power.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <unordered_map>

#include "core/checks.hpp"
#include "io/decide_records.hpp"
#include "io/importers.hpp"

namespace parley::io {

namespace {

[[noreturn]] void fail(const std::string& file, const TextCell& at, const std::string& field, std::string problem, std::string expected) {
  throw InputError({file, at.line, at.column}, field, std::move(problem), std::move(expected));
}

/// The cells of a record as Decide reads them: `fields` of them, the last holding what follows it
/// joined by spaces; `required` of them must be there and, when `non_empty`, not empty.
std::vector<TextCell> fields_of(const DecideRecord& r, std::size_t fields, std::size_t required, const char* layout,
                                const std::string& file) {
  std::vector<TextCell> out(r.cells.begin(), r.cells.begin() + static_cast<std::ptrdiff_t>(std::min(fields, r.cells.size())));
  for (std::size_t c = fields; c < r.cells.size(); ++c) out.back().text += " " + r.cells[c].text;
  for (std::size_t c = 0; c < required; ++c) {
    if (c >= out.size()) {
      TextCell at = r.cells.empty() ? r.key : r.cells.back();
      fail(file, at, r.key.text, fmt::format("{} field{} after {}", out.size(), out.size() == 1 ? "" : "s", r.key.text), layout);
    }
    if (out[c].text.empty()) fail(file, out[c], r.key.text, "an empty field", layout);
  }
  return out;
}

/// A parley id for a Decide key: the key itself when it is one, else the key with every run of
/// other characters than letters, digits and `_ - . : /` as one '-'.
std::string id_for(const TextCell& key, const std::string& file, const char* what) {
  if (!checks::identifier(key.text)) return key.text;
  std::string id;
  for (char c : key.text) {
    if (!checks::identifier(std::string(1, c)))
      id += c;
    else if (!id.empty() && id.back() != '-')
      id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.empty()) fail(file, key, what, "'" + key.text + "' has no letter or digit", "an id with letters or digits");
  return id;
}

struct Named {
  std::size_t index;
  int line;
};

/// Keys as written in the file to indices, with the parley ids they became kept distinct.
class Keys {
 public:
  explicit Keys(const char* what) : what_(what) {}
  std::size_t add(const TextCell& key, const std::string& id, const std::string& file) {
    if (auto it = keys_.find(key.text); it != keys_.end())
      fail(file, key, what_, fmt::format("{} '{}' is defined twice (first on line {})", what_, key.text, it->second.line),
           fmt::format("one #{} line per {}", what_[0] == 'a' ? 'A' : 'P', what_));
    if (auto it = ids_.find(id); it != ids_.end())
      fail(file, key, what_,
           fmt::format("'{}' becomes the id '{}', as '{}' on line {} does", key.text, id, it->second.first, it->second.second),
           "keys that stay distinct with each run of characters other than letters, digits and _ - . : / as '-'");
    ids_.emplace(id, std::make_pair(key.text, key.line));
    const std::size_t index = keys_.size();
    keys_.emplace(key.text, Named{index, key.line});
    return index;
  }
  std::size_t find(const TextCell& key, const std::string& file, const std::string& field) const {
    auto it = keys_.find(key.text);
    if (it == keys_.end())
      fail(file, key, field, fmt::format("unknown {} '{}'", what_, key.text),
           fmt::format("the key of a #{} line", what_[0] == 'a' ? 'A' : 'P'));
    return it->second.index;
  }

 private:
  const char* what_;
  std::unordered_map<std::string, Named> keys_;
  std::unordered_map<std::string, std::pair<std::string, int>> ids_;
};

struct Meaning {
  double position;
  TextCell cell;  // the position's
  std::string text;
};

struct Row {  // one #D line
  std::size_t actor, issue;
  double position, salience, power;
};

struct Parsed {
  Scenario s;
  Keys actors{"actor"}, issues{"issue"};
  std::vector<std::vector<Meaning>> meanings;               // by issue
  std::vector<std::vector<TextCell>> pending_m, pending_d;  // the fields of #M and #D lines, read once all keys are known
  std::vector<Actor> actor_list;  // in the order of the file, added to `s` at once (adding one by one re-lays the stances)
  std::vector<Issue> issue_list;
};

constexpr const char* kActorLayout = "#A, key, name, comment";
constexpr const char* kIssueLayout = "#P, key, name, description";
constexpr const char* kMeaningLayout = "#M, issue key, position, meaning";
constexpr const char* kStanceLayout = "#D, actor key, issue key, position, salience, power";

void read_definitions(const std::vector<DecideRecord>& records, Parsed& p, const std::string& file) {
  for (const DecideRecord& r : records) {
    const std::string& k = r.key.text;
    if (k == "#A") {
      const auto f = fields_of(r, 3, 1, kActorLayout, file);
      Actor actor;
      actor.id = id_for(f[0], file, "#A");
      actor.name = f.size() > 1 && !f[1].text.empty() ? f[1].text : f[0].text;
      actor.capability.value = Uncertain::point(1);
      p.actors.add(f[0], actor.id, file);
      p.actor_list.push_back(std::move(actor));
    } else if (k == "#P") {
      const auto f = fields_of(r, 3, 1, kIssueLayout, file);
      Issue issue;
      issue.id = id_for(f[0], file, "#P");
      issue.label = f.size() > 1 && !f[1].text.empty() ? f[1].text : f[0].text;
      p.issues.add(f[0], issue.id, file);
      p.issue_list.push_back(std::move(issue));
    } else if (k == "#M") {
      p.pending_m.push_back(fields_of(r, 3, 2, kMeaningLayout, file));
    } else if (k == "#D") {
      p.pending_d.push_back(fields_of(r, 6, 5, kStanceLayout, file));
    } else if (k == "#O") {
      const auto f = fields_of(r, 1, 0, "#O, description", file);
      if (!f.empty() && !f[0].text.empty()) p.s.metadata.description += (p.s.metadata.description.empty() ? "" : "\n") + f[0].text;
    } else {
      fail(file, r.key, "record", "'" + k + "'", "a line starting with #A, #P, #M, #D, #O or a comment (#/)");
    }
  }
}

/// Each issue's scale from its #M positions: [smallest, largest] with their meanings as the labels;
/// 0–100 without any, as in Decide.
void read_meanings(Parsed& p, const std::string& file) {
  p.meanings.resize(p.s.issues().size());
  for (const auto& f : p.pending_m) {
    const std::size_t i = p.issues.find(f[0], file, "#M issue");
    const double x = cell_number(f[1], file, "#M position");
    for (const Meaning& m : p.meanings[i])
      if (m.position == x)
        fail(file, f[1], "#M position",
             fmt::format("position {} of issue '{}' is given twice (first on line {})", f[1].text, f[0].text, m.cell.line),
             "one #M line per position");
    p.meanings[i].push_back({x, f[1], f.size() > 2 ? f[2].text : ""});
  }
  for (std::size_t i = 0; i < p.meanings.size(); ++i) {
    const auto& ms = p.meanings[i];
    Scale& scale = p.s.issue(i).scale;
    if (ms.empty()) continue;  // Decide's default: 0-100
    const auto [lo, hi] =
        std::minmax_element(ms.begin(), ms.end(), [](const Meaning& a, const Meaning& b) { return a.position < b.position; });
    if (ms.size() < 2)
      fail(file, lo->cell, "#M position", fmt::format("issue '{}' has a single #M position", p.s.issue(i).label),
           "at least two #M positions of different value (the ends of the scale), or none for Decide's 0-100");
    scale = {lo->position, hi->position, lo->text, hi->text};
    if (auto bad = checks::scale(scale)) fail(file, hi->cell, "#M position", bad->problem, bad->expected);
  }
}

double number_in(const TextCell& cell, const std::string& file, const char* field, double lo, double hi, const char* expected) {
  const double x = cell_number(cell, file, field);
  if (x < lo || x > hi) fail(file, cell, field, "got " + cell.text, expected);
  return x;
}

std::vector<Row> read_stances(Parsed& p, const std::string& file) {
  std::vector<Row> rows;
  std::map<std::pair<std::size_t, std::size_t>, int> seen;
  for (const auto& f : p.pending_d) {
    Row row{p.actors.find(f[0], file, "#D actor"), p.issues.find(f[1], file, "#D issue"), 0, 0, 0};
    if (auto [it, fresh] = seen.emplace(std::make_pair(row.actor, row.issue), f[0].line); !fresh)
      fail(file, f[0], "#D actor", fmt::format("'{}' already has a position on '{}' (line {})", f[0].text, f[1].text, it->second),
           "one #D line per actor and issue");
    const Scale& scale = p.s.issue(row.issue).scale;
    row.position = cell_number(f[2], file, "#D position");
    if (row.position < scale.min || row.position > scale.max)
      fail(file, f[2], "#D position", fmt::format("{} is outside the scale of '{}', [{}, {}]", f[2].text, f[1].text, scale.min, scale.max),
           fmt::format("a position within [{}, {}], the issue's smallest and largest #M positions", scale.min, scale.max));
    row.salience = number_in(f[3], file, "#D salience", 0, 100, "a salience in [0, 1] or [0, 100]");
    row.power = number_in(f[4], file, "#D power", 0, 100, "a power in (0, 100]");
    if (row.power <= 0) fail(file, f[4], "#D power", "got " + f[4].text, "a power > 0 (parley's capabilities are > 0)");
    rows.push_back(row);
  }
  return rows;
}

/// Saliences on 0-1 as they are; when any is above 1, the file's saliences are on 0-100 and all are
/// divided by 100. An actor's capability is its power where that is the same on every issue, else
/// the mean of its powers, with each stance whose power differs carrying its own.
void fill_stances(Scenario& s, const std::vector<Row>& rows) {
  const bool percent = std::any_of(rows.begin(), rows.end(), [](const Row& r) { return r.salience > 1; });
  std::vector<double> sum(s.actors().size(), 0.0);
  std::vector<std::size_t> count(s.actors().size(), 0);
  std::vector<bool> varies(s.actors().size(), false);
  std::vector<double> first(s.actors().size(), 0.0);
  for (const Row& r : rows) {
    if (count[r.actor] == 0) first[r.actor] = r.power;
    if (r.power != first[r.actor]) varies[r.actor] = true;
    sum[r.actor] += r.power;
    ++count[r.actor];
  }
  for (std::size_t a = 0; a < s.actors().size(); ++a) {
    if (count[a] == 0) continue;
    s.actor(a).capability.value = Uncertain::point(varies[a] ? sum[a] / static_cast<double>(count[a]) : first[a]);
  }
  for (const Row& r : rows) {
    Stance& st = s.stance(r.issue, r.actor);
    st.position = Parameter{Uncertain::point(r.position), -1};
    st.salience = Parameter{Uncertain::point(percent ? r.salience / 100.0 : r.salience), -1};
    if (r.power != s.actor(r.actor).capability.point()) st.capability = Parameter{Uncertain::point(r.power), -1};
  }
}

/// Whether the line from k to end starts with a Decide key (quoted or not) and a separator: a
/// record (#A, #P, #M, #D), or a comment (#/, #0, followed by anything) or description (#O).
bool is_record_key(const std::string& content, std::size_t k, std::size_t end, bool& comment) {
  const bool quoted = content[k] == '\'' || content[k] == '"';
  const char quote = quoted ? content[k++] : '\0';
  if (k + 1 >= end || content[k] != '#') return false;
  const char c = content[k + 1];
  k += 2;
  if (quoted && (k >= end || content[k++] != quote)) return false;
  const bool separated = k < end && (content[k] == '\t' || content[k] == ';' || content[k] == ',');
  comment = c == '/' || c == '0' || c == 'O';
  if (c == '/' || c == '0') return true;  // a comment: anything may follow
  if (comment) return separated || k >= end || content[k] == '\r';
  return separated && (c == 'A' || c == 'P' || c == 'M' || c == 'D');
}

}  // namespace

bool looks_like_decide(const std::string& content) {
  std::size_t begin = content.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  for (int lines = 0; begin < content.size() && lines < 1000; ++lines) {
    std::size_t end = content.find('\n', begin);
    if (end == std::string::npos) end = content.size();
    std::size_t k = begin;
    while (k < end && (content[k] == ' ' || content[k] == '\r')) ++k;
    if (k < end) {
      bool comment = false;
      if (!is_record_key(content, k, end, comment)) return false;
      if (!comment) return true;
    }
    begin = end + 1;
  }
  return false;
}

Scenario read_decide(const std::string& content, const std::string& file) {
  const auto separator = decide_separator(content);
  if (!separator)
    throw InputError({file, 1, 1}, "", "no line starts with a record key followed by a separator",
                     "a Decide input file: lines such as '#A'<tab>'key'<tab>'name' (separated by tabs, ';' or ',')");
  const std::vector<DecideRecord> records = split_decide_records(content, *separator, file);
  Parsed p;
  read_definitions(records, p, file);
  if (p.actor_list.empty()) throw InputError({file, 0, 0}, "#A", "the file defines no actor", "at least one #A line");
  if (p.issue_list.empty()) throw InputError({file, 0, 0}, "#P", "the file defines no issue", "at least one #P line");
  p.s.reserve(p.issue_list.size(), p.actor_list.size());
  for (Actor& actor : p.actor_list) p.s.add_actor(std::move(actor));
  for (Issue& issue : p.issue_list) p.s.add_issue(std::move(issue));
  read_meanings(p, file);
  fill_stances(p.s, read_stances(p, file));
  const std::string name = std::filesystem::path(file).filename().string();
  const std::string stem = std::filesystem::path(file).stem().string();
  p.s.metadata.title = stem.empty() ? "Decide input" : stem;
  p.s.metadata.sources.push_back({"decide-input", "Decide exchange-model input file " + name, "", ""});
  return std::move(p.s);
}

}  // namespace parley::io
