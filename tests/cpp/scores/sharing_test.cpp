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
