#include "teamgraph/schema.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "teamgraph/org.hpp"
#include "teamgraph/org_builder.hpp"

namespace teamgraph {
namespace {

TEST(Schema, ListsTheBuildersTablesInOrder) {
  const auto& tables = OrgBuilder::table_names();
  ASSERT_EQ(input_schema().size(), tables.size());
  for (std::size_t t = 0; t < tables.size(); ++t) EXPECT_EQ(input_schema()[t].name, tables[t]);
  EXPECT_TRUE(table_schema("people").required);
  EXPECT_EQ(table_schema("people").file, "people.csv");
  EXPECT_THROW(table_schema("peple"), std::out_of_range);
  EXPECT_THROW(table_schema("people").column("learning_hour"), std::out_of_range);
}

TEST(Schema, EnumLabelsMatchTheModelsNames) {
  const auto& tiers = enum_labels("people", "tier");
  ASSERT_EQ(tiers.size(), 3u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(tiers[static_cast<std::size_t>(i)], to_string(static_cast<Tier>(i)));
  const auto& readiness = enum_labels("successors", "readiness");
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(readiness[static_cast<std::size_t>(i)], to_string(static_cast<Readiness>(i)));
  EXPECT_EQ(enum_labels("sharing", "channel")[0], to_string(Channel::online));
  EXPECT_EQ(enum_labels("incentives", "kind")[1], to_string(IncentiveKind::spiritual));
  EXPECT_EQ(enum_labels("contributions", "action")[3], to_string(ContributionAction::remove));
}

TEST(Schema, KindsAndRequiredFlags) {
  const auto& people = table_schema("people");
  EXPECT_EQ(people.column("id").kind, ColumnKind::id);
  EXPECT_TRUE(people.column("id").required);
  EXPECT_EQ(people.column("manager_id").kind, ColumnKind::person);
  EXPECT_EQ(people.column("learning_hours").kind, ColumnKind::number);
  EXPECT_EQ(people.column("has_career_plan").kind, ColumnKind::boolean);
  EXPECT_EQ(people.column("tier").default_value, "execution");
  EXPECT_EQ(to_string(ColumnKind::enumeration), "enum");
  EXPECT_EQ(table_schema("goals").column("parent_goal_id").kind, ColumnKind::reference);
}

}  // namespace
}  // namespace teamgraph
