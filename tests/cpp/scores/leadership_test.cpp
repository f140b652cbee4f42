#include <gtest/gtest.h>

#include <algorithm>

#include "../helpers.hpp"

namespace teamgraph {
namespace {

using testing::org_from_csv;

// Three core members and two reports; three required competencies so every number is checkable
// by hand (threshold 0.6, missing cap 40, single holder 80).
Policy small_policy() {
  Policy p;
  p.leadership.required = {"planning", "control", "command"};
  p.leadership.unit_required = {"planning", "command"};
  return p;
}

const std::string people =
    "id,tier,manager_id,flight_risk\n"
    "A,core,,0.5\nB,core,A,0.1\nC,core,A,0.2\nD,execution,B,0.3\nE,execution,B,\n";

std::string competencies(const std::string& c_control) {
  return "person_id,competency,score\n"
         "A,planning,0.9\nB,planning,0.7\nC,planning,0.3\n"
         "A,control,0.5\nC,control," + c_control + "\n"
         "A,command,0.8\nB,command,0.4\nD,planning,0.2\n";
}

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
  EXPECT_EQ(render(missing.message, missing.people, org),
            "No one in the core layer reaches 0.60 on control; the closest is C at 0.55 (a gap of 0.05).");
  const auto single = std::find_if(r.findings.begin(), r.findings.end(), [](auto& f) { return f.code == "single_holder"; });
  ASSERT_NE(single, r.findings.end());
  EXPECT_EQ(org.id(single->people[0]), "A");
  // The smallest training plan: C (0.05 from the bar) rather than A (0.10).
  ASSERT_EQ(r.plan.trainees.size(), 1u);
  EXPECT_EQ(org.id(r.plan.trainees[0]), "C");
  EXPECT_EQ(r.plan.trains[0], (std::vector<std::string>{"control"}));
  EXPECT_TRUE(r.plan.hire_for.empty());
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
}

TEST(LeadershipCoverage, AbsentWithoutData) {
  const Org org = org_from_csv({{"people", people}});
  const auto r = leadership_coverage(org, small_policy());
  EXPECT_FALSE(r.assessed);
  EXPECT_EQ(r.absent_reason, "no competencies table");
}

TEST(DepartureImpact, CoverageDropWithoutRescoring) {
  const Org org = org_from_csv({{"people", people}, {"competencies", competencies("0.65")}});
  const auto policy = small_policy();
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

// A sharing network small enough to check by hand: A (the core) - B - C - D, B - E, and F alone.
TEST(SharingStructure, CutOffCountsBrokersAndBridgesByHand) {
  const std::string team = "id,manager_id,tier\nA,,core\nB,A,execution\nC,A,execution\nD,A,execution\n"
                           "E,A,execution\nF,A,execution\n";
  for (const bool repeated : {false, true}) {  // A-B also offline: a pair on two channels counts once
    std::string links = "person_a,person_b,channel\nA,B,online\nB,C,online\nC,D,online\nB,E,online\n";
    if (repeated) links += "B,A,offline\n";
    const Org org = org_from_csv({{"people", team}, {"sharing", links}});
    auto at = [&](const char* id) { return *org.find(id); };
    const auto s = sharing_structure(org, {at("A")});
    // Without A, B's part (4 people) loses the core; without B, C, D and E; without C, D.
    EXPECT_EQ(s.cut_off[at("A")], 4u);
    EXPECT_EQ(s.cut_off[at("B")], 3u);
    EXPECT_EQ(s.cut_off[at("C")], 1u);
    for (const char* leaf : {"D", "E", "F"}) EXPECT_EQ(s.cut_off[at(leaf)], 0u) << leaf;
    EXPECT_EQ(s.reachable_from_core, 5);
    EXPECT_FALSE(s.reaches_core[at("F")]);
    std::vector<index_t> brokers{at("B"), at("C")};
    std::sort(brokers.begin(), brokers.end());
    EXPECT_EQ(s.articulation_points, brokers);
    EXPECT_EQ(s.bridges.size(), 4u);  // a tree: every link is a bridge
  }
  // Closing the cycle B - C - D - E - B: C no longer cuts anyone off, only A - B is a bridge.
  const Org ring = org_from_csv(
      {{"people", team}, {"sharing", "person_a,person_b,channel\nA,B,online\nB,C,online\nC,D,online\nB,E,online\n"
                                      "D,E,offline\n"}});
  const auto s = sharing_structure(ring, {*ring.find("A")});
  EXPECT_EQ(s.cut_off[*ring.find("B")], 3u);
  EXPECT_EQ(s.cut_off[*ring.find("C")], 0u);
  EXPECT_EQ(s.articulation_points, std::vector<index_t>{*ring.find("B")});
  ASSERT_EQ(s.bridges.size(), 1u);
  const index_t a = *ring.find("A"), b = *ring.find("B");
  EXPECT_EQ(s.bridges[0], std::make_pair(std::min(a, b), std::max(a, b)));
}

}  // namespace
}  // namespace teamgraph
