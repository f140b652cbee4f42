// A report's findings as columns (#17): numpy arrays of codes, people and evidence, and the texts
// written in C++ from the catalog into Arrow's string layout. No Python object is made per finding
// unless a caller asks for one (`args(k)`, or teamgraph.findings wrapping a row as a Finding).

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <map>
#include <memory>

#include "bindings.hpp"
#include "columns.hpp"
#include "teamgraph/assess.hpp"
#include "teamgraph/finding_texts.hpp"

namespace py = pybind11;

namespace teamgraph::python {

namespace {

// A vector handed to numpy without a copy: the array owns it.
template <class T>
py::array_t<T> owned(std::vector<T>&& v) {
  auto* held = new std::vector<T>(std::move(v));
  py::capsule owner(held, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>({static_cast<py::ssize_t>(held->size())}, {static_cast<py::ssize_t>(sizeof(T))}, held->data(),
                        owner);
}

py::array_t<std::uint8_t> bytes_of(std::string&& s) {
  std::vector<std::uint8_t> v(s.begin(), s.end());
  s.clear();
  s.shrink_to_fit();
  return owned(std::move(v));
}

py::tuple column_of(TextColumn&& c) { return py::make_tuple(owned(std::move(c.offsets)), bytes_of(std::move(c.data))); }

// Distinct labels in first-seen order and a code per row.
struct Coded {
  std::vector<std::string> labels;
  std::vector<std::uint16_t> codes;
  std::map<std::string, std::uint16_t, std::less<>> index;
  void add(const std::string& label) {
    auto [at, added] = index.try_emplace(label, static_cast<std::uint16_t>(labels.size()));
    if (added) labels.push_back(label);
    codes.push_back(at->second);
  }
};

TextCatalog::Plural plural_of(const std::string& rule) {
  std::string compact;
  for (const char c : rule)
    if (c != ' ' && c != '(' && c != ')') compact += c;
  if (compact == "n!=1") return TextCatalog::Plural::one_other;
  if (compact == "0") return TextCatalog::Plural::single;
  throw py::value_error("a plural rule the text writer does not know: " + rule);
}

}  // namespace

// The findings of one report, kept alive with their org.
struct FindingColumns {
  std::shared_ptr<const Report> report;
  std::shared_ptr<const Org> org;

  const std::vector<Finding>& findings() const { return report->findings; }

  // How texts name person i: a pseudonym, "Name (id)" (the catalog's person.named), or the id.
  PersonLabel labels(const TextCatalog& catalog, const std::vector<std::string>* pseudonyms) const {
    if (pseudonyms) return [pseudonyms](index_t i) { return (*pseudonyms)[i]; };
    const Org* o = org.get();
    return [o, &catalog](index_t i) {
      const std::string_view name = o->people().names.size() > i ? o->people().names[i] : std::string_view{};
      if (name.empty()) return std::string(o->id(i));
      return catalog.text("person.named", {{"name", {TextCatalog::Value::Kind::text, 0, 0.0, std::string(name)}},
                                           {"id", {TextCatalog::Value::Kind::text, 0, 0.0, std::string(o->id(i))}}});
    };
  }
};

py::object finding_columns(std::shared_ptr<const Report> report, std::shared_ptr<const Org> org) {
  return py::cast(FindingColumns{std::move(report), std::move(org)});
}

py::tuple finding_arg(const FindingArg& a);  // bind_scores.cpp

void bind_findings(py::module_& m) {
  py::class_<TextCatalog, std::shared_ptr<TextCatalog>>(m, "TextCatalog",
                                                       "The words of one language for the C++ text writer (teamgraph.catalog fills it).")
      .def(py::init([](const std::vector<std::tuple<std::string, std::vector<std::string>, std::string>>& entries) {
             auto out = std::make_shared<TextCatalog>();
             for (const auto& [key, forms, rule] : entries) out->entries[key] = {forms, plural_of(rule)};
             return out;
           }),
           py::arg("entries"), "entries: [(key, [form, ...], plural rule)]")
      .def("text", [](const TextCatalog& c, const std::string& key) { return c.text(key); }, py::arg("key"));

  py::class_<FindingColumns>(m, "FindingColumns", "A report's findings as columns.")
      .def("__len__", [](const FindingColumns& f) { return f.findings().size(); })
      .def(
          "columns",
          [](const FindingColumns& f) {
            const auto& list = f.findings();
            Coded score, code, variant, evidence_name;
            std::vector<std::uint8_t> severity;
            std::vector<std::int64_t> people_offsets{0}, people, evidence_offsets{0};
            std::vector<double> evidence_value;
            {
              py::gil_scoped_release release;
              severity.reserve(list.size());
              for (const auto& x : list) {
                score.add(x.score);
                code.add(x.code);
                variant.add(x.variant);
                severity.push_back(static_cast<std::uint8_t>(x.severity));
                for (const auto p : x.people)
                  if (p != no_index) people.push_back(static_cast<std::int64_t>(p));
                people_offsets.push_back(static_cast<std::int64_t>(people.size()));
                for (const auto& e : x.evidence) {
                  evidence_name.add(e.name);
                  evidence_value.push_back(e.value);
                }
                evidence_offsets.push_back(static_cast<std::int64_t>(evidence_value.size()));
              }
            }
            py::dict d;
            d["score"] = owned(std::move(score.codes));
            d["scores"] = score.labels;
            d["code"] = owned(std::move(code.codes));
            d["codes"] = code.labels;
            d["variant"] = owned(std::move(variant.codes));
            d["variants"] = variant.labels;
            d["severity"] = owned(std::move(severity));
            std::vector<std::string> severities;
            for (int s = 0; s <= static_cast<int>(FindingSeverity::critical); ++s)
              severities.emplace_back(to_string(static_cast<FindingSeverity>(s)));
            d["severities"] = severities;
            d["people_offsets"] = owned(std::move(people_offsets));
            d["people"] = owned(std::move(people));
            d["evidence_offsets"] = owned(std::move(evidence_offsets));
            d["evidence_name"] = owned(std::move(evidence_name.codes));
            d["evidence_names"] = evidence_name.labels;
            d["evidence_value"] = owned(std::move(evidence_value));
            return d;
          },
          "{score, code, variant, severity: codes; scores, codes, variants, severities: their labels; "
          "people_offsets, people; evidence_offsets, evidence_name (codes), evidence_names, evidence_value}")
      .def(
          "args",
          [](const FindingColumns& f, std::size_t k) {
            if (k >= f.findings().size()) throw py::index_error("no finding " + std::to_string(k));
            py::list out;
            for (const auto& a : f.findings()[k].args) out.append(finding_arg(a));
            return out;
          },
          py::arg("k"), "Finding k's arguments as (name, kind, value), as teamgraph.catalog renders them.")
      .def(
          "texts",
          [](const FindingColumns& f, const TextCatalog& catalog, std::optional<std::vector<std::string>> pseudonyms) {
            if (pseudonyms && pseudonyms->size() != f.org->size())
              throw py::value_error("pseudonyms: one for each person of the org");
            FindingTexts texts;
            {
              py::gil_scoped_release release;
              texts = finding_texts(f.findings(), catalog, f.labels(catalog, pseudonyms ? &*pseudonyms : nullptr));
            }
            return py::make_tuple(column_of(std::move(texts.message)), column_of(std::move(texts.recommendation)));
          },
          py::arg("catalog"), py::arg("pseudonyms") = py::none(),
          "((offsets, bytes), (offsets, bytes)): every finding's message and recommendation, UTF-8 in Arrow's layout.")
      .def(
          "people_text",
          [](const FindingColumns& f, const std::string& separator, std::optional<std::vector<std::string>> pseudonyms) {
            if (pseudonyms && pseudonyms->size() != f.org->size())
              throw py::value_error("pseudonyms: one for each person of the org");
            TextColumn out;
            {
              py::gil_scoped_release release;
              std::string row;
              for (const auto& x : f.findings()) {
                row.clear();
                bool first = true;
                for (const auto p : x.people) {
                  if (p == no_index) continue;
                  if (!first) row += separator;
                  first = false;
                  row += pseudonyms ? std::string_view((*pseudonyms)[p]) : f.org->id(p);
                }
                out.push_back(row);
              }
            }
            return column_of(std::move(out));
          },
          py::arg("separator") = ", ", py::arg("pseudonyms") = py::none(),
          "(offsets, bytes): each finding's people by id (or pseudonym), joined.");
}

}  // namespace teamgraph::python
