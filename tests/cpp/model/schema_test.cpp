#include "teamgraph/schema.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>

#include "../helpers.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/org_builder.hpp"
#include "teamgraph/org_parts.hpp"
#include "teamgraph/read_org.hpp"

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

TEST(Schema, ColumnsWithoutAMemberAreReadByTheirKind) {
  // The sample team has every table: each part's schema columns are those without a member of
  // their own (today learning_hours alone), in its row order; no person or record reference is
  // left to them (the builder would throw).
  const Org org = read_org(std::string(TEAMGRAPH_EXAMPLES) + "/ecommerce-team");
  ASSERT_EQ(org.people().columns.size(), 1u);
  const SchemaColumn& hours = schema_column(org.people().columns, "learning_hours");
  EXPECT_EQ(hours.kind, ColumnKind::number);
  EXPECT_TRUE(hours.given);
  EXPECT_EQ(hours.numbers.size(), static_cast<Eigen::Index>(org.size()));
  for (const auto* columns : {&org.competencies().columns, &org.successors().columns, &org.sharing().columns,
                              &org.meetings().columns, &org.incentives().columns, &org.goals().columns,
                              &org.contributions().columns})
    EXPECT_TRUE(columns->empty());
  EXPECT_THROW(schema_column(org.people().columns, "assessment"), std::out_of_range);
}

TEST(Schema, AColumnReadByItsKindIsCheckedLikeTheOthers) {
  // learning_hours is "number >= 0" in the schema: a negative value is out of range, a word is
  // not a number, and an absent column is all NaN (given = false).
  const auto problems = testing::problems_of({{"people", "id,manager_id,learning_hours\nA,,-2\nB,A,many\n"}});
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].code, "out_of_range");
  EXPECT_EQ(problems[0].person_id, "A");
  EXPECT_EQ(problems[0].field, "learning_hours");
  EXPECT_EQ(problems[1].code, "bad_number");
  EXPECT_EQ(problems[1].person_id, "B");
  const Org org = testing::org_from_csv({{"people", "id,manager_id\nA,\nB,A\n"}});
  const SchemaColumn& hours = schema_column(org.people().columns, "learning_hours");
  EXPECT_FALSE(hours.given);
  EXPECT_TRUE(std::isnan(hours.numbers[0]) && std::isnan(hours.numbers[1]));
}

}  // namespace
}  // namespace teamgraph
