#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "teamgraph/detail/id_map.hpp"
#include "teamgraph/detail/sort.hpp"
#include "teamgraph/org_parts.hpp"

namespace teamgraph {
namespace {

using detail::IdMap;

// Keys that share their first eight bytes, keys of exactly eight, an empty key and a repeat.
TEST(IdMap, InsertAllKeepsTheFirstRowOfEachKey) {
  const std::vector<std::string_view> keys = {"abcdefgh1", "abcdefgh2", "abcdefgh1", "x", "", "abcdefgh", "abcdefg"};
  IdMap map(keys, keys.size());
  std::vector<std::uint32_t> first;
  map.insert_all(first);
  EXPECT_EQ(first, (std::vector<std::uint32_t>{0, 1, 0, 3, IdMap::none, 5, 6}));
  std::vector<std::uint32_t> found;
  // Repeated neighbours are answered from the one before: the answers must not change.
  map.find_all({"abcdefgh2", "abcdefgh2", "abcdefgh1", "abcdefgh1", "zz", "", "", "abcdefg", "abcdefgh"}, found);
  EXPECT_EQ(found, (std::vector<std::uint32_t>{1, 1, 0, 0, IdMap::none, IdMap::none, IdMap::none, 6, 5}));
  EXPECT_EQ(map.find("abcdefgh"), 5u);
  EXPECT_EQ(map.find("abcdefgh3"), IdMap::none);
}

// A table big enough for huge pages (8 MB of slots), and one that grows from the smallest size:
// every key is found at its row, in any order.
TEST(IdMap, BigAndGrowingTablesFindEveryKey) {
  std::vector<std::string> text;
  for (int i = 0; i < 200000; ++i) text.push_back((i % 3 ? "person-" : "p") + std::to_string(i));
  const std::vector<std::string_view> keys(text.begin(), text.end());
  for (const std::size_t expected : {keys.size(), std::size_t{0}}) {
    IdMap map(keys, expected);
    std::vector<std::uint32_t> first;
    if (expected) {
      map.insert_all(first);
    } else {
      for (std::uint32_t r = 0; r < keys.size(); ++r) first.push_back(map.insert(r));
    }
    for (std::uint32_t r = 0; r < keys.size(); ++r) ASSERT_EQ(first[r], r);
    const std::vector<std::string_view> backwards(keys.rbegin(), keys.rend());
    std::vector<std::uint32_t> found;
    map.find_all(backwards, found);
    for (std::size_t k = 0; k < found.size(); ++k) ASSERT_EQ(found[k], keys.size() - 1 - k);
  }
}

TEST(Digraph, FromRowsIsTheGraphOfItsEdges) {
  const Digraph g = digraph_from_rows({0, 2, 2, 3}, {1, 2, 0});
  const Digraph h = make_digraph(3, {0, 0, 2}, {1, 2, 0});
  ASSERT_EQ(boost::num_vertices(g), 3u);
  ASSERT_EQ(boost::num_edges(g), 3u);
  for (index_t v = 0; v < 3; ++v) {
    const auto [a, a_end] = boost::adjacent_vertices(v, g);
    const auto [b, b_end] = boost::adjacent_vertices(v, h);
    EXPECT_TRUE(std::equal(a, a_end, b, b_end)) << "vertex " << v;
  }
  EXPECT_THROW(digraph_from_rows({0, 2, 1, 3}, {1, 2, 0}), std::invalid_argument);  // starts fall
  EXPECT_THROW(digraph_from_rows({0, 2, 2, 4}, {1, 2, 0}), std::invalid_argument);  // past the targets
  EXPECT_THROW(digraph_from_rows({0, 2, 2, 3}, {1, 3, 0}), std::invalid_argument);  // 3 is no vertex
  EXPECT_THROW(digraph_from_rows({}, {}), std::invalid_argument);
}

}  // namespace
}  // namespace teamgraph

namespace teamgraph {
namespace {

// Ids sorted by text, as a sort of the rows by (id, row) would: ids of one pattern share their
// first eight bytes and more ("person-1", "person-10", "person-100" ...), which the sort's radix
// passes see as one key. In order and shuffled; with repeats apart, empty ids, keys that end
// within eight bytes of one another and keys alike for more than the bytes compared by chunks.
TEST(RowsSortedByText, IdsOfOnePatternComeOutInByteOrder) {
  std::vector<std::vector<std::string>> sets(3);
  for (int i = 0; i < 5000; ++i) sets[0].push_back("person-" + std::to_string(i));
  for (int i = 0; i < 3000; ++i) sets[1].push_back("department-of-online-sales-" + std::to_string(i * 7919 % 3000));
  sets[2] = sets[0];
  sets[2].insert(sets[2].end(), sets[1].begin(), sets[1].end());
  for (int i = 0; i < 300; ++i) sets[2].push_back(std::string(100, 'x') + std::to_string(i));  // past the chunks
  for (const char* s : {"abcdefgh", "abcdefg", "abcdefgha", "abcdefgh", "", "person-12", "", "p"})
    sets[2].emplace_back(s);
  // Zero bytes, where a key that ends is padded with them.
  for (const std::string s : {std::string("ab"), std::string("ab\0", 3), std::string("ab\0c", 4),
                              std::string("abcdefgh\0", 9), std::string("abcdefgh\0\0", 10), std::string("ab\0", 3)})
    sets[2].push_back(s);
  std::mt19937 random(7);
  for (const auto& set : sets)
    for (const bool shuffled : {false, true}) {
      std::vector<std::string> text = set;
      if (shuffled) std::shuffle(text.begin(), text.end(), random);
      const std::vector<std::string_view> keys(text.begin(), text.end());
      for (const bool skip_empty : {false, true}) {
        std::vector<std::uint32_t> expected;
        for (std::uint32_t r = 0; r < keys.size(); ++r)
          if (!skip_empty || !keys[r].empty()) expected.push_back(r);
        std::stable_sort(expected.begin(), expected.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return keys[a] < keys[b]; });
        EXPECT_EQ(detail::rows_sorted_by_text(keys, skip_empty), expected)
            << keys.size() << " keys, shuffled " << shuffled;
      }
    }
}

}  // namespace
}  // namespace teamgraph
