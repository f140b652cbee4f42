#pragma once
// Findings in words, many at once: the message and recommendation of every finding, written from
// a message catalog into two text columns (offsets and UTF-8 bytes, the layout of an Arrow string
// array), so a report of a million people and hundreds of thousands of findings is written
// without an object per finding. The rules are those of python/teamgraph/catalog.py, which fills
// the catalog from its PO files: an entry `code[.variant].message` / `.recommendation` with
// `{name}` / `{name:spec}` placeholders filled from the finding's arguments, plural forms picked by
// the argument `count`, people named by their labels (at most ten, then "and N more").

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "teamgraph/findings.hpp"

namespace teamgraph {

// The words of one language, by catalog key.
struct TextCatalog {
  // Which plural form a count takes: English-like (1 the first form, any other count the second),
  // or a language with one form (Chinese).
  enum class Plural : std::uint8_t { one_other, single };
  struct Entry {
    std::vector<std::string> forms;  // one text, or the plural forms
    Plural plural = Plural::one_other;
  };
  std::unordered_map<std::string, Entry> entries;

  // A value a placeholder shows: a whole number, a number (NaN shows as "value.not_available";
  // no spec means two decimals) or text.
  struct Value {
    enum class Kind : std::uint8_t { whole, number, text } kind = Kind::text;
    std::int64_t whole = 0;
    double number = 0.0;
    std::string text;
  };
  using Values = std::vector<std::pair<std::string, Value>>;

  bool contains(std::string_view key) const { return entries.find(std::string(key)) != entries.end(); }
  // The entry `key` with `values` filled in by name (a plural entry picks its form by "count");
  // a key with no entry is itself. Throws std::invalid_argument for a placeholder with no value or
  // a spec other than "", ".Nf", ".N%" and ".Ng".
  std::string text(std::string_view key, const Values& values = {}) const;
  // The same with the entry already found (find(key); nullptr: no entry, the key itself).
  const Entry* find(std::string_view key) const;
  std::string text(std::string_view key, const Entry* entry, const Values& values) const;
  // The same appended to `out`.
  void append_text(std::string_view key, const Entry* entry, const Values& values, std::string& out) const;
};

// Texts in a column: text k is data[offsets[k], offsets[k + 1]).
struct TextColumn {
  std::vector<std::int64_t> offsets{0};
  std::string data;

  void push_back(std::string_view text) {
    data.append(text);
    offsets.push_back(static_cast<std::int64_t>(data.size()));
  }
  std::size_t size() const { return offsets.size() - 1; }
  std::string_view operator[](std::size_t k) const {
    return std::string_view(data).substr(static_cast<std::size_t>(offsets[k]),
                                         static_cast<std::size_t>(offsets[k + 1] - offsets[k]));
  }
};

struct FindingTexts {
  TextColumn message;
  TextColumn recommendation;
};

// How the texts name a person (their index in the org), appended to `out`: an id, "Name (id)", a
// pseudonym.
using PersonLabel = std::function<void(index_t, std::string& out)>;

// The message and recommendation of each finding, in order.
FindingTexts finding_texts(std::span<const Finding> findings, const TextCatalog& catalog, const PersonLabel& label);
// The same of the findings [begin, end) of a list.
FindingTexts finding_texts(const FindingList& findings, std::size_t begin, std::size_t end, const TextCatalog& catalog,
                           const PersonLabel& label);

}  // namespace teamgraph
