#include <gtest/gtest.h>

#include "helpers.hpp"

namespace teamgraph {
namespace {

TEST(Policy, OverridesAndRoundTrip) {
  const Policy p = policy_from_json(R"({"leadership": {"threshold": 0.7, "required": ["planning"]}, "min_group_size": 8})");
  EXPECT_DOUBLE_EQ(p.leadership.threshold, 0.7);
  EXPECT_EQ(p.leadership.required, (std::vector<std::string>{"planning"}));
  EXPECT_EQ(p.min_group_size, 8u);
  EXPECT_DOUBLE_EQ(p.succession.weight_ready_1_2y, 0.5);  // untouched defaults stay
  const Policy again = policy_from_json(policy_to_json(p));
  EXPECT_EQ(policy_to_json(again), policy_to_json(p));
}

TEST(Policy, EveryBadSettingIsNamed) {
  try {
    policy_from_json(R"({"leadership": {"treshold": 0.7, "missing_cap": "high"}, "speed": 1, "succession": 3})");
    FAIL() << "accepted";
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("4 problem(s)"), std::string::npos) << what;
    EXPECT_NE(what.find("leadership.treshold: unknown policy setting"), std::string::npos);
    EXPECT_NE(what.find("leadership.missing_cap: expected a number"), std::string::npos);
    EXPECT_NE(what.find("speed: unknown policy setting"), std::string::npos);
    EXPECT_NE(what.find("succession: expected an object"), std::string::npos);
  }
}

}  // namespace
}  // namespace teamgraph
