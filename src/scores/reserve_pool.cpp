// The reserve pool on the talent grid: its findings (of succession readiness) and add_successor
// suggestions for the uncovered key positions (teamgraph/scores/talent_grid.hpp).

#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "teamgraph/cancel.hpp"
#include "teamgraph/org_parts.hpp"
#include "teamgraph/scores/talent_grid.hpp"

namespace teamgraph {
namespace {

// The pool (boxes high/high, middle/high, high/middle) in suggestion order without the unit: box,
// readiness proxies, id. `group` numbers the runs of equal box and proxies, which the unit then
// orders.
class Pool {
 public:
  Pool(const Org& org, const Policy& policy, const TalentGrid& grid) : named_for(org.size(), 0), org_(org) {
    const auto key = key_positions(org, policy);
    const auto& s = org.successors();
    for (std::size_t row = 0; row < s.incumbent.size(); ++row)
      if (key[s.incumbent[row]]) ++named_for[s.successor[row]];
    for (index_t p = 0; p < org.size(); ++p) {
      const int box = box_rank(grid, p);
      if (box >= 0) people_.push_back(p);
    }
    // Sorted by a key a person (box, proxies, then the id's rank among the ids): no comparison
    // of two people's ids as text, and no proxy computed twice.
    const auto& pe = org.people();
    std::vector<index_t> id_rank(static_cast<std::size_t>(org.size()));
    for (std::size_t k = 0; k < pe.by_id.size(); ++k) id_rank[pe.by_id[k]] = static_cast<index_t>(k);
    struct Key {
      int box;
      std::uint32_t named;
      int no_plan;
      double potential, assessment;  // negated: highest first
      index_t id_rank, person;
      // The proxies alone (`<` both ways, as a tuple compares).
      bool proxies_less(const Key& o) const {
        return std::tuple(box, named, no_plan, potential, assessment) <
               std::tuple(o.box, o.named, o.no_plan, o.potential, o.assessment);
      }
      bool same_proxies(const Key& o) const {
        return std::tuple(box, named, no_plan, potential, assessment) ==
               std::tuple(o.box, o.named, o.no_plan, o.potential, o.assessment);
      }
    };
    std::vector<Key> keys;
    keys.reserve(people_.size());
    for (const index_t p : people_)
      keys.push_back({box_rank(grid, p), named_for[p], pe.has_career_plan[p] == 1 ? 0 : 1, -pe.potential[p],
                      -pe.assessment[p], id_rank[p], p});
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
      return !a.same_proxies(b) ? a.proxies_less(b) : a.id_rank < b.id_rank;
    });
    group_.resize(keys.size());
    for (std::size_t k = 0; k < keys.size(); ++k) {
      people_[k] = keys[k].person;
      if (k > 0) group_[k] = group_[k - 1] + (keys[k].same_proxies(keys[k - 1]) ? 0 : 1);
    }
  }

  // Up to `want` candidates for `seat` in the suggestion order, looking at `search` people of the
  // pool at most; `high_high_in_unit` keeps only high/high people in the seat's unit. `named_here`
  // flags the people already named for the seat.
  std::vector<index_t> candidates(index_t seat, std::size_t want, std::size_t search, bool high_high_in_unit,
                                  const TalentGrid& grid, const std::vector<char>& named_here) const {
    std::vector<std::pair<std::size_t, index_t>> found;  // (pool position, person)
    if (want == 0) return {};  // talent_grid.suggestions 0: no suggestions (found.back() below needs one)
    const std::size_t end = std::min(search, people_.size());
    for (std::size_t k = 0; k < end; ++k) {
      const index_t p = people_[k];
      if (found.size() >= want && group_[k] != group_[found.back().first]) break;
      if (high_high_in_unit && !grid.high_high(p)) break;  // high/high comes first in the pool
      if (p == seat || above(p, seat) || named_here[p]) continue;
      if (high_high_in_unit && !same_unit(seat, p)) continue;
      found.emplace_back(k, p);
    }
    // Within a run of equal box and proxies, the same unit first, then id (the pool's order).
    std::stable_sort(found.begin(), found.end(), [&](const auto& a, const auto& b) {
      return std::tuple(group_[a.first], !same_unit(seat, a.second)) < std::tuple(group_[b.first], !same_unit(seat, b.second));
    });
    std::vector<index_t> out;
    for (std::size_t k = 0; k < found.size() && k < want; ++k) out.push_back(found[k].second);
    return out;
  }

  // Under the incumbent of `seat`, or in the incumbent's department.
  bool same_unit(index_t seat, index_t p) const {
    const auto& h = org_.hierarchy();
    const auto& d = org_.people().departments.codes;
    return (seat < p && p < h.subtree_end[seat]) || (d[seat] >= 0 && d[seat] == d[p]);
  }

  // `p` manages `seat`, directly or not (people are numbered in preorder).
  bool above(index_t p, index_t seat) const { return p < seat && org_.hierarchy().subtree_end[p] > seat; }

  std::vector<std::uint32_t> named_for;  // key positions each person is named for

 private:
  static int box_rank(const TalentGrid& grid, index_t p) {
    const GridLevel a = grid.performance_level[p], q = grid.potential_level[p];
    if (q == GridLevel::high && (a == GridLevel::high || a == GridLevel::middle)) return a == GridLevel::high ? 0 : 1;
    return a == GridLevel::high && q == GridLevel::middle ? 2 : -1;
  }

  const Org& org_;
  std::vector<index_t> people_;
  std::vector<std::size_t> group_;
};

// Flags `seat`'s named successors in `flags` (set = 1) or clears them again (set = 0).
void flag_bench(const Org& org, index_t seat, std::vector<char>& flags, char set) {
  const auto& s = org.successors();
  for (auto e : boost::make_iterator_range(boost::out_edges(seat, s.graph)))
    flags[s.successor[boost::get(boost::edge_index, s.graph, e)]] = set;
}

std::string level_word(GridLevel l) { return "word.grid." + std::string(to_string(l)); }

}  // namespace

FindingList reserve_pool_findings(const Org& org, const Policy& policy, const TalentGrid& grid,
                                           const SuccessionReport& succession) {
  FindingList out;
  if (!grid.assessed || !succession.assessed) return out;
  const auto& pe = org.people();
  const auto& s = org.successors();
  std::vector<char> named_any(org.size(), 0);
  for (const index_t c : s.successor) named_any[c] = 1;

  // The reserve the team is not using.
  std::vector<index_t> unused;
  std::size_t high_high = 0;
  for (index_t p = 0; p < org.size(); ++p) {
    if (!grid.high_high(p)) continue;
    ++high_high;
    if (!named_any[p] && pe.has_career_plan[p] == 0) unused.push_back(p);
  }
  if (!unused.empty()) {
    Finding f{"succession_readiness", "unused_reserve", FindingSeverity::medium, unused, {}, {}, {}};
    f.args = {FindingArg::people_of("people", 0, unused.size()), FindingArg::count_of("count", unused.size())};
    f.evidence = {{"people", static_cast<double>(unused.size())}, {"high_high", static_cast<double>(high_high)}};
    out.push_back(std::move(f));
  }

  // Named successors in a low box.
  const auto& assessment = as_read(pe.assessment, pe.assessment_read);
  const auto& potential = as_read(pe.potential, pe.potential_read);
  for (std::size_t row = 0; row < s.incumbent.size(); ++row) {
    const index_t c = s.successor[row];
    if (!grid.low_box(c)) continue;
    Finding f{"succession_readiness", "low_box_successor", FindingSeverity::medium, {c, s.incumbent[row]}, {}, {}, {}};
    f.args = {FindingArg::people_of("successor", 0, 1), FindingArg::people_of("incumbent", 1, 1),
              FindingArg::word_of("performance", level_word(grid.performance_level[c])),
              FindingArg::word_of("potential", level_word(grid.potential_level[c]))};
    f.evidence = {{"assessment", assessment[c]}, {"potential", potential[c]}};
    out.push_back(std::move(f));
  }

  // Key positions whose successors are all far from ready, with high/high people in the unit.
  const Pool pool(org, policy, grid);
  std::vector<char> named_here(org.size(), 0);
  for (const auto& k : succession.positions) {
    if (k.successors.empty() ||
        !std::all_of(k.successors.begin(), k.successors.end(),
                     [](const SuccessorAssessment& a) { return a.readiness == Readiness::ready_3y_plus; }))
      continue;
    flag_bench(org, k.incumbent, named_here, 1);
    const auto found = pool.candidates(k.incumbent, policy.talent_grid.suggestions, policy.talent_grid.suggestion_search,
                                       true, grid, named_here);
    flag_bench(org, k.incumbent, named_here, 0);
    if (found.empty()) continue;
    Finding f{"succession_readiness", "reserve_in_unit", FindingSeverity::medium, {k.incumbent}, {}, {}, {}};
    for (const auto& a : k.successors) f.people.push_back(a.person);
    f.people.insert(f.people.end(), found.begin(), found.end());
    f.args = {FindingArg::people_of("holder", 0, 1), FindingArg::people_of("successors", 1, k.successors.size()),
              FindingArg::people_of("candidates", 1 + k.successors.size(), found.size()),
              FindingArg::count_of("count", found.size())};
    f.evidence = {{"bench_strength", k.bench_strength},
                  {"successors", static_cast<double>(k.successors.size())},
                  {"candidates", static_cast<double>(found.size())}};
    out.push_back(std::move(f));
  }
  return out;
}

SuccessorSuggestions suggest_successors(const Org& org, const Policy& policy, const TalentGrid& grid,
                                        const SuccessionReport& succession) {
  SuccessorSuggestions out;
  if (!succession.assessed) {
    out.absent_reason = succession.absent_reason;
    return out;
  }
  if (!grid.assessed) {
    out.absent_reason = grid.absent_reason;
    return out;
  }
  out.assessed = true;
  const Pool pool(org, policy, grid);
  std::vector<char> named_here(org.size(), 0);
  for (const auto& k : succession.positions) {
    if (k.covered) continue;
    if ((out.seats.size() & 1023) == 1023) check_cancelled();
    out.seats.push_back(k.incumbent);
    flag_bench(org, k.incumbent, named_here, 1);
    const auto found = pool.candidates(k.incumbent, policy.talent_grid.suggestions, policy.talent_grid.suggestion_search,
                                       false, grid, named_here);
    flag_bench(org, k.incumbent, named_here, 0);
    std::uint32_t rank = 0;
    for (const index_t p : found) {
      SuccessorSuggestion s;
      s.seat = k.incumbent;
      s.person = p;
      s.rank = ++rank;
      s.performance = grid.performance_level[p];
      s.potential = grid.potential_level[p];
      s.named_for = pool.named_for[p];
      s.same_unit = pool.same_unit(k.incumbent, p);
      s.fitness = successor_fitness(org, k.incumbent, p, policy);
      s.readiness = !std::isnan(s.fitness) && s.fitness >= policy.succession.min_fitness ? Readiness::ready_now
                                                                                         : Readiness::ready_1_2y;
      out.suggestions.push_back(s);
    }
  }
  return out;
}

SuccessorSuggestions suggest_successors(const Org& org, const Policy& policy) {
  return suggest_successors(org, policy, talent_grid(org, policy), succession_readiness(org, policy));
}

}  // namespace teamgraph
