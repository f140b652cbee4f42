// Krackhardt's high-tech managers (Social Networks 9, 1987): a real company's 21 managers,
// converted by tests/data/make_krackhardt_team.py. The facts checked here are the ones the
// data's README lists.

#include <filesystem>
#include <gtest/gtest.h>

#include <map>

#include "helpers.hpp"
#include "teamgraph/org_parts.hpp"

namespace teamgraph {
namespace {

TEST(Krackhardt, ReportsToTreeAndAdviceNetwork) {
  const Org org = read_org(std::filesystem::path(TEAMGRAPH_TEST_DATA) / "krackhardt-team");
  ASSERT_EQ(org.size(), 21u);
  const auto& h = org.hierarchy();
  ASSERT_EQ(h.tops.size(), 1u);
  EXPECT_EQ(org.id(h.tops[0]), "7");
  std::map<std::string, std::vector<std::string>> spans;
  for (index_t p = 0; p < org.size(); ++p)
    if (h.manager[p] != no_index) spans[std::string(org.id(h.manager[p]))].emplace_back(org.id(p));
  const std::map<std::string, std::vector<std::string>> expected = {
      {"7", {"14", "18", "2", "21"}},  // reports in id order (ids are text)
      {"2", {"1", "16", "4"}},
      {"14", {"13", "15", "19", "20", "3", "5", "9"}},
      {"18", {"10", "11"}},
      {"21", {"12", "17", "6", "8"}},
  };
  EXPECT_EQ(spans, expected);
  // Layers 1 / 4 / 16.
  std::vector<int> per_layer(h.layers, 0);
  for (auto d : h.depth) ++per_layer[d];
  EXPECT_EQ(per_layer, (std::vector<int>{1, 4, 16}));
  // 190 advice arcs are 145 distinct pairs.
  EXPECT_EQ(org.sharing().a.size(), 145u);
  EXPECT_EQ(boost::num_edges(org.sharing().graph), 290u);
}

}  // namespace
}  // namespace teamgraph

namespace teamgraph {
namespace {

// Each advice tie as a sharing link between the two managers (145 pairs), departments as given:
// E-I index 0.5172 and no articulation point.
TEST(Krackhardt, SharingHealthFigures) {
  const Org org = read_org(std::filesystem::path(TEAMGRAPH_TEST_DATA) / "krackhardt-team");
  const auto r = sharing_health(org);
  EXPECT_NEAR(r.figure("ei_index")->value, 0.5172, 5e-5);
  EXPECT_DOUBLE_EQ(r.figure("articulation_points")->value, 0.0);
  EXPECT_DOUBLE_EQ(r.figure("isolated")->value, 0.0);
}

}  // namespace
}  // namespace teamgraph
