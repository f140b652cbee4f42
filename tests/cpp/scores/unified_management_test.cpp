#include <gtest/gtest.h>

#include "support_fixture.hpp"

namespace teamgraph {
namespace {

using testing::finding;
using testing::org_from_csv;
using testing::support_people;

TEST(UnifiedManagement, SpansLayersAndTitles) {
  const Org org = org_from_csv({{"people", support_people}});
  const auto r = unified_management(org);
  EXPECT_DOUBLE_EQ(r.figure("span_within_bounds")->value, 0.0);
  EXPECT_DOUBLE_EQ(r.figure("layers_needed")->value, 2.0);
  EXPECT_NEAR(r.score, 100.0 * (1 + 0 + 1) / 3.0, 1e-9);
  std::vector<std::string> codes;
  for (const auto& f : r.findings) {
    codes.push_back(f.code + ":" + std::string(org.id(f.people.at(0))));
  }
  // A and B lead two people each; C is a "store lead" with no one to lead.
  EXPECT_EQ(codes, (std::vector<std::string>{"narrow_span:A", "manager_without_unit:C"}));
  // "A and B manage fewer than 3 people directly."
  EXPECT_EQ(r.findings[0].args, (std::vector<FindingArg>{FindingArg::count_of("count", 2), FindingArg::people_of("people", 0, 2),
                                                         FindingArg::count_of("span", 3)}));
  // "C holds a manager's title but leads no one: their unit is only themselves."
  EXPECT_EQ(testing::people_of(r.findings[1], "people", org), (std::vector<std::string>{"C"}));
}

TEST(UnifiedManagement, TopsAndLayers) {
  // Two tops, and a chain of five layers where a team of 6 needs 2.
  const Org org = org_from_csv({{"people", "id,manager_id\nT,\nU,\nA,T\nB,A\nC,B\nD,C\n"}});
  const auto r = unified_management(org);
  const Finding* tops = finding(r, "several_tops");
  ASSERT_NE(tops, nullptr);  // "2 people have no manager (T and U): the team is not under unified management."
  EXPECT_EQ(testing::people_of(*tops, "people", org), (std::vector<std::string>{"T", "U"}));
  const Finding* layers = finding(r, "too_many_layers");
  ASSERT_NE(layers, nullptr);  // "The org has 5 layers; a team of 6 needs about 2."
  EXPECT_EQ(layers->args, (std::vector<FindingArg>{FindingArg::count_of("layers", 5), FindingArg::count_of("size", 6),
                                                   FindingArg::num("needed", 2)}));
  Policy policy;  // how many layers beyond the need are allowed is the policy's
  policy.management.extra_layers = 3;
  const auto lenient = unified_management(org, policy);
  EXPECT_EQ(finding(lenient, "too_many_layers"), nullptr);
  EXPECT_GT(lenient.score, r.score);
}

}  // namespace
}  // namespace teamgraph
