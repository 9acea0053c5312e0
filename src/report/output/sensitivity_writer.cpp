// write_sensitivity: Sobol indices and a tornado for every output, as a table, JSON
// (kSensitivitySchema) or CSV.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>

#include "io/text_table.hpp"
#include "parley/output.hpp"
#include "report/output/dynamics_text.hpp"
#include "report/output/numbers.hpp"

namespace parley {

namespace {

using report::fixed;
using report::json_number;
using report::plain;

struct Row {
  std::size_t input;
  SobolIndex sobol;
  double low, high;  // tornado outputs
};

/// Inputs ranked by total index (then by tornado swing when Sobol was not run).
std::vector<Row> ranked(const SensitivityResults& r, std::size_t output) {
  std::vector<Row> rows;
  const double nan = std::nan("");
  for (std::size_t k = 0; k < r.inputs.size(); ++k)
    rows.push_back({k, r.with_sobol ? r.sobol.at(output, k) : SobolIndex{nan, nan, nan, nan},
                    r.with_tornado ? r.tornado[k].low[output] : nan, r.with_tornado ? r.tornado[k].high[output] : nan});
  auto key = [&](const Row& row) {
    if (r.with_sobol && !std::isnan(row.sobol.total)) return row.sobol.total;
    const double swing = std::abs(row.high - row.low);
    return std::isnan(swing) ? -1.0 : swing;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return key(a) > key(b); });
  return rows;
}

std::size_t outputs(const SensitivityResults& r) { return r.issues.size() + r.classes.size(); }
const std::string& output_name(const SensitivityResults& r, std::size_t o) {
  return o < r.issues.size() ? r.issues[o] : r.classes[o - r.issues.size()];
}
const char* output_kind(const SensitivityResults& r, std::size_t o) { return o < r.issues.size() ? "issue" : "class"; }

/// The remark under an output whose inputs shown (the first `top` rows) interact
/// (interactions_dominate), naming them.
std::string interactions_note(const SensitivityResults& r, const std::vector<Row>& rows, std::size_t top) {
  std::string names;
  std::size_t n = 0;
  for (std::size_t k = 0; k < std::min(top, rows.size()); ++k)
    if (interactions_dominate(rows[k].sobol)) names += (n++ ? ", " : "") + r.inputs[rows[k].input];
  if (n == 0) return "";
  return fmt::format(
      "  note: interactions dominate for {}: {} total index exceeds twice {} first-order index by more than 0.05, so first-order "
      "indices understate {} effect\n",
      names, n == 1 ? "its" : "each one's", n == 1 ? "its" : "its", n == 1 ? "its" : "their");
}

/// The model's dynamics at the point values for output o (one_shot for classes and models without rounds).
Dynamics dynamics_of(const SensitivityResults& r, std::size_t o) { return o < r.dynamics.size() ? r.dynamics[o] : Dynamics{}; }

/// Whether output o's forecast depends on where the run was cut at the point values (no
/// convergence, or a cycle read at its last round), so that its indices cannot be trusted.
bool withheld(const SensitivityResults& r, std::size_t o) {
  const Dynamics d = dynamics_of(r, o);
  return d.status == DynamicsStatus::not_converged || (d.status == DynamicsStatus::cycle && !d.averaged);
}

/// What a reader of output o's indices must know about the model's run, or "".
std::string caution(const SensitivityResults& r, std::size_t o) {
  const Dynamics d = dynamics_of(r, o);
  const std::string how = report::describe_dynamics(d);
  if (d.status == DynamicsStatus::not_converged)
    return "the model does not converge at the point values (" + how +
           "): its forecast depends on where the run was cut, so indices cannot be estimated";
  if (d.status == DynamicsStatus::cycle && !d.averaged)
    return "the model cycles at the point values (" + how + "): the indices would measure where the cycle was cut, not the inputs";
  if (d.status == DynamicsStatus::cycle) return "the model cycles at the point values (" + how + "): the indices are those of that mean";
  return "";
}

std::string table(const SensitivityResults& r, std::size_t top) {
  const std::size_t d = r.inputs.size();
  std::string text = fmt::format("{} — model {}, {} uncertain inputs\n", r.title, r.model, d);
  if (r.with_sobol)
    text += fmt::format("Sobol indices: N = {} ({} model runs), seed {}; ± is the 95 % bootstrap interval\n", r.samples,
                        r.samples * (d + 2), r.seed);
  if (r.with_tornado) text += "tornado: the output with the input at its 5 % and at its 95 % quantile, all others at their point values\n";
  std::size_t unsettled = 0;
  for (std::size_t o = 0; o < r.issues.size(); ++o) unsettled += withheld(r, o);
  if (unsettled > 0)
    text += fmt::format(
        "caution: at the point values the model does not settle on {} of {} issues (below); indices of outcome classes "
        "built on them are no better\n",
        unsettled, r.issues.size());
  std::size_t w = 5;
  for (const std::string& name : r.inputs) w = std::max(w, name.size());
  for (std::size_t o = 0; o < outputs(r); ++o) {
    text += fmt::format("\n{} {}", output_kind(r, o), output_name(r, o));
    if (r.with_sobol) text += fmt::format(" (variance {})", fixed(r.sobol.variance[o], 3));
    if (r.with_tornado) text += fmt::format(" (at point values: {})", fixed(r.at_point_values[o], 2));
    text += '\n';
    if (const std::string c = caution(r, o); !c.empty()) text += fmt::format("  {}: {}\n", withheld(r, o) ? "indices withheld" : "note", c);
    if (withheld(r, o)) continue;
    text += fmt::format("  {:<{}}  {:>6} {:>6}  {:>6} {:>6}  {:>8}  {:>8}\n", "input", w, "S1", "±", "ST", "±", "at 5%", "at 95%");
    const auto rows = ranked(r, o);
    for (std::size_t k = 0; k < std::min(top, rows.size()); ++k) {
      const Row& row = rows[k];
      text += fmt::format("  {:<{}}  {:>6} {:>6}  {:>6} {:>6}  {:>8}  {:>8}\n", r.inputs[row.input], w, fixed(row.sobol.first, 3),
                          fixed(row.sobol.first_error, 3), fixed(row.sobol.total, 3), fixed(row.sobol.total_error, 3), fixed(row.low, 2),
                          fixed(row.high, 2));
    }
    if (rows.size() > top) text += fmt::format("  ... {} more (--top)\n", rows.size() - top);
    if (r.with_sobol) text += interactions_note(r, rows, top);
  }
  return text;
}

std::string csv(const SensitivityResults& r) {
  std::string text = "kind,output,input,first,first_error,total,total_error,tornado_low,tornado_high,caution\n";
  for (std::size_t o = 0; o < outputs(r); ++o)
    for (const Row& row : ranked(r, o))
      text += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", output_kind(r, o), io::csv_quote(output_name(r, o)),
                          io::csv_quote(r.inputs[row.input]), plain(row.sobol.first), plain(row.sobol.first_error), plain(row.sobol.total),
                          plain(row.sobol.total_error), plain(row.low), plain(row.high), io::csv_quote(caution(r, o)));
  return text;
}

std::string json(const SensitivityResults& r) {
  nlohmann::ordered_json j;
  j["schema"] = kSensitivitySchema;
  j["model"] = r.model;
  j["seed"] = r.seed;
  j["samples"] = r.with_sobol ? nlohmann::json(r.samples) : nlohmann::json(nullptr);
  j["outputs"] = nlohmann::json::array();
  for (std::size_t o = 0; o < outputs(r); ++o) {
    nlohmann::ordered_json e{{"kind", output_kind(r, o)}, {"name", output_name(r, o)}};
    e["variance"] = r.with_sobol ? json_number(r.sobol.variance[o]) : nullptr;
    e["at_point_values"] = r.with_tornado ? json_number(r.at_point_values[o]) : nullptr;
    if (const Dynamics d = dynamics_of(r, o); d.status != DynamicsStatus::one_shot) {
      e["dynamics"] = report::dynamics_json(d);
      e["indices_trusted"] = !withheld(r, o);
      if (const std::string c = caution(r, o); !c.empty()) e["caution"] = c;
    }
    e["inputs"] = nlohmann::json::array();
    for (const Row& row : ranked(r, o))
      e["inputs"].push_back({{"input", r.inputs[row.input]},
                             {"first", json_number(row.sobol.first)},
                             {"first_error", json_number(row.sobol.first_error)},
                             {"total", json_number(row.sobol.total)},
                             {"total_error", json_number(row.sobol.total_error)},
                             {"tornado_low", json_number(row.low)},
                             {"tornado_high", json_number(row.high)}});
    j["outputs"].push_back(e);
  }
  return j.dump(2) + "\n";
}

}  // namespace

SensitivityResults sensitivity_outline(const SweepSetup& setup, std::uint64_t seed) {
  SensitivityResults r;
  const Scenario& s = setup.scenario();
  r.title = s.metadata.title;
  r.model = std::string(setup.model().name());
  r.seed = seed;
  for (const UncertainInput& in : setup.sampler().inputs()) r.inputs.push_back(in.name);
  for (const Issue& i : s.issues()) r.issues.push_back(i.id);
  for (const IssueForecast& i : setup.point_forecast().issues) r.dynamics.push_back(i.dynamics);
  for (const OutcomeClass& c : s.outcome_classes) r.classes.push_back(c.name);
  return r;
}

void write_sensitivity(std::ostream& out, const SensitivityResults& results, OutputFormat format, std::size_t top) {
  switch (format) {
    case OutputFormat::json:
      out << json(results);
      break;
    case OutputFormat::csv:
      out << csv(results);
      break;
    case OutputFormat::table:
      out << table(results, top);
      break;
  }
}

}  // namespace parley
