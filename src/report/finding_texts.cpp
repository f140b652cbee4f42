#include "teamgraph/finding_texts.hpp"

#include "teamgraph/detail/text.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <unordered_map>

namespace teamgraph {

namespace {

using Value = TextCatalog::Value;
using Values = TextCatalog::Values;

// A list names this many people at most, then says how many more (catalog.PEOPLE_NAMED).
constexpr std::size_t people_named = 10;

Value whole(std::int64_t v) {
  Value out;
  out.kind = Value::Kind::whole;
  out.whole = v;
  return out;
}

Value text_value(std::string v) {
  Value out;
  out.text = std::move(v);
  return out;
}

// Python's format(x, ".Nf"), format(x, ".N%") and format(x, ".Ng") (each correctly rounded, as
// printf and std::to_chars are; "g" is C's %.Ng, which Python's follows), appended to `out`.
void append_fixed(std::string& out, double x, int decimals, char kind) {
  if (kind == '%') x *= 100.0;
  char buffer[400];
  const auto [end, error] =
      kind == 'g' ? std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::general, std::max(decimals, 1))
                  : std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::fixed, decimals);
  if (error == std::errc()) out.append(buffer, end);
  if (kind == '%') out += '%';
}

// The precision of a spec ".Nf" / ".N%" / ".Ng" and its kind ('f', '%', 'g'); -1 for a spec this
// renderer does not know.
int decimals_of(std::string_view spec, char& kind) {
  if (spec.size() < 3 || spec.front() != '.' || (spec.back() != 'f' && spec.back() != '%' && spec.back() != 'g')) return -1;
  kind = spec.back();
  int d = -1;
  const auto digits = spec.substr(1, spec.size() - 2);
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), d);
  return error == std::errc() && end == digits.data() + digits.size() && d >= 0 && d <= 20 ? d : -1;
}

}  // namespace

std::string TextCatalog::text(std::string_view key, const Values& values) const { return text(key, find(key), values); }

const TextCatalog::Entry* TextCatalog::find(std::string_view key) const {
  const auto found = entries.find(std::string(key));
  return found == entries.end() ? nullptr : &found->second;
}

std::string TextCatalog::text(std::string_view key, const Entry* found, const Values& values) const {
  std::string out;
  append_text(key, found, values, out);
  return out;
}

void TextCatalog::append_text(std::string_view key, const Entry* found, const Values& values, std::string& out) const {
  if (found == nullptr) {
    out.append(key);
    return;
  }
  const Entry& entry = *found;
  if (entry.forms.empty()) return;
  std::size_t form = 0;
  if (entry.forms.size() > 1 && entry.plural == Plural::one_other) {
    std::int64_t count = 1;
    for (const auto& [name, v] : values)
      if (name == "count") count = v.kind == Value::Kind::whole ? v.whole : static_cast<std::int64_t>(v.number);
    form = count != 1 ? 1 : 0;
  }
  const std::string& pattern = entry.forms[std::min(form, entry.forms.size() - 1)];
  detail::append_placeholders(out, pattern, [&](std::string_view name, std::string_view spec, std::string& into) {
    const Value* value = nullptr;  // the last value of that name
    for (auto v = values.rbegin(); v != values.rend() && !value; ++v)
      if (v->first == name) value = &v->second;
    if (value == nullptr)
      throw std::invalid_argument("catalog entry " + std::string(key) + ": no value for {" + std::string(name) + "}");
    char kind = 'f';
    const int decimals = spec.empty() ? -1 : decimals_of(spec, kind);
    if (!spec.empty() && (decimals < 0 || value->kind == Value::Kind::text))
      throw std::invalid_argument("catalog entry " + std::string(key) + ": the format {" + std::string(name) + ":" +
                                  std::string(spec) + "}");
    switch (value->kind) {
      case Value::Kind::text: into += value->text; break;
      case Value::Kind::whole:
        if (spec.empty()) {
          char buffer[24];
          into.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value->whole).ptr);
        } else {
          append_fixed(into, static_cast<double>(value->whole), decimals, kind);
        }
        break;
      case Value::Kind::number:
        if (std::isnan(value->number)) into += text("value.not_available");
        else append_fixed(into, value->number, spec.empty() ? 2 : decimals, spec.empty() ? 'f' : kind);
        break;
    }
  });
}

namespace {

class Writer {
 public:
  Writer(const TextCatalog& catalog, const PersonLabel& label) : catalog_(catalog), label_(label) {
    separator_ = catalog.text("list.separator");
  }

  // catalog.join: "a, b and c"; with `more`, "a, ..., j and N more".
  std::string join(const std::vector<std::string>& items, std::size_t more = 0) const {
    if (more) return catalog_.text("list.more", {{"head", text_value(joined(items, 0, items.size()))},
                                                 {"count", whole(static_cast<std::int64_t>(more))}});
    if (items.empty()) return {};
    if (items.size() == 1) return items.front();
    return catalog_.text("list.last", {{"head", text_value(joined(items, 0, items.size() - 1))},
                                       {"last", text_value(items.back())}});
  }

  // A term's words (term.<value>), or the value itself; remembered, as findings repeat a few terms.
  const std::string& term(const std::string& value) const {
    const auto known = terms_.find(value);
    if (known != terms_.end()) return known->second;
    const std::string key = "term." + value;
    return terms_.emplace(value, catalog_.contains(key) ? catalog_.text(key) : value).first->second;
  }

  // catalog.finding_args: the values a finding's texts show.
  Values values(const std::vector<FindingArg>& args, const std::vector<index_t>& people) const {
    Values out;
    values_into(args, people, out);
    return out;
  }

  // The same into `out`, whose entries (and their strings' room) are reused: a writer fills one
  // for every finding.
  void values_into(const std::vector<FindingArg>& args, const std::vector<index_t>& people, Values& out) const {
    using Kind = FindingArg::Kind;
    // Grown and cut by hand: resize() needs Value's default constructor where clang 14 does not
    // yet see its member initializers.
    while (out.size() < args.size()) out.emplace_back(std::string(), Value());
    out.erase(out.begin() + static_cast<std::ptrdiff_t>(args.size()), out.end());
    for (std::size_t i = 0; i < args.size(); ++i) {
      const FindingArg& a = args[i];
      Value& v = out[i].second;
      out[i].first.assign(a.name);
      v.kind = Value::Kind::text;  // as a new value: no number left from the last finding
      v.whole = 0;
      v.number = 0.0;
      v.text.clear();
      switch (a.kind) {
        case Kind::count:
          v.kind = Value::Kind::whole;
          v.whole = static_cast<std::int64_t>(a.number);
          break;
        case Kind::number:
          v.kind = Value::Kind::number;
          v.number = a.number;
          break;
        case Kind::text: v.text.assign(term(a.items.empty() ? std::string() : a.items.front())); break;
        case Kind::texts: v.text = join(mapped(a.items, [&](const std::string& s) { return term(s); })); break;
        case Kind::word: v.text = catalog_.text(a.items.empty() ? std::string() : a.items.front()); break;
        case Kind::words: v.text = join(mapped(a.items, [&](const std::string& s) { return catalog_.text(s); })); break;
        case Kind::people: {
          const std::size_t first = std::min<std::size_t>(a.first, people.size());
          const std::size_t last = std::min<std::size_t>(first + a.size, people.size());
          if (last - first == 1) {  // most findings name one person: no list to join
            label_(people[first], v.text);
            break;
          }
          std::vector<std::string> labels;
          const std::size_t shown = std::min(last - first, people_named);
          for (std::size_t k = first; k < first + shown; ++k) label_(people[k], labels.emplace_back());
          v.text = join(labels, last - first > people_named ? last - first - people_named : 0);
          break;
        }
        case Kind::clauses: {
          std::vector<std::string> texts;
          for (const auto& clause : a.clauses) texts.push_back(catalog_.text(clause.key, values(clause.args, people)));
          const std::string separator = a.items.empty() ? std::string() : a.items.front();
          v.text = separator.empty() ? join(texts) : joined_by(texts, catalog_.text(separator));
          break;
        }
      }
    }
  }

 private:
  template <class F>
  static std::vector<std::string> mapped(const std::vector<std::string>& items, F&& f) {
    std::vector<std::string> out;
    out.reserve(items.size());
    for (const auto& s : items) out.push_back(f(s));
    return out;
  }
  static std::string joined_by(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (std::size_t k = 0; k < items.size(); ++k) {
      if (k) out += separator;
      out += items[k];
    }
    return out;
  }
  std::string joined(const std::vector<std::string>& items, std::size_t first, std::size_t last) const {
    return joined_by(std::vector<std::string>(items.begin() + static_cast<std::ptrdiff_t>(first),
                                              items.begin() + static_cast<std::ptrdiff_t>(last)),
                     separator_);
  }

  const TextCatalog& catalog_;
  const PersonLabel& label_;
  std::string separator_;
  mutable std::unordered_map<std::string, std::string> terms_;  // a Writer is used on one thread
};

}  // namespace

namespace {

// The texts of findings get(0) .. get(count - 1) (each a Finding, valid until the next call).
template <class Get>
FindingTexts texts_of(std::size_t count, const Get& get, const TextCatalog& catalog, const PersonLabel& label) {
  FindingTexts out;
  out.message.offsets.reserve(count + 1);
  out.recommendation.offsets.reserve(count + 1);
  const Writer writer(catalog, label);
  std::vector<index_t> people;
  Values values;  // refilled for every finding
  // The entries of the last code and variant: findings come grouped by code, so most reuse them.
  bool any = false;
  std::string last_code, last_variant, message_key, recommendation_key;
  const TextCatalog::Entry *message = nullptr, *recommendation = nullptr;
  // Once the first findings are written, the columns' room for all of them, from those findings'
  // length (and a margin): a column grown by doubling copies its text again at every step.
  constexpr std::size_t sample = 256;
  for (std::size_t k = 0; k < count; ++k) {
    const Finding& f = get(k);
    if (out.message.size() == sample && count > 2 * sample)
      for (auto* column : {&out.message, &out.recommendation})
        column->data.reserve(column->data.size() / sample * count * 5 / 4 + 4096);
    people.clear();
    for (const auto p : f.people)
      if (p != no_index) people.push_back(p);  // as the Python layer, which drops a person not given
    writer.values_into(f.args, people, values);
    if (!any || last_code != f.code || last_variant != f.variant) {
      const std::string key = f.variant.empty() ? f.code : f.code + "." + f.variant;
      message_key = key + ".message", recommendation_key = key + ".recommendation";
      message = catalog.find(message_key), recommendation = catalog.find(recommendation_key);
      any = true, last_code = f.code, last_variant = f.variant;
    }
    // Written straight into the columns' text, not into a string first.
    catalog.append_text(message_key, message, values, out.message.data);
    out.message.offsets.push_back(static_cast<std::int64_t>(out.message.data.size()));
    catalog.append_text(recommendation_key, recommendation, values, out.recommendation.data);
    out.recommendation.offsets.push_back(static_cast<std::int64_t>(out.recommendation.data.size()));
  }
  return out;
}

}  // namespace

FindingTexts finding_texts(std::span<const Finding> findings, const TextCatalog& catalog, const PersonLabel& label) {
  return texts_of(findings.size(), [&](std::size_t k) -> const Finding& { return findings[k]; }, catalog, label);
}

FindingTexts finding_texts(const FindingList& findings, std::size_t begin, std::size_t end, const TextCatalog& catalog,
                           const PersonLabel& label) {
  Finding f;  // each finding made into it in turn
  return texts_of(
      end - begin, [&](std::size_t k) -> const Finding& { return findings.get(begin + k, f), f; }, catalog, label);
}

}  // namespace teamgraph
