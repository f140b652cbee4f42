// Org, read_org, what-if and building from Python columns: the module's functions and the Org
// class. The columns themselves cross in bind_tables.cpp (to Python) and bind_frames.cpp (from it).

#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
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
#include "columns.hpp"

namespace py = pybind11;

namespace teamgraph::python {

namespace {

// IndexError for an index outside the org.
void check_person(const Org& org, std::int64_t person) {
  if (person < 0 || person >= static_cast<std::int64_t>(org.size()))
    throw py::index_error("no person " + std::to_string(person));
}

// The id of person `person` as a Python str.
py::str id_text(const Org& org, std::int64_t person) {
  check_person(org, person);
  const std::string_view id = org.id(static_cast<index_t>(person));
  return py::str(id.data(), id.size());
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
      .def_property_readonly("headcount", &Org::headcount,
                             "Number of people the data describes: size less the placeholder people.")
      .def("find", [](const Org& org, std::string_view id) -> std::optional<index_t> { return org.find(id); },
           py::arg("id"), "Index of the person with this id (exact match), or None.")
      .def("ids", [](const Org& org) { return text_list(org.people().ids); },
           "Person ids in the org's canonical order (preorder of the reports-to forest).")
      .def(
          "id", [](const Org& org, std::int64_t person) { return id_text(org, person); }, py::arg("person"),
          "The id of the person at this index.")
      .def(
          "ids_at",
          [](const Org& org, const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& at) {
            const auto index = at.unchecked<1>();
            for (py::ssize_t k = 0; k < index.shape(0); ++k) check_person(org, index(k));  // all before any text
            py::list out(static_cast<std::size_t>(index.shape(0)));
            for (py::ssize_t k = 0; k < index.shape(0); ++k) out[static_cast<std::size_t>(k)] = id_text(org, index(k));
            return out;
          },
          py::arg("indices"), "The ids of the people at these indices, in their order (no list of everyone made).")
      .def("table_columns",
           [](const std::shared_ptr<Org>& org, const std::string& name, bool normalized,
              std::optional<std::vector<std::string>> columns) {
             if (columns) {  // sorted, each once: a column is looked up by halving, however many are asked for
               std::sort(columns->begin(), columns->end());
               columns->erase(std::unique(columns->begin(), columns->end()), columns->end());
             }
             return table_columns(org, name, normalized, py::cast(org), columns ? &*columns : nullptr);
           },
           py::arg("name"), py::arg("normalized") = false, py::arg("columns") = py::none(),
           "Columns of one table in canonical order (used by Org.people / Org.table): scored values as read, "
           "on their declared scales, or mapped to [0, 1] when normalized; only those named in `columns` when given.")
      .def("table_digest",
           [](const Org& org, const std::string& name, const py::function& update, std::size_t block) {
             return table_digest(org, name, update, block);
           },
           py::arg("name"), py::arg("update"), py::arg("block") = std::size_t{1} << 22,
           "Calls update(memoryview) with the bytes input_checksum hashes for one table's columns, in order, in "
           "blocks of up to `block` bytes made on a second thread meanwhile; False, and no call, where the core "
           "cannot make them (a date after 2262, past what nanoseconds hold).")
      .def("table_rows", [](const Org& org, const std::string& name) { return table_rows(org, name); }, py::arg("name"),
           "Rows of one table (as table_columns gives it), without making it.")
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
      .def("sharing_links",
           [](const std::shared_ptr<Org>& org) {
             const auto& s = org->sharing();
             const py::object owner = py::cast(org);
             return py::make_tuple(view(s.a.data(), s.a.size(), owner), view(s.b.data(), s.b.size(), owner));
           },
           "(a, b): the people of every sharing link as indices, a < b, sorted (a link a channel).")
      .def("competency_matrix",
           [](const std::shared_ptr<Org>& org) {
             const auto& c = org->competencies();
             // The cells given, spread into a table made here (people x competencies: as big as
             // that is, where the org holds only the cells).
             const auto people = static_cast<py::ssize_t>(c.scores.rows()), names = static_cast<py::ssize_t>(c.scores.cols());
             py::array_t<double> scores({people, names});
             auto cells = scores.mutable_unchecked<2>();
             for (py::ssize_t i = 0; i < people; ++i) {
               for (py::ssize_t k = 0; k < names; ++k) cells(i, k) = std::numeric_limits<double>::quiet_NaN();
               for (auto cell = c.scores.first(i); cell < c.scores.first(i + 1); ++cell)
                 cells(i, static_cast<py::ssize_t>(c.scores.column_of(cell))) = c.scores.value_of(cell);
             }
             py::detail::array_proxy(scores.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
             return py::make_tuple(py::cast(c.names), scores);
           },
           "(names, scores): people x competencies, normalized to [0, 1], NaN = not assessed (a copy).")
      .def_property_readonly("warnings", &Org::warnings, "Problems that did not stop the build.")
      .def_property_readonly("tables", &Org::tables, "The input tables that were given.")
      .def_property_readonly("team_name", [](const Org& org) { return org.team().name; })
      .def_property_readonly("team_json", [](const Org& org) { return org.team().json; },
                             "team.json as canonical JSON text ('' when not given).")
      .def_property_readonly("period", [](const Org& org) {
        auto as_py = [](std::int64_t d) { return d == no_date ? py::object(py::none()) : py::object(py::int_(d)); };
        return py::make_tuple(as_py(org.team().period_start), as_py(org.team().period_end));
      }, "(start, end) of the analysis period in Unix seconds, None when not given.");

  m.def("release_free_memory", &release_free_memory, py::arg("people"),
        "Gives the memory the C library holds free back to the system, for an org of half a million people "
        "or more (after work that made and freed much: the input checksum).");

  m.def(
      "read_org",
      [](const std::filesystem::path& path, bool lenient, bool follow_symlinks) {
        ReadOptions options;
        options.lenient = lenient;
        options.follow_symlinks = follow_symlinks;
        auto org = interruptible([&] { return std::make_shared<Org>(read_org(path, options)); });
        release_free_memory(org->size());
        return org;
      },
      py::arg("path"), py::arg("lenient") = false, py::arg("follow_symlinks") = false,
      "Reads and validates a team folder or JSON file; raises OrgDataError with every problem.");

  m.def(
      "org_from_columns",
      [](const py::dict& tables, const std::string& team_json, const py::list& problems_so_far, bool lenient) {
        OrgBuilder builder;
        builder.set_lenient(lenient);
        std::vector<Problem> problems = problems_so_far.cast<std::vector<Problem>>();
        std::vector<py::object> buffers;  // the DataFrames' columns, read in place until the org is built
        for (auto& [name, table] : tables_from_python(tables, buffers)) builder.add_table(name, std::move(table));
        if (!team_json.empty()) builder.set_team(parse_team_json(team_json, "team", problems));
        builder.add_problems(std::move(problems));
        auto org = interruptible([&] { return std::make_shared<Org>(builder.build()); });
        release_free_memory(org->size());
        return org;
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
        release_free_memory(changed->size());
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
        auto owned = tables_from_python(tables, buffers);
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
