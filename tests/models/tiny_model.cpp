#include "models/tiny_model.hpp"

#include <memory>

namespace parley::testing {

namespace {

class StatusQuoOrMean final : public Model {
 public:
  std::string_view name() const override { return kTinyModel; }
  std::string_view description() const override { return "the status quo, or the mean position where there is none (a test model)"; }

 protected:
  Forecast forecast(const Scenario& s, const ModelOptions& options) const override {
    check_options(options);  // no options: any name is an error
    Forecast f{std::string(name()), {}, {}, {}, {}};
    for (std::size_t i = 0; i < s.issues().size(); ++i) {
      IssueForecast r{s.issue(i).id, std::nullopt, "", {}};
      if (s.issue(i).status_quo) {
        r.outcome = s.issue(i).status_quo->point();
      } else {
        double sum = 0;
        int n = 0;
        for (std::size_t a = 0; a < s.actors().size(); ++a)
          if (s.stance(i, a).takes_part()) sum += s.stance(i, a).position->point(), ++n;
        if (n > 0)
          r.outcome = sum / n;
        else
          r.note = "no status quo and no actor taking part";
      }
      f.issues.push_back(std::move(r));
    }
    return f;
  }
};

}  // namespace

const Model& register_tiny_model() {
  if (const Model* m = find_model(kTinyModel)) return *m;
  return register_model(std::make_unique<StatusQuoOrMean>());
}

}  // namespace parley::testing
