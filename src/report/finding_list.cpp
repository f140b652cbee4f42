// FindingList: findings as columns (include/teamgraph/findings.hpp).

#include <cmath>
#include <limits>
#include <stdexcept>
#include <tuple>

#include "teamgraph/findings.hpp"

namespace teamgraph {

namespace {

constexpr auto no_hint = static_cast<std::size_t>(-1);

// A count that must fit a 32-bit field of the columns.
std::uint32_t narrow(std::size_t value) {
  if (value > std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("a finding list holds at most 2^32 - 1 arguments, texts and words");
  return static_cast<std::uint32_t>(value);
}

}  // namespace

void FindingList::clear() {
  words_.clear();
  word_index_.clear();
  severity_.clear();
  score_.clear();
  code_.clear();
  variant_.clear();
  rank_.clear();
  people_end_.clear();
  evidence_end_.clear();
  args_end_.clear();
  items_end_.clear();
  clauses_end_.clear();
  clause_args_end_.clear();
  people_.clear();
  evidence_name_.clear();
  evidence_value_.clear();
  args_.clear();
  clause_args_.clear();
  items_.clear();
  clauses_.clear();
  sorted_ = false;
}

void FindingList::reserve(std::size_t findings) {
  severity_.reserve(findings);
  score_.reserve(findings);
  code_.reserve(findings);
  variant_.reserve(findings);
  rank_.reserve(findings);
  people_end_.reserve(findings);
  evidence_end_.reserve(findings);
  args_end_.reserve(findings);
  items_end_.reserve(findings);
  clauses_end_.reserve(findings);
  clause_args_end_.reserve(findings);
}

std::uint32_t FindingList::word_of(std::string_view text, std::size_t hint) {
  if (hint < words_.size() && words_[hint] == text) return static_cast<std::uint32_t>(hint);
  if (const auto at = word_index_.find(text); at != word_index_.end()) return at->second;
  const std::uint32_t k = narrow(words_.size());
  words_.emplace_back(text);
  word_index_.emplace(words_.back(), k);
  return k;
}

void FindingList::put_arg(const FindingArg& a, std::vector<ArgRecord>& pool, std::size_t at, const ArgRecord* hint) {
  ArgRecord r;
  r.name = word_of(a.name, hint ? hint->name : no_hint);
  r.kind = a.kind;
  r.number = a.number;
  r.first = a.first;
  r.size = a.size;
  r.items_begin = narrow(items_.size());
  for (std::size_t k = 0; k < a.items.size(); ++k) {
    const bool hinted = hint && hint->items_begin + k < hint->items_end;
    items_.push_back(word_of(a.items[k], hinted ? items_[hint->items_begin + k] : no_hint));
  }
  r.items_end = narrow(items_.size());
  r.clauses_begin = narrow(clauses_.size());
  r.clauses_end = narrow(clauses_.size() + a.clauses.size());
  clauses_.resize(r.clauses_end);
  for (std::size_t c = 0; c < a.clauses.size(); ++c) {
    const FindingClause& clause = a.clauses[c];
    const std::uint32_t key = word_of(clause.key), first = narrow(clause_args_.size());
    const std::uint32_t last = narrow(clause_args_.size() + clause.args.size());
    clauses_[r.clauses_begin + c] = {key, first, last};
    clause_args_.resize(last);
    for (std::size_t k = 0; k < clause.args.size(); ++k) put_arg(clause.args[k], clause_args_, first + k, nullptr);
  }
  pool[at] = r;
}

void FindingList::push_back(const Finding& f) {
  const std::size_t n = size();
  severity_.push_back(f.severity);
  score_.push_back(word_of(f.score, n ? score_[n - 1] : no_hint));
  code_.push_back(word_of(f.code, n ? code_[n - 1] : no_hint));
  variant_.push_back(word_of(f.variant, n ? variant_[n - 1] : no_hint));
  rank_.push_back(f.rank);
  people_.insert(people_.end(), f.people.begin(), f.people.end());
  people_end_.push_back(people_.size());
  // The previous finding's evidence and arguments, mostly of the same names in the same places.
  const std::size_t evidence_before = n ? begin_of(evidence_end_, n - 1) : 0, evidence_first = evidence_name_.size();
  for (std::size_t e = 0; e < f.evidence.size(); ++e) {
    const std::size_t same_place = evidence_before + e;
    evidence_name_.push_back(word_of(f.evidence[e].name, same_place < evidence_first ? evidence_name_[same_place] : no_hint));
    evidence_value_.push_back(f.evidence[e].value);
  }
  evidence_end_.push_back(evidence_name_.size());
  const std::size_t args_before = n ? begin_of(args_end_, n - 1) : 0, args_first = args_.size();
  args_.resize(args_first + f.args.size());
  for (std::size_t k = 0; k < f.args.size(); ++k) {
    const ArgRecord* hint = args_before + k < args_first ? &args_[args_before + k] : nullptr;
    put_arg(f.args[k], args_, args_first + k, hint);
  }
  args_end_.push_back(args_.size());
  items_end_.push_back(items_.size());
  clauses_end_.push_back(clauses_.size());
  clause_args_end_.push_back(clause_args_.size());
  sorted_ = false;
}

void FindingList::get_arg(const ArgRecord& r, FindingArg& a) const {
  a.name.assign(words_[r.name]);
  a.kind = r.kind;
  a.number = r.number;
  a.first = r.first;
  a.size = r.size;
  a.items.resize(r.items_end - r.items_begin);
  for (std::size_t k = 0; k < a.items.size(); ++k) a.items[k].assign(words_[items_[r.items_begin + k]]);
  a.clauses.resize(r.clauses_end - r.clauses_begin);
  for (std::size_t c = 0; c < a.clauses.size(); ++c) {
    const ClauseRecord& clause = clauses_[r.clauses_begin + c];
    FindingClause& out = a.clauses[c];
    out.key.assign(words_[clause.key]);
    out.args.resize(clause.args_end - clause.args_begin);
    for (std::size_t k = 0; k < out.args.size(); ++k) get_arg(clause_args_[clause.args_begin + k], out.args[k]);
  }
}

void FindingList::args(std::size_t i, std::vector<FindingArg>& out) const {
  const std::size_t first = begin_of(args_end_, i);
  out.resize(args_end_[i] - first);
  for (std::size_t k = 0; k < out.size(); ++k) get_arg(args_[first + k], out[k]);
}

void FindingList::get(std::size_t i, Finding& out) const {
  out.score.assign(words_[score_[i]]);
  out.code.assign(words_[code_[i]]);
  out.variant.assign(words_[variant_[i]]);
  out.severity = severity_[i];
  out.rank = rank_[i];
  const auto who = people(i);
  out.people.assign(who.begin(), who.end());
  const auto names = evidence_names(i);
  const auto values = evidence_values(i);
  out.evidence.resize(names.size());
  for (std::size_t e = 0; e < names.size(); ++e) {
    out.evidence[e].name.assign(words_[names[e]]);
    out.evidence[e].value = values[e];
  }
  args(i, out.args);
}

Finding FindingList::operator[](std::size_t i) const {
  Finding f;
  get(i, f);
  return f;
}

namespace {

// The values [first, last) of `from` appended to `to`, each made by `make`.
template <class T, class Make>
void append_made(std::vector<T>& to, const T* first, const T* last, const Make& make) {
  const std::size_t at = to.size();
  to.resize(at + static_cast<std::size_t>(last - first));
  T* out = to.data() + at;
  for (; first != last; ++first) *out++ = make(*first);
}

// The ends [begin, end) of `from` appended to `to`, moved by where the pool's part of them begins
// in each list.
void append_ends(std::vector<std::size_t>& to, const std::vector<std::size_t>& from, std::size_t begin, std::size_t end,
                 std::size_t pool_size) {
  const std::size_t base = begin ? from[begin - 1] : 0;
  append_made(to, from.data() + begin, from.data() + end, [&](std::size_t e) { return e - base + pool_size; });
}

}  // namespace

void FindingList::append_range(const FindingList& from, std::size_t begin, std::size_t end,
                               const std::vector<std::uint32_t>& words) {
  const auto part = [&](const std::vector<std::size_t>& ends) {
    return std::pair{begin_of(ends, begin), end ? ends[end - 1] : 0};
  };
  const auto word = [&](std::uint32_t k) { return words[k]; };
  severity_.insert(severity_.end(), from.severity_.begin() + static_cast<std::ptrdiff_t>(begin),
                   from.severity_.begin() + static_cast<std::ptrdiff_t>(end));
  rank_.insert(rank_.end(), from.rank_.begin() + static_cast<std::ptrdiff_t>(begin),
               from.rank_.begin() + static_cast<std::ptrdiff_t>(end));
  append_made(score_, from.score_.data() + begin, from.score_.data() + end, word);
  append_made(code_, from.code_.data() + begin, from.code_.data() + end, word);
  append_made(variant_, from.variant_.data() + begin, from.variant_.data() + end, word);
  const auto [people_first, people_last] = part(from.people_end_);
  append_ends(people_end_, from.people_end_, begin, end, people_.size());
  people_.insert(people_.end(), from.people_.begin() + static_cast<std::ptrdiff_t>(people_first),
                 from.people_.begin() + static_cast<std::ptrdiff_t>(people_last));
  const auto [evidence_first, evidence_last] = part(from.evidence_end_);
  append_ends(evidence_end_, from.evidence_end_, begin, end, evidence_name_.size());
  append_made(evidence_name_, from.evidence_name_.data() + evidence_first, from.evidence_name_.data() + evidence_last, word);
  evidence_value_.insert(evidence_value_.end(), from.evidence_value_.begin() + static_cast<std::ptrdiff_t>(evidence_first),
                         from.evidence_value_.begin() + static_cast<std::ptrdiff_t>(evidence_last));
  // Arguments refer to texts and clauses, clauses to arguments: each moved by where its pool's
  // part begins here rather than there.
  const auto [items_first, items_last] = part(from.items_end_);
  const auto [clauses_first, clauses_last] = part(from.clauses_end_);
  const auto [clause_args_first, clause_args_last] = part(from.clause_args_end_);
  const auto items_shift = static_cast<std::int64_t>(items_.size()) - static_cast<std::int64_t>(items_first);
  const auto clauses_shift = static_cast<std::int64_t>(clauses_.size()) - static_cast<std::int64_t>(clauses_first);
  const auto clause_args_shift = static_cast<std::int64_t>(clause_args_.size()) - static_cast<std::int64_t>(clause_args_first);
  const auto moved = [](std::uint32_t at, std::int64_t shift) { return narrow(static_cast<std::size_t>(at + shift)); };
  const auto arg = [&](ArgRecord r) {
    r.name = words[r.name];
    r.items_begin = moved(r.items_begin, items_shift), r.items_end = moved(r.items_end, items_shift);
    r.clauses_begin = moved(r.clauses_begin, clauses_shift), r.clauses_end = moved(r.clauses_end, clauses_shift);
    return r;
  };
  const auto [args_first, args_last] = part(from.args_end_);
  append_ends(args_end_, from.args_end_, begin, end, args_.size());
  append_made(args_, from.args_.data() + args_first, from.args_.data() + args_last, arg);
  append_ends(clause_args_end_, from.clause_args_end_, begin, end, clause_args_.size());
  append_made(clause_args_, from.clause_args_.data() + clause_args_first, from.clause_args_.data() + clause_args_last, arg);
  append_ends(items_end_, from.items_end_, begin, end, items_.size());
  append_made(items_, from.items_.data() + items_first, from.items_.data() + items_last, word);
  append_ends(clauses_end_, from.clauses_end_, begin, end, clauses_.size());
  append_made(clauses_, from.clauses_.data() + clauses_first, from.clauses_.data() + clauses_last, [&](ClauseRecord c) {
    return ClauseRecord{words[c.key], moved(c.args_begin, clause_args_shift), moved(c.args_end, clause_args_shift)};
  });
  sorted_ = false;
}

std::vector<std::uint32_t> FindingList::words_of(const FindingList& other) {
  std::vector<std::uint32_t> words(other.words_.size());
  for (std::size_t k = 0; k < words.size(); ++k) words[k] = word_of(other.words_[k]);
  return words;
}

void FindingList::append(const FindingList& other, std::size_t begin, std::size_t end,
                         const std::vector<std::uint32_t>& words) {
  if (&other == this) {
    const FindingList copy = other;
    append(copy, begin, end, words);
    return;
  }
  if (end > other.size() || begin > end || words.size() != other.words_.size())
    throw std::out_of_range("FindingList::append: no such findings, or words of another list");
  append_range(other, begin, end, words);
}

void FindingList::append(const FindingList& other) {
  if (&other == this) {
    const FindingList copy = other;
    append(copy);
    return;
  }
  append(other, 0, other.size(), words_of(other));
}

FindingList FindingList::select(std::span<const std::uint32_t> order) const {
  FindingList out;
  out.words_ = words_;
  out.word_index_ = word_index_;
  std::vector<std::uint32_t> same(words_.size());
  for (std::uint32_t k = 0; k < same.size(); ++k) same[k] = k;
  out.reserve(order.size());
  for (const auto i : order) out.append_range(*this, i, i + 1, same);
  return out;
}

namespace {

// Two figures the same (NaN the same as NaN: a figure that is not a number).
bool same_number(double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); }

bool same_args(const std::vector<FindingArg>& a, const std::vector<FindingArg>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    const FindingArg &x = a[k], &y = b[k];
    if (std::tie(x.name, x.kind, x.items, x.first, x.size) != std::tie(y.name, y.kind, y.items, y.first, y.size) ||
        !same_number(x.number, y.number) || x.clauses.size() != y.clauses.size())
      return false;
    for (std::size_t c = 0; c < x.clauses.size(); ++c)
      if (x.clauses[c].key != y.clauses[c].key || !same_args(x.clauses[c].args, y.clauses[c].args)) return false;
  }
  return true;
}

}  // namespace

bool operator==(const FindingList& a, const FindingList& b) {
  if (a.size() != b.size()) return false;
  Finding x, y;
  for (std::size_t i = 0; i < a.size(); ++i) {
    a.get(i, x);
    b.get(i, y);
    if (std::tie(x.score, x.code, x.severity, x.people, x.variant, x.rank) !=
            std::tie(y.score, y.code, y.severity, y.people, y.variant, y.rank) ||
        x.evidence.size() != y.evidence.size() || !same_args(x.args, y.args))
      return false;
    for (std::size_t e = 0; e < x.evidence.size(); ++e)
      if (x.evidence[e].name != y.evidence[e].name || !same_number(x.evidence[e].value, y.evidence[e].value)) return false;
  }
  return true;
}

}  // namespace teamgraph
