// The registry of models: the built-in ones, one line each, then any registered at run time.
#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>

#include "parley/error.hpp"
#include "parley/model.hpp"

namespace parley {

namespace models {

// The models that ship with parley, in the order `parley models` lists them: one line each, naming
// the function that the model's folder (src/models/<name>/) defines to return its one instance.
// Adding a model is a folder and a line here (docs/contributing-model.md).
#define PARLEY_BUILTIN_MODELS(MODEL) \
  MODEL(compromise_model)            \
  MODEL(weighted_median_model)       \
  MODEL(nash_bargaining_model)       \
  MODEL(expected_utility_model)      \
  MODEL(spatial_model)               \
  MODEL(focal_point_model)           \
  MODEL(exchange_model)

#define PARLEY_DECLARE_MODEL(factory) const Model& factory();
PARLEY_BUILTIN_MODELS(PARLEY_DECLARE_MODEL)
#undef PARLEY_DECLARE_MODEL

}  // namespace models

namespace {

struct Registry {
  std::vector<const Model*> models;
  std::vector<std::unique_ptr<Model>> added;  // owns the models registered at run time
};

Registry& registry() {
#define PARLEY_LIST_MODEL(factory) &models::factory(),
  static Registry r{{PARLEY_BUILTIN_MODELS(PARLEY_LIST_MODEL)}, {}};
#undef PARLEY_LIST_MODEL
  return r;
}

}  // namespace

const std::vector<const Model*>& all_models() { return registry().models; }

const Model* find_model(std::string_view name) {
  for (const Model* m : all_models())
    if (m->name() == name) return m;
  return nullptr;
}

const Model& model_named(const std::string& name, const std::string& field) {
  if (const Model* m = find_model(name)) return *m;
  std::string names;
  for (const Model* m : all_models()) names += (names.empty() ? "" : ", ") + std::string(m->name());
  throw InputError({}, field, "unknown model '" + name + "'", "one of: " + names);
}

const Model& register_model(std::unique_ptr<Model> model) {
  if (!model) throw std::invalid_argument("register_model: no model");
  if (find_model(model->name())) throw std::invalid_argument("register_model: a model named '" + std::string(model->name()) + "' exists");
  Registry& r = registry();
  r.models.push_back(model.get());
  r.added.push_back(std::move(model));
  return *r.added.back();
}

}  // namespace parley
