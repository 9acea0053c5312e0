#include "report/package_section.hpp"

#include <fmt/format.h>

#include "report/names.hpp"
#include "report/output/numbers.hpp"
#include "report/svg.hpp"

namespace parley::report {

namespace {

/// "Sanctions 30.0, Ukraine terms 55.0": one value per package issue.
std::string package_values(const Scenario& s, const PackageFeasibility& p, const std::vector<double>& values) {
  std::string text;
  for (std::size_t j = 0; j < p.issues.size(); ++j)
    text += fmt::format("{}{} {:.1f}", j ? ", " : "", escape(s.issue(p.issues[j]).label), values[j]);
  return text;
}

/// "Sanctions [20.0, 40.0], Ukraine terms [55.0, 70.0]": the deal's zone, issue by issue.
std::string zone_text(const Scenario& s, const PackageFeasibility& p) {
  std::string text;
  for (std::size_t j = 0; j < p.issues.size(); ++j)
    text += fmt::format("{}{} {}", j ? ", " : "", escape(s.issue(p.issues[j]).label), to_string(p.zone[j]));
  return text;
}

/// What the linkage's source says, or "".
std::string source_of(const Scenario& s, const Linkage& l) {
  if (l.citation < 0) return "";
  const Citation& c = s.citations[static_cast<std::size_t>(l.citation)];
  const std::string ref = escape(s.metadata.sources[c.reference].id);
  return c.note.empty() ? ref : ref + ": " + escape(c.note);
}

std::string best_cell(const Scenario& s, const PackageFeasibility& p, std::size_t side) {
  if (!p.deal) return "—";
  if (!p.best[side]) return "none: the negotiator has no position in the package";
  const PackagePoint& b = *p.best[side];
  std::string text = package_values(s, p, b.outcome) + fmt::format(" <small>(utility {:.3f}", b.utility);
  if (b.status_quo_utility) text += fmt::format(", status quo {:.3f}", *b.status_quo_utility);
  return text + ")</small>";
}

}  // namespace

std::string package_section(const Scenario& s, const PackageDeals& deals) {
  if (deals.packages.empty()) return "";
  std::string h =
      "<h2>Package deals</h2><p>The linkages the scenario declares, each assessed as a package deal: the issues agreed together, "
      "each side accepting a loss on one issue for a gain on another, with utilities weighted by salience. A deal exists where "
      "the sides' package win-sets intersect; a side's best package is the one its negotiator likes best among them. P(deal): "
      "share of draws with a deal, with 95 % Wilson intervals.</p>";
  h += "<table><tr><th>linkage</th><th>issues</th><th>deal at point values</th>";
  for (const Side& side : s.sides) h += "<th>best for " + escape(side.id) + "</th>";
  h += "<th>P(deal)</th><th>source</th></tr>";
  for (std::size_t q = 0; q < deals.packages.size(); ++q) {
    const PackageFeasibility& p = deals.packages[q];
    const Proportion& odds = deals.odds[q];
    std::string name, issues;
    if (p.linkage) {
      const Linkage& l = s.linkages[*p.linkage];
      name = with_id(l.label.empty() ? l.id : l.label, l.id);
    }
    for (std::size_t j = 0; j < p.issues.size(); ++j)
      issues += (j ? " + " : "") + with_id(s.issue(p.issues[j]).label, s.issue(p.issues[j]).id);
    h += "<tr><td>" + name + "</td><td>" + issues + "</td><td>" + (p.deal ? "yes: " + zone_text(s, p) : std::string("no")) + "</td>";
    for (std::size_t k = 0; k < s.sides.size(); ++k) h += "<td>" + best_cell(s, p, k) + "</td>";
    h += fmt::format("<td class=\"n\">{} [{:.3f}, {:.3f}]</td><td>{}</td></tr>", escape(probability_cell(odds)), odds.low, odds.high,
                     p.linkage ? source_of(s, s.linkages[*p.linkage]) : "");
  }
  return h + "</table>";
}

}  // namespace parley::report
