#include "parley/uncertain.hpp"

#include <fmt/format.h>

#include <limits>

namespace parley {

const char* to_string(Uncertain::Kind kind) {
  switch (kind) {
    case Uncertain::Kind::point:
      return "point";
    case Uncertain::Kind::range:
      return "range";
    case Uncertain::Kind::normal:
      return "normal";
    case Uncertain::Kind::triangular:
      return "triangular";
  }
  return "?";
}

double Uncertain::point_value() const {
  switch (kind_) {
    case Kind::point:
      return a_;
    case Kind::range:
      return 0.5 * (a_ + b_);
    case Kind::normal:
      return a_;
    case Kind::triangular:
      return b_;
  }
  return a_;
}

double Uncertain::low() const {
  switch (kind_) {
    case Kind::normal:
      return -std::numeric_limits<double>::infinity();
    default:
      return a_;
  }
}

double Uncertain::high() const {
  switch (kind_) {
    case Kind::point:
      return a_;
    case Kind::range:
      return b_;
    case Kind::normal:
      return std::numeric_limits<double>::infinity();
    case Kind::triangular:
      return c_;
  }
  return a_;
}

std::string Uncertain::to_string() const {
  switch (kind_) {
    case Kind::point:
      return fmt::format("{}", a_);
    case Kind::range:
      return fmt::format("[{}, {}]", a_, b_);
    case Kind::normal:
      return fmt::format("normal({}, {})", a_, b_);
    case Kind::triangular:
      return fmt::format("triangular({}, {}, {})", a_, b_, c_);
  }
  return "?";
}

Uncertain Uncertain::scaled(double factor) const { return {kind_, a_ * factor, b_ * factor, c_ * factor}; }

}  // namespace parley
