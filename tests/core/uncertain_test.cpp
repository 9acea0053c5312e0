#include "parley/uncertain.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace parley {
namespace {

TEST(Uncertain, PointValueOfEachForm) {
  EXPECT_EQ(Uncertain::point(40).point_value(), 40);
  EXPECT_EQ(Uncertain::range(30, 50).point_value(), 40);
  EXPECT_EQ(Uncertain::normal(42, 5).point_value(), 42);
  EXPECT_EQ(Uncertain::triangular(30, 45, 60).point_value(), 45);
}

TEST(Uncertain, SupportBounds) {
  EXPECT_EQ(Uncertain::range(30, 50).low(), 30);
  EXPECT_EQ(Uncertain::range(30, 50).high(), 50);
  EXPECT_EQ(Uncertain::triangular(30, 45, 60).high(), 60);
  EXPECT_TRUE(std::isinf(Uncertain::normal(1, 1).low()));
}

TEST(Uncertain, WrittenForm) {
  EXPECT_EQ(Uncertain::point(40).to_string(), "40");
  EXPECT_EQ(Uncertain::range(30, 50.5).to_string(), "[30, 50.5]");
  EXPECT_EQ(Uncertain::normal(40, 5).to_string(), "normal(40, 5)");
  EXPECT_EQ(Uncertain::triangular(1, 2, 3).to_string(), "triangular(1, 2, 3)");
}

TEST(Uncertain, ScaledKeepsTheKind) {
  const Uncertain u = Uncertain::triangular(10, 20, 40).scaled(0.01);
  EXPECT_EQ(u.kind(), Uncertain::Kind::triangular);
  EXPECT_DOUBLE_EQ(u.point_value(), 0.2);
}

}  // namespace
}  // namespace parley
