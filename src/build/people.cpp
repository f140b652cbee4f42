// The people table's other columns: names, tiers, departments and roles (as categories), and the
// scored figures, normalized by the team's scales.

#include "assembler.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <numeric>
#include <unordered_map>

#include "teamgraph/schema.hpp"

namespace teamgraph::build {

Categories make_categories(const std::vector<std::string_view>& values) {
  Categories out;
  std::unordered_map<std::string_view, std::int32_t> seen;
  std::vector<std::string_view> labels;
  std::vector<std::int32_t> first_codes(values.size(), -1);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].empty()) continue;
    auto [it, inserted] = seen.try_emplace(values[i], static_cast<std::int32_t>(labels.size()));
    if (inserted) labels.push_back(values[i]);
    first_codes[i] = it->second;
  }
  std::vector<std::int32_t> order(labels.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return labels[a] < labels[b]; });
  std::vector<std::int32_t> rank(labels.size());
  for (std::size_t i = 0; i < order.size(); ++i) rank[static_cast<std::size_t>(order[i])] = static_cast<std::int32_t>(i);
  for (auto o : order) out.labels.emplace_back(labels[static_cast<std::size_t>(o)]);
  out.codes.resize(values.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    out.codes[i] = first_codes[i] < 0 ? -1 : rank[static_cast<std::size_t>(first_codes[i])];
  return out;
}

const Scale& scale_for(const TeamInfo& team, std::string_view field) {
  for (const auto& s : team.scales)
    if (s.field == field) return s;
  thread_local std::deque<Scale> defaults;  // references stay valid as it grows
  for (const auto& s : defaults)
    if (s.field == field) return s;
  return defaults.emplace_back(Scale{std::string(field), 0.0, 1.0});
}

bool keeps_values_as_read(int column, const Scale& scale) {
  return column >= 0 && !(scale.low == 0.0 && scale.high == 1.0);
}

}  // namespace teamgraph::build

namespace teamgraph::detail {

void OrgAssembler::read_people_attributes(const Table& table, std::vector<Problem>& problems) {
  TableReader reader(table, problems, known_columns("people"));
  // In canonical order.
  const Scale& s_assessment = scale_for(team_, "people.assessment");
  const Scale& s_potential = scale_for(team_, "people.potential");
  const Scale& s_flight = scale_for(team_, "people.flight_risk");
  const int c_name = reader.column("name"), c_department = reader.column("department"), c_role = reader.column("role"),
            c_tier = reader.column("tier"), c_assessment = reader.column("assessment"),
            c_potential = reader.column("potential"), c_flight = reader.column("flight_risk"),
            c_career = reader.column("has_career_plan"), c_kpi = reader.column("has_quantified_kpi");
  auto& p = *people_;
  const std::size_t m = row_of_.size();
  std::size_t id_bytes = 0, name_bytes = 0;
  for (auto id : person_ids_) id_bytes += id.size();
  if (c_name >= 0)
    for (const std::size_t r : row_of_) name_bytes += reader.text(c_name, r).size();
  p.ids.reserve(m, id_bytes);
  p.names.reserve(m, name_bytes);
  p.tiers.resize(m);
  struct Scored {
    int column;
    const Scale& scale;
    Eigen::VectorXd& normalized;
    Eigen::VectorXd& read;  // sized only when kept
  };
  const Scored scored[] = {{c_assessment, s_assessment, p.assessment, p.assessment_read},
                           {c_potential, s_potential, p.potential, p.potential_read},
                           {c_flight, s_flight, p.flight_risk, p.flight_risk_read}};
  for (const auto& s : scored) {
    s.normalized.resize(static_cast<Eigen::Index>(m));
    if (keeps_values_as_read(s.column, s.scale)) s.read.resize(static_cast<Eigen::Index>(m));
  }
  p.has_career_plan.resize(m);
  p.has_quantified_kpi.resize(m);
  p.records.resize(m);
  std::vector<std::string_view> departments(m), roles(m);
  const auto& tier_choices = enum_labels("people", "tier");  // looked up once, not a row
  for (std::size_t i = 0; i < m; ++i) {
    const std::size_t r = row_of_[i];
    const auto id = person_ids_[r];
    const auto e = static_cast<Eigen::Index>(i);
    p.ids.push_back(id);
    p.names.push_back(reader.text(c_name, r));
    departments[i] = reader.text(c_department, r);
    roles[i] = reader.text(c_role, r);
    const int tier = reader.choice(c_tier, r, id, tier_choices, false);
    p.tiers[i] = tier < 0 ? Tier::execution : static_cast<Tier>(tier);
    for (const auto& s : scored) {
      const double v = reader.on_scale(s.column, r, id, s.scale);
      s.normalized[e] = normalized(s.scale, v);
      if (s.read.size() != 0) s.read[e] = v;
    }
    p.has_career_plan[i] = reader.boolean(c_career, r, id);
    p.has_quantified_kpi[i] = reader.boolean(c_kpi, r, id);
    p.records[i] = reader.record(r);
  }
  p.departments = make_categories(departments);
  p.roles = make_categories(roles);
  reader.read_elsewhere({"id", "manager_id", "placeholder"});  // read_ids, read_hierarchy
  p.columns = reader.schema_columns("people", row_of_);
  p.extra = reader.extras(row_of_);
  read_placeholders(table, problems);
}

// The placeholder flags (read by row with the hierarchy) in the canonical order, their count and
// prefix counts; a placeholder row with any field beyond id, name, department and manager_id is a
// problem naming the field: a placeholder is someone the data does not describe.
void OrgAssembler::read_placeholders(const Table& table, std::vector<Problem>& problems) {
  auto& p = *people_;
  const std::size_t m = row_of_.size();
  p.placeholder.assign(m, 0);
  if (placeholder_row_.empty()) return;
  TableReader reader(table, problems, {});
  std::vector<std::size_t> described;  // the columns a placeholder may not have a value in
  const auto known = known_columns("people");
  for (std::size_t c = 0; c < table.columns().size(); ++c) {
    const auto& name = table.columns()[c].name;
    if (std::find(known.begin(), known.end(), name) == known.end()) continue;  // an extra column: the export's own
    if (name != "id" && name != "name" && name != "department" && name != "manager_id" && name != "placeholder")
      described.push_back(c);
  }
  for (std::size_t i = 0; i < m; ++i) {
    const std::size_t r = row_of_[i];
    if (!placeholder_row_[r]) continue;
    p.placeholder[i] = 1;
    ++p.placeholders;
    for (const auto c : described) {
      const auto& column = table.columns()[c];
      const bool given = column.numeric ? !std::isnan(column.number(r)) : !detail::trim(column.text[r]).empty();
      if (given)
        reader.row_problem("problem.placeholder_field", r, person_ids_[r], column.name, {{"column", column.name}});
    }
  }
  if (p.placeholders == 0) return;
  p.placeholders_before.resize(m + 1);
  p.placeholders_before[0] = 0;
  for (std::size_t i = 0; i < m; ++i) p.placeholders_before[i + 1] = p.placeholders_before[i] + p.placeholder[i];
}

}  // namespace teamgraph::detail
