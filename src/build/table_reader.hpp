#pragma once
// Private to the builder (src/build/): reads the cells of one table, checking each against what
// its column holds and reporting every problem with file, record, person and field.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "teamgraph/detail/text.hpp"
#include "teamgraph/detail/values.hpp"
#include "teamgraph/errors.hpp"
#include "teamgraph/org_parts.hpp"
#include "teamgraph/schema.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/table.hpp"

// The builder's own helpers, shared by the files of src/build/ (never installed).
namespace teamgraph::build {

using detail::ParseStatus;

// The columns of a table that teamgraph reads (the others are kept as extra columns).
std::vector<std::string_view> known_columns(std::string_view table);

// A number for messages, every digit it needs (%.17g).
std::string format_number(double v);

// Reads the cells of one table, reporting every problem with file, record, person and field.
class TableReader {
 public:
  // `known`: the table's columns (string literals); the others are kept as extra columns.
  TableReader(const Table& table, std::vector<Problem>& problems, const std::vector<std::string_view>& known)
      : table_(table), problems_(problems), known_(known) {}
  // Where this reader's problems go.
  std::vector<Problem>& problems() const noexcept { return problems_; }

  const Table& table() const { return table_; }
  std::size_t rows() const { return table_.rows(); }
  std::int64_t record(std::size_t row) const { return table_.record(row); }

  // The index of a column, or -1; the column counts as read by name (see schema_columns).
  int column(std::string_view name) const {
    if (std::find(by_name_.begin(), by_name_.end(), name) == by_name_.end()) by_name_.push_back(name);
    return table_.column_index(name);
  }

  // Reports a missing required column; returns its index or -1.
  int require(std::string_view name) {
    const int c = column(name);
    if (c < 0 && !table_.unreadable()) {
      std::vector<std::string> found;
      constexpr std::size_t listed = 10;
      const auto& columns = table_.columns();
      for (std::size_t i = 0; i < columns.size() && i < listed; ++i) found.push_back(columns[i].name);
      if (columns.empty())
        problem("problem.missing_column.no_columns", name, {{"column", std::string(name)}});
      else if (columns.size() > listed)
        problem("problem.missing_column.more", name,
                {{"column", std::string(name)}, {"found", list_arg(found)},
                 {"more", std::to_string(columns.size() - listed)}});
      else
        problem("problem.missing_column", name, {{"column", std::string(name)}, {"found", list_arg(found)}});
    }
    return c;
  }

  // A problem about the whole table (record 0): the message `key` ("problem.<code>[.<variant>]")
  // with `args`.
  void problem(std::string_view key, std::string_view field, ProblemArgs args = {}) {
    problems_.push_back(make_problem(key, std::move(args), table_.source(), 0, {}, std::string(field)));
  }
  void row_problem(std::string_view key, std::size_t row, std::string_view person, std::string_view field,
                   ProblemArgs args = {}) {
    problems_.push_back(
        make_problem(key, std::move(args), table_.source(), record(row), std::string(person), std::string(field)));
  }

  // Text of a cell; "" when the column is absent or the cell is empty.
  std::string_view text(int c, std::size_t row) {
    if (c < 0) return {};
    const auto& col = table_.columns()[static_cast<std::size_t>(c)];
    if (col.numeric) {
      wrong_type(c);
      return {};
    }
    return col.text[row];
  }

  // Most ids are printable ASCII with no space at either end: nothing more to check.
  static bool plain_id(std::string_view value) {
    return !value.empty() && value.front() != ' ' && value.back() != ' ' &&
           std::all_of(value.begin(), value.end(), [](char ch) { return ch >= 0x20 && ch < 0x7F; });
  }

  // An id cell: no surrounding spaces, no control characters.
  std::string_view id(int c, std::size_t row, std::string_view person, bool required) {
    const auto value = text(c, row);
    const auto& name = table_.columns()[static_cast<std::size_t>(c < 0 ? 0 : c)].name;
    if (value.empty()) {
      if (required && c >= 0) row_problem("problem.missing_value.id", row, person, name);
      return {};
    }
    if (plain_id(value)) return value;
    if (detail::trim(value).size() != value.size()) {
      row_problem("problem.id_whitespace", row, value, name, {{"id", std::string(value)}});
      return {};
    }
    if (auto issue = detail::check_text(value, false); !issue.empty()) {
      if (issue == "invalid UTF-8")
        row_problem("problem.bad_encoding.id", row, {}, name);
      else
        row_problem("problem.control_character.id", row, {}, name, {{"character", detail::control_code(issue)}});
      return {};
    }
    return value;
  }

  // id() of every row of column c: the column's own cells when every one is a plain id (the usual
  // case; nothing is copied), else `checked`, filled with id() of each row.
  const TextCells& ids(int c, bool required, TextCells& checked) {
    if (c >= 0 && !table_.columns()[static_cast<std::size_t>(c)].numeric) {
      const auto& cells = table_.columns()[static_cast<std::size_t>(c)].text;
      if (cells.all_of(plain_id)) return cells;
    }
    std::vector<std::string_view> values(rows());
    for (std::size_t r = 0; r < rows(); ++r) values[r] = id(c, r, {}, required);
    checked = TextCells(std::move(values));
    return checked;
  }

  // A number; NaN when empty. Reports unparsable and non-finite values.
  double number(int c, std::size_t row, std::string_view person) {
    if (c < 0) return std::nan("");
    const auto& col = table_.columns()[static_cast<std::size_t>(c)];
    if (col.numeric) {
      const double v = col.number(row);
      if (std::isinf(v)) {
        row_problem("problem.not_finite", row, person, col.name, {{"value", format_number(v)}});
        return std::nan("");
      }
      return v;
    }
    double v = 0;
    switch (detail::parse_number(col.text[row], v)) {
      case ParseStatus::ok: return v;
      case ParseStatus::empty: return std::nan("");
      case ParseStatus::not_finite:
        row_problem("problem.not_finite.text", row, person, col.name, {{"value", std::string(col.text[row])}});
        return std::nan("");
      case ParseStatus::bad:
        row_problem(detail::bad_number_key(col.text[row]), row, person, col.name, {{"value", std::string(col.text[row])}});
        return std::nan("");
    }
    return std::nan("");
  }

  // A number within [low, high] (the declared scale), as read; NaN when empty or not valid.
  double on_scale(int c, std::size_t row, std::string_view person, const Scale& scale) {
    const double v = number(c, row, person);
    if (std::isnan(v)) return v;
    if (v < scale.low || v > scale.high) {
      row_problem("problem.out_of_range.scale", row, person, table_.columns()[static_cast<std::size_t>(c)].name,
                  {{"low", format_number(scale.low)},
                   {"high", format_number(scale.high)},
                   {"scale", scale.field},
                   {"value", format_number(v)}});
      return std::nan("");
    }
    return v;
  }

  double non_negative(int c, std::size_t row, std::string_view person) {
    const double v = number(c, row, person);
    if (v < 0) {
      row_problem("problem.out_of_range.negative", row, person, table_.columns()[static_cast<std::size_t>(c)].name,
                  {{"value", format_number(v)}});
      return std::nan("");
    }
    return v;
  }

  std::int8_t boolean(int c, std::size_t row, std::string_view person) {
    if (c < 0) return -1;
    const auto& col = table_.columns()[static_cast<std::size_t>(c)];
    if (col.numeric) {
      const double v = col.number(row);
      if (std::isnan(v)) return -1;
      if (v == 0 || v == 1) return static_cast<std::int8_t>(v);
      row_problem("problem.bad_boolean.number", row, person, col.name, {{"value", format_number(v)}});
      return -1;
    }
    std::int8_t out = -1;
    switch (detail::parse_bool(col.text[row], out)) {
      case ParseStatus::ok: return out;
      case ParseStatus::empty: return -1;
      default:
        row_problem("problem.bad_boolean", row, person, col.name, {{"value", std::string(col.text[row])}});
        return -1;
    }
  }

  std::int64_t date(int c, std::size_t row, std::string_view person, bool required) {
    if (c < 0) return no_date;
    const auto value = text(c, row);
    std::int64_t out = no_date;
    switch (detail::parse_date(value, out)) {
      case ParseStatus::ok: return out;
      case ParseStatus::empty:
        if (required)
          row_problem("problem.missing_value.date", row, person, table_.columns()[static_cast<std::size_t>(c)].name);
        return no_date;
      default:
        row_problem("problem.bad_date", row, person, table_.columns()[static_cast<std::size_t>(c)].name,
                    {{"value", std::string(value)}});
        return no_date;
    }
  }

  // An enum value from `choices` (case-insensitive); returns the index in choices or -1.
  int choice(int c, std::size_t row, std::string_view person, const std::vector<std::string_view>& choices,
             bool required) {
    const auto value = detail::trim(text(c, row));
    if (value.empty()) {
      if (required && c >= 0)
        row_problem("problem.missing_value.choice", row, person, table_.columns()[static_cast<std::size_t>(c)].name,
                    {{"choices", list(choices)}});
      return -1;
    }
    int index = 0;
    for (const auto choice : choices) {  // as written (the usual case), then in any case
      if (value == choice) return index;
      ++index;
    }
    index = 0;
    for (const auto choice : choices) {
      if (detail::iequals(value, choice)) return index;
      ++index;
    }
    row_problem("problem.unknown_value", row, person, table_.columns()[static_cast<std::size_t>(c)].name,
                {{"choices", list(choices)}, {"value", std::string(value)}});
    return -1;
  }

  // Whether schema_columns and extras would read nothing of the table: every column of its schema
  // was read by name, and it has no column the reader does not know.
  bool read_all_known(std::string_view table) const {
    for (const auto& s : table_schema(table).columns)
      if (std::find(by_name_.begin(), by_name_.end(), s.name) == by_name_.end()) return false;
    for (const auto& col : table_.columns())
      if (std::find(known_.begin(), known_.end(), col.name) == known_.end()) return false;
    return true;
  }

  // Columns another step reads (the people table's ids and managers): not for schema_columns.
  void read_elsewhere(std::initializer_list<std::string_view> names) {
    for (const auto name : names) column(name);
  }

  // The columns of `table`'s schema that were not read by name (column()), read by their kind,
  // rows reordered by `order`; problems name the row's person (the table's first id or person
  // column). Every kind but references to people and records can be read so.
  std::vector<SchemaColumn> schema_columns(std::string_view table, const std::vector<std::size_t>& order) {
    const TableSchema& schema = table_schema(table);
    int c_person = -1;
    for (const auto& s : schema.columns)
      if (c_person < 0 && (s.kind == ColumnKind::id || s.kind == ColumnKind::person)) c_person = column(s.name);
    std::vector<SchemaColumn> out;
    for (const auto& s : schema.columns) {
      if (std::find(by_name_.begin(), by_name_.end(), s.name) != by_name_.end()) continue;
      const int c = table_.column_index(s.name);
      SchemaColumn col{std::string(s.name), s.kind, c >= 0, {}, {}, {}, {}};
      const std::size_t m = order.size();
      switch (s.kind) {
        case ColumnKind::number: col.numbers.resize(static_cast<Eigen::Index>(m)); break;
        case ColumnKind::boolean:
        case ColumnKind::enumeration: col.codes.resize(m); break;
        case ColumnKind::date: col.dates.resize(m); break;
        case ColumnKind::text:
        case ColumnKind::id: break;
        case ColumnKind::person:
        case ColumnKind::reference:
          throw std::logic_error("the builder reads no " + std::string(to_string(s.kind)) + " column by its kind: " +
                                 std::string(table) + "." + std::string(s.name) + " needs code of its own");
      }
      for (std::size_t i = 0; i < m; ++i) {
        const std::size_t r = order[i];
        const std::string_view person = c_person >= 0 ? text(c_person, r) : std::string_view();
        switch (s.kind) {
          case ColumnKind::number:
            col.numbers[static_cast<Eigen::Index>(i)] = s.non_negative ? non_negative(c, r, person) : number(c, r, person);
            break;
          case ColumnKind::boolean: col.codes[i] = boolean(c, r, person); break;
          case ColumnKind::enumeration: {
            int code = choice(c, r, person, s.labels, s.required);
            if (code < 0 && !s.default_value.empty() && detail::trim(text(c, r)).empty())
              code = static_cast<int>(std::find(s.labels.begin(), s.labels.end(), s.default_value) - s.labels.begin());
            col.codes[i] = static_cast<std::int8_t>(code);
            break;
          }
          case ColumnKind::date: col.dates[i] = date(c, r, person, s.required); break;
          default: col.texts.push_back(text(c, r));
        }
      }
      out.push_back(std::move(col));
    }
    return out;
  }

  // The columns this table does not know, as text, rows reordered by `order`.
  std::vector<ExtraColumn> extras(const std::vector<std::size_t>& order) const {
    std::vector<ExtraColumn> out;
    for (const auto& col : table_.columns()) {
      if (std::find(known_.begin(), known_.end(), col.name) != known_.end()) continue;
      ExtraColumn extra{col.name, {}};
      for (auto row : order) {
        if (!col.numeric) {
          extra.values.push_back(col.text[row]);
        } else {
          const double v = col.number(row);
          extra.values.push_back(std::isnan(v) ? std::string() : format_number(v));
        }
      }
      out.push_back(std::move(extra));
    }
    return out;
  }

 private:
  // A column of numbers where text is expected (the only kind of wrong_type the reader finds).
  void wrong_type(int c) {
    const auto& name = table_.columns()[static_cast<std::size_t>(c)].name;
    if (std::find(reported_types_.begin(), reported_types_.end(), name) != reported_types_.end()) return;
    reported_types_.push_back(name);
    problems_.push_back(make_problem("problem.wrong_type.text", {}, table_.source(), 0, {}, name));
  }

  static std::string list(const std::vector<std::string_view>& choices) {
    return list_arg(std::vector<std::string>(choices.begin(), choices.end()));
  }

  const Table& table_;
  std::vector<Problem>& problems_;
  std::vector<std::string_view> known_;
  std::vector<std::string> reported_types_;
  mutable std::vector<std::string_view> by_name_;  // the columns asked for by name (schema literals)
};

}  // namespace teamgraph::build
