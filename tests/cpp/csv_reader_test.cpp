#include <gtest/gtest.h>

#include <random>

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

// Plain records are cut by a fast path and the others (quotes, CRs, blank lines) by the general
// parser; quoting cells that need no quotes sends their records down the other path, and must
// change nothing: not a cell, not a record's line number. 2,000 records, mixed LF and CRLF, blank
// lines, quoted commas, quotes and newlines, and a last line with no line feed.
TEST(CsvReader, QuotingCellsThatNeedNoQuotesChangesNothing) {
  std::mt19937 random(20261130);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const std::string alphabet = "abcxyz019 -._";
  const std::string specials = ",\"\n";
  std::string minimal = "id,name,note\n", quoted = minimal;
  std::vector<std::vector<std::string>> expected;
  for (int r = 0; r < 2000; ++r) {
    std::vector<std::string> cells(3);
    for (auto& cell : cells) {
      const int length = pick(4) == 0 ? 0 : 1 + pick(12);
      for (int k = 0; k < length; ++k)
        cell += pick(25) == 0 ? specials[static_cast<std::size_t>(pick(3))] : alphabet[static_cast<std::size_t>(pick(13))];
    }
    if (cells[0].empty()) cells[0] = "x";  // a record of one empty cell would be a blank line
    expected.push_back(cells);
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const bool needs = cells[c].find_first_of(specials) != std::string::npos;
      std::string escaped = "\"";
      for (char ch : cells[c]) escaped += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      escaped += '"';
      minimal += (c ? "," : "") + (needs ? escaped : cells[c]);
      quoted += (c ? "," : "") + (needs || pick(3) == 0 ? escaped : cells[c]);
    }
    const std::string end = r == 1999 ? "" : pick(4) == 0 ? "\r\n" : "\n";
    const std::string blank = pick(20) == 0 ? "\n" : "";
    minimal += end + blank;
    quoted += end + blank;
  }
  std::vector<Problem> problems_minimal, problems_quoted;
  const Table a = parse(minimal, problems_minimal), b = parse(quoted, problems_quoted);
  EXPECT_TRUE(problems_minimal.empty());
  EXPECT_TRUE(problems_quoted.empty());
  ASSERT_EQ(a.rows(), expected.size());
  ASSERT_EQ(b.rows(), expected.size());
  for (std::size_t r = 0; r < expected.size(); ++r)
    for (std::size_t c = 0; c < 3; ++c) {
      ASSERT_EQ(a.columns()[c].text[r], expected[r][c]) << "record " << r;
      ASSERT_EQ(b.columns()[c].text[r], expected[r][c]) << "record " << r;
    }
  EXPECT_EQ(a.records(), b.records());
}

// Where a plain record goes wrong, the general parser reports it: ragged rows among plain ones,
// and a last line whose trailing comma makes one field more.
TEST(CsvReader, RaggedRecordsAmongPlainOnesAreReportedOnTheirLines) {
  std::vector<Problem> problems;
  const Table t = parse("id,name\n1,a\n2\n3,c,d\n4,d\n5,", problems);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].code, "ragged_row");
  EXPECT_EQ(problems[0].record, 3);
  EXPECT_EQ(problems[1].record, 4);
  ASSERT_EQ(t.rows(), 3u);
  EXPECT_EQ(t.records(), (std::vector<std::int64_t>{2, 5, 6}));
  EXPECT_EQ(t.columns()[0].text[2], "5");
  EXPECT_EQ(t.columns()[1].text[2], "");
}

TEST(CsvReader, CellsOfEveryLengthReadBackWholeAmongRecordsLeftOut) {
  // A cell's length takes one byte up to 254; from 255 on it is kept apart, by the cell's number,
  // and taken back out with a record that is left out (ragged, here with a long cell in it).
  std::vector<std::string> texts;
  for (const std::size_t n : {0, 1, 254, 255, 256, 300, 70000, 254, 255}) texts.push_back(std::string(n, 'x') + "y");
  std::string csv = "id,text\n";
  for (std::size_t k = 0; k < texts.size(); ++k) {
    csv += std::to_string(k) + "," + texts[k] + "\n";
    if (k == 3) csv += "r," + std::string(400, 'z') + ",extra\n";        // ragged: left out
    if (k == 5) csv += "q,\"" + std::string(500, 'w') + "\"\"\",more\n";  // quoted and ragged
  }
  std::vector<Problem> problems;
  const Table t = parse(csv, problems);
  ASSERT_EQ(problems.size(), 2u);
  ASSERT_EQ(t.rows(), texts.size());
  for (std::size_t k = 0; k < texts.size(); ++k) {
    EXPECT_EQ(t.columns()[0].text[k], std::to_string(k));
    EXPECT_EQ(t.columns()[1].text[k], texts[k]) << k;
  }
}

TEST(TextCells, EveryLayoutReadsTheSameCells) {
  // A CSV column's cells are spans (offset and length into the file's text, 5 bytes a cell);
  // a copy (select) keeps spans into its own buffer; a view (a batch's team) views the source;
  // Arrow's layout reads buffers held elsewhere, a missing cell empty.
  std::vector<Problem> problems;
  const Table t = parse_csv_table("id,name\na,\"Smith, Ann\"\nb,\nc,\"say \"\"hi\"\"\"\n", "people.csv", problems);
  ASSERT_TRUE(problems.empty());
  const std::vector<std::string_view> names{"Smith, Ann", "", "say \"hi\""};
  auto cells = [](const TextCells& c) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < c.size(); ++i) out.push_back(c[i]);
    return out;
  };
  EXPECT_EQ(cells(t.columns()[1].text), names);
  const Table copied = t.select({2, 0, 1});
  EXPECT_EQ(cells(copied.columns()[1].text), (std::vector<std::string_view>{"say \"hi\"", "Smith, Ann", ""}));
  const std::vector<std::uint32_t> rows{1, 2};
  const Table viewed = t.view(rows);
  EXPECT_EQ(cells(viewed.columns()[1].text), (std::vector<std::string_view>{"", "say \"hi\""}));
  EXPECT_EQ(viewed.columns()[1].text[1].data(), t.columns()[1].text[2].data());  // not copied
  const std::vector<std::int64_t> offsets{0, 10, 10, 18};
  const std::string bytes = "Smith, Annsay \"hi\"";
  const bool valid[] = {true, false, true};
  Table arrow("people");
  arrow.set_row_count(3);
  arrow.add_arrow_text_column("name", offsets.data(), bytes.data(), valid);
  EXPECT_TRUE(arrow.has_arrow_columns());
  EXPECT_EQ(cells(arrow.columns()[0].text), names);
  EXPECT_EQ(cells(TextCells(3, offsets.data(), bytes.data(), nullptr)),  // no validity: every cell given
            (std::vector<std::string_view>{"Smith, Ann", "", "say \"hi\""}));
  EXPECT_EQ(TextCells().size(), 0u);
  Spans spans;
  spans.push_back(10, 8);
  spans.push_back(0, 0);
  EXPECT_EQ(TextCells(bytes.data(), std::move(spans))[0], "say \"hi\"");
}

}  // namespace
}  // namespace teamgraph
