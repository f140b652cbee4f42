// Validation and assembly of an Org from raw tables.
//
// Every table is checked in "row space" (people by their row in people.csv); only when nothing
// is wrong are people renumbered into the canonical preorder and the relations compressed.

#include "teamgraph/org_builder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <exception>
#include <map>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "teamgraph/cancel.hpp"
#include "teamgraph/detail/id_map.hpp"
#include "teamgraph/detail/memory.hpp"
#include "teamgraph/detail/sort.hpp"
#include "teamgraph/detail/text.hpp"
#include "teamgraph/detail/threads.hpp"
#include "teamgraph/detail/values.hpp"
#include "teamgraph/schema.hpp"
#include "teamgraph/org_parts.hpp"

namespace teamgraph {
namespace {

using detail::ParseStatus;

// The tables teamgraph reads, in the schema's order.
std::vector<std::string> schema_table_names() {
  std::vector<std::string> out;
  for (const auto& t : input_schema()) out.emplace_back(t.name);
  return out;
}

// The columns of a table that teamgraph reads (the others are kept as extra columns).
std::vector<std::string_view> known_columns(std::string_view table) { return table_schema(table).column_names(); }

std::string quote(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string format_number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

// Reads the cells of one table, reporting every problem with file, record, person and field.
class TableReader {
 public:
  // `known`: the table's columns (string literals); the others are kept as extra columns.
  TableReader(const Table& table, std::vector<Problem>& problems, const std::vector<std::string_view>& known)
      : table_(table), problems_(problems), known_(known) {}

  const Table& table() const { return table_; }
  std::size_t rows() const { return table_.rows(); }
  std::int64_t record(std::size_t row) const { return table_.record(row); }

  int column(std::string_view name) const { return table_.column_index(name); }

  // Reports a missing required column; returns its index or -1.
  int require(std::string_view name) {
    const int c = column(name);
    if (c < 0 && !table_.unreadable()) {
      std::string found;
      constexpr std::size_t listed = 10;
      const auto& columns = table_.columns();
      for (std::size_t i = 0; i < columns.size() && i < listed; ++i) found += (found.empty() ? "" : ", ") + quote(columns[i].name);
      if (columns.size() > listed) found += " and " + std::to_string(columns.size() - listed) + " more";
      problem("missing_column", name,
              "the table needs a column " + quote(name) + "; found " + (found.empty() ? "no columns" : found));
    }
    return c;
  }

  // A problem about the whole table (record 0).
  void problem(std::string code, std::string_view field, std::string message) {
    problems_.push_back(Problem{std::move(code), Severity::error, table_.source(), 0, {}, std::string(field),
                                std::move(message)});
  }
  void row_problem(std::string code, std::size_t row, std::string_view person, std::string_view field,
                   std::string message) {
    problems_.push_back(Problem{std::move(code), Severity::error, table_.source(), record(row), std::string(person),
                                std::string(field), std::move(message)});
  }

  // Text of a cell; "" when the column is absent or the cell is empty.
  std::string_view text(int c, std::size_t row) {
    if (c < 0) return {};
    const auto& col = table_.columns()[static_cast<std::size_t>(c)];
    if (col.numeric) {
      wrong_type(c, "text");
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
      if (required && c >= 0) row_problem("missing_value", row, person, name, "an id is required");
      return {};
    }
    if (plain_id(value)) return value;
    if (detail::trim(value).size() != value.size()) {
      row_problem("id_whitespace", row, value, name,
                  "the id " + quote(value) + " has spaces around it; ids are compared exactly, remove the spaces");
      return {};
    }
    if (auto issue = detail::check_text(value, false); !issue.empty()) {
      row_problem(issue == "invalid UTF-8" ? "bad_encoding" : "control_character", row, {}, name,
                  "the id contains " + issue);
      return {};
    }
    return value;
  }

  // id() of every row of column c: the column's own cells when every one is a plain id (the usual
  // case; nothing is copied), else `checked`, filled with id() of each row.
  const std::vector<std::string_view>& ids(int c, bool required, std::vector<std::string_view>& checked) {
    if (c >= 0 && !table_.columns()[static_cast<std::size_t>(c)].numeric) {
      const auto& cells = table_.columns()[static_cast<std::size_t>(c)].text;
      if (std::all_of(cells.begin(), cells.end(), plain_id)) return cells;
    }
    detail::assign_huge(checked, rows(), std::string_view());
    for (std::size_t r = 0; r < rows(); ++r) checked[r] = id(c, r, {}, required);
    return checked;
  }

  // A number; NaN when empty. Reports unparsable and non-finite values.
  double number(int c, std::size_t row, std::string_view person) {
    if (c < 0) return std::nan("");
    const auto& col = table_.columns()[static_cast<std::size_t>(c)];
    if (col.numeric) {
      const double v = col.numbers[static_cast<Eigen::Index>(row)];
      if (std::isinf(v)) {
        row_problem("not_finite", row, person, col.name, "expected a finite number, found " + format_number(v));
        return std::nan("");
      }
      return v;
    }
    double v = 0;
    switch (detail::parse_number(col.text[row], v)) {
      case ParseStatus::ok: return v;
      case ParseStatus::empty: return std::nan("");
      case ParseStatus::not_finite:
        row_problem("not_finite", row, person, col.name, "expected a finite number, found " + quote(col.text[row]));
        return std::nan("");
      case ParseStatus::bad:
        row_problem("bad_number", row, person, col.name, detail::explain_bad_number(col.text[row]));
        return std::nan("");
    }
    return std::nan("");
  }

  // A number within [low, high] (the declared scale), as read; NaN when empty or not valid.
  double on_scale(int c, std::size_t row, std::string_view person, const Scale& scale) {
    const double v = number(c, row, person);
    if (std::isnan(v)) return v;
    if (v < scale.low || v > scale.high) {
      row_problem("out_of_range", row, person, table_.columns()[static_cast<std::size_t>(c)].name,
                  "expected a value on the scale " + format_number(scale.low) + " to " + format_number(scale.high) +
                      " (declare another scale for " + scale.field + " in team.json), found " + format_number(v));
      return std::nan("");
    }
    return v;
  }

  double non_negative(int c, std::size_t row, std::string_view person) {
    const double v = number(c, row, person);
    if (v < 0) {
      row_problem("out_of_range", row, person, table_.columns()[static_cast<std::size_t>(c)].name,
                  "expected a number >= 0, found " + format_number(v));
      return std::nan("");
    }
    return v;
  }

  std::int8_t boolean(int c, std::size_t row, std::string_view person) {
    if (c < 0) return -1;
    const auto& col = table_.columns()[static_cast<std::size_t>(c)];
    if (col.numeric) {
      const double v = col.numbers[static_cast<Eigen::Index>(row)];
      if (std::isnan(v)) return -1;
      if (v == 0 || v == 1) return static_cast<std::int8_t>(v);
      row_problem("bad_boolean", row, person, col.name, "expected true or false (or 1/0), found " + format_number(v));
      return -1;
    }
    std::int8_t out = -1;
    switch (detail::parse_bool(col.text[row], out)) {
      case ParseStatus::ok: return out;
      case ParseStatus::empty: return -1;
      default:
        row_problem("bad_boolean", row, person, col.name,
                    "expected true/false, yes/no or 1/0, found " + quote(col.text[row]));
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
        if (required) row_problem("missing_value", row, person, table_.columns()[static_cast<std::size_t>(c)].name,
                                  "a date is required");
        return no_date;
      default:
        row_problem("bad_date", row, person, table_.columns()[static_cast<std::size_t>(c)].name,
                    "expected a date like 2024-03-31 or 2024-03-31T09:30:00Z, or Unix seconds, found " + quote(value));
        return no_date;
    }
  }

  // An enum value from `choices` (case-insensitive); returns the index in choices or -1.
  int choice(int c, std::size_t row, std::string_view person, const std::vector<std::string_view>& choices,
             bool required) {
    const auto value = detail::trim(text(c, row));
    if (value.empty()) {
      if (required && c >= 0)
        row_problem("missing_value", row, person, table_.columns()[static_cast<std::size_t>(c)].name,
                    "a value is required: one of " + list(choices));
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
    row_problem("unknown_value", row, person, table_.columns()[static_cast<std::size_t>(c)].name,
                "expected one of " + list(choices) + ", found " + quote(value));
    return -1;
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
          const double v = col.numbers[static_cast<Eigen::Index>(row)];
          extra.values.push_back(std::isnan(v) ? std::string() : format_number(v));
        }
      }
      out.push_back(std::move(extra));
    }
    return out;
  }

 private:
  void wrong_type(int c, std::string_view expected) {
    const auto& name = table_.columns()[static_cast<std::size_t>(c)].name;
    if (std::find(reported_types_.begin(), reported_types_.end(), name) != reported_types_.end()) return;
    reported_types_.push_back(name);
    problems_.push_back(Problem{"wrong_type", Severity::error, table_.source(), 0, {}, name,
                                "expected a column of " + std::string(expected) + ", found numbers"});
  }

  static std::string list(const std::vector<std::string_view>& choices) {
    std::string out;
    for (auto c : choices) out += (out.empty() ? "" : ", ") + std::string(c);
    return out;
  }

  const Table& table_;
  std::vector<Problem>& problems_;
  std::vector<std::string_view> known_;
  std::vector<std::string> reported_types_;
};

// Builds sorted labels and per-row codes from text values ("" = not given).
Categories make_categories(const std::vector<std::string_view>& values) {
  Categories out;
  std::unordered_map<std::string_view, std::int32_t> seen;
  std::vector<std::string_view> labels;
  std::vector<std::int32_t> first_codes(values.size(), -1);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].empty()) continue;
    auto [it, inserted] = seen.try_emplace(values[i], static_cast<std::int32_t>(labels.size()));
    if (inserted) labels.push_back(values[i]);
    first_codes[i] = it->second;
  }
  std::vector<std::int32_t> order(labels.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return labels[a] < labels[b]; });
  std::vector<std::int32_t> rank(labels.size());
  for (std::size_t i = 0; i < order.size(); ++i) rank[static_cast<std::size_t>(order[i])] = static_cast<std::int32_t>(i);
  for (auto o : order) out.labels.emplace_back(labels[static_cast<std::size_t>(o)]);
  out.codes.resize(values.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    out.codes[i] = first_codes[i] < 0 ? -1 : rank[static_cast<std::size_t>(first_codes[i])];
  return out;
}

// Cycles of a parent-pointer forest (no_index = no parent), found without recursion. Each cycle
// is listed from its smallest member under `less`, in parent order.
template <class Less>
std::vector<std::vector<index_t>> find_cycles(const std::vector<index_t>& parent, Less less) {
  const std::size_t n = parent.size();
  std::vector<std::uint8_t> state(n, 0);  // 0 new, 1 on the current walk, 2 done
  std::vector<std::vector<index_t>> cycles;
  std::vector<index_t> walk;
  for (std::size_t start = 0; start < n; ++start) {
    if (state[start]) continue;
    walk.clear();
    index_t v = static_cast<index_t>(start);
    while (v != no_index && state[v] == 0) {
      state[v] = 1;
      walk.push_back(v);
      v = parent[v];
    }
    if (v != no_index && state[v] == 1) {  // closed a new cycle at v
      std::vector<index_t> cycle;
      index_t u = v;
      do {
        cycle.push_back(u);
        u = parent[u];
      } while (u != v);
      std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end(), less), cycle.end());
      cycles.push_back(std::move(cycle));
    }
    for (auto w : walk) state[w] = 2;
  }
  std::sort(cycles.begin(), cycles.end(), [&](const auto& a, const auto& b) { return less(a.front(), b.front()); });
  return cycles;
}

std::string member_list(const std::vector<index_t>& cycle, const std::vector<std::string_view>& ids) {
  std::string out;
  for (auto v : cycle) out += quote(ids[v]) + " -> ";
  return out + quote(ids[cycle.front()]);
}

// Tables above this many rows use a second core for independent steps.
constexpr std::size_t big_table = std::size_t{1} << 16;

// Runs `first` and `second` (which share nothing), `second` on another thread when `parallel`
// (on a small table a thread costs more than it saves) and the system can start one.
template <typename F, typename G>
void side_by_side(bool parallel, F&& first, G&& second) {
  std::exception_ptr failed;
  auto run_second = [&] {
    try {
      second();
    } catch (...) {
      failed = std::current_exception();
    }
  };
  std::thread other = parallel ? detail::try_thread(run_second) : std::thread();
  try {
    first();
  } catch (...) {
    if (other.joinable()) other.join();
    throw;
  }
  if (other.joinable())
    other.join();
  else
    run_second();
  if (failed) std::rethrow_exception(failed);
}

// Id -> row lookups before the canonical order exists: the rows sorted by id (for duplicates
// and id-ordered walks) and a hash map from each distinct id to its first row.
class IdIndex {
 public:
  IdIndex() = default;
  // The sort runs on a second thread while the map is filled (they share nothing).
  explicit IdIndex(const std::vector<std::string_view>& ids) : first_(ids, ids.size()) {
    side_by_side(
        ids.size() > big_table, [&] { first_.insert_all(first_of_); },  // the first row of an id wins
        [&] { rows_ = detail::rows_sorted_by_text(ids, /*skip_empty=*/true); });
  }
  // Rows with an id, sorted by id (rows of one id in row order).
  const std::vector<index_t>& sorted_rows() const { return rows_; }
  // Per row: the first row with the same id (itself when it is the first), no_index without an id.
  const std::vector<index_t>& first_rows() const { return first_of_; }
  // The first row with this id, or no_index.
  index_t find(std::string_view id) const { return first_.find(id); }
  // find() of many ids at once (faster than one by one: see IdMap::find_all).
  void find_all(const std::vector<std::string_view>& ids, std::vector<index_t>& rows) const {
    first_.find_all(ids, rows);
  }

 private:
  detail::IdMap first_{empty_keys(), 0};
  std::vector<index_t> first_of_;
  std::vector<index_t> rows_;
  static const std::vector<std::string_view>& empty_keys() {
    static const std::vector<std::string_view> keys;
    return keys;
  }
};

// An org part for a table that was not given: one empty part per thread, shared by every org
// built there (parts are immutable), instead of one allocation per org. A batch builds a million.
template <typename T>
std::shared_ptr<const T> part_or_empty(std::shared_ptr<T> part) {
  if (part) return part;
  thread_local const std::shared_ptr<const T> empty = std::make_shared<const T>();
  return empty;
}

// The team's scale for a field, else 0-1 (one per field and thread, made once: a batch reads a
// million teams).
const Scale& scale_for(const TeamInfo& team, std::string_view field) {
  for (const auto& s : team.scales)
    if (s.field == field) return s;
  thread_local std::deque<Scale> defaults;  // references stay valid as it grows
  for (const auto& s : defaults)
    if (s.field == field) return s;
  return defaults.emplace_back(Scale{std::string(field), 0.0, 1.0});
}

// A value on the scale mapped linearly to [0, 1] (NaN stays NaN).
double normalized(const Scale& scale, double v) {
  return scale.high > scale.low ? (v - scale.low) / (scale.high - scale.low) : v;
}

// Whether a scored column's values as read must be kept beside the normalized ones (see
// People::assessment_read): the column is given and its scale is not [0, 1], on which
// (v - 0) / (1 - 0) is v, bit for bit.
bool keeps_values_as_read(int column, const Scale& scale) {
  return column >= 0 && !(scale.low == 0.0 && scale.high == 1.0);
}


// Lenient loading: the people left out with a left-out person, found in one pass over the people
// table (not a pass of the build per level: a 201-deep chain under one bad cell used to end in
// too_many_problems, its cause lost). `dropped` marks the rows left out by their own problems; the
// result marks, for every other row, the dropped row its manager chain leads to (or -1).
std::vector<std::int64_t> left_out_under(const Table& people, const std::vector<bool>& dropped) {
  const std::size_t n = people.rows();
  std::vector<std::int64_t> root(n, -1);
  const int c_id = people.column_index("id"), c_manager = people.column_index("manager_id");
  if (c_id < 0 || c_manager < 0 || people.columns()[static_cast<std::size_t>(c_id)].numeric ||
      people.columns()[static_cast<std::size_t>(c_manager)].numeric)
    return root;
  const auto& ids = people.columns()[static_cast<std::size_t>(c_id)].text;
  const auto& managers = people.columns()[static_cast<std::size_t>(c_manager)].text;
  std::unordered_map<std::string_view, std::size_t> row_of;
  row_of.reserve(n);
  for (std::size_t r = 0; r < n; ++r)
    if (!ids[r].empty()) row_of.try_emplace(ids[r], r);
  // 0 not yet known, 1 kept, 2 under a dropped row (root says which), 3 on the current walk.
  std::vector<std::uint8_t> state(n, 0);
  std::vector<std::size_t> walk;
  for (std::size_t start = 0; start < n; ++start) {
    walk.clear();
    std::size_t r = start;
    std::int64_t found = -1;
    while (true) {
      if (r != start && dropped[r]) {
        found = static_cast<std::int64_t>(r);
        break;
      }
      if (state[r] == 2) {
        found = root[r];
        break;
      }
      if (state[r] != 0) break;  // kept, or a cycle (the strict build names it)
      state[r] = 3;
      walk.push_back(r);
      const auto it = managers[r].empty() ? row_of.end() : row_of.find(managers[r]);
      if (it == row_of.end()) break;
      r = it->second;
    }
    for (const auto w : walk) {
      const bool under = found >= 0 && !dropped[w];
      state[w] = under ? 2 : 1;
      root[w] = under ? found : -1;
    }
  }
  return root;
}


// One pass of lenient loading: leaves out the `failed` records (by table source), the people under
// a left-out person (one left_out warning for each such person, with how many), and the records of
// other tables that name a left-out person (one warning a table). Returns whether anything was
// left out.
bool leave_out(std::vector<std::pair<std::string, Table>>& tables,
               std::unordered_map<std::string, std::vector<std::int64_t>>& failed, std::vector<Problem>& warnings) {
  bool progress = false;
  // Ids of the people left out in this pass; looked up by the cells' views, with no copy a cell.
  struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, ViewHash, std::equal_to<>> gone;
  auto dropped_rows = [&](const Table& table) {
    std::vector<bool> dropped(table.rows(), false);
    auto it = failed.find(table.source());
    if (it == failed.end()) return dropped;
    auto& records = it->second;
    std::sort(records.begin(), records.end());
    for (std::size_t r = 0; r < table.rows(); ++r)
      dropped[r] = std::binary_search(records.begin(), records.end(), table.record(r));
    return dropped;
  };
  auto keep_rows = [&](Table& table, const std::vector<bool>& dropped) {
    std::vector<std::size_t> keep;
    for (std::size_t r = 0; r < table.rows(); ++r)
      if (!dropped[r]) keep.push_back(r);
    if (keep.size() == table.rows()) return;
    table = table.select(keep);
    progress = true;
  };
  for (auto& [name, table] : tables) {
    if (name != "people") continue;
    std::vector<bool> dropped = dropped_rows(table);
    const auto root = left_out_under(table, dropped);
    std::map<std::int64_t, std::size_t> under;  // root row -> people left out with them
    for (std::size_t r = 0; r < table.rows(); ++r)
      if (root[r] >= 0) dropped[r] = true, ++under[root[r]];
    const int c_id = table.column_index("id");
    const auto* ids = c_id >= 0 && !table.columns()[static_cast<std::size_t>(c_id)].numeric
                          ? &table.columns()[static_cast<std::size_t>(c_id)].text
                          : nullptr;
    for (const auto& [r, count] : under) {
      const auto row = static_cast<std::size_t>(r);
      warnings.push_back(Problem{"left_out", Severity::warning, table.source(), table.record(row),
                                 ids ? std::string((*ids)[row]) : std::string(), "manager_id",
                                 std::to_string(count) + (count == 1 ? " person" : " people") +
                                     " under them left out with them"});
    }
    if (ids) {
      // A repeated id's left-out row leaves the person kept under the same id: their records stay.
      std::unordered_set<std::string_view> kept;
      for (std::size_t r = 0; r < table.rows(); ++r)
        if (!dropped[r]) kept.insert((*ids)[r]);
      for (std::size_t r = 0; r < table.rows(); ++r)
        if (dropped[r] && !(*ids)[r].empty() && !kept.count((*ids)[r])) gone.emplace((*ids)[r]);
    }
    keep_rows(table, dropped);
  }
  for (auto& [name, table] : tables) {
    if (name == "people") continue;
    std::vector<bool> dropped = dropped_rows(table);
    std::size_t naming = 0;
    for (const auto& schema : input_schema()) {
      if (gone.empty() || schema.name != name) continue;
      for (const auto& column : schema.columns) {
        if (column.kind != ColumnKind::person) continue;
        const int c = table.column_index(column.name);
        if (c < 0 || table.columns()[static_cast<std::size_t>(c)].numeric) continue;
        const auto& cells = table.columns()[static_cast<std::size_t>(c)].text;
        for (std::size_t r = 0; r < table.rows(); ++r)
          if (!dropped[r] && gone.find(cells[r]) != gone.end()) dropped[r] = true, ++naming;
      }
    }
    if (naming)
      warnings.push_back(Problem{"left_out", Severity::warning, table.source(), 0, {}, {},
                                 std::to_string(naming) + (naming == 1 ? " record names" : " records name") +
                                     " a person left out, and " + (naming == 1 ? "is" : "are") + " left out too"});
    keep_rows(table, dropped);
  }
  return progress;
}
}  // namespace

namespace detail {

class OrgAssembler {
 public:
  OrgAssembler(TeamInfo team, std::vector<Problem>& problems) : team_(std::move(team)), problems_(problems) {}

  Org run(std::vector<std::pair<std::string, Table>>& tables);

 private:
  const Table* table(std::vector<std::pair<std::string, Table>>& tables, std::string_view name) {
    for (auto& [n, t] : tables)
      if (n == name) return &t;
    return nullptr;
  }
  bool failed() const {
    return std::any_of(problems_.begin(), problems_.end(), [](const Problem& p) { return p.severity == Severity::error; });
  }
  // The person ids in columns c1 and c2 of a table, checked (problems into `problems`) and looked
  // up as people rows (IdIndex::find_all: batched), the two columns side by side on a big table.
  // Needs the ids, not the canonical numbering: sharing's run beside the hierarchy's construction.
  struct Lookup {
    const Table* table = nullptr;
    int c1 = -1, c2 = -1;
    std::vector<std::string_view> checked1, checked2;  // when a column's cells are not all plain ids
    const std::vector<std::string_view>* values1 = nullptr;
    const std::vector<std::string_view>* values2 = nullptr;
    std::vector<index_t> rows1, rows2;
  };
  void look_up(const Table& table, int c1, int c2, bool required, std::vector<Problem>& problems, Lookup& out) {
    TableReader reader(table, problems, {});
    out.table = &table, out.c1 = c1, out.c2 = c2;
    out.values1 = &reader.ids(c1, required, out.checked1);
    out.values2 = &reader.ids(c2, required, out.checked2);
    side_by_side(
        table.rows() > big_table, [&] { ids_.find_all(*out.values1, out.rows1); },
        [&] { ids_.find_all(*out.values2, out.rows2); });
  }
  // The canonical index of every row of columns c1 and c2 (no_index: empty or unknown, reported),
  // from the lookup made early when there is one.
  std::pair<std::vector<index_t>, std::vector<index_t>> people_in(TableReader& reader, int c1, int c2, bool required) {
    Lookup own;
    const bool early = early_.table == &reader.table() && early_.c1 == c1 && early_.c2 == c2;
    if (!early) look_up(reader.table(), c1, c2, required, problems_, own);
    Lookup& l = early ? early_ : own;
    auto resolve = [&](int c, const std::vector<std::string_view>& values, std::vector<index_t>& found) {
      for (std::size_t r = 0; r < reader.rows(); ++r) {
        if (values[r].empty()) continue;
        if (found[r] == no_index)
          unknown_person(reader, r, c, values[r]);
        else
          found[r] = canonical_[found[r]];
      }
    };
    resolve(c1, *l.values1, l.rows1);
    resolve(c2, *l.values2, l.rows2);
    return {std::move(l.rows1), std::move(l.rows2)};
  }
  void unknown_person(TableReader& reader, std::size_t row, int c, std::string_view value) {
    reader.row_problem("unknown_id", row, value, reader.table().columns()[static_cast<std::size_t>(c)].name,
                       "no person has the id " + quote(value) + " in people");
  }
  // Resolves a person id of another table to a canonical index; reports unknown ids.
  index_t person(TableReader& reader, std::size_t row, int c, bool required) {
    const auto value = reader.id(c, row, {}, required);
    if (value.empty()) return no_index;
    const index_t r = ids_.find(value);
    if (r == no_index) {
      unknown_person(reader, row, c, value);
      return no_index;
    }
    return canonical_[r];
  }

  // Ids (person_ids_, ids_), then managers, the canonical numbering and the hierarchy: what every
  // other table needs.
  void read_ids(const Table& table);
  void read_hierarchy(const Table& table);
  // The other columns of people (names, tiers, figures...), problems into `problems`: it shares
  // nothing with the readers of the other tables, so it runs beside them.
  void read_people_attributes(const Table& table, std::vector<Problem>& problems);
  void read_relations(std::vector<std::pair<std::string, Table>>& tables);
  void read_competencies(const Table& table);
  void read_successors(const Table& table);
  void read_sharing(const Table& table);
  void read_meetings(const Table* meetings, const Table* attendance);
  void read_incentives(const Table& table);
  void read_goals(const Table& table);
  void read_contributions(const Table& table);

  TeamInfo team_;
  std::vector<Problem>& problems_;
  std::vector<std::string_view> person_ids_;  // by row
  IdIndex ids_;
  std::vector<index_t> canonical_;  // row -> canonical index
  std::vector<std::size_t> row_of_;  // canonical index -> row
  std::vector<Problem> warnings_;
  Lookup early_;  // sharing's people, looked up beside the hierarchy

  std::shared_ptr<People> people_ = std::make_shared<People>();
  std::shared_ptr<Hierarchy> hierarchy_ = std::make_shared<Hierarchy>();
  std::shared_ptr<Competencies> competencies_;  // made when the table is given
  std::shared_ptr<Successors> successors_ = std::make_shared<Successors>();
  std::shared_ptr<Sharing> sharing_ = std::make_shared<Sharing>();
  std::shared_ptr<Meetings> meetings_ = std::make_shared<Meetings>();
  std::shared_ptr<Incentives> incentives_;  // made when the table is given
  std::shared_ptr<Goals> goals_;  // made when the table is given
  std::shared_ptr<Contributions> contributions_;  // made when the table is given
};

void OrgAssembler::read_ids(const Table& table) {
  TableReader reader(table, problems_, known_columns("people"));
  const int c_id = reader.require("id");
  detail::assign_huge(person_ids_, table.rows(), std::string_view());
  if (c_id >= 0)
    for (std::size_t r = 0; r < table.rows(); ++r) person_ids_[r] = reader.id(c_id, r, {}, true);
  ids_ = IdIndex(person_ids_);
}

void OrgAssembler::read_hierarchy(const Table& table) {
  TableReader reader(table, problems_, known_columns("people"));
  const std::size_t n = table.rows();
  const int c_id = reader.column("id");
  const auto& first_of = ids_.first_rows();
  std::vector<bool> first(n, false);  // the row is the first (kept) row of its id
  for (std::size_t r = 0; r < n; ++r) first[r] = first_of[r] == r;

  // Duplicate ids: every repeat is reported against the first record.
  const auto& sorted = ids_.sorted_rows();
  const int c_manager = reader.column("manager_id");
  for (std::size_t i = 1; i < sorted.size(); ++i) {
    if (first[sorted[i]]) continue;
    const auto first_row = first_of[sorted[i]];
    reader.row_problem("duplicate_id", sorted[i], person_ids_[sorted[i]], "id",
                       "the id is already used by the person on record " + std::to_string(reader.record(first_row)));
    if (c_manager >= 0 && reader.text(c_manager, sorted[i]) != reader.text(c_manager, first_row))
      reader.row_problem("multiple_managers", sorted[i], person_ids_[sorted[i]], "manager_id",
                         "the person is listed again with another manager (" +
                             quote(reader.text(c_manager, sorted[i])) + " here, " +
                             quote(reader.text(c_manager, first_row)) + " on record " +
                             std::to_string(reader.record(first_row)) + "); a person has one manager");
  }

  // Managers.
  std::vector<index_t> manager_row(n, no_index);
  bool hierarchy_ok = c_id >= 0;
  std::vector<std::string_view> manager_ids;
  detail::assign_huge(manager_ids, n, std::string_view());
  for (std::size_t r = 0; r < n; ++r)
    if (first[r] && c_manager >= 0) manager_ids[r] = reader.id(c_manager, r, person_ids_[r], false);
  std::vector<index_t> manager_found;
  ids_.find_all(manager_ids, manager_found);
  for (std::size_t r = 0; r < n; ++r) {
    if (!first[r]) {
      hierarchy_ok = false;
      continue;
    }
    const auto value = manager_ids[r];
    if (value.empty()) continue;
    const index_t m = manager_found[r];
    if (m == no_index) {
      reader.row_problem("unknown_id", r, person_ids_[r], "manager_id",
                         "no person has the id " + quote(value) +
                             "; a manager who is not in the export needs a row of their own in the people table "
                             "(only the id is required; see 'Managers outside the export' in docs/input-format.md)");
      hierarchy_ok = false;
    } else if (m == r) {
      reader.row_problem("self_manager", r, person_ids_[r], "manager_id", "the person is listed as their own manager");
      hierarchy_ok = false;
    } else {
      manager_row[r] = m;
    }
  }
  const bool references_ok = hierarchy_ok;  // every manager_id names a known other person
  const auto by_id = [&](index_t a, index_t b) { return person_ids_[a] < person_ids_[b]; };
  for (const auto& cycle : find_cycles(manager_row, by_id)) {
    if (cycle.size() == 1) continue;  // self-management, reported above
    reader.row_problem("reporting_cycle", cycle.front(), person_ids_[cycle.front()], "manager_id",
                       "a reporting cycle of " + std::to_string(cycle.size()) +
                           " people, each reporting to the next: " + member_list(cycle, person_ids_));
    hierarchy_ok = false;
  }

  // Tops in id order; children in id order (a counting sort over the id order keeps it).
  std::vector<index_t> tops;
  std::vector<std::size_t> child_offsets(n + 1, 0);
  for (auto r : sorted)
    if (first[r]) {
      if (manager_row[r] == no_index) {
        // A person whose manager_id is wrong is not a top: that problem is reported already.
        if (c_manager < 0 || reader.text(c_manager, r).empty()) tops.push_back(r);
      } else {
        ++child_offsets[manager_row[r] + 1];
      }
    }
  if (n > 0 && tops.empty() && references_ok)
    reader.problem("no_top", "manager_id",
                   "every person has a manager, so the org has no top; leave manager_id empty for the top");
  if (tops.size() > 1) {
    std::string names;
    for (std::size_t i = 0; i < tops.size() && i < 10; ++i) names += (i ? ", " : "") + quote(person_ids_[tops[i]]);
    if (tops.size() > 10) names += ", ...";
    warnings_.push_back(Problem{"several_tops", Severity::warning, table.source(), 0, {}, "manager_id",
                                "the org has " + std::to_string(tops.size()) + " people with no manager (" + names +
                                    "); unified management expects one top"});
  }

  // Canonical numbering: preorder of the forest, with an explicit stack (no recursion, so a
  // million-level chain is fine).
  canonical_.assign(n, no_index);
  row_of_.clear();
  if (hierarchy_ok && !tops.empty()) {
    for (std::size_t i = 0; i < n; ++i) child_offsets[i + 1] += child_offsets[i];
    std::vector<index_t> children(child_offsets[n]);
    std::vector<std::size_t> fill(child_offsets.begin(), child_offsets.end() - 1);
    for (auto r : sorted)
      if (first[r] && manager_row[r] != no_index) children[fill[manager_row[r]]++] = r;
    std::vector<index_t> stack(tops.rbegin(), tops.rend());
    stack.reserve(n);  // at most everyone waits on it
    row_of_.reserve(n);
    while (!stack.empty()) {
      const index_t r = stack.back();
      stack.pop_back();
      canonical_[r] = static_cast<index_t>(row_of_.size());
      row_of_.push_back(r);
      for (std::size_t k = child_offsets[r + 1]; k-- > child_offsets[r];) stack.push_back(children[k]);
    }
  } else {
    // Invalid hierarchy: keep row numbers so that the other tables can still be checked.
    std::iota(canonical_.begin(), canonical_.end(), index_t{0});
    row_of_.resize(n);
    std::iota(row_of_.begin(), row_of_.end(), std::size_t{0});
  }

  auto& p = *people_;
  const std::size_t m = row_of_.size();
  p.by_id.reserve(m);
  for (auto r : sorted)
    if (canonical_[r] != no_index && first[r]) p.by_id.push_back(canonical_[r]);

  // Hierarchy arrays.
  auto& h = *hierarchy_;
  h.manager.assign(m, no_index);
  h.depth.assign(m, 0);
  h.subtree_end.resize(m);
  for (std::size_t i = 0; i < m; ++i) {
    const index_t mr = manager_row[row_of_[i]];
    if (mr != no_index && canonical_[mr] != no_index) h.manager[i] = canonical_[mr];
  }
  if (hierarchy_ok) {
    std::vector<index_t> size(m, 1);
    for (std::size_t i = m; i-- > 0;)
      if (h.manager[i] != no_index) size[h.manager[i]] += size[i];
    index_t layers = m ? 1 : 0;
    for (std::size_t i = 0; i < m; ++i) {
      h.subtree_end[i] = static_cast<index_t>(i + size[i]);
      if (h.manager[i] != no_index) h.depth[i] = h.depth[h.manager[i]] + 1;
      else h.tops.push_back(static_cast<index_t>(i));
      layers = std::max(layers, h.depth[i] + 1);
    }
    h.layers = layers;
    // Reports of a manager in preorder are in id order, so by-source order is (manager, report id).
    std::vector<index_t> src, dst, unused;
    src.reserve(m), dst.reserve(m);
    for (std::size_t i = 0; i < m; ++i)
      if (h.manager[i] != no_index) {
        src.push_back(h.manager[i]);
        dst.push_back(static_cast<index_t>(i));
      }
    h.reports = make_digraph_from_edges(static_cast<index_t>(m), src, dst, unused);
  }
}

void OrgAssembler::read_people_attributes(const Table& table, std::vector<Problem>& problems) {
  TableReader reader(table, problems, known_columns("people"));
  // In canonical order.
  const Scale& s_assessment = scale_for(team_, "people.assessment");
  const Scale& s_potential = scale_for(team_, "people.potential");
  const Scale& s_flight = scale_for(team_, "people.flight_risk");
  const int c_name = reader.column("name"), c_department = reader.column("department"), c_role = reader.column("role"),
            c_tier = reader.column("tier"), c_assessment = reader.column("assessment"),
            c_potential = reader.column("potential"), c_flight = reader.column("flight_risk"),
            c_career = reader.column("has_career_plan"), c_kpi = reader.column("has_quantified_kpi"),
            c_hours = reader.column("learning_hours");
  auto& p = *people_;
  const std::size_t m = row_of_.size();
  std::size_t id_bytes = 0, name_bytes = 0;
  for (auto id : person_ids_) id_bytes += id.size();
  if (c_name >= 0)
    for (const std::size_t r : row_of_) name_bytes += reader.text(c_name, r).size();
  p.ids.reserve(m, id_bytes);
  p.names.reserve(m, name_bytes);
  p.tiers.resize(m);
  struct Scored {
    int column;
    const Scale& scale;
    Eigen::VectorXd& normalized;
    Eigen::VectorXd& read;  // sized only when kept
  };
  const Scored scored[] = {{c_assessment, s_assessment, p.assessment, p.assessment_read},
                           {c_potential, s_potential, p.potential, p.potential_read},
                           {c_flight, s_flight, p.flight_risk, p.flight_risk_read}};
  for (const auto& s : scored) {
    s.normalized.resize(static_cast<Eigen::Index>(m));
    if (keeps_values_as_read(s.column, s.scale)) s.read.resize(static_cast<Eigen::Index>(m));
  }
  p.learning_hours.resize(static_cast<Eigen::Index>(m));
  p.has_career_plan.resize(m);
  p.has_quantified_kpi.resize(m);
  p.records.resize(m);
  std::vector<std::string_view> departments(m), roles(m);
  for (std::size_t i = 0; i < m; ++i) {
    const std::size_t r = row_of_[i];
    const auto id = person_ids_[r];
    const auto e = static_cast<Eigen::Index>(i);
    p.ids.push_back(id);
    p.names.push_back(reader.text(c_name, r));
    departments[i] = reader.text(c_department, r);
    roles[i] = reader.text(c_role, r);
    const int tier = reader.choice(c_tier, r, id, enum_labels("people", "tier"), false);
    p.tiers[i] = tier < 0 ? Tier::execution : static_cast<Tier>(tier);
    for (const auto& s : scored) {
      const double v = reader.on_scale(s.column, r, id, s.scale);
      s.normalized[e] = normalized(s.scale, v);
      if (s.read.size() != 0) s.read[e] = v;
    }
    p.learning_hours[e] = reader.non_negative(c_hours, r, id);
    p.has_career_plan[i] = reader.boolean(c_career, r, id);
    p.has_quantified_kpi[i] = reader.boolean(c_kpi, r, id);
    p.records[i] = reader.record(r);
  }
  p.departments = make_categories(departments);
  p.roles = make_categories(roles);
  p.extra = reader.extras(row_of_);
}

void OrgAssembler::read_competencies(const Table& table) {
  competencies_ = std::make_shared<Competencies>();
  TableReader reader(table, problems_, known_columns("competencies"));
  const int c_person = reader.require("person_id"), c_name = reader.require("competency"),
            c_score = reader.require("score");
  if (c_person < 0 || c_name < 0 || c_score < 0) return;
  const Scale& scale = scale_for(team_, "competencies.score");
  struct Entry {
    index_t person;
    std::string_view name;
    double score;
    std::size_t row;
  };
  std::vector<Entry> entries;
  entries.reserve(table.rows());
  for (std::size_t r = 0; r < table.rows(); ++r) {
    const index_t p = person(reader, r, c_person, true);
    const auto raw_name = reader.text(c_name, r);
    const auto name = detail::trim(raw_name);
    const auto pid = p == no_index ? std::string_view{} : reader.text(c_person, r);
    if (name.empty()) reader.row_problem("missing_value", r, pid, "competency", "a competency name is required");
    const double score = reader.on_scale(c_score, r, pid, scale);
    // An empty cell (a NaN in a column of numbers); the text of a number column is not read:
    // that would report the column as of the wrong type.
    const auto& score_column = table.columns()[static_cast<std::size_t>(c_score)];
    if (score_column.numeric ? std::isnan(score_column.number(r))
                             : detail::trim(reader.text(c_score, r)).empty())
      reader.row_problem("missing_value", r, pid, "score", "a score is required");
    if (p == no_index || name.empty() || std::isnan(score)) continue;
    entries.push_back(Entry{p, name, score, r});
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return std::tie(a.person, a.name, a.row) < std::tie(b.person, b.name, b.row); });
  std::vector<std::string_view> names;
  for (const auto& e : entries) names.push_back(e.name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  auto& c = *competencies_;
  c.names.assign(names.begin(), names.end());
  c.scores = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(row_of_.size()), static_cast<Eigen::Index>(names.size()),
                                       std::nan(""));
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const auto& e = entries[k];
    if (k > 0 && entries[k - 1].person == e.person && entries[k - 1].name == e.name) {
      reader.row_problem("duplicate_record", e.row, reader.text(c_person, e.row), "competency",
                         "the person already has a score for " + quote(e.name) + " on record " +
                             std::to_string(reader.record(entries[k - 1].row)));
      continue;
    }
    const auto col = std::lower_bound(names.begin(), names.end(), e.name) - names.begin();
    if (e.person < row_of_.size()) c.scores(static_cast<Eigen::Index>(e.person), col) = e.score;
    order.push_back(e.row);
  }
  if (keeps_values_as_read(c_score, scale)) c.scores_read = c.scores;  // as read so far; now normalized
  c.scores = c.scores.unaryExpr([&](double v) { return normalized(scale, v); });
  c.extra = reader.extras(order);
}

void OrgAssembler::read_successors(const Table& table) {
  TableReader reader(table, problems_, known_columns("successors"));
  const int c_inc = reader.require("incumbent_id"), c_succ = reader.require("successor_id"),
            c_ready = reader.require("readiness");
  if (c_inc < 0 || c_succ < 0 || c_ready < 0) return;
  struct Entry {
    index_t incumbent, successor;
    Readiness readiness;
    std::size_t row;
  };
  std::vector<Entry> entries;
  for (std::size_t r = 0; r < table.rows(); ++r) {
    const index_t inc = person(reader, r, c_inc, true);
    const index_t succ = person(reader, r, c_succ, true);
    const int ready = reader.choice(c_ready, r, reader.text(c_succ, r), enum_labels("successors", "readiness"), true);
    if (inc != no_index && inc == succ) {
      reader.row_problem("self_successor", r, reader.text(c_inc, r), "successor_id",
                         "a person cannot be their own successor");
      continue;
    }
    if (inc == no_index || succ == no_index || ready < 0) continue;
    entries.push_back(Entry{inc, succ, static_cast<Readiness>(ready), r});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.incumbent, a.successor, a.row) < std::tie(b.incumbent, b.successor, b.row);
  });
  auto& s = *successors_;
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const auto& e = entries[k];
    if (k > 0 && entries[k - 1].incumbent == e.incumbent && entries[k - 1].successor == e.successor) {
      reader.row_problem("duplicate_record", e.row, reader.text(c_succ, e.row), "successor_id",
                         "the same successor is named again for " + quote(reader.text(c_inc, e.row)) +
                             " (first on record " + std::to_string(reader.record(entries[k - 1].row)) + ")");
      continue;
    }
    s.incumbent.push_back(e.incumbent);
    s.successor.push_back(e.successor);
    s.readiness.push_back(e.readiness);
    order.push_back(e.row);
  }
  s.extra = reader.extras(order);
}

void OrgAssembler::read_sharing(const Table& table) {
  TableReader reader(table, problems_, known_columns("sharing"));
  const int c_a = reader.require("person_a"), c_b = reader.require("person_b"), c_channel = reader.require("channel"),
            c_week = reader.column("per_week");
  if (c_a < 0 || c_b < 0 || c_channel < 0) return;
  struct Entry {
    index_t a, b;
    std::uint32_t row;
    Channel channel;
  };
  const std::size_t people = row_of_.size();
  std::vector<Entry> entries;
  detail::reserve_huge(entries, table.rows());
  std::vector<std::uint32_t> bucket(people + 1, 0);  // counting sort by a (4 bytes a person: half the cache misses)
  std::vector<double> per_week;
  detail::assign_huge(per_week, table.rows(), 0.0);
  const auto [people_a, people_b] = people_in(reader, c_a, c_b, true);
  for (std::size_t r = 0; r < table.rows(); ++r) {
    index_t a = people_a[r], b = people_b[r];
    const int channel = reader.choice(c_channel, r, reader.text(c_a, r), enum_labels("sharing", "channel"), true);
    per_week[r] = reader.non_negative(c_week, r, reader.text(c_a, r));
    if (a != no_index && a == b) {
      reader.row_problem("self_link", r, reader.text(c_a, r), "person_b", "a person cannot share with themselves");
      continue;
    }
    if (a == no_index || b == no_index || channel < 0) continue;
    if (b < a) std::swap(a, b);
    entries.push_back(Entry{a, b, static_cast<std::uint32_t>(r), static_cast<Channel>(channel)});
    ++bucket[a + 1];
  }
  // Sorted by (a, b, channel, row): a counting sort by a (linear; rows stay in order), then each
  // person's few links by (b, channel, row).
  for (std::size_t p = 0; p < people; ++p) bucket[p + 1] += bucket[p];
  {
    std::vector<Entry> by_a;
    detail::assign_huge(by_a, entries.size(), Entry{});
    std::vector<std::uint32_t> fill(bucket.begin(), bucket.end() - 1);
    for (const auto& e : entries) by_a[fill[e.a]++] = e;
    entries = std::move(by_a);
  }
  for (std::size_t p = 0; p < people; ++p)
    std::sort(entries.begin() + static_cast<std::ptrdiff_t>(bucket[p]),
              entries.begin() + static_cast<std::ptrdiff_t>(bucket[p + 1]), [](const Entry& x, const Entry& y) {
                return std::tie(x.b, x.channel, x.row) < std::tie(y.b, y.channel, y.row);
              });
  auto& s = *sharing_;
  std::vector<std::size_t> order;
  std::vector<double> weeks;
  for (auto* v : {&s.a, &s.b}) detail::reserve_huge(*v, entries.size());
  detail::reserve_huge(s.channel, entries.size());
  detail::reserve_huge(weeks, entries.size());
  detail::reserve_huge(order, entries.size());
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const auto& e = entries[k];
    if (k > 0 && entries[k - 1].a == e.a && entries[k - 1].b == e.b && entries[k - 1].channel == e.channel) {
      reader.row_problem("duplicate_record", e.row, reader.text(c_a, e.row), "person_b",
                         "the same pair is linked again on the same channel (first on record " +
                             std::to_string(reader.record(entries[k - 1].row)) + "); give one row with per_week");
      continue;
    }
    s.a.push_back(e.a);
    s.b.push_back(e.b);
    s.channel.push_back(e.channel);
    weeks.push_back(per_week[e.row]);
    order.push_back(e.row);
  }
  s.per_week = Eigen::Map<Eigen::VectorXd>(weeks.data(), static_cast<Eigen::Index>(weeks.size()));
  s.extra = reader.extras(order);
}

void OrgAssembler::read_meetings(const Table* meetings, const Table* attendance) {
  auto& mt = *meetings_;
  std::vector<std::string_view> meeting_ids;
  std::vector<index_t> meeting_index;  // meeting row -> canonical meeting index
  IdIndex lookup;
  if (meetings) {
    TableReader reader(*meetings, problems_, known_columns("meetings"));
    const int c_id = reader.require("meeting_id"), c_date = reader.require("date"),
              c_channel = reader.column("channel"), c_presenter = reader.column("presenter_id");
    if (c_id < 0 || c_date < 0) return;
    meeting_ids.assign(meetings->rows(), {});
    struct Entry {
      std::int64_t date;
      std::string_view id;
      int channel;
      index_t presenter;
      std::size_t row;
    };
    std::vector<Entry> entries;
    for (std::size_t r = 0; r < meetings->rows(); ++r) {
      meeting_ids[r] = reader.id(c_id, r, {}, true);
      const auto date = reader.date(c_date, r, {}, true);
      const int channel = reader.choice(c_channel, r, {}, enum_labels("meetings", "channel"), false);
      const index_t presenter = c_presenter >= 0 ? person(reader, r, c_presenter, false) : no_index;
      if (!meeting_ids[r].empty() && date != no_date) entries.push_back(Entry{date, meeting_ids[r], channel, presenter, r});
    }
    lookup = IdIndex(meeting_ids);
    for (std::size_t i = 1; i < lookup.sorted_rows().size(); ++i) {
      const auto r = lookup.sorted_rows()[i];
      const auto first = lookup.find(meeting_ids[r]);
      if (first != r)
        reader.row_problem("duplicate_id", r, {}, "meeting_id",
                           "the meeting id is already used on record " + std::to_string(reader.record(first)));
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return std::tie(a.date, a.id, a.row) < std::tie(b.date, b.id, b.row); });
    meeting_index.assign(meetings->rows(), no_index);
    std::vector<std::size_t> order;
    for (const auto& e : entries) {
      if (lookup.find(e.id) != e.row) continue;
      meeting_index[e.row] = static_cast<index_t>(mt.date.size());
      mt.ids.push_back(e.id);
      mt.date.push_back(e.date);
      mt.channel.push_back(e.channel < 0 ? Channel::offline : static_cast<Channel>(e.channel));
      mt.presenter.push_back(e.presenter);
      order.push_back(e.row);
    }
    mt.extra = reader.extras(order);
  }
  if (attendance) {
    TableReader reader(*attendance, problems_, known_columns("attendance"));
    const int c_meeting = reader.require("meeting_id"), c_person = reader.require("person_id");
    if (c_meeting < 0 || c_person < 0) return;
    if (!meetings) {
      reader.problem("missing_table", {}, "attendance is given but meetings is not; both are needed");
      return;
    }
    std::vector<std::pair<index_t, index_t>> pairs;
    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < attendance->rows(); ++r) {
      const auto mid = reader.id(c_meeting, r, {}, true);
      const index_t p = person(reader, r, c_person, true);
      if (mid.empty()) continue;
      const index_t mrow = lookup.find(mid);
      if (mrow == no_index) {
        reader.row_problem("unknown_meeting", r, reader.text(c_person, r), "meeting_id",
                           "no meeting has the id " + quote(mid) + " in meetings");
        continue;
      }
      if (p == no_index || meeting_index[mrow] == no_index) continue;
      pairs.emplace_back(meeting_index[mrow], p);
      rows.push_back(r);
    }
    std::vector<std::size_t> order(pairs.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return std::tie(pairs[a], rows[a]) < std::tie(pairs[b], rows[b]); });
    mt.attendance_offsets.assign(mt.date.size() + 1, 0);
    for (std::size_t k = 0; k < order.size(); ++k) {
      const auto& pr = pairs[order[k]];
      if (k > 0 && pairs[order[k - 1]] == pr) {
        reader.row_problem("duplicate_record", rows[order[k]], reader.text(c_person, rows[order[k]]), "person_id",
                           "the attendance is listed again (first on record " +
                               std::to_string(reader.record(rows[order[k - 1]])) + ")");
        continue;
      }
      mt.attendees.push_back(pr.second);
      ++mt.attendance_offsets[pr.first + 1];
    }
    for (std::size_t i = 0; i < mt.date.size(); ++i) mt.attendance_offsets[i + 1] += mt.attendance_offsets[i];
  } else {
    mt.attendance_offsets.assign(mt.date.size() + 1, 0);
  }
}

void OrgAssembler::read_incentives(const Table& table) {
  incentives_ = std::make_shared<Incentives>();
  TableReader reader(table, problems_, known_columns("incentives"));
  const int c_person = reader.require("person_id"), c_kind = reader.require("kind"), c_type = reader.column("type"),
            c_amount = reader.column("amount"), c_date = reader.column("date");
  if (c_person < 0 || c_kind < 0) return;
  struct Entry {
    index_t person;
    std::int64_t date;
    int kind;
    std::string_view type;
    double amount;
    std::size_t row;
  };
  std::vector<Entry> entries;
  for (std::size_t r = 0; r < table.rows(); ++r) {
    const index_t p = person(reader, r, c_person, true);
    const auto pid = reader.text(c_person, r);
    const int kind = reader.choice(c_kind, r, pid, enum_labels("incentives", "kind"), true);
    const double amount = reader.non_negative(c_amount, r, pid);
    const auto date = reader.date(c_date, r, pid, false);
    if (kind == 0 && std::isnan(amount) && c_amount >= 0 && detail::trim(reader.text(c_amount, r)).empty() &&
        !table.columns()[static_cast<std::size_t>(c_amount)].numeric)
      reader.row_problem("missing_value", r, pid, "amount", "a material incentive needs an amount");
    if (p == no_index || kind < 0) continue;
    entries.push_back(Entry{p, date, kind, reader.text(c_type, r), amount, r});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    // NaN amounts sort first (a missing amount is not "less" than any, but must sort stably).
    const double x = std::isnan(a.amount) ? -1 : a.amount, y = std::isnan(b.amount) ? -1 : b.amount;
    return std::tie(a.person, a.date, a.kind, a.type, x, a.row) < std::tie(b.person, b.date, b.kind, b.type, y, b.row);
  });
  auto& in = *incentives_;
  std::vector<std::string_view> types;
  std::vector<std::size_t> order;
  in.amount.resize(static_cast<Eigen::Index>(entries.size()));
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const auto& e = entries[k];
    in.person.push_back(e.person);
    in.kind.push_back(static_cast<IncentiveKind>(e.kind));
    in.date.push_back(e.date);
    in.amount[static_cast<Eigen::Index>(k)] = e.amount;
    types.push_back(e.type);
    order.push_back(e.row);
  }
  in.type = make_categories(types);
  in.extra = reader.extras(order);
}

void OrgAssembler::read_goals(const Table& table) {
  goals_ = std::make_shared<Goals>();
  TableReader reader(table, problems_, known_columns("goals"));
  const int c_id = reader.require("goal_id"), c_owner = reader.column("owner_id"),
            c_parent = reader.column("parent_goal_id"), c_quantified = reader.column("quantified");
  if (c_id < 0) return;
  const std::size_t n = table.rows();
  std::vector<std::string_view> goal_ids(n);
  for (std::size_t r = 0; r < n; ++r) goal_ids[r] = reader.id(c_id, r, {}, true);
  IdIndex lookup(goal_ids);
  for (std::size_t i = 1; i < lookup.sorted_rows().size(); ++i) {
    const auto r = lookup.sorted_rows()[i];
    if (const auto first = lookup.find(goal_ids[r]); first != r)
      reader.row_problem("duplicate_id", r, {}, "goal_id",
                         "the goal id is already used on record " + std::to_string(reader.record(first)));
  }
  std::vector<index_t> parent_row(n, no_index), owner(n, no_index);
  std::vector<std::int8_t> quantified(n, -1);
  for (std::size_t r = 0; r < n; ++r) {
    if (c_owner >= 0) owner[r] = person(reader, r, c_owner, false);
    quantified[r] = reader.boolean(c_quantified, r, {});
    const auto parent = c_parent >= 0 ? reader.id(c_parent, r, {}, false) : std::string_view{};
    if (parent.empty()) continue;
    const index_t pr = lookup.find(parent);
    if (pr == no_index)
      reader.row_problem("unknown_goal", r, reader.text(c_owner, r), "parent_goal_id",
                         "no goal has the id " + quote(parent));
    else if (pr == r)
      reader.row_problem("goal_cycle", r, reader.text(c_owner, r), "parent_goal_id", "the goal is its own parent");
    else
      parent_row[r] = pr;
  }
  for (const auto& cycle : find_cycles(parent_row, [&](index_t a, index_t b) { return goal_ids[a] < goal_ids[b]; }))
    if (cycle.size() > 1)
      reader.row_problem("goal_cycle", cycle.front(), {}, "parent_goal_id",
                         "a cycle of " + std::to_string(cycle.size()) + " goals, each the parent of the previous: " +
                             member_list(cycle, goal_ids));
  // Canonical order: by goal id.
  std::vector<index_t> goal_index(n, no_index);
  std::vector<std::size_t> order;
  for (auto r : lookup.sorted_rows())
    if (lookup.find(goal_ids[r]) == r) {
      goal_index[r] = static_cast<index_t>(order.size());
      order.push_back(r);
    }
  auto& g = *goals_;
  for (auto r : order) {
    g.ids.push_back(goal_ids[r]);
    g.owner.push_back(owner[r]);
    g.parent.push_back(parent_row[r] == no_index ? no_index : goal_index[parent_row[r]]);
    g.quantified.push_back(quantified[r]);
  }
  g.extra = reader.extras(order);
}

void OrgAssembler::read_contributions(const Table& table) {
  contributions_ = std::make_shared<Contributions>();
  TableReader reader(table, problems_, known_columns("contributions"));
  const int c_person = reader.require("person_id"), c_artifact = reader.require("artifact"),
            c_action = reader.require("action"), c_date = reader.require("date"),
            c_previous = reader.column("previous_artifact");
  if (c_person < 0 || c_artifact < 0 || c_action < 0 || c_date < 0) return;
  struct Entry {
    std::int64_t date;
    index_t person;
    std::string_view artifact;
    int action;
    std::string_view previous;
    std::size_t row;
  };
  std::vector<Entry> entries;
  for (std::size_t r = 0; r < table.rows(); ++r) {
    const index_t p = person(reader, r, c_person, true);
    const auto pid = reader.text(c_person, r);
    const auto artifact = reader.text(c_artifact, r);
    const int action = reader.choice(c_action, r, pid, enum_labels("contributions", "action"), true);
    const auto date = reader.date(c_date, r, pid, true);
    const auto previous = reader.text(c_previous, r);
    if (artifact.empty()) reader.row_problem("missing_value", r, pid, "artifact", "an artifact is required");
    if (action == 2 && previous.empty())
      reader.row_problem("missing_value", r, pid, "previous_artifact", "a rename needs the previous artifact name");
    if (action >= 0 && action != 2 && !previous.empty())
      reader.row_problem("unexpected_value", r, pid, "previous_artifact",
                         "previous_artifact is only for renames, found " + quote(previous));
    if (p == no_index || artifact.empty() || action < 0 || date == no_date) continue;
    entries.push_back(Entry{date, p, artifact, action, previous, r});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.date, a.person, a.artifact, a.action, a.previous, a.row) <
           std::tie(b.date, b.person, b.artifact, b.action, b.previous, b.row);
  });
  auto& c = *contributions_;
  std::vector<std::string_view> names;
  std::vector<std::size_t> order;
  for (const auto& e : entries) {
    c.person.push_back(e.person);
    c.action.push_back(static_cast<ContributionAction>(e.action));
    c.date.push_back(e.date);
    names.push_back(e.artifact);
    order.push_back(e.row);
  }
  // Artifacts and previous names share one dictionary.
  std::vector<std::string_view> all = names;
  for (const auto& e : entries)
    if (!e.previous.empty()) all.push_back(e.previous);
  Categories cats = make_categories(all);
  c.artifact.labels = cats.labels;
  c.artifact.codes.assign(cats.codes.begin(), cats.codes.begin() + static_cast<std::ptrdiff_t>(names.size()));
  std::size_t next = names.size();
  for (const auto& e : entries) c.previous.push_back(e.previous.empty() ? -1 : cats.codes[next++]);
  c.extra = reader.extras(order);
}

void OrgAssembler::read_relations(std::vector<std::pair<std::string, Table>>& tables) {
  if (auto* t = table(tables, "competencies")) read_competencies(*t);
  check_cancelled();
  if (auto* t = table(tables, "successors")) read_successors(*t);
  if (auto* t = table(tables, "sharing")) read_sharing(*t);
  read_meetings(table(tables, "meetings"), table(tables, "attendance"));
  if (auto* t = table(tables, "incentives")) read_incentives(*t);
  if (auto* t = table(tables, "goals")) read_goals(*t);
  if (auto* t = table(tables, "contributions")) read_contributions(*t);
}

Org OrgAssembler::run(std::vector<std::pair<std::string, Table>>& tables) {
  const Table* people = table(tables, "people");
  if (!people) {
    problems_.push_back(Problem{"missing_table", Severity::error, "people.csv", 0, {}, {},
                                "the people table is required (a folder needs people.csv)"});
    throw OrgDataError(problems_);
  }
  read_ids(*people);
  check_cancelled();
  // Sharing's people are looked up while the hierarchy is built (they need the ids, not the
  // numbering); their problems are kept apart until then.
  const Table* sharing = table(tables, "sharing");
  const int c_a = sharing ? sharing->column_index("person_a") : -1, c_b = sharing ? sharing->column_index("person_b") : -1;
  const bool sharing_early = c_a >= 0 && c_b >= 0 && sharing->column_index("channel") >= 0 &&
                             !sharing->columns()[static_cast<std::size_t>(c_a)].numeric &&
                             !sharing->columns()[static_cast<std::size_t>(c_b)].numeric;
  std::vector<Problem> sharing_problems;
  side_by_side(
      people->rows() > big_table, [&] { read_hierarchy(*people); },
      [&] {
        if (sharing_early) look_up(*sharing, c_a, c_b, /*required=*/true, sharing_problems, early_);
      });
  problems_.insert(problems_.end(), sharing_problems.begin(), sharing_problems.end());
  check_cancelled();
  std::vector<Problem> attribute_problems;  // problems are sorted before anyone sees them
  side_by_side(
      people->rows() > big_table, [&] { read_relations(tables); },
      [&] { read_people_attributes(*people, attribute_problems); });
  problems_.insert(problems_.end(), attribute_problems.begin(), attribute_problems.end());
  check_cancelled();
  if (failed()) {
    std::vector<Problem> all = problems_;
    all.insert(all.end(), warnings_.begin(), warnings_.end());
    sort_problems(all);
    throw OrgDataError(std::move(all));
  }

  // Compress the relations.
  const auto n = static_cast<index_t>(row_of_.size());
  successors_->graph = make_digraph(n, successors_->incumbent, successors_->successor);
  {
    // Both directions of every link, each row sorted by target. Links are sorted by (a, b) with
    // a < b, so in link order a person first meets the links where they are b (smaller
    // neighbours, ascending) and then those where they are a (larger ones, ascending): one pass
    // fills every row in order, straight into the graph's arrays.
    auto& s = *sharing_;
    const std::size_t links = s.a.size();
    std::vector<index_t> starts(static_cast<std::size_t>(n) + 1, 0);
    for (std::size_t k = 0; k < links; ++k) ++starts[s.a[k] + 1], ++starts[s.b[k] + 1];
    for (std::size_t v = 0; v < n; ++v) starts[v + 1] += starts[v];
    std::vector<index_t> fill(starts.begin(), starts.end() - 1), targets;
    detail::assign_huge(targets, 2 * links, index_t{0});
    detail::assign_huge(s.link_of_edge, 2 * links, index_t{0});
    for (std::size_t k = 0; k < links; ++k) {
      const index_t a = s.a[k], b = s.b[k];
      for (const auto& [from, to] : {std::pair{b, a}, std::pair{a, b}}) {
        const index_t e = fill[from]++;
        targets[e] = to;
        s.link_of_edge[e] = static_cast<index_t>(k);
      }
    }
    s.graph = digraph_from_rows(std::move(starts), std::move(targets));
  }

  Org org{Org::Unassembled{}};
  org.size_ = static_cast<index_t>(people_->tiers.size());
  org.people_ = std::move(people_);
  org.hierarchy_ = std::move(hierarchy_);
  org.competencies_ = part_or_empty(std::move(competencies_));
  org.successors_ = std::move(successors_);
  org.sharing_ = std::move(sharing_);
  org.meetings_ = std::move(meetings_);
  org.incentives_ = part_or_empty(std::move(incentives_));
  org.goals_ = part_or_empty(std::move(goals_));
  org.contributions_ = part_or_empty(std::move(contributions_));
  for (auto& [name, t] : tables) org.tables_.push_back(name);
  std::sort(org.tables_.begin(), org.tables_.end());
  sort_problems(warnings_);
  org.warnings_ = std::move(warnings_);
  org.team_ = std::make_shared<TeamInfo>(std::move(team_));
  return org;
}

}  // namespace detail

const std::vector<std::string>& OrgBuilder::table_names() {
  static const std::vector<std::string> names = schema_table_names();
  return names;
}

OrgBuilder& OrgBuilder::add_table(const std::string& name, Table table) {
  if (std::find(table_names().begin(), table_names().end(), name) == table_names().end())
    throw std::invalid_argument("unknown table '" + name + "'; expected one of people, competencies, successors, "
                                "sharing, meetings, attendance, incentives, goals, contributions");
  for (const auto& [n, t] : tables_)
    if (n == name) throw std::invalid_argument("the table '" + name + "' is given twice");
  if (table.has_arrow_columns())
    throw std::invalid_argument("the table '" + name + "' still holds text in Arrow's layout; give the builder a "
                                "Table::view() of it, which cuts the text into cells");
  tables_.emplace_back(name, std::move(table));
  return *this;
}

OrgBuilder& OrgBuilder::set_team(TeamInfo team) {
  team_ = std::move(team);
  return *this;
}

OrgBuilder& OrgBuilder::add_problems(std::vector<Problem> problems) {
  problems_.insert(problems_.end(), std::make_move_iterator(problems.begin()), std::make_move_iterator(problems.end()));
  return *this;
}

Org OrgBuilder::build() {
  if (!lenient_) return build_strict();
  // Reading problems of single records: those records are already out of the tables.
  std::vector<Problem> warnings;
  for (auto& p : problems_)
    if (p.severity == Severity::error && p.record > 0) {
      p.severity = Severity::warning;
      warnings.push_back(p);
    }
  problems_.erase(std::remove_if(problems_.begin(), problems_.end(),
                                 [](const Problem& p) { return p.severity == Severity::warning; }),
                  problems_.end());
  const std::vector<Problem> carried = problems_;  // whole-file problems: they still fail
  auto copy = [](const Table& t) {
    std::vector<std::size_t> all(t.rows());
    std::iota(all.begin(), all.end(), std::size_t{0});
    return t.select(all);
  };
  std::vector<std::pair<std::string, Table>> tables;
  for (const auto& entry : tables_) tables.emplace_back(entry.first, copy(entry.second));
  const TeamInfo team = team_;
  std::size_t people_given = 0;
  std::string people_source = "people.csv";
  for (const auto& [name, table] : tables)
    if (name == "people") people_given = table.rows(), people_source = table.source();
  {
    // The reader's problems of single records: a CSV reader has left those records out already (a
    // ragged row), a JSON reader keeps them with the bad cell empty (a manager_id of 1.5 would read
    // as none: a second top). Leave out whatever is still there, with what hangs on it, before the
    // first build; and count the people rows the reader left out among those given.
    std::unordered_map<std::string, std::vector<std::int64_t>> failed;
    for (const auto& w : warnings)
      if (w.record > 0) failed[w.file].push_back(w.record);
    std::vector<std::int64_t> people_records;
    for (const auto& [name, table] : tables)
      if (name == "people") people_records = table.records();
    std::sort(people_records.begin(), people_records.end());
    std::vector<std::int64_t> read_out = failed.count(people_source) ? failed[people_source] : std::vector<std::int64_t>{};
    std::sort(read_out.begin(), read_out.end());
    read_out.erase(std::unique(read_out.begin(), read_out.end()), read_out.end());
    for (const auto r : read_out)
      if (!std::binary_search(people_records.begin(), people_records.end(), r)) ++people_given;
    if (!failed.empty()) leave_out(tables, failed, warnings);
  }
  // Each pass leaves out the records that failed, the people under a left-out person, and the
  // records that name them; what still referred to a left-out record fails in the next pass.
  for (int pass = 0; pass < 64; ++pass) {
    tables_.clear();
    for (const auto& entry : tables) tables_.emplace_back(entry.first, copy(entry.second));
    team_ = team;
    problems_ = carried;
    try {
      Org org = build_strict();
      const std::size_t given = people_given, kept = org.size();
      if (given > 0 && kept < given) {
        if (kept == 0) {  // never an empty team in silence: the causes are the problems
          std::vector<Problem> causes = warnings;
          for (auto& c : causes) c.severity = Severity::error;
          causes.push_back(Problem{"nothing_left", Severity::error, people_source, 0, {}, {},
                                   "lenient loading left out all " + std::to_string(given) +
                                       " people: the problems above are why"});
          throw OrgDataError(std::move(causes));
        }
        warnings.push_back(Problem{"left_out", Severity::warning, people_source, 0, {}, {},
                                   "lenient loading left out " + std::to_string(given - kept) + " of " +
                                       std::to_string(given) + " people"});
      }
      org.warnings_.insert(org.warnings_.end(), warnings.begin(), warnings.end());
      sort_problems(org.warnings_);
      org.warnings_.erase(std::unique(org.warnings_.begin(), org.warnings_.end()), org.warnings_.end());
      return org;
    } catch (const OrgDataError& e) {
      // The records with problems, by table; each problem once, as a warning.
      std::unordered_map<std::string, std::vector<std::int64_t>> failed;
      for (const auto& p : e.problems()) {
        if (p.severity != Severity::error) continue;
        if (p.record == 0) throw;  // a whole file or table is wrong: leaving out rows cannot fix it
        failed[p.file].push_back(p.record);
        Problem w = p;
        w.severity = Severity::warning;
        warnings.push_back(std::move(w));
      }
      if (!leave_out(tables, failed, warnings)) throw;
    }
  }
  std::vector<Problem> causes = warnings;  // what was left out so far, so that the causes are not lost
  for (auto& c : causes) c.severity = Severity::error;
  causes.push_back(Problem{"too_many_problems", Severity::error, {}, 0, {}, {},
                           "lenient loading gave up after 64 passes of leaving out bad records"});
  throw OrgDataError(std::move(causes));
}

Org OrgBuilder::build_strict() {
  std::vector<Problem> problems = std::move(problems_);
  problems_.clear();
  std::vector<Problem> warnings;
  for (auto it = problems.begin(); it != problems.end();)
    if (it->severity == Severity::warning) {
      warnings.push_back(std::move(*it));
      it = problems.erase(it);
    } else {
      ++it;
    }
  detail::OrgAssembler assembler(std::move(team_), problems);
  Org org = [&] {
    try {
      return assembler.run(tables_);
    } catch (OrgDataError& e) {
      std::vector<Problem> all = e.problems();
      all.insert(all.end(), warnings.begin(), warnings.end());
      sort_problems(all);
      tables_.clear();
      throw OrgDataError(std::move(all));
    }
  }();
  tables_.clear();
  org.warnings_.insert(org.warnings_.end(), warnings.begin(), warnings.end());
  sort_problems(org.warnings_);
  return org;
}

}  // namespace teamgraph
