// The support scores together: the health index over them, and teams with no data.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <utility>

#include "../helpers.hpp"

namespace teamgraph {
namespace {

using testing::org_from_csv;

TEST(HealthIndex, WeightedMeanOfTheScoresWithData) {
  const Org org = read_org(std::filesystem::path(TEAMGRAPH_EXAMPLES) / "ecommerce-team");
  const Report r = assess(org);
  const auto& w = r.policy.health;
  const std::vector<std::pair<std::string, double>> weights = {
      {"leadership_coverage", w.leadership_coverage}, {"succession_readiness", w.succession_readiness},
      {"incentive_balance", w.incentive_balance},     {"nobody_behind", w.nobody_behind},
      {"sharing_health", w.sharing_health},           {"unified_management", w.unified_management},
      {"goal_alignment", w.goal_alignment},           {"team_configuration", w.team_configuration},
      {"market_response", w.market_response}};
  double sum = 0, total = 0;
  for (const auto& [name, weight] : weights) {
    ASSERT_TRUE(r.score(name)->assessed) << name;
    sum += weight * r.score(name)->value;
    total += weight;
  }
  EXPECT_NEAR(r.score("health_index")->value, sum / total, 1e-9);
  EXPECT_EQ(r.weakest, "leadership_coverage");
}

// The health index names the scores it could not include: its parts are the scores, and an
// absent one is a part not computed with the score's own reason ("based on 3 of 8 scores").
TEST(HealthIndex, NamesTheScoresItCouldNotInclude) {
  const Org org = org_from_csv({{"people", "id,manager_id,has_quantified_kpi\nA,,yes\nB,A,no\nC,A,yes\n"}},
                               R"({"configuration": {"professionals": 3}})");
  const Report r = assess(org);
  const Score* h = r.score("health_index");
  ASSERT_NE(h, nullptr);
  ASSERT_EQ(h->parts.size(), 9u);
  EXPECT_EQ(h->parts_computed(), 2u);  // unified_management and team_configuration
  std::vector<std::string> missing;
  for (const auto& p : h->parts)
    if (!p.computed()) missing.push_back(p.name + ": " + p.reason);
  EXPECT_EQ(missing, (std::vector<std::string>{"leadership_coverage: no competencies table",
                                               "succession_readiness: no successors table",
                                               "incentive_balance: no incentives table",
                                               "nobody_behind: no competencies table",
                                               "sharing_health: no meetings or sharing table",
                                               "goal_alignment: no goals table",
                                               "market_response: no operations table"}));
  const double um = r.score("unified_management")->value, tc = r.score("team_configuration")->value;
  EXPECT_DOUBLE_EQ(tc, 100.0);
  EXPECT_NEAR(h->value, (r.policy.health.unified_management * um + r.policy.health.team_configuration * tc) /
                            (r.policy.health.unified_management + r.policy.health.team_configuration),
              1e-9);
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

// Department pairs count each chosen department's links in a table, or, with very many
// departments, list and sort them: the same findings either way. 200 departments of three, linked
// at random; beside them 5,300 people each in a department of their own (no links), which only
// make the departments many.
TEST(SharingHealth, DepartmentPairsAreTheSameWithManyDepartments) {
  std::mt19937 random(8);
  std::string people = "id,manager_id,department\nb,,\n", lone = people, sharing = "person_a,person_b,channel\n";
  for (int d = 0; d < 200; ++d)
    for (int j = 0; j < 3; ++j) {
      const std::string row = "d" + std::to_string(d) + "_" + std::to_string(j) + ",b,dep" + std::to_string(1000 + d) + "\n";
      people += row, lone += row;
    }
  for (int m = 0; m < 5300; ++m) {
    people += "s" + std::to_string(m) + ",b,solo" + std::to_string(m) + "\n";
    lone += "s" + std::to_string(m) + ",b,\n";
  }
  std::set<std::pair<std::string, std::string>> linked;  // a pair once
  for (int l = 0; l < 2000; ++l) {
    const auto a = random() % 200, b = random() % 200;
    if (a == b) continue;
    std::string x = "d" + std::to_string(a) + "_" + std::to_string(random() % 3),
                y = "d" + std::to_string(b) + "_" + std::to_string(random() % 3);
    if (y < x) std::swap(x, y);
    if (linked.emplace(x, y).second) sharing += x + "," + y + ",online\n";
  }
  Policy policy;
  policy.sharing.pair_departments = 200;
  auto silent = [&](const std::string& table) {
    const Org org = org_from_csv({{"people", table}, {"sharing", sharing}});
    std::vector<std::string> out;
    for (const auto& f : sharing_health(org, policy).findings)
      if (f.code == "silent_departments") out.push_back(describe(f, org));
    return out;
  };
  const auto many = silent(people), few = silent(lone);
  EXPECT_FALSE(many.empty());
  EXPECT_EQ(many, few);
}

}  // namespace
}  // namespace teamgraph
