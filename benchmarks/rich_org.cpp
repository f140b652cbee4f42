// The rich synthetic org of benchmarks/synthetic_org.py (`rich_frames`), generated in C++ with a
// fixed seed: the same tables, columns and shape (spans 6-8, 50 departments, the seven core
// competencies for every manager and the core, the four learning dimensions for everyone,
// successors for 70% of managers, the lean links plus two random ones a person, incentives,
// weekly meetings with attendance, goals). The random numbers are the standard library's, not
// numpy's, so the org is not the Python one row for row; its findings count is of the same order.

#include "rich_org.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "teamgraph/org_builder.hpp"
#include "teamgraph/table.hpp"

namespace teamgraph_benchmarks {
namespace {

using Texts = std::vector<std::string>;

// A table of text columns (the first gives the row count), then numeric ones.
teamgraph::Table table(const char* name, std::initializer_list<std::pair<const char*, const Texts*>> texts,
                       std::initializer_list<std::pair<const char*, std::vector<double>*>> numbers = {}) {
  teamgraph::Table t(name);
  t.set_row_count(texts.begin()->second->size());
  for (const auto& [column, cells] : texts) t.add_text_column(column, std::vector<std::string_view>(cells->begin(), cells->end()));
  for (const auto& [column, values] : numbers) t.add_numeric_column(column, std::move(*values));
  return t;
}

// Distinct unordered pairs of different people, (lo, hi) ascending.
std::vector<std::pair<std::int64_t, std::int64_t>> distinct_pairs(std::vector<std::pair<std::int64_t, std::int64_t>> pairs) {
  std::erase_if(pairs, [](const auto& p) { return p.first == p.second; });
  for (auto& [a, b] : pairs)
    if (a > b) std::swap(a, b);
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace

teamgraph::Org rich_org(std::int64_t n, std::uint64_t seed) {
  const auto N = static_cast<std::size_t>(n);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto between = [&](double lo, double hi) { return std::round((lo + (hi - lo) * unit(rng)) * 100.0) / 100.0; };
  auto chance = [&](double p) { return unit(rng) < p ? 1.0 : 0.0; };
  auto any = [&] { return static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(n)); };

  // The hierarchy: breadth first, every manager 6-8 reports; the first report of each manager.
  std::vector<std::int64_t> manager(N, -1), first_report(N, -1);
  for (std::int64_t m = 0, next = 1; m < n && next < n; ++m) {
    const std::int64_t span = 6 + static_cast<std::int64_t>(rng() % 3);
    first_report[static_cast<std::size_t>(m)] = next;
    for (std::int64_t k = 0; k < span && next < n; ++k) manager[static_cast<std::size_t>(next++)] = m;
  }
  std::vector<bool> is_manager(N);
  for (std::size_t i = 0; i < N; ++i) is_manager[i] = first_report[i] >= 0 || i < 8;

  Texts ids(N), names(N), departments(N), tiers(N), managers(N), roles(N);
  std::vector<double> assessment(N), flight_risk(N), potential(N), career_plan(N), kpi(N);
  for (std::size_t i = 0; i < N; ++i) {
    ids[i] = "p" + std::to_string(i);
    names[i] = "Person " + std::to_string(i);
    departments[i] = "d" + std::to_string(i % 50);
    tiers[i] = i < 8 ? "core" : "execution";
    roles[i] = is_manager[i] ? "manager" : "specialist";
    assessment[i] = static_cast<double>(1 + rng() % 5) / 5.0;
    flight_risk[i] = std::round(unit(rng) * 1000.0) / 1000.0;
    potential[i] = static_cast<double>(1 + rng() % 5) / 5.0;
    career_plan[i] = chance(0.6);
    kpi[i] = chance(0.8);
  }
  for (std::size_t i = 0; i < N; ++i) managers[i] = manager[i] < 0 ? "" : ids[static_cast<std::size_t>(manager[i])];
  teamgraph::OrgBuilder builder;
  builder.add_table("people", table("people",
                                    {{"id", &ids}, {"name", &names}, {"department", &departments}, {"tier", &tiers},
                                     {"manager_id", &managers}, {"role", &roles}},
                                    {{"assessment", &assessment}, {"flight_risk", &flight_risk}, {"potential", &potential},
                                     {"has_career_plan", &career_plan}, {"has_quantified_kpi", &kpi}}));

  // Competencies: the seven core ones for every manager, the four learning dimensions for everyone.
  static const char* const core_competencies[] = {"planning", "analysis", "execution", "control", "command", "practice", "theory"};
  static const char* const dimensions[] = {"professional_knowledge", "product_knowledge", "expression", "conduct"};
  Texts c_person, c_name;
  std::vector<double> c_score;
  for (std::size_t i = 0; i < N; ++i)
    if (is_manager[i])
      for (const char* c : core_competencies) c_person.push_back(ids[i]), c_name.emplace_back(c), c_score.push_back(between(0.2, 1.0));
  for (std::size_t i = 0; i < N; ++i)
    for (const char* c : dimensions) c_person.push_back(ids[i]), c_name.emplace_back(c), c_score.push_back(between(0.46, 1.0));
  builder.add_table("competencies", table("competencies", {{"person_id", &c_person}, {"competency", &c_name}}, {{"score", &c_score}}));

  // Successors: 70% of managers name their first report, readiness at random.
  static const char* const readiness[] = {"ready_now", "ready_1_2y", "ready_3y_plus"};
  Texts incumbent, successor, ready;
  for (std::size_t i = 0; i < N; ++i)
    if (is_manager[i] && chance(0.7) && first_report[i] >= 0) {
      incumbent.push_back(ids[i]);
      successor.push_back(ids[static_cast<std::size_t>(first_report[i])]);
      ready.emplace_back(readiness[rng() % 3]);
    }
  builder.add_table("successors", table("successors", {{"incumbent_id", &incumbent}, {"successor_id", &successor}, {"readiness", &ready}}));

  // Sharing: online, everyone with their manager and n random pairs; offline, 2n random pairs.
  std::vector<std::pair<std::int64_t, std::int64_t>> online, offline;
  for (std::int64_t i = 1; i < n; ++i) online.emplace_back(i, manager[static_cast<std::size_t>(i)]);
  for (std::int64_t k = 0; k < n; ++k) online.emplace_back(any(), any());
  for (std::int64_t k = 0; k < 2 * n; ++k) offline.emplace_back(any(), any());
  online = distinct_pairs(std::move(online));
  offline = distinct_pairs(std::move(offline));
  Texts s_a, s_b, s_channel;
  for (const auto* links : {&online, &offline})
    for (const auto& [a, b] : *links) {
      s_a.push_back(ids[static_cast<std::size_t>(a)]);
      s_b.push_back(ids[static_cast<std::size_t>(b)]);
      s_channel.emplace_back(links == &online ? "online" : "offline");
    }
  std::vector<double> per_week(s_a.size(), 1.0);
  builder.add_table("sharing", table("sharing", {{"person_a", &s_a}, {"person_b", &s_b}, {"channel", &s_channel}}, {{"per_week", &per_week}}));

  // Incentives: a bonus for everyone, a recognition (no amount) for every third person.
  Texts i_person, i_kind, i_type;
  std::vector<double> i_amount;
  for (std::size_t i = 0; i < N; ++i)
    i_person.push_back(ids[i]), i_kind.emplace_back("material"), i_type.emplace_back("bonus"),
        i_amount.push_back(std::round(1000.0 + 19000.0 * unit(rng)));
  for (std::size_t i = 0; i < N; i += 3)
    i_person.push_back(ids[i]), i_kind.emplace_back("spiritual"), i_type.emplace_back("recognition"),
        i_amount.push_back(std::nan(""));
  builder.add_table("incentives", table("incentives", {{"person_id", &i_person}, {"kind", &i_kind}, {"type", &i_type}},
                                        {{"amount", &i_amount}}));

  // Weekly meetings of each department for 13 weeks (departments in name order, as numpy sorts
  // them), presented by its first person; everyone attends one of their department's.
  static const char* const weeks[] = {"2026-07-06", "2026-07-13", "2026-07-20", "2026-07-27", "2026-08-03",
                                      "2026-08-10", "2026-08-17", "2026-08-24", "2026-08-31", "2026-09-07",
                                      "2026-09-14", "2026-09-21", "2026-09-28"};
  constexpr std::size_t week_count = std::size(weeks);
  const std::size_t department_count = std::min<std::size_t>(N, 50);
  std::vector<std::size_t> department_order(department_count), department_rank(department_count);
  for (std::size_t d = 0; d < department_count; ++d) department_order[d] = d;
  std::sort(department_order.begin(), department_order.end(),
            [&](std::size_t x, std::size_t y) { return departments[x] < departments[y]; });
  Texts m_id, m_date, m_channel, m_presenter;
  for (std::size_t r = 0; r < department_count; ++r) {
    department_rank[department_order[r]] = r;
    for (std::size_t w = 0; w < week_count; ++w) {
      m_id.push_back("m" + std::to_string(m_id.size()));
      m_date.emplace_back(weeks[w]);
      m_channel.emplace_back("offline");
      m_presenter.push_back(ids[department_order[r]]);  // person d is the first of department d
    }
  }
  builder.add_table("meetings", table("meetings", {{"meeting_id", &m_id}, {"date", &m_date}, {"channel", &m_channel},
                                                   {"presenter_id", &m_presenter}}));
  Texts a_meeting(N);
  for (std::size_t i = 0; i < N; ++i) a_meeting[i] = m_id[department_rank[i % 50] * week_count + rng() % week_count];
  builder.add_table("attendance", table("attendance", {{"meeting_id", &a_meeting}, {"person_id", &ids}}));

  // Goals: one team goal, a goal for every manager serving it, quantified four times in five.
  Texts g_id{"g-team"}, g_owner{""}, g_parent{""};
  std::vector<double> g_quantified{1.0};
  for (std::size_t i = 0; i < N; ++i)
    if (is_manager[i])
      g_id.push_back("g" + ids[i]), g_owner.push_back(ids[i]), g_parent.emplace_back("g-team"), g_quantified.push_back(chance(0.8));
  builder.add_table("goals", table("goals", {{"goal_id", &g_id}, {"owner_id", &g_owner}, {"parent_goal_id", &g_parent}},
                                   {{"quantified", &g_quantified}}));
  return builder.build();
}

}  // namespace teamgraph_benchmarks
