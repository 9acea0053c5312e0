// write_skill: the skill table as JSON (kSkillSchema) or in the CSV layout of data/skill/.
#include <nlohmann/json.hpp>
#include <ostream>

#include "parley/output.hpp"
#include "report/output/writer_support.hpp"

namespace parley {

namespace {

nlohmann::ordered_json row_json(const ModelSkill& m) {
  return {{"model", m.model},
          {"issues", m.issues},
          {"repeats", m.repeats},
          {"mae", m.mae},
          {"mae_sd", m.mae_sd},
          {"mae_low", m.mae_low},
          {"mae_high", m.mae_high},
          {"rmse", m.rmse},
          {"median_error", m.median_error},
          {"bias", m.bias},
          {"relative_mae", m.relative_mae},
          {"relative_mae_sd", m.relative_mae_sd},
          {"half_width", m.half_width},
          {"coverage", m.coverage},
          {"weight", m.weight}};
}

}  // namespace

void write_skill(std::ostream& out, const SkillTable& skill, OutputFormat format) {
  report::require_format(format, {OutputFormat::json, OutputFormat::csv});
  if (format == OutputFormat::csv) {
    out << write_skill_csv(skill);
    return;
  }
  nlohmann::ordered_json j;
  j["schema"] = kSkillSchema;
  j["data"] = skill.data;
  j["command"] = skill.command;
  j["version"] = skill.version;
  j["levels"] = interval_levels();
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const ModelSkill& m : skill.models) rows.push_back(row_json(m));
  j["models"] = std::move(rows);
  out << j.dump(2) << '\n';
}

}  // namespace parley
