#include <gtest/gtest.h>

#include <algorithm>

#include "../helpers.hpp"

namespace teamgraph {
namespace {

using testing::org_from_csv;

// A sharing network small enough to check by hand: A (the core) - B - C - D, B - E, and F alone.
TEST(SharingStructure, CutOffCountsBrokersAndBridgesByHand) {
  const std::string team = "id,manager_id,tier\nA,,core\nB,A,execution\nC,A,execution\nD,A,execution\n"
                           "E,A,execution\nF,A,execution\n";
  for (const bool repeated : {false, true}) {  // A-B also offline: a pair on two channels counts once
    std::string links = "person_a,person_b,channel\nA,B,online\nB,C,online\nC,D,online\nB,E,online\n";
    if (repeated) links += "B,A,offline\n";
    const Org org = org_from_csv({{"people", team}, {"sharing", links}});
    auto at = [&](const char* id) { return *org.find(id); };
    const auto s = sharing_structure(org, {at("A")});
    // Without A, B's part (4 people) loses the core; without B, C, D and E; without C, D.
    EXPECT_EQ(s.cut_off[at("A")], 4u);
    EXPECT_EQ(s.cut_off[at("B")], 3u);
    EXPECT_EQ(s.cut_off[at("C")], 1u);
    for (const char* leaf : {"D", "E", "F"}) EXPECT_EQ(s.cut_off[at(leaf)], 0u) << leaf;
    EXPECT_EQ(s.reachable_from_core, 5);
    EXPECT_FALSE(s.reaches_core[at("F")]);
    std::vector<index_t> brokers{at("B"), at("C")};
    std::sort(brokers.begin(), brokers.end());
    EXPECT_EQ(s.articulation_points, brokers);
    EXPECT_EQ(s.bridges.size(), 4u);  // a tree: every link is a bridge
  }
  // Closing the cycle B - C - D - E - B: C no longer cuts anyone off, only A - B is a bridge.
  const Org ring = org_from_csv(
      {{"people", team}, {"sharing", "person_a,person_b,channel\nA,B,online\nB,C,online\nC,D,online\nB,E,online\n"
                                      "D,E,offline\n"}});
  const auto s = sharing_structure(ring, {*ring.find("A")});
  EXPECT_EQ(s.cut_off[*ring.find("B")], 3u);
  EXPECT_EQ(s.cut_off[*ring.find("C")], 0u);
  EXPECT_EQ(s.articulation_points, std::vector<index_t>{*ring.find("B")});
  ASSERT_EQ(s.bridges.size(), 1u);
  const index_t a = *ring.find("A"), b = *ring.find("B");
  EXPECT_EQ(s.bridges[0], std::make_pair(std::min(a, b), std::max(a, b)));
}

}  // namespace
}  // namespace teamgraph
