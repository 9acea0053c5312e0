#include <fmt/format.h>

#include <array>
#include <unordered_map>
#include <unordered_set>

#include "core/checks.hpp"
#include "io/eu_council.hpp"
#include "io/importers.hpp"
#include "io/text_table.hpp"

namespace parley::io {

namespace {

struct DeuActor {
  const char* code;
  const char* name;
  ActorKind kind;
};

// The 30 actors of DEU III in the table's column order.
constexpr std::array<DeuActor, 30> kActors{{
    {"com", "European Commission", ActorKind::organisation},
    {"ep", "European Parliament", ActorKind::organisation},
    {"at", "Austria", ActorKind::government},
    {"be", "Belgium", ActorKind::government},
    {"bu", "Bulgaria", ActorKind::government},
    {"cr", "Croatia", ActorKind::government},
    {"cy", "Cyprus", ActorKind::government},
    {"cz", "Czechia", ActorKind::government},
    {"dk", "Denmark", ActorKind::government},
    {"ee", "Estonia", ActorKind::government},
    {"fi", "Finland", ActorKind::government},
    {"fr", "France", ActorKind::government},
    {"de", "Germany", ActorKind::government},
    {"el", "Greece", ActorKind::government},
    {"hu", "Hungary", ActorKind::government},
    {"ie", "Ireland", ActorKind::government},
    {"it", "Italy", ActorKind::government},
    {"lv", "Latvia", ActorKind::government},
    {"lt", "Lithuania", ActorKind::government},
    {"lu", "Luxembourg", ActorKind::government},
    {"mt", "Malta", ActorKind::government},
    {"nl", "Netherlands", ActorKind::government},
    {"pl", "Poland", ActorKind::government},
    {"pt", "Portugal", ActorKind::government},
    {"ro", "Romania", ActorKind::government},
    {"si", "Slovenia", ActorKind::government},
    {"sk", "Slovakia", ActorKind::government},
    {"es", "Spain", ActorKind::government},
    {"se", "Sweden", ActorKind::government},
    {"uk", "United Kingdom", ActorKind::government},
}};

[[noreturn]] void fail(const std::string& file, const TextCell& at, const std::string& field, std::string problem, std::string expected) {
  throw InputError({file, at.line, at.column}, field, std::move(problem), std::move(expected));
}

struct Columns {
  std::size_t isnr = 0, prnr = 0, prname = 0, rp = 0, out = 0;
  std::optional<std::size_t> intro;  // needed by --capability council only
  std::array<std::size_t, 30> position{}, salience{};
  std::size_t width = 0;
};

Columns find_columns(const TextRow& header, const std::string& file) {
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t c = 0; c < header.size(); ++c) index.emplace(header[c].text, c);
  auto column = [&](const std::string& name) {
    auto it = index.find(name);
    if (it == index.end()) fail(file, header[0], "header", "no column '" + name + "'", "the DEU III columns (see docs/importers.md)");
    return it->second;
  };
  Columns c;
  c.isnr = column("isnr");
  c.prnr = column("prnr");
  c.prname = column("prname");
  if (auto it = index.find("intro"); it != index.end()) c.intro = it->second;
  c.rp = column("rp");
  c.out = column("out");
  for (std::size_t a = 0; a < kActors.size(); ++a) {
    c.position[a] = column(std::string("p") + kActors[a].code);
    c.salience[a] = column(std::string("s") + kActors[a].code);
  }
  c.width = header.size();
  return c;
}

std::optional<double> on_scale(const TextCell& cell, const std::string& file, const std::string& field) {
  auto x = optional_cell_number(cell, file, field);
  if (x)
    if (auto bad = checks::within(Uncertain::point(*x), 0, 100, "the scale")) fail(file, cell, field, bad->problem, bad->expected);
  return x;
}

/// Issue-specific capabilities from the Council votes of the proposal's era: each member state
/// taking part gets its weight relative to the mean weight of the member states taking part; the
/// Commission and the Parliament keep 1.
void set_council_capabilities(Scenario& s, std::size_t i, const TextCell& intro, const std::string& file) {
  const auto year = deu_intro_year(intro.text, intro.quoted);
  if (!year)
    fail(file, intro, "intro", "'" + intro.text + "'", "the date the proposal was introduced, dd-mm-yy (needed by --capability council)");
  CouncilEra era = council_era(*year);
  // Acceding states take part in proposals introduced before their accession (DEU records their
  // positions): such a proposal was decided in the enlarged Union, under the Treaty of Nice.
  for (std::size_t a = 0; a < kActors.size(); ++a)
    if (era == CouncilEra::amsterdam && kActors[a].kind == ActorKind::government && s.stance(i, a).position &&
        !council_weight(kActors[a].code, era))
      era = CouncilEra::nice;
  std::vector<std::pair<std::size_t, double>> weights;
  double sum = 0;
  for (std::size_t a = 0; a < kActors.size(); ++a) {
    if (kActors[a].kind != ActorKind::government || !s.stance(i, a).position) continue;
    const auto w = council_weight(kActors[a].code, era);
    if (!w)
      fail(file, intro, std::string("p") + kActors[a].code,
           fmt::format("{} takes part in a proposal of {}, when it had no {}", kActors[a].name, *year, to_string(era)),
           "member states of that time only");
    weights.emplace_back(a, *w);
    sum += *w;
  }
  for (const auto& [a, w] : weights)
    s.stance(i, a).capability = Parameter{Uncertain::point(w * static_cast<double>(weights.size()) / sum), -1};
}

}  // namespace

bool looks_like_deu(const std::string& content) {
  const std::size_t end = content.find('\n');
  const std::string first = content.substr(0, end);
  return first.find('\t') != std::string::npos && first.find("isnr") != std::string::npos && first.find("pcom") != std::string::npos;
}

Scenario read_deu_table(const std::string& content, const std::string& file, DeuCapability capability) {
  const std::vector<TextRow> rows = split_delimited(content, '\t', file);
  if (rows.empty()) throw InputError({file, 0, 0}, "", "the file is empty", "a DEU III table");
  const Columns col = find_columns(rows[0], file);
  for (std::size_t r = 1; r < rows.size(); ++r)
    if (rows[r].size() != col.width)
      fail(file, rows[r].back(), "row", fmt::format("{} cells", rows[r].size()), fmt::format("{} cells, like the header", col.width));
  if (rows.size() < 2 || !rows[1][col.isnr].text.empty())
    fail(file, rows.size() < 2 ? rows[0][0] : rows[1][0], "row 2", "no capability row", "row 2 with the GDP proxy per actor and no issue");
  if (rows.size() < 3)
    fail(file, rows[1][0], "issues", "no issue rows after the capability row", "at least one issue row (one per controversial issue)");

  Scenario s;
  s.metadata.title = "DEU III (" + file + ")";
  s.metadata.description = "EU legislative negotiations with observed outcomes; one issue per controversial issue of a proposal.";
  s.metadata.sources.push_back({"deu3", "Arregui, J. & Perarnaud, C. (2021), The Decision-making in the European Union dataset (DEU III)",
                                "https://doi.org/10.34810/data53", "CC BY 4.0"});
  const TextRow& gdp = rows[1];
  for (std::size_t a = 0; a < kActors.size(); ++a) {
    Actor actor{kActors[a].code, kActors[a].name, kActors[a].kind, {}, "", std::nullopt};
    double c = 1;
    if (capability == DeuCapability::gdp) {
      const TextCell& cell = gdp[col.position[a]];
      c = cell_number(cell, file, std::string("capability of ") + kActors[a].code);
      if (auto bad = checks::positive(Uncertain::point(c)))
        fail(file, cell, std::string("capability of ") + kActors[a].code, bad->problem, bad->expected);
    }
    actor.capability.value = Uncertain::point(c);
    s.add_actor(std::move(actor));
  }
  s.reserve(rows.size() - 2, kActors.size());
  std::unordered_set<std::string> ids;
  for (std::size_t r = 2; r < rows.size(); ++r) {
    const TextRow& row = rows[r];
    Issue issue;
    issue.id = row[col.isnr].text;
    if (auto bad = checks::identifier(issue.id)) fail(file, row[col.isnr], "isnr", bad->problem, bad->expected);
    if (!ids.insert(issue.id).second) fail(file, row[col.isnr], "isnr", "duplicate issue '" + issue.id + "'", "unique issue ids");
    issue.label = row[col.prname].text + " / " + issue.id;
    issue.group = row[col.prnr].text;
    issue.scale = {0, 100, "", ""};
    if (auto rp = on_scale(row[col.rp], file, "rp")) issue.status_quo = Parameter{Uncertain::point(*rp), -1};
    issue.outcome = on_scale(row[col.out], file, "out");
    const std::size_t i = s.add_issue(std::move(issue));
    for (std::size_t a = 0; a < kActors.size(); ++a) {
      const auto x = on_scale(row[col.position[a]], file, std::string("p") + kActors[a].code);
      const auto sal = on_scale(row[col.salience[a]], file, std::string("s") + kActors[a].code);
      if (!x) continue;  // no position: the actor did not take part
      Stance& st = s.stance(i, a);
      st.position = Parameter{Uncertain::point(*x), -1};
      if (sal) st.salience = Parameter{Uncertain::point(*sal / 100.0), -1};
    }
    if (capability == DeuCapability::council) {
      if (!col.intro) fail(file, rows[0][0], "header", "no column 'intro'", "the DEU III column 'intro' (needed by --capability council)");
      set_council_capabilities(s, i, row[*col.intro], file);
    }
  }
  return s;
}

}  // namespace parley::io
