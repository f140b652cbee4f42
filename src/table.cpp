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

TableColumn& Table::add_numeric_column(std::string name, Eigen::VectorXd values) {
  columns_.push_back(TableColumn{std::move(name), true, {}, std::move(values)});
  return columns_.back();
}

}  // namespace teamgraph
