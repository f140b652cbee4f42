#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "helpers.hpp"
#include "teamgraph/org_parts.hpp"

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
        EXPECT_EQ(x(i, k), y(i, k));
  EXPECT_EQ(again.sharing().a, org.sharing().a);
  EXPECT_EQ(again.incentives().person, org.incentives().person);
  EXPECT_EQ(again.contributions().previous, org.contributions().previous);
  EXPECT_EQ(again.people().extra[0].values[3], org.people().extra[0].values[3]);
  EXPECT_EQ(again.tables(), org.tables());
}

// Mapping [0, 1] back to a scale is not exact in floating point: 0.205 on 0.1-0.7 comes back as
// 0.20500000000000002, which normalizes to another value, and 7 on 0-100 as 7.000000000000001.
// The org keeps what it read: the tables give it back, and rebuilding gives the same bits.
TEST(OrgTables, GiveTheScoredValuesBackAsRead) {
  const std::string team = R"({"scales": {"people.assessment": [0.1, 0.7], "people.potential": [0, 100],
                                          "people.flight_risk": [0, 10], "competencies.score": [0.1, 0.7]}})";
  const Org org = org_from_csv({{"people", "id,manager_id,assessment,potential,flight_risk\n"
                                           "a,,0.205,7,3\nb,a,0.325,29,\nc,a,,55,0.7\n"},
                                {"competencies", "person_id,competency,score\na,planning,0.211\nc,planning,0.328\n"}},
                               team);
  const auto tables = org_tables(org);
  auto column = [&](const std::string& table, const std::string& name) {
    for (const auto& [t, content] : tables)
      if (t == table)
        for (const auto& c : content.columns())
          if (c.name == name) return std::vector<double>(c.numbers.data(), c.numbers.data() + c.numbers.size());
    ADD_FAILURE() << "no column " << table << "." << name;
    return std::vector<double>{};
  };
  auto same = [](const std::vector<double>& got, const std::vector<double>& expected) {
    ASSERT_EQ(got.size(), expected.size());
    for (std::size_t i = 0; i < got.size(); ++i)
      if (std::isnan(expected[i]))
        EXPECT_TRUE(std::isnan(got[i])) << i;
      else
        EXPECT_EQ(got[i], expected[i]) << i;
  };
  const double nan = std::nan("");
  same(column("people", "assessment"), {0.205, 0.325, nan});
  same(column("people", "potential"), {7, 29, 55});
  same(column("people", "flight_risk"), {3, nan, 0.7});
  same(column("competencies", "score"), {0.211, 0.328});

  OrgBuilder builder;
  for (auto& [name, table] : org_tables(org)) builder.add_table(name, std::move(table));
  builder.set_team(org.team());
  const Org again = builder.build();
  for (index_t p = 0; p < org.size(); ++p) {
    EXPECT_EQ(std::isnan(again.people().assessment[p]), std::isnan(org.people().assessment[p]));
    if (!std::isnan(org.people().assessment[p])) EXPECT_EQ(again.people().assessment[p], org.people().assessment[p]);
    EXPECT_EQ(again.people().potential[p], org.people().potential[p]);
  }
  EXPECT_EQ(again.competencies().scores(0, 0), org.competencies().scores(0, 0));
  EXPECT_EQ(again.competencies().scores(2, 0), org.competencies().scores(2, 0));
  // A what-if rebuilds from these tables too: someone leaving moves nobody else's values.
  const Org changed = what_if(org, WhatIf{{"b"}, {}, {}, {}, false});
  EXPECT_EQ(changed.people().assessment[0], org.people().assessment[0]);
  EXPECT_EQ(changed.competencies().scores(1, 0), org.competencies().scores(2, 0));
}

TEST(OrgTables, KeepTheValuesAsReadOnlyWhereTheyDifferFromTheNormalizedOnes) {
  const Org org = org_from_csv({{"people", "id,manager_id,assessment,flight_risk\na,,4,0.3\nb,a,2,0.6\n"},
                                {"competencies", "person_id,competency,score\na,planning,0.5\n"}},
                               R"({"scales": {"people.assessment": [1, 5]}})");
  EXPECT_EQ(org.people().assessment_read.size(), 2);
  EXPECT_EQ(org.people().flight_risk_read.size(), 0);  // on 0-1: as read is normalized
  EXPECT_EQ(org.people().potential_read.size(), 0);    // no such column
  EXPECT_EQ(org.competencies().scores_read.size(), 0);
  EXPECT_EQ(as_read(org.people().flight_risk, org.people().flight_risk_read)[1], 0.6);
  EXPECT_EQ(as_read(org.people().assessment, org.people().assessment_read)[1], 2);
  EXPECT_EQ(org.people().assessment[1], 0.25);
}

TEST(OrgTables, AnEmptyTeamJsonIsNoTeamJson) {
  const Org org = org_from_csv({{"people", "id,manager_id\na,\n"}}, "{}");
  EXPECT_EQ(org.team().json, "");
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

// Each refusal is a RequestError whose one problem is a catalog entry about the person, and whose
// English text is the entry's template filled in after "what-if: ".
TEST(WhatIf, RefusalsCarryTheirCatalogEntry) {
  const Org org = org_from_csv({{"people", people}});
  struct Case {
    WhatIf change;
    const char* key;
    const char* person;
    const char* field;
    const char* text;
  };
  const Case cases[] = {
      {{{"X"}, {}, {}, {}}, "problem.what_if.unknown_id", "X", "leave", "what-if: no person has the id 'X'"},
      {{{}, {}, {{"B", "Y"}}, {}}, "problem.what_if.unknown_id", "Y", "move", "what-if: no person has the id 'Y'"},
      {{{"A", "B"}, {{"A", "B"}}, {}, {}}, "problem.what_if.leaver_fills_seat", "B", "promote",
       "what-if: 'B' leaves and cannot fill a seat"},
      {{{"A", "C"}, {{"A", "B"}, {"C", "B"}}, {}, {}}, "problem.what_if.two_seats", "B", "promote",
       "what-if: 'B' cannot fill two seats"},
      {{{"A"}, {{"A", "B"}, {"A", "C"}}, {}, {}}, "problem.what_if.seat_filled_twice", "A", "promote",
       "what-if: 'A''s seat is filled twice"},
      {{{}, {{"A", "B"}}, {}, {}}, "problem.what_if.seat_not_vacant", "A", "promote",
       "what-if: 'A''s seat is not vacant: promote fills the seats of people who leave or who are promoted "
       "themselves"},
      {{{"B"}, {}, {{"B", "A"}}, {}}, "problem.what_if.leaver_moves", "B", "move", "what-if: 'B' leaves and cannot move"},
  };
  for (const auto& c : cases) {
    try {
      (void)what_if(org, c.change);
      ADD_FAILURE() << c.key << " accepted";
    } catch (const RequestError& e) {
      EXPECT_EQ(std::string(e.what()), c.text);
      EXPECT_EQ(e.subject(), "what-if");
      ASSERT_EQ(e.problems().size(), 1u);
      const Problem& p = e.problems().front();
      EXPECT_EQ(p.key, c.key);
      EXPECT_EQ(p.code, "what_if");
      EXPECT_EQ(p.file, "what-if");
      EXPECT_EQ(p.person_id, c.person);
      EXPECT_EQ(p.field, c.field);
      EXPECT_EQ(problem_message(p.key, p.args), p.message);
      EXPECT_EQ("what-if: " + p.message, c.text);
    }
  }
}

}  // namespace
}  // namespace teamgraph
