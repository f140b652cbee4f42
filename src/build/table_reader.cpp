// The text helpers of table_reader.hpp.

#include "table_reader.hpp"

#include <cstdio>

#include "teamgraph/schema.hpp"

namespace teamgraph::build {

std::vector<std::string_view> known_columns(std::string_view table) { return table_schema(table).column_names(); }

std::string format_number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

}  // namespace teamgraph::build
