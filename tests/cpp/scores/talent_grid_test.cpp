#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../helpers.hpp"
#include "teamgraph/scores/talent_grid.hpp"

namespace teamgraph {
namespace {

using testing::org_from_csv;

// "performance/potential" of each person, in id order ("-" when not placed).
std::vector<std::string> boxes_by_id(const Org& org, const TalentGrid& g) {
  std::vector<std::string> out;
  for (const index_t p : org.people().by_id) {
    if (g.performance_level[p] == GridLevel::not_placed)
      out.push_back(std::string(org.id(p)) + ":-");
    else
      out.push_back(std::string(org.id(p)) + ":" + std::string(to_string(g.performance_level[p])) + "/" +
                    std::string(to_string(g.potential_level[p])));
  }
  return out;
}

std::vector<std::size_t> counts(const TalentGrid& g) {
  std::vector<std::size_t> out;
  for (const auto& b : g.boxes) out.push_back(b.count);
  return out;
}

Policy scale_cuts(std::uint32_t min_group_size = 5) {
  Policy p;
  p.talent_grid.cuts = "scale";
  p.min_group_size = min_group_size;
  return p;
}

TEST(TalentGrid, ThirdsOfTheDeclaredScale) {
  // On 1-5 the thirds are 2.33 and 3.67: 1-2 low, 3 middle, 4-5 high.
  const Org org = org_from_csv({{"people",
                                 "id,manager_id,assessment,potential\n"
                                 "a,,5,5\nb,a,4,3\nc,a,3,1\nd,a,2,4\ne,a,1,\nf,a,,2\ng,a,,\n"}},
                               R"({"scales": {"people.assessment": [1, 5], "people.potential": [1, 5]}})");
  const TalentGrid g = talent_grid(org, scale_cuts(1));
  ASSERT_TRUE(g.assessed);
  EXPECT_EQ(boxes_by_id(org, g), (std::vector<std::string>{"a:high/high", "b:high/middle", "c:middle/low", "d:low/high",
                                                            "e:-", "f:-", "g:-"}));
  EXPECT_EQ(g.performance.method, "scale");
  EXPECT_NEAR(g.performance.middle_from, 1 + 4.0 / 3, 1e-12);
  EXPECT_NEAR(g.performance.high_from, 1 + 8.0 / 3, 1e-12);
  EXPECT_EQ(g.placed, 4u);
  EXPECT_EQ(g.missing_potential, 1u);   // e
  EXPECT_EQ(g.missing_assessment, 1u);  // f
  EXPECT_EQ(g.missing_both, 1u);        // g
  // Boxes: performance low to high, potential low to high within.
  EXPECT_EQ(counts(g), (std::vector<std::size_t>{0, 0, 1, 1, 0, 0, 0, 1, 1}));
  EXPECT_TRUE(g.high_high(*org.find("a")));
  EXPECT_TRUE(g.low_box(*org.find("c")));    // middle/low
  EXPECT_FALSE(g.low_box(*org.find("d")));   // low/high: low performance, high potential
  EXPECT_FALSE(g.low_box(*org.find("e")));   // not placed
}

TEST(TalentGrid, FixedCutsPutAValueOnTheCutInTheUpperBox) {
  const Org org = org_from_csv({{"people", "id,manager_id,assessment,potential\na,,0.5,0.2\nb,a,0.49,0.8\n"}});
  Policy p;
  p.min_group_size = 1;
  p.talent_grid.performance_cuts = {0.3, 0.5};
  p.talent_grid.potential_cuts = {0.2, 0.8};
  const TalentGrid g = talent_grid(org, p);  // fixed cuts on both axes: no minimum of people
  ASSERT_TRUE(g.assessed);
  EXPECT_EQ(g.performance.method, "fixed");
  EXPECT_EQ(boxes_by_id(org, g), (std::vector<std::string>{"a:high/middle", "b:middle/high"}));
}

TEST(TalentGrid, TertilesByMidRankKeepEqualValuesTogether) {
  // Assessments 1 1 2 3 3 3: average ranks 1.5, 3, 5 -> shares (r - 1/2) / 6 = 1/6, 5/12, 3/4:
  // low, middle, high. Potentials 1 2 2 2 2 3: ranks 1, 3.5, 6 -> 1/12, 1/2, 11/12.
  const Org org = org_from_csv({{"people",
                                 "id,manager_id,assessment,potential\n"
                                 "a,,1,1\nb,a,1,2\nc,a,2,2\nd,a,3,2\ne,a,3,2\nf,a,3,3\n"}},
                               R"({"scales": {"people.assessment": [1, 5], "people.potential": [1, 5]}})");
  Policy p;
  p.min_group_size = 1;
  const TalentGrid g = talent_grid(org, p);
  ASSERT_TRUE(g.assessed);
  EXPECT_EQ(g.performance.method, "tertiles");
  EXPECT_EQ(boxes_by_id(org, g), (std::vector<std::string>{"a:low/low", "b:low/middle", "c:middle/middle",
                                                            "d:high/middle", "e:high/middle", "f:high/high"}));
  EXPECT_DOUBLE_EQ(g.performance.middle_from, 2.0);  // on the declared scale
  EXPECT_DOUBLE_EQ(g.performance.high_from, 3.0);
  EXPECT_DOUBLE_EQ(g.potential.middle_from, 2.0);
  EXPECT_DOUBLE_EQ(g.potential.high_from, 3.0);
}

TEST(TalentGrid, TertilesOfEqualValuesAreAllMiddleAndDistinctOnesSplitTwoTwoTwo) {
  const Org equal = org_from_csv(
      {{"people", "id,manager_id,assessment,potential\na,,0.5,0.1\nb,a,0.5,0.2\nc,a,0.5,0.3\nd,a,0.5,0.4\ne,a,0.5,0.5\nf,a,0.5,0.6\n"}});
  Policy p;
  p.min_group_size = 1;
  const TalentGrid g = talent_grid(equal, p);
  ASSERT_TRUE(g.assessed);
  EXPECT_EQ(boxes_by_id(equal, g), (std::vector<std::string>{"a:middle/low", "b:middle/low", "c:middle/middle",
                                                              "d:middle/middle", "e:middle/high", "f:middle/high"}));
  EXPECT_TRUE(std::isnan(g.performance.high_from));  // no one is high on performance
}

TEST(TalentGrid, NotAssessedWithTooFewForTertilesOrNoOneWithBoth) {
  const Org five = org_from_csv(
      {{"people", "id,manager_id,assessment,potential\na,,0.1,0.1\nb,a,0.2,0.2\nc,a,0.3,0.3\nd,a,0.4,0.4\ne,a,0.5,\nf,a,0.6,0.6\n"}});
  const TalentGrid g = talent_grid(five);
  EXPECT_FALSE(g.assessed);  // five placed: fewer than min_people (6)
  EXPECT_EQ(g.absent_reason, "too few people have both an assessment and a potential to cut into tertiles");
  EXPECT_TRUE(g.boxes.empty());
  EXPECT_EQ(g.placed, 5u);
  EXPECT_TRUE(talent_grid(five, scale_cuts()).assessed);  // thirds of the scale need no minimum

  const Org none = org_from_csv({{"people", "id,manager_id,assessment,potential\na,,0.1,\nb,a,,0.2\n"}});
  const TalentGrid n = talent_grid(none, scale_cuts());
  EXPECT_FALSE(n.assessed);
  EXPECT_EQ(n.absent_reason, "no one has both an assessment and a potential");
  EXPECT_EQ(n.missing_potential + n.missing_assessment, 2u);
}

// `spec`: per person "assessment,potential" on [0, 1]; thirds of the scale.
Org team_of(const std::vector<std::string>& values) {
  std::string people = "id,manager_id,assessment,potential\n";
  for (std::size_t k = 0; k < values.size(); ++k)
    people += "p" + std::to_string(100 + k) + "," + (k ? "p100" : "") + "," + values[k] + "\n";
  return org_from_csv({{"people", people}});
}

TEST(TalentGrid, SmallBoxesAreWithheldAndNotRecoverableBySubtraction) {
  // 6 high/high, 5 low/low, 1 middle/middle: the 1 is withheld; alone it would be 12 - 6 - 5, so
  // the next smallest (low/low, 5) is withheld with it; the empty boxes stay published (0).
  std::vector<std::string> v(6, "0.9,0.9");
  v.insert(v.end(), 5, "0.1,0.1");
  v.push_back("0.5,0.5");
  const TalentGrid g = talent_grid(team_of(v), scale_cuts());
  ASSERT_TRUE(g.assessed);
  EXPECT_EQ(counts(g), (std::vector<std::size_t>{0, 0, 0, 0, 0, 0, 0, 0, 6}));
  EXPECT_EQ(g.boxes[0].withheld, "withheld with a smaller box so that it cannot be recovered from the others");
  EXPECT_EQ(g.boxes[4].withheld, "fewer than 5 people");
  EXPECT_EQ(g.boxes[8].withheld, "");
  EXPECT_EQ(g.boxes[1].withheld, "");

  // Fewer than min_group_size placed: every box withheld, the empty ones too.
  const TalentGrid few = talent_grid(team_of({"0.9,0.9", "0.9,0.9", "0.1,0.1"}), scale_cuts());
  for (const auto& b : few.boxes) EXPECT_EQ(b.withheld, "fewer than 5 people placed");
}

// A tiny org for the reserve pool (thirds of [0, 1]: below 1/3 low, from 2/3 high):
//   A core, top, ops, middle/middle; B core under A, ops, high/high, a career plan;
//   C under B, ops, high/high, no career plan, named for nothing; D under B, ops, low/low;
//   E under A, sales, high/middle; F core under A, sales, middle/high.
// Successors: A <- D (3y+), F <- E (3y+). Key positions: the core A, B, F.
const char* reserve_people =
    "id,tier,manager_id,department,assessment,potential,has_career_plan\n"
    "A,core,,ops,0.5,0.5,yes\nB,core,A,ops,0.9,0.9,yes\nC,execution,B,ops,0.9,0.9,no\n"
    "D,execution,B,ops,0.1,0.1,yes\nE,execution,A,sales,0.9,0.5,no\nF,core,A,sales,0.5,0.9,\n";
const char* reserve_successors = "incumbent_id,successor_id,readiness\nA,D,ready_3y_plus\nF,E,ready_3y_plus\n";

std::vector<std::string> ids(const Org& org, const std::vector<index_t>& people) {
  std::vector<std::string> out;
  for (const auto p : people) out.emplace_back(org.id(p));
  return out;
}

TEST(ReservePool, FindingsNameThePeopleAndNumbers) {
  const Org org = org_from_csv({{"people", reserve_people}, {"successors", reserve_successors}});
  const Policy p = scale_cuts();
  const auto grid = talent_grid(org, p);
  const auto findings = reserve_pool_findings(org, p, grid, succession_readiness(org, p));
  ASSERT_EQ(findings.size(), 3u);
  // C: high/high, named for nothing, no career plan (B has a plan).
  EXPECT_EQ(findings[0].code, "unused_reserve");
  EXPECT_EQ(ids(org, findings[0].people), (std::vector<std::string>{"C"}));
  EXPECT_EQ(findings[0].args, (std::vector<FindingArg>{FindingArg::people_of("people", 0, 1), FindingArg::count_of("count", 1)}));
  EXPECT_EQ(findings[0].evidence[1].name, "high_high");
  EXPECT_EQ(findings[0].evidence[1].value, 2.0);  // B and C
  // D, A's only successor, is low/low.
  EXPECT_EQ(findings[1].code, "low_box_successor");
  EXPECT_EQ(ids(org, findings[1].people), (std::vector<std::string>{"D", "A"}));
  EXPECT_EQ(findings[1].args[2], FindingArg::word_of("performance", "word.grid.low"));
  EXPECT_EQ(findings[1].evidence[0].value, 0.1);
  // A's only successor is 3 years out while B and C (high/high, under A) are not named: B first
  // (a career plan). F's unit (sales, no reports) has no high/high person: no finding.
  EXPECT_EQ(findings[2].code, "reserve_in_unit");
  EXPECT_EQ(ids(org, findings[2].people), (std::vector<std::string>{"A", "D", "B", "C"}));
  EXPECT_EQ(findings[2].args,
            (std::vector<FindingArg>{FindingArg::people_of("holder", 0, 1), FindingArg::people_of("successors", 1, 1),
                                     FindingArg::people_of("candidates", 2, 2), FindingArg::count_of("count", 2)}));
  EXPECT_DOUBLE_EQ(findings[2].evidence[0].value, 0.25);  // bench strength: one ready_3y_plus

  // assess() puts them among succession readiness's findings, and its value does not change.
  const Report r = assess(org, p);
  std::size_t reserve = 0;
  for (const auto& f : r.findings)
    reserve += f.score == "succession_readiness" &&
               (f.code == "unused_reserve" || f.code == "low_box_successor" || f.code == "reserve_in_unit");
  EXPECT_EQ(reserve, 3u);
  EXPECT_DOUBLE_EQ(r.succession.score, succession_readiness(org, p).score);
  EXPECT_TRUE(r.talent_grid.assessed);

  // Without a successors table there is no succession score and no reserve finding.
  const Org alone = org_from_csv({{"people", reserve_people}});
  EXPECT_TRUE(reserve_pool_findings(alone, p, talent_grid(alone, p), succession_readiness(alone, p)).empty());
}

std::vector<std::string> suggested(const Org& org, const SuccessorSuggestions& s) {
  std::vector<std::string> out;
  for (const auto& x : s.suggestions)
    out.push_back(std::string(org.id(x.seat)) + "<-" + std::string(org.id(x.person)) + "#" + std::to_string(x.rank));
  return out;
}

TEST(ReservePool, SuggestionsRankByBoxThenReadinessProxiesThenUnitThenId) {
  const Org org = org_from_csv({{"people", reserve_people}, {"successors", reserve_successors}});
  const auto s = suggest_successors(org, scale_cuts());
  ASSERT_TRUE(s.assessed);
  EXPECT_EQ(ids(org, s.seats), (std::vector<std::string>{"A", "B", "F"}));  // none has a ready-now successor
  // The pool: B, C (high/high; B has a career plan), F (middle/high), E (high/middle). A: D is
  // named already. B: A is above B. F: E is named already, A is above.
  EXPECT_EQ(suggested(org, s), (std::vector<std::string>{"A<-B#1", "A<-C#2", "A<-F#3", "B<-C#1", "B<-F#2", "B<-E#3",
                                                          "F<-B#1", "F<-C#2"}));
  EXPECT_EQ(s.suggestions[0].performance, GridLevel::high);
  EXPECT_TRUE(s.suggestions[0].same_unit);
  EXPECT_FALSE(s.suggestions[6].same_unit);  // B is in ops, F leads sales
  EXPECT_EQ(s.suggestions[5].named_for, 1u);  // E is named for F's seat
  EXPECT_TRUE(std::isnan(s.suggestions[0].fitness));  // no competencies table
  EXPECT_EQ(s.suggestions[0].readiness, Readiness::ready_1_2y);

  Policy one = scale_cuts();
  one.talent_grid.suggestions = 1;
  EXPECT_EQ(suggested(org, suggest_successors(org, one)), (std::vector<std::string>{"A<-B#1", "B<-C#1", "F<-B#1"}));
  EXPECT_FALSE(suggest_successors(org_from_csv({{"people", reserve_people}}), one).assessed);  // no successors table
}

TEST(ReservePool, TheSameUnitBreaksTiesBeforeTheId) {
  // a1 and z9 are alike (high/high, no plan, same values); z9 works under S, a1 elsewhere: z9 first.
  const Org org = org_from_csv({{"people",
                                 "id,tier,manager_id,department,assessment,potential\n"
                                 "T,core,,x,0.5,0.5\nS,core,T,y,0.5,0.5\nz9,execution,S,y,0.9,0.9\n"
                                 "R,execution,T,x,0.5,0.5\na1,execution,R,x,0.9,0.9\n"},
                                {"successors", "incumbent_id,successor_id,readiness\nT,S,ready_now\n"}});
  const auto s = suggest_successors(org, scale_cuts());
  EXPECT_EQ(suggested(org, s), (std::vector<std::string>{"S<-z9#1", "S<-a1#2"}));
}

TEST(ReservePool, RowOrderDoesNotChangeTheGridOrTheSuggestions) {
  const std::string shuffled =
      "id,tier,manager_id,department,assessment,potential,has_career_plan\n"
      "F,core,A,sales,0.5,0.9,\nD,execution,B,ops,0.1,0.1,yes\nC,execution,B,ops,0.9,0.9,no\n"
      "E,execution,A,sales,0.9,0.5,no\nB,core,A,ops,0.9,0.9,yes\nA,core,,ops,0.5,0.5,yes\n";
  const Org a = org_from_csv({{"people", reserve_people}, {"successors", reserve_successors}});
  const Org b = org_from_csv(
      {{"people", shuffled}, {"successors", "incumbent_id,successor_id,readiness\nF,E,ready_3y_plus\nA,D,ready_3y_plus\n"}});
  const Policy p;  // tertiles: 6 placed
  EXPECT_EQ(boxes_by_id(a, talent_grid(a, p)), boxes_by_id(b, talent_grid(b, p)));
  EXPECT_EQ(suggested(a, suggest_successors(a, p)), suggested(b, suggest_successors(b, p)));
}

TEST(ReservePool, PolicyRefusesBadCuts) {
  EXPECT_THROW(policy_from_json(R"({"talent_grid": {"cuts": "quartiles"}})"), RequestError);
  EXPECT_THROW(policy_from_json(R"({"talent_grid": {"performance_cuts": [3]}})"), RequestError);
  EXPECT_THROW(policy_from_json(R"({"talent_grid": {"performance_cuts": [4, 3]}})"), RequestError);
  const Policy p = policy_from_json(R"({"talent_grid": {"cuts": "scale", "potential_cuts": [2.5, 3.5]}})");
  EXPECT_EQ(p.talent_grid.cuts, "scale");
  EXPECT_EQ(p.talent_grid.potential_cuts, (std::vector<double>{2.5, 3.5}));
  EXPECT_EQ(policy_from_json(policy_to_json(p)).talent_grid.potential_cuts, p.talent_grid.potential_cuts);
}

}  // namespace
}  // namespace teamgraph
