#include "teamgraph/table.hpp"

#include <boost/sort/spreadsort/integer_sort.hpp>

#include <numeric>

#include "teamgraph/detail/sort.hpp"

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

namespace {

// Some rows of a table, in the given order; text copied into the new table or viewed.
template <typename Rows>
Table pick(const Table& from, const Rows& rows, int skip_column, bool copy_text) {
  Table t(from.source());
  std::vector<std::int64_t> records;
  records.reserve(rows.size());
  for (const auto r : rows) records.push_back(from.records()[r]);
  t.set_records(std::move(records));
  for (std::size_t c = 0; c < from.columns().size(); ++c) {
    if (static_cast<int>(c) == skip_column) continue;
    const auto& column = from.columns()[c];
    if (column.numeric) {
      Eigen::VectorXd values(static_cast<Eigen::Index>(rows.size()));
      for (std::size_t i = 0; i < rows.size(); ++i)
        values[static_cast<Eigen::Index>(i)] = column.numbers[static_cast<Eigen::Index>(rows[i])];
      t.add_numeric_column(column.name, std::move(values));
    } else {
      std::vector<std::string_view> cells;
      cells.reserve(rows.size());
      for (const auto r : rows) cells.push_back(column.text[r]);
      if (copy_text)
        t.add_text_column(column.name, cells);
      else
        t.add_owned_text_column(column.name, std::move(cells));
    }
  }
  return t;
}

}  // namespace

Table Table::select(const std::vector<std::size_t>& rows, int skip_column) const {
  return pick(*this, rows, skip_column, true);
}

Table Table::view(std::span<const std::uint32_t> rows, int skip_column) const {
  return pick(*this, rows, skip_column, false);
}

TableColumn& Table::add_numeric_column(std::string name, Eigen::VectorXd values) {
  columns_.push_back(TableColumn{std::move(name), true, {}, std::move(values)});
  return columns_.back();
}

namespace detail {

std::vector<std::uint32_t> rows_sorted_by_text(const std::vector<std::string_view>& keys, bool skip_empty) {
  // Already in order (a batch grouped by team, a table sorted by id): nothing to sort.
  bool in_order = true;
  for (std::size_t r = 1; r < keys.size() && in_order; ++r) in_order = !(keys[r] < keys[r - 1]);
  if (in_order) {
    std::vector<std::uint32_t> rows;
    rows.reserve(keys.size());
    for (std::size_t r = 0; r < keys.size(); ++r)
      if (!skip_empty || !keys[r].empty()) rows.push_back(static_cast<std::uint32_t>(r));
    return rows;
  }
  struct Key {
    std::uint64_t prefix;  // the first eight bytes, big-endian, zero-padded
    std::uint32_t row;
  };
  std::vector<Key> sorted;
  sorted.reserve(keys.size());
  for (std::size_t r = 0; r < keys.size(); ++r) {
    if (skip_empty && keys[r].empty()) continue;
    std::uint64_t prefix = 0;
    for (std::size_t i = 0; i < 8; ++i)
      prefix = (prefix << 8) | (i < keys[r].size() ? static_cast<unsigned char>(keys[r][i]) : 0u);
    sorted.push_back(Key{prefix, static_cast<std::uint32_t>(r)});
  }
  boost::sort::spreadsort::integer_sort(
      sorted.begin(), sorted.end(), [](const Key& k, unsigned shift) { return k.prefix >> shift; },
      [&](const Key& a, const Key& b) {
        if (a.prefix != b.prefix) return a.prefix < b.prefix;
        if (const int c = keys[a.row].compare(keys[b.row]); c != 0) return c < 0;
        return a.row < b.row;
      });
  std::vector<std::uint32_t> rows(sorted.size());
  for (std::size_t k = 0; k < sorted.size(); ++k) rows[k] = sorted[k].row;
  return rows;
}

}  // namespace detail
}  // namespace teamgraph
