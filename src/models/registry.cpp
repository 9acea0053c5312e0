#include "models/builtin.hpp"

namespace parley {

const std::vector<const Model*>& all_models() {
  static const std::vector<const Model*> models{&models::compromise_model(), &models::weighted_median_model(),
                                                &models::nash_bargaining_model(), &models::expected_utility_model(),
                                                &models::spatial_model()};
  return models;
}

bool has_option(const Model& model, std::string_view name) {
  for (const ModelOptionSpec& spec : model.options())
    if (spec.name == name) return true;
  return false;
}

const Model* find_model(std::string_view name) {
  for (const Model* m : all_models())
    if (m->name() == name) return m;
  return nullptr;
}

}  // namespace parley
