// The dated tables: meetings and their attendance, incentives, contributions.

#include "assembler.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

#include "teamgraph/schema.hpp"

namespace teamgraph::detail {

void OrgAssembler::read_meetings(const Table* meetings, const Table* attendance, std::vector<Problem>& problems) {
  auto& mt = *meetings_;
  std::vector<std::string_view> meeting_ids;
  std::vector<index_t> meeting_index;  // meeting row -> canonical meeting index
  IdIndex lookup;
  if (meetings) {
    TableReader reader(*meetings, problems, known_columns("meetings"));
    const int c_id = reader.require("meeting_id"), c_date = reader.require("date"),
              c_channel = reader.column("channel"), c_presenter = reader.column("presenter_id");
    if (c_id < 0 || c_date < 0) return;
    meeting_ids.assign(meetings->rows(), {});
    struct Entry {
      std::int64_t date;
      std::string_view id;
      int channel;
      index_t presenter;
      std::size_t row;
    };
    std::vector<Entry> entries;
    entries.reserve(meetings->rows());
    for (std::size_t r = 0; r < meetings->rows(); ++r) {
      meeting_ids[r] = reader.id(c_id, r, {}, true);
      const auto date = reader.date(c_date, r, {}, true);
      static const auto& channel_choices = enum_labels("meetings", "channel");  // the schema's, looked up once
      const int channel = reader.choice(c_channel, r, {}, channel_choices, false);
      const index_t presenter = c_presenter >= 0 ? person(reader, r, c_presenter, false) : no_index;
      if (!meeting_ids[r].empty() && date != no_date) entries.push_back(Entry{date, meeting_ids[r], channel, presenter, r});
    }
    lookup = IdIndex(meeting_ids);
    for (std::size_t i = 1; i < lookup.sorted_rows().size(); ++i) {
      const auto r = lookup.sorted_rows()[i];
      const auto first = lookup.find(meeting_ids[r]);
      if (first != r)
        reader.row_problem("problem.duplicate_id.meeting", r, {}, "meeting_id",
                           {{"first", std::to_string(reader.record(first))}});
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return std::tie(a.date, a.id, a.row) < std::tie(b.date, b.id, b.row); });
    meeting_index.assign(meetings->rows(), no_index);
    std::vector<std::size_t> order;
    // Each column sized once (a column grown by doubling is copied at each step, and touches twice
    // the memory).
    order.reserve(entries.size());
    mt.date.reserve(entries.size()), mt.channel.reserve(entries.size());
    mt.presenter.reserve(entries.size());
    for (const auto& e : entries) {
      if (lookup.find(e.id) != e.row) continue;
      meeting_index[e.row] = static_cast<index_t>(mt.date.size());
      mt.ids.push_back(e.id);
      mt.date.push_back(e.date);
      mt.channel.push_back(e.channel < 0 ? Channel::offline : static_cast<Channel>(e.channel));
      mt.presenter.push_back(e.presenter);
      order.push_back(e.row);
    }
    mt.columns = reader.schema_columns("meetings", order);
    mt.extra = reader.extras(order);
  }
  if (attendance) {
    TableReader reader(*attendance, problems, known_columns("attendance"));
    const int c_meeting = reader.require("meeting_id"), c_person = reader.require("person_id");
    if (c_meeting < 0 || c_person < 0) return;
    if (!meetings) {
      reader.problem("problem.missing_table.meetings", {});
      return;
    }
    std::vector<std::pair<index_t, index_t>> pairs;
    std::vector<std::size_t> rows;
    const std::vector<index_t> person_of = people_of(reader, c_person, true);
    pairs.reserve(attendance->rows()), rows.reserve(attendance->rows());
    for (std::size_t r = 0; r < attendance->rows(); ++r) {
      const auto mid = reader.id(c_meeting, r, {}, true);
      const index_t p = person_of[r];
      if (mid.empty()) continue;
      const index_t mrow = lookup.find(mid);
      if (mrow == no_index) {
        reader.row_problem("problem.unknown_meeting", r, reader.text(c_person, r), "meeting_id",
                           {{"id", std::string(mid)}});
        continue;
      }
      if (p == no_index || meeting_index[mrow] == no_index) continue;
      pairs.emplace_back(meeting_index[mrow], p);
      rows.push_back(r);
    }
    // The pairs in order of meeting, then person, then row (rows rise with k): two stable counting
    // sorts, by person and then by meeting, in linear time (a comparison sort of the indices read
    // the pairs at random, n log n times).
    std::vector<std::size_t> by_person(pairs.size()), order(pairs.size());
    {
      std::vector<std::size_t> at(static_cast<std::size_t>(row_of_.size()) + 1, 0);
      for (const auto& pr : pairs) ++at[pr.second + 1];
      for (std::size_t i = 1; i < at.size(); ++i) at[i] += at[i - 1];
      for (std::size_t k = 0; k < pairs.size(); ++k) by_person[at[pairs[k].second]++] = k;
    }
    {
      std::vector<std::size_t> at(mt.date.size() + 1, 0);
      for (const auto& pr : pairs) ++at[pr.first + 1];
      for (std::size_t i = 1; i < at.size(); ++i) at[i] += at[i - 1];
      for (const std::size_t k : by_person) order[at[pairs[k].first]++] = k;
    }
    mt.attendance_offsets.assign(mt.date.size() + 1, 0);
    mt.attendees.reserve(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
      const auto& pr = pairs[order[k]];
      if (k > 0 && pairs[order[k - 1]] == pr) {
        reader.row_problem("problem.duplicate_record.attendance", rows[order[k]], reader.text(c_person, rows[order[k]]),
                           "person_id", {{"first", std::to_string(reader.record(rows[order[k - 1]]))}});
        continue;
      }
      mt.attendees.push_back(pr.second);
      ++mt.attendance_offsets[pr.first + 1];
    }
    for (std::size_t i = 0; i < mt.date.size(); ++i) mt.attendance_offsets[i + 1] += mt.attendance_offsets[i];
  } else {
    mt.attendance_offsets.assign(mt.date.size() + 1, 0);
  }
}

void OrgAssembler::read_incentives(const Table& table, std::vector<Problem>& problems) {
  incentives_ = std::make_shared<Incentives>();
  TableReader reader(table, problems, known_columns("incentives"));
  const int c_person = reader.require("person_id"), c_kind = reader.require("kind"), c_type = reader.column("type"),
            c_amount = reader.column("amount"), c_date = reader.column("date");
  if (c_person < 0 || c_kind < 0) return;
  struct Entry {
    index_t person;
    std::int64_t date;
    int kind;
    std::string_view type;
    double amount;
    std::size_t row;
  };
  std::vector<Entry> entries;
  entries.reserve(table.rows());
  const std::vector<index_t> person_of = people_of(reader, c_person, true);
  for (std::size_t r = 0; r < table.rows(); ++r) {
    const index_t p = person_of[r];
    const auto pid = reader.text(c_person, r);
    static const auto& kind_choices = enum_labels("incentives", "kind");  // the schema's, looked up once
    const int kind = reader.choice(c_kind, r, pid, kind_choices, true);
    const double amount = reader.non_negative(c_amount, r, pid);
    const auto date = reader.date(c_date, r, pid, false);
    if (kind == 0 && std::isnan(amount) && c_amount >= 0 && detail::trim(reader.text(c_amount, r)).empty() &&
        !table.columns()[static_cast<std::size_t>(c_amount)].numeric)
      reader.row_problem("problem.missing_value.amount", r, pid, "amount");
    if (p == no_index || kind < 0) continue;
    entries.push_back(Entry{p, date, kind, reader.text(c_type, r), amount, r});
  }
  sort_by_person(entries, row_of_.size(), [](const Entry& e) { return e.person; }, [](const Entry& a, const Entry& b) {
    // NaN amounts sort first (a missing amount is not "less" than any, but must sort stably).
    const double x = std::isnan(a.amount) ? -1 : a.amount, y = std::isnan(b.amount) ? -1 : b.amount;
    return std::tie(a.date, a.kind, a.type, x, a.row) < std::tie(b.date, b.kind, b.type, y, b.row);
  });
  auto& in = *incentives_;
  std::vector<std::string_view> types;
  std::vector<std::size_t> order;
  in.amount.resize(static_cast<Eigen::Index>(entries.size()));
  in.person.reserve(entries.size()), in.kind.reserve(entries.size()), in.date.reserve(entries.size());
  types.reserve(entries.size()), order.reserve(entries.size());
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const auto& e = entries[k];
    in.person.push_back(e.person);
    in.kind.push_back(static_cast<IncentiveKind>(e.kind));
    in.date.push_back(e.date);
    in.amount[static_cast<Eigen::Index>(k)] = e.amount;
    types.push_back(e.type);
    order.push_back(e.row);
  }
  in.type = make_categories(types);
  in.columns = reader.schema_columns("incentives", order);
  in.extra = reader.extras(order);
}

void OrgAssembler::read_contributions(const Table& table, std::vector<Problem>& problems) {
  contributions_ = std::make_shared<Contributions>();
  TableReader reader(table, problems, known_columns("contributions"));
  const int c_person = reader.require("person_id"), c_artifact = reader.require("artifact"),
            c_action = reader.require("action"), c_date = reader.require("date"),
            c_previous = reader.column("previous_artifact");
  if (c_person < 0 || c_artifact < 0 || c_action < 0 || c_date < 0) return;
  struct Entry {
    std::int64_t date;
    index_t person;
    std::string_view artifact;
    int action;
    std::string_view previous;
    std::size_t row;
  };
  std::vector<Entry> entries;
  entries.reserve(table.rows());
  for (std::size_t r = 0; r < table.rows(); ++r) {
    const index_t p = person(reader, r, c_person, true);
    const auto pid = reader.text(c_person, r);
    const auto artifact = reader.text(c_artifact, r);
    static const auto& action_choices = enum_labels("contributions", "action");  // the schema's, looked up once
    const int action = reader.choice(c_action, r, pid, action_choices, true);
    const auto date = reader.date(c_date, r, pid, true);
    const auto previous = reader.text(c_previous, r);
    if (artifact.empty()) reader.row_problem("problem.missing_value.artifact", r, pid, "artifact");
    if (action == 2 && previous.empty())
      reader.row_problem("problem.missing_value.previous_artifact", r, pid, "previous_artifact");
    if (action >= 0 && action != 2 && !previous.empty())
      reader.row_problem("problem.unexpected_value.previous_artifact", r, pid, "previous_artifact",
                         {{"value", std::string(previous)}});
    if (p == no_index || artifact.empty() || action < 0 || date == no_date) continue;
    entries.push_back(Entry{date, p, artifact, action, previous, r});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.date, a.person, a.artifact, a.action, a.previous, a.row) <
           std::tie(b.date, b.person, b.artifact, b.action, b.previous, b.row);
  });
  auto& c = *contributions_;
  std::vector<std::string_view> names;
  std::vector<std::size_t> order;
  c.person.reserve(entries.size()), c.action.reserve(entries.size()), c.date.reserve(entries.size());
  names.reserve(entries.size()), order.reserve(entries.size()), c.previous.reserve(entries.size());
  for (const auto& e : entries) {
    c.person.push_back(e.person);
    c.action.push_back(static_cast<ContributionAction>(e.action));
    c.date.push_back(e.date);
    names.push_back(e.artifact);
    order.push_back(e.row);
  }
  // Artifacts and previous names share one dictionary.
  std::vector<std::string_view> all = names;
  for (const auto& e : entries)
    if (!e.previous.empty()) all.push_back(e.previous);
  Categories cats = make_categories(all);
  c.artifact.labels = cats.labels;
  c.artifact.codes.assign(cats.codes.begin(), cats.codes.begin() + static_cast<std::ptrdiff_t>(names.size()));
  std::size_t next = names.size();
  for (const auto& e : entries) c.previous.push_back(e.previous.empty() ? -1 : cats.codes[next++]);
  c.columns = reader.schema_columns("contributions", order);
  c.extra = reader.extras(order);
}

}  // namespace teamgraph::detail
