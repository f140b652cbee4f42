#pragma once
// Raw input tables, before validation: what a CSV file, a JSON array of records or a pandas
// DataFrame holds, as columns of text or numbers. The OrgBuilder turns tables into an Org;
// this is the one door every input format goes through, so every format is validated alike.

#include <algorithm>
#include <cstdint>
#include <list>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "teamgraph/errors.hpp"

namespace teamgraph {

// Cells of one buffer of under 4 GB (TextCells::span_limit), fewer than 2^32 of them (a CSV of
// under 4 GB has fewer: a cell a delimiter at least), added in order: each its offset (4
// bytes) and length (1 byte; a length of 255 or more is 255 there, and kept apart with its cell's
// number): 5 bytes a cell, where a CSV file's cells are mostly a few bytes long.
class Spans {
 public:
  void reserve(std::size_t cells) {
    offsets_.reserve(cells);
    lengths_.reserve(cells);
  }
  std::size_t size() const noexcept { return offsets_.size(); }
  void push_back(std::size_t offset, std::size_t length) {
    if (length >= long_length) long_.emplace_back(static_cast<std::uint32_t>(offsets_.size()), static_cast<std::uint32_t>(length));
    offsets_.push_back(static_cast<std::uint32_t>(offset));
    lengths_.push_back(static_cast<std::uint8_t>(std::min<std::size_t>(length, long_length)));
  }
  void pop_back() {
    if (lengths_.back() == long_length) long_.pop_back();
    offsets_.pop_back();
    lengths_.pop_back();
  }

 private:
  friend class TextCells;
  static constexpr std::size_t long_length = 255;
  std::vector<std::uint32_t> offsets_;
  std::vector<std::uint8_t> lengths_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> long_;  // (cell, length), by cell
};

// The text cells of a column, in one of three layouts, read alike: cells[i] is cell i's text,
// empty when the cell is empty or missing.
// - views: a string_view a cell, pointing anywhere (a batch's team, cut out of a bigger table);
// - spans: cells of one buffer of under 4 GB (Spans: 5 bytes a cell; a CSV file parsed in place,
//   a column copied into one buffer): a third of the memory of views;
// - arrow: Apache Arrow's layout in buffers held by someone else (a pandas column, read in
//   place): cell i is bytes[offsets[i], offsets[i + 1]), missing where !valid[i].
class TextCells {
 public:
  TextCells() = default;
  explicit TextCells(std::vector<std::string_view> views) noexcept
      : kind_(Kind::views), size_(views.size()), views_(std::move(views)) {}
  // Cells of `base`; every one within a buffer of under span_limit bytes.
  TextCells(const char* base, Spans spans) noexcept
      : kind_(Kind::spans), size_(spans.size()), base_(base), spans_(std::move(spans)) {}
  // Arrow's layout; the buffers outlive these cells, the offsets rise within the bytes; no
  // `valid` (null): every cell is given, as in Arrow without a validity bitmap.
  TextCells(std::size_t rows, const std::int64_t* offsets, const char* bytes, const bool* valid) noexcept
      : kind_(Kind::arrow), size_(rows), base_(bytes), offsets_(offsets), valid_(valid) {}

  // The spans layout fits a buffer of fewer bytes than this.
  static constexpr std::size_t span_limit = std::size_t{1} << 32;

  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  bool is_arrow() const noexcept { return kind_ == Kind::arrow; }
  std::string_view operator[](std::size_t i) const noexcept {
    switch (kind_) {
      case Kind::spans: {
        const std::size_t length = spans_.lengths_[i];
        return std::string_view(base_ + spans_.offsets_[i], length < Spans::long_length ? length : long_length(i));
      }
      case Kind::arrow:
        return !valid_ || valid_[i]
                   ? std::string_view(base_ + offsets_[i], static_cast<std::size_t>(offsets_[i + 1] - offsets_[i]))
                   : std::string_view();
      case Kind::views:
        break;
    }
    return views_[i];
  }
  // Whether every cell satisfies `pred` (a string_view predicate).
  template <typename Pred>
  bool all_of(Pred pred) const {
    for (std::size_t i = 0; i < size_; ++i)
      if (!pred((*this)[i])) return false;
    return true;
  }

 private:
  enum class Kind : std::uint8_t { views, spans, arrow } kind_ = Kind::views;
  std::size_t size_ = 0;
  const char* base_ = nullptr;
  // The length of a long cell of the spans layout, found by its number.
  std::size_t long_length(std::size_t i) const noexcept {
    const auto at = std::lower_bound(spans_.long_.begin(), spans_.long_.end(), std::pair<std::uint32_t, std::uint32_t>(
                                                                                   static_cast<std::uint32_t>(i), 0));
    return at->second;
  }
  std::vector<std::string_view> views_;
  Spans spans_;
  const std::int64_t* offsets_ = nullptr;
  const bool* valid_ = nullptr;
};

// A column of a raw table: text (cells as TextCells; an empty cell is a missing value) or
// numbers (a DataFrame's float or int column: doubles, NaN meaning missing), held in `numbers`
// or, read in place, at `values` (a batch's or a DataFrame's column, held by someone else).
struct TableColumn {
  std::string name;
  bool numeric = false;
  TextCells text;                  // when !numeric
  std::vector<double> numbers;     // when numeric and values is null
  const double* values = nullptr;  // when numeric and read in place: values[row]
  // Whether the column reads buffers held by someone else (Arrow's layout, numbers in place).
  bool is_arrow() const noexcept { return values != nullptr || text.is_arrow(); }
  double number(std::size_t row) const noexcept { return values ? values[row] : numbers[row]; }
  std::string_view cell(std::size_t row) const noexcept { return text[row]; }
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
  // Adds a column whose cells already point into this table's storage (see adopt()), or into
  // another table's that outlives this one (view()).
  TableColumn& add_owned_text_column(std::string name, TextCells cells);
  TableColumn& add_numeric_column(std::string name, std::vector<double> values);
  // A text column in Arrow's layout (offsets[rows() + 1], bytes, valid[rows()]) whose buffers
  // outlive this table, every view of it and an OrgBuilder given it (until build() returns); the
  // offsets must rise and stay within the bytes (the caller checks). Read in place: a DataFrame's
  // text is neither copied nor cut.
  TableColumn& add_arrow_text_column(std::string name, const std::int64_t* offsets, const char* bytes,
                                     const bool* valid);
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
