#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "../helpers.hpp"

namespace teamgraph {
namespace {

ContributionLog small_log() {
  // alice creates x and y; bob creates z; alice changes z once; carol renames y to y2.
  ContributionLog log;
  log.people = {"alice", "bob", "carol"};
  log.artifacts = {"x", "y", "y2", "z"};
  auto add = [&](index_t p, std::int32_t a, ContributionAction act, std::int64_t day, std::int32_t prev = -1) {
    log.person.push_back(p), log.artifact.push_back(a), log.action.push_back(act), log.date.push_back(day * 86400),
        log.previous.push_back(prev);
  };
  add(0, 0, ContributionAction::create, 1);
  add(0, 1, ContributionAction::create, 2);
  add(1, 3, ContributionAction::create, 3);
  add(0, 3, ContributionAction::modify, 4);
  add(2, 2, ContributionAction::rename, 5, 1);
  return log;
}

TEST(TruckFactor, DegreeOfAuthorshipByHand) {
  const auto a = authorship(small_log());
  // Live artifacts after the rename: x, y2, z (y is now y2).
  ASSERT_EQ(a.artifacts, (std::vector<std::string>{"x", "y2", "z"}));
  auto authors = [&](std::size_t k) {
    return std::vector<index_t>(a.authors.begin() + static_cast<std::ptrdiff_t>(a.offsets[k]),
                                a.authors.begin() + static_cast<std::ptrdiff_t>(a.offsets[k + 1]));
  };
  EXPECT_EQ(authors(0), (std::vector<index_t>{0}));
  // y2: alice 3.293 + 1.098 - 0.321 ln 2 = 4.1685; carol 3.293 + 0.164 = 3.457; 3.457 / 4.1685 = 0.829.
  EXPECT_EQ(authors(1), (std::vector<index_t>{0, 2}));
  // z: bob 4.1685, alice 3.457: both authors.
  EXPECT_EQ(authors(2), (std::vector<index_t>{0, 1}));
  EXPECT_EQ(a.authored, (std::vector<std::size_t>{3, 1, 1}));
}

TEST(TruckFactor, GreedyRemovalAndCoverage) {
  const auto r = truck_factor(small_log());
  // Remove alice (3 artifacts): x is left with no author, y2 and z keep one: 2/3 >= 0.5. Then
  // bob (ties with carol; the smaller index wins): z loses its last author: 1/3 < 0.5.
  EXPECT_EQ(r.value, 2u);
  EXPECT_EQ(r.removed, (std::vector<index_t>{0, 1}));
  ASSERT_EQ(r.coverage.size(), 3u);
  EXPECT_DOUBLE_EQ(r.coverage[0], 1.0);
  EXPECT_NEAR(r.coverage[1], 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(r.coverage[2], 1.0 / 3.0, 1e-12);
}

TEST(TruckFactor, DeletedArtifactsNoLongerCount) {
  auto log = small_log();
  log.person.push_back(1), log.artifact.push_back(0), log.action.push_back(ContributionAction::remove),
      log.date.push_back(9 * 86400), log.previous.push_back(-1);
  const auto a = authorship(log);
  EXPECT_EQ(a.artifacts, (std::vector<std::string>{"y2", "z"}));
}

}  // namespace
}  // namespace teamgraph

namespace teamgraph {
namespace {

TEST(TruckFactor, PerKnowledgeAreaAndDepartment) {
  const Org org = testing::org_from_csv(
      {{"people", "id,department,manager_id\nboss,hq,\nann,shop,boss\nbo,shop,boss\ncy,ads,boss\n"},
       {"contributions",
        "person_id,artifact,action,date\n"
        "ann,listing/1,create,2026-01-01\nann,listing/2,create,2026-01-02\nbo,listing/3,create,2026-01-03\n"
        "cy,campaign/a,create,2026-01-04\ncy,campaign/b,create,2026-01-05\n"}});
  Policy everyone;
  everyone.min_group_size = 1;  // departments of one and two people, published only on request
  const Report r = assess(org, everyone);
  ASSERT_TRUE(r.truck_factor.assessed);
  // Team: ann 2, cy 2, bo 1. Remove ann (ties with cy: ann is earlier in the org): 3/5 covered;
  // remove cy: 1/5 < 0.5. Truck factor 2.
  EXPECT_EQ(r.truck_factor.result.value, 2u);
  std::vector<std::string> groups;
  for (const auto& g : r.truck_factor.groups)
    groups.push_back(g.kind + ":" + g.group + ":" + std::to_string(g.artifacts) + ":" + std::to_string(g.result.value));
  EXPECT_EQ(groups, (std::vector<std::string>{"area:campaign:2:1", "area:listing:3:1", "department:ads:2:1",
                                              "department:shop:3:1"}));
  // By default (5) every department here is too small: withheld, with no one named.
  for (const auto& g : assess(org).truck_factor.groups)
    if (g.kind == "department") {
      EXPECT_EQ(g.withheld, "fewer than 5 people") << g.group;
      EXPECT_TRUE(g.result.removed.empty());
    }
  // "Truck factor 2: if ann and cy leave, more than half of the 5 artifacts are left with no one who knows them."
  const auto low = std::find_if(r.findings.begin(), r.findings.end(), [](auto& f) { return f.code == "low_truck_factor"; });
  ASSERT_NE(low, r.findings.end());
  EXPECT_EQ(low->severity, FindingSeverity::high);
  EXPECT_EQ(low->variant, "");
  EXPECT_EQ(low->args, (std::vector<FindingArg>{FindingArg::count_of("count", 5), FindingArg::count_of("truck_factor", 2),
                                                FindingArg::people_of("people", 0, 2)}));
  EXPECT_EQ(describe(*low, org), "low_truck_factor: count=5, truck_factor=2, people=ann and cy");
  // The policy's thresholds: critical at 2, or no finding at all.
  Policy policy;
  policy.truck_factor.critical_at_most = 2;
  const Report critical = assess(org, policy);
  EXPECT_TRUE(std::any_of(critical.findings.begin(), critical.findings.end(), [](auto& f) {
    return f.code == "low_truck_factor" && f.severity == FindingSeverity::critical;
  }));
  policy.truck_factor.low_at_most = 1;
  const Report none = assess(org, policy);
  EXPECT_TRUE(std::none_of(none.findings.begin(), none.findings.end(), [](auto& f) { return f.code == "low_truck_factor"; }));
}

}  // namespace
}  // namespace teamgraph
