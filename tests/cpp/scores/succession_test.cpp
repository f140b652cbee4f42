#include <gtest/gtest.h>

#include <filesystem>

#include "../helpers.hpp"

namespace teamgraph {
namespace {

using testing::org_from_csv;

const std::string& people = testing::small_people;
const std::string& successors = testing::small_successors;

TEST(SuccessionReadiness, BenchStrengthAndCoverage) {
  const Org org = org_from_csv({{"people", people}, {"successors", successors}});
  const auto r = succession_readiness(org);
  ASSERT_TRUE(r.assessed);
  ASSERT_EQ(r.positions.size(), 3u);  // the core: A, B, C
  const auto by = [&](const char* id) {
    return *std::find_if(r.positions.begin(), r.positions.end(), [&](auto& k) { return org.id(k.incumbent) == id; });
  };
  EXPECT_DOUBLE_EQ(by("A").bench_strength, 1.0);
  EXPECT_TRUE(by("A").covered);
  EXPECT_DOUBLE_EQ(by("B").bench_strength, 0.75);
  EXPECT_DOUBLE_EQ(by("B").score, 75.0);
  EXPECT_DOUBLE_EQ(by("C").bench_strength, 0.0);
  EXPECT_NEAR(r.score, (100.0 + 75.0 + 0.0) / 3.0, 1e-12);
  EXPECT_NEAR(r.covered_share, 1.0 / 3.0, 1e-12);

  std::vector<std::string> codes;
  for (const auto& f : r.findings) codes.push_back(f.code + ":" + std::string(org.id(f.people.at(0))));
  EXPECT_EQ(codes, (std::vector<std::string>{"uncovered_key_position:B", "uncovered_key_position:C",
                                             "uncovered_successor:B"}));
  // "B holds a key position (core) and no successor is ready now; the nearest is D (ready_1_2y)."
  EXPECT_EQ(r.findings[0].variant, "core");
  EXPECT_EQ(r.findings[0].args,
            (std::vector<FindingArg>{FindingArg::people_of("holder", 0, 1), FindingArg::people_of("nearest", 1, 1),
                                     FindingArg::word_of("readiness", "word.readiness.ready_1_2y")}));
  EXPECT_EQ(org.id(r.findings[0].people[1]), "D");
  EXPECT_EQ(r.findings[1].variant, "core.none_named");  // C: no successor named
  EXPECT_EQ(r.findings[1].args, std::vector<FindingArg>{FindingArg::people_of("holder", 0, 1)});
}

TEST(SuccessionReadiness, SharedSuccessorsCountFractionally) {
  const Org org = org_from_csv(
      {{"people", people},
       {"successors", "incumbent_id,successor_id,readiness\nA,D,ready_now\nB,D,ready_now\nC,D,ready_now\n"}});
  const auto r = succession_readiness(org);
  for (const auto& k : r.positions) EXPECT_NEAR(k.bench_strength, 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(r.score, 100.0 / 3.0, 1e-12);
  EXPECT_EQ(r.findings.back().code, "overloaded_successor");
  EXPECT_EQ(r.findings.back().args,
            (std::vector<FindingArg>{FindingArg::people_of("successor", 0, 1), FindingArg::count_of("count", 3)}));
}

TEST(SuccessionReadiness, VacancyCascadeStopsAtTheFirstSeatNobodyCanFill) {
  const Org org = org_from_csv({{"people", people}, {"successors", successors}});
  const auto c = vacancy_cascade(org, *org.find("A"));
  ASSERT_EQ(c.promoted.size(), 1u);
  EXPECT_EQ(org.id(c.seats[0]), "A");
  EXPECT_EQ(org.id(c.promoted[0]), "B");
  EXPECT_EQ(org.id(c.unfilled), "B");  // B's own successors are not ready now
}

TEST(SuccessionReadiness, EveryLoopIsFoundAndNothingElse) {
  // Two loops ({B, C} and {D, E, F}), a chain into a loop (G -> H -> D) and one named out of a
  // loop (C -> I): loops are found among the people
  // who both name a successor and are named, and each is one finding with its people ascending.
  const Org org = org_from_csv(
      {{"people", "id,tier,manager_id\nA,core,\nB,core,A\nC,core,A\nD,execution,B\nE,execution,B\nF,execution,C\n"
                  "G,execution,C\nH,execution,A\nI,execution,A\n"},
       {"successors", "incumbent_id,successor_id,readiness\nA,B,ready_now\nB,C,ready_now\nC,B,ready_now\n"
                      "D,E,ready_1_2y\nE,F,ready_1_2y\nF,D,ready_3y_plus\nG,H,ready_now\nH,D,ready_now\nC,I,ready_now\n"}});
  const auto r = succession_readiness(org);
  std::vector<std::string> loops;
  for (const auto& f : r.findings)
    if (f.code == "successor_loop") {
      std::string ids;
      for (const auto p : f.people) ids += std::string(org.id(p)) + " ";
      loops.push_back(ids);
      EXPECT_EQ(f.args, std::vector<FindingArg>{FindingArg::people_of("people", 0, f.people.size())});
    }
  std::sort(loops.begin(), loops.end());
  EXPECT_EQ(loops, (std::vector<std::string>{"B C ", "D E F "}));
}

TEST(SuccessionReadiness, LoopsAreFound) {
  const Org org = org_from_csv(
      {{"people", people},
       {"successors", "incumbent_id,successor_id,readiness\nB,C,ready_now\nC,B,ready_now\nA,B,ready_now\n"}});
  const auto r = succession_readiness(org);
  const auto loop = std::find_if(r.findings.begin(), r.findings.end(), [](auto& f) { return f.code == "successor_loop"; });
  ASSERT_NE(loop, r.findings.end());
  EXPECT_EQ(std::string(org.id(loop->people.at(0))) + " " + std::string(org.id(loop->people.at(1))), "B C");
  EXPECT_EQ(loop->args, std::vector<FindingArg>{FindingArg::people_of("people", 0, 2)});
  // A's cascade: B fills A, C fills B, and B cannot fill C twice: C's seat is the first unfilled.
  const auto c = vacancy_cascade(org, *org.find("A"));
  EXPECT_EQ(c.promoted.size(), 2u);
  EXPECT_EQ(org.id(c.unfilled), "C");
}

TEST(SuccessionReadiness, AbsentWithoutTheTableZeroWithAnEmptyOne) {
  EXPECT_FALSE(succession_readiness(org_from_csv({{"people", people}})).assessed);
  const auto r = succession_readiness(org_from_csv({{"people", people}, {"successors", "incumbent_id,successor_id,readiness\n"}}));
  EXPECT_TRUE(r.assessed);
  EXPECT_DOUBLE_EQ(r.score, 0.0);
}

// The article's two cases (S1): a lone leader with no reserve collapses; trained reserves hold.
TEST(ArticleCases, LoneLeaderScoresLowAndRanksFirst) {
  const Org org = read_org(std::filesystem::path(TEAMGRAPH_TEST_DATA) / "article-lone-leader");
  const Report r = assess(org);
  EXPECT_LE(r.score("succession_readiness")->value, 20.0);
  EXPECT_EQ(org.id(r.departure.ranking.front()), "vp");
  EXPECT_GT(r.departure.coverage_drop[*org.find("vp")], 50.0);
}

TEST(ArticleCases, TrainedReservesScoreHighAndKeepCoverage) {
  const Org org = read_org(std::filesystem::path(TEAMGRAPH_TEST_DATA) / "article-reserves");
  const Report r = assess(org);
  EXPECT_GE(r.score("succession_readiness")->value, 80.0);
  EXPECT_GE(r.score("leadership_coverage")->value, 90.0);
  EXPECT_DOUBLE_EQ(r.departure.coverage_drop[*org.find("chief")], 0.0);
  const auto cascade = vacancy_cascade(org, *org.find("chief"));
  EXPECT_EQ(cascade.unfilled, no_index);
}

}  // namespace
}  // namespace teamgraph
