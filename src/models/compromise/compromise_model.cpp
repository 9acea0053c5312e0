// The compromise model: x* = sum c_i s_i x_i / sum c_i s_i (docs/models/compromise.md).
#include "models/options.hpp"
#include "models/participants.hpp"

namespace parley::models {

namespace {

class CompromiseModel final : public Model {
 public:
  std::string_view name() const override { return "compromise"; }
  std::string_view description() const override { return "capability x salience weighted mean of positions (Achen; Thomson et al.)"; }

  Forecast forecast(const Scenario& s, const ModelOptions& given) const override {
    OptionReader options(*this, given);
    Forecast f{std::string(name()), options.resolved(), {}, {}, {}};
    f.issues.reserve(s.issues().size());
    for (std::size_t i = 0; i < s.issues().size(); ++i) {
      IssueForecast r{s.issue(i).id, std::nullopt, "", {}};
      double num = 0, den = 0;
      std::size_t n = 0;
      for_each_participant(s, i, [&](const Participant& p) {
        num += p.c * p.s * p.x;
        den += p.c * p.s;
        ++n;
      });
      if (n == 0)
        r.note = "no actor has both a position and a salience";
      else if (den <= 0)
        r.note = "every actor taking part has zero salience";
      else
        r.outcome = num / den;
      f.issues.push_back(std::move(r));
    }
    return f;
  }
};

}  // namespace

const Model& compromise_model() {
  static const CompromiseModel model;
  return model;
}

}  // namespace parley::models
