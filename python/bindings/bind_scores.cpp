// assess(), the truck factor and the policy. Results cross as plain dicts, lists and numpy arrays;
// people as indices (the Python layer turns them into ids, names or pseudonyms).

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

namespace {

template <class T>
py::array_t<T> array(const std::vector<T>& v) {
  return py::array_t<T>(static_cast<py::ssize_t>(v.size()), v.data());
}

py::array_t<double> array(const Eigen::VectorXd& v) { return py::array_t<double>(v.size(), v.data()); }

py::list indices(const std::vector<index_t>& v) {
  py::list out;
  for (const auto i : v) out.append(i == no_index ? py::object(py::none()) : py::object(py::int_(i)));
  return out;
}

py::object index_or_none(index_t i) { return i == no_index ? py::object(py::none()) : py::object(py::int_(i)); }

}  // namespace

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

py::dict group(const GroupCoverage& g) {
  py::dict d;
  py::list competencies;
  for (const auto& c : g.competencies) {
    py::dict x;
    x["competency"] = c.competency;
    x["coverage"] = c.coverage;
    x["best"] = index_or_none(c.best);
    x["depth"] = c.depth;
    x["score"] = c.score;
    competencies.append(x);
  }
  d["competencies"] = competencies;
  d["score"] = g.score;
  d["complete"] = g.complete;
  return d;
}

py::dict leadership(const LeadershipReport& r) {
  py::dict d;
  d["assessed"] = r.assessed;
  d["absent_reason"] = r.absent_reason;
  d["score"] = r.score;
  d["core"] = indices(r.core);
  d["core_coverage"] = group(r.core_coverage);
  py::list units;
  for (const auto& u : r.units) {
    py::dict x;
    x["manager"] = u.manager;
    x["size"] = u.size;
    x["coverage"] = group(u.coverage);
    x["manager_lacks"] = u.manager_lacks;
    x["assessed"] = u.assessed;
    units.append(x);
  }
  d["units"] = units;
  py::dict plan;
  plan["trainees"] = indices(r.plan.trainees);
  plan["trains"] = r.plan.trains;
  plan["hire_for"] = r.plan.hire_for;
  d["plan"] = plan;
  return d;
}

// A score's parts: name, 0-1 value (None when not computed) and why not.
py::list score_parts(const std::vector<ScorePart>& parts) {
  py::list out;
  for (const auto& p : parts) {
    py::dict x;
    x["name"] = p.name;
    x["value"] = p.computed() ? py::object(py::float_(p.value)) : py::object(py::none());
    x["reason"] = p.reason;
    out.append(x);
  }
  return out;
}

py::dict cascade(const VacancyCascade& c) {
  py::dict x;
  x["leaver"] = c.leaver;
  x["seats"] = indices(c.seats);
  x["promoted"] = indices(c.promoted);
  x["unfilled"] = index_or_none(c.unfilled);
  x["truncated"] = c.truncated;
  return x;
}

py::dict succession(const SuccessionReport& r) {
  py::dict d;
  d["assessed"] = r.assessed;
  d["absent_reason"] = r.absent_reason;
  d["score"] = r.score;
  d["covered_share"] = r.covered_share;
  py::list positions;
  for (const auto& k : r.positions) {
    py::dict x;
    x["incumbent"] = k.incumbent;
    x["core"] = k.core;
    x["large_unit"] = k.large_unit;
    x["unit_size"] = k.unit_size;
    x["bench_strength"] = k.bench_strength;
    x["covered"] = k.covered;
    x["score"] = k.score;
    py::list successors;
    for (const auto& s : k.successors) {
      py::dict y;
      y["person"] = s.person;
      y["readiness"] = std::string(to_string(s.readiness));
      y["fitness"] = s.fitness;
      y["weight"] = s.weight;
      successors.append(y);
    }
    x["successors"] = successors;
    positions.append(x);
  }
  d["positions"] = positions;
  py::list cascades;
  for (const auto& c : r.cascades) cascades.append(cascade(c));
  d["cascades"] = cascades;
  return d;
}

py::dict truck(const TruckFactorResult& r) {
  py::dict d;
  d["value"] = r.value;
  d["removed"] = indices(r.removed);
  d["removed_authored"] = r.removed_authored;
  d["coverage"] = r.coverage;
  d["artifacts"] = r.authorship.artifacts;
  d["author_offsets"] = array(r.authorship.offsets);
  d["authors"] = array(r.authorship.authors);
  d["authored"] = array(r.authorship.authored);
  return d;
}

py::dict departure(const DepartureImpact& d) {
  py::dict x;
  x["coverage_drop"] = array(d.coverage_drop);
  x["unit_left"] = array(d.unit_left);
  x["cut_off"] = array(d.cut_off);
  x["orphaned"] = array(d.orphaned);
  x["impact"] = array(d.impact);
  x["risk"] = array(d.risk);
  x["ranking"] = array(d.ranking);
  x["coverage_assessed"] = d.coverage_assessed;
  x["sharing_assessed"] = d.sharing_assessed;
  x["knowledge_assessed"] = d.knowledge_assessed;
  x["channels_led"] = array(d.channels_led);
  x["market_assessed"] = d.market_assessed;
  x["reachable_from_core"] = d.reachable_from_core;
  return x;
}

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
      "assess",
      [](const std::shared_ptr<Org>& org, const std::string& overrides) {
        const Policy policy = policy_for(*org, overrides);
        Report report = interruptible([&] { return assess(*org, policy); });
        py::dict d;
        py::list scores;
        for (const auto& s : report.scores) {
          py::dict x;
          x["name"] = s.name;
          x["assessed"] = s.assessed;
          x["value"] = s.assessed ? py::object(py::float_(s.value)) : py::object(py::none());
          x["absent_reason"] = s.absent_reason;
          x["parts"] = score_parts(s.parts);
          scores.append(x);
        }
        d["scores"] = scores;
        d["policy"] = policy_to_json(report.policy);
        d["leadership"] = leadership(report.leadership);
        d["succession"] = succession(report.succession);
        d["departure"] = departure(report.departure);
        py::dict tf;
        tf["assessed"] = report.truck_factor.assessed;
        tf["absent_reason"] = report.truck_factor.absent_reason;
        if (report.truck_factor.assessed) tf["result"] = truck(report.truck_factor.result);
        py::list groups;
        for (const auto& g : report.truck_factor.groups) {
          py::dict x;
          x["kind"] = g.kind;
          x["group"] = g.group;
          x["artifacts"] = g.artifacts;
          x["value"] = g.result.value;
          x["removed"] = indices(g.result.removed);
          x["withheld"] = g.withheld;
          groups.append(x);
        }
        tf["groups"] = groups;
        d["truck_factor"] = tf;
        py::list support;
        for (const auto& r : report.support) {
          py::dict x;
          x["name"] = r.name;
          py::dict figures, notes;
          for (const auto& f : r.figures) {
            figures[py::str(f.name)] = std::isnan(f.value) ? py::object(py::none()) : py::object(py::float_(f.value));
            if (!f.note.empty()) notes[py::str(f.name)] = f.note;
          }
          x["figures"] = figures;
          x["notes"] = notes;
          py::list groups;
          for (const auto& g : r.groups) {
            py::dict y;
            y["kind"] = g.kind;
            y["group"] = g.group;
            y["figure"] = g.figure;
            y["size"] = g.size;
            y["contributors"] = g.contributors;
            y["value"] = std::isnan(g.value) ? py::object(py::none()) : py::object(py::float_(g.value));
            y["withheld"] = g.withheld;
            groups.append(y);
          }
          x["groups"] = groups;
          py::dict people;
          for (const auto& c : r.people) people[py::str(c.name)] = array(c.values);
          x["people"] = people;
          support.append(x);
        }
        d["support"] = support;
        d["weakest"] = report.weakest;
        d["talent_grid"] = talent_grid_dict(report.talent_grid);
        // Last: the findings keep the report (moved, not copied) alive as columns.
        d["findings"] = finding_columns(std::make_shared<const Report>(std::move(report)), org);
        return d;
      },
      py::arg("org"), py::arg("policy") = "", "Every score of the org (releases the GIL).");

  m.def(
      "vacancy_cascade",
      [](const std::shared_ptr<Org>& org, index_t leaver, const std::string& overrides) {
        if (leaver >= org->size()) throw py::index_error("no person with index " + std::to_string(leaver));
        return cascade(vacancy_cascade(*org, leaver, policy_for(*org, overrides)));
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
        return truck(result);
      },
      py::arg("people"), py::arg("artifacts"), py::arg("person"), py::arg("artifact"), py::arg("action"),
      py::arg("date"), py::arg("previous"), py::arg("counted") = py::none(), py::arg("method") = "default",
      py::arg("policy") = "", "The truck factor of a contributions log given as codes (see teamgraph.truck_factor).");
}

}  // namespace teamgraph::python
