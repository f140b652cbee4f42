// Org, read_org and building from Python columns. Numeric columns come back as read-only numpy
// views into the Org (no copy; the array keeps the Org alive); text comes back as lists.

#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <atomic>
#include <cmath>
#include <cstring>
#include <optional>
#include <thread>

#include "bindings.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/org_builder.hpp"
#include "teamgraph/read_org.hpp"
#include "teamgraph/policy.hpp"
#include "teamgraph/schema.hpp"
#include "teamgraph/what_if.hpp"
#include "teamgraph/batch.hpp"
#include "teamgraph/detail/threads.hpp"
#include "teamgraph/org_parts.hpp"

namespace py = pybind11;

namespace teamgraph::python {
namespace {

using OrgPtr = std::shared_ptr<const Org>;

template <class T>
py::array_t<T> view(const T* data, std::size_t n, py::handle owner) {
  py::array_t<T> out({static_cast<py::ssize_t>(n)}, {static_cast<py::ssize_t>(sizeof(T))}, data, owner);
  py::detail::array_proxy(out.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return out;
}

py::array_t<double> view(const Eigen::VectorXd& v, py::handle owner) {
  return view(v.data(), static_cast<std::size_t>(v.size()), owner);
}

// Index columns as int64 with -1 for "none" (no_index does not travel well to pandas).
py::array_t<std::int64_t> indices(const std::vector<index_t>& v) {
  py::array_t<std::int64_t> out(static_cast<py::ssize_t>(v.size()));
  auto* data = out.mutable_data();
  for (std::size_t i = 0; i < v.size(); ++i) data[i] = v[i] == no_index ? -1 : static_cast<std::int64_t>(v[i]);
  return out;
}

py::object text_or_none(std::string_view s) { return s.empty() ? py::object(py::none()) : py::object(py::str(s.data(), s.size())); }

py::list text_list(const StringColumn& column) {
  py::list out(column.size());
  for (std::size_t i = 0; i < column.size(); ++i) out[i] = text_or_none(column[i]);
  return out;
}

// A text column as ("arrow", offsets int64[n + 1], bytes uint8[], valid bool[n]), the form
// read_python_table takes: `cell(i)` gives row i's text or nullopt (missing).
template <typename Cell>
py::tuple arrow_text(std::size_t n, Cell cell) {
  py::array_t<std::int64_t> offsets(static_cast<py::ssize_t>(n + 1));
  py::array_t<bool> valid(static_cast<py::ssize_t>(n));
  auto* off = offsets.mutable_data();
  auto* ok = valid.mutable_data();
  std::string bytes;
  off[0] = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::optional<std::string_view> text = cell(i);
    ok[i] = text.has_value();
    if (text) bytes.append(*text);
    off[i + 1] = static_cast<std::int64_t>(bytes.size());
  }
  py::array_t<std::uint8_t> data(static_cast<py::ssize_t>(bytes.size()));
  std::memcpy(data.mutable_data(), bytes.data(), bytes.size());
  return py::make_tuple("arrow", offsets, data, valid);
}

// Output text columns go as Arrow buffers too: no Python string per person (a 1M-person table
// took 0.6 s as lists). An empty cell is missing.
std::optional<std::string_view> given(std::string_view text) {
  return text.empty() ? std::nullopt : std::optional<std::string_view>(text);
}

py::tuple texts(const StringColumn& column) {
  return arrow_text(column.size(), [&](std::size_t i) { return given(column[i]); });
}

py::tuple person_ids(const Org& org, const std::vector<index_t>& people) {
  return arrow_text(people.size(), [&](std::size_t i) {
    return people[i] == no_index ? std::nullopt : given(org.id(people[i]));
  });
}

py::tuple categories(const Categories& c) {
  py::array_t<std::int32_t> codes(static_cast<py::ssize_t>(c.codes.size()));
  std::copy(c.codes.begin(), c.codes.end(), codes.mutable_data());
  return py::make_tuple(codes, py::cast(c.labels));
}

template <class E>
py::tuple enum_codes(const std::vector<E>& values, const std::vector<std::string_view>& schema_labels) {
  std::vector<std::string> labels(schema_labels.begin(), schema_labels.end());
  py::array_t<std::int8_t> codes(static_cast<py::ssize_t>(values.size()));
  for (std::size_t i = 0; i < values.size(); ++i) codes.mutable_data()[i] = static_cast<std::int8_t>(values[i]);
  return py::make_tuple(codes, py::cast(labels));
}

py::array_t<std::int8_t> flags(const std::vector<std::int8_t>& v) {
  py::array_t<std::int8_t> out(static_cast<py::ssize_t>(v.size()));
  std::copy(v.begin(), v.end(), out.mutable_data());
  return out;
}

py::array_t<std::int64_t> dates(const std::vector<std::int64_t>& v) {
  // Seconds since the epoch; no_date becomes the int64 minimum, which pandas reads as NaT.
  py::array_t<std::int64_t> out(static_cast<py::ssize_t>(v.size()));
  std::copy(v.begin(), v.end(), out.mutable_data());
  return out;
}

// The schema's columns without a member of their own, typed as the other columns of their kind.
void add_schema_columns(py::dict& out, const std::string& table, const std::vector<SchemaColumn>& columns,
                        py::handle owner) {
  for (const auto& c : columns) {
    switch (c.kind) {
      case ColumnKind::number: out[py::str(c.name)] = view(c.numbers, owner); break;
      case ColumnKind::boolean: out[py::str(c.name)] = py::make_tuple("bool", flags(c.codes)); break;
      case ColumnKind::date: out[py::str(c.name)] = py::make_tuple("date", dates(c.dates)); break;
      case ColumnKind::enumeration: {
        std::vector<std::string> labels;
        for (const auto l : enum_labels(table, c.name)) labels.emplace_back(l);
        out[py::str(c.name)] = py::make_tuple("categorical", py::make_tuple(flags(c.codes), py::cast(labels)));
        break;
      }
      default: out[py::str(c.name)] = texts(c.texts);
    }
  }
}

void add_extras(py::dict& out, const std::vector<ExtraColumn>& extra) {
  for (const auto& column : extra) out[py::str(column.name)] = texts(column.values);
}

// Columns of one table, in the Org's canonical row order: numbers as read-only arrays, the rest
// as tagged tuples that the Python side turns into pandas dtypes: ("arrow", ...) text (see
// arrow_text), ("categorical", codes, labels), ("bool", int8), ("date", seconds). Scored values
// (assessment, potential, flight_risk, competency scores) as read, on their declared scales, or
// mapped to [0, 1] when `normalized`.
py::dict table_columns(const OrgPtr& org, const std::string& name, bool normalized, py::handle owner) {
  py::dict out;
  if (name == "people") {
    const auto& p = org->people();
    out["id"] = texts(p.ids);
    out["name"] = texts(p.names);
    out["department"] = py::make_tuple("categorical", categories(p.departments));
    out["role"] = py::make_tuple("categorical", categories(p.roles));
    out["tier"] = py::make_tuple("categorical", enum_codes(p.tiers, enum_labels("people", "tier")));
    out["manager_id"] = person_ids(*org, org->hierarchy().manager);
    out["assessment"] = view(normalized ? p.assessment : as_read(p.assessment, p.assessment_read), owner);
    out["potential"] = view(normalized ? p.potential : as_read(p.potential, p.potential_read), owner);
    out["flight_risk"] = view(normalized ? p.flight_risk : as_read(p.flight_risk, p.flight_risk_read), owner);
    out["has_career_plan"] = py::make_tuple("bool", flags(p.has_career_plan));
    out["has_quantified_kpi"] = py::make_tuple("bool", flags(p.has_quantified_kpi));
    add_schema_columns(out, name, p.columns, owner);
    add_extras(out, p.extra);
  } else if (name == "competencies") {
    const auto& c = org->competencies();
    const Eigen::MatrixXd& scores = normalized ? c.scores : as_read(c.scores, c.scores_read);
    std::vector<index_t> person;
    std::vector<std::string> competency;
    std::vector<double> score;
    for (Eigen::Index i = 0; i < scores.rows(); ++i)
      for (Eigen::Index j = 0; j < scores.cols(); ++j)
        if (!std::isnan(scores(i, j))) {
          person.push_back(static_cast<index_t>(i));
          competency.push_back(c.names[static_cast<std::size_t>(j)]);
          score.push_back(scores(i, j));
        }
    out["person_id"] = person_ids(*org, person);
    out["competency"] = py::cast(competency);
    out["score"] = py::array_t<double>(static_cast<py::ssize_t>(score.size()), score.data());
    add_schema_columns(out, name, c.columns, owner);
    add_extras(out, c.extra);
  } else if (name == "successors") {
    const auto& s = org->successors();
    out["incumbent_id"] = person_ids(*org, s.incumbent);
    out["successor_id"] = person_ids(*org, s.successor);
    out["readiness"] = py::make_tuple("categorical", enum_codes(s.readiness, enum_labels("successors", "readiness")));
    add_schema_columns(out, name, s.columns, owner);
    add_extras(out, s.extra);
  } else if (name == "sharing") {
    const auto& s = org->sharing();
    out["person_a"] = person_ids(*org, s.a);
    out["person_b"] = person_ids(*org, s.b);
    out["channel"] = py::make_tuple("categorical", enum_codes(s.channel, enum_labels("sharing", "channel")));
    out["per_week"] = view(s.per_week, owner);
    add_schema_columns(out, name, s.columns, owner);
    add_extras(out, s.extra);
  } else if (name == "meetings") {
    const auto& m = org->meetings();
    out["meeting_id"] = texts(m.ids);
    out["date"] = py::make_tuple("date", dates(m.date));
    out["channel"] = py::make_tuple("categorical", enum_codes(m.channel, enum_labels("meetings", "channel")));
    out["presenter_id"] = person_ids(*org, m.presenter);
    add_schema_columns(out, name, m.columns, owner);
    add_extras(out, m.extra);
  } else if (name == "attendance") {
    const auto& m = org->meetings();
    std::vector<index_t> meeting_of(m.attendees.size());  // per attendance row
    for (std::size_t k = 0; k + 1 < m.attendance_offsets.size(); ++k)
      for (auto a = m.attendance_offsets[k]; a < m.attendance_offsets[k + 1]; ++a) meeting_of[a] = static_cast<index_t>(k);
    out["meeting_id"] = arrow_text(meeting_of.size(), [&](std::size_t a) { return given(m.ids[meeting_of[a]]); });
    out["person_id"] = person_ids(*org, m.attendees);
  } else if (name == "incentives") {
    const auto& in = org->incentives();
    out["person_id"] = person_ids(*org, in.person);
    out["kind"] = py::make_tuple("categorical", enum_codes(in.kind, enum_labels("incentives", "kind")));
    out["type"] = py::make_tuple("categorical", categories(in.type));
    out["amount"] = view(in.amount, owner);
    out["date"] = py::make_tuple("date", dates(in.date));
    add_schema_columns(out, name, in.columns, owner);
    add_extras(out, in.extra);
  } else if (name == "goals") {
    const auto& g = org->goals();
    out["goal_id"] = texts(g.ids);
    out["owner_id"] = person_ids(*org, g.owner);
    out["parent_goal_id"] = arrow_text(g.parent.size(), [&](std::size_t i) {
      return g.parent[i] == no_index ? std::nullopt : given(g.ids[g.parent[i]]);
    });
    out["quantified"] = py::make_tuple("bool", flags(g.quantified));
    add_schema_columns(out, name, g.columns, owner);
    add_extras(out, g.extra);
  } else if (name == "contributions") {
    const auto& c = org->contributions();
    out["person_id"] = person_ids(*org, c.person);
    out["artifact"] = py::make_tuple("categorical", categories(c.artifact));
    out["action"] = py::make_tuple("categorical", enum_codes(c.action, enum_labels("contributions", "action")));
    out["date"] = py::make_tuple("date", dates(c.date));
    out["previous_artifact"] = arrow_text(c.previous.size(), [&](std::size_t i) {
      return c.previous[i] < 0 ? std::nullopt : given(c.artifact.labels[static_cast<std::size_t>(c.previous[i])]);
    });
    add_schema_columns(out, name, c.columns, owner);
    add_extras(out, c.extra);
  } else {
    throw py::value_error("unknown table '" + name + "'");
  }
  return out;
}

// A table's columns as read from Python (with the GIL held), added to the Table once the text
// columns' cells are cut out of their Arrow buffers (without it, several columns at once).
struct PendingColumn {
  std::string name;
  enum class Kind { arrow, numeric, list } kind;
  py::object keep;                    // the arrays the pointers below read
  const std::int64_t* offsets = nullptr;
  const std::uint8_t* bytes = nullptr;
  std::size_t size = 0;               // bytes
  const bool* valid = nullptr;
  std::string* owned = nullptr;       // the table's copy of the bytes
  const double* numbers = nullptr;
  std::vector<std::string> strings;   // a list column's cells
  std::vector<std::string_view> cells;
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
// bytes; unless the column stays in Arrow's layout (`lazy`), copies the bytes once and cuts the
// cells.
void cut_cells(PendingColumn& c, bool lazy) {
  const std::size_t rows = c.rows;
  const auto total = static_cast<std::int64_t>(c.size);
  for (std::size_t i = 0; i < rows; ++i)
    if (c.offsets[i + 1] < c.offsets[i] || c.offsets[i + 1] > total) {
      c.error = "has offsets out of order";
      return;
    }
  if (lazy) return;
  std::memcpy(c.owned->data(), c.bytes, c.size);
  c.cells.resize(rows);
  const std::string_view text(*c.owned);
  for (std::size_t i = 0; i < rows; ++i)
    if (c.valid[i])
      c.cells[i] = text.substr(static_cast<std::size_t>(c.offsets[i]), static_cast<std::size_t>(c.offsets[i + 1] - c.offsets[i]));
}

// Steps 2 and 3 for several tables: the text columns are checked (and cut) on up to two threads
// with the GIL released (a batch of a million teams has a hundred million cells), then every
// table gets its columns in their order. With `keep` (batch scoring), text and number columns
// stay in Arrow's layout, read where pandas holds them, and `keep` holds their arrays for the
// tables' lifetime.
std::vector<std::pair<std::string, Table>> finish_python_tables(std::vector<std::pair<std::string, PendingTable>> pending,
                                                                std::vector<py::object>* keep = nullptr) {
  std::vector<PendingColumn*> jobs;
  std::size_t cells = 0;
  for (auto& [name, t] : pending)
    for (auto& c : t.columns)
      if (c.kind == PendingColumn::Kind::arrow) {
        if (!keep) c.owned = &t.table.adopt(std::string(c.size, '\0'));
        jobs.push_back(&c), cells += c.rows;
      }
  {
    py::gil_scoped_release release;
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t j = next++; j < jobs.size(); j = next++) try {
          cut_cells(*jobs[j], keep != nullptr);
        } catch (const std::bad_alloc&) {
          jobs[j]->error = "does not fit in memory";
        }
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
          if (keep) {
            t.table.add_arrow_text_column(std::move(c.name),
                                          {c.offsets, reinterpret_cast<const char*>(c.bytes), c.valid});
            keep->push_back(std::move(c.keep));
          } else {
            t.table.add_owned_text_column(std::move(c.name), std::move(c.cells));
          }
          break;
        case PendingColumn::Kind::numeric:
          if (keep) {  // read in place too
            t.table.add_arrow_numeric_column(std::move(c.name), c.numbers);
            keep->push_back(std::move(c.keep));
          } else {
            t.table.add_numeric_column(std::move(c.name), std::vector<double>(c.numbers, c.numbers + c.rows));
          }
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

// The inverse of tables_from_python for one table: (rows, [(column, float64 array | list of
// str/None)]).
py::tuple table_to_python(const Table& table) {
  py::list columns;
  for (const auto& c : table.columns()) {
    if (c.numeric) {
      columns.append(py::make_tuple(c.name, py::array_t<double>(c.numbers.size(), c.numbers.data())));
    } else {
      py::list values(c.text.size());
      for (std::size_t i = 0; i < c.text.size(); ++i) values[i] = text_or_none(c.text[i]);
      columns.append(py::make_tuple(c.name, values));
    }
  }
  return py::make_tuple(table.rows(), columns);
}


// Tables from the Python form {name: (rows, columns)}, in a stable order. `keep`: see
// finish_python_tables.
std::vector<std::pair<std::string, Table>> tables_from_python(const py::dict& tables,
                                                              std::vector<py::object>* keep = nullptr) {
  std::vector<std::pair<std::string, PendingTable>> pending;
  for (const auto& [key, value] : tables) {
    const auto name = key.cast<std::string>();
    const auto spec = value.cast<py::tuple>();
    pending.emplace_back(name, read_python_table(name, spec[1].cast<py::list>(), spec[0].cast<std::size_t>()));
  }
  return finish_python_tables(std::move(pending), keep);
}

// The input schema as Python data: [{name, file, required, columns: [{name, kind, required, labels, ...}]}].
py::list schema_list() {
  py::list tables;
  for (const auto& t : input_schema()) {
    py::list columns;
    for (const auto& c : t.columns) {
      py::dict column;
      column["name"] = std::string(c.name);
      column["kind"] = std::string(to_string(c.kind));
      column["required"] = c.required;
      py::list labels;
      for (auto l : c.labels) labels.append(std::string(l));
      column["labels"] = labels;
      column["default"] = c.default_value.empty() ? py::object(py::none()) : py::object(py::str(std::string(c.default_value)));
      column["type"] = std::string(c.type);
      column["meaning"] = std::string(c.meaning);
      columns.append(column);
    }
    py::dict table;
    table["name"] = std::string(t.name);
    table["file"] = std::string(t.file);
    table["required"] = t.required;
    table["columns"] = columns;
    tables.append(table);
  }
  return tables;
}

}  // namespace

void bind_org(py::module_& m) {
  m.def("schema", &schema_list,
        "The input schema: a list of tables {name, file, required, columns}, each column "
        "{name, kind, required, labels, default, type, meaning}; kind is one of id, person, reference, text, "
        "number, date, enum, bool.");
  py::class_<Org, std::shared_ptr<Org>>(m, "Org", "An immutable, validated team (C++ teamgraph::Org).")
      .def(py::init<>(), "An empty team.")
      .def("__len__", &Org::size)
      .def_property_readonly("size", &Org::size, "Number of people.")
      .def("find", [](const Org& org, std::string_view id) -> std::optional<index_t> { return org.find(id); },
           py::arg("id"), "Index of the person with this id (exact match), or None.")
      .def("ids", [](const Org& org) { return text_list(org.people().ids); },
           "Person ids in the org's canonical order (preorder of the reports-to forest).")
      .def("table_columns",
           [](const std::shared_ptr<Org>& org, const std::string& name, bool normalized) {
             return table_columns(org, name, normalized, py::cast(org));
           },
           py::arg("name"), py::arg("normalized") = false,
           "Columns of one table in canonical order (used by Org.people / Org.table): scored values as read, "
           "on their declared scales, or mapped to [0, 1] when normalized.")
      .def("hierarchy_arrays",
           [](const std::shared_ptr<Org>& org) {
             const auto& h = org->hierarchy();
             const py::object owner = py::cast(org);
             py::dict out;
             out["manager"] = indices(h.manager);
             out["depth"] = view(h.depth.data(), h.depth.size(), owner);
             out["subtree_end"] = view(h.subtree_end.data(), h.subtree_end.size(), owner);
             out["tops"] = indices(h.tops);
             out["layers"] = h.layers;
             return out;
           },
           "manager (-1 for a top), depth, subtree_end (the unit of p is [p, subtree_end[p])), tops, layers.")
      .def("competency_matrix",
           [](const std::shared_ptr<Org>& org) {
             const auto& c = org->competencies();
             const py::object owner = py::cast(org);
             // Eigen is column-major: people x competencies with Fortran strides, no copy.
             py::array_t<double> scores({c.scores.rows(), c.scores.cols()},
                                        {static_cast<py::ssize_t>(sizeof(double)),
                                         static_cast<py::ssize_t>(sizeof(double) * c.scores.rows())},
                                        c.scores.data(), owner);
             py::detail::array_proxy(scores.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
             return py::make_tuple(py::cast(c.names), scores);
           },
           "(names, scores): people x competencies, normalized to [0, 1], NaN = not assessed.")
      .def_property_readonly("warnings", &Org::warnings, "Problems that did not stop the build.")
      .def_property_readonly("tables", &Org::tables, "The input tables that were given.")
      .def_property_readonly("team_name", [](const Org& org) { return org.team().name; })
      .def_property_readonly("team_json", [](const Org& org) { return org.team().json; },
                             "team.json as canonical JSON text ('' when not given).")
      .def_property_readonly("period", [](const Org& org) {
        auto as_py = [](std::int64_t d) { return d == no_date ? py::object(py::none()) : py::object(py::int_(d)); };
        return py::make_tuple(as_py(org.team().period_start), as_py(org.team().period_end));
      }, "(start, end) of the analysis period in Unix seconds, None when not given.");

  m.def(
      "read_org",
      [](const std::filesystem::path& path, bool lenient, bool follow_symlinks) {
        ReadOptions options;
        options.lenient = lenient;
        options.follow_symlinks = follow_symlinks;
        return interruptible([&] { return std::make_shared<Org>(read_org(path, options)); });
      },
      py::arg("path"), py::arg("lenient") = false, py::arg("follow_symlinks") = false,
      "Reads and validates a team folder or JSON file; raises OrgDataError with every problem.");

  m.def(
      "org_from_columns",
      [](const py::dict& tables, const std::string& team_json, const py::list& problems_so_far, bool lenient) {
        OrgBuilder builder;
        builder.set_lenient(lenient);
        std::vector<Problem> problems = problems_so_far.cast<std::vector<Problem>>();
        for (auto& [name, table] : tables_from_python(tables)) builder.add_table(name, std::move(table));
        if (!team_json.empty()) builder.set_team(parse_team_json(team_json, "team", problems));
        builder.add_problems(std::move(problems));
        return interruptible([&] { return std::make_shared<Org>(builder.build()); });
      },
      py::arg("tables"), py::arg("team_json") = "", py::arg("problems") = py::list(), py::arg("lenient") = false,
      "Builds an org from {table: (rows, [(column, float64 array | list of str/None), ...])}.");

  m.def(
      "what_if",
      [](const std::shared_ptr<Org>& org, std::vector<std::string> leave,
         std::vector<std::pair<std::string, std::string>> promote, std::vector<std::pair<std::string, std::string>> move,
         const std::vector<std::tuple<std::string, std::string, std::string>>& add_successor, bool fill,
         const std::string& policy_overrides) {
        WhatIf w{std::move(leave), std::move(promote), std::move(move), {}, fill};
        for (const auto& [incumbent, successor, readiness] : add_successor) {
          const auto& names = enum_labels("successors", "readiness");
          const auto it = std::find(names.begin(), names.end(), readiness);
          if (it == names.end())
            throw py::value_error("readiness must be ready_now, ready_1_2y or ready_3y_plus, not '" + readiness + "'");
          w.add_successor.emplace_back(incumbent, successor, static_cast<Readiness>(it - names.begin()));
        }
        const Policy policy = policy_for(*org, policy_overrides);
        auto [changed, plan] = interruptible([&] {
          return std::make_pair(std::make_shared<Org>(what_if(*org, w, policy)), plan_what_if(*org, w, policy));
        });
        return py::make_tuple(changed, plan.filled, plan.unfilled);
      },
      py::arg("org"), py::arg("leave"), py::arg("promote"), py::arg("move"), py::arg("add_successor"),
      py::arg("fill") = true, py::arg("policy") = "",
      "(the org after the changes, [(seat, successor) filled], [seats left empty]); see teamgraph::what_if.");

  m.def(
      "org_state",
      [](const std::shared_ptr<Org>& org) {
        py::dict out;
        for (const auto& [name, table] : org_tables(*org)) out[py::str(name)] = table_to_python(table);
        return py::make_tuple(out, org->team().json);
      },
      py::arg("org"), "The org's tables (values as read, on their declared scales) and team.json: what rebuilds it exactly "
      "(pickling).");

  m.def(
      "assess_many",
      [](const py::dict& tables, const std::string& team_column, const std::string& team_json,
         const std::string& policy_json, unsigned threads) {
        std::vector<py::object> buffers;  // the DataFrames' text, read in place while the batch runs
        auto owned = tables_from_python(tables, &buffers);
        std::vector<std::pair<std::string, const Table*>> views;
        for (const auto& [name, table] : owned) views.emplace_back(name, &table);
        std::vector<Problem> problems;
        const TeamInfo team = team_json.empty() ? TeamInfo{} : parse_team_json(team_json, "team", problems);
        if (!problems.empty()) throw OrgDataError(problems);
        Policy policy = team.policy_json.empty() ? Policy{} : policy_from_json(team.policy_json);
        if (!policy_json.empty()) policy = policy_from_json(policy_json, policy);
        const std::vector<TeamResult> results =
            interruptible([&] { return assess_many(views, team_column, team, policy, threads); });
        // Columns of the result table; text columns as Arrow buffers (no Python string per row).
        py::dict out;
        std::vector<std::int64_t> people;
        const auto& names = batch_scores;
        std::vector<std::vector<double>> values(names.size());
        std::vector<std::vector<std::int64_t>> findings(5);
        py::dict problems_by_team;
        std::vector<std::int64_t> problem_count;
        people.reserve(results.size());
        for (auto& v : values) v.reserve(results.size());
        for (auto& v : findings) v.reserve(results.size());
        problem_count.reserve(results.size());
        for (const auto& r : results) {
          people.push_back(r.people);
          for (std::size_t k = 0; k < names.size(); ++k) values[k].push_back(r.scores[k]);
          for (std::size_t k = 0; k < 5; ++k) findings[k].push_back(static_cast<std::int64_t>(r.findings[k]));
          problem_count.push_back(static_cast<std::int64_t>(r.problems.size()));
          if (!r.problems.empty()) problems_by_team[py::str(r.team)] = py::cast(r.problems);
        }
        out["team"] = arrow_text(results.size(), [&](std::size_t i) { return std::optional<std::string_view>(results[i].team); });
        out["weakest"] = arrow_text(results.size(), [&](std::size_t i) {
          const int w = results[i].weakest;
          return w < 0 ? std::nullopt : std::optional<std::string_view>(names[static_cast<std::size_t>(w)]);
        });
        out["people"] = py::array_t<std::int64_t>(static_cast<py::ssize_t>(people.size()), people.data());
        for (std::size_t k = 0; k < names.size(); ++k)
          out[py::str(std::string(names[k]))] = py::array_t<double>(static_cast<py::ssize_t>(values[k].size()), values[k].data());
        const char* severities[] = {"info", "low", "medium", "high", "critical"};
        for (std::size_t k = 5; k-- > 0;)
          out[py::str(std::string("findings_") + severities[k])] =
              py::array_t<std::int64_t>(static_cast<py::ssize_t>(findings[k].size()), findings[k].data());
        out["problems"] = py::array_t<std::int64_t>(static_cast<py::ssize_t>(problem_count.size()), problem_count.data());
        return py::make_tuple(out, problems_by_team);
      },
      py::arg("tables"), py::arg("team_column"), py::arg("team_json") = "", py::arg("policy") = "",
      py::arg("threads") = 0, "Scores every team of concatenated tables (releases the GIL; threads=0: every core).");

  m.def(
      "make_problem",
      [](const std::string& key, const std::string& file, std::int64_t record, const std::string& person_id,
         const std::string& field, const ProblemArgs& args, bool warning) {
        if (!key.starts_with("problem.")) throw py::value_error("a problem's key is problem.<code>[.<variant>], not '" + key + "'");
        return make_problem(key, args, file, record, person_id, field, warning ? Severity::warning : Severity::error);
      },
      py::arg("key"), py::arg("file"), py::arg("record"), py::arg("person_id"), py::arg("field"),
      py::arg("args") = ProblemArgs{}, py::arg("warning") = false,
      "A Problem found by the Python layer (DataFrame checks): the message `key` (problem.<code>[.<variant>]) with its "
      "named values `args`, [(name, text), ...]; its English message is filled in.");

  m.def(
      "problem_message", [](const std::string& key, const ProblemArgs& args) { return problem_message(key, args); },
      py::arg("key"), py::arg("args") = ProblemArgs{},
      "The English message of `key` with `args` (the key itself when it has no template).");

  m.def("list_arg", &list_arg, py::arg("items"), "A list as one value of a problem's args (items apart by U+001F).");

  m.def(
      "problem_templates",
      [] {
        std::vector<std::tuple<std::string, std::string, std::string>> out;
        for (const auto& t : problem_templates()) out.emplace_back(t.key, t.singular, t.plural);
        return out;
      },
      "[(key, English text, English plural or '')]: the template of every problem message.");
}

}  // namespace teamgraph::python
