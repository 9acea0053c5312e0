// A number that may be uncertain.
#pragma once

#include <string>

namespace parley {

/// A scenario parameter: a point value or a distribution over values.
///
/// Written in scenario files as `40`, `[30, 50]` (uniform range), `normal(40, 5)` or
/// `triangular(30, 40, 60)`. Models that do not sample use point_value().
class Uncertain {
 public:
  enum class Kind { point, range, normal, triangular };

  Uncertain() = default;
  static Uncertain point(double x) { return {Kind::point, x, x, x}; }
  static Uncertain range(double low, double high) { return {Kind::range, low, high, 0}; }
  static Uncertain normal(double mean, double sd) { return {Kind::normal, mean, sd, 0}; }
  static Uncertain triangular(double low, double mode, double high) { return {Kind::triangular, low, mode, high}; }

  Kind kind() const { return kind_; }
  /// The point estimate: the value, the midpoint of a range, the mean of a normal, the mode of a
  /// triangular.
  double point_value() const;
  /// Smallest and largest value the distribution can take (-inf and +inf for a normal).
  double low() const;
  double high() const;
  /// The parameters as written: point (x), range (low, high), normal (mean, sd),
  /// triangular (low, mode, high).
  double a() const { return a_; }
  double b() const { return b_; }
  double c() const { return c_; }

  /// The form it is written in a scenario file, e.g. "normal(40, 5)".
  std::string to_string() const;

  /// Returns this distribution with every value multiplied by `factor` (> 0).
  Uncertain scaled(double factor) const;

  friend bool operator==(const Uncertain&, const Uncertain&) = default;

 private:
  Uncertain(Kind k, double a, double b, double c) : kind_(k), a_(a), b_(b), c_(c) {}
  Kind kind_ = Kind::point;
  double a_ = 0, b_ = 0, c_ = 0;
};

const char* to_string(Uncertain::Kind kind);

}  // namespace parley
