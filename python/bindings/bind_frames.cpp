// Raw tables from Python columns (DataFrames as float64 arrays, Arrow text buffers or lists):
// checked with the GIL released, on up to two threads, and read in place.

#include <pybind11/stl.h>

#include <atomic>
#include <thread>

#include "bindings.hpp"
#include "columns.hpp"
#include "teamgraph/detail/threads.hpp"

namespace teamgraph::python {
namespace {

// A table's columns as read from Python (with the GIL held), added to the Table once the text
// columns' offsets are checked (without it, several columns at once).
struct PendingColumn {
  std::string name;
  enum class Kind { arrow, numeric, list } kind;
  py::object keep;                    // the arrays the pointers below read
  const std::int64_t* offsets = nullptr;
  const std::uint8_t* bytes = nullptr;
  std::size_t size = 0;               // bytes
  const bool* valid = nullptr;
  const double* numbers = nullptr;
  std::vector<std::string> strings;   // a list column's cells
  std::size_t rows = 0;
  std::string error;
};
struct PendingTable {
  Table table;
  std::vector<PendingColumn> columns;
};

// Step 1 (GIL held): checks the shapes and keeps the buffers of {name: (rows, [(column, float64
// array | ("arrow", offsets int64[rows + 1], bytes uint8[], valid bool[rows]) | list of
// str/None), ...])}.
PendingTable read_python_table(const std::string& source, const py::list& columns, std::size_t rows) {
  PendingTable out{Table(source), {}};
  out.table.set_row_count(rows);
  for (const auto& item : columns) {
    const auto pair = item.cast<py::tuple>();
    PendingColumn c;
    c.name = pair[0].cast<std::string>();
    c.rows = rows;
    const py::object values = pair[1];
    if (py::isinstance<py::tuple>(values)) {
      const auto spec = values.cast<py::tuple>();
      const auto offsets = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(spec[1]);
      const auto bytes = py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>::ensure(spec[2]);
      const auto valid = py::array_t<bool, py::array::c_style | py::array::forcecast>::ensure(spec[3]);
      if (!offsets || !bytes || !valid || static_cast<std::size_t>(offsets.size()) != rows + 1 ||
          static_cast<std::size_t>(valid.size()) != rows)
        throw py::value_error("column '" + c.name + "' of " + source + " has malformed text buffers");
      c.kind = PendingColumn::Kind::arrow;
      c.offsets = offsets.data();
      c.bytes = bytes.data();
      c.size = static_cast<std::size_t>(bytes.size());
      c.valid = valid.data();
      if (c.offsets[0] < 0 || c.offsets[rows] > static_cast<std::int64_t>(c.size))
        throw py::value_error("column '" + c.name + "' of " + source + " has offsets past its bytes");
      c.keep = py::make_tuple(offsets, bytes, valid);
    } else if (py::isinstance<py::array>(values)) {
      const auto array = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(values);
      if (!array || array.ndim() != 1 || static_cast<std::size_t>(array.shape(0)) != rows)
        throw py::value_error("column '" + c.name + "' of " + source + " must be a 1-d float array of " +
                              std::to_string(rows) + " values");
      c.kind = PendingColumn::Kind::numeric;
      c.numbers = array.data();
      c.keep = array;
    } else {
      const auto list = values.cast<py::list>();
      if (list.size() != rows)
        throw py::value_error("column '" + c.name + "' of " + source + " has " + std::to_string(list.size()) +
                              " values, expected " + std::to_string(rows));
      c.kind = PendingColumn::Kind::list;
      c.strings.resize(rows);
      for (std::size_t i = 0; i < rows; ++i)
        if (!list[i].is_none()) c.strings[i] = list[i].cast<std::string>();
    }
    out.columns.push_back(std::move(c));
  }
  return out;
}

// Step 2 (no Python objects touched): checks that an Arrow column's offsets rise within its
// bytes.
void check_offsets(PendingColumn& c) {
  const auto total = static_cast<std::int64_t>(c.size);
  for (std::size_t i = 0; i < c.rows; ++i)
    if (c.offsets[i + 1] < c.offsets[i] || c.offsets[i + 1] > total) {
      c.error = "has offsets out of order";
      return;
    }
}

// Steps 2 and 3 for several tables: the text columns' offsets are checked on up to two threads
// with the GIL released (a batch of a million teams has a hundred million cells), then every
// table gets its columns in their order. Text and number columns stay where pandas holds them,
// read in place: `keep` holds their arrays for as long as the tables (and an org built of them)
// read them.
std::vector<std::pair<std::string, Table>> finish_python_tables(std::vector<std::pair<std::string, PendingTable>> pending,
                                                                std::vector<py::object>& keep) {
  std::vector<PendingColumn*> jobs;
  std::size_t cells = 0;
  for (auto& [name, t] : pending)
    for (auto& c : t.columns)
      if (c.kind == PendingColumn::Kind::arrow) jobs.push_back(&c), cells += c.rows;
  {
    py::gil_scoped_release release;
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t j = next++; j < jobs.size(); j = next++) check_offsets(*jobs[j]);
    };
    std::thread second;  // when the system cannot start one, this thread does every column
    if (jobs.size() > 1 && cells > (std::size_t{1} << 20)) second = teamgraph::detail::try_thread(work);
    work();
    if (second.joinable()) second.join();
  }
  std::vector<std::pair<std::string, Table>> out;
  for (auto& [name, t] : pending) {
    for (auto& c : t.columns) {
      if (!c.error.empty()) throw py::value_error("column '" + c.name + "' of " + name + " " + c.error);
      switch (c.kind) {
        case PendingColumn::Kind::arrow:
          t.table.add_arrow_text_column(std::move(c.name), c.offsets, reinterpret_cast<const char*>(c.bytes), c.valid);
          keep.push_back(std::move(c.keep));
          break;
        case PendingColumn::Kind::numeric:
          t.table.add_arrow_numeric_column(std::move(c.name), c.numbers);
          keep.push_back(std::move(c.keep));
          break;
        case PendingColumn::Kind::list: {
          std::vector<std::string_view> views(c.strings.begin(), c.strings.end());
          t.table.add_text_column(std::move(c.name), views);
          break;
        }
      }
    }
    out.emplace_back(std::move(name), std::move(t.table));
  }
  return out;
}

}  // namespace

// Tables from the Python form {name: (rows, columns)}, in a stable order. `keep`: see
// finish_python_tables.
std::vector<std::pair<std::string, Table>> tables_from_python(const py::dict& tables, std::vector<py::object>& keep) {
  std::vector<std::pair<std::string, PendingTable>> pending;
  for (const auto& [key, value] : tables) {
    const auto name = key.cast<std::string>();
    const auto spec = value.cast<py::tuple>();
    pending.emplace_back(name, read_python_table(name, spec[1].cast<py::list>(), spec[0].cast<std::size_t>()));
  }
  return finish_python_tables(std::move(pending), keep);
}

}  // namespace teamgraph::python
