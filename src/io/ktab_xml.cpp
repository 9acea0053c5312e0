// KTAB's SMP XML scenario (smpExample.xml): actors, dimensions, model parameters, PRNG seed and
// the ideal-adjustment (accommodation) pairs. The model parameters become options of the smp model
// as written, with where they were written; the smp model checks their values
// (check_scenario_options, Model::run).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <pugixml.hpp>
#include <unordered_set>

#include "core/checks.hpp"
#include "io/importers.hpp"
#include "parley/error.hpp"

namespace parley::io {

namespace {

class XmlReader {
 public:
  XmlReader(const std::string& content, const std::string& file) : content_(content), file_(file) {}

  /// The file, line and column of a byte offset (line and column 0 for a negative offset).
  SourcePosition position(std::ptrdiff_t offset) const {
    std::size_t line = 1, column = 1;
    const auto end = static_cast<std::size_t>(
        std::max<std::ptrdiff_t>(0, std::min<std::ptrdiff_t>(offset, static_cast<std::ptrdiff_t>(content_.size()))));
    for (std::size_t k = 0; k < end; ++k) {
      if (content_[k] == '\n')
        ++line, column = 1;
      else if ((static_cast<unsigned char>(content_[k]) & 0xC0) != 0x80)
        ++column;
    }
    const int l = offset < 0 ? 0 : static_cast<int>(line), c = offset < 0 ? 0 : static_cast<int>(column);
    return {file_, l, c};
  }
  /// The position of the element's '<'.
  SourcePosition position(const pugi::xml_node& at) const {
    std::ptrdiff_t offset = at.offset_debug();
    if (offset > 0 && static_cast<std::size_t>(offset) <= content_.size() && content_[static_cast<std::size_t>(offset - 1)] == '<')
      --offset;
    return position(offset);
  }

  [[noreturn]] void fail(std::ptrdiff_t offset, const std::string& field, std::string problem, std::string expected) const {
    throw InputError(position(offset), field, std::move(problem), std::move(expected));
  }
  /// Points at the element's '<'.
  [[noreturn]] void fail(const pugi::xml_node& at, const std::string& field, std::string problem, std::string expected) const {
    throw InputError(position(at), field, std::move(problem), std::move(expected));
  }

  pugi::xml_node child(const pugi::xml_node& parent, const char* name, const std::string& path) const {
    pugi::xml_node c = parent.child(name);
    if (!c) fail(parent, path + "/" + name, "missing", "a <" + std::string(name) + "> element");
    return c;
  }

  /// The element's text without surrounding white space.
  static std::string trimmed(const pugi::xml_node& node) {
    const std::string t = node.child_value();
    const auto b = t.find_first_not_of(" \t\r\n"), e = t.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? "" : t.substr(b, e - b + 1);
  }

  std::string text(const pugi::xml_node& node, const std::string& field) const {
    std::string t = trimmed(node);
    if (t.empty()) fail(node, field, "empty", "a value");
    return t;
  }

  /// The element's number; within [lo, hi] (`what` names the range), or positive when lo > hi.
  double number(const pugi::xml_node& node, const std::string& field, double lo, double hi, const char* what) const {
    const std::string t = trimmed(node);
    double x = 0;
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), x);
    if (t.empty() || ec != std::errc() || ptr != t.data() + t.size())
      fail(node, field, t.empty() ? "empty" : "got '" + t + "'",
           lo > hi ? std::string("a positive number") : fmt::format("a number in [{}, {}]", lo, hi));
    const auto bad = lo > hi ? checks::positive(Uncertain::point(x)) : checks::within(Uncertain::point(x), lo, hi, what);
    if (bad) fail(node, field, bad->problem, bad->expected);
    return x;
  }

 private:
  const std::string& content_;
  const std::string& file_;
};

/// The smp option a KTAB model parameter sets ("VictoryProbModel" -> "victory"), or "" when the
/// element is not one. The values are KTAB's names, which the smp model accepts.
std::string option_for_parameter(const std::string& element) {
  static const std::initializer_list<std::pair<const char*, const char*>> table = {
      {"VictoryProbModel", "victory"}, {"PCEModel", "pce"},         {"StateTransitions", "transitions"}, {"VotingRule", "voting"},
      {"BigRAdjust", "risk_adjust"},   {"BigRRange", "risk_range"}, {"ThirdPartyCommit", "third_party"}, {"InterVecBrgn", "interpolation"},
      {"BargnModel", "bargain"}};
  for (const auto& [k, o] : table)
    if (element == k) return o;
  return "";
}

void read_parameters(const XmlReader& r, const pugi::xml_node& scen, Scenario& s) {
  auto& options = s.model_options["smp"];
  auto& origins = s.model_option_origins["smp"];
  const pugi::xml_node seed = r.child(scen, "prngSeed", "Scenario");
  const std::string digits = r.text(seed, "Scenario/prngSeed");
  std::uint64_t value = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || ptr != digits.data() + digits.size())
    r.fail(seed, "Scenario/prngSeed", "got '" + digits + "'", "a whole number in [0, 18446744073709551615]");
  options["seed"] = std::to_string(value);
  origins["seed"] = {r.position(seed), "Scenario/prngSeed"};
  const pugi::xml_node params = scen.child("ModelParameters");
  if (!params) return;
  for (const pugi::xml_node& p : params.children()) {
    if (p.type() != pugi::node_element) continue;
    const std::string field = "Scenario/ModelParameters/" + std::string(p.name());
    const std::string option = option_for_parameter(p.name());
    if (option.empty())
      r.fail(
          p, field, "unknown model parameter",
          "VictoryProbModel, PCEModel, StateTransitions, VotingRule, BigRAdjust, BigRRange, ThirdPartyCommit, InterVecBrgn or BargnModel");
    options[option] = r.text(p, field);
    origins[option] = {r.position(p), field};
  }
}

/// XML 1.0's Char: what a character reference (&#N; or &#xN;) may name.
bool is_xml_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/// Refuses a character reference to what XML does not allow (&#0;, &#1;, a surrogate), which
/// pugixml would decode anyway (&#0; as the end of the text). Comments and CDATA sections, where
/// "&#" is plain text, are skipped; a malformed reference is left to pugixml.
void check_character_references(const XmlReader& r, const std::string& content) {
  const std::size_t n = content.size();
  for (std::size_t k = 0; k < n; ++k) {
    for (const auto& [open, close] : {std::pair<const char*, const char*>{"<!--", "-->"}, {"<![CDATA[", "]]>"}})
      if (content.compare(k, std::strlen(open), open) == 0) {
        k = content.find(close, k + std::strlen(open));
        if (k == std::string::npos) return;
      }
    if (content.compare(k, 2, "&#") != 0) continue;
    std::size_t j = k + 2;
    const bool hex = j < n && (content[j] == 'x' || content[j] == 'X');
    if (hex) ++j;
    std::uint32_t value = 0;
    const std::size_t digits_from = j;
    for (; j < n && (hex ? std::isxdigit(static_cast<unsigned char>(content[j])) : std::isdigit(static_cast<unsigned char>(content[j])));
         ++j) {
      const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(content[j])));
      const std::uint32_t digit = c <= '9' ? static_cast<std::uint32_t>(c - '0') : static_cast<std::uint32_t>(c - 'a' + 10);
      value = std::min<std::uint32_t>(value * (hex ? 16 : 10) + digit, 0x110000);
    }
    if (j == digits_from || j >= n || content[j] != ';') continue;
    if (!is_xml_char(value))
      r.fail(static_cast<std::ptrdiff_t>(k), "",
             "the character reference '" + content.substr(k, j - k + 1) + "' names a character XML does not allow",
             "a character other than U+0000, a control character (but tab and line breaks) or a surrogate");
  }
}

}  // namespace

bool looks_like_xml(const std::string& content) {
  std::size_t k = content.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (k < content.size() && std::isspace(static_cast<unsigned char>(content[k]))) ++k;
  return k < content.size() && content[k] == '<';
}

Scenario read_ktab_xml(const std::string& content, const std::string& file) {
  const XmlReader r(content, file);
  check_character_references(r, content);
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(content.data(), content.size());
  if (!parsed) r.fail(parsed.offset, "", std::string("malformed XML: ") + parsed.description(), "a well-formed KTAB SMP XML file");
  const pugi::xml_node scen = doc.child("Scenario");
  if (!scen) r.fail(doc.first_child(), "Scenario", "no root element <Scenario>", "a KTAB SMP scenario");
  Scenario s;
  if (const pugi::xml_node n = scen.child("name")) s.metadata.title = n.child_value();
  if (const pugi::xml_node n = scen.child("desc")) s.metadata.description = n.child_value();
  read_parameters(r, scen, s);

  std::vector<Issue> issues;
  std::unordered_set<std::string> issue_ids;
  for (const pugi::xml_node& dn : r.child(scen, "Dimensions", "Scenario").children("dName")) {
    Issue issue;
    issue.label = r.text(dn, "Scenario/Dimensions/dName");
    issue.id = slug(issue.label);
    if (issue.id.empty() || checks::identifier(issue.id) || !issue_ids.insert(issue.id).second)
      issue.id = fmt::format("dim{}", issues.size() + 1);
    issue_ids.insert(issue.id);
    issue.scale = {0, 100, "", ""};
    issues.push_back(std::move(issue));
  }
  const std::size_t d = issues.size();
  if (d == 0) r.fail(scen.child("Dimensions"), "Scenario/Dimensions", "no <dName>", "at least one dimension");
  for (Issue& issue : issues) s.add_issue(std::move(issue));

  std::size_t a = 0;
  for (const pugi::xml_node& an : r.child(scen, "Actors", "Scenario").children("Actor")) {
    const std::string path = fmt::format("Scenario/Actors/Actor[{}]", a + 1);
    Actor actor;
    actor.id = r.text(r.child(an, "name", path), path + "/name");
    if (auto bad = checks::identifier(actor.id)) r.fail(an.child("name"), path + "/name", bad->problem, bad->expected);
    if (s.find_actor(actor.id)) r.fail(an.child("name"), path + "/name", "duplicate actor '" + actor.id + "'", "unique actor names");
    actor.name = actor.id;
    actor.capability.value = Uncertain::point(r.number(r.child(an, "capability", path), path + "/capability", 1, 0, ""));
    s.add_actor(std::move(actor));
    std::vector<double> pos, sal;
    for (const pugi::xml_node& c : r.child(an, "Position", path).children("dCoord"))
      pos.push_back(r.number(c, fmt::format("{}/Position/dCoord[{}]", path, pos.size() + 1), 0, 100, "the scale"));
    for (const pugi::xml_node& c : r.child(an, "Salience", path).children("dSal"))
      sal.push_back(r.number(c, fmt::format("{}/Salience/dSal[{}]", path, sal.size() + 1), 0, 100, "the salience range"));
    if (pos.size() != d)
      r.fail(an.child("Position"), path + "/Position", fmt::format("{} dCoord", pos.size()), fmt::format("{}, one per dimension", d));
    if (sal.size() != d)
      r.fail(an.child("Salience"), path + "/Salience", fmt::format("{} dSal", sal.size()), fmt::format("{}, one per dimension", d));
    double total = 0;
    for (std::size_t k = 0; k < d; ++k) {
      total += sal[k];
      s.stance(k, a).position = Parameter{Uncertain::point(pos[k]), -1};
      s.stance(k, a).salience = Parameter{Uncertain::point(sal[k] / 100.0), -1};
    }
    if (total > 100 + 1e-6)
      r.fail(an.child("Salience"), path + "/Salience", fmt::format("saliences sum to {}", total), "a sum of at most 100");
    ++a;
  }
  if (a == 0) r.fail(scen.child("Actors"), "Scenario/Actors", "no <Actor>", "at least one actor");

  if (const pugi::xml_node ia = scen.child("IdealAdjustment")) {
    std::size_t k = 0;
    for (const pugi::xml_node& pair : ia.children("iaPair")) {
      const std::string path = fmt::format("Scenario/IdealAdjustment/iaPair[{}]", ++k);
      auto actor_of = [&](const char* name) {
        const pugi::xml_node n = r.child(pair, name, path);
        const std::string who = r.text(n, path + "/" + name);
        const auto idx = s.find_actor(who);
        if (!idx) r.fail(n, path + "/" + name, "unknown actor '" + who + "'", "the name of an actor of this scenario");
        return *idx;
      };
      IdealAdjustment adj;
      adj.actor = actor_of("adjustingIdeal");
      adj.toward = actor_of("referencePos");
      adj.rate = r.number(r.child(pair, "adjust", path), path + "/adjust", 0, 1, "the rates");
      s.ideal_adjustments.push_back(adj);
    }
  }
  return s;
}

}  // namespace parley::io
