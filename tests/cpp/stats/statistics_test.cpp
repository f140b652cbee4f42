#include <gtest/gtest.h>

#include <cmath>

#include "teamgraph/stats.hpp"

namespace teamgraph {
namespace {

TEST(Statistics, HandChecked) {
  EXPECT_DOUBLE_EQ(gini({1, 2, 3, 4}), 0.25);
  EXPECT_DOUBLE_EQ(gini({0, 100, 200, 300, 400}), 0.4);
  EXPECT_TRUE(std::isnan(gini({0, 0})));
  EXPECT_DOUBLE_EQ(herfindahl({1, 1, 2}), 0.375);
  EXPECT_DOUBLE_EQ(spearman({1, 2, 3}, {3, 2, 1}), -1.0);
  EXPECT_NEAR(spearman({1, 1, 2}, {1, 2, 3}), 1.5 / std::sqrt(3.0), 1e-12);
  EXPECT_EQ(ranks({10, 30, 10, 20}), (std::vector<double>{1.5, 4, 1.5, 3}));
  EXPECT_DOUBLE_EQ(median({3, 1, 2, 4}), 2.5);
  EXPECT_DOUBLE_EQ(median_absolute_deviation({1, 2, 3, 4, 100}), 1.0);
}

TEST(Statistics, GroupMeansWithholdSmallGroupsAndWhatSubtractionWouldReveal) {
  // Groups of 6, 5 and 2 people: the group of 2 is withheld, and so is the group of 5, or it
  // could be recovered from the total and the group of 6.
  std::vector<std::int32_t> group_of;
  Eigen::VectorXd values(13);
  for (int i = 0; i < 13; ++i) {
    group_of.push_back(i < 6 ? 0 : (i < 11 ? 1 : 2));
    values[i] = i;
  }
  const auto groups = group_means("department", {"a", "b", "c"}, group_of, values, "x", 5);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_DOUBLE_EQ(groups[0].value, 2.5);
  EXPECT_TRUE(std::isnan(groups[1].value));
  EXPECT_NE(groups[1].withheld.find("cannot be recovered"), std::string::npos);
  EXPECT_EQ(groups[2].withheld, "fewer than 5 people");
}

}  // namespace
}  // namespace teamgraph
