#include "teamgraph/batch.hpp"

#include <algorithm>
#include <atomic>
#include <future>
#include <limits>
#include <span>
#include <thread>

#include "teamgraph/cancel.hpp"
#include "teamgraph/detail/assess.hpp"
#include "teamgraph/detail/sort.hpp"
#include "teamgraph/detail/threads.hpp"
#include "teamgraph/org_builder.hpp"

namespace teamgraph {

std::vector<TeamResult> assess_many(const std::vector<std::pair<std::string, const Table*>>& tables,
                                    const std::string& team_column, const TeamInfo& team, const Policy& policy,
                                    unsigned threads) {
  // Each table's rows sorted by team (rows of a team in row order); a team is then a run of rows
  // in every table, found by merging the tables' team orders.
  const std::size_t k_tables = tables.size();
  std::vector<int> team_cols;
  for (std::size_t k = 0; k < k_tables; ++k) {
    const Table& t = *tables[k].second;
    const int col = t.column_index(team_column);
    if (col < 0 || t.columns()[static_cast<std::size_t>(col)].numeric)
      throw std::invalid_argument("assess_many: the " + tables[k].first + " table needs a text column '" + team_column +
                                  "' naming each row's team");
    team_cols.push_back(col);
  }
  // Each table's rows sorted by team id (read in place when the column is in Arrow's layout),
  // the tables side by side.
  std::vector<const TableColumn*> team_ids(k_tables);
  for (std::size_t k = 0; k < k_tables; ++k)
    team_ids[k] = &tables[k].second->columns()[static_cast<std::size_t>(team_cols[k])];
  std::vector<std::vector<std::uint32_t>> sorted(k_tables), groups(k_tables);  // groups: where each team starts
  auto prepare = [&](std::size_t k) {
    sorted[k] = detail::rows_sorted_by_text(*team_ids[k], tables[k].second->rows(), /*skip_empty=*/false, &groups[k]);
  };
  {
    const std::atomic<bool>* caller_cancel = current_cancel_flag();
    std::vector<std::future<void>> others;
    for (std::size_t k = 1; k < k_tables; ++k)
      if (threads != 1 && tables[k].second->rows() > (std::size_t{1} << 16))
        others.push_back(detail::async_or_deferred([&, k] {
          CancelScope scope(caller_cancel);
          prepare(k);
        }));
      else
        prepare(k);
    if (k_tables) prepare(0);
    for (auto& f : others) f.get();
  }
  // The teams in id order; team i's rows of table k are sorted[k][begin, end) with
  // {begin, end} = ranges[i * k_tables + k].
  std::vector<std::string_view> order;
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  std::vector<std::size_t> at(k_tables, 0);  // each table's next team (an index into groups[k])
  const std::size_t teams_at_least = k_tables ? groups[0].size() - 1 : 0;
  order.reserve(teams_at_least);
  ranges.reserve(teams_at_least * k_tables);
  auto left = [&](std::size_t k) { return at[k] + 1 < groups[k].size(); };
  auto next_id = [&](std::size_t k) { return team_ids[k]->cell(sorted[k][groups[k][at[k]]]); };
  while (true) {
    bool found = false;
    std::string_view id;  // the smallest team id not yet taken
    for (std::size_t k = 0; k < k_tables; ++k)
      if (left(k)) {
        const std::string_view candidate = next_id(k);
        if (!found || candidate < id) id = candidate, found = true;
      }
    if (!found) break;
    for (std::size_t k = 0; k < k_tables; ++k) {
      const std::size_t begin = groups[k][at[k]];
      if (left(k) && next_id(k) == id) {
        ranges.emplace_back(begin, groups[k][at[k] + 1]);
        ++at[k];
      } else {
        ranges.emplace_back(begin, begin);  // the team has no rows here
      }
    }
    order.push_back(id);
  }
  std::vector<TeamResult> results(order.size());
  // A batch row holds scores and finding counts. The pay-for-performance interval (a figure and
  // a finding's argument, never a score or a count) costs 1,000 resamples a team, most of a rich
  // small team's time: the batch does not compute it.
  Policy scoring = policy;
  scoring.incentives.bootstrap_samples = 0;

  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  const std::atomic<bool>* cancel = current_cancel_flag();
  // `report` and `truck` are the worker's: refilled for every team, they keep their vectors' room.
  auto score = [&](std::size_t i, Report& report, FindingList& truck) {
    TeamResult& result = results[i];
    result.team = std::string(order[i]);
    result.scores.fill(std::numeric_limits<double>::quiet_NaN());
    try {
      // The team's tables view the batch's text: nothing is copied.
      OrgBuilder builder;
      for (std::size_t k = 0; k < k_tables; ++k) {
        const auto [begin, end] = ranges[i * k_tables + k];
        if (begin < end || tables[k].first == "people")
          builder.add_table(tables[k].first,
                            tables[k].second->view(std::span(sorted[k]).subspan(begin, end - begin), team_cols[k]));
      }
      builder.set_team(team);
      const Org org = builder.build();
      detail::assess_scores(org, scoring, truck, report);
      result.people = org.headcount();  // placeholder people are not counted
      for (std::size_t k = 0; k < batch_scores.size(); ++k) {
        const Score* s = k < report.scores.size() && report.scores[k].name == batch_scores[k]
                             ? &report.scores[k]
                             : report.score(batch_scores[k]);
        if (s && s->assessed) result.scores[k] = s->value;
        if (batch_scores[k] == report.weakest) result.weakest = static_cast<int>(k);
      }
      auto count = [&](const FindingList& findings) {
        for (std::size_t k = 0; k < findings.size(); ++k) ++result.findings[static_cast<std::size_t>(findings.severity(k))];
      };
      for (const auto* list : std::initializer_list<const FindingList*>{
               &report.findings, &report.leadership.findings, &report.succession.findings, &report.departure.findings,
               &truck})
        count(*list);
      for (const auto& s : report.support) count(s.findings);
    } catch (const OrgDataError& e) {
      result.problems = e.problems();
    } catch (const std::exception& e) {
      result.problems.push_back(make_problem("problem.error", {{"detail", e.what()}}));
    }
  };
  auto work = [&]() {
    CancelScope scope(cancel);  // the caller's flag holds on every worker
    const detail::CountFindings counting;  // a row holds the findings' counts by severity, no more
    Report report;
    FindingList truck;
    // Teams are taken a chunk at a time: fewer trips to the shared counter, and neighbouring
    // results are written by one thread.
    constexpr std::size_t chunk = 16;
    for (std::size_t first = next.fetch_add(chunk); first < order.size() && !stop; first = next.fetch_add(chunk)) {
      try {
        check_cancelled();
      } catch (const Cancelled&) {
        stop = true;
        return;
      }
      for (std::size_t i = first; i < std::min(first + chunk, order.size()); ++i) score(i, report, truck);
    }
  };
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, order.size())));
  std::vector<std::thread> pool;
  pool.reserve(threads);  // before any thread starts: no push_back can throw after
  for (unsigned t = 1; t < threads; ++t) {
    std::thread worker = detail::try_thread(work);
    if (!worker.joinable()) break;  // the system has no more threads to give: fewer workers share the teams
    pool.push_back(std::move(worker));
  }
  work();
  for (auto& t : pool) t.join();
  check_cancelled();  // a cancelled batch is not returned half done
  return results;
}

}  // namespace teamgraph
