#pragma once
// Raw input tables, before validation: what a CSV file, a JSON array of records or a pandas
// DataFrame holds, as columns of text or numbers. The OrgBuilder turns tables into an Org;
// this is the one door every input format goes through, so every format is validated alike.

#include <cstdint>
#include <list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "teamgraph/errors.hpp"

namespace teamgraph {

// A column of a raw table. Text cells are views into the owning Table's storage; an empty cell
// is a missing value. A numeric column (from a DataFrame's float/int column) holds doubles,
// NaN meaning missing.
struct TableColumn {
  std::string name;
  bool numeric = false;
  std::vector<std::string_view> text;  // when !numeric
  std::vector<double> numbers;         // when numeric
  // A column still in Apache Arrow's layout, held by someone else: a batch's input straight
  // from pandas, whose rows are cut into cells (or copied) one team at a time. Text: cell i is
  // bytes[offsets[i], offsets[i + 1]), missing where !valid[i]; numbers: values[i]. Only view(),
  // select(), cell() and number() read it; `text` and `numbers` are then empty.
  struct Arrow {
    const std::int64_t* offsets = nullptr;
    const char* bytes = nullptr;
    const bool* valid = nullptr;
    const double* values = nullptr;
  } arrow;
  bool is_arrow() const noexcept { return arrow.offsets != nullptr || arrow.values != nullptr; }
  double number(std::size_t row) const noexcept {
    return arrow.values ? arrow.values[row] : numbers[row];
  }
  std::string_view cell(std::size_t row) const noexcept {
    if (!arrow.offsets) return text[row];
    return arrow.valid[row] ? std::string_view(arrow.bytes + arrow.offsets[row],
                                               static_cast<std::size_t>(arrow.offsets[row + 1] - arrow.offsets[row]))
                            : std::string_view();
  }
};

class Table {
 public:
  // `source` names the table in problems: "people.csv", "org.json#/people".
  explicit Table(std::string source = {});
  Table(Table&&) noexcept = default;
  Table& operator=(Table&&) noexcept = default;
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;

  const std::string& source() const noexcept { return source_; }
  std::size_t rows() const noexcept { return rows_; }
  const std::vector<TableColumn>& columns() const noexcept { return columns_; }
  // Index of the column with this name, or -1.
  int column_index(std::string_view name) const noexcept;
  // The record number (CSV line, JSON position) of a row, for problems; 1, 2, ... for a table
  // built with set_row_count.
  std::int64_t record(std::size_t row) const noexcept {
    return records_.empty() ? first_record_ + static_cast<std::int64_t>(row) : records_[row];
  }
  // Every row's record number.
  std::vector<std::int64_t> records() const;

  // A table of some of the rows (in the given order), records kept; `skip_column` (if >= 0) is
  // left out. The cells are copied: the new table owns its text.
  Table select(const std::vector<std::size_t>& rows, int skip_column = -1) const;
  // The same without copying text: the new table's cells view this table's storage, so it is
  // valid only while this table lives (batch scoring, where the batch outlives every team).
  Table view(std::span<const std::uint32_t> rows, int skip_column = -1) const;

  // Building. Columns must all end up with rows() cells; add_text_column copies its strings
  // into the table's own storage.
  void set_records(std::vector<std::int64_t> records) {
    rows_ = records.size();
    records_ = std::move(records);
  }
  void set_row_count(std::size_t rows, std::int64_t first_record = 1) {  // records first..first + rows - 1, kept as a rule rather than an array
    rows_ = rows;
    records_.clear();
    first_record_ = first_record;
  }
  void reserve_columns(std::size_t columns) { columns_.reserve(columns); }
  TableColumn& add_text_column(std::string name, const std::vector<std::string_view>& cells);
  // Adds a column whose views already point into this table's storage (see adopt()).
  TableColumn& add_owned_text_column(std::string name, std::vector<std::string_view> cells);
  TableColumn& add_numeric_column(std::string name, std::vector<double> values);
  // A text column in Arrow's layout whose buffers outlive this table and every view of it; the
  // offsets must rise and stay within the bytes (the caller checks). Tables with such columns
  // are for view() (batch scoring): an OrgBuilder takes only tables whose cells are cut.
  TableColumn& add_arrow_text_column(std::string name, TableColumn::Arrow arrow);
  // The same for numbers: `values` (rows() of them) outlive this table and every view of it.
  TableColumn& add_arrow_numeric_column(std::string name, const double* values);
  bool has_arrow_columns() const noexcept;
  // Keeps `buffer` alive for views into it and returns it (the CSV reader parses in place).
  std::string& adopt(std::string buffer);
  std::string_view store(std::string_view text);  // copies into owned storage
  // A table whose file could not be read at all (a problem about the whole file was reported):
  // its missing columns are that problem's consequence, not problems of their own.
  void set_unreadable() noexcept { unreadable_ = true; }
  bool unreadable() const noexcept { return unreadable_; }

 private:
  bool unreadable_ = false;
  std::string source_;
  std::vector<TableColumn> columns_;
  std::size_t rows_ = 0;
  std::vector<std::int64_t> records_;  // empty: records first_record_, first_record_ + 1, ...
  std::int64_t first_record_ = 1;
  std::list<std::string> storage_;  // a list: growing it never moves the strings already held, and an empty one allocates nothing
};

// Reads one CSV file (UTF-8, RFC 4180, header row). Problems (encoding, quoting, ragged rows,
// headers) are appended to `problems`; the returned table holds every well-formed record.
// `display_name` is used in problems instead of the full path.
Table read_csv_table(const std::string& path, const std::string& display_name,
                     std::vector<Problem>& problems);
// Same, from text already in memory.
Table parse_csv_table(std::string text, const std::string& display_name,
                      std::vector<Problem>& problems);

}  // namespace teamgraph
