#pragma once
// Private to the builder (src/build/): OrgAssembler, which checks the tables given to an
// OrgBuilder and assembles the Org, and the helpers its files share. Each part of the work has
// its file:
//
//   table_reader.hpp/.cpp  reading and checking cells (TableReader)
//   ids.cpp                the people's ids
//   hierarchy.cpp          managers, reporting cycles, the canonical numbering, the hierarchy
//   people.cpp             the other columns of people (scales, categories)
//   relations.cpp          competencies, successors, sharing, goals
//   activity.cpp           meetings and attendance, incentives, contributions
//   operations.cpp         operations (inquiries, replies and orders by day and channel)
//   org_builder.cpp        OrgAssembler::run and OrgBuilder's methods
//   lenient.cpp            lenient loading (OrgBuilder::build)

#include <algorithm>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "table_reader.hpp"
#include "teamgraph/detail/id_map.hpp"
#include "teamgraph/detail/sort.hpp"
#include "teamgraph/detail/threads.hpp"
#include "teamgraph/errors.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/org_builder.hpp"
#include "teamgraph/table.hpp"
#include "teamgraph/org_parts.hpp"

namespace teamgraph::build {
using detail::side_by_side;

// Builds sorted labels and per-row codes from text values ("" = not given).
Categories make_categories(const std::vector<std::string_view>& values);

// Cycles of a parent-pointer forest (no_index = no parent), found without recursion. Each cycle
// is listed from its smallest member under `less`, in parent order.
template <class Less>
std::vector<std::vector<index_t>> find_cycles(const std::vector<index_t>& parent, Less less) {
  const std::size_t n = parent.size();
  std::vector<std::uint8_t> state(n, 0);  // 0 new, 1 on the current walk, 2 done
  std::vector<std::vector<index_t>> cycles;
  std::vector<index_t> walk;
  for (std::size_t start = 0; start < n; ++start) {
    if (state[start]) continue;
    walk.clear();
    index_t v = static_cast<index_t>(start);
    while (v != no_index && state[v] == 0) {
      state[v] = 1;
      walk.push_back(v);
      v = parent[v];
    }
    if (v != no_index && state[v] == 1) {  // closed a new cycle at v
      std::vector<index_t> cycle;
      index_t u = v;
      do {
        cycle.push_back(u);
        u = parent[u];
      } while (u != v);
      std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end(), less), cycle.end());
      cycles.push_back(std::move(cycle));
    }
    for (auto w : walk) state[w] = 2;
  }
  std::sort(cycles.begin(), cycles.end(), [&](const auto& a, const auto& b) { return less(a.front(), b.front()); });
  return cycles;
}

// A cycle for messages, a list value ending where it starts: {cycle:qchain} 'a' -> 'b' -> 'a'.
std::string member_list(const std::vector<index_t>& cycle, const std::vector<std::string_view>& ids);

// Tables above this many rows use a second core for independent steps.
constexpr std::size_t big_table = std::size_t{1} << 16;

// Sorts `entries` by person (person(e), a canonical index below `people`), then by `less`: a
// counting sort by person (linear, entries keep their order), then each person's few entries by
// `less` (a total order). Millions of rows of a rich org cost no comparison of whole entries.
template <typename Entry, typename Person, typename Less>
void sort_by_person(std::vector<Entry>& entries, std::size_t people, Person person, Less less) {
  std::vector<std::uint32_t> bucket(people + 1, 0);
  for (const auto& e : entries) ++bucket[person(e) + 1];
  for (std::size_t p = 0; p < people; ++p) bucket[p + 1] += bucket[p];
  {
    std::vector<Entry> by_person;
    detail::assign_huge(by_person, entries.size(), Entry{});
    std::vector<std::uint32_t> fill(bucket.begin(), bucket.end() - 1);
    for (const auto& e : entries) by_person[fill[person(e)]++] = e;
    entries = std::move(by_person);
  }
  for (std::size_t p = 0; p < people; ++p)
    if (bucket[p + 1] - bucket[p] > 1)
      std::sort(entries.begin() + static_cast<std::ptrdiff_t>(bucket[p]),
                entries.begin() + static_cast<std::ptrdiff_t>(bucket[p + 1]), less);
}

// Id -> row lookups before the canonical order exists: the rows sorted by id (for duplicates
// and id-ordered walks) and a hash map from each distinct id to its first row.
class IdIndex {
 public:
  IdIndex() = default;
  // The sort runs on a second thread while the map is filled (they share nothing).
  explicit IdIndex(const std::vector<std::string_view>& ids) : first_(ids, ids.size()) {
    side_by_side(
        ids.size() > big_table, [&] { first_.insert_all(first_of_); },  // the first row of an id wins
        [&] { rows_ = detail::rows_sorted_by_text(ids, /*skip_empty=*/true); });
  }
  // Rows with an id, sorted by id (rows of one id in row order).
  const std::vector<index_t>& sorted_rows() const { return rows_; }
  // Per row: the first row with the same id (itself when it is the first), no_index without an id.
  const std::vector<index_t>& first_rows() const { return first_of_; }
  // The first row with this id, or no_index.
  index_t find(std::string_view id) const { return first_.find(id); }
  // find() of many ids at once (faster than one by one: see IdMap::find_all); `ids`: a vector of
  // views or a column's TextCells.
  template <typename Keys>
  void find_all(const Keys& ids, std::vector<index_t>& rows) const {
    first_.find_all(ids, rows);
  }

 private:
  detail::IdMap first_{empty_keys(), 0};
  std::vector<index_t> first_of_;
  std::vector<index_t> rows_;
  static const std::vector<std::string_view>& empty_keys() {
    static const std::vector<std::string_view> keys;
    return keys;
  }
};

// The team's scale for a field, else 0-1 (one per field and thread, made once: a batch reads a
// million teams).
const Scale& scale_for(const TeamInfo& team, std::string_view field);

// A value on the scale mapped linearly to [0, 1] (NaN stays NaN).
// (Inline: it runs for every score read.)
inline double normalized(const Scale& scale, double v) {
  return scale.high > scale.low ? (v - scale.low) / (scale.high - scale.low) : v;
}

// Whether a scored column's values as read must be kept beside the normalized ones (see
// People::assessment_read): the column is given and its scale is not [0, 1], on which
// (v - 0) / (1 - 0) is v, bit for bit.
bool keeps_values_as_read(int column, const Scale& scale);

}  // namespace teamgraph::build

namespace teamgraph::detail {

// OrgAssembler's code names the builder's helpers unqualified, as when they were the anonymous
// namespace of its one file.
using namespace teamgraph::build;

class OrgAssembler {
 public:
  OrgAssembler(TeamInfo team, std::vector<Problem>& problems) : team_(std::move(team)), problems_(problems) {}

  // `files`: the tables given as CSV files (OrgBuilder::add_csv_file) not read yet, each read
  // where it is first needed (read_file) and let go once read, as every table is.
  Org run(std::vector<std::pair<std::string, Table>>& tables, std::vector<TableFile>* files = nullptr);

 private:
  Table* table(std::vector<std::pair<std::string, Table>>& tables, std::string_view name) {
    for (auto& [n, t] : tables)
      if (n == name) return &t;
    return nullptr;
  }
  // Reads the table `name` from its file when it was given as one and is not read yet, its
  // problems into `problems`; its entry in `tables` then holds it. A task reads only its own
  // tables, so tasks call this side by side.
  void read_file(std::vector<std::pair<std::string, Table>>& tables, std::string_view name,
                 std::vector<Problem>& problems) {
    if (!files_) return;
    for (auto& f : *files_)
      if (f.table == name && !f.path.empty())
        for (auto& [n, t] : tables)
          if (n == name) {
            t = read_csv_table(f.path, t.source(), problems);
            f.path.clear();
            return;
          }
  }
  // The size of the file the table `name` is still to be read from, 0 when it is not.
  std::uintmax_t unread_bytes(std::string_view name) const {
    if (files_)
      for (const auto& f : *files_)
        if (f.table == name && !f.path.empty()) return f.bytes;
    return 0;
  }
  bool failed() const {
    return std::any_of(problems_.begin(), problems_.end(), [](const Problem& p) { return p.severity == Severity::error; });
  }
  // The person ids in columns c1 and c2 of a table, checked (problems into `problems`) and looked
  // up as people rows (IdIndex::find_all: batched), the two columns side by side on a big table.
  // Needs the ids, not the canonical numbering: sharing's run beside the hierarchy's construction.
  struct Lookup {
    const Table* table = nullptr;
    int c1 = -1, c2 = -1;
    TextCells checked1, checked2;  // when a column's cells are not all plain ids
    const TextCells* values1 = nullptr;
    const TextCells* values2 = nullptr;
    std::vector<index_t> rows1, rows2;
  };
  void look_up(const Table& table, int c1, int c2, bool required, std::vector<Problem>& problems, Lookup& out) {
    TableReader reader(table, problems, {});
    out.table = &table, out.c1 = c1, out.c2 = c2;
    out.values1 = &reader.ids(c1, required, out.checked1);
    out.values2 = &reader.ids(c2, required, out.checked2);
    side_by_side(
        table.rows() > big_table, [&] { ids_.find_all(*out.values1, out.rows1); },
        [&] { ids_.find_all(*out.values2, out.rows2); });
  }
  // The canonical index of every row of columns c1 and c2 (no_index: empty or unknown, reported),
  // from the lookup made early when there is one.
  std::pair<std::vector<index_t>, std::vector<index_t>> people_in(TableReader& reader, int c1, int c2, bool required) {
    Lookup own;
    const bool early = early_.table == &reader.table() && early_.c1 == c1 && early_.c2 == c2;
    if (!early) look_up(reader.table(), c1, c2, required, reader.problems(), own);
    Lookup& l = early ? early_ : own;
    auto resolve = [&](int c, const TextCells& values, std::vector<index_t>& found) {
      for (std::size_t r = 0; r < reader.rows(); ++r) {
        if (values[r].empty()) continue;
        if (found[r] == no_index) {
          unknown_person(reader, r, c, values[r]);
        } else {
          if (placeholder_row_[found[r]]) placeholder_named(reader, r, c, values[r]);
          found[r] = canonical_[found[r]];
        }
      }
    };
    resolve(c1, *l.values1, l.rows1);
    resolve(c2, *l.values2, l.rows2);
    return {std::move(l.rows1), std::move(l.rows2)};
  }
  // The canonical index of every row of column c (no_index: empty or unknown, reported), looked
  // up in one batch: person() of every row, with the same problems, without a probe a row.
  std::vector<index_t> people_of(TableReader& reader, int c, bool required) {
    TextCells checked;
    const auto& values = reader.ids(c, required, checked);
    std::vector<index_t> found;
    ids_.find_all(values, found);
    for (std::size_t r = 0; r < reader.rows(); ++r) {
      if (values[r].empty()) {
        found[r] = no_index;
      } else if (found[r] == no_index) {
        unknown_person(reader, r, c, values[r]);
      } else {
        if (placeholder_row_[found[r]]) placeholder_named(reader, r, c, values[r]);
        found[r] = canonical_[found[r]];
      }
    }
    return found;
  }
  // A placeholder person (a manager the data names but does not describe) named by another table.
  void placeholder_named(TableReader& reader, std::size_t row, int c, std::string_view value) {
    reader.row_problem("problem.placeholder_named", row, value, reader.table().columns()[static_cast<std::size_t>(c)].name,
                       {{"id", std::string(value)}});
  }
  void unknown_person(TableReader& reader, std::size_t row, int c, std::string_view value) {
    if (people_unreadable_) return;  // the cause is people.csv's own problem, reported already
    reader.row_problem("problem.unknown_id", row, value, reader.table().columns()[static_cast<std::size_t>(c)].name,
                       {{"id", std::string(value)}});
  }
  // Resolves a person id of another table to a canonical index; reports unknown ids.
  index_t person(TableReader& reader, std::size_t row, int c, bool required) {
    const auto value = reader.id(c, row, {}, required);
    if (value.empty()) return no_index;
    const index_t r = ids_.find(value);
    if (r == no_index) {
      unknown_person(reader, row, c, value);
      return no_index;
    }
    if (placeholder_row_[r]) placeholder_named(reader, row, c, value);
    return canonical_[r];
  }

  // Ids (person_ids_, ids_), then managers, the canonical numbering and the hierarchy: what every
  // other table needs.
  void read_ids(const Table& table);
  void read_hierarchy(const Table& table);
  // The other columns of people (names, tiers, figures...), problems into `problems`: it shares
  // nothing with the readers of the other tables, so it runs beside them.
  void read_people_attributes(const Table& table, std::vector<Problem>& problems);
  void read_placeholders(const Table& table, std::vector<Problem>& problems);
  // The people's other columns and every other table, each read by a task that writes only its
  // own part and its own problems: they share nothing but the people, so the tasks run side by
  // side when `parallel`, the biggest first. Problems join problems_ in a fixed order. Each
  // table is let go as soon as it is read (its part owns what it keeps, and nothing reads it
  // again), so a rich org's biggest tables are not all held while the later ones are read.
  void read_tables(std::vector<std::pair<std::string, Table>>& tables, const Table& people, bool parallel);
  // Lets go of the table (its text and cells) once it has read what it needs of it, when what is
  // left to do reads nothing more of it: a rich org's competencies are its biggest file, and their
  // sort and cells are the biggest work of reading it.
  void read_competencies(Table& table, std::vector<Problem>& problems);
  void read_successors(const Table& table, std::vector<Problem>& problems);
  void read_sharing(const Table& table, std::vector<Problem>& problems);
  void link_sharing();  // the sharing graph from the links read (org_builder.cpp)
  void read_meetings(const Table* meetings, const Table* attendance, std::vector<Problem>& problems);
  void read_incentives(const Table& table, std::vector<Problem>& problems);
  void read_goals(const Table& table, std::vector<Problem>& problems);
  void read_contributions(const Table& table, std::vector<Problem>& problems);
  void read_operations(const Table& table, std::vector<Problem>& problems);

  TeamInfo team_;
  std::vector<Problem>& problems_;
  std::vector<std::string_view> person_ids_;  // by row
  std::string id_text_;  // a big org's person_ids_ point here, not into the people table (read_ids)
  bool people_unreadable_ = false;  // people.csv could not be read: no id of another table is unknown
  IdIndex ids_;
  std::vector<index_t> canonical_;  // row -> canonical index
  std::vector<std::size_t> row_of_;  // canonical index -> row
  std::vector<std::uint8_t> placeholder_row_;  // by row: 1 for a placeholder person (read with the hierarchy)
  std::vector<Problem> warnings_;
  Lookup early_;  // sharing's people, looked up beside the hierarchy
  std::vector<TableFile>* files_ = nullptr;  // run()'s tables still to be read from their files
  bool sharing_linked_ = false;  // link_sharing() done

  std::shared_ptr<People> people_ = std::make_shared<People>();
  std::shared_ptr<Hierarchy> hierarchy_ = std::make_shared<Hierarchy>();
  std::shared_ptr<Competencies> competencies_;  // made when the table is given
  std::shared_ptr<Successors> successors_ = std::make_shared<Successors>();
  std::shared_ptr<Sharing> sharing_ = std::make_shared<Sharing>();
  std::shared_ptr<Meetings> meetings_ = std::make_shared<Meetings>();
  std::shared_ptr<Incentives> incentives_;  // made when the table is given
  std::shared_ptr<Goals> goals_;  // made when the table is given
  std::shared_ptr<Contributions> contributions_;  // made when the table is given
  std::shared_ptr<Operations> operations_;  // made when the table is given
};

}  // namespace teamgraph::detail
