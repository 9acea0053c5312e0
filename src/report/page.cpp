#include "report/page.hpp"

#include <set>
#include <utility>
#include <vector>

#include "report/svg.hpp"

namespace parley::report {

namespace {

/// "Positions over rounds (bdm)" -> "positions-over-rounds-bdm".
std::string slug(const std::string& title) {
  std::string out;
  bool dash = false;
  for (char c : title) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    if (alnum) {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      dash = false;
    } else {
      dash = true;
    }
  }
  return out.empty() ? "section" : out;
}

/// The text of some HTML: its tags dropped (entities stay as they are).
std::string without_tags(const std::string& html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag) out += c;
    if (c == '>') in_tag = false;
  }
  return out;
}

struct Term {
  const char* term;
  const char* meaning;
};

const Term kGlossary[] = {
    {"compromise",
     "The weighted mean of the actors' positions, each weighted by capability × salience: where the issue lands if "
     "everyone gives ground in proportion to their clout (Achen; Thomson et al.)."},
    {"median",
     "The weighted median position, weighted by capability × salience: on one dimension, the position no majority of weight "
     "would vote to move away from (the Condorcet winner)."},
    {"nbs",
     "The Nash bargaining solution: the outcome that maximises the weighted product of every actor's gain over the point of "
     "disagreement, the status quo."},
    {"bdm",
     "Bueno de Mesquita's expected-utility model: in rounds, actors challenge one another, make offers and move their positions; "
     "the forecast is the median position after the last round."},
    {"smp",
     "KTAB's spatial model of politics: all issues at once; actors challenge one another, bargain, and coalitions decide by "
     "probabilistic Condorcet elections, turn after turn until positions settle."},
    {"point values", "Every input at its stated (most likely) value; a model's forecast at the point values is the circle in the charts."},
    {"draws",
     "Sets of inputs sampled at random from their stated ranges (a Monte Carlo sweep); each model is run once per draw. The "
     "spread of the forecasts over the draws shows how much the inputs' uncertainty matters."},
    {"50 % and 90 % bands", "The middle half and the middle 90 % of a model's forecasts over the draws."},
    {"class probability",
     "The share of draws whose forecast falls in a named outcome class (a condition on the issues' outcomes), "
     "with a 95 % Wilson interval for the sampling error of that share. It reflects the inputs' ranges, not "
     "how wrong the model itself may be."},
    {"tornado",
     "One input at a time is set to its 5 % and its 95 % quantile, all others at their point values; the bar spans the "
     "two forecasts. Longer bars mark inputs the forecast depends on most."},
    {"Sobol first-order index", "The share of the forecast's variance over the draws due to one input alone."},
    {"Sobol total index",
     "The share of the variance due to one input including all its interactions with other inputs. Total "
     "indices much larger than first-order ones mean that inputs matter mainly in combination."},
    {"win-set", "In a two-level game, the outcomes of an issue that every domestic ratifier on a side accepts."},
    {"zone of agreement", "The outcomes inside the win-sets of every side at once; when it is empty no deal can be ratified."},
    {"P(zone)", "The share of draws in which the zone of agreement on an issue is not empty, with its 95 % interval."},
    {"salience", "How much an issue matters to an actor, from 0 (not at all) to 1 (above everything)."},
    {"capability", "An actor's power to influence the outcome, relative to the other actors."},
};

}  // namespace

std::string page_style() {
  return "<style>body{font-family:sans-serif;max-width:900px;margin:2em auto;padding:0 "
         "1em;color:#111;background:#fff;line-height:1.45;overflow-wrap:break-word}"
         "table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.9em;display:block;max-width:100%;overflow-x:auto}"
         "th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}th{background:#eee}"
         "td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}h2{border-bottom:2px solid #333;margin-top:2em}"
         "figure{margin:.5em 0 1.5em}figure svg{display:block;height:auto}figcaption{font-size:.85em;color:#333}"
         ".summary{background:#f4f4f4;border-left:4px solid #0072B2;padding:.5em 1em}a{color:#005F95}"
         "span[title]{text-decoration:underline dotted}nav.contents{background:#f4f4f4;padding:.5em 1em;margin:1em 0}"
         "nav.contents ol{margin:.25em 0;padding-left:1.5em}dl.glossary dt{font-weight:bold;margin-top:.5em}dl.glossary "
         "dd{margin-left:1.5em}"
         "@media (max-width:600px){body{margin:1em auto;padding:0 .5em}}"
         "@media print{h2{page-break-before:auto}figure,table{page-break-inside:avoid}nav.contents{display:none}}</style>";
}

std::string with_contents(const std::string& html) {
  static const std::string open = "<h2>", close = "</h2>";
  std::string out, items;
  std::set<std::string> used;
  std::size_t at = 0, first = std::string::npos;
  for (std::size_t p = html.find(open); p != std::string::npos; p = html.find(open, at)) {
    const std::size_t end = html.find(close, p);
    if (end == std::string::npos) break;
    const std::string title = html.substr(p + open.size(), end - p - open.size());
    std::string id = slug(without_tags(title));
    for (int n = 2; used.count(id); ++n) id = slug(without_tags(title)) + "-" + std::to_string(n);
    used.insert(id);
    if (first == std::string::npos) first = out.size() + (p - at);
    out += html.substr(at, p - at) + "<h2 id=\"" + id + "\">" + title + close;
    items += "<li><a href=\"#" + id + "\">" + without_tags(title) + "</a></li>";
    at = end + close.size();
  }
  out += html.substr(at);
  if (first == std::string::npos) return out;
  return out.insert(first, "<nav class=\"contents\" aria-label=\"Contents\"><b>Contents</b><ol>" + items + "</ol></nav>");
}

std::string glossary_section() {
  std::string h = "<h2>Glossary</h2><dl class=\"glossary\">";
  for (const Term& t : kGlossary) h += "<dt>" + escape(t.term) + "</dt><dd>" + escape(t.meaning) + "</dd>";
  return h + "</dl>";
}

}  // namespace parley::report
