// write_backtest: a model's errors against observed outcomes, and the reference lines' (a table),
// or one row per issue (CSV).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ostream>

#include "io/text_table.hpp"
#include "parley/output.hpp"
#include "report/output/numbers.hpp"
#include "report/output/writer_support.hpp"

namespace parley {

namespace {

using report::kNoValue;
using report::plain;

std::string summary_line(const std::string& label, std::size_t width, const ErrorSummary& e) {
  if (e.issues == 0) return fmt::format("{:<{}}  {:>6}  {:>9}  {:>9}\n", label, width, 0, kNoValue, kNoValue);
  return fmt::format("{:<{}}  {:>6}  {:>9.4f}  {:>9.4f}\n", label, width, e.issues, e.mean_absolute_error, e.median_absolute_error);
}

std::string table(const Scenario& s, const BacktestResult& r, const std::string& capability) {
  std::string text = fmt::format("{} — model {}, capability {}\n", s.metadata.title, r.model, capability);
  text += fmt::format("issues with an observed outcome: {}; scored: {}\n\n", r.issues.size(), r.model_errors.issues);
  const std::string reference = r.reference_actor.empty() ? "" : s.actor(*s.find_actor(r.reference_actor)).name + " position";
  const std::size_t width = std::max({std::string("predictor").size(), r.model.size(), std::string("status quo").size(), reference.size()});
  text += fmt::format("{:<{}}  {:>6}  {:>9}  {:>9}\n", "predictor", width, "issues", "MAE", "median AE");
  text += summary_line(r.model, width, r.model_errors);
  text += summary_line("status quo", width, r.status_quo_errors);
  if (!reference.empty()) text += summary_line(reference, width, r.reference_actor_errors);
  return text;
}

std::string csv(const BacktestResult& r) {
  std::string text = "issue,group,observed,predicted,abs_error,status_quo,reference_position\n";
  for (const BacktestIssue& row : r.issues) {
    const std::string err = row.predicted ? fmt::format("{}", std::abs(*row.predicted - row.observed)) : "";
    text += fmt::format("{},{},{},{},{},{},{}\n", io::csv_quote(row.issue_id), io::csv_quote(row.group), row.observed, plain(row.predicted),
                        err, plain(row.status_quo), plain(row.reference_actor_position));
  }
  return text;
}

}  // namespace

void write_backtest(std::ostream& out, const Scenario& scenario, const BacktestResult& result, const std::string& capability,
                    OutputFormat format) {
  report::require_format(format, {OutputFormat::table, OutputFormat::csv});
  out << (format == OutputFormat::csv ? csv(result) : table(scenario, result, capability));
}

}  // namespace parley
