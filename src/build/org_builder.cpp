// Validation and assembly of an Org from raw tables.
//
// Every table is checked in "row space" (people by their row in people.csv); only when nothing
// is wrong are people renumbered into the canonical preorder and the relations compressed.
//
// The parts of that work live in the files of src/build/ (see assembler.hpp); here are the run
// that puts them together and OrgBuilder's methods, but for lenient loading (lenient.cpp).

#include "teamgraph/org_builder.hpp"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <thread>

#include "assembler.hpp"
#include "teamgraph/cancel.hpp"
#include "teamgraph/detail/memory.hpp"
#include "teamgraph/schema.hpp"

namespace teamgraph {
namespace {

// The tables teamgraph reads, in the schema's order.
std::vector<std::string> schema_table_names() {
  std::vector<std::string> out;
  for (const auto& t : input_schema()) out.emplace_back(t.name);
  return out;
}

// An org part for a table that was not given: one empty part per thread, shared by every org
// built there (parts are immutable), instead of one allocation per org. A batch builds a million.
template <typename T>
std::shared_ptr<const T> part_or_empty(std::shared_ptr<T> part) {
  if (part) return part;
  thread_local const std::shared_ptr<const T> empty = std::make_shared<const T>();
  return empty;
}

}  // namespace

namespace detail {

// The sharing network's graph from its links (sorted by (a, b), a < b): made by the sharing task
// once its table is read and let go (read_tables), beside the tables still being read.
void OrgAssembler::link_sharing() {
  const auto n = static_cast<index_t>(row_of_.size());
  // Both directions of every link, each row sorted by target. Links are sorted by (a, b) with
  // a < b, so in link order a person first meets the links where they are b (smaller
  // neighbours, ascending) and then those where they are a (larger ones, ascending): one pass
  // fills every row in order, straight into the graph's arrays.
  auto& s = *sharing_;
  const std::size_t links = s.a.size();
  std::vector<index_t> starts(static_cast<std::size_t>(n) + 1, 0);
  for (std::size_t k = 0; k < links; ++k) ++starts[s.a[k] + 1], ++starts[s.b[k] + 1];
  for (std::size_t v = 0; v < n; ++v) starts[v + 1] += starts[v];
  std::vector<index_t> fill(starts.begin(), starts.end() - 1), targets;
  detail::assign_huge(targets, 2 * links, index_t{0});
  detail::assign_huge(s.link_of_edge, 2 * links, index_t{0});
  for (std::size_t k = 0; k < links; ++k) {
    const index_t a = s.a[k], b = s.b[k];
    for (const auto& [from, to] : {std::pair{b, a}, std::pair{a, b}}) {
      const index_t e = fill[from]++;
      targets[e] = to;
      s.link_of_edge[e] = static_cast<index_t>(k);
    }
  }
  s.graph = digraph_from_rows(std::move(starts), std::move(targets));
  sharing_linked_ = true;
}

Org OrgAssembler::run(std::vector<std::pair<std::string, Table>>& tables, std::vector<TableFile>* files) {
  files_ = files;
  const Table* people = table(tables, "people");
  if (!people) {
    // Every file's own problems are said too (each is read, as none will be by the build, and
    // let go once read).
    if (files_)
      for (const auto& f : *files_) {
        read_file(tables, f.table, problems_);
        for (auto& [n, t] : tables)
          if (n == f.table) t = Table(t.source());
      }
    problems_.push_back(make_problem("problem.missing_table", {}, "people.csv"));
    throw OrgDataError(problems_);
  }
  // The people's ids first (every other table needs them), from people.csv read meanwhile
  // beside sharing.csv, when both are still files: sharing's people are looked up next.
  std::vector<Problem> sharing_file_problems;
  side_by_side(
      unread_bytes("people") + unread_bytes("sharing") > (std::uintmax_t{1} << 22),
      [&] {
        read_file(tables, "people", problems_);
        read_ids(*people);
      },
      [&] { read_file(tables, "sharing", sharing_file_problems); });
  problems_.insert(problems_.end(), sharing_file_problems.begin(), sharing_file_problems.end());
  check_cancelled();
  // Sharing's people are looked up while the hierarchy is built (they need the ids, not the
  // numbering); their problems are kept apart until then.
  const Table* sharing = table(tables, "sharing");
  const int c_a = sharing ? sharing->column_index("person_a") : -1, c_b = sharing ? sharing->column_index("person_b") : -1;
  const bool sharing_early = c_a >= 0 && c_b >= 0 && sharing->column_index("channel") >= 0 &&
                             !sharing->columns()[static_cast<std::size_t>(c_a)].numeric &&
                             !sharing->columns()[static_cast<std::size_t>(c_b)].numeric;
  std::vector<Problem> sharing_problems;
  side_by_side(
      people->rows() > big_table, [&] { read_hierarchy(*people); },
      [&] {
        if (sharing_early) look_up(*sharing, c_a, c_b, /*required=*/true, sharing_problems, early_);
      });
  problems_.insert(problems_.end(), sharing_problems.begin(), sharing_problems.end());
  check_cancelled();
  // Side by side for a big org, or for big files still to be read (a small team's million
  // operations rows).
  std::uintmax_t unread = 0;
  if (files_)
    for (const auto& f : *files_) unread += f.path.empty() ? 0 : f.bytes;
  read_tables(tables, *people, people->rows() > big_table || unread > (std::uintmax_t{1} << 22));
  check_cancelled();
  if (failed()) {
    std::vector<Problem> all = problems_;
    all.insert(all.end(), warnings_.begin(), warnings_.end());
    sort_problems(all);
    throw OrgDataError(std::move(all));
  }

  // Compress the relations.
  const auto n = static_cast<index_t>(row_of_.size());
  successors_->graph = make_digraph(n, successors_->incumbent, successors_->successor);
  if (!sharing_linked_) link_sharing();  // made by read_tables' sharing task; here only if that never ran

  Org org{Org::Unassembled{}};
  org.size_ = static_cast<index_t>(people_->tiers.size());
  org.parts_->people = std::move(people_);
  org.parts_->hierarchy = std::move(hierarchy_);
  org.parts_->competencies = part_or_empty(std::move(competencies_));
  org.parts_->successors = std::move(successors_);
  org.parts_->sharing = std::move(sharing_);
  org.parts_->meetings = std::move(meetings_);
  org.parts_->incentives = part_or_empty(std::move(incentives_));
  org.parts_->goals = part_or_empty(std::move(goals_));
  org.parts_->contributions = part_or_empty(std::move(contributions_));
  org.parts_->operations = part_or_empty(std::move(operations_));
  for (auto& [name, t] : tables) org.tables_.push_back(name);
  std::sort(org.tables_.begin(), org.tables_.end());
  sort_problems(warnings_);
  org.warnings_ = std::move(warnings_);
  org.parts_->team = std::make_shared<TeamInfo>(std::move(team_));
  return org;
}

}  // namespace detail

const std::vector<std::string>& OrgBuilder::table_names() {
  static const std::vector<std::string> names = schema_table_names();
  return names;
}

OrgBuilder& OrgBuilder::add_table(const std::string& name, Table table) {
  if (std::find(table_names().begin(), table_names().end(), name) == table_names().end())
    throw std::invalid_argument("unknown table '" + name + "'; expected one of people, competencies, successors, "
                                "sharing, meetings, attendance, incentives, goals, contributions, operations");
  for (const auto& [n, t] : tables_)
    if (n == name) throw std::invalid_argument("the table '" + name + "' is given twice");
  tables_.emplace_back(name, std::move(table));
  return *this;
}

OrgBuilder& OrgBuilder::add_csv_file(const std::string& name, const std::string& path) {
  add_table(name, Table(std::filesystem::path(path).filename().string()));  // empty until read
  std::error_code ec;
  const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
  files_.push_back({name, path, ec ? 0 : bytes});
  return *this;
}

void OrgBuilder::read_files() {
  std::vector<std::size_t> biggest_first(files_.size());
  std::iota(biggest_first.begin(), biggest_first.end(), std::size_t{0});
  std::stable_sort(biggest_first.begin(), biggest_first.end(),
                   [&](std::size_t a, std::size_t b) { return files_[a].bytes > files_[b].bytes; });
  std::vector<Table*> slots(files_.size(), nullptr);
  for (std::size_t k = 0; k < files_.size(); ++k)
    for (auto& [n, t] : tables_)
      if (n == files_[k].table) slots[k] = &t;
  std::vector<std::vector<Problem>> problems(files_.size());
  detail::for_each_index(files_.size(), std::max(1u, std::thread::hardware_concurrency()), [&](std::size_t i) {
    const std::size_t k = biggest_first[i];
    *slots[k] = read_csv_table(files_[k].path, slots[k]->source(), problems[k]);
  });
  for (auto& p : problems) add_problems(std::move(p));  // in the order the files were given
  files_.clear();
}

OrgBuilder& OrgBuilder::set_team(TeamInfo team) {
  team_ = std::move(team);
  return *this;
}

OrgBuilder& OrgBuilder::add_problems(std::vector<Problem> problems) {
  problems_.insert(problems_.end(), std::make_move_iterator(problems.begin()), std::make_move_iterator(problems.end()));
  return *this;
}

Org OrgBuilder::build_strict() {
  std::vector<Problem> problems = std::move(problems_);
  problems_.clear();
  std::vector<Problem> warnings;
  for (auto it = problems.begin(); it != problems.end();)
    if (it->severity == Severity::warning) {
      warnings.push_back(std::move(*it));
      it = problems.erase(it);
    } else {
      ++it;
    }
  detail::OrgAssembler assembler(std::move(team_), problems);
  Org org = [&] {
    try {
      return assembler.run(tables_, &files_);
    } catch (OrgDataError& e) {
      std::vector<Problem> all = e.problems();
      all.insert(all.end(), warnings.begin(), warnings.end());
      sort_problems(all);
      tables_.clear();
      files_.clear();
      throw OrgDataError(std::move(all));
    }
  }();
  tables_.clear();
  files_.clear();
  org.warnings_.insert(org.warnings_.end(), warnings.begin(), warnings.end());
  sort_problems(org.warnings_);
  return org;
}

}  // namespace teamgraph
