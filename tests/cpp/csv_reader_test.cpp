#include <gtest/gtest.h>

#include "helpers.hpp"

namespace teamgraph {
namespace {

Table parse(std::string text, std::vector<Problem>& problems) {
  return parse_csv_table(std::move(text), "people.csv", problems);
}

TEST(CsvReader, ReadsQuotedFieldsAndKeepsLineNumbers) {
  std::vector<Problem> problems;
  const Table t = parse("id,name\r\n1,\"Smith, Ann\"\r\n2,\"say \"\"hi\"\"\nand more\"\n3,Bo\n", problems);
  ASSERT_TRUE(problems.empty());
  ASSERT_EQ(t.rows(), 3u);
  EXPECT_EQ(t.columns()[1].text[0], "Smith, Ann");
  EXPECT_EQ(t.columns()[1].text[1], "say \"hi\"\nand more");
  EXPECT_EQ(t.columns()[0].text[2], "3");
  // Record 3 starts on line 3 and spans two lines, so the next record is on line 5.
  EXPECT_EQ(t.records(), (std::vector<std::int64_t>{2, 3, 5}));
}

}  // namespace
}  // namespace teamgraph
