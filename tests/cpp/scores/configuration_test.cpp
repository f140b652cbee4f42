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

}  // namespace
}  // namespace teamgraph
