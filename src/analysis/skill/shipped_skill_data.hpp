// The shipped skill table's text (data/skill/deu3-dev.csv), compiled in: cmake/ParleySkillData.cmake
// generates the definitions from the file at configure time.
#pragma once

namespace parley::analysis {

extern const char* const kShippedSkillCsv;
extern const char* const kShippedSkillFile;  // its path in the repository, for messages

}  // namespace parley::analysis
