// The org's tables for Python, in canonical row order: numbers as read-only numpy views into the
// Org (no copy; the array keeps the Org alive), text as Arrow buffers, categories as codes and
// labels; and the input schema as Python data.

#include <pybind11/stl.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "columns.hpp"
#include "teamgraph/schema.hpp"

namespace teamgraph::python {

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
    {
      py::tuple tiers = enum_codes(p.tiers, enum_labels("people", "tier"));
      auto* codes = static_cast<std::int8_t*>(tiers[0].cast<py::array>().mutable_data());
      for (std::size_t i = 0; i < p.placeholder.size(); ++i)
        if (p.placeholder[i]) codes[i] = -1;  // a placeholder person is in no tier
      out["tier"] = py::make_tuple("categorical", tiers);
    }
    out["manager_id"] = person_ids(*org, org->hierarchy().manager);
    out["assessment"] = view(normalized ? p.assessment : as_read(p.assessment, p.assessment_read), owner);
    out["potential"] = view(normalized ? p.potential : as_read(p.potential, p.potential_read), owner);
    out["flight_risk"] = view(normalized ? p.flight_risk : as_read(p.flight_risk, p.flight_risk_read), owner);
    out["has_career_plan"] = py::make_tuple("bool", flags(p.has_career_plan));
    out["has_quantified_kpi"] = py::make_tuple("bool", flags(p.has_quantified_kpi));
    add_schema_columns(out, name, p.columns, owner);
    {  // placeholder people: true, else false (a person the data describes)
      std::vector<std::int8_t> placeholder(p.placeholder.begin(), p.placeholder.end());
      out["placeholder"] = py::make_tuple("bool", flags(placeholder));
    }
    add_extras(out, p.extra);
  } else if (name == "competencies") {
    const auto& c = org->competencies();
    const Eigen::MatrixXd& scores = normalized ? c.scores : as_read(c.scores, c.scores_read);
    std::vector<index_t> person;
    std::vector<std::uint32_t> competency;  // the column of c.names
    std::vector<double> score;
    const auto rows = static_cast<std::size_t>((scores.array() == scores.array()).count());  // NaN != NaN
    person.reserve(rows), competency.reserve(rows), score.reserve(rows);
    for (Eigen::Index i = 0; i < scores.rows(); ++i)
      for (Eigen::Index j = 0; j < scores.cols(); ++j)
        if (!std::isnan(scores(i, j))) {
          person.push_back(static_cast<index_t>(i));
          competency.push_back(static_cast<std::uint32_t>(j));
          score.push_back(scores(i, j));
        }
    out["person_id"] = person_ids(*org, person);
    out["competency"] = arrow_text(competency.size(), [&](std::size_t k) { return given(c.names[competency[k]]); });
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
  } else if (name == "operations") {
    const auto& op = org->operations();
    out["date"] = py::make_tuple("date", dates(op.date));
    out["channel"] = py::make_tuple("categorical", categories(op.channel));
    out["person_id"] = person_ids(*org, op.person);
    out["inquiries"] = view(op.inquiries, owner);
    out["replied"] = view(op.replied, owner);
    out["first_reply_minutes"] = view(op.first_reply_minutes, owner);
    out["orders"] = view(op.orders, owner);
    add_schema_columns(out, name, op.columns, owner);
    add_extras(out, op.extra);
  } else {
    throw py::value_error("unknown table '" + name + "'");
  }
  return out;
}

std::size_t table_rows(const Org& org, const std::string& name) {
  if (name == "people") return org.size();
  if (name == "competencies") {
    const auto& scores = org.competencies().scores;
    std::size_t rows = 0;
    for (Eigen::Index j = 0; j < scores.cols(); ++j)
      for (Eigen::Index i = 0; i < scores.rows(); ++i) rows += !std::isnan(scores(i, j));
    return rows;
  }
  if (name == "successors") return org.successors().incumbent.size();
  if (name == "sharing") return org.sharing().a.size();
  if (name == "meetings") return org.meetings().ids.size();
  if (name == "attendance") return org.meetings().attendees.size();
  if (name == "incentives") return org.incentives().person.size();
  if (name == "goals") return org.goals().ids.size();
  if (name == "contributions") return org.contributions().person.size();
  if (name == "operations") return org.operations().date.size();
  throw py::value_error("unknown table '" + name + "'");
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

}  // namespace teamgraph::python
