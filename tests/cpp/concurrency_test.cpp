// Concurrency: an Org is immutable, so any number of threads may score it at once; assess_many
// scores teams on a pool of threads. Run under ThreadSanitizer by scripts/sanitize.sh.
#include <gtest/gtest.h>
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>
#include <system_error>
#include <thread>

#include "helpers.hpp"
#include "teamgraph/detail/assess.hpp"
#include "teamgraph/detail/threads.hpp"

namespace teamgraph {
namespace {

TEST(Concurrency, EightThreadsAssessOneOrg) {
  const Org org = read_org(std::filesystem::path(TEAMGRAPH_EXAMPLES) / "ecommerce-team");
  const Report reference = assess(org);
  std::vector<double> health(8, -1.0);
  std::vector<std::size_t> findings(8, 0);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < 8; ++i)
    threads.emplace_back([&, i] {
      const Report r = assess(org);
      health[i] = r.score("health_index")->value;
      findings[i] = r.findings.size();
    });
  for (auto& t : threads) t.join();
  for (std::size_t i = 0; i < 8; ++i) {
    EXPECT_DOUBLE_EQ(health[i], reference.score("health_index")->value);
    EXPECT_EQ(findings[i], reference.findings.size());
  }
}

// assess() scores a big org on two threads; the report is the one of a single thread, finding for
// finding, and the second thread sees the caller's cancel flag.
TEST(Concurrency, AssessOnTwoThreadsEqualsOneThread) {
  const Org org = read_org(std::filesystem::path(TEAMGRAPH_EXAMPLES) / "ecommerce-team");
  const Policy policy = effective_policy(org);
  FindingList truck_one, truck_two;
  const Report one = detail::assess_scores(org, policy, truck_one, /*parallel=*/false);
  const Report two = detail::assess_scores(org, policy, truck_two, /*parallel=*/true);
  ASSERT_EQ(one.scores.size(), two.scores.size());
  for (std::size_t i = 0; i < one.scores.size(); ++i) {
    EXPECT_EQ(one.scores[i].name, two.scores[i].name);
    EXPECT_EQ(one.scores[i].assessed, two.scores[i].assessed);
    EXPECT_EQ(one.scores[i].value, two.scores[i].value) << one.scores[i].name;
  }
  auto described = [&](const Report& r, const FindingList& truck) {
    std::vector<std::string> out;
    for (const auto* list : {&r.leadership.findings, &r.succession.findings, &r.departure.findings, &r.findings, &truck})
      for (const auto& f : *list) out.push_back(f.score + " " + describe(f, org));
    for (const auto& s : r.support)
      for (const auto& f : s.findings) out.push_back(f.score + " " + describe(f, org));
    return out;
  };
  EXPECT_EQ(described(one, truck_one), described(two, truck_two));
  EXPECT_GT(described(one, truck_one).size(), 10u);
  ASSERT_EQ(one.support.size(), two.support.size());
  for (std::size_t i = 0; i < one.support.size(); ++i) EXPECT_EQ(one.support[i].name, two.support[i].name);
  EXPECT_EQ(one.departure.cut_off, two.departure.cut_off);
  // The public call: one thread or two, the same findings in the same order.
  const Report alone = assess(org, policy, 1), pair = assess(org, policy, 2);
  ASSERT_EQ(alone.findings.size(), pair.findings.size());
  for (std::size_t i = 0; i < alone.findings.size(); ++i)
    EXPECT_EQ(describe(alone.findings[i], org), describe(pair.findings[i], org)) << i;

  std::atomic<bool> flag{false};
  const std::atomic<bool>* seen = nullptr;
  {
    CancelScope scope(&flag);
    detail::side_by_side(true, [] {}, [&] { seen = current_cancel_flag(); });
  }
  EXPECT_EQ(seen, &flag);
}

// An org big enough to be scored on two threads (6,000 people): a tree with spans of five,
// sharing links to a colleague and to the manager, three learning dimensions scored for everyone.
Org two_thread_org() {
  std::string people = "id,manager_id,tier,flight_risk\n", sharing = "person_a,person_b,channel\n",
              competencies = "person_id,competency,score\n";
  const char* dimensions[] = {"professional_knowledge", "conduct", "expression"};
  for (int i = 0; i < 6000; ++i) {
    const std::string id = "p" + std::to_string(i);
    people += id + "," + (i ? "p" + std::to_string((i - 1) / 5) : std::string()) + "," + (i < 3 ? "core" : "execution") +
              ",0." + std::to_string(i % 10) + "\n";
    const long long colleague = (static_cast<long long>(i) * 2654435761LL >> 9) % std::max(i, 1);  // someone earlier
    if (i) sharing += id + ",p" + std::to_string((i - 1) / 5) + ",online\n";
    if (i && colleague != (i - 1) / 5) sharing += id + ",p" + std::to_string(colleague) + ",offline\n";
    for (int d = 0; d < 3; ++d)
      competencies += id + "," + dimensions[d] + ",0." + std::to_string(10 + (i * 37 + d * 11) % 90) + "\n";
  }
  return testing::org_from_csv({{"people", people}, {"sharing", sharing}, {"competencies", competencies}});
}

// Calls side by side take one thread each by default (a call that starts while another runs):
// every report is the one-thread report, finding for finding.
TEST(Concurrency, CallsSideBySideGiveTheOneThreadReport) {
  const Org org = two_thread_org();
  const Policy policy = effective_policy(org);
  const Report reference = assess(org, policy, 1);
  ASSERT_GT(reference.findings.size(), 100u);
  std::vector<std::string> expected;
  for (const auto& f : reference.findings) expected.push_back(describe(f, org));
  std::vector<std::vector<std::string>> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i)
    threads.emplace_back([&, i] {
      for (const auto& f : assess(org, policy).findings) seen[i].push_back(describe(f, org));
    });
  for (auto& t : threads) t.join();
  for (const auto& s : seen) EXPECT_EQ(s, expected);
}

// read_org parses a folder's files side by side: the problems must not depend on which file
// finishes first.
TEST(Concurrency, ReadOrgParsesFilesSideBySideWithTheSameProblems) {
  const auto dir = std::filesystem::temp_directory_path() / "teamgraph-parallel-read";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  // Big enough (70,000 rows) that the id index, the sharing lookups and the people's other columns
  // (read beside the other tables) use their second thread too.
  std::string people = "id,manager_id,tier,assessment\nboss,,core,0.5\n",
              sharing = "person_a,person_b,channel\np1,p1,online\n";
  for (int i = 0; i < 70000; ++i) {
    people += "p" + std::to_string(i) + ",boss,execution,0." + std::to_string(i % 10) + "\n";
    if (i > 0) sharing += "p" + std::to_string(i - 1) + ",p" + std::to_string(i) + ",online\n";
  }
  people += "bad,nobody,chief,2\n";  // an unknown manager, and two problems of the other columns
  std::ofstream(dir / "people.csv") << people;
  std::ofstream(dir / "sharing.csv") << sharing;
  std::ofstream(dir / "successors.csv") << "incumbent_id,successor_id,readiness\nboss,ghost,ready_now\n";
  std::ofstream(dir / "goals.csv") << "goal_id,parent_goal_id\n\"open\n";
  // Problems of the tables read beside the relations (meetings, incentives) too.
  std::ofstream(dir / "meetings.csv") << "meeting_id,date,channel,presenter_id\nm1,2024-01-01,online,p1\n";
  std::ofstream(dir / "attendance.csv") << "meeting_id,person_id\nm1,ghost\nm2,p2\n";
  std::ofstream(dir / "incentives.csv") << "person_id,kind,amount\nghost,material,5\np1,material,-1\n";
  auto problems = [&] {
    try {
      read_org(dir);
    } catch (const OrgDataError& e) {
      std::vector<std::string> out;
      for (const auto& p : e.problems()) out.push_back(p.to_string());
      return out;
    }
    ADD_FAILURE() << "the folder was accepted";
    return std::vector<std::string>{};
  };
  const auto first = problems();
  EXPECT_EQ(first.size(), 10u);
  for (const char* file : {"people.csv", "sharing.csv", "successors.csv", "goals.csv", "attendance.csv", "incentives.csv"})
    EXPECT_TRUE(std::any_of(first.begin(), first.end(), [&](const std::string& p) { return p.find(file) != std::string::npos; }))
        << file;
  for (int run = 0; run < 5; ++run) EXPECT_EQ(problems(), first);
}

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif
#else
constexpr bool sanitized = false;
#endif

// Extra threads are a speed-up: when none can start (here every new thread would need a 1 GB stack
// and the address space has 256 MB to spare), the calling thread does the work, with the same
// result. In a child process, so that the limits stay there.
TEST(Concurrency, WithNoThreadToBeHadTheCallingThreadDoesTheWork) {
  if (sanitized) GTEST_SKIP() << "a sanitizer reserves address space of its own, so a limit on it does not apply";
  const auto dir = std::filesystem::temp_directory_path() / "teamgraph-no-threads";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  // Big enough (70,000 people) that every step with a second thread asks for one.
  std::string people = "id,manager_id,tier\nboss,,core\n", sharing = "person_a,person_b,channel\n";
  for (int i = 0; i < 70000; ++i) {
    people += "p" + std::to_string(i) + ",boss,execution\n";
    sharing += (i ? "p" + std::to_string(i - 1) : std::string("boss")) + ",p" + std::to_string(i) + ",online\n";
  }
  std::ofstream(dir / "people.csv") << people;
  std::ofstream(dir / "sharing.csv") << sharing;
  const Org expected = read_org(dir);
  const double expected_health = assess(expected).score("health_index")->value;
  std::vector<Problem> problems;
  const Table batch_people = parse_csv_table("team,id,manager_id,tier\na,x,,core\na,y,x,execution\nb,x,,core\n",
                                             "people.csv", problems);
  const std::vector<std::pair<std::string, const Table*>> batch{{"people", &batch_people}};
  const auto expected_rows = assess_many(batch, "team", {}, {}, 1);
  auto without_threads = [&] {
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, std::size_t{1} << 30);
    pthread_setattr_default_np(&attributes);
    long pages = 0;
    std::ifstream("/proc/self/statm") >> pages;
    const rlimit limit{static_cast<rlim_t>(pages) * static_cast<rlim_t>(sysconf(_SC_PAGESIZE)) + (rlim_t{256} << 20),
                       RLIM_INFINITY};
    setrlimit(RLIMIT_AS, &limit);
    try {
      std::thread([] {}).join();
      std::_Exit(3);  // a thread started: the limits did not hold, and the test shows nothing
    } catch (const std::system_error&) {
    }
    const Org org = read_org(dir);
    if (org.size() != expected.size() || assess(org).score("health_index")->value != expected_health) std::_Exit(1);
    const auto rows = assess_many(batch, "team", {}, {}, 2);
    if (rows.size() != expected_rows.size()) std::_Exit(2);
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (rows[i].team != expected_rows[i].team || rows[i].findings != expected_rows[i].findings) std::_Exit(2);
    std::_Exit(0);
  };
  EXPECT_EXIT(without_threads(), ::testing::ExitedWithCode(0), "");
}

// A table's text columns in Apache Arrow's layout (offsets, bytes, validity), the buffers owned
// here; empty cells are missing.
struct ArrowCopy {
  struct Buffers {
    std::vector<std::int64_t> offsets{0};
    std::string bytes;
    std::unique_ptr<bool[]> valid;
  };
  std::vector<Buffers> columns;
  Table table;
  explicit ArrowCopy(const Table& from) : columns(from.columns().size()), table(from.source()) {
    table.set_records(from.records());
    for (std::size_t c = 0; c < from.columns().size(); ++c) {
      const auto& column = from.columns()[c];
      Buffers& b = columns[c];
      b.valid = std::make_unique<bool[]>(from.rows());
      for (std::size_t r = 0; r < from.rows(); ++r) {
        b.bytes += column.text[r];
        b.offsets.push_back(static_cast<std::int64_t>(b.bytes.size()));
        b.valid[r] = !column.text[r].empty();
      }
      table.add_arrow_text_column(column.name, b.offsets.data(), b.bytes.data(), b.valid.get());
    }
  }
};

// A text column's cells, for comparing.
std::vector<std::string_view> cells_of(const TableColumn& column) {
  std::vector<std::string_view> out;
  for (std::size_t r = 0; r < column.text.size(); ++r) out.push_back(column.text[r]);
  return out;
}

TEST(Batch, ArrowLayoutColumnsAreCutByViewAndReadInPlaceByTheBuilder) {
  std::vector<Problem> problems;
  const Table people = parse_csv_table("id,manager_id\na,\nb,a\nc,a\n", "people.csv", problems);
  ArrowCopy arrow(people);
  EXPECT_TRUE(arrow.table.has_arrow_columns());
  EXPECT_EQ(arrow.table.columns()[1].cell(0), "");  // missing
  EXPECT_EQ(arrow.table.columns()[1].cell(2), "a");
  const std::vector<std::uint32_t> rows{2, 0};
  const Table view = arrow.table.view(rows);
  EXPECT_FALSE(view.has_arrow_columns());
  ASSERT_EQ(view.rows(), 2u);
  EXPECT_EQ(cells_of(view.columns()[0]), (std::vector<std::string_view>{"c", "a"}));
  EXPECT_EQ(cells_of(view.columns()[1]), (std::vector<std::string_view>{"a", ""}));
  EXPECT_EQ(view.records(), (std::vector<std::int64_t>{4, 2}));
  // The builder reads an Arrow column in place (its buffers outlive the build) as it reads the
  // same column cut into cells.
  OrgBuilder in_place, cut;
  ArrowCopy given(people);
  in_place.add_table("people", std::move(given.table));
  cut.add_table("people", arrow.table.view(std::vector<std::uint32_t>{0, 1, 2}));
  const Org a = in_place.build(), b = cut.build();
  ASSERT_EQ(a.size(), 3);
  ASSERT_EQ(b.size(), 3);
  for (index_t p = 0; p < 3; ++p) EXPECT_EQ(a.id(p), b.id(p));
  EXPECT_EQ(a.id(0), "a");
}

TEST(Batch, ArrowLayoutNumbersAreCopiedByViewAndRowsNumberedByRule) {
  const std::vector<double> assessment{0.25, std::nan(""), 0.75};
  Table table("people");
  table.set_row_count(3);  // records 1, 2, 3 without an array
  EXPECT_EQ(table.records(), (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(table.record(2), 3);
  table.add_arrow_numeric_column("assessment", assessment.data());
  EXPECT_TRUE(table.has_arrow_columns());
  EXPECT_TRUE(table.columns()[0].numbers.size() == 0);  // read where the caller holds it
  const Table view = table.view(std::vector<std::uint32_t>{2, 1, 0});
  EXPECT_FALSE(view.has_arrow_columns());
  ASSERT_EQ(view.columns()[0].numbers.size(), 3);
  EXPECT_EQ(view.columns()[0].numbers[0], 0.75);
  EXPECT_TRUE(std::isnan(view.columns()[0].numbers[1]));
  EXPECT_EQ(view.columns()[0].numbers[2], 0.25);
  EXPECT_EQ(view.records(), (std::vector<std::int64_t>{3, 2, 1}));
}

TEST(Concurrency, AssessManyOnAPoolEqualsOneThread) {
  std::string people = "team,id,manager_id,tier\n", sharing = "team,person_a,person_b,channel\n";
  for (int t = 0; t < 40; ++t) {
    const std::string team = "t" + std::to_string(t);
    for (int i = 0; i < 9; ++i) {
      people += team + ",p" + std::to_string(i) + "," + (i ? "p" + std::to_string((i - 1) / 3) : "") + "," +
                (i < 2 ? "core" : "execution") + "\n";
      if (i) sharing += team + ",p" + std::to_string(i) + ",p" + std::to_string((i * 7 + t) % i) + ",online\n";
    }
  }
  std::vector<Problem> problems;
  const Table p = parse_csv_table(people, "people.csv", problems);
  const Table s = parse_csv_table(sharing, "sharing.csv", problems);
  ASSERT_TRUE(problems.empty());
  const std::vector<std::pair<std::string, const Table*>> tables{{"people", &p}, {"sharing", &s}};
  const auto one = assess_many(tables, "team", {}, {}, 1);
  const auto four = assess_many(tables, "team", {}, {}, 4);
  ASSERT_EQ(one.size(), 40u);
  ASSERT_EQ(four.size(), 40u);
  for (std::size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(one[i].team, four[i].team);
    for (std::size_t k = 0; k < one[i].scores.size(); ++k)
      if (!std::isnan(one[i].scores[k]) || !std::isnan(four[i].scores[k])) EXPECT_EQ(one[i].scores[k], four[i].scores[k]);
    EXPECT_EQ(one[i].weakest, four[i].weakest);
    EXPECT_EQ(one[i].findings, four[i].findings);
  }
  // Each row's finding counts are those of assess() on the team alone (the batch skips the text
  // of some findings, never the findings).
  for (const int t : {0, 7, 39}) {
    const std::string team = "t" + std::to_string(t) + ",";
    std::string team_people = "id,manager_id,tier\n", team_sharing = "person_a,person_b,channel\n";
    std::istringstream people_lines(people), sharing_lines(sharing);
    for (std::string line; std::getline(people_lines, line);)
      if (line.rfind(team, 0) == 0) team_people += line.substr(team.size()) + "\n";
    for (std::string line; std::getline(sharing_lines, line);)
      if (line.rfind(team, 0) == 0) team_sharing += line.substr(team.size()) + "\n";
    const Report alone = assess(testing::org_from_csv({{"people", team_people}, {"sharing", team_sharing}}));
    std::array<std::size_t, 5> counts{};
    for (const auto& f : alone.findings) ++counts[static_cast<std::size_t>(f.severity)];
    const auto row = std::find_if(one.begin(), one.end(), [&](const TeamResult& r) { return r.team + "," == team; });
    ASSERT_NE(row, one.end());
    EXPECT_EQ(row->findings, counts) << team;
    EXPECT_GT(std::accumulate(counts.begin(), counts.end(), std::size_t{0}), 0u);
  }
  // The same tables with their text in Arrow's layout (as pandas hands it over) give the same rows.
  ArrowCopy arrow_p(p), arrow_s(s);
  const auto in_place = assess_many({{"people", &arrow_p.table}, {"sharing", &arrow_s.table}}, "team", {}, {}, 2);
  ASSERT_EQ(in_place.size(), one.size());
  for (std::size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(in_place[i].team, one[i].team);
    for (std::size_t k = 0; k < one[i].scores.size(); ++k)
      if (!std::isnan(one[i].scores[k]) || !std::isnan(in_place[i].scores[k]))
        EXPECT_EQ(in_place[i].scores[k], one[i].scores[k]);
    EXPECT_EQ(in_place[i].findings, one[i].findings);
  }
  // A batch row holds what assess() gives for that team alone, in assess()'s order.
  const Report single = assess(testing::org_from_csv({{"people", "id,manager_id,tier\np0,,core\np1,p0,core\np2,p0,execution\n"}}));
  ASSERT_EQ(single.scores.size(), batch_scores.size());
  for (std::size_t k = 0; k < batch_scores.size(); ++k) EXPECT_EQ(single.scores[k].name, batch_scores[k]);
}

}  // namespace
}  // namespace teamgraph

namespace teamgraph {
namespace {

// A cancel that comes while the two strands of assess() run, at any moment (succession readiness
// among the first things made, the reserve pool waiting for it on the other strand), ends the
// call with Cancelled or lets it finish: it never hangs, and the org gives the same report after.
TEST(Cancellation, AtAnyMomentOfTheTwoStrandsEndsTheCall) {
  const Org org = two_thread_org();
  const Policy policy = effective_policy(org);
  const Report whole = assess(org, policy, 2);
  const auto started = std::chrono::steady_clock::now();
  assess(org, policy, 2);
  const auto took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
  std::size_t cancelled = 0, finished = 0;
  for (int step = 0; step <= 24; ++step) {
    std::atomic<bool> flag{false};
    const auto delay = took * step / 20;  // from at once to after the call's own time
    std::jthread setter([&] {  // joined however the call ends
      std::this_thread::sleep_for(delay);
      flag = true;
    });
    try {
      CancelScope scope(&flag);
      const Report r = assess(org, policy, 2);
      EXPECT_EQ(r.findings.size(), whole.findings.size());
      ++finished;
    } catch (const Cancelled&) {
      ++cancelled;
    }
  }
  EXPECT_GT(cancelled, 0u);
  EXPECT_EQ(assess(org, policy, 2).findings.size(), whole.findings.size());
  EXPECT_EQ(cancelled + finished, 25u);
}

TEST(Cancellation, ASetFlagStopsTheCallAndTheOrgStaysUsable) {
  const Org org = read_org(std::filesystem::path(TEAMGRAPH_EXAMPLES) / "ecommerce-team");
  std::atomic<bool> cancel{true};
  {
    CancelScope scope(&cancel);
    EXPECT_THROW(assess(org), Cancelled);
    EXPECT_THROW(read_org(std::filesystem::path(TEAMGRAPH_EXAMPLES) / "ecommerce-team"), Cancelled);
  }
  EXPECT_NO_THROW(assess(org));  // outside the scope nothing is cancelled
}

}  // namespace
}  // namespace teamgraph
