#include <pybind11/stl.h>

#include "bindings.hpp"
#include "teamgraph/errors.hpp"
#include "teamgraph/version.hpp"

namespace py = pybind11;

PYBIND11_MODULE(_core, m) {
  m.doc() = "teamgraph's compiled core. Use the teamgraph package; this module is its engine.";
  m.attr("__version__") = teamgraph::version;

  py::enum_<teamgraph::Severity>(m, "Severity")
      .value("warning", teamgraph::Severity::warning)
      .value("error", teamgraph::Severity::error);

  py::class_<teamgraph::Problem>(m, "Problem", "One problem in the input data, with where it was found.")
      .def_readonly("code", &teamgraph::Problem::code, "Stable snake_case code, e.g. 'duplicate_id'.")
      .def_readonly("severity", &teamgraph::Problem::severity)
      .def_readonly("file", &teamgraph::Problem::file, "File or table the problem is in.")
      .def_readonly("record", &teamgraph::Problem::record,
                    "1-based CSV line (or JSON/DataFrame record) of the record; 0 for a whole file.")
      .def_readonly("person_id", &teamgraph::Problem::person_id)
      .def_readonly("field", &teamgraph::Problem::field)
      .def_readonly("message", &teamgraph::Problem::message, "What was expected and what was found, in English.")
      .def_readonly("key", &teamgraph::Problem::key,
                    "The message's catalog key, 'problem.<code>[.<variant>]' ('' for a message with no entry).")
      .def_readonly("args", &teamgraph::Problem::args, "The message's named values, [(name, text), ...].")
      .def("__str__", &teamgraph::Problem::to_string)
      .def("__repr__", [](const teamgraph::Problem& p) { return "<Problem " + p.to_string() + ">"; })
      .def("__eq__", [](const teamgraph::Problem& a, const teamgraph::Problem& b) { return a == b; })
      .def(py::pickle(
          [](const teamgraph::Problem& p) {
            return py::make_tuple(p.code, static_cast<int>(p.severity), p.file, p.record, p.person_id, p.field,
                                  p.message, p.key, p.args);
          },
          [](const py::tuple& t) {  // 7 items: pickled before problems had keys
            teamgraph::Problem p{t[0].cast<std::string>(),      static_cast<teamgraph::Severity>(t[1].cast<int>()),
                                 t[2].cast<std::string>(),      t[3].cast<std::int64_t>(),
                                 t[4].cast<std::string>(),      t[5].cast<std::string>(),
                                 t[6].cast<std::string>(),      {},
                                 {}};
            if (t.size() >= 9) {
              p.key = t[7].cast<std::string>();
              p.args = t[8].cast<teamgraph::ProblemArgs>();
            }
            return p;
          }))
      .def("to_dict", [](const teamgraph::Problem& p) {
        py::dict d;
        d["code"] = p.code;
        d["severity"] = p.severity == teamgraph::Severity::error ? "error" : "warning";
        d["file"] = p.file;
        d["record"] = p.record;
        d["person_id"] = p.person_id;
        d["field"] = p.field;
        d["message"] = p.message;
        d["key"] = p.key;
        py::dict args;  // {name: value}: a name is given once
        for (const auto& [name, value] : p.args) args[py::str(name)] = value;
        d["args"] = args;
        return d;
      });

  // OrgDataError and RequestError are Python classes (teamgraph.errors, ValueError subclasses)
  // that carry the problems as a list.
  py::register_exception_translator([](std::exception_ptr error) {
    if (!error) return;
    try {
      std::rethrow_exception(error);
    } catch (const teamgraph::OrgDataError& e) {
      py::gil_scoped_acquire gil;
      py::object type = py::module_::import("teamgraph.errors").attr("OrgDataError");
      py::object instance = type(e.what(), py::cast(e.problems()));
      PyErr_SetObject(type.ptr(), instance.ptr());
    } catch (const teamgraph::RequestError& e) {
      py::gil_scoped_acquire gil;
      py::object type = py::module_::import("teamgraph.errors").attr("RequestError");
      py::object instance = type(e.what(), e.subject(), py::cast(e.problems()), e.listed());
      PyErr_SetObject(type.ptr(), instance.ptr());
    }
  });

  teamgraph::python::bind_org(m);
  teamgraph::python::bind_report(m);
  teamgraph::python::bind_scores(m);
  teamgraph::python::bind_findings(m);
  teamgraph::python::bind_json(m);
  teamgraph::python::bind_talent_grid(m);
}
