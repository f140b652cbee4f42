// The input schema as data: every table teamgraph reads, its file, its columns, the kind of each
// column, the labels of enumerations and which columns are required.
//
// One table, many uses: the builder checks its tables' columns and enumerations against it, the
// bindings expose it as `teamgraph.schema()`, `Org.from_frames` types DataFrame columns by it and
// docs/input-format.md's column tables are generated from it (scripts/gen_input_format.py).
#pragma once

#include <string_view>
#include <vector>

namespace teamgraph {

// What a column holds. `id`: the table's own key (text, compared exactly); `person`: the id of a
// person of people.csv; `reference`: the key of a record of another table (a meeting, a goal).
enum class ColumnKind { id, person, reference, text, number, date, enumeration, boolean };

std::string_view to_string(ColumnKind kind);

struct ColumnSchema {
  std::string_view name;
  ColumnKind kind = ColumnKind::text;
  bool required = false;
  std::vector<std::string_view> labels;  // enumerations: the values, in the order of the C++ enum
  std::string_view default_value;        // the value an empty cell stands for ("" when none)
  std::string_view type;                 // how the reference describes the type (not enumerations)
  std::string_view meaning;              // what the column means, for the reference
  bool non_negative = false;             // numbers: negative values are out of range
};

struct TableSchema {
  std::string_view name;  // "people"
  std::string_view file;  // "people.csv"
  bool required = false;
  std::vector<ColumnSchema> columns;

  // The column of that name; throws std::out_of_range when the table has none.
  const ColumnSchema& column(std::string_view column_name) const;
  std::vector<std::string_view> column_names() const;
};

// Every table, in the order of the reference (people first).
const std::vector<TableSchema>& input_schema();

// The table of that name; throws std::out_of_range when there is none.
const TableSchema& table_schema(std::string_view name);

// The labels of an enumeration column (`enum_labels("people", "tier")`).
const std::vector<std::string_view>& enum_labels(std::string_view table, std::string_view column);

}  // namespace teamgraph
