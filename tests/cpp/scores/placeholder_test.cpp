// Placeholder people (people.csv's `placeholder`): a manager the data names but does not describe
// keeps their place in the hierarchy and is left out of every score and count.
//
// The tiny org: X, a placeholder in Sales, leads A and C; A (core, Sales) leads B (Sales); C is in
// Ops. The same org without X (A and C tops) is the reference: every score but unified
// management, whose shape X changes, is the same, person by person.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "../helpers.hpp"
#include "teamgraph/what_if.hpp"

namespace teamgraph {
namespace {

using testing::only;
using testing::org_from_csv;
using testing::problems_of;
using testing::Tables;

const std::string with_placeholder =
    "id,name,department,tier,manager_id,assessment,has_quantified_kpi,has_career_plan,placeholder\n"
    "X,Board,Sales,,,,,,true\n"
    "A,Ann,Sales,core,X,0.8,yes,yes,\n"
    "B,Bob,Sales,execution,A,0.4,no,no,false\n"
    "C,Cy,Ops,execution,X,0.6,yes,,\n";
const std::string without_placeholder =
    "id,name,department,tier,manager_id,assessment,has_quantified_kpi,has_career_plan\n"
    "A,Ann,Sales,core,,0.8,yes,yes\n"
    "B,Bob,Sales,execution,A,0.4,no,no\n"
    "C,Cy,Ops,execution,,0.6,yes,\n";

Tables team(const std::string& people) {
  return {{"people", people},
          {"competencies", "person_id,competency,score\nA,planning,0.9\nA,professional_knowledge,0.7\n"
                           "B,professional_knowledge,0.3\nC,professional_knowledge,0.8\n"},
          {"successors", "incumbent_id,successor_id,readiness\nA,B,ready_now\n"},
          {"sharing", "person_a,person_b,channel\nA,B,online\n"},
          {"meetings", "meeting_id,date\nM1,2024-01-01\n"},
          {"attendance", "meeting_id,person_id\nM1,A\nM1,B\n"},
          {"incentives", "person_id,kind,amount\nA,material,100\nB,material,50\nA,spiritual,\n"},
          {"goals", "goal_id,owner_id,parent_goal_id\nG0,,\nG1,A,G0\n"}};
}
const std::string team_json = R"({"configuration": {"professionals": 3, "budget": 300}})";

// Two findings name the same people when their ids are the same.
std::vector<std::string> ids_of(const Org& org, const std::vector<index_t>& people) {
  std::vector<std::string> out;
  for (const auto p : people) out.emplace_back(org.id(p));
  return out;
}

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

// Everything a support score says, compared person by person through the ids.
void expect_same_score(const Org& org, const ScoreReport& a, const Org& reference, const ScoreReport& b) {
  SCOPED_TRACE(a.name);
  EXPECT_EQ(a.assessed, b.assessed);
  EXPECT_TRUE(same(a.score, b.score)) << a.score << " vs " << b.score;
  ASSERT_EQ(a.parts.size(), b.parts.size());
  for (std::size_t i = 0; i < a.parts.size(); ++i) EXPECT_TRUE(same(a.parts[i].value, b.parts[i].value)) << a.parts[i].name;
  ASSERT_EQ(a.figures.size(), b.figures.size());
  for (std::size_t i = 0; i < a.figures.size(); ++i)
    EXPECT_TRUE(same(a.figures[i].value, b.figures[i].value)) << a.figures[i].name << " " << a.figures[i].value;
  // Units are the hierarchy's (X's reports with X, the tops' reports without): not compared.
  auto not_units = [](std::vector<GroupFigure> groups) {
    groups.erase(std::remove_if(groups.begin(), groups.end(), [](const GroupFigure& g) { return g.kind == "unit"; }),
                 groups.end());
    return groups;
  };
  const auto a_groups = not_units(a.groups), b_groups = not_units(b.groups);
  ASSERT_EQ(a_groups.size(), b_groups.size());
  for (std::size_t i = 0; i < a_groups.size(); ++i) {
    EXPECT_EQ(a_groups[i].group, b_groups[i].group);
    EXPECT_EQ(a_groups[i].size, b_groups[i].size) << a_groups[i].kind << " " << a_groups[i].group;
    EXPECT_EQ(a_groups[i].contributors, b_groups[i].contributors);
    EXPECT_EQ(a_groups[i].withheld, b_groups[i].withheld);
  }
  ASSERT_EQ(a.findings.size(), b.findings.size());
  for (std::size_t i = 0; i < a.findings.size(); ++i) {
    EXPECT_EQ(a.findings[i].code, b.findings[i].code);
    EXPECT_EQ(ids_of(org, a.findings[i].people), ids_of(reference, b.findings[i].people)) << a.findings[i].code;
  }
  ASSERT_EQ(a.people.size(), b.people.size());
  const index_t x = *org.find("X");
  for (std::size_t c = 0; c < a.people.size(); ++c) {
    EXPECT_TRUE(std::isnan(a.people[c].values[x])) << a.people[c].name << ": n/a for the placeholder";
    for (const char* id : {"A", "B", "C"})
      EXPECT_TRUE(same(a.people[c].values[*org.find(id)], b.people[c].values[*reference.find(id)]))
          << a.people[c].name << " " << id;
  }
}

TEST(Placeholder, KeptInTheHierarchyLeftOutOfTheCounts) {
  const Org org = org_from_csv(team(with_placeholder), team_json);
  ASSERT_EQ(org.size(), 4u);
  EXPECT_EQ(org.headcount(), 3u);
  const index_t x = *org.find("X"), a = *org.find("A"), b = *org.find("B"), c = *org.find("C");
  EXPECT_TRUE(is_placeholder(org, x));
  EXPECT_FALSE(is_placeholder(org, a) || is_placeholder(org, b) || is_placeholder(org, c));
  EXPECT_EQ(org.people().placeholders, 1u);
  // The hierarchy keeps X: B is two levels down, three layers, X the one top with A and C under it.
  const auto& h = org.hierarchy();
  EXPECT_EQ(h.depth[b], 2u);
  EXPECT_EQ(h.layers, 3u);
  EXPECT_EQ(h.tops, std::vector<index_t>{x});
  EXPECT_EQ(h.manager[a], x);
  EXPECT_EQ(h.manager[c], x);
  // X leads three people (A, B, C); A one.
  EXPECT_EQ(people_under(org, x), 3u);
  EXPECT_EQ(people_under(org, a), 1u);
  // No tier holds X (X's tier column is empty: "execution" by default).
  EXPECT_EQ(people_in_tier(org, Tier::execution), (std::vector<index_t>{b, c}));
}

TEST(Placeholder, ScoresEqualThoseOfTheOrgWithoutThem) {
  const Org org = org_from_csv(team(with_placeholder), team_json);
  const Org reference = org_from_csv(team(without_placeholder), team_json);
  const Report r = assess(org), ref = assess(reference);
  for (const char* name : {"incentive_balance", "nobody_behind", "sharing_health", "goal_alignment", "team_configuration"})
    expect_same_score(org, *r.support_score(name), reference, *ref.support_score(name));
  for (const char* name : {"leadership_coverage", "succession_readiness"})
    EXPECT_DOUBLE_EQ(r.score(name)->value, ref.score(name)->value) << name;

  // Hand-checked, with three people (a fourth, X, would change every one of them):
  const auto& incentives = *r.support_score("incentive_balance");
  // B paid but not recognized, C nothing: 1 - 2/3 (X counted: 1 - 3/4).
  EXPECT_NEAR(incentives.figure("recognition_coverage")->value, 1.0 / 3.0, 1e-12);
  const auto& sharing = *r.support_score("sharing_health");
  EXPECT_NEAR(sharing.figure("reach")->value, 2.0 / 3.0, 1e-12);                 // A, B of 3
  EXPECT_NEAR(sharing.figure("reachable_from_core")->value, 2.0 / 3.0, 1e-12);   // A, B of 3
  EXPECT_DOUBLE_EQ(sharing.figure("isolated")->value, 1.0);                      // C, not X
  EXPECT_DOUBLE_EQ(sharing.figure("groups")->value, 2.0);                        // {A, B}, {C}
  const auto& goals = *r.support_score("goal_alignment");
  EXPECT_DOUBLE_EQ(goals.figure("people_without_goal")->value, 2.0);  // B, C
  EXPECT_NEAR(goals.parts[2].value, 1.0 / 3.0, 1e-12);               // everyone_has_a_goal
  const auto& configuration = *r.support_score("team_configuration");
  EXPECT_DOUBLE_EQ(configuration.figure("budget_per_head")->value, 100.0);    // 300 / 3
  EXPECT_DOUBLE_EQ(configuration.figure("professional_share")->value, 1.0);  // 3 of 3
  // Sales has two members (A, B), not three.
  const auto sales = std::find_if(incentives.groups.begin(), incentives.groups.end(),
                                  [](const GroupFigure& g) { return g.kind == "department" && g.group == "Sales"; });
  ASSERT_NE(sales, incentives.groups.end());
  EXPECT_EQ(sales->size, 2u);
}

TEST(Placeholder, ShapeScoresKeepThemAsManagers) {
  const Org org = org_from_csv(team(with_placeholder), team_json);
  const Org reference = org_from_csv(team(without_placeholder), team_json);
  // With X: one top; X (2 reports) and A (1) both narrow (min span 3); 3 layers, of 1 + ceil(log 3
  // / log 7) = 2 needed, within the extra layer allowed; KPI 2 of 3. Mean of 1, 0, 1, 2/3.
  const auto um = unified_management(org, Policy{});
  EXPECT_NEAR(um.score, 100.0 * (1.0 + 0.0 + 1.0 + 2.0 / 3.0) / 4.0, 1e-9);
  EXPECT_DOUBLE_EQ(um.figure("managers")->value, 2.0);
  EXPECT_DOUBLE_EQ(um.figure("layers_needed")->value, 2.0);
  // Without X: two tops (1/2), A narrow, 2 layers: mean of 1/2, 0, 1, 2/3.
  EXPECT_NEAR(unified_management(reference, Policy{}).score, 100.0 * (0.5 + 0.0 + 1.0 + 2.0 / 3.0) / 4.0, 1e-9);
}

TEST(Placeholder, NoDepartureNoSeatNoUnit) {
  const Org org = org_from_csv(team(with_placeholder), team_json);
  Policy policy;
  policy.succession.large_unit = 2;  // X leads 3: a key position were X a person
  const Report r = assess(org, policy);
  const index_t x = *org.find("X"), a = *org.find("A");
  // Departure: n/a for X (not 0), ranked nowhere; A's unit is B alone, a share of 3 people.
  EXPECT_TRUE(std::isnan(r.departure.impact[x]));
  EXPECT_TRUE(std::isnan(r.departure.risk[x]));
  EXPECT_TRUE(std::isnan(r.departure.coverage_drop[x]));
  EXPECT_EQ(r.departure.ranking.size(), 3u);
  EXPECT_EQ(std::count(r.departure.ranking.begin(), r.departure.ranking.end(), x), 0);
  EXPECT_EQ(r.departure.unit_left[a], 1u);
  for (const auto& f : r.departure.findings) EXPECT_NE(f.people.front(), x);
  // Succession: A (core) is the one key position; X's seat is outside the data.
  ASSERT_EQ(r.succession.positions.size(), 1u);
  EXPECT_EQ(r.succession.positions.front().incumbent, a);
  EXPECT_FALSE(key_positions(org, policy)[x]);
  // Leadership: X's unit is not assessed, and not counted among the managers not assessed.
  ASSERT_EQ(r.leadership.units.size(), 1u);
  EXPECT_EQ(r.leadership.units.front().manager, a);
  EXPECT_EQ(r.leadership.units.front().size, 2u);
  for (const auto& f : r.leadership.findings) EXPECT_NE(f.code, "managers_not_assessed");
}

TEST(Placeholder, AFieldBeyondIdNameDepartmentAndManagerIsAProblem) {
  const auto problems = problems_of(
      {{"people", "id,name,department,role,tier,manager_id,assessment,learning_hours,placeholder,note\n"
                  "X,Board,Sales,CEO,core,,0.5,3,yes,kept\n"
                  "A,Ann,Sales,,,X,,,,\n"}});
  std::vector<std::string> fields;
  for (const auto& p : problems) {
    EXPECT_EQ(p.code, "placeholder_field");
    EXPECT_EQ(p.person_id, "X");
    EXPECT_EQ(p.record, 2);
    EXPECT_EQ(p.file, "people.csv");
    fields.push_back(p.field);
  }
  // Every one at once; `note` is the export's own column, not a field of the model.
  EXPECT_EQ(fields, (std::vector<std::string>{"assessment", "learning_hours", "role", "tier"}));
}

TEST(Placeholder, NamedByAnotherTableIsAProblem) {
  Tables tables = team(with_placeholder);
  tables[1].second += "X,planning,0.5\n";                                   // competencies
  tables[2].second += "X,A,ready_1_2y\n";                                   // successors
  tables[6].second += "X,spiritual,\n";                                     // incentives
  const auto problems = problems_of(tables, team_json);
  ASSERT_EQ(problems.size(), 3u);
  for (const auto& p : problems) {
    EXPECT_EQ(p.code, "placeholder_named");
    EXPECT_EQ(p.person_id, "X");
  }
  const Problem competencies = problems[0];
  EXPECT_EQ(competencies.file, "competencies.csv");
  EXPECT_EQ(competencies.record, 6);
  EXPECT_EQ(competencies.field, "person_id");
}

TEST(Placeholder, OneNoOneReportsToIsAWarning) {
  const Org org = org_from_csv({{"people", "id,manager_id,placeholder\nA,,\nB,A,\nX,A,true\n"}});
  EXPECT_EQ(org.headcount(), 2u);
  const Problem w = only(org.warnings(), "placeholder_without_reports");
  EXPECT_EQ(w.person_id, "X");
  EXPECT_EQ(w.record, 4);
  EXPECT_EQ(w.severity, Severity::warning);
}

TEST(Placeholder, TheTablesGiveThemBack) {
  const Org org = org_from_csv(team(with_placeholder), team_json);
  OrgBuilder builder;
  for (auto& [name, table] : org_tables(org)) builder.add_table(name, std::move(table));
  builder.set_team(org.team());
  const Org again = builder.build();
  EXPECT_EQ(again.people().placeholder, org.people().placeholder);
  EXPECT_EQ(again.headcount(), 3u);
  // A what-if keeps them too: C leaves, X still leads A.
  WhatIf w;
  w.leave = {"C"};
  const Org after = what_if(org, w);
  EXPECT_TRUE(is_placeholder(after, *after.find("X")));
  EXPECT_EQ(after.headcount(), 2u);
}

}  // namespace
}  // namespace teamgraph
