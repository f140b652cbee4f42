#include <gtest/gtest.h>

#include <algorithm>

#include "../helpers.hpp"

namespace teamgraph {
namespace {

using testing::org_from_csv;

// Three core members and two reports (A over B and C, B over D and E).
const std::string& people = testing::small_people;
const auto small_policy = testing::small_leadership_policy;
const auto competencies = testing::small_competencies;

TEST(LeadershipCoverage, MissingCompetencyCapsTheScore) {
  const Org org = org_from_csv({{"people", people}, {"competencies", competencies("0.55")}});
  const auto r = leadership_coverage(org, small_policy());
  ASSERT_TRUE(r.assessed);
  const auto& c = r.core_coverage.competencies;
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].depth, 2u);
  EXPECT_DOUBLE_EQ(c[0].score, 100.0);
  EXPECT_EQ(c[1].depth, 0u);
  EXPECT_DOUBLE_EQ(c[1].coverage, 0.55);
  EXPECT_EQ(org.id(c[1].best), "C");
  EXPECT_NEAR(c[1].score, 40.0 * 0.55 / 0.6, 1e-12);
  EXPECT_DOUBLE_EQ(c[2].score, 80.0);
  EXPECT_FALSE(r.core_coverage.complete);
  EXPECT_DOUBLE_EQ(r.score, 40.0);  // mean 72.2, capped while control is missing

  ASSERT_FALSE(r.findings.empty());
  const auto& missing = r.findings.front();
  EXPECT_EQ(missing.code, "missing_competency");
  EXPECT_EQ(missing.severity, FindingSeverity::critical);
  // "No one in the core layer reaches 0.60 on control; the closest is C at 0.55 (a gap of 0.05)."
  EXPECT_EQ(missing.variant, "");
  EXPECT_EQ(missing.args, (std::vector<FindingArg>{FindingArg::num("threshold", 0.6), FindingArg::text_of("competency", "control"),
                                                   FindingArg::people_of("closest", 0, 1), FindingArg::num("coverage", 0.55),
                                                   FindingArg::num("gap", 0.6 - 0.55)}));
  EXPECT_EQ(describe(missing, org), "missing_competency: threshold=0.60, competency=control, closest=C, coverage=0.55, gap=0.05");
  const auto single = std::find_if(r.findings.begin(), r.findings.end(), [](auto& f) { return f.code == "single_holder"; });
  ASSERT_NE(single, r.findings.end());
  EXPECT_EQ(org.id(single->people[0]), "A");
  // The smallest training plan: C (0.05 from the bar) rather than A (0.10).
  ASSERT_EQ(r.plan.trainees.size(), 1u);
  EXPECT_EQ(org.id(r.plan.trainees[0]), "C");
  EXPECT_EQ(r.plan.trains[0], (std::vector<std::string>{"control"}));
  EXPECT_TRUE(r.plan.hire_for.empty());
  // "... train C in control.": one step, a trainee and what they train in.
  const auto plan = std::find_if(r.findings.begin(), r.findings.end(), [](auto& f) { return f.code == "training_plan"; });
  ASSERT_NE(plan, r.findings.end());
  EXPECT_EQ(plan->variant, "");
  ASSERT_EQ(plan->args.size(), 1u);
  EXPECT_EQ(plan->args[0], FindingArg::clauses_of("steps",
                                                  {{"training_plan.step", {FindingArg::people_of("trainee", 0, 1),
                                                                           FindingArg::texts_of("competencies", {"control"})}}},
                                                  "training_plan.step_separator"));
}

TEST(LeadershipCoverage, CompleteCoreAndUnits) {
  const Org org = org_from_csv({{"people", people}, {"competencies", competencies("0.65")}});
  const auto r = leadership_coverage(org, small_policy());
  EXPECT_TRUE(r.core_coverage.complete);
  EXPECT_NEAR(r.score, (100.0 + 80.0 + 80.0) / 3.0, 1e-12);
  // Units: A leads A, B, C; B leads B, D, E. B is below 0.6 on command.
  ASSERT_EQ(r.units.size(), 2u);
  EXPECT_EQ(org.id(r.units[1].manager), "B");
  EXPECT_EQ(r.units[1].size, 3u);
  EXPECT_EQ(r.units[1].manager_lacks, (std::vector<std::string>{"command"}));
  // B's unit: planning held by B (0.7) only -> 80; command best 0.4 -> missing, 40 * 0.4 / 0.6.
  EXPECT_NEAR(r.units[1].coverage.score, 40.0, 1e-12);
  // "B leads 2 people but is below 0.60 on command."
  const auto lacks = std::find_if(r.findings.begin(), r.findings.end(), [](auto& f) { return f.code == "manager_lacks_leadership"; });
  ASSERT_NE(lacks, r.findings.end());
  EXPECT_EQ(lacks->args, (std::vector<FindingArg>{FindingArg::people_of("manager", 0, 1), FindingArg::count_of("count", 2),
                                                  FindingArg::num("threshold", 0.6),
                                                  FindingArg::texts_of("competencies", {"command"})}));
}

TEST(LeadershipCoverage, AbsentWithoutData) {
  const Org org = org_from_csv({{"people", people}});
  const auto r = leadership_coverage(org, small_policy());
  EXPECT_FALSE(r.assessed);
  EXPECT_EQ(r.absent_reason, "no competencies table");
}

}  // namespace
}  // namespace teamgraph
