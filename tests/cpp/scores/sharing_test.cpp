#include <gtest/gtest.h>

#include <map>

#include "support_fixture.hpp"

namespace teamgraph {
namespace {

using testing::finding;
using testing::org_from_csv;
using testing::support_people;

const std::string tree = "person_a,person_b,channel\nA,B,offline\nB,D,online\nD,E,online\nA,C,offline\n";

TEST(SharingHealth, MeetingsAndNetwork) {
  const Org org = org_from_csv(
      {{"people", support_people},
       {"sharing", tree},
       {"meetings", "meeting_id,date,presenter_id\nm1,2026-03-02,A\nm2,2026-03-09,B\n"},
       {"attendance", "meeting_id,person_id\nm1,A\nm1,B\nm1,C\nm2,A\nm2,B\n"}});
  const auto r = sharing_health(org);
  EXPECT_DOUBLE_EQ(r.figure("weeks")->value, 2.0);
  EXPECT_DOUBLE_EQ(r.figure("meetings_per_week")->value, 1.0);
  EXPECT_DOUBLE_EQ(r.figure("reach")->value, 0.6);
  EXPECT_DOUBLE_EQ(r.figure("ei_index")->value, -0.5);
  EXPECT_DOUBLE_EQ(r.figure("articulation_points")->value, 3.0);  // A, B and D: the network is a tree
  EXPECT_DOUBLE_EQ(r.figure("bridges")->value, 4.0);
  EXPECT_NEAR(r.score, 100.0 * (1 + 1 + 0.6 + 1 + 1 + 1) / 6.0, 1e-9);
  // "D and E never attended a sharing meeting in the period."
  const Finding* never = finding(r, "never_attends");
  ASSERT_NE(never, nullptr);
  EXPECT_EQ(testing::people_of(*never, "people", org), (std::vector<std::string>{"D", "E"}));
  // "The sharing network splits if A, B and D are absent (4 links are bridges)."
  const Finding* broker = finding(r, "broker");
  ASSERT_NE(broker, nullptr);
  EXPECT_EQ(broker->variant, "");
  EXPECT_EQ(broker->args, (std::vector<FindingArg>{FindingArg::count_of("count", 3), FindingArg::people_of("people", 0, 3),
                                                   FindingArg::count_of("bridges", 4)}));
  // "Sharing stays inside departments (E-I index -0.50)."
  const Finding* inward = finding(r, "few_cross_department_links");
  ASSERT_NE(inward, nullptr);
  EXPECT_EQ(inward->args, (std::vector<FindingArg>{FindingArg::num("ei_index", -0.5)}));
  Policy policy;  // the cut-off is the policy's
  policy.sharing.inward_ei_index = -0.6;
  EXPECT_EQ(finding(sharing_health(org, policy), "few_cross_department_links"), nullptr);
}

// Calendar weeks: a meeting every Monday from 6 July to 28 September, in a period from Wednesday
// 1 July to Wednesday 30 September, meets every week. The partial first week (1-5 July) holds no
// meeting and does not count; the partial last week (28-30 September) holds one and counts.
TEST(SharingHealth, APartialWeekAtAnEndCountsOnlyIfItHoldsAMeeting) {
  std::string meetings = "meeting_id,date\n";
  const char* mondays[] = {"07-06", "07-13", "07-20", "07-27", "08-03", "08-10", "08-17",
                           "08-24", "08-31", "09-07", "09-14", "09-21", "09-28"};
  for (const char* day : mondays) meetings += std::string("w") + day + ",2026-" + day + "\n";
  const std::string period = R"({"period": {"start": "2026-07-01", "end": "2026-09-30"}})";
  const auto r = sharing_health(org_from_csv({{"people", support_people}, {"meetings", meetings}}, period));
  EXPECT_DOUBLE_EQ(r.figure("weeks")->value, 13.0);
  EXPECT_DOUBLE_EQ(r.figure("meetings_per_week")->value, 1.0);
  EXPECT_DOUBLE_EQ(r.figure("weeks_without_meeting")->value, 0.0);
  EXPECT_EQ(finding(r, "too_few_meetings"), nullptr);
  EXPECT_EQ(finding(r, "weeks_without_meeting"), nullptr);
  // Without the meeting of 28 September the last partial week does not count either, and the
  // twelve full weeks from 6 July to 27 September each have their meeting.
  meetings.erase(meetings.rfind("w09-28"));
  const auto fewer = sharing_health(org_from_csv({{"people", support_people}, {"meetings", meetings}}, period));
  EXPECT_DOUBLE_EQ(fewer.figure("weeks")->value, 12.0);
  EXPECT_EQ(finding(fewer, "weeks_without_meeting"), nullptr);
  // A full week with no meeting is a week without one: drop 20 July.
  const std::string gap = "meeting_id,date\nw1,2026-07-06\nw2,2026-07-13\nw4,2026-07-27\n";
  const auto holes = sharing_health(org_from_csv(
      {{"people", support_people}, {"meetings", gap}}, R"({"period": {"start": "2026-07-06", "end": "2026-08-02"}})"));
  EXPECT_DOUBLE_EQ(holes.figure("weeks")->value, 4.0);  // 6 July (Monday) to 2 August (Sunday): four full weeks
  EXPECT_DOUBLE_EQ(holes.figure("weeks_without_meeting")->value, 1.0);
  EXPECT_NE(finding(holes, "too_few_meetings"), nullptr);  // 3 meetings in 4 weeks
}

// Without the meetings table the score is the network's parts alone, and its parts say the
// meetings' three were not computed and why (deleting meetings.csv raised the score with no reason).
TEST(SharingHealth, AbsentMeetingsAreNamedAsPartsNotComputed) {
  const Org org = org_from_csv({{"people", support_people}, {"sharing", tree}});
  const auto r = sharing_health(org);
  ASSERT_TRUE(r.assessed);
  EXPECT_DOUBLE_EQ(r.score, 100.0);  // both channels, everyone reachable from the core, no one isolated
  std::map<std::string, std::string> missing;
  for (const auto& p : r.parts)
    if (!p.computed()) missing[p.name] = p.reason;
  EXPECT_EQ(missing, (std::map<std::string, std::string>{{"attendance_reach", "no meetings table"},
                                                         {"meetings_per_week", "no meetings table"},
                                                         {"weeks_with_meeting", "no meetings table"}}));
  EXPECT_EQ(r.parts.size(), 6u);
}

TEST(SharingHealth, OneChannelAndOnePresenter) {
  const Org org = org_from_csv(
      {{"people", support_people},
       {"sharing", "person_a,person_b,channel\nA,B,online\nB,C,online\nC,D,online\nD,E,online\n"},
       {"meetings", "meeting_id,date,presenter_id\nm1,2026-03-02,A\nm2,2026-03-09,A\nm3,2026-03-16,A\n"},
       {"attendance", "meeting_id,person_id\nm1,A\nm2,A\nm3,A\n"}});
  const auto r = sharing_health(org);
  const Finding* channel = finding(r, "one_channel");
  ASSERT_NE(channel, nullptr);  // "Sharing runs only online."
  EXPECT_EQ(channel->args, (std::vector<FindingArg>{FindingArg::word_of("channel", "word.online")}));
  const Finding* presenter = finding(r, "one_presenter");
  ASSERT_NE(presenter, nullptr);  // "A presented 3 of 3 meetings."
  EXPECT_EQ(presenter->args, (std::vector<FindingArg>{FindingArg::people_of("person", 0, 1), FindingArg::count_of("presented", 3),
                                                      FindingArg::count_of("count", 3)}));
  EXPECT_EQ(testing::people_of(*presenter, "person", org), (std::vector<std::string>{"A"}));
  Policy policy;
  policy.sharing.max_presenter_share = 1.0;
  policy.sharing.one_channel_part = 1.0;
  const auto lenient = sharing_health(org, policy);
  EXPECT_EQ(finding(lenient, "one_presenter"), nullptr);
  EXPECT_GT(lenient.score, r.score);  // one channel now costs nothing
}

// Groups of the sharing network without each person, checked by hand: the path A - B - C, the
// pair D - E and F, who shares with no one, are 3 groups. Without B: A, C, D - E and F (4);
// without F: 2; without anyone else: 3. E is the core, so the pass starts outside A's group.
TEST(SharingHealth, GroupsIfAbsent) {
  const Org org = org_from_csv(
      {{"people", "id,manager_id,tier\nA,,execution\nB,A,execution\nC,A,execution\nD,A,execution\nE,A,core\n"
                  "F,A,execution\n"},
       {"sharing", "person_a,person_b,channel\nA,B,online\nB,C,online\nD,E,offline\n"}});
  const auto r = sharing_health(org);
  EXPECT_DOUBLE_EQ(r.figure("groups")->value, 3.0);
  const auto column = std::find_if(r.people.begin(), r.people.end(), [](auto& c) { return c.name == "groups_if_absent"; });
  ASSERT_NE(column, r.people.end());
  std::map<std::string, double> by_id;
  for (index_t p = 0; p < org.size(); ++p) by_id[std::string(org.id(p))] = column->values[p];
  EXPECT_EQ(by_id, (std::map<std::string, double>{{"A", 3}, {"B", 4}, {"C", 3}, {"D", 3}, {"E", 3}, {"F", 2}}));
  // "F shares with no one."
  const Finding* isolated = finding(r, "isolated");
  ASSERT_NE(isolated, nullptr);
  EXPECT_EQ(isolated->args, (std::vector<FindingArg>{FindingArg::count_of("count", 1), FindingArg::people_of("people", 0, 1)}));
}

// A finding's people list has them all; its text names ten at most (the catalog does that).
TEST(Findings, TextNamesTenPeopleThenCountsTheRest) {
  std::string people_csv = "id,manager_id\nT,\n";
  for (int i = 1; i <= 12; ++i) people_csv += "p" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ",T\n";
  const Org org = org_from_csv({{"people", people_csv}, {"sharing", "person_a,person_b,channel\nT,p01,online\n"}});
  const auto r = sharing_health(org);
  const Finding* isolated = finding(r, "isolated");
  ASSERT_NE(isolated, nullptr);
  EXPECT_EQ(isolated->people.size(), 11u);
  // "p02, p03, p04, p05, p06, p07, p08, p09, p10, p11 and 1 more share with no one."
  EXPECT_EQ(isolated->args, (std::vector<FindingArg>{FindingArg::count_of("count", 11), FindingArg::people_of("people", 0, 11)}));
  EXPECT_EQ(testing::people_of(*isolated, "people", org).front(), "p02");
}

}  // namespace
}  // namespace teamgraph
