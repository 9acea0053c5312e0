// The report's summary, rendered once as text (parley report prints it) and once as HTML.
#include <fmt/format.h>

#include "parley/report.hpp"
#include "report/output/numbers.hpp"
#include "report/svg.hpp"

namespace parley {

namespace {

using report::percent;

std::string likely_point(const ReportSummary::LikelyClass& c, std::size_t models) {
  return fmt::format("Most likely{}: {} — probability {} on average over {} models (from {} to {}).",
                     c.group.empty() ? "" : " (" + c.group + ")", c.name, percent(c.mean), models, percent(c.low), percent(c.high));
}

std::string drivers_point(const std::string& lead, const std::vector<ReportSummary::Driver>& drivers) {
  std::string out = fmt::format("What drives the forecast ({}, one input at a time): ", lead);
  for (std::size_t k = 0; k < drivers.size(); ++k)
    out += fmt::format("{}{} (moves an outcome by up to {} of its scale)", k ? "; " : "", drivers[k].input, percent(drivers[k].swing));
  return out + ".";
}

std::string events_point(const ReportSummary::EventShift& e) {
  if (!e.moves) return fmt::format("The {} events leave every forecast where it was.", e.events);
  return fmt::format(
      "Events: {} moves the forecast most, {} by {:+.1f} on average over {} model{}; over the whole timeline ({} event{}) "
      "that issue moves by {:+.1f}.",
      e.event, e.issue, e.shift, e.models, e.models == 1 ? "" : "s", e.events, e.events == 1 ? "" : "s", e.total);
}

std::string deal_point(const ReportSummary::UnlikelyDeal& d) {
  std::string out = fmt::format("No deal likely on {}: a zone of agreement exists in {} of draws [{:.3f}, {:.3f}]", d.issue,
                                percent(d.zone.estimate), d.zone.low, d.zone.high);
  if (!d.floor_actor.empty())
    out += fmt::format("; {}'s floor ({:.1f}) is above {}'s ceiling ({:.1f})", d.floor_actor, d.floor, d.ceiling_actor, d.ceiling);
  return out + ".";
}

}  // namespace

std::vector<std::string> summary_points(const ReportSummary& s) {
  std::vector<std::string> points;
  for (const ReportSummary::LikelyClass& c : s.most_likely) points.push_back(likely_point(c, s.models));
  if (!s.drivers.empty()) points.push_back(drivers_point(s.lead, s.drivers));
  if (s.events) points.push_back(events_point(*s.events));
  for (const ReportSummary::UnlikelyDeal& d : s.unlikely_deals) points.push_back(deal_point(d));
  return points;
}

std::string summary_text(const ReportSummary& s) {
  std::string out = s.title + "\n";
  for (const std::string& point : summary_points(s)) out += "- " + point + "\n";
  return out;
}

std::string summary_html(const ReportSummary& s) {
  std::string out = "<div class=\"summary\"><ul>";
  for (const std::string& point : summary_points(s)) out += "<li>" + report::escape(point) + "</li>";
  return out + "</ul></div>";
}

}  // namespace parley
