// The tables that link people to people or to named things: competencies, successors, sharing and
// goals (activity.cpp reads the dated ones).

#include "assembler.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "teamgraph/cancel.hpp"
#include "teamgraph/detail/threads.hpp"
#include "teamgraph/schema.hpp"

namespace teamgraph::detail {

void OrgAssembler::read_competencies(Table& table, std::vector<Problem>& problems) {
  competencies_ = std::make_shared<Competencies>();
  TableReader reader(table, problems, known_columns("competencies"));
  const int c_person = reader.require("person_id"), c_name = reader.require("competency"),
            c_score = reader.require("score");
  if (c_person < 0 || c_name < 0 || c_score < 0) return;
  const Scale& scale = scale_for(team_, "competencies.score");
  // Each row's competency is named by a code (its first row's name, interned), so that sorting
  // and matching compare integers, not texts: a rich org has millions of rows and a dozen names.
  struct Entry {
    index_t person;
    std::uint32_t name;  // the code, then the name's rank among the sorted names
    std::uint32_t row;
  };
  const std::size_t rows = table.rows(), people = row_of_.size();
  std::vector<index_t> person_of = people_of(reader, c_person, true);
  std::vector<Entry> entries;
  entries.reserve(rows);
  std::vector<double> scores;
  scores.assign(rows, 0.0);
  std::vector<std::string_view> names;  // by code
  std::unordered_map<std::string_view, std::uint32_t> code_of;
  const auto& score_column = table.columns()[static_cast<std::size_t>(c_score)];
  std::string_view last_name;
  std::uint32_t last_code = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    const index_t p = person_of[r];
    const auto raw_name = reader.text(c_name, r);
    const auto name = detail::trim(raw_name);
    const auto pid = p == no_index ? std::string_view{} : reader.text(c_person, r);
    if (name.empty()) reader.row_problem("problem.missing_value.competency", r, pid, "competency");
    const double score = reader.on_scale(c_score, r, pid, scale);
    // An empty cell (a NaN in a column of numbers); the text of a number column is not read:
    // that would report the column as of the wrong type.
    if (score_column.numeric ? std::isnan(score_column.number(r))
                             : detail::trim(reader.text(c_score, r)).empty())
      reader.row_problem("problem.missing_value.score", r, pid, "score");
    if (p == no_index || name.empty() || std::isnan(score)) continue;
    if (names.empty() || name != last_name) {
      const auto [it, added] = code_of.try_emplace(name, static_cast<std::uint32_t>(names.size()));
      if (added) names.push_back(name);
      last_name = name, last_code = it->second;
    }
    scores[r] = score;
    entries.push_back(Entry{p, last_code, static_cast<std::uint32_t>(r)});
  }
  std::vector<index_t>().swap(person_of);  // let go before the sort's second array
  std::vector<std::uint32_t> rank(names.size());
  {
    std::vector<std::uint32_t> by_name(names.size());
    std::iota(by_name.begin(), by_name.end(), std::uint32_t{0});
    std::sort(by_name.begin(), by_name.end(), [&](std::uint32_t a, std::uint32_t b) { return names[a] < names[b]; });
    for (std::size_t k = 0; k < by_name.size(); ++k) rank[by_name[k]] = static_cast<std::uint32_t>(k);
    std::vector<std::string_view> sorted(names.size());
    for (std::size_t k = 0; k < by_name.size(); ++k) sorted[k] = names[by_name[k]];
    names = std::move(sorted);
  }
  for (auto& e : entries) e.name = rank[e.name];
  // A person's repeated competencies said now, while the table is held, and the table let go
  // before the sort (when nothing after it reads the table, and a person's competencies fit the
  // bits of a word): as the loop below would say them, in its order (by person, competency, row).
  const bool early = names.size() <= 64 && reader.read_all_known("competencies");
  if (early) {
    std::vector<std::uint64_t> seen(people, 0), repeated(people, 0);
    for (const auto& e : entries) {
      const std::uint64_t bit = std::uint64_t{1} << e.name;
      if (seen[e.person] & bit) repeated[e.person] |= bit;
      seen[e.person] |= bit;
    }
    std::vector<Entry> twice;  // every row of a repeated competency
    for (const auto& e : entries)
      if (repeated[e.person] & (std::uint64_t{1} << e.name)) twice.push_back(e);
    std::sort(twice.begin(), twice.end(), [](const Entry& x, const Entry& y) {
      return std::tie(x.person, x.name, x.row) < std::tie(y.person, y.name, y.row);
    });
    for (std::size_t k = 1; k < twice.size(); ++k)
      if (twice[k - 1].person == twice[k].person && twice[k - 1].name == twice[k].name)
        reader.row_problem("problem.duplicate_record.competency", twice[k].row, reader.text(c_person, twice[k].row),
                           "competency", {{"competency", std::string(names[twice[k].name])},
                                          {"first", std::to_string(reader.record(twice[k - 1].row))}});
  }
  auto& c = *competencies_;
  c.names.assign(names.begin(), names.end());  // the names' own text: the table's may be let go
  if (early) table = Table(table.source());
  sort_by_person(entries, people, [](const Entry& e) { return e.person; },
                 [](const Entry& x, const Entry& y) { return std::tie(x.name, x.row) < std::tie(y.name, y.row); });
  // The cells person by person, each person's by competency (the entries' order).
  c.scores.start(static_cast<Eigen::Index>(people), static_cast<Eigen::Index>(names.size()), entries.size());
  std::vector<std::size_t> order;
  order.reserve(entries.size());
  std::size_t k = 0;
  for (std::size_t p = 0; p < people; ++p) {
    for (; k < entries.size() && entries[k].person == p; ++k) {
      const auto& e = entries[k];
      if (k > 0 && entries[k - 1].person == e.person && entries[k - 1].name == e.name) {
        if (!early)
          reader.row_problem("problem.duplicate_record.competency", e.row, reader.text(c_person, e.row), "competency",
                             {{"competency", c.names[e.name]}, {"first", std::to_string(reader.record(entries[k - 1].row))}});
        continue;
      }
      c.scores.add(e.name, scores[e.row]);
      order.push_back(e.row);
    }
    c.scores.end_person();
  }
  std::vector<Entry>().swap(entries);
  std::vector<double>().swap(scores);
  if (keeps_values_as_read(c_score, scale)) c.scores_read = c.scores.cell_values();  // as read so far; now normalized
  c.scores.transform([&](double v) { return normalized(scale, v); });
  if (!early) {  // else there is none of either (read_all_known)
    c.columns = reader.schema_columns("competencies", order);
    c.extra = reader.extras(order);
  }
}

void OrgAssembler::read_successors(const Table& table, std::vector<Problem>& problems) {
  TableReader reader(table, problems, known_columns("successors"));
  const int c_inc = reader.require("incumbent_id"), c_succ = reader.require("successor_id"),
            c_ready = reader.require("readiness");
  if (c_inc < 0 || c_succ < 0 || c_ready < 0) return;
  struct Entry {
    index_t incumbent, successor;
    Readiness readiness;
    std::size_t row;
  };
  std::vector<Entry> entries;
  const std::vector<index_t> incumbent_of = people_of(reader, c_inc, true), successor_of = people_of(reader, c_succ, true);
  for (std::size_t r = 0; r < table.rows(); ++r) {
    const index_t inc = incumbent_of[r];
    const index_t succ = successor_of[r];
    static const auto& readiness_choices = enum_labels("successors", "readiness");  // the schema's, looked up once
    const int ready = reader.choice(c_ready, r, reader.text(c_succ, r), readiness_choices, true);
    if (inc != no_index && inc == succ) {
      reader.row_problem("problem.self_successor", r, reader.text(c_inc, r), "successor_id");
      continue;
    }
    if (inc == no_index || succ == no_index || ready < 0) continue;
    entries.push_back(Entry{inc, succ, static_cast<Readiness>(ready), r});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.incumbent, a.successor, a.row) < std::tie(b.incumbent, b.successor, b.row);
  });
  auto& s = *successors_;
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const auto& e = entries[k];
    if (k > 0 && entries[k - 1].incumbent == e.incumbent && entries[k - 1].successor == e.successor) {
      reader.row_problem("problem.duplicate_record.successor", e.row, reader.text(c_succ, e.row), "successor_id",
                         {{"incumbent", std::string(reader.text(c_inc, e.row))},
                          {"first", std::to_string(reader.record(entries[k - 1].row))}});
      continue;
    }
    s.incumbent.push_back(e.incumbent);
    s.successor.push_back(e.successor);
    s.readiness.push_back(e.readiness);
    order.push_back(e.row);
  }
  s.columns = reader.schema_columns("successors", order);
  s.extra = reader.extras(order);
}

void OrgAssembler::read_sharing(const Table& table, std::vector<Problem>& problems) {
  TableReader reader(table, problems, known_columns("sharing"));
  const int c_a = reader.require("person_a"), c_b = reader.require("person_b"), c_channel = reader.require("channel"),
            c_week = reader.column("per_week");
  if (c_a < 0 || c_b < 0 || c_channel < 0) return;
  struct Entry {
    index_t a, b;
    std::uint32_t row;
    Channel channel;
  };
  const std::size_t people = row_of_.size();
  std::vector<Entry> entries;
  entries.reserve(table.rows());
  std::vector<double> per_week;
  per_week.assign(table.rows(), 0.0);
  {
    const auto [people_a, people_b] = people_in(reader, c_a, c_b, true);  // let go after this pass
    for (std::size_t r = 0; r < table.rows(); ++r) {
      index_t a = people_a[r], b = people_b[r];
      static const auto& channel_choices = enum_labels("sharing", "channel");  // the schema's, looked up once
      const int channel = reader.choice(c_channel, r, reader.text(c_a, r), channel_choices, true);
      per_week[r] = reader.non_negative(c_week, r, reader.text(c_a, r));
      if (a != no_index && a == b) {
        reader.row_problem("problem.self_link", r, reader.text(c_a, r), "person_b");
        continue;
      }
      if (a == no_index || b == no_index || channel < 0) continue;
      if (b < a) std::swap(a, b);
      entries.push_back(Entry{a, b, static_cast<std::uint32_t>(r), static_cast<Channel>(channel)});
    }
  }
  // Sorted by (a, b, channel, row).
  sort_by_person(entries, people, [](const Entry& e) { return e.a; }, [](const Entry& x, const Entry& y) {
    return std::tie(x.b, x.channel, x.row) < std::tie(y.b, y.channel, y.row);
  });
  auto& s = *sharing_;
  std::vector<std::size_t> order;
  for (auto* v : {&s.a, &s.b}) v->reserve(entries.size());
  s.channel.reserve(entries.size());
  s.per_week.resize(static_cast<Eigen::Index>(entries.size()));  // each link's, written in place
  order.reserve(entries.size());
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const auto& e = entries[k];
    if (k > 0 && entries[k - 1].a == e.a && entries[k - 1].b == e.b && entries[k - 1].channel == e.channel) {
      reader.row_problem("problem.duplicate_record.sharing", e.row, reader.text(c_a, e.row), "person_b",
                         {{"first", std::to_string(reader.record(entries[k - 1].row))}});
      continue;
    }
    s.per_week[static_cast<Eigen::Index>(s.a.size())] = per_week[e.row];
    s.a.push_back(e.a);
    s.b.push_back(e.b);
    s.channel.push_back(e.channel);
    order.push_back(e.row);
  }
  if (static_cast<std::size_t>(s.per_week.size()) != s.a.size())  // duplicates left out
    s.per_week.conservativeResize(static_cast<Eigen::Index>(s.a.size()));
  std::vector<Entry>().swap(entries);
  std::vector<double>().swap(per_week);
  s.columns = reader.schema_columns("sharing", order);
  s.extra = reader.extras(order);
}

void OrgAssembler::read_goals(const Table& table, std::vector<Problem>& problems) {
  goals_ = std::make_shared<Goals>();
  TableReader reader(table, problems, known_columns("goals"));
  const int c_id = reader.require("goal_id"), c_owner = reader.column("owner_id"),
            c_parent = reader.column("parent_goal_id"), c_quantified = reader.column("quantified");
  if (c_id < 0) return;
  const std::size_t n = table.rows();
  std::vector<std::string_view> goal_ids(n);
  for (std::size_t r = 0; r < n; ++r) goal_ids[r] = reader.id(c_id, r, {}, true);
  IdIndex lookup(goal_ids);
  for (std::size_t i = 1; i < lookup.sorted_rows().size(); ++i) {
    const auto r = lookup.sorted_rows()[i];
    if (const auto first = lookup.find(goal_ids[r]); first != r)
      reader.row_problem("problem.duplicate_id.goal", r, {}, "goal_id", {{"first", std::to_string(reader.record(first))}});
  }
  std::vector<index_t> parent_row(n, no_index), owner(n, no_index);
  std::vector<std::int8_t> quantified(n, -1);
  for (std::size_t r = 0; r < n; ++r) {
    if (c_owner >= 0) owner[r] = person(reader, r, c_owner, false);
    quantified[r] = reader.boolean(c_quantified, r, {});
    const auto parent = c_parent >= 0 ? reader.id(c_parent, r, {}, false) : std::string_view{};
    if (parent.empty()) continue;
    const index_t pr = lookup.find(parent);
    if (pr == no_index)
      reader.row_problem("problem.unknown_goal", r, reader.text(c_owner, r), "parent_goal_id",
                         {{"id", std::string(parent)}});
    else if (pr == r)
      reader.row_problem("problem.goal_cycle.self", r, reader.text(c_owner, r), "parent_goal_id");
    else
      parent_row[r] = pr;
  }
  for (const auto& cycle : find_cycles(parent_row, [&](index_t a, index_t b) { return goal_ids[a] < goal_ids[b]; }))
    if (cycle.size() > 1)
      reader.row_problem("problem.goal_cycle", cycle.front(), {}, "parent_goal_id",
                         {{"count", std::to_string(cycle.size())}, {"cycle", member_list(cycle, goal_ids)}});
  // Canonical order: by goal id.
  std::vector<index_t> goal_index(n, no_index);
  std::vector<std::size_t> order;
  for (auto r : lookup.sorted_rows())
    if (lookup.find(goal_ids[r]) == r) {
      goal_index[r] = static_cast<index_t>(order.size());
      order.push_back(r);
    }
  auto& g = *goals_;
  for (auto r : order) {
    g.ids.push_back(goal_ids[r]);
    g.owner.push_back(owner[r]);
    g.parent.push_back(parent_row[r] == no_index ? no_index : goal_index[parent_row[r]]);
    g.quantified.push_back(quantified[r]);
  }
  g.columns = reader.schema_columns("goals", order);
  g.extra = reader.extras(order);
}

void OrgAssembler::read_tables(std::vector<std::pair<std::string, Table>>& tables, const Table& people,
                               bool parallel) {
  // The tasks, each with its tables (let go once read); a plain array, so that a batch's small
  // teams pay for no allocation here.
  enum class Part { people, competencies, successors, sharing, meetings, incentives, goals, contributions, operations };
  struct Task {
    Part part;
    std::array<std::string_view, 2> names;
    std::size_t rows = 0;  // its tables' rows (a file's estimated): the order the tasks start in
    bool unread = false;   // a table of it is still to be read from its file
    std::vector<Problem> problems;
  };
  std::array<Task, 9> tasks{{{Part::people, {}, 0, false, {}},
                             {Part::competencies, {"competencies"}, 0, false, {}},
                             {Part::successors, {"successors"}, 0, false, {}},
                             {Part::sharing, {"sharing"}, 0, false, {}},
                             {Part::meetings, {"meetings", "attendance"}, 0, false, {}},
                             {Part::incentives, {"incentives"}, 0, false, {}},
                             {Part::goals, {"goals"}, 0, false, {}},
                             {Part::contributions, {"contributions"}, 0, false, {}},
                             {Part::operations, {"operations"}, 0, false, {}}}};
  // Smallest first: each task lets its tables go when it is done, so by the time the biggest
  // (competencies and sharing of a rich org, millions of rows each) run side by side, with
  // their work arrays, the smaller tables are gone (130 MB of a rich org of a million people;
  // the peak of reading it is there). The biggest run last, side by side, as they would first.
  // Tables still to be read from their files come after those held (people's and sharing's,
  // read first), so that those are let go before most others are read, and biggest first: the
  // biggest file read and then read again alone at the end would leave a core idle for a
  // second at a million people (a file counts a row per 32 bytes until it is read).
  std::array<std::size_t, tasks.size()> smallest_first;
  for (std::size_t k = 0; k < tasks.size(); ++k) {
    smallest_first[k] = k;
    for (const auto name : tasks[k].names) {
      if (name.empty()) continue;
      if (const auto bytes = unread_bytes(name)) {
        tasks[k].rows += static_cast<std::size_t>(bytes / 32);
        tasks[k].unread = true;
      } else if (const Table* t = table(tables, name)) {
        tasks[k].rows += t->rows();
      }
    }
  }
  tasks[0].rows = people.rows();
  std::stable_sort(smallest_first.begin(), smallest_first.end(), [&](std::size_t a, std::size_t b) {
    if (tasks[a].unread != tasks[b].unread) return tasks[b].unread;
    return tasks[a].unread ? tasks[a].rows > tasks[b].rows : tasks[a].rows < tasks[b].rows;
  });
  // A task of a table that was not given reads nothing (meetings reads whichever of its two is).
  auto read = [&](Task& task) {
    auto& p = task.problems;
    for (const auto name : task.names)
      if (!name.empty()) read_file(tables, name, p);
    Table* t = task.names[0].empty() ? nullptr : table(tables, task.names[0]);
    switch (task.part) {
      case Part::people: read_people_attributes(people, p); break;
      case Part::competencies: if (t) read_competencies(*t, p); break;
      case Part::successors: if (t) read_successors(*t, p); break;
      case Part::sharing: if (t) read_sharing(*t, p); break;
      case Part::meetings: read_meetings(t, table(tables, "attendance"), p); break;
      case Part::incentives: if (t) read_incentives(*t, p); break;
      case Part::goals: if (t) read_goals(*t, p); break;
      case Part::contributions: if (t) read_contributions(*t, p); break;
      case Part::operations: if (t) read_operations(*t, p); break;
    }
  };
  for_each_index(tasks.size(), parallel ? std::max(1u, std::thread::hardware_concurrency()) : 1u, [&](std::size_t i) {
    Task& task = tasks[smallest_first[i]];
    check_cancelled();
    read(task);
    for (auto& [n, t] : tables)
      if (!n.empty() && (n == task.names[0] || n == task.names[1])) t = Table(t.source());
    // The people table too, once its people are read, when nothing else reads it: a big org's ids
    // are looked up in a copy of their own (read_ids).
    if (task.part == Part::people && !id_text_.empty())
      for (auto& [n, t] : tables)
        if (n == "people") t = Table(t.source());
    // The sharing graph from the links read, beside the tables still being read rather than after
    // them all, and once the sharing table is let go (its text and cells are not held beside it).
    if (task.part == Part::sharing) link_sharing();
  });
  early_ = Lookup{};  // sharing's people, looked up early: read
  for (const auto& task : tasks) problems_.insert(problems_.end(), task.problems.begin(), task.problems.end());
}

}  // namespace teamgraph::detail
