// parley compare A B: two scenario files side by side, issue by issue and class by class.
#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "io/text_table.hpp"
#include "parley/parley.hpp"
#include "parley/sweep.hpp"

namespace parley::cli {

namespace {

struct CompareArgs {
  InputArgs first, second;
  SamplingArgs sampling;
  std::uint64_t draws = 1000;
};

void add_options(CLI::App& cmd, CompareArgs& a) {
  cmd.add_option("A", a.first.file, "first scenario")->required();
  cmd.add_option("B", a.second.file, "second scenario")->required();
  add_sampling(cmd, a.sampling);
  cmd.add_option("-n,--draws", a.draws, "draws per scenario")->capture_default_str();
}

struct Side {
  Scenario scenario;
  Forecast point;
  SweepSummary sweep;
};

Side evaluate(const InputArgs& input, const CompareArgs& args) {
  const SamplingArgs& a = args.sampling;
  Side side;
  side.scenario = read_input(input, a.overrides);
  const Model& model = model_named(a.model);
  const ModelOptions options = parse_options(a.options);
  const SweepSetup setup(side.scenario, model, options, {a.seed, a.correlation});
  side.point = setup.point_forecast();
  ProgressBar bar(a.progress, "draws of " + input.file);
  SweepControl control;
  control.threads = resolve_threads(a.threads);
  control.progress = [&](std::uint64_t done, std::uint64_t total) { bar.update(done, total); };
  side.sweep = run_sweep(setup, args.draws, control);
  return side;
}

std::optional<double> point_of(const Side& s, const std::string& issue) {
  for (const IssueForecast& f : s.point.issues)
    if (f.issue_id == issue) return f.outcome;
  return std::nullopt;
}
const IssueSummary* summary_of(const Side& s, const std::string& issue) {
  for (const IssueSummary& i : s.sweep.issues)
    if (i.issue_id == issue) return &i;
  return nullptr;
}
const ClassSummary* class_of(const Side& s, const std::string& name) {
  for (const ClassSummary& c : s.sweep.classes)
    if (c.name == name) return &c;
  return nullptr;
}

/// Issue ids (or class names) of A, then those only in B.
template <typename Get>
std::vector<std::string> union_of(const Side& a, const Side& b, Get get) {
  std::vector<std::string> out = get(a);
  for (const std::string& x : get(b))
    if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
  return out;
}

double nan() { return std::nan(""); }
std::string num(double x, const char* f = "{:.2f}") { return std::isnan(x) ? "—" : fmt::format(fmt::runtime(f), x); }
nlohmann::json jnum(double x) { return std::isnan(x) ? nlohmann::json(nullptr) : nlohmann::json(x); }

struct IssueRow {
  std::string id;
  double point_a, point_b, mean_a, mean_b;
};

/// Both sides, and the rows of the comparison: every issue and class of A, then those only in B.
struct Comparison {
  Side a, b;
  std::vector<std::string> classes;
  std::vector<IssueRow> rows;
};

Comparison compute(const CompareArgs& args) {
  Comparison cmp{evaluate(args.first, args), evaluate(args.second, args), {}, {}};
  const Side &a = cmp.a, &b = cmp.b;
  const auto issues = union_of(a, b, [](const Side& s) {
    std::vector<std::string> ids;
    for (const Issue& i : s.scenario.issues()) ids.push_back(i.id);
    return ids;
  });
  cmp.classes = union_of(a, b, [](const Side& s) {
    std::vector<std::string> names;
    for (const OutcomeClass& c : s.scenario.outcome_classes) names.push_back(c.name);
    return names;
  });
  for (const std::string& id : issues) {
    const IssueSummary *sa = summary_of(a, id), *sb = summary_of(b, id);
    cmp.rows.push_back({id, point_of(a, id).value_or(nan()), point_of(b, id).value_or(nan()), sa ? sa->mean : nan(), sb ? sb->mean : nan()});
  }
  return cmp;
}

std::string render(const CompareArgs& args, const Comparison& cmp, OutputFormat format) {
  const Side &a = cmp.a, &b = cmp.b;
  const std::vector<std::string>& classes = cmp.classes;
  const std::vector<IssueRow>& rows = cmp.rows;
  std::string text;
  if (format == OutputFormat::table) {
    text = fmt::format("A: {} ({})\nB: {} ({})\nmodel {}, {} draws each, seed {}\n\n", args.first.file, a.scenario.metadata.title,
                       args.second.file, b.scenario.metadata.title, args.sampling.model, args.draws, args.sampling.seed);
    std::size_t w = 5;
    for (const IssueRow& r : rows) w = std::max(w, r.id.size());
    text += fmt::format("{:<{}}  {:>8} {:>8} {:>8}  {:>8} {:>8} {:>8}\n", "issue", w, "point A", "point B", "B − A", "mean A", "mean B", "B − A");
    for (const IssueRow& r : rows)
      text += fmt::format("{:<{}}  {:>8} {:>8} {:>8}  {:>8} {:>8} {:>8}\n", r.id, w, num(r.point_a), num(r.point_b), num(r.point_b - r.point_a),
                          num(r.mean_a), num(r.mean_b), num(r.mean_b - r.mean_a));
    if (!classes.empty()) {
      w = 7;
      for (const std::string& c : classes) w = std::max(w, c.size());
      text += fmt::format("\n{:<{}}  {:>22}  {:>22}  {:>7}  {}\n", "outcome", w, "P in A [95%]", "P in B [95%]", "B − A", "");
      for (const std::string& name : classes) {
        const ClassSummary *ca = class_of(a, name), *cb = class_of(b, name);
        auto cell = [](const ClassSummary* c) {
          return c ? fmt::format("{:.3f} [{:.3f}, {:.3f}]", c->probability.estimate, c->probability.low, c->probability.high) : std::string("—");
        };
        const bool apart = ca && cb && (ca->probability.high < cb->probability.low || cb->probability.high < ca->probability.low);
        text += fmt::format("{:<{}}  {:>22}  {:>22}  {:>7}  {}\n", name, w, cell(ca), cell(cb),
                            ca && cb ? num(cb->probability.estimate - ca->probability.estimate, "{:+.3f}") : "—",
                            apart ? "intervals do not overlap" : "");
      }
    }
  } else if (format == OutputFormat::csv) {
    text = "kind,name,a,b,difference,statistic\n";
    auto c = [](double x) { return std::isnan(x) ? std::string() : fmt::format("{}", x); };
    for (const IssueRow& r : rows) {
      text += fmt::format("issue,{},{},{},{},point\n", io::csv_quote(r.id), c(r.point_a), c(r.point_b), c(r.point_b - r.point_a));
      text += fmt::format("issue,{},{},{},{},mean\n", io::csv_quote(r.id), c(r.mean_a), c(r.mean_b), c(r.mean_b - r.mean_a));
    }
    for (const std::string& name : classes) {
      const ClassSummary *ca = class_of(a, name), *cb = class_of(b, name);
      const double pa = ca ? ca->probability.estimate : nan(), pb = cb ? cb->probability.estimate : nan();
      text += fmt::format("class,{},{},{},{},probability\n", io::csv_quote(name), c(pa), c(pb), c(pb - pa));
    }
  } else {
    nlohmann::ordered_json j;
    j["schema"] = "parley.compare/1";
    j["a"] = args.first.file;
    j["b"] = args.second.file;
    j["model"] = args.sampling.model;
    j["draws"] = args.draws;
    j["issues"] = nlohmann::json::array();
    for (const IssueRow& r : rows)
      j["issues"].push_back({{"id", r.id}, {"point_a", jnum(r.point_a)}, {"point_b", jnum(r.point_b)}, {"mean_a", jnum(r.mean_a)}, {"mean_b", jnum(r.mean_b)}});
    j["classes"] = nlohmann::json::array();
    for (const std::string& name : classes) {
      const ClassSummary *ca = class_of(a, name), *cb = class_of(b, name);
      auto p = [](const ClassSummary* c) {
        return c ? nlohmann::json{{"probability", c->probability.estimate}, {"low", c->probability.low}, {"high", c->probability.high}}
                 : nlohmann::json(nullptr);
      };
      j["classes"].push_back({{"name", name}, {"a", p(ca)}, {"b", p(cb)}});
    }
    text = j.dump(2) + "\n";
  }
  return text;
}

void compare(const CompareArgs& args, Context& context) {
  const OutputFormat format = parse_format(args.sampling.format, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
  if (args.draws == 0) throw InputError({}, "--draws", "got 0", "at least one draw");

  const Comparison cmp = compute(args);

  emit(args.sampling.output, render(args, cmp, format), context.out);
}

}  // namespace

Command compare_command() {
  return make_command<CompareArgs>("compare", "two scenario files side by side: forecasts and class probabilities", add_options, compare);
}

}  // namespace parley::cli
