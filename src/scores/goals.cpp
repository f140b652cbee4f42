#include "teamgraph/scores/goals.hpp"
#include "teamgraph/org_parts.hpp"

#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <cmath>

#include "support_common.hpp"

namespace teamgraph {

using namespace detail;

ScoreReport goal_alignment(const Org& org, const Policy& policy) {
  if (!org.has_table("goals")) return absent("goal_alignment", "no goals table");
  const auto& g = org.goals();
  const index_t n = org.size();
  const std::size_t goals = g.owner.size();
  // Whether each goal's parent chain reaches a team goal: memoized, iterative (no recursion).
  std::vector<std::int8_t> aligned(goals, -1);
  std::vector<index_t> chain;
  for (std::size_t k = 0; k < goals; ++k) {
    index_t v = static_cast<index_t>(k);
    chain.clear();
    while (v != no_index && aligned[v] < 0 && g.owner[v] != no_index) {
      chain.push_back(v);
      v = g.parent[v];
    }
    const std::int8_t result = v == no_index ? 0 : (aligned[v] >= 0 ? aligned[v] : 1);  // a team goal is aligned
    if (v != no_index && aligned[v] < 0) aligned[v] = 1;
    for (const auto c : chain) aligned[c] = result;
  }
  double member = 0, member_aligned = 0, quantified = 0, quantified_known = 0;
  std::vector<index_t> orphans_owners;
  std::vector<std::string> orphan_ids;
  std::vector<double> person_goals(n, 0.0), person_aligned(n, 0.0);
  for (std::size_t k = 0; k < goals; ++k) {
    if (g.quantified[k] >= 0) quantified_known += 1, quantified += g.quantified[k];
    if (g.owner[k] == no_index) continue;
    member += 1;
    member_aligned += aligned[k];
    person_goals[g.owner[k]] += 1;
    person_aligned[g.owner[k]] += aligned[k];
    if (g.parent[k] == no_index) {
      orphans_owners.push_back(g.owner[k]);
      orphan_ids.emplace_back(g.ids[k]);
    }
  }
  if (member == 0) return absent("goal_alignment", "no member goals (only team goals)");
  ScoreReport r;
  r.name = "goal_alignment";
  r.assessed = true;
  std::vector<double> share(n);
  std::vector<index_t> without;
  const auto& placeholder = org.people().placeholder;  // owns no goal (the builder sees to it), counts nowhere
  for (index_t p = 0; p < n; ++p) {
    share[p] = person_goals[p] > 0 ? person_aligned[p] / person_goals[p] : nan;
    if (person_goals[p] == 0 && !placeholder[p]) without.push_back(p);
  }
  std::vector<double>().swap(person_aligned);
  const index_t headcount = org.headcount();
  const double aligned_share = member_aligned / member;
  const double quantified_share = quantified_known > 0 ? quantified / quantified_known : nan;
  r.figures = {{"member_goals", member, {}},
               {"aligned_share", aligned_share, why(aligned_share, "no goals owned by members")},
               {"orphan_goals", static_cast<double>(orphan_ids.size()), {}},
               {"quantified_share", quantified_share, quantified_known > 0 ? "" : "quantified not given"},
               {"people_without_goal", static_cast<double>(without.size()), {}}};
  r.groups = group_means("tier", tier_labels, tier_groups(org), share, "aligned_goal_share", policy.min_group_size);
  // By unit: each top-level unit under the top (the top's direct reports and everyone under them).
  {
    const auto& h = org.hierarchy();
    std::vector<std::string> labels;
    std::vector<std::int32_t> unit(n, -1);
    for (const auto top : h.tops)
      for (auto e : boost::make_iterator_range(boost::out_edges(top, h.reports))) {
        const index_t head = boost::target(e, h.reports);
        for (index_t p = head; p < h.subtree_end[head]; ++p)
          if (!placeholder[p]) unit[p] = static_cast<std::int32_t>(labels.size());
        labels.emplace_back(org.id(head));
      }
    auto units = group_means("unit", labels, unit, share, "aligned_goal_share", policy.min_group_size);
    r.groups.insert(r.groups.end(), units.begin(), units.end());
  }
  // The columns moved in, not copied: a big org's arrays are not held twice.
  r.people.reserve(2);
  r.people.push_back({"goals", without_placeholders(org, std::move(person_goals))});
  r.people.push_back({"aligned_goal_share", std::move(share)});
  r.score = score_from_parts(r, {part("aligned", aligned_share, "no goals owned by members"),
                                 part("quantified", quantified_share, "quantified is not given"),
                                 part("everyone_has_a_goal",
                                      headcount ? 1.0 - static_cast<double>(without.size()) / headcount : nan,
                                      "no people")});
  if (!orphan_ids.empty()) {
    Finding f{"goal_alignment", "orphan_goal", FindingSeverity::medium, orphans_owners, {}, {}, {}};
    // {count} orphan goals, {goals} and their owners {people}, in the same order.
    f.args = people_args(orphan_ids.size());
    f.args.push_back(FindingArg::texts_of("goals", orphan_ids));
    f.evidence = {{"orphan_goals", static_cast<double>(orphan_ids.size())}, {"aligned_share", aligned_share}};
    r.findings.push_back(std::move(f));
  }
  if (aligned_share < 1.0 && orphan_ids.size() < static_cast<std::size_t>(member - member_aligned)) {
    Finding f{"goal_alignment", "unaligned_goals", FindingSeverity::medium, {}, {}, {}, {}};
    f.args = {FindingArg::count_of("unaligned", static_cast<std::size_t>(member - member_aligned)),
              FindingArg::count_of("member_goals", static_cast<std::size_t>(member))};
    f.evidence = {{"aligned_share", aligned_share}};
    r.findings.push_back(std::move(f));
  }
  // Several team goals that serve no goal above them: the team pulls toward separate ends.
  std::vector<std::string> top_goals;
  for (std::size_t k = 0; k < goals; ++k)
    if (g.owner[k] == no_index && g.parent[k] == no_index) top_goals.emplace_back(g.ids[k]);
  if (top_goals.size() > 1) {
    std::sort(top_goals.begin(), top_goals.end());
    Finding f{"goal_alignment", "competing_goals", FindingSeverity::medium, {}, {}, {}, {}};
    f.args = {FindingArg::count_of("count", top_goals.size()), FindingArg::texts_of("goals", top_goals)};
    f.evidence = {{"top_goals", static_cast<double>(top_goals.size())}};
    r.findings.push_back(std::move(f));
  }
  if (!without.empty()) {
    Finding f{"goal_alignment", "no_goal", FindingSeverity::low, std::move(without), {}, {}, {}};
    r.findings.push_back(about_people(std::move(f)));
  }
  if (!std::isnan(quantified_share) && quantified_share < policy.goals.min_quantified_share) {
    Finding f{"goal_alignment", "unquantified_goals", FindingSeverity::low, {}, {}, {}, {}};
    f.args = {FindingArg::num("unquantified_share", 1 - quantified_share)};
    f.evidence = {{"quantified_share", quantified_share}};
    r.findings.push_back(std::move(f));
  }
  sort_findings(r.findings);
  return r;
}

}  // namespace teamgraph
