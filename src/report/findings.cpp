#include "teamgraph/findings.hpp"
#include "teamgraph/detail/assess.hpp"

#include <algorithm>
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

// The order of sort_findings: most severe first, then score, code, rank, people, variant, args.
bool finding_less(const Finding& a, const Finding& b) {
  const int sa = -static_cast<int>(a.severity), sb = -static_cast<int>(b.severity);
  return std::tie(sa, a.score, a.code, a.rank, a.people, a.variant, a.args) <
         std::tie(sb, b.score, b.code, b.rank, b.people, b.variant, b.args);
}

}  // namespace

void sort_findings(std::vector<Finding>& findings) {
  const auto less = finding_less;
  if (findings.size() <= 32) {
    // A score's few findings: insertion sort (stable, and no buffer to allocate as stable_sort does).
    for (auto it = findings.begin(); it != findings.end(); ++it)
      std::rotate(std::upper_bound(findings.begin(), it, *it, less), it, std::next(it));
    return;
  }
  // Many findings (a report of a big org has hundreds of thousands) name few scores and codes:
  // their order is that of small numbers, the ranks of the distinct names. Severity, score, code
  // and rank then make one integer key a finding, the first person a second one (a score's many
  // findings differ there first), and the order of the keys (the rest of the people, variant and
  // arguments breaking ties, as above) is sorted instead of the findings, which are moved once.
  std::unordered_map<std::string_view, std::uint32_t> ids;
  std::vector<std::string_view> names;
  std::vector<std::uint32_t> score_id(findings.size()), code_id(findings.size());
  auto id_of = [&](const std::string& name) {
    const auto [it, added] = ids.try_emplace(name, static_cast<std::uint32_t>(names.size()));
    if (added) names.push_back(name);
    return it->second;
  };
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];  // one score's findings come together: most names repeat the last
    score_id[i] = i && f.score == findings[i - 1].score ? score_id[i - 1] : id_of(f.score);
    code_id[i] = i && f.code == findings[i - 1].code ? code_id[i - 1] : id_of(f.code);
  }
  constexpr std::size_t name_bits = 14;
  if (names.size() >= (std::size_t{1} << name_bits)) {  // not in a key: the findings themselves are sorted
    std::stable_sort(findings.begin(), findings.end(), less);
    return;
  }
  std::vector<std::uint32_t> order(names.size()), rank_of(names.size());
  for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return names[a] < names[b]; });
  for (std::uint32_t k = 0; k < order.size(); ++k) rank_of[order[k]] = k;
  struct Key {
    std::uint64_t key;  // 4 - severity (3 bits), score's rank, code's rank (name_bits each), rank (32 bits)
    std::uint64_t person;  // the first person + 1, 0 for none (no people come first)
    std::uint32_t index;
  };
  std::vector<Key> keys(findings.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    const auto severity = static_cast<std::uint64_t>(FindingSeverity::critical) - static_cast<std::uint64_t>(f.severity);
    keys[i] = {severity << (2 * name_bits + 32) | std::uint64_t{rank_of[score_id[i]]} << (name_bits + 32) |
                   std::uint64_t{rank_of[code_id[i]]} << 32 | f.rank,
               f.people.empty() ? 0 : std::uint64_t{f.people[0]} + 1, static_cast<std::uint32_t>(i)};
  }
  std::stable_sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.key != b.key) return a.key < b.key;
    if (a.person != b.person) return a.person < b.person;
    const Finding &x = findings[a.index], &y = findings[b.index];
    return std::tie(x.people, x.variant, x.args) < std::tie(y.people, y.variant, y.args);
  });
  std::vector<Finding> sorted;
  sorted.reserve(findings.size());
  for (const Key& k : keys) sorted.push_back(std::move(findings[k.index]));
  findings.swap(sorted);
}

namespace detail {

std::vector<Finding> merge_findings(std::span<std::vector<Finding>* const> lists) {
  std::size_t total = 0;
  for (auto* list : lists) {
    total += list->size();
    if (!std::is_sorted(list->begin(), list->end(), finding_less)) sort_findings(*list);
  }
  // Findings of two scores are ordered by severity, then score; of one score (one list), as the
  // list has them. Each score's findings in one list, the lists' findings are counted into their
  // (severity, score) run, keeping each list's order, and moved once.
  std::vector<std::string_view> scores;  // a few (each looked up by a scan)
  std::vector<std::size_t> score_list;   // the list each score's findings are in
  constexpr std::size_t most_scores = 64;
  for (std::size_t l = 0; l < lists.size(); ++l)
    for (const auto& f : *lists[l]) {
      if (!scores.empty() && scores.back() == f.score && score_list.back() == l) continue;
      const auto at = std::find(scores.begin(), scores.end(), std::string_view(f.score));
      if (at == scores.end() && scores.size() < most_scores) {
        scores.push_back(f.score);
        score_list.push_back(l);
      } else if (at == scores.end() || score_list[static_cast<std::size_t>(at - scores.begin())] != l) {
        // One score's findings in two lists, or many scores: merged by sorting them all.
        std::vector<Finding> all;
        all.reserve(total);
        for (auto* list : lists) {
          all.insert(all.end(), std::make_move_iterator(list->begin()), std::make_move_iterator(list->end()));
          list->clear();
        }
        sort_findings(all);
        return all;
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
  auto run_of = [&](const Finding& f, std::size_t score) {
    return (static_cast<std::size_t>(FindingSeverity::critical) - static_cast<std::size_t>(f.severity)) * scores.size() +
           rank[score];
  };
  std::vector<std::size_t> start(severities * scores.size() + 1, 0);
  std::vector<std::uint32_t> score_of;  // each finding's score, in list order
  score_of.reserve(total);
  for (auto* list : lists) {
    std::size_t s = 0;
    for (const auto& f : *list) {
      if (scores[s] != f.score) s = static_cast<std::size_t>(std::find(scores.begin(), scores.end(), std::string_view(f.score)) - scores.begin());
      score_of.push_back(static_cast<std::uint32_t>(s));
      ++start[run_of(f, s) + 1];
    }
  }
  for (std::size_t r = 1; r < start.size(); ++r) start[r] += start[r - 1];
  std::vector<std::pair<std::uint32_t, std::uint32_t>> order(total);  // (list, position) in the merged order
  std::size_t k = 0;
  for (std::size_t l = 0; l < lists.size(); ++l)
    for (std::size_t i = 0; i < lists[l]->size(); ++i)
      order[start[run_of((*lists[l])[i], score_of[k++])]++] = {static_cast<std::uint32_t>(l), static_cast<std::uint32_t>(i)};
  std::vector<Finding> out;
  out.reserve(total);
  for (const auto& [l, i] : order) out.push_back(std::move((*lists[l])[i]));
  for (auto* list : lists) list->clear();
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
