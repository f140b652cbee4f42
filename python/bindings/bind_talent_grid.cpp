// The reserve pool's suggestions: plain dicts, people as indices (the Python layer names them; the
// talent grid itself is bound in bind_report.cpp).

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>

#include "bindings.hpp"
#include "teamgraph/org_parts.hpp"
#include "teamgraph/scores/talent_grid.hpp"

namespace py = pybind11;

namespace teamgraph::python {
namespace {

py::object number_or_none(double x) { return std::isnan(x) ? py::object(py::none()) : py::object(py::float_(x)); }

}  // namespace

void bind_talent_grid(py::module_& m) {
  m.def(
      "suggest_successors",
      [](const std::shared_ptr<Org>& org, const std::string& overrides) {
        const Policy policy = policy_for(*org, overrides);
        const SuccessorSuggestions s = interruptible([&] { return suggest_successors(*org, policy); });
        py::dict d;
        d["assessed"] = s.assessed;
        d["absent_reason"] = s.absent_reason;
        d["seats"] = s.seats;
        py::list rows;
        for (const auto& x : s.suggestions) {
          py::dict r;
          r["seat"] = x.seat;
          r["person"] = x.person;
          r["rank"] = x.rank;
          r["performance"] = std::string(to_string(x.performance));
          r["potential"] = std::string(to_string(x.potential));
          r["named_for"] = x.named_for;
          r["same_unit"] = x.same_unit;
          r["fitness"] = number_or_none(x.fitness);
          r["readiness"] = std::string(to_string(x.readiness));
          rows.append(r);
        }
        d["suggestions"] = rows;
        return d;
      },
      py::arg("org"), py::arg("policy") = "",
      "add_successor suggestions from the talent grid's reserve pool for each uncovered key position (releases the GIL).");
}

}  // namespace teamgraph::python
