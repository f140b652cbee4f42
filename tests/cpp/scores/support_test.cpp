#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>

#include "../helpers.hpp"

namespace teamgraph {
namespace {

using testing::org_from_csv;

TEST(Statistics, HandChecked) {
  EXPECT_DOUBLE_EQ(gini({1, 2, 3, 4}), 0.25);
  EXPECT_DOUBLE_EQ(gini({0, 100, 200, 300, 400}), 0.4);
  EXPECT_TRUE(std::isnan(gini({0, 0})));
  EXPECT_DOUBLE_EQ(herfindahl({1, 1, 2}), 0.375);
  EXPECT_DOUBLE_EQ(spearman({1, 2, 3}, {3, 2, 1}), -1.0);
  EXPECT_NEAR(spearman({1, 1, 2}, {1, 2, 3}), 1.5 / std::sqrt(3.0), 1e-12);
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

const std::string people =
    "id,department,tier,manager_id,role\n"
    "A,x,core,,general manager\nB,x,core,A,lead\nC,x,core,A,store lead\nD,y,execution,B,\nE,y,execution,B,\n";

TEST(IncentiveBalance, HandChecked) {
  const Org org = org_from_csv(
      {{"people", people},
       {"incentives", "person_id,kind,type,amount\nA,material,bonus,100\nB,material,bonus,200\nC,material,bonus,300\n"
                      "D,material,bonus,400\nD,spiritual,praise,\nE,spiritual,praise,\nE,spiritual,training,\n"}});
  const auto r = incentive_balance(org);
  ASSERT_TRUE(r.assessed);
  EXPECT_NEAR(r.figure("spiritual_share_of_events")->value, 3.0 / 7.0, 1e-12);
  EXPECT_DOUBLE_EQ(r.figure("recognition_coverage")->value, 0.4);
  EXPECT_DOUBLE_EQ(r.figure("material_gini")->value, 0.4);
  EXPECT_TRUE(std::isnan(r.figure("pay_for_performance")->value));
  EXPECT_EQ(r.figure("pay_for_performance")->note, "too few people with an assessment (0, at least 8 needed)");
  EXPECT_NEAR(r.score, 100.0 * (1.0 + 0.4 + 0.6) / 3.0, 1e-9);
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings[0].code, "no_spiritual_incentive");
  EXPECT_EQ(render(r.findings[0].message, r.findings[0].people, org),
            "3 people were paid but never recognized in the period (A, B and C): spiritual incentives are the ones "
            "people forget.");
}

TEST(NobodyBehind, LaggardGetsTheNearestStrongMentor) {
  const Org org = org_from_csv(
      {{"people", people},
       {"competencies", "person_id,competency,score\nA,expression,0.9\nB,expression,0.8\nC,expression,0.7\n"
                        "D,expression,0.2\nE,expression,0.75\n"},
       {"sharing", "person_a,person_b,channel\nA,B,offline\nB,D,online\nD,E,online\nA,C,offline\n"}});
  const auto r = nobody_behind(org);
  ASSERT_TRUE(r.assessed);
  EXPECT_DOUBLE_EQ(r.score, 80.0);  // one lag among five assessed scores
  const auto& f = r.findings.front();
  EXPECT_EQ(f.code, "lagging");
  EXPECT_EQ(render(f.message, f.people, org),
            "D lags in expression (0.20; team median 0.75); suggested mentor: B (0.80, 1 step away in the sharing "
            "network).");
}

TEST(SharingHealth, MeetingsAndNetwork) {
  const Org org = org_from_csv(
      {{"people", people},
       {"sharing", "person_a,person_b,channel\nA,B,offline\nB,D,online\nD,E,online\nA,C,offline\n"},
       {"meetings", "meeting_id,date,presenter_id\nm1,2026-03-02,A\nm2,2026-03-09,B\n"},
       {"attendance", "meeting_id,person_id\nm1,A\nm1,B\nm1,C\nm2,A\nm2,B\n"}});
  const auto r = sharing_health(org);
  EXPECT_DOUBLE_EQ(r.figure("weeks")->value, 2.0);
  EXPECT_DOUBLE_EQ(r.figure("meetings_per_week")->value, 1.0);
  EXPECT_DOUBLE_EQ(r.figure("reach")->value, 0.6);
  EXPECT_DOUBLE_EQ(r.figure("ei_index")->value, -0.5);
  EXPECT_DOUBLE_EQ(r.figure("articulation_points")->value, 3.0);  // A, B and D: the network is a tree
  EXPECT_DOUBLE_EQ(r.figure("bridges")->value, 4.0);
  EXPECT_NEAR(r.score, 100.0 * (1 + 1 + 0.6 + 1 + 1 + 1) / 6.0, 1e-9);
  const auto never = std::find_if(r.findings.begin(), r.findings.end(), [](auto& f) { return f.code == "never_attends"; });
  ASSERT_NE(never, r.findings.end());
  EXPECT_EQ(render("{0} {1}", never->people, org), "D E");
}

// Groups of the sharing network without each person, checked by hand: the path A - B - C, the
// pair D - E and F, who shares with no one, are 3 groups. Without B: A, C, D - E and F (4);
// without F: 2; without anyone else: 3. E is the core, so the pass starts outside A's group.
TEST(SharingHealth, GroupsIfAbsent) {
  const Org org = org_from_csv(
      {{"people", "id,manager_id,tier\nA,,execution\nB,A,execution\nC,A,execution\nD,A,execution\nE,A,core\n"
                  "F,A,execution\n"},
       {"sharing", "person_a,person_b,channel\nA,B,online\nB,C,online\nD,E,offline\n"}});
  const auto r = sharing_health(org);
  EXPECT_DOUBLE_EQ(r.figure("groups")->value, 3.0);
  const auto column = std::find_if(r.people.begin(), r.people.end(), [](auto& c) { return c.name == "groups_if_absent"; });
  ASSERT_NE(column, r.people.end());
  std::map<std::string, double> by_id;
  for (index_t p = 0; p < org.size(); ++p) by_id[std::string(org.id(p))] = column->values[p];
  EXPECT_EQ(by_id, (std::map<std::string, double>{{"A", 3}, {"B", 4}, {"C", 3}, {"D", 3}, {"E", 3}, {"F", 2}}));
}

// A finding's text names ten people at most and counts the rest; its people list has them all.
TEST(Findings, TextNamesTenPeopleThenCountsTheRest) {
  EXPECT_EQ(placeholders(1), "{0}");
  EXPECT_EQ(placeholders(3), "{0}, {1} and {2}");
  EXPECT_EQ(placeholders(10), "{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8} and {9}");
  EXPECT_EQ(placeholders(12), "{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9} and 2 more");
  std::string people_csv = "id,manager_id\nT,\n";
  for (int i = 1; i <= 12; ++i) people_csv += "p" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ",T\n";
  const Org org = org_from_csv({{"people", people_csv}, {"sharing", "person_a,person_b,channel\nT,p01,online\n"}});
  const auto r = sharing_health(org);
  const auto isolated = std::find_if(r.findings.begin(), r.findings.end(), [](auto& f) { return f.code == "isolated"; });
  ASSERT_NE(isolated, r.findings.end());
  EXPECT_EQ(isolated->people.size(), 11u);
  EXPECT_EQ(render(isolated->message, isolated->people, org),
            "p02, p03, p04, p05, p06, p07, p08, p09, p10, p11 and 1 more share with no one.");
}

TEST(UnifiedManagement, SpansLayersAndTitles) {
  const Org org = org_from_csv({{"people", people}});
  const auto r = unified_management(org);
  EXPECT_DOUBLE_EQ(r.figure("span_within_bounds")->value, 0.0);
  EXPECT_DOUBLE_EQ(r.figure("layers_needed")->value, 2.0);
  EXPECT_NEAR(r.score, 100.0 * (1 + 0 + 1) / 3.0, 1e-9);
  std::vector<std::string> codes;
  for (const auto& f : r.findings) codes.push_back(f.code + ":" + render("{0}", f.people, org));
  // A and B lead two people each; C is a "store lead" with no one to lead.
  EXPECT_EQ(codes, (std::vector<std::string>{"narrow_span:A", "manager_without_unit:C"}));
}

TEST(GoalAlignment, ChainsOrphansAndPeopleWithoutGoals) {
  const Org org = org_from_csv(
      {{"people", people},
       {"goals", "goal_id,owner_id,parent_goal_id,quantified\ng0,,,yes\ng1,A,g0,yes\ng2,B,g1,no\ng3,C,,\ng4,D,g3,\n"}});
  const auto r = goal_alignment(org);
  EXPECT_DOUBLE_EQ(r.figure("aligned_share")->value, 0.5);
  EXPECT_NEAR(r.figure("quantified_share")->value, 2.0 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(r.figure("people_without_goal")->value, 1.0);
  EXPECT_NEAR(r.score, 100.0 * (0.5 + 2.0 / 3.0 + 0.8) / 3.0, 1e-9);
  EXPECT_EQ(render(r.findings[0].message, r.findings[0].people, org), "Goals that serve no team goal: g3 (C).");
}

TEST(TeamConfiguration, OnlyWhereGiven) {
  EXPECT_EQ(team_configuration(org_from_csv({{"people", people}})).absent_reason, "no configuration in team.json");
  const Org org = org_from_csv(
      {{"people", people}},
      R"({"configuration": {"professionals": 4, "interested_in_trade": 5, "equipment": {"computer": 5, "network": 5, "desk": 4}}})");
  const auto r = team_configuration(org);
  EXPECT_NEAR(r.score, 92.0, 1e-9);
  EXPECT_TRUE(std::isnan(r.figure("budget_per_head")->value));
  EXPECT_EQ(r.figure("budget_per_head")->note, "not given");
}

TEST(HealthIndex, WeightedMeanOfTheScoresWithData) {
  const Org org = read_org(std::filesystem::path(TEAMGRAPH_EXAMPLES) / "ecommerce-team");
  const Report r = assess(org);
  const auto& w = r.policy.health;
  const std::vector<std::pair<std::string, double>> weights = {
      {"leadership_coverage", w.leadership_coverage}, {"succession_readiness", w.succession_readiness},
      {"incentive_balance", w.incentive_balance},     {"nobody_behind", w.nobody_behind},
      {"sharing_health", w.sharing_health},           {"unified_management", w.unified_management},
      {"goal_alignment", w.goal_alignment},           {"team_configuration", w.team_configuration}};
  double sum = 0, total = 0;
  for (const auto& [name, weight] : weights) {
    ASSERT_TRUE(r.score(name)->assessed) << name;
    sum += weight * r.score(name)->value;
    total += weight;
  }
  EXPECT_NEAR(r.score("health_index")->value, sum / total, 1e-9);
  EXPECT_EQ(r.weakest, "leadership_coverage");
}

// A department none of whose people has the data a group figure needs (no incentives, no
// assessment, no learning hours): its figures are withheld or absent with a reason, never NaN
// without one, and nothing divides by zero.
TEST(EmptyTeam, ADepartmentWithNoDataIsAbsentWithAReason) {
  std::string people = "id,manager_id,department,tier,assessment,learning_hours\nboss,,ops,core,0.8,10\n";
  for (int i = 0; i < 6; ++i) people += "o" + std::to_string(i) + ",boss,ops,execution,0." + std::to_string(i + 2) + ",5\n";
  for (int i = 0; i < 6; ++i) people += "s" + std::to_string(i) + ",boss,sales,execution,,\n";
  std::string incentives = "person_id,kind,type,amount,date\n";
  for (int i = 0; i < 6; ++i) incentives += "o" + std::to_string(i) + ",material,bonus,100,2026-01-15\n";
  const Org org = org_from_csv({{"people", people}, {"incentives", incentives}, {"goals", "goal_id,owner_id\ng1,boss\n"}});
  const Report r = assess(org);
  for (const auto& s : r.scores)
    if (s.assessed) EXPECT_TRUE(std::isfinite(s.value)) << s.name;
    else EXPECT_FALSE(s.absent_reason.empty()) << s.name;
  std::size_t sales_groups = 0;
  for (const auto& report : r.support) {
    for (const auto& f : report.figures)
      if (std::isnan(f.value)) EXPECT_FALSE(f.note.empty()) << report.name << " " << f.name;
    for (const auto& g : report.groups) {
      if (g.group == "sales") ++sales_groups;
      if (std::isnan(g.value)) EXPECT_FALSE(g.withheld.empty()) << report.name << " " << g.group << " " << g.figure;
      else EXPECT_TRUE(std::isfinite(g.value)) << report.name << " " << g.group << " " << g.figure;
    }
  }
  EXPECT_GT(sales_groups, 0u);  // the department is there, with its figures withheld or given
}

TEST(EmptyTeam, ScoresAreAbsentNeverNaN) {
  const Org org = org_from_csv({{"people", "id,manager_id\n"}, {"incentives", "person_id,kind\n"}, {"goals", "goal_id\n"}});
  const Report r = assess(org);
  for (const auto& s : r.scores) {
    if (s.assessed) EXPECT_FALSE(std::isnan(s.value)) << s.name;
    else EXPECT_FALSE(s.absent_reason.empty()) << s.name;
  }
}

}  // namespace
}  // namespace teamgraph
