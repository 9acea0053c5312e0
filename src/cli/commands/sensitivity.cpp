// parley sensitivity FILE: Sobol indices and a tornado for every issue outcome and outcome class.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numeric>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "io/text_table.hpp"
#include "parley/parley.hpp"
#include "parley/sensitivity.hpp"

namespace parley::cli {

namespace {

struct SensitivityArgs {
  InputArgs input;
  SamplingArgs sampling;
  std::size_t samples = 512;
  std::size_t top = 10;
  std::string method = "both";  // sobol, tornado or both
};

void add_options(CLI::App& cmd, SensitivityArgs& a) {
  add_input(cmd, a.input);
  add_sampling(cmd, a.sampling, false);
  cmd.add_option("--samples", a.samples, "Sobol base samples N (N x (inputs + 2) model runs)")->capture_default_str();
  cmd.add_option("--top", a.top, "inputs listed per output in the table")->capture_default_str();
  cmd.add_option("--method", a.method, "both, sobol or tornado")->capture_default_str();
}

/// What the analysis computed: Sobol indices and the tornado, each when the method asked for it.
struct Analysis {
  bool with_sobol, with_tornado;
  SobolResult sobol;
  std::vector<TornadoBar> bars;
  std::vector<double> base;
};

struct Row {
  std::size_t input;
  SobolIndex sobol;
  double low, high;  // tornado outputs
};

std::string num(double x) { return std::isnan(x) ? "—" : fmt::format("{:.3f}", x); }
std::string val(double x) { return std::isnan(x) ? "—" : fmt::format("{:.2f}", x); }
nlohmann::json jnum(double x) { return std::isnan(x) ? nlohmann::json(nullptr) : nlohmann::json(x); }

/// Inputs ranked by total index (then by tornado swing when Sobol was not run).
std::vector<Row> ranked(const SobolResult* sobol, const std::vector<TornadoBar>* bars, std::size_t output, std::size_t inputs) {
  std::vector<Row> rows;
  const double nan = std::nan("");
  for (std::size_t k = 0; k < inputs; ++k)
    rows.push_back({k, sobol ? sobol->at(output, k) : SobolIndex{nan, nan, nan, nan}, bars ? (*bars)[k].low[output] : nan,
                    bars ? (*bars)[k].high[output] : nan});
  auto key = [&](const Row& r) {
    if (sobol && !std::isnan(r.sobol.total)) return r.sobol.total;
    const double swing = std::abs(r.high - r.low);
    return std::isnan(swing) ? -1.0 : swing;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return key(a) > key(b); });
  return rows;
}

std::string render(const SensitivityArgs& args, const SweepSetup& setup, const Analysis& an, OutputFormat format) {
  const SamplingArgs& a = args.sampling;
  const Scenario& s = setup.scenario();
  const std::size_t d = setup.inputs(), n_out = setup.issues() + setup.classes();
  const bool with_sobol = an.with_sobol, with_tornado = an.with_tornado;
  const SobolResult& sobol = an.sobol;
  const std::vector<TornadoBar>& bars = an.bars;
  const std::vector<double>& base = an.base;
  auto output_name = [&](std::size_t o) { return o < setup.issues() ? s.issue(o).id : s.outcome_classes[o - setup.issues()].name; };
  auto output_kind = [&](std::size_t o) { return o < setup.issues() ? "issue" : "class"; };
  const auto& inputs = setup.sampler().inputs();
  std::string text;
  if (format == OutputFormat::table) {
    text = fmt::format("{} — model {}, {} uncertain inputs\n", s.metadata.title, a.model, d);
    if (with_sobol)
      text += fmt::format("Sobol indices: N = {} ({} model runs), seed {}; ± is the 95 % bootstrap interval\n", args.samples,
                          args.samples * (d + 2), a.seed);
    if (with_tornado) text += "tornado: the output with the input at its 5 % and at its 95 % quantile, all others at their point values\n";
    std::size_t w = 5;
    for (const UncertainInput& in : inputs) w = std::max(w, in.name.size());
    for (std::size_t o = 0; o < n_out; ++o) {
      text += fmt::format("\n{} {}", output_kind(o), output_name(o));
      if (with_sobol) text += fmt::format(" (variance {})", num(sobol.variance[o]));
      if (with_tornado) text += fmt::format(" (at point values: {})", val(base[o]));
      text += fmt::format("\n  {:<{}}  {:>6} {:>6}  {:>6} {:>6}  {:>8}  {:>8}\n", "input", w, "S1", "±", "ST", "±", "at 5%", "at 95%");
      const auto rows = ranked(with_sobol ? &sobol : nullptr, with_tornado ? &bars : nullptr, o, d);
      for (std::size_t k = 0; k < std::min(args.top, rows.size()); ++k) {
        const Row& r = rows[k];
        text += fmt::format("  {:<{}}  {:>6} {:>6}  {:>6} {:>6}  {:>8}  {:>8}\n", inputs[r.input].name, w, num(r.sobol.first), num(r.sobol.first_error),
                            num(r.sobol.total), num(r.sobol.total_error), val(r.low), val(r.high));
      }
      if (rows.size() > args.top) text += fmt::format("  ... {} more (--top)\n", rows.size() - args.top);
    }
  } else if (format == OutputFormat::csv) {
    text = "kind,output,input,first,first_error,total,total_error,tornado_low,tornado_high\n";
    for (std::size_t o = 0; o < n_out; ++o)
      for (const Row& r : ranked(with_sobol ? &sobol : nullptr, with_tornado ? &bars : nullptr, o, d)) {
        auto c = [](double x) { return std::isnan(x) ? std::string() : fmt::format("{}", x); };
        text += fmt::format("{},{},{},{},{},{},{},{},{}\n", output_kind(o), io::csv_quote(output_name(o)), io::csv_quote(inputs[r.input].name),
                            c(r.sobol.first), c(r.sobol.first_error), c(r.sobol.total), c(r.sobol.total_error), c(r.low), c(r.high));
      }
  } else {
    nlohmann::ordered_json j;
    j["schema"] = "parley.sensitivity/1";
    j["model"] = a.model;
    j["seed"] = a.seed;
    j["samples"] = with_sobol ? nlohmann::json(args.samples) : nlohmann::json(nullptr);
    j["outputs"] = nlohmann::json::array();
    for (std::size_t o = 0; o < n_out; ++o) {
      nlohmann::ordered_json e{{"kind", output_kind(o)}, {"name", output_name(o)}};
      e["variance"] = with_sobol ? jnum(sobol.variance[o]) : nullptr;
      e["at_point_values"] = with_tornado ? jnum(base[o]) : nullptr;
      e["inputs"] = nlohmann::json::array();
      for (const Row& r : ranked(with_sobol ? &sobol : nullptr, with_tornado ? &bars : nullptr, o, d))
        e["inputs"].push_back({{"input", inputs[r.input].name},
                               {"first", jnum(r.sobol.first)},
                               {"first_error", jnum(r.sobol.first_error)},
                               {"total", jnum(r.sobol.total)},
                               {"total_error", jnum(r.sobol.total_error)},
                               {"tornado_low", jnum(r.low)},
                               {"tornado_high", jnum(r.high)}});
      j["outputs"].push_back(e);
    }
    text = j.dump(2) + "\n";
  }
  return text;
}

void sensitivity(const SensitivityArgs& args, Context& context) {
  const SamplingArgs& a = args.sampling;
  const OutputFormat format = parse_format(a.format, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
  if (args.method != "both" && args.method != "sobol" && args.method != "tornado")
    throw InputError({}, "--method", "got '" + args.method + "'", "both, sobol or tornado");
  if (args.samples < 2) throw InputError({}, "--samples", "got " + std::to_string(args.samples), "at least 2");
  const SweepSetup setup(read_input(args.input, a.overrides), model_named(a.model), parse_options(a.options), {a.seed, 0.0});
  const unsigned threads = resolve_threads(a.threads);
  if (setup.inputs() == 0)
    throw InputError({args.input.file, 0, 0}, "", "no uncertain inputs", "at least one number written as a range or a distribution");

  Analysis an{args.method != "tornado", args.method != "sobol", {}, {}, {}};
  if (an.with_sobol) an.sobol = scenario_sobol_indices(setup, {args.samples, a.seed, threads, 100});
  if (an.with_tornado) an.bars = tornado(setup, an.base, threads);

  emit(a.output, render(args, setup, an, format), context.out);
}

}  // namespace

Command sensitivity_command() {
  return make_command<SensitivityArgs>("sensitivity", "which uncertain inputs drive each outcome: Sobol indices and a tornado", add_options,
                                       sensitivity);
}

}  // namespace parley::cli
