#include <gtest/gtest.h>

#include "helpers.hpp"

namespace teamgraph {
namespace {

using testing::only;

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

TEST(CsvReader, AcceptsBomAndHeaderOnlyFiles) {
  std::vector<Problem> problems;
  const Table t = parse("\xEF\xBB\xBFid,name\n", problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(t.rows(), 0u);
  EXPECT_EQ(t.columns()[0].name, "id");
}

TEST(CsvReader, EmptyFileIsAnError) {
  std::vector<Problem> problems;
  parse("", problems);
  EXPECT_EQ(only(problems, "empty_file").record, 0);
}

TEST(CsvReader, ReportsEveryRaggedRow) {
  std::vector<Problem> problems;
  const Table t = parse("id,name\n1,a\n2\n3,c,extra\n4,d\n", problems);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].code, "ragged_row");
  EXPECT_EQ(problems[0].record, 3);
  EXPECT_EQ(problems[0].message, "expected 2 fields as in the header, found 1");
  EXPECT_EQ(problems[1].record, 4);
  EXPECT_EQ(t.rows(), 2u);
}

TEST(CsvReader, UnterminatedQuoteNamesTheRecordWhereItOpens) {
  std::vector<Problem> problems;
  parse("id,name\n1,a\n2,\"open\n3,c\n", problems);
  const auto p = only(problems, "unterminated_quote");
  EXPECT_EQ(p.record, 3);
}

TEST(CsvReader, StrayQuotesAreReportedWithTheirColumn) {
  std::vector<Problem> problems;
  parse("id,name\n1,ab\"c\n2,\"x\"y\n", problems);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].code, "stray_quote");
  EXPECT_EQ(problems[0].field, "name");
  EXPECT_EQ(problems[0].record, 2);
  EXPECT_EQ(problems[1].record, 3);
}

TEST(CsvReader, InvalidUtf8AndControlCharacters) {
  std::vector<Problem> problems;
  const char text[] = "id,name\n1,caf\xE9\n2,a\0b\n";
  parse(std::string(text, sizeof text - 1), problems);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].code, "bad_encoding");
  EXPECT_EQ(problems[0].field, "name");
  EXPECT_EQ(problems[0].record, 2);
  EXPECT_EQ(problems[1].code, "control_character");
  EXPECT_EQ(problems[1].message, "the field contains a control character (U+0000)");
}

TEST(CsvReader, Utf16IsRefusedAsAWhole) {
  std::vector<Problem> problems;
  parse(std::string("\xFF\xFEi\0d\0\n\0", 8), problems);
  EXPECT_EQ(only(problems, "bad_encoding").message, "the file looks like UTF-16; save it as UTF-8");
}

TEST(CsvReader, SemicolonFilesGetAWrongDelimiterError) {
  std::vector<Problem> problems;
  const Table t = parse("id;name\n1;a\n", problems);
  EXPECT_EQ(only(problems, "wrong_delimiter").record, 0);
  EXPECT_TRUE(t.columns().empty());
}

TEST(CsvReader, DuplicateAndEmptyHeaders) {
  std::vector<Problem> problems;
  parse("id,name,,name\n1,a,b,c\n", problems);
  EXPECT_EQ(only(problems, "duplicate_column").field, "name");
  EXPECT_EQ(only(problems, "empty_header").field, "#3");
}

}  // namespace
}  // namespace teamgraph

namespace teamgraph {
namespace {

TEST(CsvReaderHostile, HundredMegabyteLineIsRefusedWithAClearError) {
  std::vector<Problem> problems;
  std::string text = "id,name\n1,";
  text.append(100u << 20, 'x');  // 100 MB, no newline
  const Table t = parse_csv_table(std::move(text), "people.csv", problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, "field_too_long");
  EXPECT_EQ(problems[0].record, 2);
  EXPECT_EQ(problems[0].field, "name");
  EXPECT_EQ(t.rows(), 0u);
}

TEST(CsvReaderHostile, QuotedLocaleNumberNamesTheField) {
  const auto p = testing::problems_of({{"people", "id,manager_id,assessment\na,,\"1.000,50\"\n"}});
  const auto bad = testing::only(p, "bad_number");
  EXPECT_EQ(bad.record, 2);
  EXPECT_EQ(bad.field, "assessment");
  EXPECT_EQ(bad.message, "'1.000,50' is not a number: use '.' for decimals and no thousands separators");
}

}  // namespace
}  // namespace teamgraph
