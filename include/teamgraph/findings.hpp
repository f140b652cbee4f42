#pragma once
// Findings: how every score explains itself. A finding names who it concerns, the numbers
// behind it and what to do. A score writes no words: a finding carries its code (and, where a
// code has several texts, a variant) and named arguments; the words come from the message
// catalog (python/teamgraph/locale/<lang>/LC_MESSAGES/findings.po), whose entry for the code
// refers to the arguments by name ({competency}, {count}, {people}), in the report's language.
// People are arguments too (a slice of `people`), so a report can show ids, names or
// pseudonyms without the score knowing which.

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
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

class FindingList;
namespace detail {
FindingList merge_findings(std::span<FindingList* const> lists);  // teamgraph/detail/assess.hpp
}

// Findings held as columns (#17): a report of a big org has hundreds of thousands of findings, and
// a Finding of its own vectors and strings is about a kilobyte with the allocator's overhead. A
// FindingList keeps each finding's severity, score, code, variant and rank in arrays, its people,
// evidence and arguments in shared pools, and every name and text once (a word, by number): a
// few hundred bytes a finding, in a handful of allocations. A Finding is made when one is read
// (operator[], iteration: made again at each step, into the iterator), or into a caller's own
// (get(), which reuses its storage); the columns are read without one.
class FindingList {
 public:
  class const_iterator;
  using value_type = Finding;
  using size_type = std::size_t;
  using iterator = const_iterator;

  std::size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  void clear();
  void reserve(std::size_t findings);
  // Room for `count` more findings the shape of `like` (as many people, evidence, arguments,
  // items and clauses): a score about to add many alike sizes every pool once rather than
  // growing each by doubling (copied at each step, and twice the memory touched).
  void reserve_more(const Finding& like, std::size_t count);
  // Keeps of each argument what its kind shows (FindingArg::Kind): std::invalid_argument, and the
  // list's findings as they were, for an argument that holds anything else (a number beside
  // texts, people beside a number, more than one separator of clauses), which would not come
  // back. Words the finding added before it may remain (words(), not any finding's).
  void push_back(const Finding& finding);
  // Every finding of `other`, after these (its words looked up once each, not once a use).
  void append(const FindingList& other);
  // Findings [begin, end) of `other`, after these, with `words` = words_of(other).
  void append(const FindingList& other, std::size_t begin, std::size_t end, const std::vector<std::uint32_t>& words);
  // Each word of `other` as a word of this list (added where new), by its number in `other`.
  std::vector<std::uint32_t> words_of(const FindingList& other);

  // Finding i, made from the columns.
  Finding operator[](std::size_t i) const;
  Finding front() const { return (*this)[0]; }
  Finding back() const { return (*this)[size() - 1]; }
  // Finding i into `out`, reusing its vectors and strings (a loop over many makes no allocation a
  // finding once `out` has grown).
  void get(std::size_t i, Finding& out) const;
  const_iterator begin() const;
  const_iterator end() const;

  // The columns.
  FindingSeverity severity(std::size_t i) const { return rows_[i].severity; }
  std::uint32_t rank(std::size_t i) const { return rows_[i].rank; }
  std::string_view score(std::size_t i) const { return word(rows_[i].score); }
  std::string_view code(std::size_t i) const { return word(rows_[i].code); }
  std::string_view variant(std::size_t i) const { return word(rows_[i].variant); }
  // The numbers of finding i's score, code and variant among the words.
  std::uint32_t score_word(std::size_t i) const { return rows_[i].score; }
  std::uint32_t code_word(std::size_t i) const { return rows_[i].code; }
  std::uint32_t variant_word(std::size_t i) const { return rows_[i].variant; }
  std::span<const index_t> people(std::size_t i) const {
    const std::uint32_t first = i ? rows_[i - 1].people : 0;
    return std::span<const index_t>(people_).subspan(first, rows_[i].people - first);
  }
  // Finding i's evidence: names (words) and values.
  std::span<const std::uint32_t> evidence_names(std::size_t i) const {
    const std::uint32_t first = i ? rows_[i - 1].evidence : 0;
    return std::span<const std::uint32_t>(evidence_name_).subspan(first, rows_[i].evidence - first);
  }
  std::span<const double> evidence_values(std::size_t i) const {
    const std::uint32_t first = i ? rows_[i - 1].evidence : 0;
    return std::span<const double>(evidence_value_).subspan(first, rows_[i].evidence - first);
  }
  // Finding i's arguments, made into `out` (reusing its storage).
  void args(std::size_t i, std::vector<FindingArg>& out) const;
  // Word k: a name (score, code, variant, evidence, argument, catalog key) or a text of the data.
  std::string_view word(std::uint32_t k) const {
    const std::uint32_t first = k ? word_end_[k - 1] : 0;
    return std::string_view(word_text_.data() + first, word_end_[k] - first);
  }
  std::size_t words() const { return word_end_.size(); }

  // The findings at `order` (indices into this list), in that order.
  FindingList select(std::span<const std::uint32_t> order) const;
  // Whether sort_findings made this order (and nothing was added since).
  bool sorted() const { return sorted_; }

  // The same findings in the same order (a figure that is not a number the same as another).
  friend bool operator==(const FindingList& a, const FindingList& b);

 private:
  // A finding: its words, rank and severity, and where its part of each pool ends (the part of
  // finding i begins where finding i - 1's ends; its clauses' arguments, and their texts and
  // clauses, are the finding's too). One row a finding, and few pools: a list is a dozen
  // allocations however many findings it holds (a batch makes ten lists a team).
  struct Row {
    std::uint32_t score = 0, code = 0, variant = 0, rank = 0;
    std::uint32_t people = 0, evidence = 0, args = 0, items = 0, clauses = 0, clause_args = 0;
    FindingSeverity severity = FindingSeverity::info;
  };
  // An argument: its name (a word), its kind, and what the kind shows, in 8 bytes: a number's
  // (and a count's) bits; else a range, begin | size << 32, of the finding's people (people), of
  // items_ (text, texts, word, words: words) or of clauses_ (clauses: the first of them a record
  // whose key is the separator, the word "" for none, and the clauses after it). 16 bytes an
  // argument: a rich 1M-person org's findings have 2.8 million.
  struct ArgRecord {
    std::uint64_t value = 0;
    std::uint32_t name = 0;
    FindingArg::Kind kind = FindingArg::Kind::number;
  };
  // A clause: its catalog key (a word) and arguments [args_begin, args_end) of clause_args_.
  struct ClauseRecord {
    std::uint32_t key = 0, args_begin = 0, args_end = 0;
  };
  // A word's length and first 7 bytes, packed: most words differ there, and one of up to 7 bytes
  // is its key.
  static std::uint64_t key_of(std::string_view text);
  // The word `text`'s number, added if new; `hint`, a number it likely has, is tried first.
  std::uint32_t word_of(std::string_view text, std::size_t hint = static_cast<std::size_t>(-1));
  // push_back without undoing what it added if a limit is passed.
  void add(const Finding& f);
  // Argument `a` written to pool[at] (its items and clauses after those there), `hint` an
  // argument likely of the same name.
  void put_arg(const FindingArg& a, std::vector<ArgRecord>& pool, std::size_t at, const ArgRecord* hint);
  void get_arg(const ArgRecord& r, FindingArg& out) const;
  // The findings put in `order` (a permutation of a few), in storage kept by this thread.
  void reorder(std::span<const std::uint32_t> order);
  // How many findings, and entries of each pool, a list holds or will.
  struct PoolSizes {
    std::size_t rows = 0, people = 0, evidence = 0, args = 0, items = 0, clauses = 0, clause_args = 0;
    PoolSizes& operator+=(const PoolSizes& o);
  };
  PoolSizes pool_sizes() const;
  // Room for `sizes` in every pool at once (none grown by doubling as findings are added).
  void reserve_pools(const PoolSizes& sizes);
  // The findings at `order` (indices into this list) into the empty `out`: this list's words,
  // and each finding's part of every pool, copied in one pass.
  void gather(std::span<const std::uint32_t> order, FindingList& out) const;
  // Findings [begin, end) of `from` appended, their words numbered by `words` (from's word k is
  // this list's words[k]): each pool's part of them copied at once.
  void append_range(const FindingList& from, std::size_t begin, std::size_t end, const std::vector<std::uint32_t>& words);
  // Findings [begin, end) of lists[list], for each range in turn, appended, their words numbered
  // by words[list]: pool by pool (every range's rows, then every range's people, ...). With
  // lists that are not const, each list's part of a pool is let go once that pool is copied:
  // the lists and the new list are never all held at once (merge_findings).
  struct Range {
    std::uint32_t list, begin, end;
  };
  template <class List>
  void append_ranges(std::span<List* const> lists, std::span<const Range> ranges,
                     std::span<const std::vector<std::uint32_t>> words);

  // The words, one after another, where each ends and its key (key_of); tables of them for
  // looking one up (word + 1 a slot, 0 for none): the first 31 by key in the list itself, the
  // rest in an open-addressing table by hash of the whole word.
  std::string word_text_;
  std::vector<std::uint32_t> word_end_, word_slots_;
  std::vector<std::uint64_t> word_key_;
  std::array<std::uint16_t, 64> small_slots_{};
  std::vector<Row> rows_;
  std::vector<index_t> people_;
  std::vector<std::uint32_t> evidence_name_;
  std::vector<double> evidence_value_;
  std::vector<ArgRecord> args_, clause_args_;
  std::vector<std::uint32_t> items_;
  std::vector<ClauseRecord> clauses_;
  bool sorted_ = false;

  friend void sort_findings(FindingList& findings);
  friend FindingList detail::merge_findings(std::span<FindingList* const> lists);
};

// Reads a FindingList a Finding at a time: each step makes the finding into the iterator, whose
// reference lasts until the next step (find_if, count_if, range-for; not reverse_iterator).
class FindingList::const_iterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = Finding;
  using difference_type = std::ptrdiff_t;
  using pointer = const Finding*;
  using reference = const Finding&;

  const_iterator() = default;
  const_iterator(const FindingList* list, std::size_t i) : list_(list), i_(i) {}
  reference operator*() const {
    if (made_ != i_) list_->get(i_, current_), made_ = i_;
    return current_;
  }
  pointer operator->() const { return &**this; }
  const_iterator& operator++() { return ++i_, *this; }
  const_iterator operator++(int) {
    const_iterator before = *this;
    ++i_;
    return before;
  }
  friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.i_ == b.i_; }
  friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
    return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
  }
  std::size_t index() const { return i_; }

 private:
  const FindingList* list_ = nullptr;
  std::size_t i_ = 0;
  mutable Finding current_;
  mutable std::size_t made_ = static_cast<std::size_t>(-1);
};

inline FindingList::const_iterator FindingList::begin() const { return const_iterator(this, 0); }
inline FindingList::const_iterator FindingList::end() const { return const_iterator(this, size()); }

// "code[.variant]: name=value, ...": a finding's code and arguments, people by id, for logs
// and programs that show no catalog text (numbers as format_value, lists joined as join_words,
// clauses as "key(name=value, ...)" joined by "; ").
std::string describe(const Finding& finding, const Org& org);

// Sorts findings: most severe first, then score, code, rank, people, variant, args (a stable, total order).
void sort_findings(FindingList& findings);
// The same through a FindingList: std::invalid_argument for an argument it would refuse (push_back).
void sort_findings(std::vector<Finding>& findings);

// "a, b and c": a list in a sentence.
std::string join_words(const std::vector<std::string>& items);

// "0.53": numbers as findings print them.
std::string format_value(double value, int decimals = 2);

}  // namespace teamgraph
