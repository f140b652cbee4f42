#include <gtest/gtest.h>

#include <cmath>

#include "support_fixture.hpp"

namespace teamgraph {
namespace {

using testing::finding;
using testing::org_from_csv;
using testing::support_people;
using Kind = FindingArg::Kind;

// A, B, C and D are paid 100 to 400.
const std::string paid = "person_id,kind,type,amount\nA,material,bonus,100\nB,material,bonus,200\nC,material,bonus,300\n"
                         "D,material,bonus,400\n";

TEST(IncentiveBalance, HandChecked) {
  const Org org = org_from_csv(
      {{"people", support_people},
       {"incentives", paid + "D,spiritual,praise,\nE,spiritual,praise,\nE,spiritual,training,\n"}});
  const auto r = incentive_balance(org);
  ASSERT_TRUE(r.assessed);
  EXPECT_NEAR(r.figure("spiritual_share_of_events")->value, 3.0 / 7.0, 1e-12);
  EXPECT_DOUBLE_EQ(r.figure("recognition_coverage")->value, 0.4);
  EXPECT_DOUBLE_EQ(r.figure("material_gini")->value, 0.4);
  EXPECT_TRUE(std::isnan(r.figure("pay_for_performance")->value));
  EXPECT_EQ(r.figure("pay_for_performance")->note, "too few people with an assessment (0, at least 8 needed)");
  EXPECT_NEAR(r.score, 100.0 * (1.0 + 0.4 + 0.6) / 3.0, 1e-9);
  ASSERT_FALSE(r.findings.empty());
  // "3 people were paid but never recognized in the period (A, B and C): ..."
  const Finding& f = r.findings[0];
  EXPECT_EQ(f.code, "no_spiritual_incentive");
  EXPECT_EQ(f.args, (std::vector<FindingArg>{FindingArg::count_of("count", 3), FindingArg::people_of("people", 0, 3)}));
  EXPECT_EQ(testing::people_of(f, "people", org), (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(finding(r, "imbalanced_incentives"), nullptr);  // 43% spiritual is inside the band
}

TEST(IncentiveBalance, LeaningOnOneKindIsAVariant) {
  const Org org = org_from_csv(
      {{"people", support_people},
       {"incentives", paid + "E,spiritual,praise,\n"}});
  const auto r = incentive_balance(org);
  const Finding* f = finding(r, "imbalanced_incentives");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->variant, "material");  // "The team leans on material incentives: 20% of incentive events are spiritual."
  EXPECT_EQ(f->args, (std::vector<FindingArg>{FindingArg::num("spiritual_share", 0.2)}));
  Policy policy;
  policy.incentives.spiritual_share_high = 0.1;
  policy.incentives.spiritual_share_low = 0.05;
  EXPECT_EQ(finding(incentive_balance(org, policy), "imbalanced_incentives")->variant, "spiritual");
}

// Eight people whose pay falls as their assessment rises: the best paid are the lowest assessed.
TEST(IncentiveBalance, PayAgainstTheAssessment) {
  std::string people = "id,manager_id,assessment\n", incentives = "person_id,kind,type,amount\n";
  for (int i = 0; i < 8; ++i) {
    const std::string id = "p" + std::to_string(i);
    people += id + "," + (i ? "p0" : "") + ",0." + std::to_string(i + 1) + "\n";
    incentives += id + ",material,bonus," + std::to_string(800 - 100 * i) + "\n";
  }
  const Org org = org_from_csv({{"people", people}, {"incentives", incentives}});
  const auto r = incentive_balance(org);
  EXPECT_DOUBLE_EQ(r.figure("pay_for_performance")->value, -1.0);
  const Finding* contradict = finding(r, "reward_contradicts_assessment");
  ASSERT_NE(contradict, nullptr);  // "p0 and p1 are among the best paid but the lowest assessed: ..."
  EXPECT_EQ(testing::people_of(*contradict, "people", org), (std::vector<std::string>{"p0", "p1"}));
  EXPECT_EQ(contradict->arg("count")->number, 2.0);
  const Finding* pay = finding(r, "pay_not_following_performance");
  ASSERT_NE(pay, nullptr);  // "Material incentives hardly follow the assessment (rank correlation -1.00, ...)."
  ASSERT_NE(pay->arg("rho"), nullptr);
  EXPECT_EQ(pay->arg("rho")->kind, Kind::number);
  EXPECT_DOUBLE_EQ(pay->arg("rho")->number, -1.0);
  ASSERT_NE(pay->arg("low"), nullptr);
  ASSERT_NE(pay->arg("high"), nullptr);

  Policy policy;  // the cut-offs are the policy's
  policy.incentives.min_pay_for_performance = 0.0;
  policy.incentives.best_paid_rank = 0.875;
  policy.incentives.lowest_assessed_rank = 0.125;
  const auto strict = incentive_balance(org, policy);
  EXPECT_NE(finding(strict, "pay_not_following_performance"), nullptr);
  EXPECT_EQ(testing::people_of(*finding(strict, "reward_contradicts_assessment"), "people", org),
            (std::vector<std::string>{"p0"}));
  policy.incentives.min_pay_for_performance = -1.0;
  EXPECT_EQ(finding(incentive_balance(org, policy), "pay_not_following_performance"), nullptr);
}

// Above bootstrap_max_people the pay-for-performance interval is Fisher's z with Bonett and
// Wright's variance: rho = 0.5030 (pay 3,1,4,1,5,9,2,6 hundred against assessments 0.1-0.8: the
// Pearson correlation of the ranks, the two 1s sharing rank 1.5), z = atanh(rho),
// se = sqrt((1 + rho^2 / 2) / 5), interval tanh(z -+ 1.96 se) = [-0.3601, 0.9021].
TEST(IncentiveBalance, ManyPeopleGetFishersIntervalInsteadOfTheBootstrap) {
  const int pay[] = {3, 1, 4, 1, 5, 9, 2, 6};
  std::string people = "id,manager_id,assessment\n", incentives = "person_id,kind,type,amount\n";
  for (int i = 0; i < 8; ++i) {
    const std::string id = "p" + std::to_string(i);
    people += id + "," + (i ? "p0" : "") + ",0." + std::to_string(i + 1) + "\n";
    incentives += id + ",material,bonus," + std::to_string(100 * pay[i]) + "\n";
  }
  const Org org = org_from_csv({{"people", people}, {"incentives", incentives}});
  Policy policy;
  policy.incentives.min_pay_for_performance = 0.9;  // so the finding shows the interval
  const auto resampled = incentive_balance(org, policy);
  const Finding* bootstrap = finding(resampled, "pay_not_following_performance");
  ASSERT_NE(bootstrap, nullptr);
  policy.incentives.bootstrap_max_people = 7;
  const auto r = incentive_balance(org, policy);
  const Finding* fisher = finding(r, "pay_not_following_performance");
  ASSERT_NE(fisher, nullptr);
  const double rho = fisher->arg("rho")->number;
  EXPECT_NEAR(rho, 0.503003030003569, 1e-12);
  EXPECT_NEAR(fisher->arg("low")->number, -0.3601, 1e-4);
  EXPECT_NEAR(fisher->arg("high")->number, 0.9021, 1e-4);
  EXPECT_NE(bootstrap->arg("low")->number, fisher->arg("low")->number);
}

}  // namespace
}  // namespace teamgraph
