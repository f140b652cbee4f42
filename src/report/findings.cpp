#include "teamgraph/findings.hpp"
#include "teamgraph/detail/assess.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <span>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace teamgraph {

std::string_view to_string(FindingSeverity s) {
  switch (s) {
    case FindingSeverity::info: return "info";
    case FindingSeverity::low: return "low";
    case FindingSeverity::medium: return "medium";
    case FindingSeverity::high: return "high";
    case FindingSeverity::critical: return "critical";
  }
  return "?";
}

FindingArg FindingArg::num(std::string name, double value) {
  FindingArg a;
  a.name = std::move(name);
  a.kind = Kind::number;
  a.number = value;
  return a;
}
FindingArg FindingArg::count_of(std::string name, std::size_t value) {
  FindingArg a = num(std::move(name), static_cast<double>(value));
  a.kind = Kind::count;
  return a;
}
FindingArg FindingArg::text_of(std::string name, std::string value) {
  FindingArg a;
  a.name = std::move(name);
  a.kind = Kind::text;
  a.items.push_back(std::move(value));
  return a;
}
FindingArg FindingArg::texts_of(std::string name, std::vector<std::string> values) {
  FindingArg a;
  a.name = std::move(name);
  a.kind = Kind::texts;
  a.items = std::move(values);
  return a;
}
FindingArg FindingArg::word_of(std::string name, std::string key) {
  FindingArg a = text_of(std::move(name), std::move(key));
  a.kind = Kind::word;
  return a;
}
FindingArg FindingArg::words_of(std::string name, std::vector<std::string> keys) {
  FindingArg a = texts_of(std::move(name), std::move(keys));
  a.kind = Kind::words;
  return a;
}
FindingArg FindingArg::people_of(std::string name, std::size_t first, std::size_t size) {
  FindingArg a;
  a.name = std::move(name);
  a.kind = Kind::people;
  a.first = static_cast<std::uint32_t>(first);
  a.size = static_cast<std::uint32_t>(size);
  return a;
}

FindingArg FindingArg::clauses_of(std::string name, std::vector<FindingClause> clauses, std::string separator) {
  FindingArg a;
  a.name = std::move(name);
  a.kind = Kind::clauses;
  if (!separator.empty()) a.items.push_back(std::move(separator));
  a.clauses = std::move(clauses);
  return a;
}

bool operator==(const FindingArg& a, const FindingArg& b) {
  return std::tie(a.name, a.kind, a.number, a.items, a.first, a.size, a.clauses) ==
         std::tie(b.name, b.kind, b.number, b.items, b.first, b.size, b.clauses);
}
std::partial_ordering operator<=>(const FindingArg& a, const FindingArg& b) {
  return std::tie(a.name, a.kind, a.number, a.items, a.first, a.size, a.clauses) <=>
         std::tie(b.name, b.kind, b.number, b.items, b.first, b.size, b.clauses);
}
bool operator==(const FindingClause& a, const FindingClause& b) { return a.key == b.key && a.args == b.args; }
std::partial_ordering operator<=>(const FindingClause& a, const FindingClause& b) {
  return std::tie(a.key, a.args) <=> std::tie(b.key, b.args);
}

const FindingArg* Finding::arg(std::string_view name) const {
  for (const auto& a : args)
    if (a.name == name) return &a;
  return nullptr;
}

namespace {

std::string describe_args(const std::vector<FindingArg>& args, const std::vector<index_t>& people, const Org& org) {
  using Kind = FindingArg::Kind;
  std::string out;
  for (const auto& a : args) {
    if (!out.empty()) out += ", ";
    out += a.name;
    out += '=';
    switch (a.kind) {
      case Kind::number: out += format_value(a.number); break;
      case Kind::count: out += format_value(a.number, 0); break;
      case Kind::text:
      case Kind::word:
      case Kind::texts:
      case Kind::words: out += join_words(a.items); break;
      case Kind::people: {
        std::vector<std::string> ids;
        for (std::size_t k = a.first; k < a.first + a.size && k < people.size(); ++k) ids.emplace_back(org.id(people[k]));
        out += join_words(ids);
        break;
      }
      case Kind::clauses:
        for (std::size_t k = 0; k < a.clauses.size(); ++k)
          out += (k ? "; " : "") + a.clauses[k].key + "(" + describe_args(a.clauses[k].args, people, org) + ")";
        break;
    }
  }
  return out;
}

}  // namespace

std::string describe(const Finding& f, const Org& org) {
  return f.code + (f.variant.empty() ? "" : "." + f.variant) + ": " + describe_args(f.args, f.people, org);
}

namespace {

// Finding i of `list` against finding j in sort_findings' order after their severity, score,
// code, rank and first person: all their people, then variant, then arguments (made into `x`
// and `y`, the caller's, reused).
bool tail_less(const FindingList& list, std::size_t i, std::size_t j, std::vector<FindingArg>& x,
               std::vector<FindingArg>& y) {
  const auto a = list.people(i), b = list.people(j);
  if (!std::equal(a.begin(), a.end(), b.begin(), b.end()))
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
  if (list.variant_word(i) != list.variant_word(j)) return list.variant(i) < list.variant(j);
  list.args(i, x);
  list.args(j, y);
  return x < y;
}

// Finding i of `list` before finding j in sort_findings' order (names compared as text).
bool list_less(const FindingList& list, std::size_t i, std::size_t j, std::vector<FindingArg>& x,
               std::vector<FindingArg>& y) {
  if (list.severity(i) != list.severity(j)) return list.severity(i) > list.severity(j);
  if (list.score_word(i) != list.score_word(j)) return list.score(i) < list.score(j);
  if (list.code_word(i) != list.code_word(j)) return list.code(i) < list.code(j);
  if (list.rank(i) != list.rank(j)) return list.rank(i) < list.rank(j);
  return tail_less(list, i, j, x, y);
}

// While a DeferSorting lives on this thread (assess()'s scoring), lists of many findings are left
// unsorted for merge_findings.
thread_local bool deferred_sorting = false;

// While a CountFindings lives on this thread (a batch's teams): findings are only counted.
thread_local bool counted_only = false;

// Up to this many, a list is sorted in place (insertion sort), and never left unsorted.
constexpr std::size_t few_findings = 32;

// The order sort_findings puts `findings` (more than a few) in, as their indices; empty when they
// are in it already.
std::vector<std::uint32_t> sorted_order(const FindingList& findings) {
  // A report of a big org has hundreds of thousands of findings naming few scores and codes:
  // their order is that of small numbers, the ranks of the distinct names. Severity, score, code
  // and rank then make two integer keys a finding, the first person a third one (a score's many
  // findings differ there first), and the order of the keys (the rest of the people, variant and
  // arguments breaking ties) is sorted instead of the findings, which are then copied once in it.
  const std::size_t n = findings.size();
  std::vector<FindingArg> x, y;
  std::vector<char> is_name(findings.words(), 0);  // the words that are a score or a code
  for (std::size_t i = 0; i < n; ++i) is_name[findings.score_word(i)] = is_name[findings.code_word(i)] = 1;
  std::vector<std::uint32_t> names;
  for (std::uint32_t k = 0; k < is_name.size(); ++k)
    if (is_name[k]) names.push_back(k);
  std::sort(names.begin(), names.end(),
            [&](std::uint32_t a, std::uint32_t b) { return findings.word(a) < findings.word(b); });
  std::vector<std::uint32_t> rank_of(findings.words(), 0);
  for (std::uint32_t k = 0; k < names.size(); ++k) rank_of[names[k]] = k;
  struct Key {
    std::uint64_t first;   // 4 - severity, then the score's rank
    std::uint64_t second;  // the code's rank, then the finding's rank
    std::uint64_t person;  // the first person + 1, 0 for none (no people come first)
    std::uint32_t index;
  };
  std::vector<Key> keys(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto severity = static_cast<std::uint64_t>(FindingSeverity::critical) -
                          static_cast<std::uint64_t>(findings.severity(i));
    const auto people = findings.people(i);
    keys[i] = {severity << 32 | rank_of[findings.score_word(i)],
               std::uint64_t{rank_of[findings.code_word(i)]} << 32 | findings.rank(i),
               people.empty() ? 0 : std::uint64_t{people[0]} + 1, static_cast<std::uint32_t>(i)};
  }
  const auto less = [&](const Key& a, const Key& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.second != b.second) return a.second < b.second;
    if (a.person != b.person) return a.person < b.person;
    return tail_less(findings, a.index, b.index, x, y);
  };
  std::vector<std::uint32_t> order;
  if (std::is_sorted(keys.begin(), keys.end(), less)) return order;
  std::stable_sort(keys.begin(), keys.end(), less);
  order.resize(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = keys[i].index;
  return order;
}

}  // namespace

void sort_findings(FindingList& findings) {
  if (counted_only) return;  // no one reads their order
  const std::size_t n = findings.size();
  if (findings.sorted() || n <= 1) {
    findings.sorted_ = true;
    return;
  }
  std::vector<FindingArg> x, y;
  if (n <= few_findings) {
    // A score's few findings (a batch scores a million teams): compared in place, and copied in
    // their order (an insertion sort of their numbers, stable) only when they are out of it.
    std::size_t i = 1;
    while (i < n && !list_less(findings, i, i - 1, x, y)) ++i;
    if (i < n) {
      std::array<std::uint32_t, few_findings> order;
      for (std::uint32_t k = 0; k < n; ++k) order[k] = k;
      for (std::size_t k = i; k < n; ++k)
        for (std::size_t j = k; j > 0 && list_less(findings, order[j], order[j - 1], x, y); --j) std::swap(order[j], order[j - 1]);
      findings.reorder(std::span<const std::uint32_t>(order.data(), n));
    }
    findings.sorted_ = true;
    return;
  }
  if (deferred_sorting) return;  // merge_findings puts it in order as it copies it
  const std::vector<std::uint32_t> order = sorted_order(findings);
  if (!order.empty()) findings = findings.select(order);
  findings.sorted_ = true;
}

void sort_findings(std::vector<Finding>& findings) {
  if (counted_only) return;  // a list made here would keep only what the findings are, and give that back
  FindingList list;
  list.reserve(findings.size());
  for (const auto& f : findings) list.push_back(f);
  sort_findings(list);
  for (std::size_t i = 0; i < findings.size(); ++i) list.get(i, findings[i]);
}

namespace detail {

DeferSorting::DeferSorting() : before_(deferred_sorting) { deferred_sorting = true; }
DeferSorting::~DeferSorting() { deferred_sorting = before_; }

CountFindings::CountFindings() : before_(counted_only) { counted_only = true; }
CountFindings::~CountFindings() { counted_only = before_; }
bool counting_findings() noexcept { return counted_only; }

FindingList merge_findings(std::span<FindingList* const> lists) {
  std::size_t total = 0;
  // Each list's findings in sort_findings' order: a list of many left unsorted (DeferSorting) is
  // read through its order (`orders`: the indices), not sorted into a copy of its own.
  std::vector<std::vector<std::uint32_t>> orders(lists.size());
  for (std::size_t l = 0; l < lists.size(); ++l) {
    FindingList& list = *lists[l];
    total += list.size();
    if (list.sorted() || list.size() <= few_findings)
      sort_findings(list);
    else
      orders[l] = sorted_order(list);
  }
  // Finding k of list l in its order: its index in the list.
  const auto index_in = [&](std::size_t l, std::size_t k) {
    return orders[l].empty() ? static_cast<std::uint32_t>(k) : orders[l][k];
  };
  // Findings of two scores are ordered by severity, then score; of one score (one list), as the
  // list has them. Each score's findings in one list, the lists' findings are counted into their
  // (severity, score) run, keeping each list's order, and copied once.
  std::vector<std::string_view> scores;  // a few (each looked up by a scan)
  std::vector<std::size_t> score_list;   // the list each score's findings are in
  std::vector<std::vector<std::uint32_t>> score_of(lists.size());  // each finding's score, by list
  constexpr std::size_t most_scores = 64;
  for (std::size_t l = 0; l < lists.size(); ++l) {
    const FindingList& list = *lists[l];
    score_of[l].resize(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i && list.score_word(index_in(l, i)) == list.score_word(index_in(l, i - 1))) {
        score_of[l][i] = score_of[l][i - 1];
        continue;
      }
      const std::string_view score = list.score(index_in(l, i));
      const auto at = std::find(scores.begin(), scores.end(), score);
      if (at == scores.end() && scores.size() < most_scores) {
        score_of[l][i] = static_cast<std::uint32_t>(scores.size());
        scores.push_back(score);
        score_list.push_back(l);
      } else if (at == scores.end() || score_list[static_cast<std::size_t>(at - scores.begin())] != l) {
        // One score's findings in two lists, or many scores: merged by sorting them all.
        FindingList all;
        for (std::size_t e = 0; e < lists.size(); ++e) {
          if (orders[e].empty())
            all.append(*lists[e]);
          else
            all.append(lists[e]->select(orders[e]));
        }
        for (auto* each : lists) *each = FindingList();
        sort_findings(all);
        return all;
      } else {
        score_of[l][i] = static_cast<std::uint32_t>(at - scores.begin());
      }
    }
  }
  std::vector<std::size_t> rank(scores.size());  // a score's place among the scores' names
  {
    std::vector<std::size_t> order(scores.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    for (std::size_t k = 0; k < order.size(); ++k) rank[order[k]] = k;
  }
  const std::size_t severities = static_cast<std::size_t>(FindingSeverity::critical) + 1;
  auto run_of = [&](const FindingList& list, std::size_t i, std::size_t score) {
    return (static_cast<std::size_t>(FindingSeverity::critical) - static_cast<std::size_t>(list.severity(i))) *
               scores.size() +
           rank[score];
  };
  std::vector<std::size_t> start(severities * scores.size() + 1, 0);
  for (std::size_t l = 0; l < lists.size(); ++l)
    for (std::size_t i = 0; i < lists[l]->size(); ++i) ++start[run_of(*lists[l], index_in(l, i), score_of[l][i]) + 1];
  for (std::size_t r = 1; r < start.size(); ++r) start[r] += start[r - 1];
  // Each list's findings, in its order, go to its runs' places; a run holds one list's findings.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> order(total);  // (list, index) in the merged order
  for (std::size_t l = 0; l < lists.size(); ++l)
    for (std::size_t i = 0; i < lists[l]->size(); ++i)
      order[start[run_of(*lists[l], index_in(l, i), score_of[l][i])]++] = {static_cast<std::uint32_t>(l), index_in(l, i)};
  std::vector<std::vector<std::uint32_t>>().swap(orders);
  FindingList out;
  std::vector<std::vector<std::uint32_t>> words(lists.size());  // each list's words as out's
  for (std::size_t l = 0; l < lists.size(); ++l) words[l] = out.words_of(*lists[l]);
  // Every pool sized once for all the lists' findings (a rich 1M-person org's half a million
  // findings: no pool grown by doubling, and no room left over, beside the lists it copies).
  FindingList::PoolSizes all;
  for (const auto* list : lists) all += list->pool_sizes();
  out.reserve_pools(all);
  // Consecutive findings of one list (in a list that was in order, most) are appended together,
  // pool by pool: each list's part of a pool is let go once that pool is copied, so that the
  // lists and the merged list are not all held at once (at a million people, the lists' 170 MB
  // were all held until the last finding was copied).
  std::vector<FindingList::Range> ranges;
  for (std::size_t k = 0; k < order.size();) {
    std::size_t end = k + 1;
    while (end < order.size() && order[end].first == order[k].first && order[end].second == order[end - 1].second + 1) ++end;
    ranges.push_back({order[k].first, order[k].second, static_cast<std::uint32_t>(order[k].second + (end - k))});
    k = end;
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>>().swap(order);
  out.append_ranges<FindingList>(lists, ranges, words);
  for (auto* list : lists) *list = FindingList();  // their words too
  out.sorted_ = true;
  return out;
}

}  // namespace detail

std::string join_words(const std::vector<std::string>& items) {
  std::string out;
  std::size_t length = 0;
  for (const auto& item : items) length += item.size() + 2;
  out.reserve(length + 4);
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += i ? (i + 1 == items.size() ? " and " : ", ") : "";
    out += items[i];
  }
  return out;
}

std::string format_value(double value, int decimals) {
  if (std::isnan(value)) return "n/a";
  char buffer[400];  // the longest fixed-point double with a few decimals fits
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals).ptr;
  return std::string(buffer, end);
}

}  // namespace teamgraph
