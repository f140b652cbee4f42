// A report's findings as columns (#17): numpy arrays of codes, people and evidence, and the texts
// written in C++ from the catalog into Arrow's string layout. No Python object is made per finding
// unless a caller asks for one (`args(k)`, or teamgraph.findings wrapping a row as a Finding).

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>
#include <thread>

#include "bindings.hpp"
#include "columns.hpp"
#include "json_stream.hpp"
#include "json_text.hpp"
#include "teamgraph/assess.hpp"
#include "teamgraph/detail/threads.hpp"
#include "teamgraph/finding_texts.hpp"
#include "teamgraph/org_parts.hpp"

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

// Text handed to numpy as bytes without a copy: the array owns the string.
py::array_t<std::uint8_t> bytes_of(std::string&& s) {
  auto* held = new std::string(std::move(s));
  py::capsule owner(held, [](void* p) { delete static_cast<std::string*>(p); });
  return py::array_t<std::uint8_t>({static_cast<py::ssize_t>(held->size())}, {py::ssize_t{1}},
                                   reinterpret_cast<const std::uint8_t*>(held->data()), owner);
}

py::tuple column_of(TextColumn&& c) { return py::make_tuple(owned(std::move(c.offsets)), bytes_of(std::move(c.data))); }

// Distinct words of a finding list in first-seen order (labels) and a code per row.
struct Coded {
  explicit Coded(const FindingList& list) : list(list), code_of(list.words(), -1) {}
  void add(std::uint32_t word) {
    if (code_of[word] < 0) {
      if (labels.size() == 65535) throw std::length_error("more than 65,535 distinct finding labels");  // 16-bit codes
      code_of[word] = static_cast<std::int32_t>(labels.size());
      labels.emplace_back(list.word(word));
    }
    codes.push_back(static_cast<std::uint16_t>(code_of[word]));
  }
  const FindingList& list;
  std::vector<std::int32_t> code_of;  // by word, -1 for one not seen
  std::vector<std::string> labels;
  std::vector<std::uint16_t> codes;
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

  const FindingList& findings() const { return report->findings; }

  // How texts name person i, appended to a text: a pseudonym, "Name (id)" (the catalog's
  // person.named), or the id.
  PersonLabel labels(const TextCatalog& catalog, const std::vector<std::string>* pseudonyms) const {
    if (pseudonyms) return [pseudonyms](index_t i, std::string& out) { out += (*pseudonyms)[i]; };
    const Org* o = org.get();
    const TextCatalog::Entry* named = catalog.find("person.named");  // found once, not once a person
    // person.named cut once into its pieces: text, the name, the id (the entry filled with a mark
    // for each, then cut at the marks). A label is then its pieces appended.
    struct Piece {
      enum class Kind : std::uint8_t { text, name, id } kind;
      std::string text;
    };
    constexpr char name_mark = '\x01', id_mark = '\x02';
    std::vector<Piece> pieces;
    bool cut = false;
    if (!named || std::none_of(named->forms.begin(), named->forms.end(), [&](const std::string& form) {
          return form.find(name_mark) != std::string::npos || form.find(id_mark) != std::string::npos;
        })) {
      try {
        const TextCatalog::Values marks = {
            {"name", TextCatalog::Value{TextCatalog::Value::Kind::text, 0, 0.0, std::string(1, name_mark)}},
            {"id", TextCatalog::Value{TextCatalog::Value::Kind::text, 0, 0.0, std::string(1, id_mark)}}};
        const std::string filled = catalog.text("person.named", named, marks);
        for (std::size_t k = 0; k < filled.size();) {
          if (filled[k] == name_mark || filled[k] == id_mark) {
            pieces.push_back({filled[k] == name_mark ? Piece::Kind::name : Piece::Kind::id, {}});
            ++k;
            continue;
          }
          const std::size_t next = std::min(filled.find(name_mark, k), filled.find(id_mark, k));
          pieces.push_back({Piece::Kind::text, filled.substr(k, next - k)});
          k = std::min(next, filled.size());
        }
        cut = true;
      } catch (const std::invalid_argument&) {
        // An entry that cannot be filled with a name and an id: it says so when a label is written.
      }
    }
    return [o, &catalog, named, cut, pieces = std::move(pieces)](index_t i, std::string& out) {
      const std::string_view name = o->people().names.size() > i ? o->people().names[i] : std::string_view{};
      if (name.empty()) {
        out += o->id(i);
      } else if (cut) {
        for (const Piece& p : pieces) out += p.kind == Piece::Kind::text ? std::string_view(p.text)
                                             : p.kind == Piece::Kind::name ? name
                                                                           : o->id(i);
      } else {  // filled for the person, as the entry could not be cut
        const TextCatalog::Values values = {
            {"name", TextCatalog::Value{TextCatalog::Value::Kind::text, 0, 0.0, std::string(name)}},
            {"id", TextCatalog::Value{TextCatalog::Value::Kind::text, 0, 0.0, std::string(o->id(i))}}};
        catalog.append_text("person.named", named, values, out);
      }
    };
  }
};

namespace {

// The findings at `indices` of `list`, in that order.
FindingList chosen_findings(const FindingList& list, const std::vector<std::size_t>& indices) {
  std::vector<std::uint32_t> order(indices.size());
  for (std::size_t k = 0; k < indices.size(); ++k) {
    if (indices[k] >= list.size()) throw py::index_error("no finding " + std::to_string(indices[k]));
    order[k] = static_cast<std::uint32_t>(indices[k]);
  }
  return list.select(order);
}

// finding_texts on up to four threads, slices of the findings taken as threads come free: the
// slices' columns in order, each its own chunk (joined, they would be copied once more, on one
// thread, into memory touched for the first time).
std::vector<FindingTexts> parallel_texts(const FindingList& findings, const TextCatalog& catalog,
                                         const PersonLabel& label) {
  std::vector<FindingTexts> parts;
  const std::size_t threads = json::worker_threads();
  if (threads == 1 || findings.size() < 4096) {
    parts.push_back(finding_texts(findings, 0, findings.size(), catalog, label));
    return parts;
  }
  // Slices four times as many as the threads, each taken by the next thread free: findings of
  // different codes cost differently, and a report's are grouped by severity and code.
  const std::size_t slices = 4 * threads, slice = (findings.size() + slices - 1) / slices;
  parts.resize(slices);
  detail::for_each_index(slices, static_cast<unsigned>(threads), [&](std::size_t t) {
    const std::size_t begin = std::min(findings.size(), t * slice), end = std::min(findings.size(), begin + slice);
    parts[t] = finding_texts(findings, begin, end, catalog, label);
  });
  return parts;
}

// Whether finding k of `a` and finding j of `b` say the same in words: the same severity, score,
// code and variant, the same arguments (numbers equal to the bit, not NaN; the same texts, catalog keys and
// clauses), and the same people in the same order (by id, and by name where `names`: the texts
// name people as "Name (id)"; a pseudonymized report's by id alone, its pseudonyms made from
// the id). Their texts in one catalog are then the same; findings that are not alike may still
// read the same (numbers that differ past the digits shown), which only their texts tell.
// The arguments' numbers the same to the bit, in clauses too (after ==, which holds for -0.0 and
// 0.0: the texts show them apart, "-0.00" and "0.00").
bool same_bits(const std::vector<FindingArg>& x, const std::vector<FindingArg>& y) {
  for (std::size_t k = 0; k < x.size() && k < y.size(); ++k) {
    if (std::memcmp(&x[k].number, &y[k].number, sizeof(double)) != 0) return false;
    for (std::size_t c = 0; c < x[k].clauses.size() && c < y[k].clauses.size(); ++c)
      if (!same_bits(x[k].clauses[c].args, y[k].clauses[c].args)) return false;
  }
  return true;
}

bool alike(const FindingColumns& a, std::size_t k, const FindingColumns& b, std::size_t j, bool names,
           std::vector<FindingArg>& x, std::vector<FindingArg>& y) {
  const FindingList &fa = a.findings(), &fb = b.findings();
  if (fa.severity(k) != fb.severity(j) || fa.score(k) != fb.score(j) || fa.code(k) != fb.code(j) ||
      fa.variant(k) != fb.variant(j))
    return false;
  const auto pa = fa.people(k), pb = fb.people(j);
  if (pa.size() != pb.size()) return false;
  for (std::size_t i = 0; i < pa.size(); ++i) {
    if ((pa[i] == no_index) != (pb[i] == no_index)) return false;
    if (pa[i] == no_index) continue;
    if (a.org->id(pa[i]) != b.org->id(pb[i])) return false;
    if (names && a.org->people().names[pa[i]] != b.org->people().names[pb[i]]) return false;
  }
  fa.args(k, x);
  fb.args(j, y);
  return x == y && same_bits(x, y);
}

// The findings [begin, end) as items of the JSON report's "findings" array at `level`
// (json.dumps' layout), each after its separator: code, evidence (sorted by name), message, people,
// recommendation, score, severity, subject (each argument naming one person, by id, or one thing,
// except the roles in `incidental`). The texts are written here, a block at a time.
void findings_json(std::string& out, const FindingColumns& f, const FindingList& list, const TextCatalog& catalog,
                   const std::vector<std::string>* pseudonyms, const std::vector<std::string>& incidental, int level,
                   std::size_t begin, std::size_t end, std::vector<std::size_t>* bounds = nullptr) {
  namespace j = json;
  const auto id = [&](index_t p) { return pseudonyms ? std::string_view((*pseudonyms)[p]) : f.org->id(p); };
  const FindingTexts texts = finding_texts(list, begin, end, catalog, f.labels(catalog, pseudonyms));
  out.reserve(out.size() + (end - begin) * 640);
  std::vector<std::pair<std::string_view, double>> evidence;
  std::vector<std::pair<std::string_view, std::string>> subject;
  std::vector<index_t> people;
  // A finding's keys, each with its separator and indent, made once, not a name escaped a finding.
  static constexpr std::array<std::string_view, 8> names{"code",  "evidence", "message",  "people",
                                                         "recommendation", "score", "severity", "subject"};
  std::array<std::string, names.size()> keys;
  for (std::size_t n = 0; n < names.size(); ++n) j::key(keys[n], names[n], n == 0, level + 2);
  const auto& [code_key, evidence_key, message_key, people_key, recommendation_key, score_key, severity_key,
               subject_key] = keys;
  Finding x;  // each finding made into it in turn
  for (std::size_t k = begin; k < end; ++k) {
    list.get(k, x);
    if (k) out += ',';
    j::line(out, level + 1);
    if (bounds) bounds->push_back(out.size());
    out += '{';
    out += code_key;
    j::string(out, x.code);
    evidence.clear();
    for (const auto& e : x.evidence) {  // a repeated name keeps its last value, as a dict does
      auto at = std::find_if(evidence.begin(), evidence.end(), [&](const auto& v) { return v.first == e.name; });
      if (at == evidence.end()) evidence.emplace_back(e.name, e.value);
      else at->second = e.value;
    }
    std::sort(evidence.begin(), evidence.end());
    out += evidence_key;
    if (evidence.empty()) out += "{}";
    else {
      out += '{';
      for (std::size_t e = 0; e < evidence.size(); ++e) {
        j::key(out, evidence[e].first, e == 0, level + 3);
        j::number(out, evidence[e].second);
      }
      j::line(out, level + 2);
      out += '}';
    }
    out += message_key;
    j::string(out, texts.message[k - begin]);
    people.clear();
    for (const auto p : x.people)
      if (p != no_index) people.push_back(p);
    out += people_key;
    if (people.empty()) out += "[]";
    else {
      if (people.size() > 1024) {
        // A long list's room made at once (its ids' bytes, each line's indent, quotes and comma)
        // with the rest of the block's, not by doubling the block's text as it grows: a finding of
        // 857,185 people is 17 MB of JSON, and doubling held 40 MB for it beside the 20 MB before.
        std::size_t bytes = out.size() + people.size() * (2 * static_cast<std::size_t>(level + 3) + 4) + (end - k) * 640;
        for (const auto p : people) bytes += id(p).size();
        if (out.capacity() < bytes) out.reserve(bytes);  // reserve at least doubles: many long lists copy little
      }
      out += '[';
      for (std::size_t i = 0; i < people.size(); ++i) {
        if (i) out += ',';
        j::line(out, level + 3);
        j::string(out, id(people[i]));
      }
      j::line(out, level + 2);
      out += ']';
    }
    out += recommendation_key;
    j::string(out, texts.recommendation[k - begin]);
    out += score_key;
    j::string(out, x.score);
    out += severity_key;
    j::string(out, to_string(x.severity));
    subject.clear();
    for (const auto& a : x.args) {
      if (std::find(incidental.begin(), incidental.end(), a.name) != incidental.end()) continue;
      std::string value;
      if (a.kind == FindingArg::Kind::people && a.size == 1 && a.first < people.size()) value = id(people[a.first]);
      else if (a.kind == FindingArg::Kind::text) value = a.items.empty() ? std::string() : a.items.front();
      else continue;
      auto at = std::find_if(subject.begin(), subject.end(), [&](const auto& v) { return v.first == a.name; });
      if (at == subject.end()) subject.emplace_back(a.name, std::move(value));
      else at->second = std::move(value);
    }
    std::sort(subject.begin(), subject.end());
    out += subject_key;
    if (subject.empty()) out += "{}";
    else {
      out += '{';
      for (std::size_t e = 0; e < subject.size(); ++e) {
        j::key(out, subject[e].first, e == 0, level + 3);
        j::string(out, subject[e].second);
      }
      j::line(out, level + 2);
      out += '}';
    }
    j::line(out, level + 1);
    out += '}';
    if (bounds) bounds->push_back(out.size());
  }
}

// Markdown's escape of data (teamgraph.export.markdown_text, its replacements in one pass: none of
// them makes a character another replaces): \ ` * _ [ ] escaped, & < > as entities, line breaks
// as spaces.
void append_markdown_text(std::string& out, std::string_view text) {
  for (const char ch : text) switch (ch) {
      case '\\': out += "\\\\"; break;
      case '`': case '*': case '_': case '[': case ']': out += '\\'; out += ch; break;
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\r': case '\n': out += ' '; break;
      default: out += ch;
    }
}

// HTML's escape of text (Python's html.escape, quotes included).
void append_html_text(std::string& out, std::string_view text) {
  for (const char ch : text) switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#x27;"; break;
      default: out += ch;
    }
}

enum class LineStyle { markdown, text, html };

// The findings `chosen` (indices, ascending or not) as the Markdown, text or HTML report lists
// them: the message; who (at most ten people, by id or pseudonym, then how many more) and the
// evidence (each name once, at its first place, with its last value); what to do. Markdown and
// text: three lines a finding, joined by line breaks, a value that is not a number shown as the
// catalog's not-available entry (Markdown: NaN and infinities, as JSON holds them; text: NaN).
// HTML: a <div> a finding, NaN left out. The rules of teamgraph.export.to_markdown and to_text
// and teamgraph.html, which read the same entries.
void finding_lines(std::string& out, const FindingColumns& f, const TextCatalog& catalog,
                   const std::vector<std::string>* pseudonyms, std::span<const std::size_t> chosen, LineStyle style) {
  const bool markdown = style == LineStyle::markdown, html = style == LineStyle::html;
  using Value = TextCatalog::Value;
  const auto& list = f.findings();
  bool consecutive = true;
  for (std::size_t k = 1; k < chosen.size() && consecutive; ++k) consecutive = chosen[k] == chosen[k - 1] + 1;
  FindingList copies;  // the findings chosen, when they are not one run of the list
  std::size_t first = 0;
  if (consecutive) {
    first = chosen.empty() ? 0 : chosen.front();
  } else {
    const std::vector<std::uint32_t> order(chosen.begin(), chosen.end());
    copies = list.select(order);
  }
  const FindingList& findings = consecutive ? list : copies;
  const FindingTexts texts = finding_texts(findings, first, first + chosen.size(), catalog, f.labels(catalog, pseudonyms));
  const auto entry = [&](std::string_view key) { return std::pair{key, catalog.find(key)}; };
  const auto first_line = entry(markdown ? "markdown.finding" : "text.finding"), who_line = entry("finding.who"),
             html_do = entry("html.do"),
             do_line = entry("finding.do"), item = entry("evidence.item"), more = entry("list.more"),
             not_available = entry(markdown ? "evidence.not_available" : "text.evidence_not_available");
  const std::string separator = catalog.text("list.separator"), none = catalog.text("value.none");
  std::array<std::string, 5> severity_words;  // by FindingSeverity
  for (std::size_t k = 0; k < severity_words.size(); ++k)
    severity_words[k] = catalog.text("severity." + std::string(to_string(static_cast<FindingSeverity>(k))));
  // A score's word (catalog.score_name: the entry score.<name>, or the name), kept while the
  // findings are that score's (they come grouped by score).
  std::string score_of_word, score_word;
  const auto score_name = [&](const std::string& score) -> const std::string& {
    if (score != score_of_word || score_word.empty()) {
      const std::string key = "score." + score;
      score_word = catalog.find(key) ? catalog.text(key) : score;
      score_of_word = score;
    }
    return score_word;
  };
  const auto text_value = [](std::string name) {
    return std::pair{std::move(name), Value{Value::Kind::text, 0, 0.0, std::string()}};
  };
  TextCatalog::Values values, item_values = {text_value("name"), text_value("value")}, more_values = {
      text_value("head"), text_value("count")};
  values.reserve(4);  // never moved: `people` below refers into it
  std::string part;
  std::vector<std::pair<std::string_view, double>> evidence;
  const auto escaped = [&](std::string& into, std::string_view text) {  // data in a text (HTML: the whole text, below)
    if (markdown) append_markdown_text(into, text);
    else into += text;
  };
  std::string line;
  const auto fill = [&](const std::pair<std::string_view, const TextCatalog::Entry*>& e, std::string& into) {
    catalog.append_text(e.first, e.second, values, into);
  };
  Finding x;  // each finding made into it in turn
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    findings.get(first + i, x);
    if (html) {
      const std::string_view severity = to_string(x.severity);
      out += "<div class=\"finding ";
      out += severity;
      out += "\"><span class=\"sev\">";
      append_html_text(out, severity_words[static_cast<std::size_t>(x.severity)]);
      out += "</span> <span class=\"meta\">";
      append_html_text(out, score_name(x.score));
      out += " / ";
      append_html_text(out, x.code);
      out += "</span><div>";
      append_html_text(out, texts.message[i]);
      out += "</div><div class=\"meta\">";
    }
    if (i && !html) out += '\n';
    // The message.
    values.clear();
    if (markdown) {
      values.push_back(text_value("severity"));
      values.back().second.text = severity_words[static_cast<std::size_t>(x.severity)];
      values.push_back(text_value("score"));
      values.back().second.text = score_name(x.score);
    }
    if (!html) {
      values.push_back(text_value("message"));
      escaped(values.back().second.text, texts.message[i]);
      fill(first_line, out);
      out += markdown ? "  \n  " : "\n      ";
    }
    // Who and the evidence.
    std::string& people = (values.clear(), values.push_back(text_value("people")), values.back().second.text);
    std::size_t count = 0;
    for (const auto p : x.people) {
      if (p == no_index) continue;
      if (++count > 10) continue;  // catalog.PEOPLE_NAMED
      if (count > 1) people += separator;
      escaped(people, pseudonyms ? std::string_view((*pseudonyms)[p]) : f.org->id(p));
    }
    if (count > 10) {
      more_values[0].second.text = std::move(people);
      more_values[1].second = Value{Value::Kind::whole, static_cast<std::int64_t>(count - 10), 0.0, std::string()};
      people.clear();
      catalog.append_text(more.first, more.second, more_values, people);
    } else if (count == 0) {
      people = none;
    }
    evidence.clear();
    for (const auto& e : x.evidence) {  // a dict of them: a name at its first place, with its last value
      auto at = std::find_if(evidence.begin(), evidence.end(), [&](const auto& v) { return v.first == e.name; });
      if (at == evidence.end()) evidence.emplace_back(e.name, e.value);
      else at->second = e.value;
    }
    part.clear();
    bool first_item = true;
    for (std::size_t e = 0; e < evidence.size(); ++e) {
      const auto [name, value] = evidence[e];
      if (html && std::isnan(value)) continue;
      if (!first_item) part += separator;
      first_item = false;
      item_values[0].second.text.assign(name);
      // Markdown shows what JSON holds (NaN and infinities are null); the text report, Python's
      // floats; HTML leaves NaN out (above).
      if (std::isnan(value) || (markdown && std::isinf(value))) {
        catalog.append_text(not_available.first, not_available.second, {item_values[0]}, part);
      } else {
        item_values[1].second = Value{Value::Kind::number, 0, value, std::string()};
        catalog.append_text(item.first, item.second, item_values, part);
      }
    }
    values.push_back(text_value("evidence"));
    escaped(values.back().second.text, part);
    if (html) {  // the filled text escaped as a whole
      line.clear();
      fill(who_line, line);
      append_html_text(out, line);
      out += "</div><div><b>";
      line.clear();
      values.clear();
      fill(html_do, line);
      append_html_text(out, line);
      out += "</b> ";
      append_html_text(out, texts.recommendation[i]);
      out += "</div></div>";
      continue;
    }
    fill(who_line, out);
    out += markdown ? "  \n  " : "\n      ";
    values.clear();
    values.push_back(text_value("recommendation"));
    escaped(values.back().second.text, texts.recommendation[i]);
    fill(do_line, out);
  }
}

}  // namespace

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
            Coded score(list), code(list), variant(list), evidence_name(list);
            std::vector<std::uint8_t> severity;
            std::vector<std::int64_t> people_offsets{0}, people, evidence_offsets{0};
            std::vector<double> evidence_value;
            {
              py::gil_scoped_release release;
              severity.reserve(list.size());
              people_offsets.reserve(list.size() + 1);
              evidence_offsets.reserve(list.size() + 1);
              for (std::size_t i = 0; i < list.size(); ++i) {
                score.add(list.score_word(i));
                code.add(list.code_word(i));
                variant.add(list.variant_word(i));
                severity.push_back(static_cast<std::uint8_t>(list.severity(i)));
                for (const auto p : list.people(i))
                  if (p != no_index) people.push_back(static_cast<std::int64_t>(p));
                people_offsets.push_back(static_cast<std::int64_t>(people.size()));
                for (const auto name : list.evidence_names(i)) evidence_name.add(name);
                const auto values = list.evidence_values(i);
                evidence_value.insert(evidence_value.end(), values.begin(), values.end());
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
            std::vector<FindingArg> args;
            f.findings().args(k, args);
            py::list out;
            for (const auto& a : args) out.append(finding_arg(a));
            return out;
          },
          py::arg("k"), "Finding k's arguments as (name, kind, value), as teamgraph.catalog renders them.")
      .def(
          "texts",
          [](const FindingColumns& f, const TextCatalog& catalog, std::optional<std::vector<std::string>> pseudonyms,
             std::optional<std::vector<std::size_t>> indices) {
            if (pseudonyms && pseudonyms->size() != f.org->size())
              throw py::value_error("pseudonyms: one for each person of the org");
            FindingList chosen;  // only these findings' texts: a report that shows ten of 500,000
            if (indices) chosen = chosen_findings(f.findings(), *indices);
            std::vector<FindingTexts> parts;
            {
              py::gil_scoped_release release;
              parts = parallel_texts(indices ? chosen : f.findings(), catalog,
                                     f.labels(catalog, pseudonyms ? &*pseudonyms : nullptr));
            }
            py::list message, recommendation;
            for (auto& part : parts) {
              message.append(column_of(std::move(part.message)));
              recommendation.append(column_of(std::move(part.recommendation)));
            }
            return py::make_tuple(std::move(message), std::move(recommendation));
          },
          py::arg("catalog"), py::arg("pseudonyms") = py::none(), py::arg("indices") = py::none(),
          "([(offsets, bytes), ...], [(offsets, bytes), ...]): every finding's message and recommendation (only "
          "those at `indices`, in their order, when given), UTF-8 in Arrow's layout, in chunks of consecutive findings.")
      .def(
          "lines",
          [](const FindingColumns& f, const TextCatalog& catalog, std::optional<std::vector<std::string>> pseudonyms,
             const std::vector<std::size_t>& indices, const std::string& style) {
            const LineStyle chosen_style = style == "markdown" ? LineStyle::markdown
                                           : style == "text"   ? LineStyle::text
                                           : style == "html"   ? LineStyle::html
                                                               : throw py::value_error("style: markdown, text or html");
            if (pseudonyms && pseudonyms->size() != f.org->size())
              throw py::value_error("pseudonyms: one for each person of the org");
            for (const auto k : indices)
              if (k >= f.findings().size()) throw py::index_error("no finding " + std::to_string(k));
            std::string out;
            {
              py::gil_scoped_release release;
              // Slices of the findings on worker threads (texts cost most), joined in order.
              const std::size_t slice = 4096, slices = (indices.size() + slice - 1) / slice;
              std::vector<std::string> parts(slices);
              detail::for_each_index(slices, static_cast<unsigned>(json::worker_threads()), [&](std::size_t t) {
                const std::size_t begin = t * slice, end = std::min(indices.size(), begin + slice);
                finding_lines(parts[t], f, catalog, pseudonyms ? &*pseudonyms : nullptr,
                              std::span<const std::size_t>(indices).subspan(begin, end - begin), chosen_style);
              });
              std::size_t size = slices;
              for (const auto& p : parts) size += p.size();
              out.reserve(size);
              for (std::size_t t = 0; t < slices; ++t) {
                if (t && chosen_style != LineStyle::html) out += '\n';
                out += parts[t];
              }
            }
            return py::bytes(out);
          },
          py::arg("catalog"), py::arg("pseudonyms"), py::arg("indices"), py::arg("style"),
          "The findings at `indices` as the report of `style` (markdown, text, html) lists them, UTF-8: Markdown "
          "and text, three lines each (message; who and evidence; what to do) joined by line breaks; HTML, a "
          "<div> each.")
      .def(
          "people_text",
          [](const FindingColumns& f, const std::string& separator, std::optional<std::vector<std::string>> pseudonyms) {
            if (pseudonyms && pseudonyms->size() != f.org->size())
              throw py::value_error("pseudonyms: one for each person of the org");
            TextColumn out;
            {
              py::gil_scoped_release release;
              const auto& list = f.findings();
              out.offsets.reserve(list.size() + 1);
              for (std::size_t i = 0; i < list.size(); ++i) {  // written straight into the column's text
                bool first = true;
                for (const auto p : list.people(i)) {
                  if (p == no_index) continue;
                  if (!first) out.data += separator;
                  first = false;
                  out.data += pseudonyms ? std::string_view((*pseudonyms)[p]) : f.org->id(p);
                }
                out.offsets.push_back(static_cast<std::int64_t>(out.data.size()));
              }
            }
            return column_of(std::move(out));
          },
          py::arg("separator") = ", ", py::arg("pseudonyms") = py::none(),
          "(offsets, bytes): each finding's people by id (or pseudonym), joined.")
      .def(
          "json",
          [](const FindingColumns& f, const TextCatalog& catalog, std::optional<std::vector<std::string>> pseudonyms,
             std::vector<std::string> incidental, int level, py::object write) {
            if (pseudonyms && pseudonyms->size() != f.org->size())
              throw py::value_error("pseudonyms: one for each person of the org");
            const std::size_t n = f.findings().size();
            const auto* named = pseudonyms ? &*pseudonyms : nullptr;
            const auto format = [&](std::size_t begin, std::size_t end, std::string& out) {
              findings_json(out, f, f.findings(), catalog, named, incidental, level, begin, end);
            };
            std::string suffix;
            if (n) json::line(suffix, level), suffix += ']';
            return json::stream_blocks(n, 2048, n ? "[" : "[]", suffix, format, write);
          },
          py::arg("catalog"), py::arg("pseudonyms"), py::arg("incidental"), py::arg("level"), py::arg("write") = py::none(),
          "The JSON report's findings array (UTF-8), as json.dumps(indent=2, sort_keys=True) writes it at `level`: "
          "returned as bytes, or, given `write` (a binary file's write), written through it in blocks formatted on "
          "worker threads.")
      .def(
          "same_people",
          [](const FindingColumns& f, const FindingColumns& other) {
            const People &mine = f.org->people(), &theirs = other.org->people();
            std::vector<std::int64_t> out(other.org->size(), -1);
            {
              py::gil_scoped_release release;
              // Both orgs' people in id order, merged: one pass, no lookup a person.
              std::size_t i = 0;
              for (const index_t q : theirs.by_id) {
                const std::string_view id = theirs.ids[q];
                while (i < mine.by_id.size() && mine.ids[mine.by_id[i]] < id) ++i;
                if (i < mine.by_id.size() && mine.ids[mine.by_id[i]] == id) out[q] = mine.by_id[i];
              }
            }
            return owned(std::move(out));
          },
          py::arg("other"),
          "For each person of `other`'s org (by index), the index in this report's org of the person with the same "
          "id, -1 where there is none.")
      .def(
          "alike",
          [](const FindingColumns& f, const FindingColumns& other, const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& k,
             const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& j, bool names) {
            if (k.ndim() != 1 || j.ndim() != 1 || k.size() != j.size())
              throw py::value_error("k and j: two arrays of one dimension, as long as each other");
            const std::size_t pairs = static_cast<std::size_t>(k.size());
            const std::int64_t *ks = k.data(), *js = j.data();
            for (std::size_t i = 0; i < pairs; ++i)
              if (ks[i] < 0 || static_cast<std::size_t>(ks[i]) >= f.findings().size() || js[i] < 0 ||
                  static_cast<std::size_t>(js[i]) >= other.findings().size())
                throw py::index_error("no finding pair (" + std::to_string(ks[i]) + ", " + std::to_string(js[i]) + ")");
            std::vector<std::uint8_t> out(pairs);
            {
              py::gil_scoped_release release;
              const std::size_t slice = 16384, slices = (pairs + slice - 1) / slice;
              detail::for_each_index(slices, static_cast<unsigned>(json::worker_threads()), [&](std::size_t t) {
                std::vector<FindingArg> x, y;  // each thread's, reused from pair to pair
                for (std::size_t i = t * slice; i < std::min(pairs, (t + 1) * slice); ++i)
                  out[i] = alike(f, static_cast<std::size_t>(ks[i]), other, static_cast<std::size_t>(js[i]), names, x, y);
              });
            }
            py::array_t<bool> result(static_cast<py::ssize_t>(pairs));
            std::copy(out.begin(), out.end(), result.mutable_data());
            return result;
          },
          py::arg("other"), py::arg("k"), py::arg("j"), py::arg("names"),
          "For each pair, whether finding k[i] of these and finding j[i] of `other` say the same in words: the same "
          "severity, score, code, variant and arguments, and the same people in order (by id, and by name where "
          "`names`). Alike findings have the same texts in one catalog; others may too (numbers that differ past "
          "the digits shown).")
      .def(
          "json_objects",
          [](const FindingColumns& f, const TextCatalog& catalog, std::optional<std::vector<std::string>> pseudonyms,
             std::vector<std::string> incidental, int level, const std::vector<std::size_t>& indices) {
            if (pseudonyms && pseudonyms->size() != f.org->size())
              throw py::value_error("pseudonyms: one for each person of the org");
            const FindingList chosen = chosen_findings(f.findings(), indices);
            std::string out;
            std::vector<std::size_t> bounds;
            {
              py::gil_scoped_release release;
              findings_json(out, f, chosen, catalog, pseudonyms ? &*pseudonyms : nullptr, incidental, level, 0,
                            chosen.size(), &bounds);
            }
            py::list objects(chosen.size());
            for (std::size_t k = 0; k < chosen.size(); ++k)
              objects[k] = py::str(out.data() + bounds[2 * k], bounds[2 * k + 1] - bounds[2 * k]);
            return objects;
          },
          py::arg("catalog"), py::arg("pseudonyms"), py::arg("incidental"), py::arg("level"), py::arg("indices"),
          "The findings at `indices`, each as the JSON object json.dumps(indent=2, sort_keys=True) writes for it as "
          "an item of an array at `level` (from its opening brace to its closing one): for documents that hold "
          "findings elsewhere than in one array (a diff's changed pairs).");
}

}  // namespace teamgraph::python
