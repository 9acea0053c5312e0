#include "report/output/exchange_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "report/output/numbers.hpp"

namespace parley::report {

namespace {

std::string exchange_count(std::size_t n, const char* unit) { return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s"); }

/// "US president moves on Sanctions 80.00 → 62.00 (mean 56.25 → 60.10)" (`verb` "moves on"), or
/// "Russian president on ..." (`verb` "on").
std::string exchange_side_text(const Scenario& s, const ExchangeSide& x, const char* verb) {
  const std::string& name = s.actor(x.actor).name.empty() ? s.actor(x.actor).id : s.actor(x.actor).name;
  return fmt::format("{} {} {} {} → {} (mean {} → {})", name, verb, s.issue(x.supply).label, fixed(x.from, 2), fixed(x.to, 2),
                     fixed(x.mean_before, 2), fixed(x.mean_after, 2));
}

/// "gain 1.90 each" (equal gains to two decimals), else "gains 1.20 and 2.60".
std::string exchange_gain_text(const TradedExchange& e) {
  const std::string a = fixed(e.first.gain, 2), b = fixed(e.second.gain, 2);
  return a == b ? fmt::format("gain {} each", a) : fmt::format("gains {} and {}", a, b);
}

/// Per issue, its values in actor order (null where NaN); `flat[i * n + a]`.
nlohmann::ordered_json exchange_by_issue(const std::vector<double>& flat, std::size_t n) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (std::size_t i = 0; n > 0 && i * n < flat.size(); ++i) {
    nlohmann::ordered_json row = nlohmann::ordered_json::array();
    for (std::size_t a = 0; a < n; ++a) row.push_back(json_number(flat[i * n + a]));
    out.push_back(std::move(row));
  }
  return out;
}

/// The voting positions and means after round `t` (round 0: the start), from the issues' rounds.
void add_exchange_state(nlohmann::ordered_json& j, const Scenario& s, const Forecast& f, std::size_t t) {
  nlohmann::ordered_json positions = nlohmann::ordered_json::array(), means = nlohmann::ordered_json::array();
  for (const IssueForecast& issue : f.issues) {
    nlohmann::ordered_json row = nlohmann::ordered_json::array();
    if (t < issue.rounds.size()) {
      for (double x : issue.rounds[t].positions) row.push_back(json_number(x));
      means.push_back(json_number(issue.rounds[t].mean));
    } else {
      for (std::size_t a = 0; a < s.actors().size(); ++a) row.push_back(nullptr);
      means.push_back(nullptr);
    }
    positions.push_back(std::move(row));
  }
  j["positions"] = std::move(positions);
  j["means"] = std::move(means);
}

}  // namespace

std::vector<const TradedExchange*> largest_exchanges(const ExchangeRound& round, std::size_t k) {
  std::vector<const TradedExchange*> out;
  for (const TradedExchange& e : round.exchanges) out.push_back(&e);
  std::stable_sort(out.begin(), out.end(), [](const TradedExchange* a, const TradedExchange* b) { return a->gain > b->gain; });
  if (out.size() > k) out.resize(k);
  return out;
}

std::string exchange_account(const Scenario& s, const Forecast& f, std::size_t top, std::size_t rounds) {
  if (f.exchanges.empty()) return "";
  std::string out = fmt::format("\nExchanges — round by round (the {} largest of the first {} rounds; every one in --format json)\n", top,
                                std::min(rounds, f.exchanges.size()));
  for (std::size_t k = 0; k < f.exchanges.size(); ++k) {
    const ExchangeRound& r = f.exchanges[k];
    const bool detail = k < rounds && !r.exchanges.empty();
    out += fmt::format("round {:>2}: {} of {} ({} valid){}\n", r.round, exchange_count(r.exchanges.size(), "exchange"),
                       exchange_count(r.candidates, "candidate"), r.valid, detail ? "; the largest:" : "");
    if (!detail) continue;
    for (const TradedExchange* e : largest_exchanges(r, top)) {
      const std::string gain = exchange_gain_text(*e) + ": ";
      out += fmt::format("  {}{}\n  {:<{}}for {}\n", gain, exchange_side_text(s, e->first, "moves on"), "", gain.size(),
                         exchange_side_text(s, e->second, "on"));
    }
  }
  return out;
}

nlohmann::ordered_json exchange_side_json(const Scenario& s, const ExchangeSide& x, std::size_t demand) {
  return {{"actor", s.actor(x.actor).id},
          {"supply", s.issue(x.supply).id},
          {"demand", s.issue(demand).id},
          {"from", json_number(x.from)},
          {"to", json_number(x.to)},
          {"toward", json_number(x.toward)},
          {"move", json_number(x.move)},
          {"gain", json_number(x.gain)},
          {"mean_before", json_number(x.mean_before)},
          {"mean_after", json_number(x.mean_after)}};
}

nlohmann::ordered_json exchange_round_json(const Scenario& s, const ExchangeRound& r) {
  nlohmann::ordered_json realised = nlohmann::ordered_json::array();
  for (const TradedExchange& e : r.exchanges)
    realised.push_back({{"gain", json_number(e.gain)},
                        {"sides", nlohmann::ordered_json::array({exchange_side_json(s, e.first, e.second.supply),
                                                                 exchange_side_json(s, e.second, e.first.supply)})}});
  return {{"round", r.round}, {"candidates", r.candidates}, {"valid", r.valid}, {"realised", std::move(realised)}};
}

nlohmann::ordered_json exchanges_json(const Scenario& s, const Forecast& f) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const ExchangeRound& r : f.exchanges) out.push_back(exchange_round_json(s, r));
  return out;
}

void write_trace_head(std::ostream& out, nlohmann::ordered_json head, const Scenario& s, const char* key) {
  nlohmann::ordered_json actors = nlohmann::ordered_json::array(), issues = nlohmann::ordered_json::array();
  for (const Actor& a : s.actors()) actors.push_back(a.id);
  for (const Issue& i : s.issues()) issues.push_back(i.id);
  head["actors"] = std::move(actors);
  head["issues"] = std::move(issues);
  std::string text = head.dump();
  text.pop_back();  // reopen the object for `key`
  out << text << ",\n\"" << key << "\": [\n";
}

void write_exchange_trace(std::ostream& out, nlohmann::ordered_json head, const Scenario& s, const Forecast& f) {
  write_trace_head(out, std::move(head), s, "rounds");
  nlohmann::ordered_json start{{"round", 0}};
  add_exchange_state(start, s, f, 0);
  out << start.dump() << (f.exchanges.empty() ? "\n" : ",\n");
  for (std::size_t k = 0; k < f.exchanges.size(); ++k) {
    nlohmann::ordered_json j = exchange_round_json(s, f.exchanges[k]);
    add_exchange_state(j, s, f, f.exchanges[k].round);
    if (!f.exchanges[k].start.empty()) j["start"] = exchange_by_issue(f.exchanges[k].start, s.actors().size());
    out << j.dump() << (k + 1 < f.exchanges.size() ? ",\n" : "\n");
  }
  out << "]}\n";
}

}  // namespace parley::report
