// write_model_list: the models and their options, as `parley models` prints them (a table, or JSON).
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <ostream>

#include "parley/output.hpp"
#include "report/output/writer_support.hpp"

namespace parley {

void write_model_list(std::ostream& out, const std::vector<const Model*>& models) {
  for (const Model* m : models) {
    out << fmt::format("{:<12} {}\n", m->name(), m->description());
    for (const ModelOptionSpec& o : m->options())
      out << fmt::format("    --option {}=VALUE  (default {}): {}\n", o.name, o.default_value, o.description);
  }
}

void write_model_list(std::ostream& out, const std::vector<const Model*>& models, OutputFormat format) {
  report::require_format(format, {OutputFormat::table, OutputFormat::json});
  if (format == OutputFormat::table) return write_model_list(out, models);
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Model* m : models) {
    const ModelTraits t = m->traits();
    nlohmann::ordered_json options = nlohmann::ordered_json::array();
    for (const ModelOptionSpec& o : m->options())
      options.push_back({{"name", o.name}, {"default", o.default_value}, {"description", o.description}});
    list.push_back({{"name", m->name()},
                    {"description", m->description()},
                    {"traits", {{"rounds", t.rounds}, {"seed", t.seed}, {"trace", t.trace}, {"events", t.events}, {"fitted", t.fitted}}},
                    {"options", std::move(options)}});
  }
  nlohmann::ordered_json j;
  j["schema"] = kModelsSchema;
  j["models"] = std::move(list);
  out << j.dump(2) << '\n';
}

}  // namespace parley
