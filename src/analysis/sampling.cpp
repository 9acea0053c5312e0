#include "parley/sampling.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

#include "analysis/philox.hpp"
#include "parley/error.hpp"
#include "parley/timeline.hpp"

namespace parley {

namespace {

constexpr std::uint32_t kInputStream = 0;
constexpr std::uint32_t kActorStream = 1;

double triangular_quantile(double lo, double mode, double hi, double u) {
  const double width = hi - lo;
  if (!(width > 0)) return mode;
  const double cut = (mode - lo) / width;
  return u < cut ? lo + std::sqrt(u * width * (mode - lo)) : hi - std::sqrt((1 - u) * width * (hi - mode));
}

/// A normal(mean, sd) truncated to [lo, hi], by inversion.
double truncated_normal_quantile(double mean, double sd, double lo, double hi, double u) {
  if (!(sd > 0)) return mean;
  const double a = std::isinf(lo) ? 0.0 : normal_cdf((lo - mean) / sd);
  const double b = std::isinf(hi) ? 1.0 : normal_cdf((hi - mean) / sd);
  const double p = a + u * (b - a);
  const double x = mean + sd * normal_quantile(std::clamp(p, 1e-300, 1 - 0x1p-53));
  return std::clamp(x, lo, hi);
}

void add(std::vector<UncertainInput>& out, const Parameter& p, UncertainInput::Field field, std::size_t actor, std::size_t issue,
         std::string name, double lo, double hi) {
  UncertainInput in;
  in.field = field;
  in.actor = actor;
  in.issue = issue;
  in.name = std::move(name);
  in.distribution = p.value;
  in.low = lo;
  in.high = hi;
  out.push_back(std::move(in));
}

Parameter& mutable_parameter(Scenario& s, const UncertainInput& in) {
  using F = UncertainInput::Field;
  if (in.event != UncertainInput::none) return s.events[in.event].changes[in.change].value;
  switch (in.field) {
    case F::position:
      return *s.stance(in.issue, in.actor).position;
    case F::salience:
      return *s.stance(in.issue, in.actor).salience;
    case F::capability:
      return s.actor(in.actor).capability;
    case F::risk:
      return *s.actor(in.actor).risk;
    case F::status_quo:
      return *s.issue(in.issue).status_quo;
  }
  throw std::logic_error("unknown input field");
}

}  // namespace

const char* to_string(UncertainInput::Field field) {
  using F = UncertainInput::Field;
  switch (field) {
    case F::position:
      return "position";
    case F::salience:
      return "salience";
    case F::capability:
      return "capability";
    case F::risk:
      return "risk";
    case F::status_quo:
      return "status_quo";
  }
  return "?";
}

const Parameter& parameter_of(const Scenario& scenario, const UncertainInput& input) {
  return mutable_parameter(const_cast<Scenario&>(scenario), input);
}

double UncertainInput::quantile(double u) const {
  const Uncertain& d = distribution;
  double x = d.point_value();
  switch (d.kind()) {
    case Uncertain::Kind::point:
      break;
    case Uncertain::Kind::range:
      x = d.a() + u * (d.b() - d.a());
      break;
    case Uncertain::Kind::normal:
      x = truncated_normal_quantile(d.a(), d.b(), low, high, u);
      break;
    case Uncertain::Kind::triangular:
      x = triangular_quantile(d.a(), d.b(), d.c(), u);
      break;
  }
  x = std::clamp(x, low, high);
  // Capabilities must stay positive even at a truncation point of 0.
  if (field == Field::capability && !(x > 0)) x = std::numeric_limits<double>::min();
  return x;
}

std::vector<UncertainInput> scenario_parameters(const Scenario& s) {
  using F = UncertainInput::Field;
  constexpr double inf = std::numeric_limits<double>::infinity();
  std::vector<UncertainInput> out;
  for (std::size_t a = 0; a < s.actors().size(); ++a) {
    const Actor& actor = s.actor(a);
    add(out, actor.capability, F::capability, a, UncertainInput::none, actor.id + ".capability", 0, inf);
    if (actor.risk) add(out, *actor.risk, F::risk, a, UncertainInput::none, actor.id + ".risk", -1, 1);
  }
  for (std::size_t i = 0; i < s.issues().size(); ++i) {
    const Issue& issue = s.issue(i);
    for (std::size_t a = 0; a < s.actors().size(); ++a) {
      const Stance& st = s.stance(i, a);
      const std::string prefix = s.actor(a).id + "." + issue.id + ".";
      if (st.position) add(out, *st.position, F::position, a, i, prefix + "position", issue.scale.min, issue.scale.max);
      if (st.salience) add(out, *st.salience, F::salience, a, i, prefix + "salience", 0, 1);
    }
  }
  for (std::size_t i = 0; i < s.issues().size(); ++i) {
    const Issue& issue = s.issue(i);
    if (issue.status_quo)
      add(out, *issue.status_quo, F::status_quo, UncertainInput::none, i, issue.id + ".status_quo", issue.scale.min, issue.scale.max);
  }
  for (std::size_t e = 0; e < s.events.size(); ++e) {
    const Event& event = s.events[e];
    for (std::size_t c = 0; c < event.changes.size(); ++c) {
      const EventChange& ch = event.changes[c];
      const std::string prefix = event.id + "." + s.actor(ch.actor).id + ".";
      if (ch.field == EventChange::Field::capability) {
        add(out, ch.value, F::capability, ch.actor, UncertainInput::none, prefix + to_string(ch.field), 0, inf);
      } else {
        const Issue& issue = s.issue(ch.issue);
        const bool pos = ch.field == EventChange::Field::position;
        add(out, ch.value, pos ? F::position : F::salience, ch.actor, ch.issue, prefix + issue.id + "." + to_string(ch.field),
            pos ? issue.scale.min : 0, pos ? issue.scale.max : 1);
      }
      out.back().event = e;
      out.back().change = c;
    }
  }
  return out;
}

std::vector<UncertainInput> uncertain_inputs(const Scenario& s) {
  std::vector<UncertainInput> out = scenario_parameters(s);
  std::erase_if(out, [](const UncertainInput& in) {
    return in.distribution.kind() == Uncertain::Kind::point || !(in.distribution.high() > in.distribution.low());
  });
  return out;
}

void set_inputs(Scenario& scenario, const std::vector<UncertainInput>& inputs, const double* values) {
  for (std::size_t k = 0; k < inputs.size(); ++k) mutable_parameter(scenario, inputs[k]).value = Uncertain::point(values[k]);
}

InputSampler::InputSampler(std::vector<UncertainInput> inputs, SamplingOptions options) : inputs_(std::move(inputs)), options_(options) {
  if (!(options_.actor_correlation >= 0 && options_.actor_correlation <= 1))
    throw InputError({}, "--correlation", "got " + std::to_string(options_.actor_correlation), "a number in [0, 1]");
  for (const UncertainInput& in : inputs_)
    if (in.actor != UncertainInput::none) actors_ = std::max(actors_, in.actor + 1);
}

void InputSampler::sample(std::uint64_t draw, double* values) const {
  const std::size_t n = inputs_.size();
  analysis::CounterStream inputs(options_.seed, kInputStream);
  inputs.fill(draw, n, values);  // uniforms first, transformed in place
  const double rho = options_.actor_correlation;
  if (rho > 0) {
    // Gaussian copula: z = sqrt(rho) * z_actor + sqrt(1 - rho) * z_own.
    analysis::CounterStream actors(options_.seed, kActorStream);
    const double shared = std::sqrt(rho), own = std::sqrt(1 - rho);
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t a = inputs_[k].actor;
      if (a == UncertainInput::none) continue;
      const double z = shared * normal_quantile(actors.uniform(draw, a)) + own * normal_quantile(values[k]);
      values[k] = std::clamp(normal_cdf(z), 0x1p-60, 1 - 0x1p-53);
    }
  }
  for (std::size_t k = 0; k < n; ++k) values[k] = inputs_[k].quantile(values[k]);
}

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

double normal_quantile(double p) {
  // Acklam's rational approximation (relative error < 1.2e-9), refined by one Halley step on
  // normal_cdf, which brings it to about machine precision.
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                                 1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                                 -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                 -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
  if (!(p > 0 && p < 1)) {
    if (p == 0) return -std::numeric_limits<double>::infinity();
    if (p == 1) return std::numeric_limits<double>::infinity();
    return std::numeric_limits<double>::quiet_NaN();
  }
  constexpr double p_low = 0.02425;
  double x;
  if (p < p_low || p > 1 - p_low) {
    const double q = std::sqrt(-2 * std::log(p < p_low ? p : 1 - p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    if (p > 1 - p_low) x = -x;
  } else {
    const double q = p - 0.5, r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  const double e = normal_cdf(x) - p;
  const double u = e * std::sqrt(2 * std::numbers::pi) * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

}  // namespace parley
