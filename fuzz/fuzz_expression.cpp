// libFuzzer entry point for the small text parsers that take user input outside scenario files:
// outcome-class expressions and `--set` assignments. Errors must be ExpressionError or InputError.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "parley/error.hpp"
#include "parley/outcome_class.hpp"
#include "parley/what_if.hpp"

namespace {

parley::Scenario base() {
  parley::Scenario s;
  for (const char* id : {"sanctions", "arms", "a.b"}) {
    parley::Issue i;
    i.id = id;
    s.add_issue(i);
  }
  s.add_actor(parley::Actor{"us", "", parley::ActorKind::other, {parley::Uncertain::point(1), -1}, "", std::nullopt});
  s.stance(0, 0) = parley::Stance{parley::Parameter{parley::Uncertain::point(50), -1}, parley::Parameter{parley::Uncertain::point(1), -1}};
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  static const parley::Scenario scenario = base();
  try {
    const parley::OutcomePredicate p = parley::OutcomePredicate::parse(text, scenario.issues());
    const double outcomes[] = {10, std::nan(""), 90};
    (void)p(outcomes);
  } catch (const parley::ExpressionError&) {
  }
  try {
    parley::Scenario s = scenario;
    parley::apply_overrides(s, {text});
  } catch (const parley::InputError&) {
  }
  return 0;
}
