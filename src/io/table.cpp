#include "teamgraph/table.hpp"

#include <boost/sort/spreadsort/integer_sort.hpp>

#include <algorithm>
#include <array>
#include <numeric>

#include "teamgraph/detail/sort.hpp"

namespace teamgraph {

Table::Table(std::string source) : source_(std::move(source)) {}

int Table::column_index(std::string_view name) const noexcept {
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i].name == name) return static_cast<int>(i);
  return -1;
}

std::vector<std::int64_t> Table::records() const {
  if (!records_.empty() || rows_ == 0) return records_;
  std::vector<std::int64_t> out(rows_);
  std::iota(out.begin(), out.end(), first_record_);
  return out;
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
  TableColumn column{std::move(name), false, {}, {}, nullptr};
  if (total < TextCells::span_limit && cells.size() < TextCells::span_limit) {  // 5 bytes a cell
    Spans spans;
    spans.reserve(cells.size());
    std::size_t offset = 0;
    for (auto c : cells) {
      spans.push_back(offset, c.size());
      offset += c.size();
    }
    column.text = TextCells(owned.data(), std::move(spans));
  } else {
    std::vector<std::string_view> views;
    views.reserve(cells.size());
    std::size_t offset = 0;
    for (auto c : cells) {
      views.push_back(owned.substr(offset, c.size()));
      offset += c.size();
    }
    column.text = TextCells(std::move(views));
  }
  columns_.push_back(std::move(column));
  return columns_.back();
}

TableColumn& Table::add_owned_text_column(std::string name, TextCells cells) {
  columns_.push_back(TableColumn{std::move(name), false, std::move(cells), {}, nullptr});
  return columns_.back();
}

namespace {

// Some rows of a table, in the given order; text copied into the new table or viewed.
template <typename Rows>
Table pick(const Table& from, const Rows& rows, int skip_column, bool copy_text) {
  Table t(from.source());
  std::vector<std::int64_t> records;
  records.reserve(rows.size());
  for (const auto r : rows) records.push_back(from.record(r));
  t.set_records(std::move(records));
  t.reserve_columns(from.columns().size());
  for (std::size_t c = 0; c < from.columns().size(); ++c) {
    if (static_cast<int>(c) == skip_column) continue;
    const auto& column = from.columns()[c];
    if (column.numeric) {
      std::vector<double> values(rows.size());
      for (std::size_t i = 0; i < rows.size(); ++i) values[i] = column.number(rows[i]);
      t.add_numeric_column(column.name, std::move(values));
    } else {
      std::vector<std::string_view> cells;
      cells.reserve(rows.size());
      for (const auto r : rows) cells.push_back(column.text[r]);
      if (copy_text)
        t.add_text_column(column.name, cells);
      else
        t.add_owned_text_column(column.name, TextCells(std::move(cells)));
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

TableColumn& Table::add_arrow_text_column(std::string name, const std::int64_t* offsets, const char* bytes,
                                          const bool* valid) {
  columns_.push_back(TableColumn{std::move(name), false, TextCells(rows_, offsets, bytes, valid), {}, nullptr});
  return columns_.back();
}

bool Table::has_arrow_columns() const noexcept {
  for (const auto& c : columns_)
    if (c.is_arrow()) return true;
  return false;
}

TableColumn& Table::add_arrow_numeric_column(std::string name, const double* values) {
  columns_.push_back(TableColumn{std::move(name), true, {}, {}, values});
  return columns_.back();
}

TableColumn& Table::add_numeric_column(std::string name, std::vector<double> values) {
  columns_.push_back(TableColumn{std::move(name), true, {}, std::move(values), nullptr});
  return columns_.back();
}

namespace detail {

namespace {

// keys[r] and keys.size(): a vector of views, or a table column (cells cut on the fly).
template <typename Keys>
std::vector<std::uint32_t> sorted_rows(const Keys& keys, bool skip_empty, std::vector<std::uint32_t>* groups) {
  // Runs of equal keys (a batch grouped by team, a person's rows together) are sorted as one:
  // run k is rows [run_start[k], run_start[k + 1]).
  std::vector<std::uint32_t> run_start;
  run_start.reserve(std::min<std::size_t>(keys.size() + 1, 4096));
  bool in_order = true;
  for (std::size_t r = 0; r < keys.size(); ++r) {
    if (r > 0) {
      const int c = keys[r].compare(keys[r - 1]);
      if (c == 0) continue;
      if (c < 0) in_order = false;
    }
    run_start.push_back(static_cast<std::uint32_t>(r));
  }
  run_start.push_back(static_cast<std::uint32_t>(keys.size()));
  const std::size_t runs = run_start.size() - 1;
  std::vector<std::uint32_t> order(runs);  // runs by (key, first row)
  for (std::size_t k = 0; k < runs; ++k) order[k] = static_cast<std::uint32_t>(k);
  if (!in_order) {
    // Each run keyed by eight bytes of its key (big-endian, zero-padded) from `depth` on; full
    // keys are compared only where those tie.
    struct Key {
      std::uint64_t prefix;
      std::uint32_t run;
    };
    auto chunk = [&](std::uint32_t run, std::size_t depth) {
      const std::string_view key = keys[run_start[run]];
      std::uint64_t prefix = 0;
      for (std::size_t i = depth; i < depth + 8; ++i)
        prefix = (prefix << 8) | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0u);
      return prefix;
    };
    auto less = [&](const Key& a, const Key& b) {
      if (a.prefix != b.prefix) return a.prefix < b.prefix;
      if (const int c = keys[run_start[a.run]].compare(keys[run_start[b.run]]); c != 0) return c < 0;
      return a.run < b.run;
    };
    constexpr std::size_t few = 32;
    if (runs <= few) {  // a team's ids: sorted by insertion on the stack, no allocation
      std::array<Key, few> sorted;
      for (std::size_t k = 0; k < runs; ++k) {
        const Key key{chunk(static_cast<std::uint32_t>(k), 0), static_cast<std::uint32_t>(k)};
        std::size_t j = k;
        for (; j > 0 && less(key, sorted[j - 1]); --j) sorted[j] = sorted[j - 1];
        sorted[j] = key;
      }
      for (std::size_t k = 0; k < runs; ++k) order[k] = sorted[k].run;
    } else {
      std::vector<Key> sorted(runs);
      for (std::size_t k = 0; k < runs; ++k) {
        const auto run = static_cast<std::uint32_t>(k);
        sorted[k] = Key{chunk(run, 0), run};
      }
      // Boost's spreadsort: radix passes on the eight bytes, ordered by them alone (spreadsort
      // takes keys whose eight bytes are equal for equal, and leaves them in any order: "p-10"
      // and "p-100" sharing "p-1..." came out in any order, ids not sorted). Keys that tie are
      // then sorted by their next eight bytes, the same way, while many tie (ids of one pattern:
      // "person-1234" and "person-1299"), or by comparing them whole (the keys that end first,
      // and a few).
      struct Range {
        std::size_t begin, end, depth;
      };
      std::vector<Range> ties{{0, runs, 0}};
      constexpr std::size_t deepest = 64;  // bytes compared by chunks; past them, whole keys
      while (!ties.empty()) {
        const Range r = ties.back();
        ties.pop_back();
        const auto first = sorted.begin() + static_cast<std::ptrdiff_t>(r.begin),
                   last = sorted.begin() + static_cast<std::ptrdiff_t>(r.end);
        if (r.depth > 0)
          for (auto it = first; it != last; ++it) it->prefix = chunk(it->run, r.depth);
        boost::sort::spreadsort::integer_sort(
            first, last, [](const Key& k, unsigned shift) { return k.prefix >> shift; },
            [](const Key& a, const Key& b) { return a.prefix < b.prefix; });
        for (auto tie = first; tie != last;) {
          auto end = tie + 1;
          while (end != last && end->prefix == tie->prefix) ++end;
          if (end - tie > 1) {
            // The keys that end within these eight bytes are each a prefix of every longer one
            // here (its zero padding the longer one's bytes), so they come first, compared whole;
            // the longer ones by their next eight bytes while many tie, else compared whole.
            const auto longer = std::partition(
                tie, end, [&](const Key& k) { return keys[run_start[k.run]].size() <= r.depth + 8; });
            std::sort(tie, longer, less);
            if (end - longer <= static_cast<std::ptrdiff_t>(few) || r.depth + 8 >= deepest)
              std::sort(longer, end, less);
            else
              ties.push_back(Range{static_cast<std::size_t>(longer - sorted.begin()),
                                   static_cast<std::size_t>(end - sorted.begin()), r.depth + 8});
          }
          tie = end;
        }
      }
      for (std::size_t k = 0; k < runs; ++k) order[k] = sorted[k].run;
    }
  }
  std::vector<std::uint32_t> rows;
  rows.reserve(keys.size());
  if (groups) groups->clear();
  std::size_t previous = runs;  // the run written last
  for (const auto k : order) {
    if (skip_empty && keys[run_start[k]].empty()) continue;
    // Runs of one key are adjacent in `order`: one comparison a run finds where keys change.
    if (groups && (previous == runs || keys[run_start[k]] != keys[run_start[previous]]))
      groups->push_back(static_cast<std::uint32_t>(rows.size()));
    previous = k;
    for (std::uint32_t r = run_start[k]; r < run_start[k + 1]; ++r) rows.push_back(r);
  }
  if (groups) groups->push_back(static_cast<std::uint32_t>(rows.size()));
  return rows;
}

struct ColumnKeys {
  const TableColumn& column;
  std::size_t rows;
  std::size_t size() const { return rows; }
  std::string_view operator[](std::size_t r) const { return column.cell(r); }
};

}  // namespace

std::vector<std::uint32_t> rows_sorted_by_text(const std::vector<std::string_view>& keys, bool skip_empty) {
  return sorted_rows(keys, skip_empty, nullptr);
}

std::vector<std::uint32_t> rows_sorted_by_text(const TableColumn& column, std::size_t rows, bool skip_empty,
                                               std::vector<std::uint32_t>* groups) {
  return sorted_rows(ColumnKeys{column, rows}, skip_empty, groups);
}

}  // namespace detail
}  // namespace teamgraph
