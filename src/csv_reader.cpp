// CSV reading: RFC 4180 with a header row, UTF-8, parsed in place in one pass.
//
// Every malformed record is reported (with its starting line and the column) and left out of
// the table; the builder then refuses to build the org, so nothing is silently dropped.

#include <cstring>
#include <fstream>
#include <sstream>

#include "teamgraph/cancel.hpp"
#include "teamgraph/detail/text.hpp"
#include "teamgraph/table.hpp"

namespace teamgraph {
namespace {

constexpr std::size_t max_field_bytes = std::size_t{1} << 20;  // 1 MiB: no real HR field is longer

struct Cell {
  std::size_t offset;
  std::size_t length;
};

class CsvParser {
 public:
  CsvParser(std::string& data, std::size_t start, const std::string& file, std::vector<Problem>& problems)
      : data_(data), pos_(start), file_(file), problems_(problems) {}

  // Parses every record; returns false if the rest of the file could not be read (an
  // unterminated quote), after reporting it.
  bool parse(std::vector<std::vector<Cell>>& rows, std::vector<std::int64_t>& lines,
             std::vector<bool>& bad_rows) {
    const std::size_t n = data_.size();
    while (pos_ < n) {
      if ((rows.size() & 0xFFFF) == 0) check_cancelled();
      std::vector<Cell> row;
      bool bad = false;
      const std::int64_t record_line = line_;
      bool all_blank = true;
      while (true) {
        Cell cell{};
        bool quoted = false;
        if (!parse_field(cell, quoted, bad, record_line, row.size())) return false;
        if (quoted || cell.length > 0) all_blank = false;
        row.push_back(cell);
        if (pos_ >= n) break;
        const char c = data_[pos_];
        if (c == ',') {
          ++pos_;
          if (pos_ >= n) {  // a trailing comma at the very end: one more empty field
            row.push_back(Cell{pos_, 0});
            break;
          }
          continue;
        }
        // end of record
        if (c == '\r') ++pos_;
        if (pos_ < n && data_[pos_] == '\n') ++pos_;
        ++line_;
        break;
      }
      if (all_blank && row.size() == 1) continue;  // blank line: carries no data
      rows.push_back(std::move(row));
      lines.push_back(record_line);
      bad_rows.push_back(bad);
    }
    return true;
  }

 private:
  void report(std::string code, std::int64_t line, std::string message) {
    problems_.push_back(Problem{std::move(code), Severity::error, file_, line, {}, field_name_, std::move(message)});
  }

  // Problems are reported before the header is known: name the field by its position ("#3");
  // parse_csv_table renames it once the header is read.
  void name_field(std::size_t index) { field_name_ = "#" + std::to_string(index + 1); }

  std::string field_name_;

  bool parse_field(Cell& cell, bool& quoted, bool& bad, std::int64_t record_line, std::size_t index) {
    name_field(index);
    const std::size_t n = data_.size();
    if (pos_ < n && data_[pos_] == '"') {
      quoted = true;
      const std::int64_t open_line = line_;
      std::size_t read = pos_ + 1;
      std::size_t write = pos_;
      cell.offset = write;
      while (true) {
        if (read >= n) {
          report("unterminated_quote", record_line,
                 "a quoted field opened on line " + std::to_string(open_line) +
                     " is never closed; the rest of the file cannot be read");
          return false;
        }
        const char c = data_[read];
        if (c == '"') {
          if (read + 1 < n && data_[read + 1] == '"') {
            data_[write++] = '"';
            read += 2;
            continue;
          }
          ++read;
          break;
        }
        if (c == '\n') ++line_;
        data_[write++] = c;
        ++read;
      }
      cell.length = write - cell.offset;
      pos_ = read;
      // After the closing quote only a delimiter or the end of the record may follow.
      if (pos_ < n && data_[pos_] != ',' && data_[pos_] != '\n' && data_[pos_] != '\r') {
        report("stray_quote", record_line,
               "text follows the closing quote of a quoted field; quote the whole field and double "
               "any quote inside it (\"\")");
        bad = true;
        while (pos_ < n && data_[pos_] != ',' && data_[pos_] != '\n') ++pos_;
      } else if (pos_ + 1 < n && data_[pos_] == '\r' && data_[pos_ + 1] != '\n') {
        ++pos_;  // a lone CR after a quoted field ends the record like CRLF would not: flag it
        report("control_character", record_line, "a carriage return without a line feed ends the field");
        bad = true;
      }
    } else {
      cell.offset = pos_;
      bool stray = false;
      while (pos_ < n) {
        const char c = data_[pos_];
        if (c == ',' || c == '\n') break;
        if (c == '\r' && (pos_ + 1 >= n || data_[pos_ + 1] == '\n')) break;
        if (c == '"') stray = true;
        ++pos_;
      }
      cell.length = pos_ - cell.offset;
      if (stray) {
        report("stray_quote", record_line,
               "a quote inside an unquoted field; quote the whole field and double the quote (\"\")");
        bad = true;
      }
    }
    if (!check_cell(cell, record_line)) bad = true;
    return true;
  }

  bool check_cell(const Cell& cell, std::int64_t record_line) {
    if (cell.length > max_field_bytes) {
      report("field_too_long", record_line,
             "the field is " + std::to_string(cell.length) + " bytes long; at most " +
                 std::to_string(max_field_bytes) + " are accepted");
      return false;
    }
    const std::string_view text(data_.data() + cell.offset, cell.length);
    const auto issue = detail::check_text(text, /*allow_newlines=*/true);
    if (issue.empty()) return true;
    report(issue == "invalid UTF-8" ? "bad_encoding" : "control_character", record_line,
           issue == "invalid UTF-8" ? "the field is not valid UTF-8; save the file as UTF-8"
                                    : "the field contains " + issue);
    return false;
  }

  std::string& data_;
  std::size_t pos_;
  std::int64_t line_ = 1;
  const std::string& file_;
  std::vector<Problem>& problems_;
};

bool looks_like_utf16(std::string_view data) {
  if (data.size() >= 2 && ((data[0] == '\xFF' && data[1] == '\xFE') || (data[0] == '\xFE' && data[1] == '\xFF')))
    return true;
  const std::size_t probe = std::min<std::size_t>(data.size(), 1024);
  std::size_t zeros = 0;
  for (std::size_t i = 0; i < probe; ++i) zeros += data[i] == '\0';
  return probe >= 4 && zeros * 4 >= probe;  // UTF-16 text of ASCII is half NUL bytes
}

}  // namespace

Table parse_csv_table(std::string text, const std::string& display_name, std::vector<Problem>& problems) {
  Table table(display_name);
  auto whole_file = [&](std::string code, std::string message) {
    problems.push_back(Problem{std::move(code), Severity::error, display_name, 0, {}, {}, std::move(message)});
    return Table(std::move(table));
  };
  if (text.empty()) return whole_file("empty_file", "the file is empty; a header row is required");
  if (looks_like_utf16(text))
    return whole_file("bad_encoding", "the file looks like UTF-16; save it as UTF-8");
  std::size_t start = 0;
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;  // UTF-8 BOM

  std::string& data = table.adopt(std::move(text));
  const std::size_t problems_before = problems.size();
  CsvParser parser(data, start, display_name, problems);
  std::vector<std::vector<Cell>> rows;
  std::vector<std::int64_t> lines;
  std::vector<bool> bad;

  std::vector<std::string> header;
  parser.parse(rows, lines, bad);  // an unterminated quote is reported; the records before it stay
  if (rows.empty()) {
    if (problems.size() == problems_before)
      return whole_file("empty_file", "the file holds no header row");
    return table;
  }
  for (const auto& cell : rows.front()) header.emplace_back(data.data() + cell.offset, cell.length);

  bool header_ok = true;
  if (header.size() == 1 && (header[0].find(';') != std::string::npos || header[0].find('\t') != std::string::npos)) {
    const char delimiter = header[0].find(';') != std::string::npos ? ';' : '\t';
    return whole_file("wrong_delimiter", std::string("the header is one column holding '") +
                                             (delimiter == ';' ? ";" : "\\t") +
                                             "': the file is not comma-separated; save it as CSV with commas");
  }
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (header[c].empty()) {
      problems.push_back(Problem{"empty_header", Severity::error, display_name, lines.front(), {},
                                 "#" + std::to_string(c + 1), "column " + std::to_string(c + 1) + " has no name"});
      header_ok = false;
    }
    for (std::size_t d = 0; d < c; ++d)
      if (!header[c].empty() && header[c] == header[d]) {
        problems.push_back(Problem{"duplicate_column", Severity::error, display_name, lines.front(), {}, header[c],
                                   "the column appears twice (columns " + std::to_string(d + 1) + " and " +
                                       std::to_string(c + 1) + ")"});
        header_ok = false;
      }
  }
  if (!header_ok) return table;

  // Data records.
  std::vector<std::vector<std::string_view>> cells(header.size());
  std::vector<std::int64_t> records;
  for (auto& column : cells) column.reserve(rows.size() - 1);
  records.reserve(rows.size() - 1);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() != header.size()) {
      problems.push_back(Problem{"ragged_row", Severity::error, display_name, lines[r], {}, {},
                                 "expected " + std::to_string(header.size()) + " fields as in the header, found " +
                                     std::to_string(rows[r].size())});
      continue;
    }
    if (bad[r]) continue;
    for (std::size_t c = 0; c < header.size(); ++c)
      cells[c].emplace_back(data.data() + rows[r][c].offset, rows[r][c].length);
    records.push_back(lines[r]);
  }
  // Field-level problems were reported before the header was known: name their column now.
  for (std::size_t p = problems_before; p < problems.size(); ++p) {
    auto& problem = problems[p];
    if (problem.field.empty() || problem.field[0] != '#') continue;
    const auto index = std::stoul(problem.field.substr(1)) - 1;
    if (index < header.size() && problem.record != lines.front()) problem.field = header[index];
  }
  table.set_records(std::move(records));
  for (std::size_t c = 0; c < header.size(); ++c) table.add_owned_text_column(header[c], std::move(cells[c]));
  return table;
}

Table read_csv_table(const std::string& path, const std::string& display_name, std::vector<Problem>& problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems.push_back(Problem{"unreadable_file", Severity::error, display_name, 0, {}, {},
                               "the file cannot be opened: " + std::string(std::strerror(errno))});
    return Table(display_name);
  }
  std::string text;
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) {
    text.resize(static_cast<std::size_t>(size));
    in.read(text.data(), size);
  }
  return parse_csv_table(std::move(text), display_name, problems);
}

}  // namespace teamgraph
