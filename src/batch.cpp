#include "teamgraph/batch.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <thread>

#include "teamgraph/cancel.hpp"
#include "teamgraph/org_builder.hpp"

namespace teamgraph {

std::vector<TeamResult> assess_many(const std::vector<std::pair<std::string, const Table*>>& tables,
                                    const std::string& team_column, const TeamInfo& team, const Policy& policy,
                                    unsigned threads) {
  // Rows of every team in every table.
  std::map<std::string_view, std::vector<std::vector<std::size_t>>> teams;
  std::vector<int> team_cols;
  for (std::size_t k = 0; k < tables.size(); ++k) {
    const Table& t = *tables[k].second;
    const int col = t.column_index(team_column);
    if (col < 0 || t.columns()[static_cast<std::size_t>(col)].numeric)
      throw std::invalid_argument("assess_many: the " + tables[k].first + " table needs a text column '" + team_column +
                                  "' naming each row's team");
    team_cols.push_back(col);
    const auto& ids = t.columns()[static_cast<std::size_t>(col)].text;
    for (std::size_t r = 0; r < t.rows(); ++r) {
      auto& slots = teams[ids[r]];
      slots.resize(tables.size());
      slots[k].push_back(r);
    }
  }
  std::vector<std::pair<std::string_view, std::vector<std::vector<std::size_t>>*>> order;
  order.reserve(teams.size());
  for (auto& [id, rows] : teams) order.emplace_back(id, &rows);
  std::vector<TeamResult> results(order.size());

  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  const std::atomic<bool>* cancel = current_cancel_flag();
  auto work = [&]() {
    CancelScope scope(cancel);  // the caller's flag holds on every worker
    for (std::size_t i = next++; i < order.size() && !stop; i = next++) {
      try {
        check_cancelled();
      } catch (const Cancelled&) {
        stop = true;
        return;
      }
      TeamResult& result = results[i];
      result.team = std::string(order[i].first);
      const auto& rows = *order[i].second;
      try {
        OrgBuilder builder;
        for (std::size_t k = 0; k < tables.size(); ++k)
          if (k < rows.size() && !rows[k].empty())
            builder.add_table(tables[k].first, tables[k].second->select(rows[k], team_cols[k]));
          else if (tables[k].first == "people")
            builder.add_table("people", tables[k].second->select({}, team_cols[k]));
        builder.set_team(team);
        const Org org = builder.build();
        const Report report = assess(org, policy);
        result.people = org.size();
        result.scores = report.scores;
        result.weakest = report.weakest;
        for (const auto& f : report.findings) ++result.findings[static_cast<std::size_t>(f.severity)];
      } catch (const OrgDataError& e) {
        result.problems = e.problems();
      } catch (const std::exception& e) {
        result.problems.push_back(Problem{"error", Severity::error, {}, 0, {}, {}, e.what()});
      }
    }
  };
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, order.size())));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  check_cancelled();  // a cancelled batch is not returned half done
  return results;
}

}  // namespace teamgraph
