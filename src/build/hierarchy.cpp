// The people's managers: repeated ids, unknown managers, reporting cycles and the tops; then the
// canonical numbering (the preorder of the reporting forest) and the hierarchy's arrays.

#include "assembler.hpp"

#include <algorithm>
#include <numeric>
#include <string>


namespace teamgraph::build {

std::string member_list(const std::vector<index_t>& cycle, const std::vector<std::string_view>& ids) {
  std::vector<std::string> members;
  for (auto v : cycle) members.emplace_back(ids[v]);
  members.emplace_back(ids[cycle.front()]);
  return list_arg(members);
}

}  // namespace teamgraph::build

namespace teamgraph::detail {

void OrgAssembler::read_hierarchy(const Table& table) {
  TableReader reader(table, problems_, known_columns("people"));
  const std::size_t n = table.rows();
  const int c_id = reader.column("id");
  const auto& first_of = ids_.first_rows();
  std::vector<bool> first(n, false);  // the row is the first (kept) row of its id
  for (std::size_t r = 0; r < n; ++r) first[r] = first_of[r] == r;

  // Duplicate ids: every repeat is reported against the first record.
  const auto& sorted = ids_.sorted_rows();
  const int c_manager = reader.column("manager_id");
  for (std::size_t i = 1; i < sorted.size(); ++i) {
    if (first[sorted[i]]) continue;
    const auto first_row = first_of[sorted[i]];
    reader.row_problem("problem.duplicate_id", sorted[i], person_ids_[sorted[i]], "id",
                       {{"first", std::to_string(reader.record(first_row))}});
    if (c_manager >= 0 && reader.text(c_manager, sorted[i]) != reader.text(c_manager, first_row))
      reader.row_problem("problem.multiple_managers", sorted[i], person_ids_[sorted[i]], "manager_id",
                         {{"manager", std::string(reader.text(c_manager, sorted[i]))},
                          {"other", std::string(reader.text(c_manager, first_row))},
                          {"first", std::to_string(reader.record(first_row))}});
  }

  // Placeholder people: read here, before the other tables, which may not name them.
  const int c_placeholder = reader.column("placeholder");
  placeholder_row_.assign(n, 0);
  if (c_placeholder >= 0)
    for (std::size_t r = 0; r < n; ++r)
      if (first[r]) placeholder_row_[r] = reader.boolean(c_placeholder, r, person_ids_[r]) == 1;

  // Managers.
  std::vector<index_t> manager_row(n, no_index);
  bool hierarchy_ok = c_id >= 0;
  std::vector<std::string_view> manager_ids;
  manager_ids.assign(n, std::string_view());
  for (std::size_t r = 0; r < n; ++r)
    if (first[r] && c_manager >= 0) manager_ids[r] = reader.id(c_manager, r, person_ids_[r], false);
  std::vector<index_t> manager_found;
  ids_.find_all(manager_ids, manager_found);
  for (std::size_t r = 0; r < n; ++r) {
    if (!first[r]) {
      hierarchy_ok = false;
      continue;
    }
    const auto value = manager_ids[r];
    if (value.empty()) continue;
    const index_t m = manager_found[r];
    if (m == no_index) {
      reader.row_problem("problem.unknown_id.manager", r, person_ids_[r], "manager_id", {{"id", std::string(value)}});
      hierarchy_ok = false;
    } else if (m == r) {
      reader.row_problem("problem.self_manager", r, person_ids_[r], "manager_id");
      hierarchy_ok = false;
    } else {
      manager_row[r] = m;
    }
  }
  const bool references_ok = hierarchy_ok;  // every manager_id names a known other person
  const auto by_id = [&](index_t a, index_t b) { return person_ids_[a] < person_ids_[b]; };
  for (const auto& cycle : find_cycles(manager_row, by_id)) {
    if (cycle.size() == 1) continue;  // self-management, reported above
    reader.row_problem("problem.reporting_cycle", cycle.front(), person_ids_[cycle.front()], "manager_id",
                       {{"count", std::to_string(cycle.size())}, {"cycle", member_list(cycle, person_ids_)}});
    hierarchy_ok = false;
  }

  // Tops in id order; children in id order (a counting sort over the id order keeps it).
  std::vector<index_t> tops;
  std::vector<std::size_t> child_offsets(n + 1, 0);
  for (auto r : sorted)
    if (first[r]) {
      if (manager_row[r] == no_index) {
        // A person whose manager_id is wrong is not a top: that problem is reported already.
        if (c_manager < 0 || reader.text(c_manager, r).empty()) tops.push_back(r);
      } else {
        ++child_offsets[manager_row[r] + 1];
      }
    }
  // A placeholder stands for a manager the data names: one no one reports to is left over.
  if (c_placeholder >= 0)
    for (auto r : sorted)
      if (first[r] && placeholder_row_[r] && child_offsets[r + 1] == 0)
        warnings_.push_back(make_problem("problem.placeholder_without_reports", {{"id", std::string(person_ids_[r])}},
                                         table.source(), reader.record(r), std::string(person_ids_[r]), "placeholder",
                                         Severity::warning));
  if (n > 0 && tops.empty() && references_ok)
    reader.problem("problem.no_top", "manager_id");
  if (tops.size() > 1) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < tops.size() && i < 10; ++i) names.emplace_back(person_ids_[tops[i]]);
    warnings_.push_back(make_problem(tops.size() > 10 ? "problem.several_tops.more" : "problem.several_tops",
                                     {{"count", std::to_string(tops.size())}, {"people", list_arg(names)}},
                                     table.source(), 0, {}, "manager_id", Severity::warning));
  }

  // Canonical numbering: preorder of the forest, with an explicit stack (no recursion, so a
  // million-level chain is fine).
  canonical_.assign(n, no_index);
  row_of_.clear();
  if (hierarchy_ok && !tops.empty()) {
    for (std::size_t i = 0; i < n; ++i) child_offsets[i + 1] += child_offsets[i];
    std::vector<index_t> children(child_offsets[n]);
    std::vector<std::size_t> fill(child_offsets.begin(), child_offsets.end() - 1);
    for (auto r : sorted)
      if (first[r] && manager_row[r] != no_index) children[fill[manager_row[r]]++] = r;
    std::vector<index_t> stack(tops.rbegin(), tops.rend());
    stack.reserve(n);  // at most everyone waits on it
    row_of_.reserve(n);
    while (!stack.empty()) {
      const index_t r = stack.back();
      stack.pop_back();
      canonical_[r] = static_cast<index_t>(row_of_.size());
      row_of_.push_back(r);
      for (std::size_t k = child_offsets[r + 1]; k-- > child_offsets[r];) stack.push_back(children[k]);
    }
  } else {
    // Invalid hierarchy: keep row numbers so that the other tables can still be checked.
    std::iota(canonical_.begin(), canonical_.end(), index_t{0});
    row_of_.resize(n);
    std::iota(row_of_.begin(), row_of_.end(), std::size_t{0});
  }

  auto& p = *people_;
  const std::size_t m = row_of_.size();
  p.by_id.reserve(m);
  for (auto r : sorted)
    if (canonical_[r] != no_index && first[r]) p.by_id.push_back(canonical_[r]);

  // Hierarchy arrays.
  auto& h = *hierarchy_;
  h.manager.assign(m, no_index);
  h.depth.assign(m, 0);
  h.subtree_end.resize(m);
  for (std::size_t i = 0; i < m; ++i) {
    const index_t mr = manager_row[row_of_[i]];
    if (mr != no_index && canonical_[mr] != no_index) h.manager[i] = canonical_[mr];
  }
  if (hierarchy_ok) {
    std::vector<index_t> size(m, 1);
    for (std::size_t i = m; i-- > 0;)
      if (h.manager[i] != no_index) size[h.manager[i]] += size[i];
    index_t layers = m ? 1 : 0;
    for (std::size_t i = 0; i < m; ++i) {
      h.subtree_end[i] = static_cast<index_t>(i + size[i]);
      if (h.manager[i] != no_index) h.depth[i] = h.depth[h.manager[i]] + 1;
      else h.tops.push_back(static_cast<index_t>(i));
      layers = std::max(layers, h.depth[i] + 1);
    }
    h.layers = layers;
    // Reports of a manager in preorder are in id order, so by-source order is (manager, report id).
    std::vector<index_t> src, dst, unused;
    src.reserve(m), dst.reserve(m);
    for (std::size_t i = 0; i < m; ++i)
      if (h.manager[i] != no_index) {
        src.push_back(h.manager[i]);
        dst.push_back(static_cast<index_t>(i));
      }
    h.reports = make_digraph_from_edges(static_cast<index_t>(m), src, dst, unused);
  }
}

}  // namespace teamgraph::detail
