#include "teamgraph/table.hpp"

#include <numeric>

namespace teamgraph {

Table::Table(std::string source) : source_(std::move(source)) {}

int Table::column_index(std::string_view name) const noexcept {
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i].name == name) return static_cast<int>(i);
  return -1;
}

void Table::set_row_count(std::size_t rows) {
  records_.resize(rows);
  std::iota(records_.begin(), records_.end(), std::int64_t{1});
}

std::string& Table::adopt(std::string buffer) {
  storage_.push_back(std::move(buffer));
  return storage_.back();
}

std::string_view Table::store(std::string_view text) {
  storage_.emplace_back(text);
  return storage_.back();
}

TableColumn& Table::add_text_column(std::string name, const std::vector<std::string_view>& cells) {
  std::size_t total = 0;
  for (auto c : cells) total += c.size();
  std::string buffer;
  buffer.reserve(total);
  for (auto c : cells) buffer.append(c);
  const std::string_view owned = adopt(std::move(buffer));
  TableColumn column{std::move(name), false, {}, {}};
  column.text.reserve(cells.size());
  std::size_t offset = 0;
  for (auto c : cells) {
    column.text.push_back(owned.substr(offset, c.size()));
    offset += c.size();
  }
  columns_.push_back(std::move(column));
  return columns_.back();
}

TableColumn& Table::add_owned_text_column(std::string name, std::vector<std::string_view> cells) {
  columns_.push_back(TableColumn{std::move(name), false, std::move(cells), {}});
  return columns_.back();
}

Table Table::select(const std::vector<std::size_t>& rows, int skip_column) const {
  Table t(source_);
  std::vector<std::int64_t> records;
  records.reserve(rows.size());
  for (const auto r : rows) records.push_back(records_[r]);
  t.set_records(std::move(records));
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (static_cast<int>(c) == skip_column) continue;
    const auto& column = columns_[c];
    if (column.numeric) {
      Eigen::VectorXd values(static_cast<Eigen::Index>(rows.size()));
      for (std::size_t i = 0; i < rows.size(); ++i)
        values[static_cast<Eigen::Index>(i)] = column.numbers[static_cast<Eigen::Index>(rows[i])];
      t.add_numeric_column(column.name, std::move(values));
    } else {
      std::vector<std::string_view> cells;
      cells.reserve(rows.size());
      for (const auto r : rows) cells.push_back(column.text[r]);
      t.add_text_column(column.name, cells);
    }
  }
  return t;
}

TableColumn& Table::add_numeric_column(std::string name, Eigen::VectorXd values) {
  columns_.push_back(TableColumn{std::move(name), true, {}, std::move(values)});
  return columns_.back();
}

}  // namespace teamgraph
