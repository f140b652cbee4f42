#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>

#include "support_fixture.hpp"

namespace teamgraph {
namespace {

using testing::finding;
using testing::org_from_csv;
using testing::support_people;

// Twelve Mondays from 2026-01-05 (week W0) to 2026-03-23 (W11), one row a week for each channel
// as a whole. Tmall: steady at about 100 inquiries, 97% answered, 20 orders, but W6 (2026-02-16)
// brings 250 inquiries and the same team answers 120 (48%), and W9 is a holiday (40 inquiries, 30
// answered). JD: 50 inquiries a week, 49 answered, 10 orders (20%) until W5, then 9, 8, 7, 6, 6, 6.
std::string weekly_series() {
  const int tmall_inquiries[] = {100, 104, 96, 100, 102, 98, 250, 101, 99, 40, 100, 103};
  const int tmall_replied[] = {97, 101, 93, 97, 99, 95, 120, 98, 96, 30, 97, 100};
  const int jd_orders[] = {10, 10, 10, 10, 10, 10, 9, 8, 7, 6, 6, 6};
  const char* mondays[] = {"2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09",
                           "2026-02-16", "2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"};
  std::ostringstream out;
  out << "date,channel,inquiries,replied,first_reply_minutes,orders\n";
  for (int w = 0; w < 12; ++w) {
    const int minutes = w == 6 ? 40 : w == 9 ? 20 : 5;
    out << mondays[w] << ",Tmall," << tmall_inquiries[w] << "," << tmall_replied[w] << "," << minutes << ",20\n";
    out << mondays[w] << ",JD,50,49,6," << jd_orders[w] << "\n";
  }
  return out.str();
}

const std::string quarter = R"({"period": {"start": "2026-01-05", "end": "2026-03-29"}})";

TEST(MarketResponse, AbsentWithoutOperations) {
  const auto r = market_response(org_from_csv({{"people", support_people}}));
  EXPECT_FALSE(r.assessed);
  EXPECT_EQ(r.absent_reason, "no operations table");
}

TEST(MarketResponse, WeekByWeekFlags) {
  const Org org = org_from_csv({{"people", support_people}, {"operations", weekly_series()}}, quarter);
  const auto r = market_response(org);
  ASSERT_TRUE(r.assessed);
  // Tmall W6: inquiries against W0..W5 (median 100, MAD 2: spread max(1.4826 x 2, 0.1 x 100) = 10):
  // z = 15; the reply rate 120/250 = 0.48 against a median of 0.97 (spread the floor 0.02): z = -24.5.
  const Finding* surge = finding(r, "demand_not_followed");
  ASSERT_NE(surge, nullptr);
  EXPECT_EQ(surge->arg("channel")->items[0], "Tmall");
  EXPECT_EQ(surge->arg("week")->items[0], "2026-02-16");
  EXPECT_EQ(surge->arg("count")->number, 1);
  EXPECT_DOUBLE_EQ(surge->arg("inquiries")->number, 250);
  EXPECT_DOUBLE_EQ(surge->arg("usual_inquiries")->number, 100);
  EXPECT_DOUBLE_EQ(surge->arg("rate")->number, 0.48);
  EXPECT_DOUBLE_EQ(surge->arg("usual_rate")->number, 0.97);
  EXPECT_EQ(surge->variant, "");
  EXPECT_EQ(surge->severity, FindingSeverity::high);
  // JD: the four weeks to W9 (0.18, 0.16, 0.14, 0.12; median 0.15) are all below W0..W5's 0.20,
  // 2.5 spreads (0.02) down, and so are those to W10 and W11: one decline from W6 to W11.
  const Finding* decline = finding(r, "conversion_falling");
  ASSERT_NE(decline, nullptr);
  EXPECT_EQ(decline->arg("channel")->items[0], "JD");
  EXPECT_EQ(decline->arg("first_week")->items[0], "2026-02-16");
  EXPECT_EQ(decline->arg("last_week")->items[0], "2026-03-23");
  EXPECT_EQ(decline->arg("count")->number, 6);
  EXPECT_DOUBLE_EQ(decline->arg("before")->number, 0.2);
  EXPECT_DOUBLE_EQ(decline->arg("after")->number, 0.12);
  EXPECT_DOUBLE_EQ(decline->arg("inquiries")->number, 50);
  // Nothing else: the holiday (W9) is one week of fewer inquiries, and the typical weeks meet the targets.
  EXPECT_EQ(r.findings.size(), 2u);
  // Parts: 1711 of 1893 inquiries answered; minutes: the replies' weighted median is 5; 1 of 16
  // weeks judged for a surge (W4..W11 of each channel) flagged; 3 of 10 for a decline (W7..W11).
  ASSERT_EQ(r.parts.size(), 5u);
  EXPECT_DOUBLE_EQ(r.parts[0].value, (1711.0 / 1893.0) / 0.95);
  EXPECT_DOUBLE_EQ(r.parts[1].value, 1.0);
  EXPECT_DOUBLE_EQ(r.parts[2].value, 1.0 - 1.0 / 16.0);
  EXPECT_DOUBLE_EQ(r.parts[3].value, 1.0 - 3.0 / 10.0);
  EXPECT_EQ(r.parts[4].name, "channel_coverage");
  EXPECT_FALSE(r.parts[4].computed());
  EXPECT_EQ(r.parts[4].reason, "no row names who answered");
  EXPECT_NEAR(r.score, 100.0 * ((1711.0 / 1893.0) / 0.95 + 1.0 + 0.9375 + 0.7) / 4.0, 1e-9);
  EXPECT_DOUBLE_EQ(r.figure("first_reply_minutes")->value, 5);
  EXPECT_DOUBLE_EQ(r.figure("conversion")->value, (20.0 * 12 + 60 + 9 + 8 + 7 + 6 + 6 + 6) / 1893.0);

  // The policy sets the sensitivity: a threshold of 16 spreads misses the surge.
  Policy policy;
  policy.market.threshold = 16;
  EXPECT_EQ(finding(market_response(org, policy), "demand_not_followed"), nullptr);
}

TEST(MarketResponse, AHolidayWeekRaisesNoAlarm) {
  // Flat weeks but one: a holiday with a fifth of the inquiries, half answered, no orders.
  std::string csv = "date,channel,inquiries,replied,orders\n";
  const char* mondays[] = {"2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02",
                           "2026-02-09", "2026-02-16", "2026-02-23", "2026-03-02", "2026-03-09"};
  for (int w = 0; w < 10; ++w)
    csv += std::string(mondays[w]) + (w == 6 ? ",Shop,20,10,0\n" : ",Shop,100,98,20\n");
  const auto r = market_response(org_from_csv({{"people", support_people}, {"operations", csv}}));
  EXPECT_TRUE(r.findings.empty());
  EXPECT_DOUBLE_EQ(r.parts[2].value, 1.0);  // no week of demand not followed
  EXPECT_DOUBLE_EQ(r.parts[3].value, 1.0);  // and no sustained decline
}

// Last year saw the same surge in the same week: the finding says the season was known.
TEST(MarketResponse, SameWeeksLastYear) {
  std::string csv = "date,channel,inquiries,replied\n";
  const std::int64_t monday = 1767571200;  // 2026-01-05
  for (int w = -60; w < 10; ++w) {
    const bool surge = w == 6 || w == 6 - 52;
    const std::int64_t date = monday + std::int64_t{w} * 7 * 86400;
    csv += std::to_string(date) + (surge ? ",Shop,300,100\n" : ",Shop,100,98\n");
  }
  const auto r = market_response(org_from_csv({{"people", support_people}, {"operations", csv}}, quarter));
  const Finding* surge = finding(r, "demand_not_followed");
  ASSERT_NE(surge, nullptr);
  EXPECT_EQ(surge->variant, "seasonal");
  EXPECT_EQ(surge->arg("week")->items[0], "2026-02-16");
  EXPECT_DOUBLE_EQ(surge->arg("last_year_inquiries")->number, 300);
  EXPECT_DOUBLE_EQ(surge->arg("last_year_usual")->number, 100);
  EXPECT_EQ(r.findings.size(), 1u);  // last year's own surge is history, not a finding
}

// People's rows: one person answers most of a channel, one answers too few; groups under the
// minimum size are withheld and say nothing.
const std::string people_rows = [] {
  std::string csv = "date,channel,person_id,inquiries,replied,first_reply_minutes\n";
  const char* days[] = {"2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"};
  for (const char* day : days) {
    csv += std::string(day) + ",WeChat,A,80,80,4\n";
    csv += std::string(day) + ",WeChat,B,10,10,4\n";
    csv += std::string(day) + ",WeChat,C,10,10,4\n";
    csv += std::string(day) + ",JD,C,10,10,4\n";
    csv += std::string(day) + ",JD,D,10,8,15\n";
    csv += std::string(day) + ",JD,E,10,10,5\n";
  }
  return csv;
}();

TEST(MarketResponse, PeopleChannelsAndPrivacy) {
  const Org org = org_from_csv({{"people", support_people}, {"operations", people_rows}});
  const auto r = market_response(org);
  // A gives 400 of WeChat's 500 answers: 80%, above max_person_share 0.5.
  const Finding* one = finding(r, "one_person_channel");
  ASSERT_NE(one, nullptr);
  EXPECT_EQ(testing::people_of(*one, "person", org), (std::vector<std::string>{"A"}));
  EXPECT_DOUBLE_EQ(one->arg("share")->number, 0.8);
  EXPECT_EQ(one->arg("count")->number, 3);
  // D answers 80% of their inquiries each week and takes 15 minutes to a first reply; JD answers
  // 28 of 30 (93%) a week; its minutes, the weighted median of 4 (C, weight 10), 5 (E, 10) and
  // 15 (D, 8), are 5.
  std::vector<std::string> below;
  for (const auto& f : r.findings)
    if (f.code == "low_reply_rate" || f.code == "slow_first_reply")
      below.push_back(f.code + "." + f.variant + ":" +
                      (f.variant == "channel" ? f.arg("channel")->items[0] : testing::people_of(f, "person", org).front()));
  std::sort(below.begin(), below.end());
  EXPECT_EQ(below, (std::vector<std::string>{"low_reply_rate.:D", "low_reply_rate.channel:JD", "slow_first_reply.:D"}));
  const Finding* d_rate = finding(r, "low_reply_rate");
  ASSERT_NE(d_rate, nullptr);
  EXPECT_EQ(r.findings.size(), 4u);
  // Groups: the departments (x: A, B, C; y: D, E) and the channels (3 and 2 answerers) are all
  // under the minimum of 5: withheld, and no department finding names them.
  for (const auto& g : r.groups) {
    EXPECT_TRUE(std::isnan(g.value)) << g.kind << " " << g.group << " " << g.figure;
    EXPECT_FALSE(g.withheld.empty());
  }
  for (const auto& f : r.findings) EXPECT_NE(f.variant, "department");
  // The channel coverage: WeChat has one main answerer, JD none (C and E give 10 of 28 each).
  EXPECT_DOUBLE_EQ(r.parts[4].value, 0.5);
  const auto answerers = channel_answerers(org, Policy{}.market);
  ASSERT_EQ(answerers.channels.size(), 2u);  // JD, WeChat
  EXPECT_EQ(answerers.answerers, (std::vector<std::uint32_t>{3, 3}));
  EXPECT_EQ(answerers.bus_factor, (std::vector<std::uint32_t>{2, 1}));
  EXPECT_DOUBLE_EQ(answerers.top_share[1], 0.8);
  EXPECT_EQ(answerers.channels_led[*org.find("A")], 1u);
  EXPECT_EQ(answerers.channels_led[*org.find("E")], 0u);
  // A minimum group size of 2 publishes department y (D, E): 0.8 and 1.0, mean 0.9.
  Policy small;
  small.min_group_size = 2;
  const auto open = market_response(org, small);
  const auto y = std::find_if(open.groups.begin(), open.groups.end(), [](const GroupFigure& g) {
    return g.kind == "department" && g.group == "y" && g.figure == "reply_rate";
  });
  ASSERT_NE(y, open.groups.end());
  EXPECT_DOUBLE_EQ(y->value, 0.9);
}

TEST(MarketResponse, DepartureImpactCountsTheChannelsLed) {
  const Org org = org_from_csv({{"people", support_people}, {"operations", people_rows}});
  const auto d = departure_impact(org);
  ASSERT_TRUE(d.market_assessed);
  EXPECT_EQ(d.channels_led[*org.find("A")], 1u);
  EXPECT_EQ(d.channels_led[*org.find("B")], 0u);
  // A: 4 of 5 people under them, 1 of 2 channels; weights 0.2 and 0.2 (no leadership, sharing or
  // contributions data): (0.2 x 4/5 + 0.2 x 1/2) / 0.4 = 0.65.
  EXPECT_DOUBLE_EQ(d.impact[*org.find("A")], (0.2 * 4.0 / 5.0 + 0.2 * 0.5) / 0.4);
}

TEST(MarketResponse, RowOrderDoesNotMatter) {
  std::string line;
  // The weekly series and the people's rows in one table, in two orders.
  std::string a = "date,channel,person_id,inquiries,replied,first_reply_minutes,orders\n";
  std::vector<std::string> rows;
  std::istringstream series(weekly_series());
  std::getline(series, line);
  while (std::getline(series, line)) {
    const auto comma = line.find(',', line.find(',') + 1);
    rows.push_back(line.substr(0, comma) + "," + line.substr(comma));
  }
  std::istringstream named(people_rows);
  std::getline(named, line);
  while (std::getline(named, line)) rows.push_back(line + ",");
  for (const auto& row : rows) a += row + "\n";
  std::mt19937 shuffle_seed(7);
  std::shuffle(rows.begin(), rows.end(), shuffle_seed);
  std::string b = "date,channel,person_id,inquiries,replied,first_reply_minutes,orders\n";
  for (const auto& row : rows) b += row + "\n";
  const Org first = org_from_csv({{"people", support_people}, {"operations", a}}, quarter);
  const Org second = org_from_csv({{"people", support_people}, {"operations", b}}, quarter);
  const auto x = market_response(first), y = market_response(second);
  EXPECT_EQ(x.score, y.score);
  ASSERT_EQ(x.findings.size(), y.findings.size());
  for (std::size_t k = 0; k < x.findings.size(); ++k)
    EXPECT_EQ(describe(x.findings[k], first), describe(y.findings[k], second));
  ASSERT_EQ(x.groups.size(), y.groups.size());
  for (std::size_t k = 0; k < x.groups.size(); ++k) EXPECT_EQ(x.groups[k].group, y.groups[k].group);
}

// Counts so large that their sum overflows a double (each one finite, so the reader takes it):
// A's two days of 1e308 answers sum to infinity, and so does WeChat's total. The bus factor
// counted people until they covered half of that total; half of infinity is never passed, so it
// read past the end of the channel's people (a heap overflow under ASan). Now it stops at the
// people there are, and a share of an infinite total is not measured (no one_person finding).
TEST(MarketResponse, CountsWhoseSumOverflowsReadNoFurtherThanTheChannelsPeople) {
  const Org org = org_from_csv({{"people", support_people},
                                {"operations",
                                 "date,channel,person_id,inquiries,replied\n"
                                 "2026-01-05,WeChat,A,1e308,1e308\n"
                                 "2026-01-06,WeChat,A,1e308,1e308\n"
                                 "2026-01-05,JD,B,10,10\n"}});
  const auto answerers = channel_answerers(org, Policy{}.market);
  ASSERT_EQ(answerers.channels.size(), 2u);  // JD, WeChat
  EXPECT_EQ(answerers.answerers, (std::vector<std::uint32_t>{1, 1}));
  EXPECT_EQ(answerers.bus_factor, (std::vector<std::uint32_t>{1, 1}));
  EXPECT_DOUBLE_EQ(answerers.top_share[0], 1.0);
  EXPECT_TRUE(std::isnan(answerers.top_share[1]));
  EXPECT_EQ(answerers.channels_led[*org.find("A")], 0u);
  EXPECT_EQ(answerers.channels_led[*org.find("B")], 1u);
  const auto r = market_response(org);
  EXPECT_TRUE(r.assessed);
  EXPECT_TRUE(std::isfinite(r.score));
}

// Found by fuzz_org (tests/data/fuzz-regressions/fuzz_org/channel-of-no-inquiries.bin): a
// channel's figure that cannot be computed (a day of 0 inquiries has no reply rate; rows without
// `replied` or `orders`) was NaN with no reason when no row named a person (a group of size 0 is
// not withheld), or when five people answered it (enough to publish). Each now says why.
TEST(MarketResponse, AChannelFigureNotMeasuredSaysWhy) {
  auto channel_groups = [](const ScoreReport& r) {
    std::vector<std::string> out;
    for (const auto& g : r.groups)
      if (g.kind == "channel")
        out.push_back(g.group + " " + g.figure + " " + (std::isnan(g.value) ? "n/a: " + g.withheld : std::to_string(g.value)));
    return out;
  };
  const Org none = org_from_csv({{"people", support_people},
                                 {"operations", "date,channel,person_id,inquiries,replied,first_reply_minutes,orders\n"
                                                "2026-01-10,Tmall,,0,0,0,0\n"}});
  EXPECT_EQ(channel_groups(market_response(none)),
            (std::vector<std::string>{"Tmall inquiries 0.000000", "Tmall reply_rate n/a: no inquiries with replies given",
                                      "Tmall first_reply_minutes n/a: no first reply minutes given on rows with replies",
                                      "Tmall conversion n/a: no inquiries with orders given",
                                      "Tmall bus_factor n/a: no row names who answered"}));
  // Five people answer WeChat (the minimum group size), with neither replies nor orders given.
  std::string rows = "date,channel,person_id,inquiries\n";
  for (const char* p : {"A", "B", "C", "D", "E"}) rows += std::string("2026-01-05,WeChat,") + p + ",10\n";
  const Org five = org_from_csv({{"people", support_people}, {"operations", rows}});
  EXPECT_EQ(channel_groups(market_response(five)),
            (std::vector<std::string>{"WeChat inquiries 50.000000", "WeChat reply_rate n/a: no inquiries with replies given",
                                      "WeChat first_reply_minutes n/a: no first reply minutes given on rows with replies",
                                      "WeChat conversion n/a: no inquiries with orders given", "WeChat bus_factor 3.000000"}));
}

TEST(MarketResponse, EveryProblemOfTheTableAtOnce) {
  const auto problems = testing::problems_of(
      {{"people", support_people},
       {"operations",
        "date,channel,person_id,inquiries,replied,orders\n"
        "2026-01-05,Tmall,A,10,9,1\n"       // line 2
        "2026-01-05T18:00:00Z,Tmall,A,10,9,1\n"  // line 3: the same day, channel and person again
        "2026-01-05,Tmall,Z,10,9,1\n"       // line 4: no such person
        "2026-01-05,JD,B,-3,0,0\n"          // line 5: a negative count
        "2026-01-05,,C,10,9,1\n"            // line 6: no channel
        "2026-01-05,JD,C,,,\n"              // line 7: no inquiries
        "someday,JD,D,10,9,1\n"            // line 8: no date
        "2026-01-06,JD,E,10,12,1\n"}});    // line 9: more replies than inquiries
  const auto replied = std::find_if(problems.begin(), problems.end(),
                                    [](const Problem& p) { return p.key == "problem.out_of_range.replied"; });
  ASSERT_NE(replied, problems.end());
  EXPECT_TRUE(replied->file == "operations.csv" && replied->record == 9 && replied->person_id == "E" &&
              replied->field == "replied");
  EXPECT_EQ(replied->message, "replied is 12, more than the row's 10 inquiries");
  auto has = [&](const std::string& code, std::int64_t record, const std::string& person, const std::string& field) {
    return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
      return p.code == code && p.record == record && p.person_id == person && p.field == field && p.file == "operations.csv";
    });
  };
  EXPECT_TRUE(has("duplicate_record", 3, "A", "person_id")) << problems.size();
  EXPECT_TRUE(has("unknown_id", 4, "Z", "person_id"));
  EXPECT_TRUE(has("out_of_range", 5, "B", "inquiries"));
  EXPECT_TRUE(has("missing_value", 6, "C", "channel"));
  EXPECT_TRUE(has("missing_value", 7, "C", "inquiries"));
  EXPECT_TRUE(has("bad_date", 8, "D", "date"));
  EXPECT_EQ(problems.size(), 7u);
}

}  // namespace
}  // namespace teamgraph
