// The talent grid and the reserve pool's suggestions: plain dicts and numpy arrays, people as
// indices (the Python layer names them).

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

py::dict axis(const GridAxis& a) {
  py::dict d;
  d["field"] = a.field;
  d["method"] = a.method;
  d["middle_from"] = number_or_none(a.middle_from);
  d["high_from"] = number_or_none(a.high_from);
  return d;
}

// Levels as codes: 0 low, 1 middle, 2 high, 3 not placed.
py::array_t<std::uint8_t> levels(const std::vector<GridLevel>& v) {
  py::array_t<std::uint8_t> out(static_cast<py::ssize_t>(v.size()));
  auto w = out.mutable_unchecked<1>();
  for (std::size_t i = 0; i < v.size(); ++i) w(static_cast<py::ssize_t>(i)) = static_cast<std::uint8_t>(v[i]);
  return out;
}

}  // namespace

py::dict talent_grid_dict(const TalentGrid& g) {
  py::dict d;
  d["assessed"] = g.assessed;
  d["absent_reason"] = g.absent_reason;
  d["performance"] = axis(g.performance);
  d["potential"] = axis(g.potential);
  d["performance_level"] = levels(g.performance_level);
  d["potential_level"] = levels(g.potential_level);
  d["placed"] = g.placed;
  d["missing_assessment"] = g.missing_assessment;
  d["missing_potential"] = g.missing_potential;
  d["missing_both"] = g.missing_both;
  py::list boxes;
  for (const auto& b : g.boxes) {
    py::dict x;
    x["performance"] = std::string(to_string(b.performance));
    x["potential"] = std::string(to_string(b.potential));
    x["count"] = b.withheld.empty() ? py::object(py::int_(b.count)) : py::object(py::none());
    x["withheld"] = b.withheld;
    boxes.append(x);
  }
  d["boxes"] = boxes;
  return d;
}

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
