// assess()'s Report as typed classes: every part of the C++ Report is an object with attributes
// read from the report itself (no Python dict of everything, no copy of a long vector): numbers
// and words when read, long per-person vectors as read-only numpy views, long lists (units, key
// positions, cascades) as sequences whose items are made when read. People are indices (the
// Python layer turns them into ids, names or pseudonyms); None where the core has no one
// (no_index) or no value (NaN, not assessed).

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>

#include "bindings.hpp"
#include "teamgraph/assess.hpp"
#include "teamgraph/org_parts.hpp"

namespace py = pybind11;

namespace teamgraph::python {

namespace {

// The core's report and the org it is of (the findings' texts name the org's people).
struct Assessment {
  std::shared_ptr<const Report> report;
  std::shared_ptr<const Org> org;
};

// A read-only sequence over a vector inside a report: an item is bound when read, and keeps the
// report alive.
template <class T>
struct Items {
  const std::vector<T>* items;
};

template <class T>
void bind_items(py::module_& m, const char* name) {
  py::class_<Items<T>>(m, name, "A read-only sequence of the report's items (each made when read).")
      .def("__len__", [](const Items<T>& s) { return s.items->size(); })
      .def(
          "__getitem__",
          [](const Items<T>& s, py::ssize_t k) -> const T& {
            const auto n = static_cast<py::ssize_t>(s.items->size());
            if (k < 0) k += n;
            if (k < 0 || k >= n) throw py::index_error("index out of range");
            return (*s.items)[static_cast<std::size_t>(k)];
          },
          py::return_value_policy::reference_internal)
      .def(
          "__iter__", [](const Items<T>& s) { return py::make_iterator(s.items->begin(), s.items->end()); },
          py::keep_alive<0, 1>());
}

// A getter of a vector member as Items, keeping the owner alive.
template <class Owner, class T>
auto items(const std::vector<T> Owner::*member) {
  return py::cpp_function([member](const Owner& o) { return Items<T>{&(o.*member)}; }, py::keep_alive<0, 1>());
}

// A read-only numpy view of a vector owned by `owner` (no copy).
template <class T>
py::array view(const std::vector<T>& v, py::handle owner) {
  py::array_t<T> out({static_cast<py::ssize_t>(v.size())}, {static_cast<py::ssize_t>(sizeof(T))}, v.data(), owner);
  py::detail::array_proxy(out.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return std::move(out);
}

template <class Owner, class T>
auto array_of(const std::vector<T> Owner::*member) {
  return [member](py::object self) { return view(self.cast<const Owner&>().*member, self); };
}

py::object index_or_none(index_t i) { return i == no_index ? py::object(py::none()) : py::object(py::int_(i)); }
py::object number_or_none(double x) { return std::isnan(x) ? py::object(py::none()) : py::object(py::float_(x)); }

// Levels as codes: 0 low, 1 middle, 2 high, 3 not placed.
py::array levels(const std::vector<GridLevel>& v, py::handle owner) {
  static_assert(sizeof(GridLevel) == sizeof(std::uint8_t));
  py::array_t<std::uint8_t> out({static_cast<py::ssize_t>(v.size())}, {py::ssize_t{1}},
                                reinterpret_cast<const std::uint8_t*>(v.data()), owner);
  py::detail::array_proxy(out.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return std::move(out);
}

constexpr auto internal = py::return_value_policy::reference_internal;

void bind_scores_parts(py::module_& m) {
  py::class_<ScorePart>(m, "ScorePart", "One part of a score: its 0-1 value (None when not computed) and why not.")
      .def_readonly("name", &ScorePart::name)
      .def_property_readonly("value", [](const ScorePart& p) { return number_or_none(p.value); })
      .def_readonly("reason", &ScorePart::reason);
  bind_items<ScorePart>(m, "ScoreParts");
  py::class_<Score>(m, "Score", "A 0-100 score (None when absent, with the reason) and the parts it is made of.")
      .def_readonly("name", &Score::name)
      .def_readonly("assessed", &Score::assessed)
      .def_property_readonly("value", [](const Score& s) { return s.assessed ? py::object(py::float_(s.value)) : py::object(py::none()); })
      .def_readonly("absent_reason", &Score::absent_reason)
      .def_property_readonly("parts", items(&Score::parts))
      .def_property_readonly("parts_computed", &Score::parts_computed);
  bind_items<Score>(m, "Scores");
}

void bind_leadership(py::module_& m) {
  py::class_<CompetencyCoverage>(m, "CompetencyCoverage", "A group's coverage of one competency.")
      .def_readonly("competency", &CompetencyCoverage::competency)
      .def_readonly("coverage", &CompetencyCoverage::coverage, "The best score in the group, 0-1.")
      .def_property_readonly("best", [](const CompetencyCoverage& c) { return index_or_none(c.best); },
                             "Who holds it (a person index; None when nobody has a score).")
      .def_readonly("depth", &CompetencyCoverage::depth, "People at or above the threshold.")
      .def_readonly("score", &CompetencyCoverage::score);
  bind_items<CompetencyCoverage>(m, "CompetencyCoverages");
  py::class_<GroupCoverage>(m, "GroupCoverage", "A group's coverage of the required competencies.")
      .def_property_readonly("competencies", items(&GroupCoverage::competencies))
      .def_readonly("score", &GroupCoverage::score)
      .def_readonly("complete", &GroupCoverage::complete);
  py::class_<UnitCoverage>(m, "UnitCoverage", "A manager's unit (the manager and their direct reports).")
      .def_readonly("manager", &UnitCoverage::manager)
      .def_readonly("size", &UnitCoverage::size)
      .def_readonly("coverage", &UnitCoverage::coverage, internal)
      .def_readonly("manager_lacks", &UnitCoverage::manager_lacks)
      .def_readonly("assessed", &UnitCoverage::assessed);
  bind_items<UnitCoverage>(m, "UnitCoverages");
  py::class_<TrainingPlan>(m, "TrainingPlan", "The fewest core members to train, and what needs a hire.")
      .def_property_readonly("trainees", array_of(&TrainingPlan::trainees))
      .def_readonly("trains", &TrainingPlan::trains)
      .def_readonly("hire_for", &TrainingPlan::hire_for);
  py::class_<LeadershipReport>(m, "LeadershipReport", "Leadership coverage: the core layer and every unit.")
      .def_readonly("assessed", &LeadershipReport::assessed)
      .def_readonly("absent_reason", &LeadershipReport::absent_reason)
      .def_readonly("score", &LeadershipReport::score)
      .def_property_readonly("core", array_of(&LeadershipReport::core))
      .def_readonly("core_coverage", &LeadershipReport::core_coverage, internal)
      .def_property_readonly("units", items(&LeadershipReport::units))
      .def_readonly("plan", &LeadershipReport::plan, internal);
}

void bind_succession(py::module_& m) {
  py::class_<SuccessorAssessment>(m, "SuccessorAssessment", "A named successor of a key position.")
      .def_readonly("person", &SuccessorAssessment::person)
      .def_property_readonly("readiness", [](const SuccessorAssessment& s) { return std::string(to_string(s.readiness)); })
      .def_readonly("fitness", &SuccessorAssessment::fitness, "0-1 (NaN: not assessed).")
      .def_readonly("weight", &SuccessorAssessment::weight);
  bind_items<SuccessorAssessment>(m, "SuccessorAssessments");
  py::class_<KeyPosition>(m, "KeyPosition", "A key position: its incumbent, why key, its bench.")
      .def_readonly("incumbent", &KeyPosition::incumbent)
      .def_readonly("core", &KeyPosition::core)
      .def_readonly("large_unit", &KeyPosition::large_unit)
      .def_readonly("unit_size", &KeyPosition::unit_size)
      .def_property_readonly("successors", items(&KeyPosition::successors))
      .def_readonly("bench_strength", &KeyPosition::bench_strength)
      .def_readonly("covered", &KeyPosition::covered)
      .def_readonly("score", &KeyPosition::score);
  bind_items<KeyPosition>(m, "KeyPositions");
  py::class_<VacancyCascade>(m, "VacancyCascade", "Who fills a leaver's seat, who fills theirs, ...")
      .def_readonly("leaver", &VacancyCascade::leaver)
      .def_readonly("seats", &VacancyCascade::seats)
      .def_readonly("promoted", &VacancyCascade::promoted)
      .def_property_readonly("unfilled", [](const VacancyCascade& c) { return index_or_none(c.unfilled); })
      .def_readonly("truncated", &VacancyCascade::truncated);
  bind_items<VacancyCascade>(m, "VacancyCascades");
  py::class_<SuccessionReport>(m, "SuccessionReport", "Succession readiness: key positions and their cascades.")
      .def_readonly("assessed", &SuccessionReport::assessed)
      .def_readonly("absent_reason", &SuccessionReport::absent_reason)
      .def_readonly("score", &SuccessionReport::score)
      .def_readonly("covered_share", &SuccessionReport::covered_share)
      .def_property_readonly("positions", items(&SuccessionReport::positions))
      .def(
          "position_columns",
          [](const SuccessionReport& s) {
            const std::size_t n = s.positions.size();
            py::array_t<index_t> incumbent(static_cast<py::ssize_t>(n));
            py::array_t<bool> covered(static_cast<py::ssize_t>(n));
            py::array_t<double> bench(static_cast<py::ssize_t>(n));
            for (std::size_t k = 0; k < n; ++k) {
              incumbent.mutable_data()[k] = s.positions[k].incumbent;
              covered.mutable_data()[k] = s.positions[k].covered;
              bench.mutable_data()[k] = s.positions[k].bench_strength;
            }
            py::dict out;
            out["incumbent"] = incumbent, out["covered"] = covered, out["bench_strength"] = bench;
            return out;
          },
          "The key positions' incumbent (person index), covered and bench_strength as arrays, in the order of "
          "`positions`: what the JSON report lists of each, without an object a position.")
      .def_property_readonly("cascades", items(&SuccessionReport::cascades));
}

void bind_departure(py::module_& m) {
  py::class_<DepartureImpact>(m, "DepartureImpact", "What each person's departure breaks, by person index (read-only arrays).")
      .def_property_readonly("coverage_drop", array_of(&DepartureImpact::coverage_drop))
      .def_property_readonly("unit_left", array_of(&DepartureImpact::unit_left))
      .def_property_readonly("cut_off", array_of(&DepartureImpact::cut_off))
      .def_property_readonly("orphaned", array_of(&DepartureImpact::orphaned))
      .def_property_readonly("channels_led", array_of(&DepartureImpact::channels_led))
      .def_property_readonly("impact", array_of(&DepartureImpact::impact))
      .def_property_readonly("risk", array_of(&DepartureImpact::risk))
      .def_property_readonly("ranking", array_of(&DepartureImpact::ranking))
      .def_readonly("coverage_assessed", &DepartureImpact::coverage_assessed)
      .def_readonly("sharing_assessed", &DepartureImpact::sharing_assessed)
      .def_readonly("knowledge_assessed", &DepartureImpact::knowledge_assessed)
      .def_readonly("market_assessed", &DepartureImpact::market_assessed)
      .def_readonly("reachable_from_core", &DepartureImpact::reachable_from_core);
}

void bind_truck_factor(py::module_& m) {
  py::class_<TruckFactorResult>(m, "TruckFactorResult", "A truck factor and who was removed to reach it.")
      .def_readonly("value", &TruckFactorResult::value)
      .def_property_readonly("removed", array_of(&TruckFactorResult::removed))
      .def_property_readonly("removed_authored", array_of(&TruckFactorResult::removed_authored))
      .def_readonly("coverage", &TruckFactorResult::coverage)
      .def_property_readonly("artifacts", [](const TruckFactorResult& r) { return r.authorship.artifacts; })
      .def_property_readonly("author_offsets",
                             [](py::object self) { return view(self.cast<const TruckFactorResult&>().authorship.offsets, self); })
      .def_property_readonly("authors",
                             [](py::object self) { return view(self.cast<const TruckFactorResult&>().authorship.authors, self); })
      .def_property_readonly("authored",
                             [](py::object self) { return view(self.cast<const TruckFactorResult&>().authorship.authored, self); });
  py::class_<GroupTruckFactor>(m, "GroupTruckFactor", "The truck factor of a knowledge area or a department's artifacts.")
      .def_readonly("kind", &GroupTruckFactor::kind)
      .def_readonly("group", &GroupTruckFactor::group)
      .def_readonly("artifacts", &GroupTruckFactor::artifacts)
      .def_property_readonly("value", [](const GroupTruckFactor& g) { return g.result.value; })
      .def_property_readonly("removed", [](const GroupTruckFactor& g) { return g.result.removed; })
      .def_readonly("withheld", &GroupTruckFactor::withheld);
  bind_items<GroupTruckFactor>(m, "GroupTruckFactors");
  py::class_<TruckFactorSummary>(m, "TruckFactorSummary", "The team's truck factor and its groups'.")
      .def_readonly("assessed", &TruckFactorSummary::assessed)
      .def_readonly("absent_reason", &TruckFactorSummary::absent_reason)
      .def_property_readonly(
          "result",
          [](py::object self) {
            const auto& s = self.cast<const TruckFactorSummary&>();
            return s.assessed ? py::cast(&s.result, internal, self) : py::object(py::none());
          })
      .def_property_readonly("groups", items(&TruckFactorSummary::groups));
}

void bind_support(py::module_& m) {
  py::class_<GroupFigure>(m, "GroupFigure", "A group aggregate (withheld under the minimum group size).")
      .def_readonly("kind", &GroupFigure::kind)
      .def_readonly("group", &GroupFigure::group)
      .def_readonly("figure", &GroupFigure::figure)
      .def_readonly("size", &GroupFigure::size)
      .def_readonly("contributors", &GroupFigure::contributors)
      .def_property_readonly("value", [](const GroupFigure& g) { return number_or_none(g.value); })
      .def_readonly("withheld", &GroupFigure::withheld);
  bind_items<GroupFigure>(m, "GroupFigures");
  py::class_<ScoreReport>(m, "SupportScore", "A support-system score's figures, groups and per-person columns.")
      .def_readonly("name", &ScoreReport::name)
      .def_property_readonly("figures",
                             [](const ScoreReport& r) {
                               py::dict out;
                               for (const auto& f : r.figures) out[py::str(f.name)] = number_or_none(f.value);
                               return out;
                             },
                             "Team-level figures by name (None where not available; notes says why).")
      .def_property_readonly("notes",
                             [](const ScoreReport& r) {
                               py::dict out;
                               for (const auto& f : r.figures)
                                 if (!f.note.empty()) out[py::str(f.name)] = f.note;
                               return out;
                             })
      .def_property_readonly("groups", items(&ScoreReport::groups))
      .def_property_readonly(
          "people",
          [](py::object self) {
            py::dict out;
            for (const auto& c : self.cast<const ScoreReport&>().people) out[py::str(c.name)] = view(c.values, self);
            return out;
          },
          "Per-person columns by name (read-only arrays by person index; NaN = not applicable).");
  bind_items<ScoreReport>(m, "SupportScores");
}

void bind_grid(py::module_& m) {
  py::class_<GridAxis>(m, "GridAxis", "One axis of the talent grid and its cuts.")
      .def_readonly("field", &GridAxis::field)
      .def_readonly("method", &GridAxis::method)
      .def_property_readonly("middle_from", [](const GridAxis& a) { return number_or_none(a.middle_from); })
      .def_property_readonly("high_from", [](const GridAxis& a) { return number_or_none(a.high_from); });
  py::class_<GridBox>(m, "GridBox", "One box of the 3x3 grid: its count, or None and why withheld.")
      .def_property_readonly("performance", [](const GridBox& b) { return std::string(to_string(b.performance)); })
      .def_property_readonly("potential", [](const GridBox& b) { return std::string(to_string(b.potential)); })
      .def_property_readonly("count", [](const GridBox& b) {
        return b.withheld.empty() ? py::object(py::int_(b.count)) : py::object(py::none());
      })
      .def_readonly("withheld", &GridBox::withheld);
  bind_items<GridBox>(m, "GridBoxes");
  py::class_<TalentGrid>(m, "TalentGrid", "Everyone on the 3x3 grid of performance and potential.")
      .def_readonly("assessed", &TalentGrid::assessed)
      .def_readonly("absent_reason", &TalentGrid::absent_reason)
      .def_readonly("performance", &TalentGrid::performance, internal)
      .def_readonly("potential", &TalentGrid::potential, internal)
      .def_property_readonly("performance_level",
                             [](py::object self) { return levels(self.cast<const TalentGrid&>().performance_level, self); },
                             "By person: 0 low, 1 middle, 2 high, 3 not placed.")
      .def_property_readonly("potential_level",
                             [](py::object self) { return levels(self.cast<const TalentGrid&>().potential_level, self); })
      .def_readonly("placed", &TalentGrid::placed)
      .def_readonly("missing_assessment", &TalentGrid::missing_assessment)
      .def_readonly("missing_potential", &TalentGrid::missing_potential)
      .def_readonly("missing_both", &TalentGrid::missing_both)
      .def_property_readonly("boxes", items(&TalentGrid::boxes));
}

// A getter of a part of the report, keeping the report alive.
template <class T>
auto part(const T Report::*member) {
  return py::cpp_function([member](const Assessment& a) -> const T& { return (*a.report).*member; }, internal);
}

// A getter of a list of the report as Items, keeping the report alive.
template <class T>
auto listed(const std::vector<T> Report::*member) {
  return py::cpp_function([member](const Assessment& a) { return Items<T>{&((*a.report).*member)}; },
                          py::keep_alive<0, 1>());
}

}  // namespace

void bind_report(py::module_& m) {
  bind_scores_parts(m);
  bind_leadership(m);
  bind_succession(m);
  bind_departure(m);
  bind_truck_factor(m);
  bind_support(m);
  bind_grid(m);
  py::class_<Assessment>(m, "Assessment", "Every score of an org with its parts and findings (assess()).")
      .def_property_readonly("scores", listed(&Report::scores), "In a fixed order; the health index last.")
      .def_property_readonly("policy", [](const Assessment& a) { return policy_to_json(a.report->policy); },
                             "The policy used, as JSON.")
      .def_property_readonly("leadership", part(&Report::leadership))
      .def_property_readonly("succession", part(&Report::succession))
      .def_property_readonly("departure", part(&Report::departure))
      .def_property_readonly("truck_factor", part(&Report::truck_factor))
      .def_property_readonly("support", listed(&Report::support), "The support-system scores.")
      .def_property_readonly("weakest", [](const Assessment& a) { return a.report->weakest; },
                             "The score that holds the health index down most (\"\" if none).")
      .def_property_readonly("talent_grid", part(&Report::talent_grid))
      .def_property_readonly(
          "findings", [](const Assessment& a) { return finding_columns(a.report, a.org); },
          "The findings as columns (a new FindingColumns each time; teamgraph.findings wraps it).");

  m.def(
      "assess",
      [](const std::shared_ptr<Org>& org, const std::string& overrides, unsigned threads) {
        const Policy policy = policy_for(*org, overrides);
        // Freed without the GIL (a big report is a million small allocations: a tenth of a 200k-person
        // assess, which other Python threads would otherwise wait for).
        std::shared_ptr<const Report> report(new Report(interruptible([&] { return assess(*org, policy, threads); })),
                                             [](const Report* r) {
                                               if (PyGILState_Check()) {
                                                 py::gil_scoped_release release;
                                                 delete r;
                                               } else {
                                                 delete r;
                                               }
                                             });
        release_free_memory(org->size());
        return Assessment{std::move(report), org};
      },
      py::arg("org"), py::arg("policy") = "", py::arg("threads") = 0u,
      "Every score of the org (releases the GIL). threads: 0 two threads from a few thousand people on (one when "
      "another assess is running), 1 the calling thread only, 2 or more two threads.");
}

}  // namespace teamgraph::python
