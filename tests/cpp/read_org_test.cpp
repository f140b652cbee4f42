#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "helpers.hpp"
#include "teamgraph/detail/id_map.hpp"
#include "teamgraph/graph.hpp"
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

// A table given as a CSV file (OrgBuilder::add_csv_file) is read when the build needs it: the
// org and its findings are those of the same files read first, strict and lenient.
TEST(ReadOrg, CsvFilesReadWhenNeededGiveTheOrgOfTheirTables) {
  const auto folder = std::filesystem::path(TEAMGRAPH_EXAMPLES) / "ecommerce-team";
  std::ifstream in(folder / "team.json");
  const std::string team_json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto build = [&](bool as_files, bool lenient) {
    OrgBuilder builder;
    std::vector<Problem> problems;
    builder.set_team(parse_team_json(team_json, "team.json", problems));
    for (const auto& name : OrgBuilder::table_names()) {
      const auto file = folder / (name + ".csv");
      if (!std::filesystem::exists(file)) continue;
      if (as_files)
        builder.add_csv_file(name, file.string());
      else
        builder.add_table(name, read_csv_table(file.string(), name + ".csv", problems));
    }
    EXPECT_TRUE(problems.empty());
    builder.set_lenient(lenient);
    return builder.build();
  };
  auto described = [](const Org& org) {
    std::vector<std::string> out;
    const Report report = assess(org);
    for (const auto& s : report.scores) out.push_back(s.name + " " + std::to_string(s.value));
    for (const auto& f : report.findings) {
      std::string line = f.code;
      for (const auto p : f.people) line += " " + std::string(org.id(p));
      out.push_back(line);
    }
    return out;
  };
  for (const bool lenient : {false, true}) {
    const Org files = build(true, lenient), tables = build(false, lenient);
    ASSERT_EQ(files.size(), tables.size());
    EXPECT_EQ(files.tables(), tables.tables());
    EXPECT_EQ(files.tables().size(), 10u);
    EXPECT_EQ(described(files), described(tables));
    EXPECT_GT(described(files).size(), 20u);
  }
}

// The problems of a file read when the build needs it come back with the build's own, every one
// at once; with no people table, every other file is still read for its own problems.
TEST(ReadOrg, ProblemsOfCsvFilesReadWhenNeededComeBackTogether) {
  const auto dir = std::filesystem::temp_directory_path() / "teamgraph-files-when-needed";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "people.csv") << "id,manager_id,tier\nboss,,core\na,boss,chief\n";
  std::ofstream(dir / "competencies.csv") << "person_id,competency,score\nboss,planning,0.5\na,planning\n";
  std::ofstream(dir / "attendance.csv") << "meeting_id,person_id\n\"m1,boss\n";
  std::ofstream(dir / "sharing.csv") << "person_a,person_b,channel\nboss,ghost,online\n";
  auto problems_of = [&](bool with_people) {
    OrgBuilder builder;
    for (const char* name : {"people", "competencies", "attendance", "sharing"})
      if (with_people || std::string(name) != "people")
        builder.add_csv_file(name, (dir / (std::string(name) + ".csv")).string());
    try {
      builder.build();
    } catch (const OrgDataError& e) {
      return e.problems();
    }
    ADD_FAILURE() << "the files were accepted";
    return std::vector<Problem>{};
  };
  const auto all = problems_of(true);
  EXPECT_EQ(all.size(), 5u);
  const auto tier = only(all, "unknown_value");
  EXPECT_EQ(tier.file, "people.csv");
  EXPECT_EQ(tier.person_id, "a");
  const auto ragged = only(all, "ragged_row");
  EXPECT_EQ(ragged.file, "competencies.csv");
  EXPECT_EQ(ragged.record, 3);
  EXPECT_EQ(only(all, "unterminated_quote").file, "attendance.csv");
  EXPECT_EQ(only(all, "missing_table").file, "attendance.csv");  // meetings is not given
  EXPECT_EQ(only(all, "unknown_id").file, "sharing.csv");
  const auto without_people = problems_of(false);
  EXPECT_EQ(without_people.size(), 3u);
  EXPECT_EQ(only(without_people, "missing_table").file, "people.csv");
  EXPECT_EQ(only(without_people, "ragged_row").file, "competencies.csv");
  EXPECT_EQ(only(without_people, "unterminated_quote").file, "attendance.csv");
  std::filesystem::remove_all(dir);
}

// A big org's people table is let go once its people are read, while the other tables are still
// looked up by id (in a copy of the ids): every lookup, and every problem naming an id, is as for
// a small org. A big incentives file, read first beside the people, makes the smaller files' and
// its own lookups come after the people table is let go (under AddressSanitizer, a look into it
// is an error).
TEST(ReadOrg, ABigOrgsOtherTablesAreLookedUpAfterItsPeopleTableIsLetGo) {
  const auto dir = std::filesystem::temp_directory_path() / "teamgraph-big-ids";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  constexpr int people = 70000;  // above the builder's big table (65,536 rows)
  auto write = [&](bool with_problems) {
    std::ofstream out(dir / "people.csv");
    out << "id,manager_id,tier\n";
    for (int i = 0; i < people; ++i)
      out << "person-" << i << "," << (i == 0 ? std::string() : "person-" + std::to_string((i - 1) / 4)) << ","
          << (i < 5 ? "core" : "execution") << "\n";
    if (with_problems) out << "person-17,person-4,execution\n";  // record 70,002, as its first
    std::ofstream c(dir / "competencies.csv");
    c << "person_id,competency,score\n";
    for (int i = 0; i < people; i += 7) c << "person-" << i << ",planning," << (i % 100) / 100.0 << "\n";
    if (with_problems) c << "ghost-9,planning,0.5\n";
    std::ofstream l(dir / "sharing.csv");
    l << "person_a,person_b,channel\n";
    for (int i = 1; i < people; i += 3) l << "person-" << i << ",person-" << i - 1 << ",online\n";
    std::ofstream m(dir / "incentives.csv");
    m << "person_id,kind,amount\n";
    for (int i = 0; i < 6 * people; ++i) m << "person-" << i % people << ",material,1\n";
  };
  write(false);
  const Org org = read_org(dir);
  ASSERT_EQ(org.size(), static_cast<index_t>(people));
  const auto& c = org.competencies();
  ASSERT_EQ(c.names.size(), 1u);
  std::size_t scored = 0, linked = 0;
  for (int i = 0; i < people; ++i) {
    const auto p = org.find("person-" + std::to_string(i));
    ASSERT_TRUE(p.has_value()) << i;
    EXPECT_EQ(org.id(*p), "person-" + std::to_string(i));
    const double score = c.scores(static_cast<Eigen::Index>(*p), 0);
    if (i % 7 == 0) {
      EXPECT_DOUBLE_EQ(score, (i % 100) / 100.0) << i;
      ++scored;
    } else {
      EXPECT_TRUE(std::isnan(score)) << i;
    }
    if (i % 3 == 1) {
      const auto q = org.find("person-" + std::to_string(i - 1));
      const auto targets = neighbours(org.sharing().graph, *p);
      linked += static_cast<std::size_t>(std::count(targets.begin(), targets.end(), *q));
    }
  }
  EXPECT_EQ(scored, static_cast<std::size_t>((people + 6) / 7));
  EXPECT_EQ(linked, static_cast<std::size_t>((people + 1) / 3));
  const auto& given = org.incentives().person;
  ASSERT_EQ(given.size(), static_cast<std::size_t>(6 * people));
  std::vector<int> times(people, 0);
  for (const auto p : given) ++times[p];
  EXPECT_EQ(std::count(times.begin(), times.end(), 6), people);
  write(true);
  const auto problems = problems_reading(dir);
  EXPECT_EQ(problems.size(), 2u);
  const auto duplicate = only(problems, "duplicate_id");
  EXPECT_EQ(duplicate.person_id, "person-17");
  EXPECT_EQ(duplicate.record, people + 2);
  const auto unknown = only(problems, "unknown_id");
  EXPECT_EQ(unknown.file, "competencies.csv");
  EXPECT_EQ(unknown.person_id, "ghost-9");
  // Lenient: the two records are left out, the rest is the org above.
  EXPECT_EQ(read_org(dir.string(), /*lenient=*/true).size(), static_cast<index_t>(people));
  std::filesystem::remove_all(dir);
}

// A file is checked when it is read, not only when its folder is listed: a named pipe (or a
// folder) given as a table, or put where a listed file was, is a problem of its own, never a
// read that waits forever for a writer.
TEST(ReadOrg, AFileThatIsNotAFileWhenReadIsAProblem) {
  const auto dir = std::filesystem::temp_directory_path() / "teamgraph-not-a-file-when-read";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "sharing.csv");
  std::ofstream(dir / "people.csv") << "id,manager_id,tier\nboss,,core\n";
  ASSERT_EQ(::mkfifo((dir / "competencies.csv").c_str(), 0600), 0);
  OrgBuilder builder;
  for (const char* name : {"people", "competencies", "sharing"})
    builder.add_csv_file(name, (dir / (std::string(name) + ".csv")).string());
  std::vector<Problem> problems;
  try {
    builder.build();
    ADD_FAILURE() << "the files were accepted";
  } catch (const OrgDataError& e) {
    problems = e.problems();
  }
  EXPECT_EQ(problems.size(), 2u);
  for (const auto& p : problems) {
    EXPECT_EQ(p.code, "not_a_file") << p.to_string();
    EXPECT_EQ(p.key, p.file == "competencies.csv" ? "problem.not_a_file.fifo" : "problem.not_a_file.folder") << p.to_string();
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace teamgraph
