// The focal-point model: outcomes land on stated options (docs/models/focal.md).
#include <fmt/format.h>

#include "models/focal/focal_fit.hpp"
#include "models/options.hpp"

namespace parley::models {

namespace {

using focal::kFeatureNames;
using focal::kFeatures;

// Fitted on the DEU III dev data (all 230 issues, --capability council): `make skill` prints the fit;
// docs/models/focal.md gives the fit.
constexpr focal::Features kFitted{-1.686, -0.9807, -0.5417, 0.1424, 1.051, -0.2928};
// The exponent on capabilities is set, not fitted: 0.5, the square-root rule (docs/models/focal.md).
constexpr double kExponent = 0.5;
constexpr double kRidge = 1e-3;

std::string number(double x) { return fmt::format("{:.6g}", x); }

class FocalPointModel final : public Model {
 public:
  std::string_view name() const override { return "focal"; }
  std::string_view description() const override {
    return "focal points: the weighted median of the stated options, the reference point and the compromise point, weighted by "
           "features fitted on real outcomes";
  }
  std::vector<ModelOptionSpec> options() const override {
    std::vector<ModelOptionSpec> out;
    const char* meaning[kFeatures] = {"coefficient on a candidate's distance from the compromise point (fraction of the scale)",
                                      "coefficient on being the compromise point",
                                      "coefficient on being the lowest or highest stated position",
                                      "coefficient on being the reference point (status quo)",
                                      "coefficient on the share of weight standing on the candidate",
                                      "coefficient on being the weighted median of the stated positions"};
    for (std::size_t k = 0; k < kFeatures; ++k) out.push_back({kFeatureNames[k], number(kFitted[k]), meaning[k]});
    out.push_back({"capability_exponent", number(kExponent), "exponent on capabilities (relative to their mean on the issue); not fitted"});
    return out;
  }

  ModelTraits traits() const override {
    ModelTraits t;
    t.fitted = true;
    return t;
  }

  std::optional<ModelOptions> fit(const Scenario& s, const std::vector<std::size_t>& issues, const ModelOptions& given) const override {
    OptionReader options(*this, given);
    const double exponent = options.number("capability_exponent", 0, 10);
    const focal::Fit f = focal::fit_coefficients(focal::observations(s, issues, exponent), kRidge);
    ModelOptions out = given;
    for (std::size_t k = 0; k < kFeatures; ++k) out[kFeatureNames[k]] = fmt::format("{:.17g}", f.parameters.coefficients[k]);
    return out;
  }

 protected:
  Forecast forecast(const Scenario& s, const ModelOptions& given) const override {
    OptionReader options(*this, given);
    focal::Features beta{};
    for (std::size_t k = 0; k < kFeatures; ++k) beta[k] = options.number(kFeatureNames[k], -1e6, 1e6);
    const double exponent = options.number("capability_exponent", 0, 10);
    Forecast f{std::string(name()), options.resolved(), {}, {}, {}};
    for (std::size_t i = 0; i < s.issues().size(); ++i) {
      IssueForecast r{s.issue(i).id, std::nullopt, "", {}};
      const std::vector<focal::Candidate> cs = focal::candidates(s, i, exponent);
      if (cs.empty())
        r.note = "no actor has both a position and a positive salience";
      else
        r.outcome = focal::weighted_median(cs, focal::probabilities(cs, beta));
      f.issues.push_back(std::move(r));
    }
    return f;
  }
};

}  // namespace

const Model& focal_point_model() {
  static const FocalPointModel model;
  return model;
}

}  // namespace parley::models
