#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "helpers.hpp"

namespace teamgraph {
namespace {

using testing::org_from_csv;

const std::string& people = testing::small_people;
const std::string& successors = testing::small_successors;

TEST(OrgTables, RebuildingGivesTheSameOrg) {
  const Org org = read_org(std::filesystem::path(TEAMGRAPH_EXAMPLES) / "ecommerce-team");
  OrgBuilder builder;
  for (auto& [name, table] : org_tables(org)) builder.add_table(name, std::move(table));
  builder.set_team(org.team());
  const Org again = builder.build();
  ASSERT_EQ(again.size(), org.size());
  for (index_t p = 0; p < org.size(); ++p) {
    EXPECT_EQ(again.id(p), org.id(p));
    EXPECT_EQ(again.hierarchy().manager[p], org.hierarchy().manager[p]);
  }
  const auto& x = org.competencies().scores;
  const auto& y = again.competencies().scores;
  ASSERT_EQ(x.rows(), y.rows());
  ASSERT_EQ(x.cols(), y.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    for (Eigen::Index k = 0; k < x.cols(); ++k)
      if (std::isnan(x(i, k)))
        EXPECT_TRUE(std::isnan(y(i, k)));
      else
        EXPECT_NEAR(x(i, k), y(i, k), 1e-12);
  EXPECT_EQ(again.sharing().a, org.sharing().a);
  EXPECT_EQ(again.incentives().person, org.incentives().person);
  EXPECT_EQ(again.contributions().previous, org.contributions().previous);
  EXPECT_EQ(again.people().extra[0].values[3], org.people().extra[0].values[3]);
  EXPECT_EQ(again.tables(), org.tables());
}

TEST(WhatIf, LeaveAndPromote) {
  const Org org = org_from_csv({{"people", people}, {"successors", successors}});
  const Org changed = what_if(org, {{"A"}, {{"A", "B"}}, {}, {}});
  EXPECT_EQ(org.size(), 5u);  // untouched
  ASSERT_EQ(changed.size(), 4u);
  const index_t b = *changed.find("B");
  EXPECT_EQ(changed.hierarchy().manager[b], no_index);
  EXPECT_EQ(changed.hierarchy().manager[*changed.find("C")], b);
  EXPECT_EQ(changed.hierarchy().manager[*changed.find("D")], b);  // B's seat is not refilled: D stays under B
  // A's bench (B) is spent; B keeps their own bench (D, E).
  EXPECT_EQ(changed.successors().incumbent.size(), 2u);
  EXPECT_DOUBLE_EQ(succession_readiness(changed).positions.front().bench_strength, 0.75);
}

TEST(WhatIf, PromoteIntoAVacatedSeatAndMove) {
  const Org org = org_from_csv({{"people", people}, {"successors", successors}});
  const Org changed = what_if(org, {{"A"}, {{"A", "B"}, {"B", "D"}}, {{"E", "C"}}, {{"C", "E", Readiness::ready_now}}});
  const auto m = [&](const char* id) { return std::string(changed.id(changed.hierarchy().manager[*changed.find(id)])); };
  EXPECT_EQ(m("D"), "B");
  EXPECT_EQ(m("C"), "B");
  EXPECT_EQ(m("E"), "C");
  EXPECT_EQ(changed.people().tiers[*changed.find("D")], Tier::core);  // D takes B's seat, a core seat
}

// A (core) names B ready now; B (core, leads D and E) names D ready now; D is an individual
// contributor, so D's seat is an ordinary hire.
const std::string chain_successors = "incumbent_id,successor_id,readiness\nA,B,ready_now\nB,D,ready_now\nB,E,ready_1_2y\n";

TEST(WhatIf, FillsTheVacatedSeatDownTheCascade) {
  const Org org = org_from_csv({{"people", people}, {"successors", chain_successors}});
  const WhatIf leave_a{{"A"}, {}, {}, {}};
  const WhatIfPlan plan = plan_what_if(org, leave_a);
  using Seat = std::pair<std::string, std::string>;
  EXPECT_EQ(plan.filled, (std::vector<Seat>{{"A", "B"}, {"B", "D"}}));
  EXPECT_TRUE(plan.unfilled.empty());
  const Org changed = what_if(org, leave_a);
  const auto m = [&](const char* id) {
    const index_t up = changed.hierarchy().manager[*changed.find(id)];
    return up == no_index ? std::string() : std::string(changed.id(up));
  };
  EXPECT_EQ(m("B"), "");   // B holds A's seat: the top
  EXPECT_EQ(m("C"), "B");  // A's reports follow the seat
  EXPECT_EQ(m("D"), "B");  // D holds B's old seat, under B's new one
  EXPECT_EQ(m("E"), "D");  // B's reports follow B's seat to D
  EXPECT_EQ(changed.people().tiers[*changed.find("D")], Tier::core);  // B's seat was core
}

TEST(WhatIf, NoFillLeavesTheSeatEmpty) {
  const Org org = org_from_csv({{"people", people}, {"successors", chain_successors}});
  const WhatIf leave_a{{"A"}, {}, {}, {}, /*fill=*/false};
  EXPECT_TRUE(plan_what_if(org, leave_a).filled.empty());
  const Org changed = what_if(org, leave_a);
  EXPECT_EQ(changed.hierarchy().manager[*changed.find("B")], no_index);
  EXPECT_EQ(changed.hierarchy().manager[*changed.find("C")], no_index);  // two tops: nobody took A's seat
}

TEST(WhatIf, ASeatWithoutAReadyNowSuccessorStaysEmpty) {
  // The small org's B names only D (1-2 years) and E (3 years and more).
  const Org org = org_from_csv({{"people", people}, {"successors", successors}});
  const WhatIfPlan plan = plan_what_if(org, {{"B"}, {}, {}, {}});
  EXPECT_TRUE(plan.filled.empty());
  EXPECT_EQ(plan.unfilled, std::vector<std::string>{"B"});
}

TEST(WhatIf, APromotionOverridesTheFillAndItsOwnSeatIsFilled) {
  const std::string bench = chain_successors + "A,C,ready_now\n";
  const Org org = org_from_csv({{"people", people}, {"successors", bench}});
  // B is the better fit by index (no competencies: equal fitness, lowest index wins), but A's
  // seat is given to C; C's own seat (core, a key position) has no successor and stays empty.
  const WhatIfPlan plan = plan_what_if(org, {{"A"}, {{"A", "C"}}, {}, {}});
  EXPECT_TRUE(plan.filled.empty());
  EXPECT_EQ(plan.unfilled, std::vector<std::string>{"C"});
  EXPECT_EQ(plan_what_if(org, {{"A"}, {}, {}, {}}).filled.front(), (std::pair<std::string, std::string>{"A", "B"}));
}

TEST(WhatIf, KeepsAnAbsentSuccessorsTableAbsent) {
  const Org org = org_from_csv({{"people", people}});
  const Org changed = what_if(org, {{"A"}, {{"A", "B"}}, {}, {}});
  EXPECT_FALSE(changed.has_table("successors"));
  EXPECT_FALSE(succession_readiness(changed).assessed);
}

TEST(WhatIf, RefusesImpossibleChanges) {
  const Org org = org_from_csv({{"people", people}});
  EXPECT_THROW(what_if(org, {{}, {{"A", "B"}}, {}, {}}), std::invalid_argument);        // A's seat is not vacant
  EXPECT_THROW(what_if(org, {{"X"}, {}, {}, {}}), std::invalid_argument);               // unknown
  EXPECT_THROW(what_if(org, {{"A", "B"}, {{"A", "B"}}, {}, {}}), std::invalid_argument);  // B leaves
  EXPECT_THROW(what_if(org, {{}, {}, {{"A", "D"}}, {}}), OrgDataError);                  // a reporting cycle
}

}  // namespace
}  // namespace teamgraph
