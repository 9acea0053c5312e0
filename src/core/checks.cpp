#include "core/checks.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cmath>

namespace parley::checks {

namespace {

std::string describe(double x) {
  if (std::isnan(x)) return "NaN";
  if (std::isinf(x)) return x > 0 ? "infinity" : "-infinity";
  return fmt::format("{}", x);
}

std::optional<Problem> well_formed(const Uncertain& u) {
  for (double p : {u.a(), u.b(), u.c()})
    if (auto bad = finite(p)) return Problem{bad->problem + " in " + u.to_string(), bad->expected};
  switch (u.kind()) {
    case Uncertain::Kind::range:
      if (u.a() > u.b()) return Problem{"range " + u.to_string() + " has low > high", "[low, high] with low <= high"};
      break;
    case Uncertain::Kind::normal:
      if (u.b() < 0) return Problem{"negative standard deviation in " + u.to_string(), "normal(mean, sd) with sd >= 0"};
      break;
    case Uncertain::Kind::triangular:
      if (!(u.a() <= u.b() && u.b() <= u.c()))
        return Problem{u.to_string() + " is not ordered", "triangular(low, mode, high) with low <= mode <= high"};
      break;
    case Uncertain::Kind::point:
      break;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Problem> finite(double x) {
  if (std::isfinite(x)) return std::nullopt;
  return Problem{"got " + describe(x), "a finite number"};
}

std::optional<Problem> within(const Uncertain& u, double lo, double hi, const std::string& what) {
  if (auto bad = well_formed(u)) return bad;
  const bool is_normal = u.kind() == Uncertain::Kind::normal;
  const double low = is_normal ? u.a() : u.low();
  const double high = is_normal ? u.a() : u.high();
  if (low < lo || high > hi)
    return Problem{fmt::format("{} is outside {} [{}, {}]", u.to_string(), what, lo, hi), fmt::format("a value within [{}, {}]", lo, hi)};
  return std::nullopt;
}

std::optional<Problem> positive(const Uncertain& u) {
  if (auto bad = well_formed(u)) return bad;
  const double low = u.kind() == Uncertain::Kind::normal ? u.a() : u.low();
  if (low <= 0) return Problem{"got " + u.to_string(), "a number greater than 0"};
  return std::nullopt;
}

std::optional<Problem> scale(const Scale& s) {
  if (auto bad = finite(s.min)) return bad;
  if (auto bad = finite(s.max)) return bad;
  if (!(s.min < s.max)) return Problem{fmt::format("min {} is not below max {}", s.min, s.max), "min < max"};
  for (double bound : {s.min, s.max})
    if (std::fabs(bound) > kMaxScaleMagnitude)
      return Problem{fmt::format("the bound {} is too large for the models' arithmetic", bound),
                     fmt::format("bounds within [-{}, {}] (rescale the issue, e.g. to 0-100)", kMaxScaleMagnitude, kMaxScaleMagnitude)};
  return std::nullopt;
}

std::optional<Problem> identifier(const std::string& id) {
  const char* expected = "a non-empty id of letters, digits, '_', '-', '.', ':' or '/'";
  if (id.empty()) return Problem{"the id is empty", expected};
  for (const char raw : id) {
    const auto ch = static_cast<unsigned char>(raw);
    const bool ok = std::isalnum(ch) || ch == '_' || ch == '-' || ch == '.' || ch == ':' || ch == '/';
    if (!ok) return Problem{"id '" + id + "' contains '" + std::string(1, static_cast<char>(ch)) + "'", expected};
  }
  return std::nullopt;
}

}  // namespace parley::checks
