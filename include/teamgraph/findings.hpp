#pragma once
// Findings: how every score explains itself. A finding names who it concerns, the numbers
// behind it and what to do. A score writes no words: a finding carries its code (and, where a
// code has several texts, a variant) and named arguments; the words come from the message
// catalog (python/teamgraph/locale/<lang>/LC_MESSAGES/findings.po), whose entry for the code
// refers to the arguments by name ({competency}, {count}, {people}), in the report's language.
// People are arguments too (a slice of `people`), so a report can show ids, names or
// pseudonyms without the score knowing which.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "teamgraph/org.hpp"

namespace teamgraph {

enum class FindingSeverity : std::uint8_t { info, low, medium, high, critical };

std::string_view to_string(FindingSeverity);

struct Evidence {
  std::string name;  // "coverage", "threshold", "gap", ...
  double value;
};

// A named value that a finding's texts show: {name} in the catalog entry.
struct FindingClause;

struct FindingArg {
  enum class Kind : std::uint8_t {
    number,  // a figure; the catalog entry gives its format ({rho:.2f}); NaN shows as "n/a"
    count,   // a whole number; the argument named "count" picks the entry's plural form
    text,    // data as the input wrote it (a competency, a dimension, a goal id): items[0]
    texts,   // a list of such data, joined as the report's language joins lists: items
    word,    // a catalog key ("word.material"), shown in the report's language: items[0]
    words,   // a list of catalog keys: items
    people,  // people[first, first + size) of the finding, as a list (at most
             // the report's catalog names at most ten, then "and N more")
    clauses,  // sub-texts: clause k is the catalog entry clauses[k].key with the arguments
              // clauses[k].args, joined by the entry items[0], or as the report's language
              // joins lists when items is empty ("a, b and c")
  };
  std::string name;
  Kind kind = Kind::number;
  double number = 0.0;
  std::vector<std::string> items;
  std::uint32_t first = 0, size = 0;
  std::vector<FindingClause> clauses;

  static FindingArg num(std::string name, double value);
  static FindingArg count_of(std::string name, std::size_t value);
  static FindingArg text_of(std::string name, std::string value);
  static FindingArg texts_of(std::string name, std::vector<std::string> values);
  static FindingArg word_of(std::string name, std::string key);
  static FindingArg words_of(std::string name, std::vector<std::string> keys);
  static FindingArg people_of(std::string name, std::size_t first, std::size_t size);
  // `separator`: the catalog key of what joins the clauses, "" for the language's list join.
  static FindingArg clauses_of(std::string name, std::vector<FindingClause> clauses, std::string separator = {});

  friend bool operator==(const FindingArg&, const FindingArg&);
  friend std::partial_ordering operator<=>(const FindingArg&, const FindingArg&);
};

// One clause of a `clauses` argument: a catalog entry and the arguments it shows.
struct FindingClause {
  std::string key;
  std::vector<FindingArg> args;

  friend bool operator==(const FindingClause&, const FindingClause&);
  friend std::partial_ordering operator<=>(const FindingClause&, const FindingClause&);
};

struct Finding {
  std::string score;  // "leadership_coverage", "succession_readiness", ...
  std::string code;   // stable: "missing_competency", "uncovered_key_position", ...
  FindingSeverity severity = FindingSeverity::info;
  std::vector<index_t> people;  // who it concerns
  std::vector<Evidence> evidence;  // the figures behind it, by name
  // A finding writes no words: its message and recommendation are the catalog entries
  // code[.variant] (python/teamgraph/locale/<lang>/LC_MESSAGES/findings.po), filled with `args`.
  std::string variant;           // which of the code's texts ("" = the code's own)
  std::vector<FindingArg> args;  // what the texts show, by name
  // The score's own order of its findings of one code and severity (departure impact: the
  // ranking of report.departure_impact); 0 where a score has none, then people decide.
  std::uint32_t rank = 0;

  // The argument called `name`, or nullptr.
  const FindingArg* arg(std::string_view name) const;
};

// "code[.variant]: name=value, ...": a finding's code and arguments, people by id, for logs
// and programs that show no catalog text (numbers as format_value, lists joined as join_words,
// clauses as "key(name=value, ...)" joined by "; ").
std::string describe(const Finding& finding, const Org& org);

// Sorts findings: most severe first, then score, code, rank, people, variant, args (a stable, total order).
void sort_findings(std::vector<Finding>& findings);

// "a, b and c": a list in a sentence.
std::string join_words(const std::vector<std::string>& items);

// "0.53": numbers as findings print them.
std::string format_value(double value, int decimals = 2);

}  // namespace teamgraph
