#include "io/document.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "test_support.hpp"

namespace parley::io {
namespace {

TEST(YamlDocument, NodesKnowTheirPosition) {
  const Document document = parse_yaml("a: 1\nb:\n  - x\n  - {c: 2.5}\n", "f.yaml");
  const Node root = document.root();
  ASSERT_EQ(root.type(), Node::Type::mapping);
  ASSERT_EQ(root.mapping_size(), 2u);
  EXPECT_EQ(root.key(1).text(), "b");
  EXPECT_EQ(root.key(1).line(), 2);
  const Node list = root.value(1);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list.child(0).line(), 3);
  EXPECT_EQ(list.child(0).column(), 5);
  EXPECT_EQ(list.child(1).value(0).number(), 2.5);
  EXPECT_EQ(list.child(1).value(0).column(), 9);
}

TEST(YamlDocument, ResolvesPlainScalarsOnly) {
  const Document document = parse_yaml("a: 3\nb: '3'\nc: true\nd: ~\ne: .nan\nf: 1e3\ng: 2025-01-01\nh: inf\n", "f.yaml");
  const Node root = document.root();
  EXPECT_EQ(root.value(0).type(), Node::Type::number);
  EXPECT_EQ(root.value(1).type(), Node::Type::string);
  EXPECT_EQ(root.value(2).type(), Node::Type::boolean);
  EXPECT_EQ(root.value(3).type(), Node::Type::null);
  EXPECT_TRUE(std::isnan(root.value(4).number()));
  EXPECT_EQ(root.value(5).number(), 1000);
  EXPECT_EQ(root.value(6).type(), Node::Type::string);
  EXPECT_EQ(root.value(7).type(), Node::Type::string);
}

TEST(YamlDocument, OverflowIsInfiniteAndUnderflowIsZero) {
  const Document document = parse_yaml("a: 1e999\nb: -1E999\nc: 1e-999\nd: 1E-999\ne: -2.5e-400\n", "f.yaml");
  const Node root = document.root();
  EXPECT_TRUE(std::isinf(root.value(0).number()) && root.value(0).number() > 0);
  EXPECT_TRUE(std::isinf(root.value(1).number()) && root.value(1).number() < 0);
  for (std::size_t k = 2; k < 5; ++k) {
    EXPECT_EQ(root.value(k).type(), Node::Type::number);
    EXPECT_EQ(root.value(k).number(), 0.0) << k;
  }
}

TEST(JsonDocument, NodesKnowTheirPosition) {
  const std::string text = "{\"a\": 1,\n \"b\": [\"x\", {\"c\": 2.5}]}";
  const Document document = parse_json(text, "f.json");
  const Node root = document.root();
  ASSERT_EQ(root.type(), Node::Type::mapping);
  EXPECT_EQ(root.key(1).line(), 2);
  EXPECT_EQ(root.key(1).column(), 2);
  const Node list = root.value(1);
  EXPECT_EQ(list.line(), 2);
  EXPECT_EQ(list.column(), 7);
  EXPECT_EQ(list.child(0).text(), "x");
  EXPECT_EQ(list.child(1).value(0).number(), 2.5);
  EXPECT_EQ(list.child(1).value(0).column(), 19);
}

TEST(JsonDocument, MalformedInputNamesThePlace) {
  const std::string missing_colon = "{\"a\": 1,\n \"b\" 2}", bad_literal = "{\"a\": tru}", open = "{\"a\": \"open";
  testing::expect_input_error([&] { parse_json(missing_colon, "f.json"); }, 0, 0, "", "well-formed JSON");
  testing::expect_input_error([&] { parse_json(bad_literal, "f.json"); }, 0, 0, "", "well-formed JSON");
  testing::expect_input_error([&] { parse_json(open, "f.json"); }, 0, 0, "", "well-formed JSON");
}

TEST(PositionOf, CountsLinesAndColumns) {
  const SourcePosition p = position_of("ab\ncd\nef", 7, "f");
  EXPECT_EQ(p.line, 3);
  EXPECT_EQ(p.column, 2);
}

}  // namespace
}  // namespace parley::io
