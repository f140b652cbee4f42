// Lenient loading (OrgBuilder::set_lenient): the records with problems are left out, with the
// people under a left-out person and the records that name them, pass by pass, and their problems
// come back as warnings.

#include "teamgraph/org_builder.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "teamgraph/schema.hpp"

namespace teamgraph {
namespace {

// Lenient loading: the people left out with a left-out person, found in one pass over the people
// table (not a pass of the build per level: a 201-deep chain under one bad cell used to end in
// too_many_problems, its cause lost). `dropped` marks the rows left out by their own problems; the
// result marks, for every other row, the dropped row its manager chain leads to (or -1).
std::vector<std::int64_t> left_out_under(const Table& people, const std::vector<bool>& dropped) {
  const std::size_t n = people.rows();
  std::vector<std::int64_t> root(n, -1);
  const int c_id = people.column_index("id"), c_manager = people.column_index("manager_id");
  if (c_id < 0 || c_manager < 0 || people.columns()[static_cast<std::size_t>(c_id)].numeric ||
      people.columns()[static_cast<std::size_t>(c_manager)].numeric)
    return root;
  const auto& ids = people.columns()[static_cast<std::size_t>(c_id)].text;
  const auto& managers = people.columns()[static_cast<std::size_t>(c_manager)].text;
  std::unordered_map<std::string_view, std::size_t> row_of;
  row_of.reserve(n);
  for (std::size_t r = 0; r < n; ++r)
    if (!ids[r].empty()) row_of.try_emplace(ids[r], r);
  // 0 not yet known, 1 kept, 2 under a dropped row (root says which), 3 on the current walk.
  std::vector<std::uint8_t> state(n, 0);
  std::vector<std::size_t> walk;
  for (std::size_t start = 0; start < n; ++start) {
    walk.clear();
    std::size_t r = start;
    std::int64_t found = -1;
    while (true) {
      if (r != start && dropped[r]) {
        found = static_cast<std::int64_t>(r);
        break;
      }
      if (state[r] == 2) {
        found = root[r];
        break;
      }
      if (state[r] != 0) break;  // kept, or a cycle (the strict build names it)
      state[r] = 3;
      walk.push_back(r);
      const auto it = managers[r].empty() ? row_of.end() : row_of.find(managers[r]);
      if (it == row_of.end()) break;
      r = it->second;
    }
    for (const auto w : walk) {
      const bool under = found >= 0 && !dropped[w];
      state[w] = under ? 2 : 1;
      root[w] = under ? found : -1;
    }
  }
  return root;
}

// One pass of lenient loading: leaves out the `failed` records (by table source), the people under
// a left-out person (one left_out warning for each such person, with how many), and the records of
// other tables that name a left-out person (one warning a table). Returns whether anything was
// left out.
bool leave_out(std::vector<std::pair<std::string, Table>>& tables,
               std::unordered_map<std::string, std::vector<std::int64_t>>& failed, std::vector<Problem>& warnings) {
  bool progress = false;
  // Ids of the people left out in this pass; looked up by the cells' views, with no copy a cell.
  struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, ViewHash, std::equal_to<>> gone;
  auto dropped_rows = [&](const Table& table) {
    std::vector<bool> dropped(table.rows(), false);
    auto it = failed.find(table.source());
    if (it == failed.end()) return dropped;
    auto& records = it->second;
    std::sort(records.begin(), records.end());
    for (std::size_t r = 0; r < table.rows(); ++r)
      dropped[r] = std::binary_search(records.begin(), records.end(), table.record(r));
    return dropped;
  };
  auto keep_rows = [&](Table& table, const std::vector<bool>& dropped) {
    std::vector<std::size_t> keep;
    for (std::size_t r = 0; r < table.rows(); ++r)
      if (!dropped[r]) keep.push_back(r);
    if (keep.size() == table.rows()) return;
    table = table.select(keep);
    progress = true;
  };
  for (auto& [name, table] : tables) {
    if (name != "people") continue;
    std::vector<bool> dropped = dropped_rows(table);
    const auto root = left_out_under(table, dropped);
    std::map<std::int64_t, std::size_t> under;  // root row -> people left out with them
    for (std::size_t r = 0; r < table.rows(); ++r)
      if (root[r] >= 0) dropped[r] = true, ++under[root[r]];
    const int c_id = table.column_index("id");
    const auto* ids = c_id >= 0 && !table.columns()[static_cast<std::size_t>(c_id)].numeric
                          ? &table.columns()[static_cast<std::size_t>(c_id)].text
                          : nullptr;
    for (const auto& [r, count] : under) {
      const auto row = static_cast<std::size_t>(r);
      warnings.push_back(make_problem("problem.left_out.under", {{"count", std::to_string(count)}}, table.source(),
                                      table.record(row), ids ? std::string((*ids)[row]) : std::string(), "manager_id",
                                      Severity::warning));
    }
    if (ids) {
      // A repeated id's left-out row leaves the person kept under the same id: their records stay.
      std::unordered_set<std::string_view> kept;
      for (std::size_t r = 0; r < table.rows(); ++r)
        if (!dropped[r]) kept.insert((*ids)[r]);
      for (std::size_t r = 0; r < table.rows(); ++r)
        if (dropped[r] && !(*ids)[r].empty() && !kept.count((*ids)[r])) gone.emplace((*ids)[r]);
    }
    keep_rows(table, dropped);
  }
  for (auto& [name, table] : tables) {
    if (name == "people") continue;
    std::vector<bool> dropped = dropped_rows(table);
    std::size_t naming = 0;
    for (const auto& schema : input_schema()) {
      if (gone.empty() || schema.name != name) continue;
      for (const auto& column : schema.columns) {
        if (column.kind != ColumnKind::person) continue;
        const int c = table.column_index(column.name);
        if (c < 0 || table.columns()[static_cast<std::size_t>(c)].numeric) continue;
        const auto& cells = table.columns()[static_cast<std::size_t>(c)].text;
        for (std::size_t r = 0; r < table.rows(); ++r)
          if (!dropped[r] && gone.find(cells[r]) != gone.end()) dropped[r] = true, ++naming;
      }
    }
    if (naming)
      warnings.push_back(make_problem("problem.left_out.naming", {{"count", std::to_string(naming)}}, table.source(), 0,
                                      {}, {}, Severity::warning));
    keep_rows(table, dropped);
  }
  return progress;
}

}  // namespace

Org OrgBuilder::build() {
  if (!lenient_) return build_strict();
  read_files();  // every table whole: records are left out of them, pass by pass
  // Reading problems of single records: those records are already out of the tables.
  std::vector<Problem> warnings;
  for (auto& p : problems_)
    if (p.severity == Severity::error && p.record > 0) {
      p.severity = Severity::warning;
      warnings.push_back(p);
    }
  problems_.erase(std::remove_if(problems_.begin(), problems_.end(),
                                 [](const Problem& p) { return p.severity == Severity::warning; }),
                  problems_.end());
  const std::vector<Problem> carried = problems_;  // whole-file problems: they still fail
  auto copy = [](const Table& t) {
    std::vector<std::size_t> all(t.rows());
    std::iota(all.begin(), all.end(), std::size_t{0});
    return t.select(all);
  };
  std::vector<std::pair<std::string, Table>> tables;
  for (const auto& entry : tables_) tables.emplace_back(entry.first, copy(entry.second));
  const TeamInfo team = team_;
  std::size_t people_given = 0;
  std::string people_source = "people.csv";
  for (const auto& [name, table] : tables)
    if (name == "people") people_given = table.rows(), people_source = table.source();
  {
    // The reader's problems of single records: a CSV reader has left those records out already (a
    // ragged row), a JSON reader keeps them with the bad cell empty (a manager_id of 1.5 would read
    // as none: a second top). Leave out whatever is still there, with what hangs on it, before the
    // first build; and count the people rows the reader left out among those given.
    std::unordered_map<std::string, std::vector<std::int64_t>> failed;
    for (const auto& w : warnings)
      if (w.record > 0) failed[w.file].push_back(w.record);
    std::vector<std::int64_t> people_records;
    for (const auto& [name, table] : tables)
      if (name == "people") people_records = table.records();
    std::sort(people_records.begin(), people_records.end());
    std::vector<std::int64_t> read_out = failed.count(people_source) ? failed[people_source] : std::vector<std::int64_t>{};
    std::sort(read_out.begin(), read_out.end());
    read_out.erase(std::unique(read_out.begin(), read_out.end()), read_out.end());
    for (const auto r : read_out)
      if (!std::binary_search(people_records.begin(), people_records.end(), r)) ++people_given;
    if (!failed.empty()) leave_out(tables, failed, warnings);
  }
  // Each pass leaves out the records that failed, the people under a left-out person, and the
  // records that name them; what still referred to a left-out record fails in the next pass.
  constexpr int passes = 64;
  for (int pass = 0; pass < passes; ++pass) {
    tables_.clear();
    for (const auto& entry : tables) tables_.emplace_back(entry.first, copy(entry.second));
    team_ = team;
    problems_ = carried;
    try {
      Org org = build_strict();
      const std::size_t given = people_given, kept = org.size();
      if (given > 0 && kept < given) {
        if (kept == 0) {  // never an empty team in silence: the causes are the problems
          std::vector<Problem> causes = warnings;
          for (auto& c : causes) c.severity = Severity::error;
          causes.push_back(make_problem("problem.nothing_left", {{"count", std::to_string(given)}}, people_source));
          throw OrgDataError(std::move(causes));
        }
        warnings.push_back(make_problem("problem.left_out",
                                        {{"left", std::to_string(given - kept)}, {"count", std::to_string(given)}},
                                        people_source, 0, {}, {}, Severity::warning));
      }
      org.warnings_.insert(org.warnings_.end(), warnings.begin(), warnings.end());
      sort_problems(org.warnings_);
      org.warnings_.erase(std::unique(org.warnings_.begin(), org.warnings_.end()), org.warnings_.end());
      return org;
    } catch (const OrgDataError& e) {
      // The records with problems, by table; each problem once, as a warning.
      std::unordered_map<std::string, std::vector<std::int64_t>> failed;
      for (const auto& p : e.problems()) {
        if (p.severity != Severity::error) continue;
        if (p.record == 0) throw;  // a whole file or table is wrong: leaving out rows cannot fix it
        failed[p.file].push_back(p.record);
        Problem w = p;
        w.severity = Severity::warning;
        warnings.push_back(std::move(w));
      }
      if (!leave_out(tables, failed, warnings)) throw;
    }
  }
  std::vector<Problem> causes = warnings;  // what was left out so far, so that the causes are not lost
  for (auto& c : causes) c.severity = Severity::error;
  causes.push_back(make_problem("problem.too_many_problems", {{"passes", std::to_string(passes)}}));
  throw OrgDataError(std::move(causes));
}

}  // namespace teamgraph
