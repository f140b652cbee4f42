// The JSON report's per-person rows written in C++ from columns (#17): json.dumps of a million
// rows of dicts took most of a minute; this writes the same bytes from the arrays, streamed.

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "bindings.hpp"
#include "json_stream.hpp"
#include "json_text.hpp"
#include "teamgraph/org_parts.hpp"

namespace py = pybind11;

namespace teamgraph::python {

namespace {

// One column of the rows: its key and values of one kind.
struct RowColumn {
  enum class Kind { number, whole, boolean, text, coded, people_text } kind = Kind::number;
  std::string key;
  py::array codes;                   // coded: each row's label, -1 none (null): signed integers of any width, read in place
  int code_bytes = 8;                // the width of a code
  std::vector<std::string> labels;   // coded: each label as its JSON string, quotes included
  py::array_t<double> numbers;
  py::array_t<std::int64_t> wholes;  // also the text's offsets
  py::array_t<std::uint32_t> counts;  // whole numbers given as uint32 (the core's counts, read in place)
  bool given_as_counts = false;
  py::array_t<bool> flags;           // booleans, or which texts are given
  py::array_t<std::uint8_t> bytes;   // the texts
  std::shared_ptr<const Org> org;    // people_text: the org whose people's ids or names are the rows
  const StringColumn* people_text = nullptr;

  std::int64_t code(std::size_t i) const {
    const void* data = codes.data();
    switch (code_bytes) {
      case 1: return static_cast<const std::int8_t*>(data)[i];
      case 2: return static_cast<const std::int16_t*>(data)[i];
      case 4: return static_cast<const std::int32_t*>(data)[i];
      default: return static_cast<const std::int64_t*>(data)[i];
    }
  }
};

RowColumn row_column(const py::tuple& spec, std::size_t rows) {
  RowColumn c;
  c.key = spec[0].cast<std::string>();
  const auto kind = spec[1].cast<std::string>();
  auto check = [&](auto size, std::size_t want) {
    if (static_cast<std::size_t>(size) != want) throw py::value_error("json_rows: column " + c.key + " has the wrong length");
  };
  if (kind == "number") {
    c.kind = RowColumn::Kind::number;
    c.numbers = spec[2].cast<py::array_t<double, py::array::c_style | py::array::forcecast>>();
    check(c.numbers.size(), rows);
  } else if (kind == "whole") {
    c.kind = RowColumn::Kind::whole;
    if (py::isinstance<py::array_t<std::uint32_t, py::array::c_style>>(spec[2])) {
      c.counts = spec[2].cast<py::array_t<std::uint32_t, py::array::c_style>>();
      c.given_as_counts = true;
      check(c.counts.size(), rows);
    } else {
      c.wholes = spec[2].cast<py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>>();
      check(c.wholes.size(), rows);
    }
  } else if (kind == "boolean") {
    c.kind = RowColumn::Kind::boolean;
    c.flags = spec[2].cast<py::array_t<bool, py::array::c_style | py::array::forcecast>>();
    check(c.flags.size(), rows);
  } else if (kind == "text") {
    c.kind = RowColumn::Kind::text;
    c.wholes = spec[2].cast<py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>>();
    c.bytes = spec[3].cast<py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>>();
    c.flags = spec[4].cast<py::array_t<bool, py::array::c_style | py::array::forcecast>>();
    check(c.wholes.size(), rows + 1);
    check(c.flags.size(), rows);
    const auto* o = c.wholes.data();
    for (std::size_t i = 0; i < rows; ++i)
      if (o[i] < 0 || o[i] > o[i + 1] || o[i + 1] > static_cast<std::int64_t>(c.bytes.size()))
        throw py::value_error("json_rows: column " + c.key + " has offsets out of order");
  } else if (kind == "people_text") {
    // The org's ids or names read in place (an empty one null), not copied into a column first
    // (37 MB at a million people).
    c.kind = RowColumn::Kind::people_text;
    c.org = spec[2].cast<std::shared_ptr<Org>>();
    if (!c.org) throw py::type_error("json_rows: people_text needs an org, not None");
    const auto which = spec[3].cast<std::string>();
    if (which != "ids" && which != "names") throw py::value_error("json_rows: people_text of ids or names, not " + which);
    c.people_text = which == "ids" ? &c.org->people().ids : &c.org->people().names;
    check(c.people_text->size(), rows);
  } else if (kind == "coded") {
    c.kind = RowColumn::Kind::coded;
    // A categorical column's codes as pandas holds them (int8 for a few labels): read in place,
    // not widened (8 MB a column at a million rows).
    const py::handle given = spec[2];
    if (py::isinstance<py::array_t<std::int8_t, py::array::c_style>>(given) ||
        py::isinstance<py::array_t<std::int16_t, py::array::c_style>>(given) ||
        py::isinstance<py::array_t<std::int32_t, py::array::c_style>>(given) ||
        py::isinstance<py::array_t<std::int64_t, py::array::c_style>>(given)) {
      c.codes = py::reinterpret_borrow<py::array>(given);
    } else {
      c.codes = spec[2].cast<py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>>();
    }
    c.code_bytes = static_cast<int>(c.codes.itemsize());
    check(c.codes.size(), rows);
    for (const auto& label : spec[3].cast<std::vector<std::string>>()) json::string(c.labels.emplace_back(), label);
    const auto labels = static_cast<std::int64_t>(c.labels.size());
    for (std::size_t i = 0; i < rows; ++i)
      if (const std::int64_t code = c.code(i); code < -1 || code >= labels)
        throw py::value_error("json_rows: column " + c.key + " has a code out of range");
  } else {
    throw py::value_error("json_rows: no kind " + kind);
  }
  return c;
}

}  // namespace

void bind_json(py::module_& m) {
  m.def(
      "json_rows",
      [](std::size_t rows, const std::vector<py::tuple>& specs, int level, py::object write) {
        std::vector<RowColumn> columns;
        for (const auto& s : specs) columns.push_back(row_column(s, rows));
        std::vector<std::string> keys(columns.size());  // each column's separator, indent and key, made once
        for (std::size_t k = 0; k < columns.size(); ++k) json::key(keys[k], columns[k].key, k == 0, level + 2);
        // The most a row can take but for its texts' own bytes (json::string_room of each): its
        // separator, lines, braces, keys and values at their longest.
        std::size_t row_room = 2 * (1 + 2 * static_cast<std::size_t>(level + 1)) + 3;
        std::vector<const RowColumn*> texts;  // the text columns, whose room depends on the row
        for (std::size_t k = 0; k < columns.size(); ++k) {
          const RowColumn& c = columns[k];
          row_room += keys[k].size();
          switch (c.kind) {
            case RowColumn::Kind::number: row_room += json::number_room; break;
            case RowColumn::Kind::whole: row_room += json::whole_room; break;
            case RowColumn::Kind::boolean: row_room += 5; break;
            case RowColumn::Kind::coded: {
              std::size_t longest = 4;  // null
              for (const auto& label : c.labels) longest = std::max(longest, label.size());
              row_room += longest;
              break;
            }
            case RowColumn::Kind::text:
            case RowColumn::Kind::people_text:
              row_room += 4;  // null; the text's own room (json::string_room) is counted a row
              texts.push_back(&c);
              break;
          }
        }
        // Each row written straight into room made for it once (not value by value).
        const auto write_row = [&](std::size_t i, char* p) {
          if (i) *p++ = ',';
          p = json::line_to(p, level + 1);
          *p++ = '{';
          if (columns.empty()) return json::text_to(p, "}");
          for (std::size_t k = 0; k < columns.size(); ++k) {
            const RowColumn& c = columns[k];
            p = json::text_to(p, keys[k]);
            switch (c.kind) {
              case RowColumn::Kind::number: p = json::number_to(p, c.numbers.data()[i]); break;
              case RowColumn::Kind::whole:
                p = json::whole_to(p, c.given_as_counts ? std::int64_t{c.counts.data()[i]} : c.wholes.data()[i]);
                break;
              case RowColumn::Kind::boolean: p = json::text_to(p, c.flags.data()[i] ? "true" : "false"); break;
              case RowColumn::Kind::coded: {
                const std::int64_t code = c.code(i);
                p = json::text_to(p, code < 0 ? std::string_view("null") : std::string_view(c.labels[static_cast<std::size_t>(code)]));
                break;
              }
              case RowColumn::Kind::people_text: {
                const std::string_view text = (*c.people_text)[i];
                p = text.empty() ? json::text_to(p, "null") : json::string_to(p, text);
                break;
              }
              case RowColumn::Kind::text: {
                if (!c.flags.data()[i]) {
                  p = json::text_to(p, "null");
                  break;
                }
                const auto* o = c.wholes.data();
                p = json::string_to(p, std::string_view(reinterpret_cast<const char*>(c.bytes.data()) + o[i],
                                                        static_cast<std::size_t>(o[i + 1] - o[i])));
                break;
              }
            }
          }
          p = json::line_to(p, level + 1);
          *p++ = '}';
          return p;
        };
        const auto format = [&](std::size_t begin, std::size_t end, std::string& out) {
          out.reserve(out.size() + (end - begin) * (columns.size() * 40 + 16));
          for (std::size_t i = begin; i < end; ++i) {
            std::size_t room = row_room;
            for (const RowColumn* c : texts) {
              if (c->people_text) {
                room += json::string_room((*c->people_text)[i].size());
                continue;
              }
              const auto* o = c->wholes.data();
              room += json::string_room(static_cast<std::size_t>(o[i + 1] - o[i]));
            }
            json::append_written(out, room, [&](char* p) { return write_row(i, p); });
          }
        };
        std::string suffix;
        if (rows) json::line(suffix, level), suffix += ']';
        return json::stream_blocks(rows, 1024, rows ? "[" : "[]", suffix, format, write);
      },
      py::arg("rows"), py::arg("columns"), py::arg("level"), py::arg("write") = py::none(),
      "A JSON array of `rows` objects (UTF-8), as json.dumps(indent=2, sort_keys=True, ensure_ascii=False) writes "
      "it at `level`; columns: [(key, 'number', float64[]) | (key, 'whole', int64[] or uint32[]) | (key, 'boolean', bool[]) | "
      "(key, 'text', offsets int64[rows + 1], bytes uint8[], given bool[rows]) | (key, 'coded', codes int8/16/32/64[rows], labels: "
      "list of str; code -1: null) | (key, 'people_text', org, 'ids' or 'names': the org's own, read in place; "
      "an empty one null)], keys in order. Returned as bytes, "
      "or, given `write` (a binary file's write), written through it in blocks formatted on worker threads.");
}

}  // namespace teamgraph::python
