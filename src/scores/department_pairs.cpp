#include "department_pairs.hpp"

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>

#include "teamgraph/cancel.hpp"
#include "teamgraph/org_parts.hpp"

namespace teamgraph::detail {

namespace {

using A = FindingArg;

// Who speaks for a department: the member with the most people under them (the earliest on a tie).
std::vector<index_t> department_heads(const Org& org, std::vector<std::size_t>& sizes) {
  const auto& codes = org.people().departments.codes;
  const auto& end = org.hierarchy().subtree_end;
  std::vector<index_t> head(org.people().departments.labels.size(), no_index);
  sizes.assign(head.size(), 0);
  const auto& placeholder = org.people().placeholder;  // in no department: not counted, not its voice
  for (index_t p = 0; p < org.size(); ++p) {
    if (codes[p] < 0 || placeholder[p]) continue;
    const auto d = static_cast<std::size_t>(codes[p]);
    ++sizes[d];
    if (head[d] == no_index || end[p] - p > end[head[d]] - head[d]) head[d] = p;
  }
  return head;
}

FindingClause pair_clause(const std::string& a, const std::string& b) {
  return {"department_pair", {A::text_of("department_a", a), A::text_of("department_b", b)}};
}

}  // namespace

DepartmentPairs department_pairs(const Org& org, const SharingPolicy& policy) {
  DepartmentPairs out;
  const auto& departments = org.people().departments;
  const auto& codes = departments.codes;
  std::vector<std::size_t> sizes;
  const std::vector<index_t> head = department_heads(org, sizes);
  // The sizable departments, largest first (then by name), at most pair_departments of them.
  std::vector<std::size_t> chosen;
  for (std::size_t d = 0; d < sizes.size(); ++d)
    if (sizes[d] >= policy.pair_min_department_size && sizes[d] >= 1) chosen.push_back(d);
  std::sort(chosen.begin(), chosen.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(sizes[b], departments.labels[a]) < std::tie(sizes[a], departments.labels[b]);
  });
  if (chosen.size() > policy.pair_departments) chosen.resize(policy.pair_departments);
  const std::size_t k = chosen.size();
  if (k < 2) return out;
  std::vector<std::int32_t> slot(sizes.size(), -1);
  for (std::size_t i = 0; i < k; ++i) slot[chosen[i]] = static_cast<std::int32_t>(i);

  // Links between departments: a matrix for the chosen ones; for each chosen one, the
  // departments it shares with (to find a third department both share with).
  const auto& s = org.sharing();
  std::vector<std::size_t> links(k * k, 0);
  std::vector<std::vector<std::pair<std::int32_t, std::size_t>>> partners(k);
  // The links of each chosen department to every department: counted in a k x departments
  // table when it is small (the usual case: no list of every link to sort), else listed and
  // sorted (a million departments would make the table the biggest thing here).
  const std::size_t all = sizes.size();
  const bool counted = k * all <= (std::size_t{1} << 20);
  std::vector<std::uint32_t> count(counted ? k * all : 0, 0);
  std::vector<std::vector<std::int32_t>> touched(counted ? 0 : k);
  auto touch = [&](std::int32_t slot_of, std::int32_t other) {
    if (counted) ++count[static_cast<std::size_t>(slot_of) * all + static_cast<std::size_t>(other)];
    else touched[static_cast<std::size_t>(slot_of)].push_back(other);
  };
  for (std::size_t row = 0; row < s.a.size(); ++row) {
    if ((row & 0xFFFF) == 0) check_cancelled();
    if (row > 0 && s.a[row] == s.a[row - 1] && s.b[row] == s.b[row - 1]) continue;  // one pair, several channels
    const auto da = codes[s.a[row]], db = codes[s.b[row]];
    if (da < 0 || db < 0 || da == db) continue;
    const auto sa = slot[static_cast<std::size_t>(da)], sb = slot[static_cast<std::size_t>(db)];
    if (sa >= 0 && sb >= 0) ++links[static_cast<std::size_t>(sa) * k + static_cast<std::size_t>(sb)],
                            ++links[static_cast<std::size_t>(sb) * k + static_cast<std::size_t>(sa)];
    if (sa >= 0) touch(sa, db);
    if (sb >= 0) touch(sb, da);
  }
  for (std::size_t i = 0; i < k; ++i) {  // (department, links) sorted by department
    if (counted) {
      for (std::size_t d = 0; d < all; ++d)
        if (count[i * all + d]) partners[i].emplace_back(static_cast<std::int32_t>(d), count[i * all + d]);
      continue;
    }
    auto& t = touched[i];
    std::sort(t.begin(), t.end());
    for (std::size_t j = 0; j < t.size();) {
      std::size_t e = j;
      while (e < t.size() && t[e] == t[j]) ++e;
      partners[i].emplace_back(t[j], e - j);
      j = e;
    }
    std::vector<std::int32_t>().swap(t);
  }
  // Goals that tie two chosen departments: the smallest goal id a pair shares.
  std::vector<std::string> shared_goal(k * k);
  if (org.has_table("goals")) {
    const auto& g = org.goals();
    for (std::size_t goal = 0; goal < g.owner.size(); ++goal) {
      const index_t parent = g.parent[goal];
      if (g.owner[goal] == no_index || parent == no_index || g.owner[parent] == no_index) continue;
      const auto da = codes[g.owner[goal]], db = codes[g.owner[parent]];
      if (da < 0 || db < 0 || da == db) continue;
      const auto sa = slot[static_cast<std::size_t>(da)], sb = slot[static_cast<std::size_t>(db)];
      if (sa < 0 || sb < 0) continue;
      for (const auto cell : {static_cast<std::size_t>(sa) * k + static_cast<std::size_t>(sb),
                              static_cast<std::size_t>(sb) * k + static_cast<std::size_t>(sa)}) {
        const std::string_view id = g.ids[goal];
        if (shared_goal[cell].empty() || id < shared_goal[cell]) shared_goal[cell] = std::string(id);
      }
    }
  }

  const auto label = [&](std::size_t i) -> const std::string& { return departments.labels[chosen[i]]; };
  std::vector<FindingClause> unrelated;  // silent pairs with no goal or third department between them
  constexpr std::size_t unrelated_listed = 20;
  std::size_t unrelated_pairs = 0;
  std::vector<index_t> unrelated_heads;
  std::vector<std::tuple<double, std::size_t, std::size_t>> by_density;
  for (std::size_t a = 0; a < k; ++a) {
    check_cancelled();
    for (std::size_t b = a + 1; b < k; ++b) {
      const std::size_t cell = a * k + b;
      by_density.emplace_back(static_cast<double>(links[cell]) / (static_cast<double>(sizes[chosen[a]]) *
                                                                   static_cast<double>(sizes[chosen[b]])), a, b);
      if (links[cell] > 0) continue;
      // The third department both share with most (the larger of its two link counts' minimum).
      std::int32_t via = -1;
      std::size_t via_links = 0;
      const auto &pa = partners[a], &pb = partners[b];
      for (std::size_t i = 0, j = 0; i < pa.size() && j < pb.size();) {
        if (pa[i].first < pb[j].first) { ++i; continue; }
        if (pb[j].first < pa[i].first) { ++j; continue; }
        const std::size_t both = std::min(pa[i].second, pb[j].second);
        if (both > via_links || (both == via_links && via >= 0 &&
                                 departments.labels[static_cast<std::size_t>(pa[i].first)] <
                                     departments.labels[static_cast<std::size_t>(via)]))
          via = pa[i].first, via_links = both;
        ++i, ++j;
      }
      const std::vector<Evidence> evidence{{"size_a", static_cast<double>(sizes[chosen[a]])},
                                           {"size_b", static_cast<double>(sizes[chosen[b]])},
                                           {"links", 0.0}};
      if (shared_goal[cell].empty() && via < 0) {
        ++unrelated_pairs;
        if (unrelated.size() < unrelated_listed) {  // the count says how many; the text names the first
          unrelated.push_back(pair_clause(label(a), label(b)));
          unrelated_heads.push_back(head[chosen[a]]), unrelated_heads.push_back(head[chosen[b]]);
        }
        continue;
      }
      Finding f{"sharing_health", "silent_departments", FindingSeverity::medium, {head[chosen[a]], head[chosen[b]]},
                evidence, {}, {}};
      f.args = {A::text_of("department_a", label(a)), A::text_of("department_b", label(b)),
                A::people_of("heads", 0, 2)};
      if (!shared_goal[cell].empty()) {
        f.variant = "goals";
        f.args.push_back(A::text_of("goal", shared_goal[cell]));
      } else {
        f.variant = "via";
        f.args.push_back(A::text_of("via", departments.labels[static_cast<std::size_t>(via)]));
        f.evidence.push_back({"links_through_third", static_cast<double>(via_links)});
      }
      out.findings.push_back(std::move(f));
    }
  }
  if (!unrelated.empty()) {
    std::sort(unrelated_heads.begin(), unrelated_heads.end());
    unrelated_heads.erase(std::unique(unrelated_heads.begin(), unrelated_heads.end()), unrelated_heads.end());
    Finding f{"sharing_health", "silent_departments", FindingSeverity::low, std::move(unrelated_heads),
              {{"pairs", static_cast<double>(unrelated_pairs)}}, "unrelated", {}};
    f.args = {A::count_of("count", unrelated_pairs), A::count_of("listed", unrelated.size()),
              A::clauses_of("pairs", std::move(unrelated))};
    out.findings.push_back(std::move(f));
  }
  std::stable_sort(by_density.begin(), by_density.end(),
                   [](const auto& x, const auto& y) { return std::get<0>(x) < std::get<0>(y); });
  for (std::size_t i = 0; i < by_density.size() && i < 3; ++i)
    out.fewest.push_back(pair_clause(label(std::get<1>(by_density[i])), label(std::get<2>(by_density[i]))));
  return out;
}

}  // namespace teamgraph::detail
