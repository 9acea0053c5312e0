#include "report/linkage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "report/names.hpp"
#include "report/output/numbers.hpp"
#include "report/svg.hpp"

namespace parley::report {

namespace {

/// The actor's name, or its id when it has none.
std::string linkage_actor_name(const Scenario& s, std::size_t a) { return s.actor(a).name.empty() ? s.actor(a).id : s.actor(a).name; }

/// The end of `issue`'s scale a move from `from` to `to` goes toward: "‘LABEL’", or "the low end"
/// / "the high end" when that end has no label.
std::string linkage_end_toward(const Issue& issue, double from, double to) {
  const bool down = to < from;
  const std::string& label = down ? issue.scale.min_label : issue.scale.max_label;
  if (label.empty()) return down ? "the low end" : "the high end";
  return "‘" + label + "’";
}

/// "Sanctions on Russia (80.0 → 62.3, toward ‘all sanctions lifted’)"
std::string linkage_ground(const Scenario& s, const ExchangeSide& x) {
  const Issue& issue = s.issue(x.supply);
  return fmt::format("{} ({} → {}, toward {})", issue.label, fixed(x.from, 1), fixed(x.to, 1), linkage_end_toward(issue, x.from, x.to));
}

/// The actors and issues of a trade, whatever the round: who supplies the first issue, who the second.
std::tuple<std::size_t, std::size_t, std::size_t, std::size_t> linkage_trade_key(const TradedExchange& e) {
  return {e.first.actor, e.first.supply, e.second.actor, e.second.supply};
}

}  // namespace

std::vector<const TradedExchange*> largest_trades(const Forecast& f, std::size_t k) {
  std::vector<const TradedExchange*> all;
  for (const ExchangeRound& r : f.exchanges)
    for (const TradedExchange& e : r.exchanges) all.push_back(&e);
  std::stable_sort(all.begin(), all.end(), [](const TradedExchange* a, const TradedExchange* b) { return a->gain > b->gain; });
  std::vector<const TradedExchange*> out;
  for (const TradedExchange* e : all) {
    if (out.size() == k) break;
    const bool seen =
        std::any_of(out.begin(), out.end(), [&](const TradedExchange* o) { return linkage_trade_key(*o) == linkage_trade_key(*e); });
    if (!seen) out.push_back(e);
  }
  return out;
}

std::string trade_words(const Scenario& s, const TradedExchange& e) {
  const std::string a = fixed(e.first.gain, 1), b = fixed(e.second.gain, 1);
  return fmt::format("{} gives ground on {} in return for {} giving ground on {}; {}", linkage_actor_name(s, e.first.actor),
                     linkage_ground(s, e.first), linkage_actor_name(s, e.second.actor), linkage_ground(s, e.second),
                     a == b ? fmt::format("each gains {}", a) : fmt::format("they gain {} and {}", a, b));
}

std::string linkage_section(const Scenario& s, const Forecast& f) {
  std::size_t total = 0;
  std::map<std::pair<std::size_t, std::size_t>, std::pair<std::size_t, double>> pairs;  // (p, q) -> exchanges, summed gain
  for (const ExchangeRound& r : f.exchanges)
    for (const TradedExchange& e : r.exchanges) {
      ++total;
      auto& [count, gain] = pairs[{e.first.supply, e.second.supply}];
      ++count, gain += e.first.gain + e.second.gain;
    }
  if (total == 0) return "";
  std::string h = fmt::format(
      "<h2>Linkage: trades between issues</h2><p>The {} model lets actors trade positions between issues: each gives ground on the issue "
      "that matters less to it in return for ground on one that matters more (docs/models/exchange.md). At the point values{} it "
      "realises {} exchanges in {} rounds. The largest trades:</p><ul>",
      escape(f.model), s.events.empty() ? "" : ", after the last event,", total, f.exchanges.size());
  for (const TradedExchange* e : largest_trades(f, 3)) h += "<li>" + escape(trade_words(s, *e)) + ".</li>";
  h += "</ul><table><tr><th>issues traded</th><th>exchanges</th><th>total gain</th></tr>";
  std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::pair<std::size_t, double>>> ranked(pairs.begin(), pairs.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
  if (ranked.size() > 5) ranked.resize(5);
  for (const auto& [issues, value] : ranked)
    h += fmt::format("<tr><td>{} ↔ {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                     with_id(s.issue(issues.first).label, s.issue(issues.first).id),
                     with_id(s.issue(issues.second).label, s.issue(issues.second).id), value.first, fixed(value.second, 1));
  return h +
         "</table><p><small>The five pairs of issues with the most exchanges over the run; a gain is in utility (salience × shift of "
         "an issue's mean on a 0–100 scale), summed over both sides.</small></p>";
}

}  // namespace parley::report
