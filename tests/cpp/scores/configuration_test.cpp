#include <gtest/gtest.h>

#include <cmath>

#include "support_fixture.hpp"

namespace teamgraph {
namespace {

using testing::finding;
using testing::org_from_csv;
using testing::support_people;

TEST(TeamConfiguration, OnlyWhereGiven) {
  EXPECT_EQ(team_configuration(org_from_csv({{"people", support_people}})).absent_reason, "no configuration in team.json");
  const Org org = org_from_csv(
      {{"people", support_people}},
      R"({"configuration": {"professionals": 4, "interested_in_trade": 5, "equipment": {"computer": 3, "network": 5, "desk": 4}}})");
  const auto r = team_configuration(org);
  EXPECT_NEAR(r.score, 100.0 * (0.8 + 1 + 0.6 + 1 + 0.8) / 5.0, 1e-9);
  EXPECT_TRUE(std::isnan(r.figure("budget_per_head")->value));
  EXPECT_EQ(r.figure("budget_per_head")->note, "not given");
  // "Not everyone has the basic equipment: short of computer and desk."
  const Finding* gap = finding(r, "equipment_gap");
  ASSERT_NE(gap, nullptr);
  EXPECT_EQ(gap->args, (std::vector<FindingArg>{FindingArg::words_of("items", {"word.computer", "word.desk"})}));
  // "1 of 5 members have no professional background in the trade."
  const Finding* amateurs = finding(r, "non_professionals");
  ASSERT_NE(amateurs, nullptr);
  EXPECT_EQ(amateurs->args, (std::vector<FindingArg>{FindingArg::num("without", 1), FindingArg::count_of("count", 5)}));
}

// Which parts a score was made of, and why the others were not computed.
std::vector<std::string> not_computed(const ScoreReport& r) {
  std::vector<std::string> out;
  for (const auto& p : r.parts)
    if (!p.computed()) out.push_back(p.name + ": " + p.reason);
  return out;
}

// A budget of 0 and nothing else: the team has no money, so the score is 0 (it was 100: every
// count not given was read as a share of 1 through min(1, NaN), and the budget was never scored).
TEST(TeamConfiguration, ABudgetOfZeroAloneScoresZeroNotAHundred) {
  const Org org = org_from_csv({{"people", support_people}}, R"({"configuration": {"budget": 0}})");
  const auto r = team_configuration(org);
  ASSERT_TRUE(r.assessed);
  EXPECT_DOUBLE_EQ(r.score, 0.0);
  ASSERT_EQ(r.parts.size(), 6u);
  EXPECT_EQ(r.parts[0].name, "budget");
  EXPECT_DOUBLE_EQ(r.parts[0].value, 0.0);
  EXPECT_EQ(not_computed(r), (std::vector<std::string>{"professionals: configuration.professionals not given",
                                                       "interested_in_trade: configuration.interested_in_trade not given",
                                                       "equipment.computer: configuration.equipment not given",
                                                       "equipment.network: configuration.equipment not given",
                                                       "equipment.desk: configuration.equipment not given"}));
  EXPECT_TRUE(std::isnan(r.figure("professional_share")->value));  // not 1
  const Finding* none = finding(r, "no_budget");
  ASSERT_NE(none, nullptr);
  EXPECT_EQ(none->severity, FindingSeverity::high);
  EXPECT_EQ(none->args, (std::vector<FindingArg>{FindingArg::count_of("count", 5)}));
}

// A positive budget is judged against the policy's budget per head; without one it is shown
// per head but not scored, and says so.
TEST(TeamConfiguration, BudgetIsScoredAgainstThePolicysTarget) {
  const Org org = org_from_csv({{"people", support_people}}, R"({"configuration": {"budget": 500, "professionals": 5}})");
  const auto untargeted = team_configuration(org);
  EXPECT_DOUBLE_EQ(untargeted.score, 100.0);  // professionals 5 of 5; the budget is not a part
  EXPECT_FALSE(untargeted.parts[0].computed());
  EXPECT_EQ(untargeted.parts[0].reason, "no budget target to judge it by (policy configuration.budget_per_head)");
  EXPECT_DOUBLE_EQ(untargeted.figure("budget_per_head")->value, 100.0);
  Policy policy;
  policy.configuration.budget_per_head = 400;  // 100 a head is a quarter of it
  const auto targeted = team_configuration(org, policy);
  EXPECT_DOUBLE_EQ(targeted.parts[0].value, 0.25);
  EXPECT_DOUBLE_EQ(targeted.score, 100.0 * (0.25 + 1.0) / 2.0);
}

}  // namespace
}  // namespace teamgraph
