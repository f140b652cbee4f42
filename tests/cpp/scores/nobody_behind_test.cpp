#include <gtest/gtest.h>

#include "support_fixture.hpp"

namespace teamgraph {
namespace {

using testing::finding;
using testing::org_from_csv;
using testing::support_people;

const std::string expression = "person_id,competency,score\nA,expression,0.9\nB,expression,0.8\nC,expression,0.7\n"
                               "D,expression,0.2\nE,expression,0.75\n";

TEST(NobodyBehind, LaggardGetsTheNearestStrongMentor) {
  const Org org = org_from_csv(
      {{"people", support_people},
       {"competencies", expression},
       {"sharing", "person_a,person_b,channel\nA,B,offline\nB,D,online\nD,E,online\nA,C,offline\n"}});
  const auto r = nobody_behind(org);
  ASSERT_TRUE(r.assessed);
  EXPECT_DOUBLE_EQ(r.score, 80.0);  // one lag among five assessed scores
  // "D lags in expression (0.20; team median 0.75); suggested mentor: B (0.80, 1 step away in the
  // sharing network)."
  const auto& f = r.findings.front();
  EXPECT_EQ(f.code, "lagging");
  EXPECT_EQ(f.variant, "mentor");
  EXPECT_EQ(f.severity, FindingSeverity::high);  // 0.2 is below half the floor
  EXPECT_EQ(f.args, (std::vector<FindingArg>{FindingArg::people_of("person", 0, 1), FindingArg::text_of("dimension", "expression"),
                                             FindingArg::num("score", 0.2), FindingArg::num("median", 0.75),
                                             FindingArg::people_of("mentor", 1, 1), FindingArg::num("mentor_score", 0.8),
                                             FindingArg::count_of("count", 1)}));
  EXPECT_EQ(testing::people_of(f, "person", org), (std::vector<std::string>{"D"}));
  EXPECT_EQ(testing::people_of(f, "mentor", org), (std::vector<std::string>{"B"}));

  Policy policy;  // the severity cut-off is the policy's
  policy.behind.severe_share_of_floor = 0.3;
  EXPECT_EQ(nobody_behind(org, policy).findings.front().severity, FindingSeverity::medium);
}

TEST(NobodyBehind, NoMentorWithinReachIsTheOtherVariant) {
  const Org org = org_from_csv({{"people", support_people}, {"competencies", expression}, {"sharing", "person_a,person_b,channel\nA,B,offline\n"}});
  const auto r = nobody_behind(org);
  const auto& f = r.findings.front();
  // "D lags in expression (0.20; team median 0.75); no one strong in it is reachable through the
  // sharing network."
  EXPECT_EQ(f.variant, "no_mentor");
  EXPECT_EQ(f.people.size(), 1u);
  EXPECT_EQ(f.args, (std::vector<FindingArg>{FindingArg::people_of("person", 0, 1), FindingArg::text_of("dimension", "expression"),
                                             FindingArg::num("score", 0.2), FindingArg::num("median", 0.75)}));
}

TEST(NobodyBehind, FarFewerLearningHours) {
  // Median 10 hours, MAD 1: G's robust z-score is (1 - 10) / 1.4826 = -6.1.
  const std::string people = "id,manager_id,learning_hours\nA,,10\nB,A,8\nC,A,9\nD,A,11\nE,A,12\nF,A,10\nG,A,1\n";
  const Org org = org_from_csv({{"people", people}, {"competencies", "person_id,competency,score\nA,expression,0.9\n"}});
  const auto r = nobody_behind(org);
  const Finding* f = finding(r, "low_learning");
  ASSERT_NE(f, nullptr);  // "G spent far fewer hours learning than the team (median 10.0 hours)."
  EXPECT_EQ(testing::people_of(*f, "people", org), (std::vector<std::string>{"G"}));
  EXPECT_EQ(f->arg("median_hours")->number, 10.0);
  EXPECT_EQ(f->arg("count")->number, 1.0);
  Policy policy;  // "far fewer" is the policy's
  policy.behind.learning_robust_z = -7.0;
  EXPECT_EQ(finding(nobody_behind(org, policy), "low_learning"), nullptr);
}

}  // namespace
}  // namespace teamgraph
