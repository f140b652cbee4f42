// Hostile shapes for the market, talent grid and reserve pool: inputs built to find a quadratic
// loop or a loop over a calendar span. Each bound is generous (the sanitizer build runs these too);
// a quadratic shape of this size would take minutes.

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include "helpers.hpp"
#include "teamgraph/scores/market_response.hpp"
#include "teamgraph/scores/talent_grid.hpp"

namespace teamgraph {
namespace {

using testing::org_from_csv;

const std::string two_people = "id,manager_id,department\nA,,x\nB,A,x\n";

// YYYY-MM-DD of a day counted from 1970-01-01 (proleptic Gregorian, days may be negative).
std::string date_of(std::int64_t day) {
  // Howard Hinnant's civil_from_days.
  const std::int64_t z = day + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lld", static_cast<long long>(y), static_cast<long long>(m),
                static_cast<long long>(d));
  return buffer;
}

template <class F>
double seconds(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(HostileShapes, DatesOfCivilCalendar) {
  EXPECT_EQ(date_of(0), "1970-01-01");
  EXPECT_EQ(date_of(-25567), "1900-01-01");
  EXPECT_EQ(date_of(20454), "2026-01-01");
}

// One channel with a row every day for 100,000 days (1900 to 2173): about 14,300 weeks, each
// judged against its trailing window; linear in the weeks.
TEST(HostileShapes, OneChannelOfAHundredThousandDays) {
  std::string operations = "date,channel,person_id,inquiries,replied,first_reply_minutes,orders\n";
  for (std::int64_t d = 0; d < 100'000; ++d)
    operations += date_of(-25567 + d) + ",Tmall," + (d % 2 ? "A" : "B") + "," + std::to_string(100 + d % 7) + "," +
                  std::to_string(90 + d % 5) + ",5," + std::to_string(10 + d % 3) + "\n";
  const Org org = org_from_csv({{"people", two_people}, {"operations", operations}});
  ScoreReport r;
  EXPECT_LT(seconds([&] { r = market_response(org); }), 10.0);
  EXPECT_TRUE(r.assessed);
  EXPECT_GT(r.figures[1].value, 14'000);  // weeks
}

// 100,000 channels of one row each.
TEST(HostileShapes, AHundredThousandChannelsOfOneRow) {
  std::string operations = "date,channel,person_id,inquiries,replied\n";
  for (int c = 0; c < 100'000; ++c)
    operations += "2026-01-05,c" + std::to_string(c) + "," + (c % 2 ? "A" : "B") + ",10," + std::to_string(c % 11) + "\n";
  const Org org = org_from_csv({{"people", two_people}, {"operations", operations}});
  ScoreReport r;
  EXPECT_LT(seconds([&] { r = market_response(org); }), 10.0);
  EXPECT_TRUE(r.assessed);
  EXPECT_EQ(r.figures[0].value, 100'000);  // channels
}

// Two rows, a day in 1900 and a day in 2100, in a period spanning them: no loop over the ~10,400
// weeks between.
TEST(HostileShapes, TwoRowsTwoCenturiesApart) {
  const Org org = org_from_csv({{"people", two_people},
                                {"operations",
                                 "date,channel,inquiries,replied,orders\n"
                                 "1900-01-01,Tmall,10,9,1\n2100-12-31,Tmall,10,9,1\n"}},
                               R"({"period": {"start": "1900-01-01", "end": "2100-12-31"}})");
  ScoreReport r;
  EXPECT_LT(seconds([&] { r = market_response(org); }), 1.0);
  EXPECT_TRUE(r.assessed);
  EXPECT_EQ(r.figures[1].value, 10'488);  // calendar weeks from Monday 1900-01-01 to the week of 2100-12-31
}

// 20,000 core people in one department on one chain (each manages the next), all placed on the
// grid, none with a named successor but the last: every one a key position without cover. Each
// seat looks at suggestion_search people of the pool at most, and most of them are above it.
TEST(HostileShapes, EveryoneAKeyPositionOnALongChain) {
  constexpr int n = 20'000;
  std::string people = "id,manager_id,department,tier,assessment,potential\n";
  for (int i = 0; i < n; ++i)
    people += "p" + std::to_string(i) + "," + (i ? "p" + std::to_string(i - 1) : std::string()) + ",d,core," +
              std::to_string((i * 7919) % 1000 / 1000.0) + "," + std::to_string((i * 104729) % 997 / 997.0) + "\n";
  const Org org = org_from_csv(
      {{"people", people}, {"successors", "incumbent_id,successor_id,readiness\np19998,p19999,ready_3y_plus\n"}});
  SuccessorSuggestions s;
  EXPECT_LT(seconds([&] { s = suggest_successors(org, Policy{}); }), 10.0);
  EXPECT_TRUE(s.assessed);
  EXPECT_GE(s.seats.size(), static_cast<std::size_t>(n - 1));
  Report report;
  EXPECT_LT(seconds([&] { report = assess(org); }), 60.0);
}

}  // namespace
}  // namespace teamgraph
