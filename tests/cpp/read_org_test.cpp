#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "helpers.hpp"
#include "teamgraph/detail/id_map.hpp"
#include "teamgraph/org_parts.hpp"

namespace teamgraph {
namespace {

using testing::only;
const std::filesystem::path data = TEAMGRAPH_TEST_DATA;

std::vector<Problem> problems_reading(const std::filesystem::path& path) {
  try {
    read_org(path);
  } catch (const OrgDataError& e) {
    return e.problems();
  }
  ADD_FAILURE() << path << " was accepted";
  return {};
}

TEST(ReadOrg, SampleTeamLoads) {
  const Org org = read_org(std::filesystem::path(TEAMGRAPH_EXAMPLES) / "ecommerce-team");
  EXPECT_EQ(org.size(), 46u);
  EXPECT_EQ(org.team().name, "Harbor & Pine online store");
  EXPECT_EQ(org.hierarchy().tops.size(), 1u);
  EXPECT_EQ(org.id(0), "e01");
  EXPECT_TRUE(org.warnings().empty());
  EXPECT_EQ(org.tables().size(), 10u);
  // Competencies are declared on 1-5 in team.json and normalized: 4.5 -> 0.875.
  const auto& c = org.competencies();
  const auto planning = std::find(c.names.begin(), c.names.end(), "planning") - c.names.begin();
  EXPECT_DOUBLE_EQ(c.scores(0, planning), 0.875);
}

TEST(ReadOrg, EveryProblemOfEveryFileComesBackTogether) {
  const auto problems = problems_reading(data / "bad-team");
  // team.json: bad scale; people.csv: unknown tier; sharing.csv: unknown person; peple.csv: a warning.
  EXPECT_EQ(only(problems, "bad_value").field, "scales.people.assessment");
  const auto tier = only(problems, "unknown_value");
  EXPECT_EQ(tier.file, "people.csv");
  EXPECT_EQ(tier.record, 3);
  EXPECT_EQ(tier.person_id, "b");
  EXPECT_EQ(tier.field, "tier");
  const auto unknown = only(problems, "unknown_id");
  EXPECT_EQ(unknown.file, "sharing.csv");
  EXPECT_EQ(unknown.person_id, "x");
  EXPECT_EQ(only(problems, "unknown_table").severity, Severity::warning);
}

TEST(ReadOrg, SingleJsonFile) {
  const Org org = read_org(data / "json-team" / "team.json");
  ASSERT_EQ(org.size(), 2u);
  EXPECT_EQ(org.team().name, "json team");
  const index_t seven = *org.find("7");
  EXPECT_DOUBLE_EQ(org.people().assessment[seven], 0.5);
  EXPECT_EQ(org.people().has_career_plan[seven], 1);
  EXPECT_DOUBLE_EQ(org.competencies().scores(seven, 0), 0.75);
  EXPECT_EQ(org.people().extra[0].name, "badge");
}

// Found by fuzz_json: a record with an empty key (and a big integer under it) gave a problem with
// no field. tests/data/fuzz-regressions/fuzz_json/empty-key-with-big-integer.json
TEST(ReadOrgRegression, EmptyJsonKeyIsNamed) {
  const auto problems = problems_reading(data / "fuzz-regressions" / "fuzz_json" / "empty-key-with-big-integer.json");
  const auto empty = only(problems, "empty_header");
  EXPECT_EQ(empty.record, 2);
  EXPECT_EQ(empty.field, "(empty key)");
  for (const auto& p : problems)
    if (p.record > 0) EXPECT_FALSE(p.field.empty()) << p.to_string();
}

// Found by all three fuzz targets (UBSan) as soon as the id map kept key prefixes: an empty id
// (the top's manager_id) has no text, and copying its prefix passed a null pointer to memcpy.
// tests/data/fuzz-regressions/fuzz_org/empty-id-lookup.bin
TEST(FuzzRegression, EmptyIdsAreLookedUpWithoutTouchingTheirText) {
  const std::vector<std::string_view> keys = {"a", "b"};
  detail::IdMap map(keys, keys.size());
  map.insert(0);
  map.insert(1);
  EXPECT_EQ(map.find(std::string_view{}), detail::IdMap::none);
  std::vector<std::uint32_t> found;
  map.find_all({std::string_view{}, "b", std::string_view{}}, found);
  EXPECT_EQ(found, (std::vector<std::uint32_t>{detail::IdMap::none, 1, detail::IdMap::none}));
  const Org org = testing::org_from_csv({{"people", "id,manager_id\na,\nb,a\n"}});
  EXPECT_EQ(org.hierarchy().manager[1], 0u);
}

// Found by fuzz_json once duplicate keys named their line: a repeated empty key at the top level
// had an empty JSON pointer as its field. The pointer to the key "" is "/".
// tests/data/fuzz-regressions/fuzz_json/duplicate-empty-key.json
TEST(FuzzRegression, DuplicateEmptyKeyIsNamed) {
  const auto problems = problems_reading(data / "fuzz-regressions" / "fuzz_json" / "duplicate-empty-key.json");
  const auto p = only(problems, "duplicate_key");
  EXPECT_EQ(p.record, 2);
  EXPECT_EQ(p.field, "/");
}

}  // namespace
}  // namespace teamgraph
