// FindingList: findings as columns (include/teamgraph/findings.hpp).

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <stdexcept>
#include <tuple>
#include <type_traits>

#include "teamgraph/findings.hpp"
#include "teamgraph/detail/assess.hpp"
#include "teamgraph/detail/memory.hpp"

namespace teamgraph {

namespace {

constexpr auto no_hint = static_cast<std::size_t>(-1);
constexpr std::size_t small_words = 32;  // up to this many words, a table inside the list (no allocation)

// A count that must fit a 32-bit field of the columns.
std::uint32_t narrow(std::size_t value) {
  if (value > std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("a finding list holds at most 2^32 - 1 people, figures, arguments, texts and words");
  return static_cast<std::uint32_t>(value);
}

std::size_t hash_of(std::string_view text) { return std::hash<std::string_view>{}(text); }

// An argument record's value (FindingList::ArgRecord): a number's bits, or a range, begin | size << 32.
using Kind = FindingArg::Kind;
bool holds_items(Kind kind) { return kind == Kind::text || kind == Kind::texts || kind == Kind::word || kind == Kind::words; }
bool holds_number(Kind kind) { return kind == Kind::number || kind == Kind::count; }
std::uint64_t range_of(std::uint32_t begin, std::uint32_t size) { return begin | std::uint64_t{size} << 32; }
std::uint32_t begin_of(std::uint64_t value) { return static_cast<std::uint32_t>(value); }
std::uint32_t size_of(std::uint64_t value) { return static_cast<std::uint32_t>(value >> 32); }
// The range moved to begin `by` later (modulo 2^32, as the pools' offsets are moved).
std::uint64_t moved_by(std::uint64_t value, std::uint32_t by) { return range_of(begin_of(value) + by, size_of(value)); }

// An argument holds only what its kind shows (a list keeps nothing else of it).
void check_kept(const FindingArg& a) {
  const bool kept = a.kind <= Kind::clauses && (holds_number(a.kind) || std::bit_cast<std::uint64_t>(a.number) == 0) &&
                    (a.kind == Kind::people || (a.first == 0 && a.size == 0)) &&
                    (a.kind == Kind::clauses || a.clauses.empty()) &&
                    (holds_items(a.kind) || a.items.empty() ||
                     (a.kind == Kind::clauses && a.items.size() == 1 && !a.items[0].empty()));
  if (kept) return;
  static constexpr std::array<const char*, 8> kinds{"number", "count", "text", "texts", "word", "words", "people", "clauses"};
  const auto k = static_cast<std::size_t>(a.kind);
  throw std::invalid_argument("finding argument '" + a.name + "' of kind " + (k < kinds.size() ? kinds[k] : "?") +
                              " holds what its kind does not show (a number, texts, people or clauses of another "
                              "kind, or more than one separator), or is of no kind");
}

// Two texts the same, compared 8 bytes at a time in place (names are short: a call to memcmp
// costs more than the comparison).
bool same_text(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  std::size_t k = 0;
  for (; k + 8 <= a.size(); k += 8) {
    std::uint64_t x, y;
    std::memcpy(&x, a.data() + k, 8);
    std::memcpy(&y, b.data() + k, 8);
    if (x != y) return false;
  }
  for (; k < a.size(); ++k)
    if (a[k] != b[k]) return false;
  return true;
}

// The values [first, last) appended to `to`, each made by `make`: written once (a resize would
// write each value twice, zeros first), the room grown by doubling across appends.
template <class T, class Make>
void append_made(std::vector<T>& to, const T* first, const T* last, const Make& make) {
  const std::size_t want = to.size() + static_cast<std::size_t>(last - first);
  if (want > to.capacity()) to.reserve(std::max(want, 2 * to.capacity()));
  for (; first != last; ++first) to.push_back(make(*first));
}

template <class T>
void append_all(std::vector<T>& to, const std::vector<T>& from, std::size_t first, std::size_t last) {
  to.insert(to.end(), from.begin() + static_cast<std::ptrdiff_t>(first), from.begin() + static_cast<std::ptrdiff_t>(last));
}

}  // namespace

void FindingList::clear() {
  word_text_.clear();
  word_end_.clear();
  word_key_.clear();
  word_slots_.clear();
  small_slots_.fill(0);
  rows_.clear();
  people_.clear();
  evidence_name_.clear();
  evidence_value_.clear();
  args_.clear();
  clause_args_.clear();
  items_.clear();
  clauses_.clear();
  sorted_ = false;
}

void FindingList::reserve(std::size_t findings) { rows_.reserve(findings); }

void FindingList::reserve_more(const Finding& like, std::size_t count) {
  if (detail::counting_findings()) return reserve(size() + count);  // no pool grows
  PoolSizes one{1, like.people.size(), like.evidence.size(), like.args.size(), 0, 0, 0};
  const auto count_arg = [&](const FindingArg& a, const auto& self) -> void {
    // As put_arg keeps them: the texts of a text argument, a separator's record and the clauses.
    if (holds_items(a.kind)) one.items += a.items.size();
    if (a.kind == Kind::clauses) one.clauses += 1 + a.clauses.size();
    for (const auto& clause : a.clauses) {
      one.clause_args += clause.args.size();
      for (const auto& inner : clause.args) self(inner, self);
    }
  };
  for (const auto& a : like.args) count_arg(a, count_arg);
  PoolSizes total = pool_sizes();
  for (auto [to, each] : {std::pair{&total.rows, one.rows}, {&total.people, one.people}, {&total.evidence, one.evidence},
                          {&total.args, one.args}, {&total.items, one.items}, {&total.clauses, one.clauses},
                          {&total.clause_args, one.clause_args}})
    *to = std::min<std::size_t>(*to + each * count, std::numeric_limits<std::uint32_t>::max());  // room only
  reserve_pools(total);
}

std::uint64_t FindingList::key_of(std::string_view text) {
  const std::uint64_t size = std::min<std::size_t>(text.size(), 255);
  std::uint64_t first = 0;  // the first 7 bytes, the first lowest
  if (std::endian::native == std::endian::little && text.size() >= 8) {
    std::memcpy(&first, text.data(), 8);  // one load
    return (first << 8) | size;
  }
  for (std::size_t b = 0; b < std::min<std::size_t>(text.size(), 7); ++b)
    first |= std::uint64_t{static_cast<unsigned char>(text[b])} << (8 * b);
  return (first << 8) | size;
}

std::uint32_t FindingList::word_of(std::string_view text, std::size_t hint) {
  const std::size_t n = words();
  if (n == 0) word_text_.clear(), small_slots_.fill(0), word_slots_.clear();  // a list moved from keeps its array
  if (hint < n && same_text(word(static_cast<std::uint32_t>(hint)), text)) return static_cast<std::uint32_t>(hint);
  const std::uint64_t key = key_of(text);
  narrow(word_text_.size() + text.size()), narrow(n + 1);  // the limits, before anything changes
  // A word of up to 7 bytes is its key; a longer one is read only where the keys agree.
  const auto is = [&](std::uint32_t k) { return word_key_[k] == key && (text.size() <= 7 || same_text(word(k), text)); };
  if (n < small_words) {  // a table of 64 slots in the list, by the key (at most half full)
    const std::size_t mask = small_slots_.size() - 1;
    std::size_t at = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 58) & mask;
    for (; small_slots_[at]; at = (at + 1) & mask)
      if (is(small_slots_[at] - 1u)) return small_slots_[at] - 1u;
    small_slots_[at] = static_cast<std::uint16_t>(n + 1);  // the free slot the new word takes
  } else {
    if (word_slots_.size() < 2 * (n + 1)) {  // the table made, or grown (kept at most half full)
      std::size_t size = 64;
      while (size < 4 * (n + 1)) size *= 2;
      word_slots_.assign(size, 0);
      for (std::uint32_t k = 0; k < n; ++k) {
        std::size_t at = hash_of(word(k)) & (size - 1);
        while (word_slots_[at]) at = (at + 1) & (size - 1);
        word_slots_[at] = k + 1;
      }
    }
    const std::size_t mask = word_slots_.size() - 1;
    std::size_t at = hash_of(text) & mask;
    for (; word_slots_[at]; at = (at + 1) & mask)
      if (is(word_slots_[at] - 1)) return word_slots_[at] - 1;
    word_slots_[at] = narrow(n + 1);  // the free slot the new word takes
  }
  if (word_end_.empty()) {  // a list's first word: room for a few dozen, and for its first findings
    word_text_.reserve(512);
    word_end_.reserve(small_words);
    word_key_.reserve(small_words);
    rows_.reserve(8);
    if (!detail::counting_findings()) {  // a batch's team fills no pool
      people_.reserve(16);
      evidence_name_.reserve(32);
      evidence_value_.reserve(32);
      args_.reserve(32);
      items_.reserve(16);
    }
  }
  word_text_.append(text);
  word_end_.push_back(narrow(word_text_.size()));
  word_key_.push_back(key);
  return narrow(n);
}

void FindingList::put_arg(const FindingArg& a, std::vector<ArgRecord>& pool, std::size_t at, const ArgRecord* hint) {
  check_kept(a);
  ArgRecord r;
  r.name = word_of(a.name, hint ? hint->name : no_hint);
  r.kind = a.kind;
  if (holds_number(a.kind)) {
    r.value = std::bit_cast<std::uint64_t>(a.number);
  } else if (a.kind == Kind::people) {
    r.value = range_of(a.first, a.size);
  } else if (holds_items(a.kind)) {
    const std::uint32_t begin = narrow(items_.size());
    r.value = range_of(begin, narrow(a.items.size()));
    narrow(items_.size() + a.items.size());
    const std::size_t hinted = hint && holds_items(hint->kind) ? size_of(hint->value) : 0;
    for (std::size_t k = 0; k < a.items.size(); ++k)
      items_.push_back(word_of(a.items[k], k < hinted ? items_[begin_of(hint->value) + k] : no_hint));
  } else if (a.kind == Kind::clauses) {  // the separator's record first, then one a clause
    const std::uint32_t begin = narrow(clauses_.size());
    const std::uint32_t end = narrow(clauses_.size() + 1 + a.clauses.size());
    r.value = range_of(begin, end - begin);
    clauses_.resize(end);
    const std::uint32_t here = narrow(clause_args_.size());
    clauses_[begin] = {word_of(a.items.empty() ? std::string_view() : std::string_view(a.items[0])), here, here};
    for (std::size_t c = 0; c < a.clauses.size(); ++c) {
      const FindingClause& clause = a.clauses[c];
      const std::uint32_t key = word_of(clause.key), first = narrow(clause_args_.size());
      const std::uint32_t last = narrow(clause_args_.size() + clause.args.size());
      clauses_[begin + 1 + c] = {key, first, last};
      clause_args_.resize(last);
      for (std::size_t k = 0; k < clause.args.size(); ++k) put_arg(clause.args[k], clause_args_, first + k, nullptr);
    }
  }
  pool[at] = r;
}

void FindingList::push_back(const Finding& f) {
  narrow(rows_.size() + 1);
  // A finding past a pool's limit is not added: the pools are cut back to where they were.
  const std::array<std::size_t, 7> sizes{people_.size(), evidence_name_.size(), args_.size(), items_.size(),
                                         clauses_.size(), clause_args_.size(), rows_.size()};
  try {
    add(f);
  } catch (...) {
    people_.resize(sizes[0]), evidence_name_.resize(sizes[1]), evidence_value_.resize(sizes[1]), args_.resize(sizes[2]);
    items_.resize(sizes[3]), clauses_.resize(sizes[4]), clause_args_.resize(sizes[5]), rows_.resize(sizes[6]);
    throw;
  }
}

void FindingList::add(const Finding& f) {
  const Row* before = rows_.empty() ? nullptr : &rows_.back();
  Row row;
  row.severity = f.severity;
  row.score = word_of(f.score, before ? before->score : no_hint);
  row.code = word_of(f.code, before ? before->code : no_hint);
  row.variant = word_of(f.variant, before ? before->variant : no_hint);
  row.rank = f.rank;
  const bool counted_only = detail::counting_findings();  // a batch's team: no pool grows
  if (!counted_only) people_.insert(people_.end(), f.people.begin(), f.people.end());
  // The finding before's evidence and arguments, mostly of the same names in the same places.
  const std::size_t evidence_before = rows_.size() > 1 ? rows_[rows_.size() - 2].evidence : 0;
  const std::size_t evidence_first = evidence_name_.size();
  for (std::size_t e = 0; e < (counted_only ? 0 : f.evidence.size()); ++e) {
    const std::size_t same_place = evidence_before + e;
    evidence_name_.push_back(word_of(f.evidence[e].name, same_place < evidence_first ? evidence_name_[same_place] : no_hint));
    evidence_value_.push_back(f.evidence[e].value);
  }
  const std::size_t args_before = rows_.size() > 1 ? rows_[rows_.size() - 2].args : 0, args_first = args_.size();
  const std::size_t args = counted_only ? 0 : f.args.size();
  args_.resize(args_first + args);
  for (std::size_t k = 0; k < args; ++k) {
    const ArgRecord* hint = args_before + k < args_first ? &args_[args_before + k] : nullptr;
    put_arg(f.args[k], args_, args_first + k, hint);
  }
  row.people = narrow(people_.size());
  row.evidence = narrow(evidence_name_.size());
  row.args = narrow(args_.size());
  row.items = narrow(items_.size());
  row.clauses = narrow(clauses_.size());
  row.clause_args = narrow(clause_args_.size());
  rows_.push_back(row);
  sorted_ = false;
}

void FindingList::get_arg(const ArgRecord& r, FindingArg& a) const {
  a.name.assign(word(r.name));
  a.kind = r.kind;
  a.number = holds_number(r.kind) ? std::bit_cast<double>(r.value) : 0.0;
  const bool people = r.kind == Kind::people, items = holds_items(r.kind), clauses = r.kind == Kind::clauses;
  a.first = people ? begin_of(r.value) : 0;
  a.size = people ? size_of(r.value) : 0;
  // Resized, not cleared: an argument read into again keeps its texts' room.
  const std::string_view separator = clauses ? word(clauses_[begin_of(r.value)].key) : std::string_view();
  a.items.resize(items ? size_of(r.value) : separator.empty() ? 0 : 1);
  for (std::size_t k = 0; k < a.items.size(); ++k) a.items[k].assign(items ? word(items_[begin_of(r.value) + k]) : separator);
  a.clauses.resize(clauses ? size_of(r.value) - 1 : 0);
  for (std::size_t c = 0; c < a.clauses.size(); ++c) {
    const ClauseRecord& clause = clauses_[begin_of(r.value) + 1 + c];
    FindingClause& out = a.clauses[c];
    out.key.assign(word(clause.key));
    out.args.resize(clause.args_end - clause.args_begin);
    for (std::size_t k = 0; k < out.args.size(); ++k) get_arg(clause_args_[clause.args_begin + k], out.args[k]);
  }
}

void FindingList::args(std::size_t i, std::vector<FindingArg>& out) const {
  const std::size_t first = i ? rows_[i - 1].args : 0;
  out.resize(rows_[i].args - first);
  for (std::size_t k = 0; k < out.size(); ++k) get_arg(args_[first + k], out[k]);
}

void FindingList::get(std::size_t i, Finding& out) const {
  const Row& row = rows_[i];
  out.score.assign(word(row.score));
  out.code.assign(word(row.code));
  out.variant.assign(word(row.variant));
  out.severity = row.severity;
  out.rank = row.rank;
  const auto who = people(i);
  out.people.assign(who.begin(), who.end());
  const auto names = evidence_names(i);
  const auto values = evidence_values(i);
  out.evidence.resize(names.size());
  for (std::size_t e = 0; e < names.size(); ++e) {
    out.evidence[e].name.assign(word(names[e]));
    out.evidence[e].value = values[e];
  }
  args(i, out.args);
}

Finding FindingList::operator[](std::size_t i) const {
  Finding f;
  get(i, f);
  return f;
}

void FindingList::append_range(const FindingList& from, std::size_t begin, std::size_t end,
                               const std::vector<std::uint32_t>& words) {
  if (begin == end) return;
  const FindingList* const lists[] = {&from};
  const Range range{0, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
  append_ranges<const FindingList>(lists, std::span<const Range>(&range, 1),
                                   std::span<const std::vector<std::uint32_t>>(&words, 1));
}

template <class List>
void FindingList::append_ranges(std::span<List* const> lists, std::span<const Range> ranges,
                                std::span<const std::vector<std::uint32_t>> words) {
  // The pools a finding has a part of, by where a row says its part ends.
  static constexpr std::array<std::uint32_t Row::*, 6> ends{&Row::people, &Row::evidence, &Row::args,
                                                            &Row::items,  &Row::clauses,  &Row::clause_args};
  enum Pool : std::size_t { people, evidence, args, items, clauses, clause_args };
  using Offsets = std::array<std::uint32_t, ends.size()>;
  // Where each range's part of every pool begins in its list, and its size: found before anything
  // changes, with the limits (48 bytes a range: a big merge has a range for most findings).
  struct Part {
    Offsets before, size;
  };
  Part one{};                // a single range's (FindingList::append): no allocation
  std::vector<Part> many;    // a merge's
  if (ranges.size() > 1) many.resize(ranges.size());
  Part* const parts = ranges.size() > 1 ? many.data() : &one;
  std::size_t counted = 0;
  Offsets start{};  // where the ranges' parts go here
  if (!rows_.empty())
    for (std::size_t q = 0; q < ends.size(); ++q) start[q] = rows_.back().*ends[q];
  Offsets total = start;
  std::size_t rows = rows_.size();
  for (const auto& [l, begin, end] : ranges) {
    if (begin == end) continue;
    const FindingList& from = *lists[l];
    Part part{};
    for (std::size_t q = 0; q < ends.size(); ++q) {
      part.before[q] = begin ? from.rows_[begin - 1].*ends[q] : 0;
      part.size[q] = from.rows_[end - 1].*ends[q] - part.before[q];
      total[q] = narrow(std::size_t{total[q]} + part.size[q]);
    }
    parts[counted++] = part;
    rows += end - begin;
  }
  narrow(rows);
  const auto shift = [](std::uint32_t at, std::uint32_t there, std::uint32_t here) {
    return narrow(std::size_t{at} - there + here);
  };
  // Every range in turn: copy(from, begin, end, part, here, words) with `here`, where the range's
  // part of each pool goes.
  const auto each_range = [&](const auto& copy) {
    std::size_t p = 0;
    Offsets here = start;
    for (const auto& [l, begin, end] : ranges) {
      if (begin == end) continue;
      const Part& part = parts[p++];
      copy(*lists[l], begin, end, part, here, words[l]);
      for (std::size_t q = 0; q < ends.size(); ++q) here[q] += part.size[q];
    }
  };
  // Each list's part of a pool let go once the pool is copied (lists given as not const only),
  // and given back to the system before the arguments' pool (two thirds of a big list) is copied
  // and after: the arenas of the threads that made the lists keep it resident otherwise.
  std::size_t freed = 0;
  const auto let_go = [&](auto... pools) {
    if constexpr (!std::is_const_v<List>)
      for (List* list : lists)
        ((freed += (list->*pools).capacity() * sizeof((list->*pools)[0]),
          (void)std::decay_t<decltype(list->*pools)>().swap(list->*pools)), ...);
  };
  const auto give_back = [&] {
    detail::give_back_free_memory(freed);
    freed = 0;
  };
  each_range([&](const FindingList& from, std::uint32_t begin, std::uint32_t end, const Part& p, const Offsets& here,
                 const auto& w) {
    append_made(rows_, from.rows_.data() + begin, from.rows_.data() + end, [&](Row r) {
      r.score = w[r.score], r.code = w[r.code], r.variant = w[r.variant];
      for (std::size_t q = 0; q < ends.size(); ++q) r.*ends[q] = shift(r.*ends[q], p.before[q], here[q]);
      return r;
    });
  });
  let_go(&FindingList::rows_);
  // One pool's part of every range, each value made by `make`.
  const auto copy_pool = [&](auto pool, Pool q, const auto& make) {
    each_range([&](const FindingList& from, std::uint32_t, std::uint32_t, const Part& p, const Offsets& here,
                   const auto& w) {
      const auto* first = (from.*pool).data() + p.before[q];
      append_made(this->*pool, first, first + p.size[q], [&](const auto& v) { return make(v, p, here, w); });
    });
  };
  const auto same = [](const auto& v, const Part&, const Offsets&, const auto&) { return v; };
  const auto word = [](std::uint32_t k, const Part&, const Offsets&, const auto& w) { return w[k]; };
  copy_pool(&FindingList::people_, people, same);
  let_go(&FindingList::people_);
  copy_pool(&FindingList::evidence_name_, evidence, word);
  copy_pool(&FindingList::evidence_value_, evidence, same);
  let_go(&FindingList::evidence_name_, &FindingList::evidence_value_);
  give_back();
  // Arguments refer to texts and clauses, clauses to arguments: each moved by where its pool's
  // part begins here rather than there.
  const auto arg = [&](ArgRecord r, const Part& p, const Offsets& here, const auto& w) {
    r.name = w[r.name];
    if (holds_items(r.kind))
      r.value = range_of(shift(begin_of(r.value), p.before[items], here[items]), size_of(r.value));
    else if (r.kind == Kind::clauses)
      r.value = range_of(shift(begin_of(r.value), p.before[clauses], here[clauses]), size_of(r.value));
    return r;
  };
  copy_pool(&FindingList::args_, args, arg);
  let_go(&FindingList::args_);
  give_back();
  copy_pool(&FindingList::clause_args_, clause_args, arg);
  let_go(&FindingList::clause_args_);
  copy_pool(&FindingList::items_, items, word);
  let_go(&FindingList::items_);
  copy_pool(&FindingList::clauses_, clauses, [&](ClauseRecord c, const Part& p, const Offsets& here, const auto& w) {
    return ClauseRecord{w[c.key], shift(c.args_begin, p.before[clause_args], here[clause_args]),
                        shift(c.args_end, p.before[clause_args], here[clause_args])};
  });
  let_go(&FindingList::clauses_);
  sorted_ = false;
}

template void FindingList::append_ranges<FindingList>(std::span<FindingList* const>, std::span<const Range>,
                                                      std::span<const std::vector<std::uint32_t>>);

std::vector<std::uint32_t> FindingList::words_of(const FindingList& other) {
  std::vector<std::uint32_t> words(other.words());
  for (std::uint32_t k = 0; k < words.size(); ++k) words[k] = word_of(other.word(k));
  return words;
}

void FindingList::append(const FindingList& other, std::size_t begin, std::size_t end,
                         const std::vector<std::uint32_t>& words) {
  if (&other == this) {
    const FindingList copy = other;
    append(copy, begin, end, words);
    return;
  }
  if (end > other.size() || begin > end || words.size() != other.words())
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

void FindingList::reorder(std::span<const std::uint32_t> order) {
  // This thread's last small list's storage takes the findings in their new order, and keeps
  // this one's for the next (a batch sorts ten small lists a team: no allocation once warm).
  thread_local FindingList scratch;
  scratch.clear();
  gather(order, scratch);
  std::swap(*this, scratch);
  const std::size_t kept = scratch.word_text_.capacity() + scratch.rows_.capacity() * sizeof(Row) +
                           scratch.people_.capacity() * sizeof(index_t) + scratch.evidence_value_.capacity() * 12 +
                           scratch.args_.capacity() * sizeof(ArgRecord) + scratch.clause_args_.capacity() * sizeof(ArgRecord) +
                           scratch.items_.capacity() * 4 + scratch.clauses_.capacity() * sizeof(ClauseRecord);
  if (kept > (64 << 10)) scratch = FindingList();  // a big list's storage is not kept
}

void FindingList::gather(std::span<const std::uint32_t> order, FindingList& out) const {
  out.word_text_ = word_text_;
  out.word_end_ = word_end_;
  out.word_key_ = word_key_;
  out.word_slots_ = word_slots_;
  out.small_slots_ = small_slots_;
  const Row none;
  const auto before = [&](std::uint32_t i) -> const Row& { return i ? rows_[i - 1] : none; };
  // Each pool's part of the findings taken, counted first: every pool is sized once.
  PoolSizes taken;
  taken.rows = order.size();
  for (const auto i : order) {
    const Row &b = before(i), &r = rows_[i];
    taken += {0, r.people - b.people, r.evidence - b.evidence, r.args - b.args, r.items - b.items,
              r.clauses - b.clauses, r.clause_args - b.clause_args};
  }
  out.reserve_pools(taken);
  for (const auto i : order) {
    const Row &b = before(i), &r = rows_[i];
    // A finding's arguments refer to its texts and clauses, its clauses to its clauses'
    // arguments: each moved by where that pool's part of the finding lands in `out` (modulo
    // 2^32, the sizes fitting 32 bits as they do here).
    const std::uint32_t to_items = narrow(out.items_.size()) - b.items;
    const std::uint32_t to_clauses = narrow(out.clauses_.size()) - b.clauses;
    const std::uint32_t to_clause_args = narrow(out.clause_args_.size()) - b.clause_args;
    const auto moved = [&](ArgRecord a) {
      if (holds_items(a.kind)) a.value = moved_by(a.value, to_items);
      else if (a.kind == Kind::clauses) a.value = moved_by(a.value, to_clauses);
      return a;
    };
    out.people_.insert(out.people_.end(), people_.begin() + b.people, people_.begin() + r.people);
    out.evidence_name_.insert(out.evidence_name_.end(), evidence_name_.begin() + b.evidence,
                              evidence_name_.begin() + r.evidence);
    out.evidence_value_.insert(out.evidence_value_.end(), evidence_value_.begin() + b.evidence,
                               evidence_value_.begin() + r.evidence);
    for (auto k = b.args; k < r.args; ++k) out.args_.push_back(moved(args_[k]));
    for (auto k = b.clause_args; k < r.clause_args; ++k) out.clause_args_.push_back(moved(clause_args_[k]));
    out.items_.insert(out.items_.end(), items_.begin() + b.items, items_.begin() + r.items);
    for (auto k = b.clauses; k < r.clauses; ++k)
      out.clauses_.push_back({clauses_[k].key, clauses_[k].args_begin + to_clause_args, clauses_[k].args_end + to_clause_args});
    Row row = r;
    row.people = narrow(out.people_.size());
    row.evidence = narrow(out.evidence_name_.size());
    row.args = narrow(out.args_.size());
    row.items = narrow(out.items_.size());
    row.clauses = narrow(out.clauses_.size());
    row.clause_args = narrow(out.clause_args_.size());
    out.rows_.push_back(row);
  }
  out.sorted_ = false;
}

FindingList::PoolSizes& FindingList::PoolSizes::operator+=(const PoolSizes& o) {
  rows += o.rows, people += o.people, evidence += o.evidence, args += o.args;
  items += o.items, clauses += o.clauses, clause_args += o.clause_args;
  return *this;
}

FindingList::PoolSizes FindingList::pool_sizes() const {
  return {rows_.size(), people_.size(), evidence_name_.size(), args_.size(), items_.size(), clauses_.size(),
          clause_args_.size()};
}

void FindingList::reserve_pools(const PoolSizes& sizes) {
  // The limits, before anything changes (a gather may take an index more than once).
  for (const std::size_t size : {sizes.rows, sizes.people, sizes.evidence, sizes.args, sizes.items, sizes.clauses,
                                 sizes.clause_args})
    narrow(size);
  rows_.reserve(sizes.rows);
  people_.reserve(sizes.people);
  evidence_name_.reserve(sizes.evidence);
  evidence_value_.reserve(sizes.evidence);
  args_.reserve(sizes.args);
  items_.reserve(sizes.items);
  clauses_.reserve(sizes.clauses);
  clause_args_.reserve(sizes.clause_args);
}

FindingList FindingList::select(std::span<const std::uint32_t> order) const {
  FindingList out;
  gather(order, out);
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
