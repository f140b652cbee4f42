#include <gtest/gtest.h>

#include <algorithm>

#include "../helpers.hpp"

namespace teamgraph {
namespace {

// The small org (A over B and C, B over D and E; A, B, C the core) and its leadership policy.
using namespace testing;

TEST(DepartureImpact, CoverageDropWithoutRescoring) {
  const Org org = org_from_csv({{"people", small_people}, {"competencies", small_competencies("0.65")}});
  const auto policy = small_leadership_policy();
  const auto d = departure_impact(org, policy);
  // Without A: planning 80 (B), control 80 (C), command missing (B 0.4): mean 62.2, capped at 40.
  EXPECT_NEAR(d.coverage_drop[*org.find("A")], (100.0 + 80.0 + 80.0) / 3.0 - 40.0, 1e-9);
  // Without C: control missing (A 0.5): capped at 40.
  EXPECT_NEAR(d.coverage_drop[*org.find("C")], (100.0 + 80.0 + 80.0) / 3.0 - 40.0, 1e-9);
  // Without B: planning single (A) 80, control 80, command 80: 80.
  EXPECT_NEAR(d.coverage_drop[*org.find("B")], (100.0 + 80.0 + 80.0) / 3.0 - 80.0, 1e-9);
  EXPECT_DOUBLE_EQ(d.coverage_drop[*org.find("D")], 0.0);
  // The same numbers as re-scoring the core without each person.
  const auto full = leadership_coverage(org, policy).score;
  for (const char* leaver : {"A", "B", "C"}) {
    std::vector<index_t> rest;
    for (const char* other : {"A", "B", "C"})
      if (std::string(other) != leaver) rest.push_back(*org.find(other));
    const double after = group_coverage(org, rest, policy.leadership.required, policy.leadership).score;
    EXPECT_NEAR(d.coverage_drop[*org.find(leaver)], full - after, 1e-9) << leaver;
  }
  EXPECT_EQ(d.unit_left[*org.find("A")], 4u);
  EXPECT_EQ(d.unit_left[*org.find("B")], 2u);
}


TEST(DepartureImpact, FindingsNameTheEffectsAsClauses) {
  const Org org = org_from_csv({{"people", small_people}, {"competencies", small_competencies("0.65")}});
  Policy policy = small_leadership_policy();
  const auto d = departure_impact(org, policy);
  ASSERT_EQ(d.findings.size(), 3u);  // A, B and C have an impact; D and E none
  const Finding a = *std::find_if(d.findings.begin(), d.findings.end(), [&](auto& f) { return org.id(f.people[0]) == "A"; });
  // "If A leaves, core leadership coverage drops 46.7 points and 4 people lose their manager (impact .., risk ..)."
  EXPECT_EQ(a.variant, "");
  ASSERT_EQ(a.args.size(), 4u);
  EXPECT_EQ(a.args[0], FindingArg::people_of("person", 0, 1));
  const auto& effects = a.args[1];
  EXPECT_EQ(effects.kind, FindingArg::Kind::clauses);
  EXPECT_TRUE(effects.items.empty());  // joined as a list
  ASSERT_EQ(effects.clauses.size(), 2u);
  EXPECT_EQ(effects.clauses[0].key, "departure.coverage_drop");
  EXPECT_NEAR(effects.clauses[0].args.at(0).number, (100.0 + 80.0 + 80.0) / 3.0 - 40.0, 1e-9);
  // A unit of 4 loses its manager, 2 of them reporting to A directly.
  EXPECT_EQ(effects.clauses[1], (FindingClause{"departure.unit_left", {FindingArg::count_of("count", 4),
                                                                       FindingArg::count_of("direct", 2)}}));
  EXPECT_EQ(a.args[2].name, "impact");
  EXPECT_DOUBLE_EQ(a.args[2].number, d.impact[*org.find("A")]);
  EXPECT_DOUBLE_EQ(a.args[3].number, d.risk[*org.find("A")]);
  EXPECT_EQ(a.severity, FindingSeverity::critical);  // risk 0.5 x impact >= critical_risk

  // The policy's thresholds: fewer findings, and a severity that needs more risk.
  policy.departure.findings = 1;
  policy.departure.critical_risk = policy.departure.high_risk = 1.0;
  const auto one = departure_impact(org, policy);
  ASSERT_EQ(one.findings.size(), 1u);
  EXPECT_EQ(one.findings[0].severity, FindingSeverity::medium);
}

TEST(DepartureImpact, WithoutAFlightRiskTheFindingSaysSo) {
  const Org org = org_from_csv({{"people", "id,tier,manager_id\nA,core,\nB,execution,A\n"}});
  const auto d = departure_impact(org);
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].variant, "no_flight_risk");
  EXPECT_EQ(d.findings[0].severity, FindingSeverity::medium);
  EXPECT_EQ(describe(d.findings[0], org),
            "high_departure_impact.no_flight_risk: person=A, effects=departure.unit_left(count=1, direct=1), impact=0.50, risk=n/a");
}

}  // namespace
}  // namespace teamgraph
