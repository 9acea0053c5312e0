// libFuzzer entry point for one reader (chosen at compile time). Bad input must end in an
// InputError; anything else (a crash, a sanitizer report, another exception) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "parley/error.hpp"
#include "parley/io.hpp"
#include "parley/model.hpp"

namespace {

#if defined(PARLEY_FUZZ_FORMAT_SCENARIO_YAML)
constexpr parley::InputFormat kFormat = parley::InputFormat::yaml;
#elif defined(PARLEY_FUZZ_FORMAT_SCENARIO_JSON)
constexpr parley::InputFormat kFormat = parley::InputFormat::json;
#elif defined(PARLEY_FUZZ_FORMAT_KTAB_CSV)
constexpr parley::InputFormat kFormat = parley::InputFormat::ktab_csv;
#elif defined(PARLEY_FUZZ_FORMAT_KTAB_XML)
constexpr parley::InputFormat kFormat = parley::InputFormat::ktab_xml;
#elif defined(PARLEY_FUZZ_FORMAT_DECIDE_INPUT)
constexpr parley::InputFormat kFormat = parley::InputFormat::decide;
#else
constexpr parley::InputFormat kFormat = parley::InputFormat::deu;
#endif

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  try {
    const parley::Scenario s = parley::read_scenario_text(content, "fuzz", {kFormat, parley::DeuCapability::gdp});
    // Whatever reads cleanly must also run cleanly.
    for (const parley::Model* m : parley::all_models()) m->run(s, {});
  } catch (const parley::InputError&) {
  }
  return 0;
}
