// CSV reading: RFC 4180 with a header row, UTF-8, parsed in place in one pass.
//
// Every malformed record is reported (with its starting line and the column) and left out of
// the table; the builder then refuses to build the org, so nothing is silently dropped.

#include <algorithm>
#include <cstring>
#include <fstream>
#include <numeric>
#include <sstream>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include "teamgraph/cancel.hpp"
#include "teamgraph/detail/files.hpp"
#include "teamgraph/detail/text.hpp"
#include "teamgraph/table.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace teamgraph {
namespace {

constexpr std::size_t max_field_bytes = std::size_t{1} << 20;  // 1 MiB: no real HR field is longer
// A table of the input format has at most a dozen columns plus the team's own: a header of more
// is a clear problem, not 200,000 columns carried into every output (docs/input-format.md).
constexpr std::size_t max_columns = 4096;

struct Cell {
  std::size_t offset;
  std::size_t length;
};

// The bytes that end or complicate an unquoted field.
bool special(char c) { return c == ',' || c == '\n' || c == '\r' || c == '"'; }

// The position of the first special byte at or after `p`, or `n`: sixteen bytes a step.
std::size_t next_special(const char* d, std::size_t p, std::size_t n) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'), quote = _mm_set1_epi8('"');
  for (; p + 16 <= n; p += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + p));
    const __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)),
                                      _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, quote)));
    if (const int bits = _mm_movemask_epi8(hits)) return p + static_cast<std::size_t>(__builtin_ctz(bits));
  }
#endif
  for (; p < n; ++p)
    if (special(d[p])) return p;
  return n;
}

class CsvParser {
 public:
  // `check_cells`: check every cell's text (UTF-8, control characters); false when the whole
  // buffer was checked at once and found clean.
  CsvParser(std::string& data, std::size_t start, const std::string& file, std::vector<Problem>& problems,
            bool check_cells)
      : data_(data), pos_(start), file_(file), problems_(problems), check_cells_(check_cells) {}

  enum class End { record, blank, fatal };

  bool at_end() const { return pos_ >= data_.size(); }
  std::size_t bad_encoding_fields() const { return bad_encoding_fields_; }
  // The header names the fields of later problems; before it is known they are named by
  // position ("#3").
  void set_header(const std::vector<std::string>* header) { header_ = header; }

  // Parses one record, passing each cell to on_cell(index, cell). `fatal`: the rest of the file
  // cannot be read (an unterminated quote), reported. `blank`: an empty line, which carries no
  // data. `bad`: a cell of the record was reported.
  template <typename OnCell>
  End record(OnCell&& on_cell, std::int64_t& record_line, std::size_t& count, bool& bad) {
    const std::size_t n = data_.size();
    record_line = line_;
    count = 0;
    bad = false;
    bool all_blank = true;
    while (true) {
      Cell cell{};
      bool quoted = false;
      if (!parse_field(cell, quoted, bad, record_line, count)) return End::fatal;
      if (quoted || cell.length > 0) all_blank = false;
      on_cell(count++, cell);
      if (pos_ >= n) break;
      const char c = data_[pos_];
      if (c == ',') {
        ++pos_;
        if (pos_ >= n) {  // a trailing comma at the very end: one more empty field
          on_cell(count++, Cell{pos_, 0});
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
    return all_blank && count == 1 ? End::blank : End::record;
  }

  // The common record, read fast: cells without quotes or carriage returns, exactly as many as
  // `cells` has room for, none too long, ended by a line feed; cut into `cells`. Anything else (a
  // quote, a CR, a blank or ragged line, a last line without a line feed, a text not checked as a
  // whole) returns false with nothing read, and record() reads it with all its checks.
  bool plain_record(std::vector<Cell>& cells, std::int64_t& record_line) {
    const std::size_t n = data_.size(), columns = cells.size();
    const char* const d = data_.data();
    std::size_t p = pos_, count = 0;
    if (check_cells_ || p >= n || d[p] == '\n') return false;
    while (true) {
      const std::size_t end = next_special(d, p, n);
      if (end >= n || count == columns || end - p > max_field_bytes) return false;
      const char c = d[end];
      if (c != ',' && c != '\n') return false;
      cells[count++] = Cell{p, end - p};
      p = end + 1;
      if (c == '\n') break;
    }
    if (count != columns) return false;
    record_line = line_++;
    pos_ = p;
    return true;
  }

 private:
  void report(std::string_view key, std::int64_t line, std::size_t index, ProblemArgs args = {}) {
    std::string field = header_ && index < header_->size() ? (*header_)[index] : "#" + std::to_string(index + 1);
    problems_.push_back(make_problem(key, std::move(args), file_, line, {}, std::move(field)));
  }

  bool parse_field(Cell& cell, bool& quoted, bool& bad, std::int64_t record_line, std::size_t index) {
    const std::size_t n = data_.size();
    char* const data = data_.data();
    if (pos_ < n && data[pos_] == '"') {
      quoted = true;
      const std::int64_t open_line = line_;
      std::size_t read = pos_ + 1;
      std::size_t write = pos_;
      cell.offset = write;
      while (true) {
        if (read >= n) {
          report("problem.unterminated_quote", record_line, index, {{"line", std::to_string(open_line)}});
          return false;
        }
        const char c = data[read];
        if (c == '"') {
          if (read + 1 < n && data[read + 1] == '"') {
            data[write++] = '"';
            read += 2;
            continue;
          }
          ++read;
          break;
        }
        if (c == '\n') ++line_;
        data[write++] = c;
        ++read;
      }
      cell.length = write - cell.offset;
      pos_ = read;
      // After the closing quote only a delimiter or the end of the record may follow.
      if (pos_ < n && data[pos_] != ',' && data[pos_] != '\n' && data[pos_] != '\r') {
        report("problem.stray_quote.after_quote", record_line, index);
        bad = true;
        while (pos_ < n && data[pos_] != ',' && data[pos_] != '\n') ++pos_;
      } else if (pos_ + 1 < n && data[pos_] == '\r' && data[pos_ + 1] != '\n') {
        ++pos_;  // a lone CR after a quoted field ends the record like CRLF would not: flag it
        report("problem.control_character.carriage_return_after_quote", record_line, index);
        bad = true;
      }
    } else {
      cell.offset = pos_;
      bool stray = false, lone_cr = false;
      std::size_t p = pos_;
      for (; p < n; ++p) {
        const char c = data[p];
        if (!special(c)) continue;
        if (c == ',' || c == '\n') break;
        if (c == '\r' && (p + 1 >= n || data[p + 1] == '\n')) break;
        if (c == '"') stray = true;
        if (c == '\r') lone_cr = true;
      }
      pos_ = p;
      cell.length = pos_ - cell.offset;
      if (lone_cr) {
        report("problem.control_character.carriage_return", record_line, index);
        bad = true;
      }
      if (stray) {
        report("problem.stray_quote", record_line, index);
        bad = true;
      }
    }
    if (!check_cell(cell, record_line, index)) bad = true;
    return true;
  }

  bool check_cell(const Cell& cell, std::int64_t record_line, std::size_t index) {
    if (cell.length > max_field_bytes) {
      report("problem.field_too_long", record_line, index,
             {{"bytes", std::to_string(cell.length)}, {"limit", std::to_string(max_field_bytes)}});
      return false;
    }
    if (!check_cells_) return true;
    const std::string_view text(data_.data() + cell.offset, cell.length);
    const auto issue = detail::check_text(text, /*allow_newlines=*/true);
    if (issue.empty()) return true;
    if (issue == "invalid UTF-8") {
      // Only the first is reported: a file in another encoding has one on every line, and
      // parse_csv_table makes them one problem for the file (bad_encoding_fields counts them).
      if (bad_encoding_fields_++ == 0) report("problem.bad_encoding.field", record_line, index);
    } else
      report("problem.control_character.field", record_line, index, {{"character", detail::control_code(issue)}});
    return false;
  }

  std::string& data_;
  std::size_t pos_;
  std::int64_t line_ = 1;
  const std::string& file_;
  std::vector<Problem>& problems_;
  bool check_cells_;
  const std::vector<std::string>* header_ = nullptr;
  std::size_t bad_encoding_fields_ = 0;
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

namespace {

// `bad_encoding_fields`: how many fields are not UTF-8 (only the first is a problem).
Table parse_records(std::string text, const std::string& display_name, std::vector<Problem>& problems,
                    std::size_t& bad_encoding_fields) {
  Table table(display_name);
  auto whole_file = [&](std::string_view key, ProblemArgs args = {}) {
    problems.push_back(make_problem(key, std::move(args), display_name));
    table.set_unreadable();
    return Table(std::move(table));
  };
  if (text.empty()) return whole_file("problem.empty_file");
  if (looks_like_utf16(text)) return whole_file("problem.bad_encoding.utf16");
  std::size_t start = 0;
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;  // UTF-8 BOM
  // Lines that end in a carriage return alone (classic Mac OS): one problem, not a header row
  // whose names hold the whole file.
  if (text.find('\n', start) == std::string::npos && text.find('\r', start) != std::string::npos)
    return whole_file("problem.line_endings");

  std::string& data = table.adopt(std::move(text));
  // Cells are split at ASCII bytes, so if the whole text is valid UTF-8 without control
  // characters, so is every cell: one fast pass instead of one check per cell.
  const bool check_cells = !detail::check_text(std::string_view(data).substr(start), /*allow_newlines=*/true).empty();
  const std::size_t problems_before = problems.size();
  CsvParser parser(data, start, display_name, problems, check_cells);
  struct Count {  // on every return below
    const CsvParser& parser;
    std::size_t& fields;
    ~Count() { fields = parser.bad_encoding_fields(); }
  } count_bad{parser, bad_encoding_fields};

  // The header: the first record that is not blank.
  std::vector<Cell> header_cells;
  std::int64_t header_line = 0, line = 0;
  std::size_t count = 0;
  bool bad = false;
  auto end = CsvParser::End::blank;
  while (end == CsvParser::End::blank && !parser.at_end()) {
    header_cells.clear();
    end = parser.record([&](std::size_t, const Cell& cell) { header_cells.push_back(cell); }, header_line, count, bad);
  }
  if (end != CsvParser::End::record) {
    if (problems.size() == problems_before) return whole_file("problem.empty_file.no_header");
    return table;
  }
  if (header_cells.size() > max_columns)
    return whole_file("problem.too_many_columns",
                      {{"count", std::to_string(header_cells.size())}, {"limit", std::to_string(max_columns)}});
  std::vector<std::string> header;
  for (const auto& cell : header_cells) header.emplace_back(data.data() + cell.offset, cell.length);

  if (header.size() == 1 && (header[0].find(';') != std::string::npos || header[0].find('\t') != std::string::npos)) {
    const char delimiter = header[0].find(';') != std::string::npos ? ';' : '\t';
    return whole_file("problem.wrong_delimiter", {{"delimiter", delimiter == ';' ? ";" : "\\t"}});
  }
  bool header_ok = true;
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (header[c].empty()) {
      problems.push_back(make_problem("problem.empty_header", {{"column", std::to_string(c + 1)}}, display_name,
                                      header_line, {}, "#" + std::to_string(c + 1)));
      header_ok = false;
    }
  }
  // Repeated names: one problem a name, found by sorting (a header of 200,000 columns, or 3,000
  // all called the same, costs n log n, not a comparison of every pair or a problem per pair).
  std::vector<std::size_t> by_name(header.size());
  std::iota(by_name.begin(), by_name.end(), std::size_t{0});
  std::stable_sort(by_name.begin(), by_name.end(), [&](std::size_t a, std::size_t b) { return header[a] < header[b]; });
  std::vector<std::pair<std::size_t, std::size_t>> repeated;  // [begin, end) of by_name, one a name
  for (std::size_t i = 0; i < by_name.size();) {
    std::size_t j = i + 1;
    while (j < by_name.size() && header[by_name[j]] == header[by_name[i]]) ++j;
    if (j - i > 1 && !header[by_name[i]].empty()) repeated.emplace_back(i, j);
    i = j;
  }
  std::sort(repeated.begin(), repeated.end(), [&](const auto& a, const auto& b) { return by_name[a.first] < by_name[b.first]; });
  for (const auto& [begin, end] : repeated) {
    const std::size_t times = end - begin;
    constexpr std::size_t listed = 10;  // columns named in the message; the count says the rest
    std::vector<std::string> columns;
    for (std::size_t k = begin; k < end && k - begin < listed; ++k) columns.push_back(std::to_string(by_name[k] + 1));
    ProblemArgs args{{"count", std::to_string(times)}, {"columns", list_arg(columns)}};
    if (times > listed) args.emplace_back("more", std::to_string(times - listed));
    problems.push_back(make_problem(times > listed ? "problem.duplicate_column.more"
                                    : times == 2   ? "problem.duplicate_column.twice"
                                                   : "problem.duplicate_column",
                                    std::move(args), display_name, header_line, {}, header[by_name[begin]]));
    header_ok = false;
  }
  if (!header_ok) return table;

  // Data records, straight into columns; a record that is ragged or has a bad cell is taken out
  // again (its problems are reported).
  parser.set_header(&header);
  const std::size_t columns = header.size();
  // Room for every record: no more than there are lines, nor than records of a byte a field could
  // fill, so that a file of blank lines under a wide header reserves little.
  const std::size_t lines = static_cast<std::size_t>(std::count(data.begin(), data.end(), '\n')) + 1;
  const std::size_t capacity = std::min(lines, data.size() / std::max<std::size_t>(columns, 1) + 1);
  // Each cell as its offset and length in the text (5 bytes: Spans), or, in a file of 4 GB or
  // more, as a view (16).
  const bool spans = data.size() < TextCells::span_limit;
  std::vector<Spans> cells(spans ? columns : 0);
  std::vector<std::vector<std::string_view>> views(spans ? 0 : columns);
  for (auto& column : cells) column.reserve(capacity);
  for (auto& column : views) column.reserve(capacity);
  auto add_cell = [&](std::size_t c, const Cell& cell) {
    if (spans)
      cells[c].push_back(cell.offset, cell.length);
    else
      views[c].emplace_back(data.data() + cell.offset, cell.length);
  };
  // The records' lines, kept as a rule while they follow one another (one record a line, the
  // usual file): an array only from the first record that does not.
  std::vector<std::int64_t> records;
  std::size_t kept = 0;
  std::int64_t first_line = 0;
  auto add_record = [&](std::int64_t at) {
    if (records.empty() && (kept == 0 || at == first_line + static_cast<std::int64_t>(kept))) {
      if (kept++ == 0) first_line = at;
      return;
    }
    if (records.empty()) {
      records.reserve(capacity);
      for (std::size_t k = 0; k < kept; ++k) records.push_back(first_line + static_cast<std::int64_t>(k));
    }
    records.push_back(at);
    ++kept;
  };
  auto keep = [&](std::size_t index, const Cell& cell) {
    if (index < columns) add_cell(index, cell);
  };
  std::vector<Cell> plain(columns);
  while (!parser.at_end()) {
    if ((kept & 0xFFFF) == 0) check_cancelled();
    if (parser.plain_record(plain, line)) {
      for (std::size_t c = 0; c < columns; ++c) add_cell(c, plain[c]);
      add_record(line);
      continue;
    }
    end = parser.record(keep, line, count, bad);
    if (end == CsvParser::End::record && count == columns && !bad) {
      add_record(line);
      continue;
    }
    for (std::size_t c = 0; c < std::min(count, columns); ++c) spans ? cells[c].pop_back() : views[c].pop_back();
    if (end == CsvParser::End::fatal) break;
    if (end == CsvParser::End::record && count != columns)
      problems.push_back(make_problem("problem.ragged_row",
                                      {{"expected", std::to_string(columns)}, {"found", std::to_string(count)}},
                                      display_name, line));
  }
  if (records.empty())
    table.set_row_count(kept, first_line);
  else
    table.set_records(std::move(records));
  for (std::size_t c = 0; c < columns; ++c)
    table.add_owned_text_column(header[c], spans ? TextCells(data.data(), std::move(cells[c])) : TextCells(std::move(views[c])));
  return table;
}

}  // namespace

// A file in another encoding (GBK, Windows-1252) has a bad field on every line with non-ASCII
// text: one problem for the file, not one a field, and no table (what was read of it would only
// give problems that are its consequences). A single bad field stays a problem of its record.
Table parse_csv_table(std::string text, const std::string& display_name, std::vector<Problem>& problems) {
  const std::size_t before = problems.size();
  std::size_t fields = 0;
  Table table = parse_records(std::move(text), display_name, problems, fields);
  if (fields < 2) return table;
  const auto first = std::find_if(problems.begin() + static_cast<std::ptrdiff_t>(before), problems.end(),
                                  [](const Problem& p) { return p.key == "problem.bad_encoding.field"; });
  const std::int64_t line = first == problems.end() ? 0 : first->record;
  if (first != problems.end()) problems.erase(first);
  problems.push_back(make_problem("problem.bad_encoding.file",
                                  {{"count", std::to_string(fields)}, {"line", std::to_string(line)}}, display_name));
  Table none(display_name);
  none.set_unreadable();
  return none;
}

Table read_csv_table(const std::string& path, const std::string& display_name, std::vector<Problem>& problems) {
  std::string text;
#if defined(__unix__) || defined(__APPLE__)
  // Opened without waiting (a named pipe with no writer would hold the open forever) and checked
  // once open: what the path names when it is read must be a regular file, whatever it was when
  // it was listed (read_org lists a folder's files well before the build reads them).
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    problems.push_back(make_problem("problem.unreadable_file.open", {{"reason", std::strerror(errno)}}, display_name));
    return Table(display_name);
  }
  struct ::stat status {};
  const bool stated = ::fstat(fd, &status) == 0;
  if (!stated || !S_ISREG(status.st_mode)) {
    ::close(fd);
    // What the file opened is, named as read_org names a path.
    namespace fs = std::filesystem;
    const auto type = !stated                                         ? fs::file_type::unknown
                      : S_ISDIR(status.st_mode)                       ? fs::file_type::directory
                      : S_ISFIFO(status.st_mode)                      ? fs::file_type::fifo
                      : S_ISSOCK(status.st_mode)                      ? fs::file_type::socket
                      : S_ISBLK(status.st_mode)                       ? fs::file_type::block
                      : S_ISCHR(status.st_mode)                       ? fs::file_type::character
                                                                      : fs::file_type::unknown;
    const fs::file_status kind(type);
    problems.push_back(make_problem(detail::not_a_file(kind), {}, display_name));
    Table none(display_name);
    none.set_unreadable();
    return none;
  }
  // Its size as opened, then whatever more is there (a file that grows while read is read whole).
  const auto read_some = [&](char* into, std::size_t room) {
    ::ssize_t n;
    do n = ::read(fd, into, room);
    while (n < 0 && errno == EINTR);
    return n;
  };
  text.resize(static_cast<std::size_t>(std::max<::off_t>(status.st_size, 0)));
  std::size_t got = 0;
  int error = 0;
  while (got < text.size()) {
    const ::ssize_t n = read_some(text.data() + got, text.size() - got);
    if (n <= 0) {
      error = n < 0 ? errno : 0;
      break;
    }
    got += static_cast<std::size_t>(n);
  }
  if (!error && got == text.size()) {  // as big as when opened: anything more is read too
    char more[1 << 16];
    ::ssize_t n;
    while ((n = read_some(more, sizeof more)) > 0) text.append(more, static_cast<std::size_t>(n));
    if (n < 0) error = errno;
  } else if (!error) {
    text.resize(got);  // it shrank meanwhile
  }
  ::close(fd);
  if (error) {
    problems.push_back(make_problem("problem.unreadable_file.open", {{"reason", std::strerror(error)}}, display_name));
    return Table(display_name);
  }
#else
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems.push_back(make_problem("problem.unreadable_file.open", {{"reason", std::strerror(errno)}}, display_name));
    return Table(display_name);
  }
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) {
    text.resize(static_cast<std::size_t>(size));
    in.read(text.data(), size);
  }
#endif
  return parse_csv_table(std::move(text), display_name, problems);
}

}  // namespace teamgraph
