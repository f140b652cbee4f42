#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

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

// Every figure of the depth-first pass against the definitions, by brute force (take each person
// or link away and search again), on random networks: sparse ones full of trees and bridges,
// dense ones, several core members, people with no link, pairs linked on two channels.
TEST(SharingStructure, MatchesBruteForceOnRandomNetworks) {
  std::mt19937 random(17);
  for (int round = 0; round < 60; ++round) {
    const int n = 1 + static_cast<int>(random() % 40), links = static_cast<int>(random() % (2 * n + 1));
    std::string people = "id,manager_id,tier\n", sharing = "person_a,person_b,channel\n";
    for (int i = 0; i < n; ++i)
      people += "p" + std::to_string(i) + "," + (i ? "p0" : "") + "," + (random() % 6 == 0 ? "core" : "execution") + "\n";
    std::set<std::pair<int, int>> pairs;
    for (int k = 0; k < links; ++k) {
      const int a = static_cast<int>(random() % n), b = static_cast<int>(random() % n);
      if (a == b) continue;
      const auto channel = pairs.insert(std::minmax(a, b)).second ? "online" : "offline";  // a repeat: the other channel
      if (std::string(channel) == "offline" && random() % 2) continue;
      sharing += "p" + std::to_string(a) + ",p" + std::to_string(b) + "," + channel + "\n";
    }
    const Org org = org_from_csv({{"people", people}, {"sharing", sharing}});
    const auto core = people_in_tier(org, Tier::core);
    const auto s = sharing_structure(org, core);
    const auto departure_only = sharing_structure(org, core, /*brokers=*/false);
    // People reached from `from` without `gone` (no_index: nobody gone) and without the link `cut`.
    const auto& g = org.sharing().graph;
    auto reach = [&](const std::vector<index_t>& from, index_t gone, std::pair<index_t, index_t> cut, std::vector<bool>& seen) {
      std::vector<index_t> todo;
      for (const index_t f : from)
        if (f != gone && !seen[f]) seen[f] = true, todo.push_back(f);
      for (std::size_t i = 0; i < todo.size(); ++i)
        for (const index_t w : neighbours(g, todo[i]))
          if (w != gone && !seen[w] && std::pair(std::min(todo[i], w), std::max(todo[i], w)) != cut) seen[w] = true, todo.push_back(w);
      return static_cast<index_t>(todo.size());
    };
    auto groups = [&](index_t gone, std::pair<index_t, index_t> cut) {
      std::vector<bool> seen(static_cast<std::size_t>(n), false);
      index_t count = 0;
      for (index_t p = 0; p < static_cast<index_t>(n); ++p)
        if (p != gone && !seen[p]) ++count, reach({p}, gone, cut, seen);
      return count;
    };
    const std::pair<index_t, index_t> none{no_index, no_index};
    std::vector<bool> before(static_cast<std::size_t>(n), false);
    const index_t reached = reach(core, no_index, none, before);
    EXPECT_EQ(s.reachable_from_core, reached);
    const index_t all_groups = groups(no_index, none);
    EXPECT_EQ(s.groups, all_groups);
    std::vector<index_t> articulation;
    for (index_t p = 0; p < static_cast<index_t>(n); ++p) {
      std::vector<bool> after(static_cast<std::size_t>(n), false);
      const index_t lost = before[p] ? reached - 1 - reach(core, p, none, after) : 0;
      EXPECT_EQ(s.cut_off[p], lost) << "round " << round << ", person " << p;
      EXPECT_EQ(departure_only.cut_off[p], lost) << "round " << round << ", person " << p;
      EXPECT_EQ(s.reaches_core[p], before[p]);
      const index_t without = groups(p, none);
      EXPECT_EQ(s.groups_without[p], without) << "round " << round << ", person " << p;
      if (without > all_groups) articulation.push_back(p);
    }
    EXPECT_EQ(s.articulation_points, articulation) << "round " << round;
    std::vector<std::pair<index_t, index_t>> bridges;
    for (index_t p = 0; p < static_cast<index_t>(n); ++p)
      for (const index_t w : neighbours(g, p))
        if (p < w && groups(no_index, {p, w}) > all_groups) bridges.emplace_back(p, w);
    bridges.erase(std::unique(bridges.begin(), bridges.end()), bridges.end());
    EXPECT_EQ(s.bridges, bridges) << "round " << round;
  }
}

}  // namespace
}  // namespace teamgraph
