// write_model_list: the models and their options, as `parley models` prints them.
#include <fmt/format.h>

#include <ostream>

#include "parley/output.hpp"

namespace parley {

void write_model_list(std::ostream& out, const std::vector<const Model*>& models) {
  for (const Model* m : models) {
    out << fmt::format("{:<12} {}\n", m->name(), m->description());
    for (const ModelOptionSpec& o : m->options())
      out << fmt::format("    --option {}=VALUE  (default {}): {}\n", o.name, o.default_value, o.description);
  }
}

}  // namespace parley
