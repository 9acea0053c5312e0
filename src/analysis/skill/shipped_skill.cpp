#include "analysis/skill/shipped_skill_data.hpp"
#include "parley/skill.hpp"

namespace parley {

const SkillTable& shipped_skill() {
  static const SkillTable table = read_skill_csv(analysis::kShippedSkillCsv, analysis::kShippedSkillFile);
  return table;
}

}  // namespace parley
