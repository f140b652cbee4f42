#include "teamgraph/what_if.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <functional>
#include <map>
#include <queue>
#include <stdexcept>

#include "teamgraph/cancel.hpp"
#include "teamgraph/detail/threads.hpp"
#include "teamgraph/errors.hpp"
#include "teamgraph/org_builder.hpp"
#include "teamgraph/scores/succession.hpp"
#include "teamgraph/org_parts.hpp"

namespace teamgraph {
namespace {

// What to change while exporting: who stays, their manager and tier, and (optionally) the
// successor rows that replace the org's own.
struct Edits {
  std::vector<bool> keep;
  std::vector<index_t> manager;
  std::vector<Tier> tier;
  bool replace_successors = false;
  std::map<std::pair<index_t, index_t>, Readiness> successors;
};

Edits identity(const Org& org) {
  Edits e;
  e.keep.assign(org.size(), true);
  e.manager = org.hierarchy().manager;
  e.tier = org.people().tiers;
  return e;
}

// A text column being written: its cells appended to one buffer (not a string a cell), which the
// table then keeps as it is (a rich 1M-person org's tables are some 12 million cells).
class TextOut {
 public:
  // Room for `cells` cells of `bytes` in all (room only: pages are touched as cells are written).
  void reserve(std::size_t cells, std::size_t bytes) {
    ends_.reserve(cells);
    data_.reserve(bytes);
  }
  void push_back(std::string_view cell) {
    data_.append(cell);
    ends_.push_back(data_.size());
  }
  void emplace_back(std::string_view cell) { push_back(cell); }
  std::size_t size() const { return ends_.size(); }
  void add_to(Table& table, const std::string& name) {
    const std::string_view owned = table.adopt(std::move(data_));
    std::size_t begin = 0;
    if (owned.size() < TextCells::span_limit && ends_.size() < TextCells::span_limit) {  // 5 bytes a cell
      Spans spans;
      spans.reserve(ends_.size());
      for (const auto end : ends_) spans.push_back(begin, end - begin), begin = end;
      table.add_owned_text_column(name, TextCells(owned.data(), std::move(spans)));
      return;
    }
    std::vector<std::string_view> cells;
    cells.reserve(ends_.size());
    for (const auto end : ends_) cells.push_back(owned.substr(begin, end - begin)), begin = end;
    table.add_owned_text_column(name, TextCells(std::move(cells)));
  }

 private:
  std::string data_;
  std::vector<std::size_t> ends_;
};

// Collects one table's columns as text or numbers, then makes the Table.
class TableOut {
 public:
  // `rows`: how many rows the table will have at most (each column's room is made for as many:
  // a rich 1M-person org's competencies are 5 million rows, grown by doubling they are copied
  // again and again); `cell_bytes`: the bytes a text cell is expected to take (most are ids: a
  // longer cell makes its column's text grow by doubling).
  TableOut(std::string name, std::size_t rows, std::size_t cell_bytes)
      : name_(std::move(name)), rows_(rows), cell_bytes_(cell_bytes) {}
  const std::string& name() const { return name_; }
  TextOut& text(const std::string& column) {
    text_.emplace_back(column, TextOut{});
    order_.emplace_back(true, text_.size() - 1);
    text_.back().second.reserve(rows_, cell_bytes_ * rows_);
    return text_.back().second;
  }
  std::vector<double>& numbers(const std::string& column) {
    numbers_.emplace_back(column, std::vector<double>{});
    order_.emplace_back(false, numbers_.size() - 1);
    numbers_.back().second.reserve(rows_);
    return numbers_.back().second;
  }
  Table finish(std::size_t rows) {
    Table t(name_);
    t.set_row_count(rows);
    for (const auto& [is_text, k] : order_) {
      if (is_text) {
        text_[k].second.add_to(t, text_[k].first);
      } else {
        t.add_numeric_column(numbers_[k].first, numbers_[k].second);
      }
    }
    return t;
  }

 private:
  std::string name_;
  std::size_t rows_, cell_bytes_;
  // Deques: the references text() and numbers() hand out stay valid as columns are added.
  std::deque<std::pair<std::string, TextOut>> text_;
  std::deque<std::pair<std::string, std::vector<double>>> numbers_;
  std::vector<std::pair<bool, std::size_t>> order_;  // columns in the order they were added
};

// A person's id, empty for none (`ids`: the org's, read in place).
std::string_view person(const StringColumn& ids, index_t p) { return p == no_index ? std::string_view() : ids[p]; }
std::string date_text(std::int64_t d) { return d == no_date ? std::string() : std::to_string(d); }
double flag(std::int8_t f) { return f < 0 ? std::nan("") : f; }

// The schema's columns without a member of their own, as read (numbers and booleans as numbers,
// dates as seconds, enumerations and text as text).
void schema_columns(TableOut& out, const std::vector<SchemaColumn>& columns, const std::vector<std::size_t>& rows) {
  for (const auto& column : columns) {
    switch (column.kind) {
      case ColumnKind::number: {
        auto& cells = out.numbers(column.name);
        for (const auto r : rows) cells.push_back(column.numbers[static_cast<Eigen::Index>(r)]);
        break;
      }
      case ColumnKind::boolean: {
        auto& cells = out.numbers(column.name);
        for (const auto r : rows) cells.push_back(flag(column.codes[r]));
        break;
      }
      case ColumnKind::date: {
        auto& cells = out.text(column.name);
        for (const auto r : rows) cells.push_back(date_text(column.dates[r]));
        break;
      }
      case ColumnKind::enumeration: {
        auto& cells = out.text(column.name);
        const auto& labels = table_schema(out.name()).column(column.name).labels;
        for (const auto r : rows)
          cells.emplace_back(column.codes[r] < 0 ? std::string_view() : labels[static_cast<std::size_t>(column.codes[r])]);
        break;
      }
      default: {
        auto& cells = out.text(column.name);
        for (const auto r : rows) cells.emplace_back(column.texts[r]);
      }
    }
  }
}

void extras(TableOut& out, const std::vector<ExtraColumn>& extra, const std::vector<std::size_t>& rows) {
  for (const auto& column : extra) {
    auto& cells = out.text(column.name);
    for (const auto r : rows) cells.emplace_back(column.values[r]);
  }
}

// From this many people on, an org's tables are exported on two threads.
constexpr index_t parallel_people = 4096;

std::vector<std::pair<std::string, Table>> export_tables(const Org& org, const Edits& e) {
  using Tables = std::vector<std::pair<std::string, Table>>;
  const index_t n = org.size();
  const StringColumn& ids = org.people().ids;
  auto kept = [&](index_t p) { return p == no_index || e.keep[p]; };
  // The ids' mean length, rounded up (most text cells are ids), at most 32 bytes: a few ids of a
  // megabyte would otherwise make room for every cell of every table at their mean.
  std::size_t id_bytes = 0;
  for (index_t i = 0; i < n; ++i) id_bytes += ids[i].size();
  const std::size_t id_cell =
      n == 0 ? 1 : std::min<std::size_t>(32, (id_bytes + static_cast<std::size_t>(n) - 1) / static_cast<std::size_t>(n));

  const std::function<void(Tables&)> people_part = [&](Tables& tables) {
    const auto& p = org.people();
    const auto &assessment_read = as_read(p.assessment, p.assessment_read),
               &potential_read = as_read(p.potential, p.potential_read),
               &flight_read = as_read(p.flight_risk, p.flight_risk_read);
    TableOut out("people", n, id_cell);
    auto &id = out.text("id"), &name = out.text("name"), &department = out.text("department"), &role = out.text("role"),
         &tier = out.text("tier"), &manager = out.text("manager_id");
    auto &assessment = out.numbers("assessment"), &potential = out.numbers("potential"),
         &flight = out.numbers("flight_risk"), &career = out.numbers("has_career_plan"),
         &kpi = out.numbers("has_quantified_kpi");
    std::vector<std::size_t> rows;
    for (index_t i = 0; i < n; ++i) {
      if (!e.keep[i]) continue;
      rows.push_back(i);
      id.emplace_back(ids[i]);
      name.emplace_back(p.names[i]);
      department.emplace_back(p.departments.label(i));
      role.emplace_back(p.roles.label(i));
      tier.emplace_back(p.placeholder[i] ? std::string_view() : to_string(e.tier[i]));  // a placeholder has none
      manager.push_back(person(ids, e.manager[i]));
      assessment.push_back(assessment_read[i]);
      potential.push_back(potential_read[i]);
      flight.push_back(flight_read[i]);
      career.push_back(flag(p.has_career_plan[i]));
      kpi.push_back(flag(p.has_quantified_kpi[i]));
    }
    schema_columns(out, p.columns, rows);
    auto& placeholder = out.numbers("placeholder");  // 1, or empty: the input's false and empty are one
    for (const auto r : rows) placeholder.push_back(p.placeholder[r] ? 1.0 : std::nan(""));
    extras(out, p.extra, rows);
    tables.emplace_back("people", out.finish(rows.size()));
  };
  const std::function<void(Tables&)> competencies_part = [&](Tables& tables) {
    if (!(org.has_table("competencies"))) return;
    const auto& c = org.competencies();
    TableOut out("competencies", c.scores.size(), id_cell);
    auto &who = out.text("person_id"), &what = out.text("competency");
    auto& score = out.numbers("score");
    std::vector<std::size_t> rows;
    // A row a cell, in the cells' (person, competency) order, which the extras follow (none for
    // a table read without its required columns, whose cells were never started).
    const auto scored = static_cast<index_t>(std::min<Eigen::Index>(n, c.scores.rows()));
    for (index_t i = 0; i < scored; ++i) {
      if (!e.keep[i]) continue;
      for (std::size_t cell = c.scores.first(i); cell < c.scores.first(i + 1); ++cell) {
        rows.push_back(cell);
        who.emplace_back(ids[i]);
        what.push_back(c.names[c.scores.column_of(cell)]);
        score.push_back(c.score_read(cell));
      }
    }
    schema_columns(out, c.columns, rows);
    extras(out, c.extra, rows);
    tables.emplace_back("competencies", out.finish(rows.size()));
  };
  const std::function<void(Tables&)> successors_part = [&](Tables& tables) {
    if (!(org.has_table("successors") || e.replace_successors)) return;
    const auto& s = org.successors();
    TableOut out("successors", e.replace_successors ? e.successors.size() : s.incumbent.size(), id_cell);
    auto &inc = out.text("incumbent_id"), &suc = out.text("successor_id"), &ready = out.text("readiness");
    std::vector<std::size_t> rows;
    if (e.replace_successors) {
      for (const auto& [pair, r] : e.successors) {
        inc.emplace_back(ids[pair.first]);
        suc.emplace_back(ids[pair.second]);
        ready.emplace_back(to_string(r));
      }
    } else {
      for (std::size_t r = 0; r < s.incumbent.size(); ++r) {
        if (!kept(s.incumbent[r]) || !kept(s.successor[r])) continue;
        rows.push_back(r);
        inc.emplace_back(ids[s.incumbent[r]]);
        suc.emplace_back(ids[s.successor[r]]);
        ready.emplace_back(to_string(s.readiness[r]));
      }
      schema_columns(out, s.columns, rows);
    extras(out, s.extra, rows);
    }
    tables.emplace_back("successors", out.finish(inc.size()));
  };
  const std::function<void(Tables&)> sharing_part = [&](Tables& tables) {
    if (!(org.has_table("sharing"))) return;
    const auto& s = org.sharing();
    TableOut out("sharing", s.a.size(), id_cell);
    auto &a = out.text("person_a"), &b = out.text("person_b"), &channel = out.text("channel");
    auto& week = out.numbers("per_week");
    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < s.a.size(); ++r) {
      if (!kept(s.a[r]) || !kept(s.b[r])) continue;
      rows.push_back(r);
      a.emplace_back(ids[s.a[r]]);
      b.emplace_back(ids[s.b[r]]);
      channel.emplace_back(to_string(s.channel[r]));
      week.push_back(s.per_week[static_cast<Eigen::Index>(r)]);
    }
    schema_columns(out, s.columns, rows);
    extras(out, s.extra, rows);
    tables.emplace_back("sharing", out.finish(rows.size()));
  };
  const std::function<void(Tables&)> meetings_part = [&](Tables& tables) {
    if (!(org.has_table("meetings"))) return;
    const auto& m = org.meetings();
    TableOut out("meetings", m.date.size(), id_cell);
    auto &id = out.text("meeting_id"), &date = out.text("date"), &channel = out.text("channel"),
         &presenter = out.text("presenter_id");
    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < m.date.size(); ++r) {
      rows.push_back(r);
      id.emplace_back(m.ids[r]);
      date.push_back(date_text(m.date[r]));
      channel.emplace_back(to_string(m.channel[r]));
      presenter.push_back(kept(m.presenter[r]) ? person(ids, m.presenter[r]) : std::string_view());
    }
    schema_columns(out, m.columns, rows);
    extras(out, m.extra, rows);
    tables.emplace_back("meetings", out.finish(rows.size()));
    if (org.has_table("attendance")) {
      TableOut att("attendance", m.attendees.size(), id_cell);
      auto &meeting = att.text("meeting_id"), &who = att.text("person_id");
      for (std::size_t k = 0; k < m.date.size(); ++k)
        for (auto a = m.attendance_offsets[k]; a < m.attendance_offsets[k + 1]; ++a)
          if (e.keep[m.attendees[a]]) {
            meeting.emplace_back(m.ids[k]);
            who.emplace_back(ids[m.attendees[a]]);
          }
      tables.emplace_back("attendance", att.finish(who.size()));
    }
  };
  const std::function<void(Tables&)> incentives_part = [&](Tables& tables) {
    if (!(org.has_table("incentives"))) return;
    const auto& in = org.incentives();
    TableOut out("incentives", in.person.size(), id_cell);
    auto &who = out.text("person_id"), &kind = out.text("kind"), &type = out.text("type");
    auto& amount = out.numbers("amount");  // the schema's order
    auto& date = out.text("date");
    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < in.person.size(); ++r) {
      if (!e.keep[in.person[r]]) continue;
      rows.push_back(r);
      who.emplace_back(ids[in.person[r]]);
      kind.emplace_back(to_string(in.kind[r]));
      type.emplace_back(in.type.label(r));
      date.push_back(date_text(in.date[r]));
      amount.push_back(in.amount[static_cast<Eigen::Index>(r)]);
    }
    schema_columns(out, in.columns, rows);
    extras(out, in.extra, rows);
    tables.emplace_back("incentives", out.finish(rows.size()));
  };
  const std::function<void(Tables&)> goals_part = [&](Tables& tables) {
    if (!(org.has_table("goals"))) return;
    const auto& g = org.goals();
    // A leaver's goals are dropped; the goals under them attach to the next goal up.
    auto dropped = [&](index_t goal) { return g.owner[goal] != no_index && !e.keep[g.owner[goal]]; };
    TableOut out("goals", g.owner.size(), id_cell);
    auto &id = out.text("goal_id"), &owner = out.text("owner_id"), &parent = out.text("parent_goal_id");
    auto& quantified = out.numbers("quantified");
    std::vector<std::size_t> rows;
    for (index_t r = 0; r < g.owner.size(); ++r) {
      if (dropped(r)) continue;
      rows.push_back(r);
      id.emplace_back(g.ids[r]);
      owner.push_back(person(ids, g.owner[r]));
      index_t up = g.parent[r];
      while (up != no_index && dropped(up)) up = g.parent[up];
      parent.push_back(up == no_index ? std::string() : std::string(g.ids[up]));
      quantified.push_back(flag(g.quantified[r]));
    }
    schema_columns(out, g.columns, rows);
    extras(out, g.extra, rows);
    tables.emplace_back("goals", out.finish(rows.size()));
  };
  const std::function<void(Tables&)> contributions_part = [&](Tables& tables) {
    if (!(org.has_table("contributions"))) return;
    const auto& c = org.contributions();
    TableOut out("contributions", c.person.size(), id_cell);
    auto &who = out.text("person_id"), &artifact = out.text("artifact"), &action = out.text("action"),
         &date = out.text("date"), &previous = out.text("previous_artifact");
    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < c.person.size(); ++r) {
      if (!e.keep[c.person[r]]) continue;
      rows.push_back(r);
      who.emplace_back(ids[c.person[r]]);
      artifact.emplace_back(c.artifact.label(r));
      action.emplace_back(to_string(c.action[r]));
      date.push_back(date_text(c.date[r]));
      previous.push_back(c.previous[r] < 0 ? std::string() : c.artifact.labels[static_cast<std::size_t>(c.previous[r])]);
    }
    schema_columns(out, c.columns, rows);
    extras(out, c.extra, rows);
    tables.emplace_back("contributions", out.finish(rows.size()));
  };
  const std::function<void(Tables&)> operations_part = [&](Tables& tables) {
    if (!(org.has_table("operations"))) return;
    // A leaver's rows go with them; a channel's rows as a whole stay.
    const auto& op = org.operations();
    TableOut out("operations", op.person.size(), id_cell);
    auto &date = out.text("date"), &channel = out.text("channel"), &who = out.text("person_id");
    auto &inquiries = out.numbers("inquiries"), &replied = out.numbers("replied"),
         &minutes = out.numbers("first_reply_minutes"), &orders = out.numbers("orders");
    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < op.person.size(); ++r) {
      if (!kept(op.person[r])) continue;
      const auto i = static_cast<Eigen::Index>(r);
      rows.push_back(r);
      date.push_back(date_text(op.date[r]));
      channel.emplace_back(op.channel.label(r));
      who.push_back(person(ids, op.person[r]));
      inquiries.push_back(op.inquiries[i]), replied.push_back(op.replied[i]);
      minutes.push_back(op.first_reply_minutes[i]), orders.push_back(op.orders[i]);
    }
    schema_columns(out, op.columns, rows);
    extras(out, op.extra, rows);
    tables.emplace_back("operations", out.finish(rows.size()));
  };
  // Each table made on its own (on two threads for a big org, the biggest first), then put in order.
  std::array<Tables, 9> parts;
  const std::array<const std::function<void(Tables&)>*, 9> tasks = {&people_part, &competencies_part, &successors_part,
                                                                    &sharing_part, &meetings_part, &incentives_part,
                                                                    &goals_part, &contributions_part, &operations_part};
  constexpr std::array<std::size_t, 9> biggest_first = {1, 3, 0, 5, 4, 8, 7, 6, 2};
  detail::for_each_index(tasks.size(), n >= parallel_people ? 2u : 1u, [&](std::size_t k) {
    (*tasks[biggest_first[k]])(parts[biggest_first[k]]);
  });
  Tables tables;
  for (auto& part : parts)
    for (auto& table : part) tables.push_back(std::move(table));
  return tables;
}

Org build(const Org& org, std::vector<std::pair<std::string, Table>> tables) {
  OrgBuilder builder;
  for (auto& [name, table] : tables) builder.add_table(name, std::move(table));
  builder.set_team(org.team());
  return builder.build();
}

}  // namespace

std::vector<std::pair<std::string, Table>> org_tables(const Org& org) { return export_tables(org, identity(org)); }

namespace {

// The change resolved to person indices and checked: who goes, who fills which seat.
struct Seats {
  std::vector<bool> gone, vacated, promoted;
  std::vector<index_t> holder;  // seat -> who fills it
};

// A change that cannot be made: the entry `key` about the person `id`, given in the request's
// `field` (leave, promote, move).
[[noreturn]] void refuse(std::string_view key, const std::string& id, std::string field) {
  throw RequestError("what-if", {make_problem(key, {{"id", id}}, "what-if", 0, id, std::move(field))});
}

index_t index_of(const Org& org, const std::string& id, const char* field) {
  const auto p = org.find(id);
  if (!p) refuse("problem.what_if.unknown_id", id, field);
  return *p;
}

Seats resolve(const Org& org, const WhatIf& w) {
  const index_t n = org.size();
  Seats s{std::vector<bool>(n, false), std::vector<bool>(n, false), std::vector<bool>(n, false),
          std::vector<index_t>(n, no_index)};
  for (const auto& id : w.leave) s.gone[index_of(org, id, "leave")] = s.vacated[index_of(org, id, "leave")] = true;
  for (const auto& [seat_id, successor_id] : w.promote) {
    const index_t seat = index_of(org, seat_id, "promote"), successor = index_of(org, successor_id, "promote");
    if (s.gone[successor]) refuse("problem.what_if.leaver_fills_seat", successor_id, "promote");
    if (s.promoted[successor]) refuse("problem.what_if.two_seats", successor_id, "promote");
    if (s.holder[seat] != no_index) refuse("problem.what_if.seat_filled_twice", seat_id, "promote");
    s.holder[seat] = successor;
    s.promoted[successor] = s.vacated[successor] = true;
  }
  for (const auto& [seat_id, successor_id] : w.promote)
    if (!s.vacated[index_of(org, seat_id, "promote")]) refuse("problem.what_if.seat_not_vacant", seat_id, "promote");
  return s;
}

// Fills every vacant seat nobody was promoted into with its best ready-now successor, the most
// senior seat (lowest index) first, then the seat that successor leaves, down each cascade.
void fill_seats(const Org& org, const Policy& policy, Seats& s, WhatIfPlan& plan) {
  const index_t n = org.size();
  const auto key = key_positions(org, policy);
  std::vector<char> unavailable(n, 0);
  std::priority_queue<index_t, std::vector<index_t>, std::greater<>> open;
  for (index_t p = 0; p < n; ++p) {
    unavailable[p] = s.gone[p] || s.promoted[p];
    if (s.holder[p] == no_index && (s.gone[p] || (s.promoted[p] && holds_a_seat_to_refill(org, key, p)))) open.push(p);
  }
  const bool named = org.has_table("successors");
  for (std::size_t step = 1; !open.empty(); ++step) {
    if ((step & 1023) == 0) check_cancelled();
    const index_t seat = open.top();
    open.pop();
    const index_t best = named ? best_ready_now_successor(org, seat, policy, unavailable) : no_index;
    if (best == no_index) {
      plan.unfilled.emplace_back(org.id(seat));
      continue;
    }
    s.holder[seat] = best;
    s.promoted[best] = s.vacated[best] = true;
    unavailable[best] = 1;
    plan.filled.emplace_back(std::string(org.id(seat)), std::string(org.id(best)));
    if (holds_a_seat_to_refill(org, key, best)) open.push(best);
  }
}

Org apply(const Org& org, const WhatIf& w, const Seats& seats) {
  const index_t n = org.size();
  // Named references, not a structured binding: clang before 16 cannot capture bindings in lambdas.
  const auto& gone = seats.gone;
  const auto& vacated = seats.vacated;
  const auto& promoted = seats.promoted;
  const auto& holder = seats.holder;
  Edits e = identity(org);
  const auto& manager = org.hierarchy().manager;
  // Who holds a seat afterwards, walking up past seats nobody fills.
  auto occupant = [&](index_t seat) {
    while (seat != no_index) {
      if (holder[seat] != no_index) return holder[seat];
      if (!vacated[seat]) return seat;
      seat = manager[seat];
    }
    return no_index;
  };
  for (index_t p = 0; p < n; ++p) {
    e.keep[p] = !gone[p];
    if (!promoted[p]) e.manager[p] = gone[p] ? no_index : occupant(manager[p]);
  }
  for (index_t seat = 0; seat < n; ++seat) {
    const index_t t = holder[seat];
    if (t == no_index) continue;
    e.manager[t] = occupant(manager[seat]);
    if (org.people().tiers[seat] == Tier::core) e.tier[t] = Tier::core;
  }
  for (const auto& [person_id, manager_id] : w.move) {
    const index_t p = index_of(org, person_id, "move");
    if (gone[p]) refuse("problem.what_if.leaver_moves", person_id, "move");
    e.manager[p] = occupant(index_of(org, manager_id, "move"));
  }
  // Successor rows: each seat's bench backs whoever holds the seat afterwards. An org without a
  // successors table keeps none unless rows are added.
  if (org.has_table("successors") || !w.add_successor.empty()) {
    e.replace_successors = true;
    auto put = [&](index_t incumbent, index_t successor, Readiness r) {
      if (incumbent == no_index || incumbent == successor || gone[incumbent] || gone[successor]) return;
      auto [it, inserted] = e.successors.try_emplace({incumbent, successor}, r);
      if (!inserted) it->second = std::min(it->second, r);  // the readier wins
    };
    const auto& s = org.successors();
    for (std::size_t r = 0; r < s.incumbent.size(); ++r) {
      const index_t seat = s.incumbent[r];
      const index_t now = holder[seat] != no_index ? holder[seat] : (vacated[seat] && !promoted[seat] ? no_index : seat);
      put(now, s.successor[r], s.readiness[r]);
    }
    for (const auto& [inc, suc, r] : w.add_successor)
      put(index_of(org, inc, "add_successor"), index_of(org, suc, "add_successor"), r);
  }
  return build(org, export_tables(org, e));
}

}  // namespace

WhatIfPlan plan_what_if(const Org& org, const WhatIf& w, const Policy& policy) {
  WhatIfPlan plan;
  Seats seats = resolve(org, w);
  if (w.fill) fill_seats(org, policy, seats, plan);
  return plan;
}

Org what_if(const Org& org, const WhatIf& w, const Policy& policy) {
  Seats seats = resolve(org, w);
  if (w.fill) {
    WhatIfPlan unused;
    fill_seats(org, policy, seats, unused);
  }
  return apply(org, w, seats);
}

}  // namespace teamgraph
