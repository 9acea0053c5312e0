// write_cross_validation: each model's out-of-fold skill (docs/skill.md).
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <ostream>

#include "parley/output.hpp"
#include "parley/schemas.hpp"
#include "report/output/writer_support.hpp"

namespace parley {

namespace {

std::string percent_list(const std::vector<double>& values) {
  std::string out;
  for (double v : values) out += fmt::format("{}{:.0f}", out.empty() ? "" : "/", 100 * v);
  return out;
}

std::string table(const Scenario& s, const CrossValidation& cv, const SkillTable& skill, const std::string& capability) {
  const CrossValidationOptions& o = cv.options;
  std::string text = fmt::format("{} — capability {}\n", s.metadata.title, capability);
  text += fmt::format("grouped {}-fold cross-validation ({} groups, all issues of a group in one fold), {} repeats, seed {}\n", o.folds,
                      cv.groups, o.repeats, o.seed);
  text += fmt::format("issues with an observed outcome: {}\n\n", cv.issues.size());
  text += fmt::format("{:<11} {:>6}  {:>15}  {:>14}  {:>6}  {:>9}  {:>6}  {:>15}  {:>16}  {:>6}\n", "model", "issues", "MAE ± sd",
                      "MAE 95 % CI", "RMSE", "median AE", "bias", "vs compromise", "covered 50/80/90", "weight");
  for (const ModelSkill& m : skill.models) {
    text += fmt::format("{:<11} {:>6}  {:>15}  {:>14}  {:>6.2f}  {:>9.2f}  {:>+6.2f}  {:>15}  {:>16}  {:>6.3f}\n", m.model, m.issues,
                        fmt::format("{:.2f} ± {:.2f}", m.mae, m.mae_sd), fmt::format("[{:.2f}, {:.2f}]", m.mae_low, m.mae_high), m.rmse,
                        m.median_error, m.bias, fmt::format("{:.3f} ± {:.3f}", m.relative_mae, m.relative_mae_sd),
                        percent_list(m.coverage) + " %", m.weight);
  }
  for (const ModelCrossValidation& m : cv.models) {
    if (m.fitted_on_all.empty()) continue;
    text += fmt::format("\n{} fitted on all {} issues:", m.model, cv.issues.size());
    for (const auto& [name, value] : m.fitted_on_all) text += fmt::format(" {}={:.4g}", name, std::stod(value));
    text += '\n';
  }
  text +=
      "\nMAE ± sd: mean and standard deviation over the repeats; 95 % CI: bootstrap over groups (proposals); vs compromise: MAE\n"
      "over the compromise model's on the same issues and folds; covered: share of out-of-fold outcomes inside the nominal 50/80/90 %\n"
      "predictive intervals; weight: the model's weight in the ensemble (1 / RMSE², normalised).\n";
  return text;
}

nlohmann::ordered_json json(const Scenario& s, const CrossValidation& cv, const SkillTable& skill, const std::string& capability) {
  nlohmann::ordered_json j;
  j["schema"] = kCrossValidationSchema;
  j["scenario"] = s.metadata.title;
  j["capability"] = capability;
  j["folds"] = cv.options.folds;
  j["repeats"] = cv.options.repeats;
  j["seed"] = cv.options.seed;
  j["bootstrap"] = cv.options.bootstrap;
  j["groups"] = cv.groups;
  j["issues_with_outcome"] = cv.issues.size();
  j["levels"] = interval_levels();
  for (const ModelSkill& m : skill.models) {
    nlohmann::ordered_json r;
    r["model"] = m.model;
    r["issues"] = m.issues;
    r["mae"] = m.mae;
    r["mae_sd"] = m.mae_sd;
    r["mae_interval"] = {m.mae_low, m.mae_high};
    r["rmse"] = m.rmse;
    r["median_error"] = m.median_error;
    r["bias"] = m.bias;
    r["relative_mae"] = m.relative_mae;
    r["relative_mae_sd"] = m.relative_mae_sd;
    r["half_width"] = m.half_width;
    r["coverage"] = m.coverage;
    r["weight"] = m.weight;
    for (const ModelCrossValidation& mc : cv.models)
      if (mc.model == m.model) {
        r["mae_by_repeat"] = mc.mae_by_repeat;
        if (!mc.fitted_on_all.empty()) r["fitted_on_all"] = mc.fitted_on_all;
      }
    j["models"].push_back(r);
  }
  return j;
}

}  // namespace

void write_cross_validation(std::ostream& out, const Scenario& s, const CrossValidation& cv, const SkillTable& skill,
                            const std::string& capability, OutputFormat format) {
  report::require_format(format, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
  if (format == OutputFormat::table) out << table(s, cv, skill, capability);
  if (format == OutputFormat::json) out << json(s, cv, skill, capability).dump(2) << '\n';
  if (format == OutputFormat::csv) out << write_skill_csv(skill);
}

}  // namespace parley
