#include <gtest/gtest.h>

#include "support_fixture.hpp"

namespace teamgraph {
namespace {

using testing::finding;
using testing::org_from_csv;
using testing::support_people;

TEST(GoalAlignment, ChainsOrphansAndPeopleWithoutGoals) {
  const Org org = org_from_csv(
      {{"people", support_people},
       {"goals", "goal_id,owner_id,parent_goal_id,quantified\ng0,,,yes\ng1,A,g0,yes\ng2,B,g1,no\ng3,C,,\ng4,D,g3,\n"}});
  const auto r = goal_alignment(org);
  EXPECT_DOUBLE_EQ(r.figure("aligned_share")->value, 0.5);
  EXPECT_NEAR(r.figure("quantified_share")->value, 2.0 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(r.figure("people_without_goal")->value, 1.0);
  EXPECT_NEAR(r.score, 100.0 * (0.5 + 2.0 / 3.0 + 0.8) / 3.0, 1e-9);
  // "Goals that serve no team goal: g3 (C)."
  EXPECT_EQ(r.findings[0].code, "orphan_goal");
  EXPECT_EQ(r.findings[0].args, (std::vector<FindingArg>{FindingArg::count_of("count", 1), FindingArg::people_of("people", 0, 1),
                                                         FindingArg::texts_of("goals", {"g3"})}));
  EXPECT_EQ(testing::people_of(r.findings[0], "people", org), (std::vector<std::string>{"C"}));
  // "33% of goals have no measurable target."
  const Finding* unquantified = finding(r, "unquantified_goals");
  ASSERT_NE(unquantified, nullptr);
  EXPECT_NEAR(unquantified->arg("unquantified_share")->number, 1.0 / 3.0, 1e-12);
  // "E has no goal."
  EXPECT_EQ(testing::people_of(*finding(r, "no_goal"), "people", org), (std::vector<std::string>{"E"}));
  Policy policy;  // the share of measurable goals wanted is the policy's
  policy.goals.min_quantified_share = 0.6;
  EXPECT_EQ(finding(goal_alignment(org, policy), "unquantified_goals"), nullptr);
}

}  // namespace
}  // namespace teamgraph
