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

TEST(Policy, RefusalsCarryTheirCatalogEntries) {
  // Each refused setting is a problem with its key; the English text lists them as before.
  try {
    policy_from_json(R"({"speed": 1, "leadership": {"threshold": 2}})");
    FAIL() << "accepted";
  } catch (const RequestError& e) {
    EXPECT_EQ(e.subject(), "policy");
    EXPECT_TRUE(e.listed());
    ASSERT_EQ(e.problems().size(), 2u);
    EXPECT_EQ(e.problems()[0].key, "problem.bad_value.policy_unknown");
    EXPECT_EQ(e.problems()[0].field, "speed");
    EXPECT_EQ(std::string(e.what()),
              "policy: 2 problem(s)\n  speed: unknown policy setting\n  leadership.threshold: expected a value in [0, 1]");
  }
  // One setting is a list of one, as before.
  try {
    policy_from_json(R"({"speed": 1})");
    FAIL() << "accepted";
  } catch (const RequestError& e) {
    EXPECT_TRUE(e.listed());
    EXPECT_EQ(std::string(e.what()), "policy: 1 problem(s)\n  speed: unknown policy setting");
  }
  // A text that is not JSON, or not an object: one problem.
  try {
    policy_from_json("{x");
    FAIL() << "accepted";
  } catch (const RequestError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_FALSE(e.listed());
    EXPECT_EQ(e.problems()[0].key, "problem.json_syntax.policy");
    EXPECT_EQ(std::string(e.what()).rfind("policy: not valid JSON: [json.exception.parse_error", 0), 0u) << e.what();
  }
  try {
    policy_from_json("[1]");
    FAIL() << "accepted";
  } catch (const RequestError& e) {
    EXPECT_EQ(e.problems()[0].key, "problem.bad_value.policy_not_object");
    EXPECT_EQ(std::string(e.what()), "policy: expected a JSON object");
  }
}

}  // namespace
}  // namespace teamgraph
