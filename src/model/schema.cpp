// The input schema: one line per column. A new column is one line here plus its use: a column
// the builder does not read by name is read by its kind into its table's `columns`
// (org.people().number("learning_hours")), exported by what-if and shown to Python with the rest
// (docs/development.md, "Adding a column").

#include "teamgraph/schema.hpp"

#include <stdexcept>
#include <string>

namespace teamgraph {

std::string_view to_string(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::id: return "id";
    case ColumnKind::person: return "person";
    case ColumnKind::reference: return "reference";
    case ColumnKind::text: return "text";
    case ColumnKind::number: return "number";
    case ColumnKind::date: return "date";
    case ColumnKind::enumeration: return "enum";
    case ColumnKind::boolean: return "bool";
  }
  return "text";
}

namespace {

using K = ColumnKind;
constexpr bool req = true, opt = false;

std::vector<TableSchema> make_schema() {
  const std::vector<std::string_view> channels{"online", "offline"};
  const std::string_view scale = "number on the declared scale, *[0, 1]*";
  return {
      {"people", "people.csv", req,
       {{"id", K::id, req, {}, "", "text, required, unique", "the person; compared exactly (`007` and `7` are two people)"},
        {"name", K::text, opt, {}, "", "text", "display name"},
        {"department", K::text, opt, {}, "", "text", "department or function"},
        {"role", K::text, opt, {}, "", "text", "job title"},
        {"tier", K::enumeration, opt, {"core", "execution", "support"}, "execution", "",
         "the core management layer, the execution layer, support functions"},
        {"manager_id", K::person, opt, {}, "", "id", "the person's one manager; empty for the top"},
        {"assessment", K::number, opt, {}, "", scale, "latest performance assessment"},
        {"potential", K::number, opt, {}, "", scale, "assessed potential"},
        {"flight_risk", K::number, opt, {}, "", scale, "probability of leaving"},
        {"has_career_plan", K::boolean, opt, {}, "", "boolean", "has a written career plan"},
        {"has_quantified_kpi", K::boolean, opt, {}, "", "boolean", "has a quantified KPI"},
        {"learning_hours", K::number, opt, {}, "", "number >= 0", "hours of learning in the analysis period", true},
        {"placeholder", K::boolean, opt, {}, "", "boolean",
         "a manager the data names but does not describe: kept in the hierarchy, left out of per-person scores and "
         "counts; such a row has only `id`, `name`, `department` and `manager_id`"}}},
      {"competencies", "competencies.csv", opt,
       {{"person_id", K::person, req, {}, "", "id, required", ""},
        {"competency", K::text, req, {}, "", "text, required",
         "e.g. `planning`, `analysis`, `execution`, `control`, `command`, `practice`, `theory`, "
         "`professional_knowledge`, `product_knowledge`, `expression`, `conduct`; names are case-sensitive"},
        {"score", K::number, req, {}, "", "number on the declared scale, required", "one row per person and competency"}}},
      {"successors", "successors.csv", opt,
       {{"incumbent_id", K::person, req, {}, "", "id, required", "the person in the seat"},
        {"successor_id", K::person, req, {}, "", "id, required", "a named successor (not the incumbent)"},
        {"readiness", K::enumeration, req, {"ready_now", "ready_1_2y", "ready_3y_plus"}, "", "", ""}}},
      {"sharing", "sharing.csv", opt,
       {{"person_a", K::person, req, {}, "", "id, required", "one of two different people; the link has no direction"},
        {"person_b", K::person, req, {}, "", "id, required", "the other"},
        {"channel", K::enumeration, req, channels, "", "", "one row per pair and channel"},
        {"per_week", K::number, opt, {}, "", "number >= 0", "how often they share", true}}},
      {"meetings", "meetings.csv", opt,
       {{"meeting_id", K::id, req, {}, "", "text, required, unique", ""},
        {"date", K::date, req, {}, "", "date, required", ""},
        {"channel", K::enumeration, opt, channels, "offline", "", ""},
        {"presenter_id", K::person, opt, {}, "", "id", "who presented"}}},
      {"attendance", "attendance.csv", opt,
       {{"meeting_id", K::reference, req, {}, "", "meeting id, required", "one row per attendee; needs `meetings.csv`"},
        {"person_id", K::person, req, {}, "", "id, required", ""}}},
      {"incentives", "incentives.csv", opt,
       {{"person_id", K::person, req, {}, "", "id, required", ""},
        {"kind", K::enumeration, req, {"material", "spiritual"}, "", "",
         "material: pay, bonus, commission; spiritual: recognition, praise, training, honours"},
        {"type", K::text, opt, {}, "", "text", "bonus, commission, recognition, training, ..."},
        {"amount", K::number, opt, {}, "", "number >= 0", "required for material incentives; optional for spiritual ones", true},
        {"date", K::date, opt, {}, "", "date", ""}}},
      {"goals", "goals.csv", opt,
       {{"goal_id", K::id, req, {}, "", "text, required, unique", ""},
        {"owner_id", K::person, opt, {}, "", "id", "empty for a team goal"},
        {"parent_goal_id", K::reference, opt, {}, "", "goal id", "the goal this one serves; chains must not loop"},
        {"quantified", K::boolean, opt, {}, "", "boolean", "has a measurable target"}}},
      {"contributions", "contributions.csv", opt,
       {{"person_id", K::person, req, {}, "", "id, required", ""},
        {"artifact", K::text, req, {}, "", "text, required", ""},
        {"action", K::enumeration, req, {"create", "modify", "rename", "delete"}, "", "", ""},
        {"date", K::date, req, {}, "", "date, required", ""},
        {"previous_artifact", K::text, opt, {}, "", "text", "the old name, for `rename` only"}}},
      {"operations", "operations.csv", opt,
       {{"date", K::date, req, {}, "", "date, required", "the day"},
        {"channel", K::text, req, {}, "", "text, required",
         "the shop or platform (`Taobao`, `Tmall`, `JD`, `WeChat`, `own site`, ...); compared exactly"},
        {"person_id", K::person, opt, {}, "", "id",
         "who answered; empty for the channel's figures as a whole, which then stand for the day's channel"},
        {"inquiries", K::number, req, {}, "", "number >= 0, required", "customer inquiries that day", true},
        {"replied", K::number, opt, {}, "", "number >= 0, at most `inquiries`", "the inquiries answered", true},
        {"first_reply_minutes", K::number, opt, {}, "", "number >= 0", "the day's median minutes to the first reply", true},
        {"orders", K::number, opt, {}, "", "number >= 0", "orders placed", true},
        {"department", K::text, opt, {}, "", "text", "the department that runs the channel; kept, not scored"},
        {"revenue", K::number, opt, {}, "", "number >= 0", "the orders' revenue", true},
        {"refunds", K::number, opt, {}, "", "number >= 0", "refunds", true},
        {"complaints", K::number, opt, {}, "", "number >= 0", "customer complaints", true}}},
  };
}

}  // namespace

const ColumnSchema& TableSchema::column(std::string_view column_name) const {
  for (const auto& c : columns)
    if (c.name == column_name) return c;
  throw std::out_of_range("the table " + std::string(name) + " has no column " + std::string(column_name));
}

std::vector<std::string_view> TableSchema::column_names() const {
  std::vector<std::string_view> out;
  out.reserve(columns.size());
  for (const auto& c : columns) out.push_back(c.name);
  return out;
}

const std::vector<TableSchema>& input_schema() {
  static const std::vector<TableSchema> schema = make_schema();
  return schema;
}

const TableSchema& table_schema(std::string_view name) {
  for (const auto& t : input_schema())
    if (t.name == name) return t;
  throw std::out_of_range("no input table is called " + std::string(name));
}

const std::vector<std::string_view>& enum_labels(std::string_view table, std::string_view column) {
  return table_schema(table).column(column).labels;
}

}  // namespace teamgraph
