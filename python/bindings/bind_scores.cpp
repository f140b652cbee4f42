// The policy, a vacancy cascade, the truck factor of a contributions log and findings' arguments.
// Results are the typed classes of bind_report.cpp; people as indices (the Python layer turns them
// into ids, names or pseudonyms).

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>

#include "bindings.hpp"
#include "teamgraph/assess.hpp"
#include "teamgraph/org_parts.hpp"

namespace py = pybind11;

namespace teamgraph::python {

Policy policy_for(const Org& org, const std::string& overrides) {
  const Policy base = effective_policy(org);
  return overrides.empty() ? base : policy_from_json(overrides, base);
}

// An argument as (name, kind, value): number and count a float, text and word a str, texts and
// words a list of str, people a (first, size) slice of the finding's people, clauses a
// (separator key or "", [(entry key, [argument, ...]), ...]).
py::tuple finding_arg(const FindingArg& a) {
  using Kind = FindingArg::Kind;
  static const char* const kinds[] = {"number", "count", "text", "texts", "word", "words", "people", "clauses"};
  py::object value;
  switch (a.kind) {
    case Kind::number:
    case Kind::count: value = py::float_(a.number); break;
    case Kind::text:
    case Kind::word: value = py::str(a.items.empty() ? std::string() : a.items.front()); break;
    case Kind::texts:
    case Kind::words: value = py::cast(a.items); break;
    case Kind::people: value = py::make_tuple(a.first, a.size); break;
    case Kind::clauses: {
      py::list clauses;
      for (const auto& c : a.clauses) {
        py::list args;
        for (const auto& arg : c.args) args.append(finding_arg(arg));
        clauses.append(py::make_tuple(c.key, args));
      }
      value = py::make_tuple(a.items.empty() ? std::string() : a.items.front(), clauses);
      break;
    }
  }
  return py::make_tuple(a.name, kinds[static_cast<int>(a.kind)], value);
}

namespace {

TruckFactorMethod method_of(const std::string& name) {
  if (name == "default") return TruckFactorMethod::standard;
  if (name == "avelino2016") return TruckFactorMethod::avelino2016;
  throw py::value_error("method must be 'default' or 'avelino2016', not '" + name + "'");
}

}  // namespace

void bind_scores(py::module_& m) {
  // A policy file may not set min_group_size below this; only an explicit caller choice may.
  m.attr("min_group_size_floor") = Policy::min_group_size_floor;
  m.def("default_policy_json", []() { return policy_to_json(Policy{}); }, "The default policy as JSON.");
  m.def(
      "policy_json",
      [](const std::shared_ptr<Org>& org, const std::string& overrides) { return policy_to_json(policy_for(*org, overrides)); },
      py::arg("org"), py::arg("overrides") = "",
      "The policy assess() uses for this org: defaults, then team.json's policy, then `overrides` (JSON).");

  m.def(
      "vacancy_cascade",
      [](const std::shared_ptr<Org>& org, index_t leaver, const std::string& overrides) {
        if (leaver >= org->size()) throw py::index_error("no person with index " + std::to_string(leaver));
        return vacancy_cascade(*org, leaver, policy_for(*org, overrides));
      },
      py::arg("org"), py::arg("leaver"), py::arg("policy") = "");

  m.def(
      "truck_factor",
      [](std::vector<std::string> people, std::vector<std::string> artifacts, py::array_t<std::int64_t> person,
         py::array_t<std::int64_t> artifact, py::array_t<std::int64_t> action, py::array_t<std::int64_t> date,
         py::array_t<std::int64_t> previous, std::optional<std::vector<std::string>> counted, const std::string& method,
         const std::string& overrides) {
        ContributionLog log;
        log.people = std::move(people);
        log.artifacts = std::move(artifacts);
        const auto n = static_cast<std::size_t>(person.size());
        if (static_cast<std::size_t>(artifact.size()) != n || static_cast<std::size_t>(action.size()) != n ||
            static_cast<std::size_t>(date.size()) != n || static_cast<std::size_t>(previous.size()) != n)
          throw py::value_error("the contribution columns must have the same length");
        auto p = person.unchecked<1>();
        auto a = artifact.unchecked<1>();
        auto c = action.unchecked<1>();
        auto t = date.unchecked<1>();
        auto v = previous.unchecked<1>();
        for (std::size_t i = 0; i < n; ++i) {
          const auto pi = static_cast<py::ssize_t>(i);
          if (p(pi) < 0 || static_cast<std::size_t>(p(pi)) >= log.people.size() || a(pi) < 0 ||
              static_cast<std::size_t>(a(pi)) >= log.artifacts.size() || c(pi) < 0 || c(pi) > 3 ||
              v(pi) >= static_cast<std::int64_t>(log.artifacts.size()))
            throw py::value_error("contribution row " + std::to_string(i + 1) + " has a code out of range");
          log.person.push_back(static_cast<index_t>(p(pi)));
          log.artifact.push_back(static_cast<std::int32_t>(a(pi)));
          log.action.push_back(static_cast<ContributionAction>(c(pi)));
          log.date.push_back(t(pi));
          log.previous.push_back(static_cast<std::int32_t>(v(pi) < 0 ? -1 : v(pi)));
        }
        const Policy policy = overrides.empty() ? Policy{} : policy_from_json(overrides);
        const auto chosen = method_of(method);
        const TruckFactorResult result =
            interruptible([&] { return truck_factor(log, counted ? &*counted : nullptr, chosen, policy.truck_factor); });
        return result;
      },
      py::arg("people"), py::arg("artifacts"), py::arg("person"), py::arg("artifact"), py::arg("action"),
      py::arg("date"), py::arg("previous"), py::arg("counted") = py::none(), py::arg("method") = "default",
      py::arg("policy") = "", "The truck factor of a contributions log given as codes (see teamgraph.truck_factor).");
}

}  // namespace teamgraph::python
