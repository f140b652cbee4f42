// Problem messages: every key the sources use has its English template, and the templates are
// filled in as the Python catalog fills in the same entries.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "teamgraph/errors.hpp"
#include "teamgraph/read_org.hpp"

namespace fs = std::filesystem;
using namespace teamgraph;

namespace {

// The "problem.<code>[.<variant>]" literals of the sources that make problems: the core's, the
// bindings' and the Python package's (its DataFrame checks).
std::set<std::string> keys_used() {
  const fs::path root = TEAMGRAPH_SOURCE_DIR;
  const std::regex literal("\"(problem\\.[a-z0-9_]+(\\.[a-z0-9_]+)?)\"");
  std::set<std::string> keys;
  for (const auto* folder : {"src", "include", "python/bindings", "python/teamgraph"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
      const auto ext = entry.path().extension();
      if (ext != ".cpp" && ext != ".hpp" && ext != ".py") continue;
      if (entry.path().filename() == "problem_messages.cpp") continue;  // the templates themselves
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      const std::string s = text.str();
      for (std::sregex_iterator it(s.begin(), s.end(), literal), end; it != end; ++it) keys.insert((*it)[1]);
    }
  }
  return keys;
}

bool has_template(const std::string& key) {
  for (const auto& t : problem_templates())
    if (t.key == key) return true;
  return false;
}

}  // namespace

TEST(ProblemMessages, EveryKeyUsedHasATemplate) {
  const auto keys = keys_used();
  // A scan that finds nothing checks nothing: keys of the readers, the builder and the Python layer.
  for (const char* key : {"problem.ragged_row", "problem.unknown_id.manager", "problem.bad_value.team_json",
                          "problem.id_as_float.column", "problem.left_out.under"})
    EXPECT_TRUE(keys.count(key)) << key;
  for (const auto& key : keys) EXPECT_TRUE(has_template(key)) << key << " has no template in src/problem_messages.cpp";
}

TEST(ProblemMessages, EveryTemplateIsUsed) {
  const auto keys = keys_used();
  // Keys made at run time from a choice of literals are literals too; a key no source names is
  // a message left behind.
  for (const auto& t : problem_templates()) EXPECT_TRUE(keys.count(std::string(t.key))) << t.key << " is not used";
}

TEST(ProblemMessages, FillsInValuesListsPluralsAndBraces) {
  EXPECT_EQ(problem_message("problem.unknown_id", {{"id", "p9"}}), "no person has the id 'p9' in people");
  EXPECT_EQ(problem_message("problem.duplicate_column", {{"count", "3"}, {"columns", list_arg({"1", "4", "7"})}}),
            "the column appears 3 times (columns 1, 4 and 7)");
  EXPECT_EQ(problem_message("problem.missing_column", {{"column", "id"}, {"found", list_arg({"name", "role"})}}),
            "the table needs a column 'id'; found 'name', 'role'");
  EXPECT_EQ(problem_message("problem.left_out.under", {{"count", "1"}}), "1 person under them left out with them");
  EXPECT_EQ(problem_message("problem.left_out.under", {{"count", "4"}}), "4 people under them left out with them");
  EXPECT_EQ(problem_message("problem.bad_value.scales", {}), "expected an object like {\"competencies.score\": [1, 5]}");
  EXPECT_EQ(problem_message("problem.no_such_message", {}), "problem.no_such_message");
}

TEST(ProblemMessages, ListsRowsOfAFile) {
  // {rows:rows}: each item "record<U+001E>id[<U+001E>detail]", at most ten named.
  const auto row = [](int k) { return std::to_string(k) + "\x1e" + "p" + std::to_string(k); };
  const std::string candidates = list_arg({row(9) + "\x1e" + "Sales", row(10) + "\x1e"});
  const ProblemArgs args = {
      {"manager", "Ann"}, {"count", "2"}, {"candidates", candidates}, {"rows", list_arg({row(3)})}};
  EXPECT_EQ(problem_message("problem.ambiguous_manager", args),
            "Ann: 2 rows have this name (row 9 (p9), Sales and row 10 (p10)); it is the manager of row 3 (p3): say "
            "which wins with prefer = { role = \"...\" } in [people] manager");
  std::vector<std::string> many;
  for (int k = 1; k <= 12; ++k) many.push_back(row(k));
  const std::string text = problem_message(
      "problem.missing_manager", {{"manager", "Bo"}, {"count", "12"}, {"rows", list_arg(many)}, {"total", "12"}});
  EXPECT_NE(text.find("(row 1 (p1), row 2 (p2), "), std::string::npos) << text;
  EXPECT_NE(text.find(", row 10 (p10) and 2 more; "), std::string::npos) << text;
}

TEST(ProblemMessages, TheCodeIsTheKeysSecondPart) {
  const Problem p = make_problem("problem.bad_number.percent", {{"value", "85%"}}, "people.csv", 4, "e07", "assessment");
  EXPECT_EQ(p.code, "bad_number");
  EXPECT_EQ(p.key, "problem.bad_number.percent");
  EXPECT_EQ(p.message, "'85%' is not a number: write percentages as plain numbers and declare the scale in team.json");
  EXPECT_EQ(p.to_string(),
            "people.csv:4: person 'e07', field 'assessment', bad_number: '85%' is not a number: write percentages as "
            "plain numbers and declare the scale in team.json");
  EXPECT_EQ(make_problem("problem.error", {{"detail", "boom"}}).code, "error");
}

TEST(ProblemMessages, EveryProblemOfABadTeamHasItsKey) {
  try {
    (void)read_org(fs::path(TEAMGRAPH_TEST_DATA) / "bad-team");
    FAIL() << "bad-team was accepted";
  } catch (const OrgDataError& e) {
    ASSERT_FALSE(e.problems().empty());
    for (const auto& p : e.problems()) {
      EXPECT_TRUE(has_template(p.key)) << p.to_string();
      EXPECT_EQ(p.key.substr(0, 8 + p.code.size()), "problem." + p.code) << p.key;
      EXPECT_EQ(problem_message(p.key, p.args), p.message);
    }
  }
}
