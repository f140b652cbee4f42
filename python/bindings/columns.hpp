#pragma once
// The columns of the bindings, between an Org's tables and Python: org -> Python columns
// (bind_tables.cpp) and Python columns -> raw tables (bind_frames.cpp). Private to the module.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "teamgraph/org_parts.hpp"
#include "teamgraph/table.hpp"

namespace teamgraph::python {

namespace py = pybind11;

using OrgPtr = std::shared_ptr<const Org>;

// A read-only numpy view of `n` values that keeps `owner` (the Org) alive: no copy.
template <class T>
py::array_t<T> view(const T* data, std::size_t n, py::handle owner) {
  py::array_t<T> out({static_cast<py::ssize_t>(n)}, {static_cast<py::ssize_t>(sizeof(T))}, data, owner);
  py::detail::array_proxy(out.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return out;
}
py::array_t<double> view(const Eigen::VectorXd& v, py::handle owner);

// Index columns as int64 with -1 for "none" (no_index does not travel well to pandas).
py::array_t<std::int64_t> indices(const std::vector<index_t>& v);

py::object text_or_none(std::string_view s);
py::list text_list(const StringColumn& column);

// A text column as ("arrow", offsets int64[n + 1], bytes uint8[], valid bool[n]), the form
// read_python_table takes: `cell(i)` gives row i's text or nullopt (missing).
template <typename Cell>
py::tuple arrow_text(std::size_t n, Cell cell) {
  py::array_t<std::int64_t> offsets(static_cast<py::ssize_t>(n + 1));
  py::array_t<bool> valid(static_cast<py::ssize_t>(n));
  auto* off = offsets.mutable_data();
  auto* ok = valid.mutable_data();
  // Two passes, the offsets first: the bytes go straight into their array, which is never grown.
  off[0] = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::optional<std::string_view> text = cell(i);
    ok[i] = text.has_value();
    off[i + 1] = off[i] + static_cast<std::int64_t>(text ? text->size() : 0);
  }
  py::array_t<std::uint8_t> data(static_cast<py::ssize_t>(off[n]));
  auto* out = reinterpret_cast<char*>(data.mutable_data());
  for (std::size_t i = 0; i < n; ++i)
    if (ok[i]) {
      const std::string_view text = *cell(i);
      std::memcpy(out + off[i], text.data(), text.size());
    }
  return py::make_tuple("arrow", offsets, data, valid);
}


// Columns of one of the org's tables for Python (see bind_tables.cpp).
// `only`: the columns wanted, sorted (all when null); they come in the table's order.
py::dict table_columns(const OrgPtr& org, const std::string& name, bool normalized, py::handle owner,
                       const std::vector<std::string>* only = nullptr);
// Hands update() the bytes teamgraph.json_report.input_checksum hashes for one table's columns
// (table_columns with normalized scores), in order, in blocks of up to `block` bytes, made on a
// second thread as update() takes them; false, and nothing handed, where the core cannot make
// them (a date past what nanoseconds hold).
bool table_digest(const Org& org, const std::string& name, const py::function& update, std::size_t block);
// Rows of one table as table_columns gives it, without making it.
std::size_t table_rows(const Org& org, const std::string& name);

// The inverse of tables_from_python for one table: (rows, [(column, float64 array | list of
// str/None)]).
py::tuple table_to_python(const Table& table);

// Tables from the Python form {name: (rows, columns)}, in a stable order. Their text and number
// columns are read where Python holds them: `keep` holds those arrays, and must outlive the
// tables and any build of them (see bind_frames.cpp).
std::vector<std::pair<std::string, Table>> tables_from_python(const py::dict& tables, std::vector<py::object>& keep);

// The input schema as Python data: [{name, file, required, columns: [{name, kind, required, labels, ...}]}].
py::list schema_list();

}  // namespace teamgraph::python
