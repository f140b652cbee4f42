// Operations (operations.csv): inquiries, replies and orders by day and channel, or by day,
// channel and person.

#include "assembler.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "teamgraph/schema.hpp"

namespace teamgraph::detail {

namespace {

std::int64_t day_of(std::int64_t date) { return date / 86400 - (date % 86400 < 0 ? 1 : 0); }

}  // namespace

void OrgAssembler::read_operations(const Table& table, std::vector<Problem>& problems) {
  operations_ = std::make_shared<Operations>();
  TableReader reader(table, problems, known_columns("operations"));
  const int c_date = reader.require("date"), c_channel = reader.require("channel"),
            c_person = reader.column("person_id"), c_inquiries = reader.require("inquiries"),
            c_replied = reader.column("replied"), c_minutes = reader.column("first_reply_minutes"),
            c_orders = reader.column("orders");
  if (c_date < 0 || c_channel < 0 || c_inquiries < 0) return;
  struct Entry {
    std::int64_t day;
    std::string_view channel;
    index_t person;  // no_index: the channel as a whole, which sorts first (as person_key 0)
    std::int64_t date;
    double inquiries, replied, minutes, orders;
    std::size_t row;
    std::uint64_t person_key() const { return person == no_index ? 0 : std::uint64_t{person} + 1; }
  };
  auto empty_cell = [&](int c, std::size_t r) {  // an empty cell (not one that is no number)
    const auto& column = table.columns()[static_cast<std::size_t>(c)];
    return column.numeric ? std::isnan(column.number(r)) : detail::trim(column.text[r]).empty();
  };
  std::vector<Entry> entries;
  entries.reserve(table.rows());
  for (std::size_t r = 0; r < table.rows(); ++r) {
    const auto pid = c_person >= 0 ? reader.text(c_person, r) : std::string_view();
    const index_t p = c_person >= 0 ? person(reader, r, c_person, false) : no_index;
    const auto date = reader.date(c_date, r, pid, true);
    const auto channel = reader.text(c_channel, r);
    if (channel.empty()) reader.row_problem("problem.missing_value.channel", r, pid, "channel");
    const double inquiries = reader.non_negative(c_inquiries, r, pid);
    if (std::isnan(inquiries) && empty_cell(c_inquiries, r))
      reader.row_problem("problem.missing_value.inquiries", r, pid, "inquiries");
    const double replied = reader.non_negative(c_replied, r, pid);
    const double minutes = reader.non_negative(c_minutes, r, pid);
    const double orders = reader.non_negative(c_orders, r, pid);
    if (replied > inquiries)
      reader.row_problem("problem.out_of_range.replied", r, pid, "replied",
                         {{"inquiries", format_number(inquiries)}, {"value", format_number(replied)}});
    // A person named but unknown (reported) is no row of the channel as a whole.
    if (date == no_date || channel.empty() || std::isnan(inquiries) || replied > inquiries || (!pid.empty() && p == no_index))
      continue;
    entries.push_back(Entry{day_of(date), channel, p, date, inquiries, replied, minutes, orders, r});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::make_tuple(a.day, a.channel, a.person_key(), a.row) <
           std::make_tuple(b.day, b.channel, b.person_key(), b.row);
  });
  auto& op = *operations_;
  std::vector<std::string_view> channels;
  std::vector<std::size_t> order;
  const auto m = static_cast<Eigen::Index>(entries.size());
  op.inquiries.resize(m), op.replied.resize(m), op.first_reply_minutes.resize(m), op.orders.resize(m);
  op.date.reserve(entries.size()), op.person.reserve(entries.size());
  channels.reserve(entries.size()), order.reserve(entries.size());
  std::size_t first_of_key = 0;  // rows of one key are in file order: the first is the original
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const auto& e = entries[k];
    const auto& before = entries[first_of_key];
    if (k > 0 && before.day == e.day && before.channel == e.channel && before.person == e.person) {
      const auto& first = before;
      reader.row_problem("problem.duplicate_record.operations", e.row,
                         e.person == no_index ? std::string_view() : reader.text(c_person, e.row),
                         e.person == no_index ? "channel" : "person_id", {{"first", std::to_string(reader.record(first.row))}});
      continue;
    }
    first_of_key = k;
    const auto i = static_cast<Eigen::Index>(op.date.size());
    op.date.push_back(e.date);
    op.person.push_back(e.person);
    op.inquiries[i] = e.inquiries, op.replied[i] = e.replied, op.first_reply_minutes[i] = e.minutes, op.orders[i] = e.orders;
    channels.push_back(e.channel);
    order.push_back(e.row);
  }
  const auto kept = static_cast<Eigen::Index>(order.size());
  op.inquiries.conservativeResize(kept), op.replied.conservativeResize(kept);
  op.first_reply_minutes.conservativeResize(kept), op.orders.conservativeResize(kept);
  op.channel = make_categories(channels);
  op.columns = reader.schema_columns("operations", order);
  op.extra = reader.extras(order);
}

}  // namespace teamgraph::detail
