#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "teamgraph/detail/assess.hpp"
#include "teamgraph/findings.hpp"

namespace teamgraph {
namespace {

// Each field of two findings (NaN evidence equal to NaN).
void expect_same(const Finding& a, const Finding& b) {
  SCOPED_TRACE(a.code + " / " + b.code);
  EXPECT_EQ(a.score, b.score);
  EXPECT_EQ(a.code, b.code);
  EXPECT_EQ(a.variant, b.variant);
  EXPECT_EQ(a.severity, b.severity);
  EXPECT_EQ(a.rank, b.rank);
  EXPECT_EQ(a.people, b.people);
  ASSERT_EQ(a.evidence.size(), b.evidence.size());
  for (std::size_t e = 0; e < a.evidence.size(); ++e) {
    EXPECT_EQ(a.evidence[e].name, b.evidence[e].name);
    EXPECT_TRUE(a.evidence[e].value == b.evidence[e].value ||
                (std::isnan(a.evidence[e].value) && std::isnan(b.evidence[e].value)));
  }
  ASSERT_EQ(a.args.size(), b.args.size());
  for (std::size_t k = 0; k < a.args.size(); ++k) {
    SCOPED_TRACE("argument " + a.args[k].name);
    EXPECT_EQ(a.args[k].items, b.args[k].items);
    EXPECT_EQ(a.args[k].clauses.size(), b.args[k].clauses.size());
    EXPECT_EQ(a.args[k], b.args[k]);
  }
}

// Findings with every kind of argument, clauses within clauses, repeated and new names in the
// places of the finding before, texts of the data and no people.
std::vector<Finding> every_kind() {
  using A = FindingArg;
  std::vector<Finding> out;
  Finding f{"nobody_behind", "lagging", FindingSeverity::high, {4, 2}, {{"score", 0.25}, {"median", std::nan("")}}, "mentor",
            {A::people_of("person", 0, 1), A::text_of("dimension", "数据分析"), A::num("score", 0.25),
             A::people_of("mentor", 1, 1), A::count_of("count", 3)}};
  f.rank = 7;
  out.push_back(f);
  f.variant = "no_mentor";
  f.people = {9};
  f.evidence = {{"median", 0.5}, {"score", 0.1}, {"robust_z", -2.0}};  // the names in other places
  f.args = {A::people_of("person", 0, 1), A::text_of("dimension", "visual design")};
  out.push_back(f);
  Finding g{"departure_impact", "high_departure_impact", FindingSeverity::critical, {1}, {}, "", {}};
  FindingClause inner{"departure.unit_left", {A::count_of("count", 4), A::count_of("direct", 2)}};
  FindingClause nested{"departure.inner", {A::clauses_of("parts", {inner, inner}, "word.and"), A::words_of("w", {"a", "b"})}};
  g.args = {A::people_of("person", 0, 1), A::clauses_of("effects", {inner, nested}), A::texts_of("t", {}),
            A::words_of("keys", {"word.material", "word.spiritual"}), A::num("inf", HUGE_VAL)};
  out.push_back(g);
  out.push_back(Finding{"", "", FindingSeverity::info, {}, {}, "", {}});  // nothing at all
  // Clauses with a separator and without clauses, a negative zero, a person named thrice.
  const A odd = A::clauses_of("odd", {inner}, "word.semicolon");
  out.push_back(Finding{"x", "y", FindingSeverity::low, {0, 0, 0}, {{"e", 1.0}, {"e", 2.0}}, "v",
                        {odd, A::clauses_of("none", {}, "word.and"), A::clauses_of("empty", {}), A::num("zero", -0.0),
                         A::people_of("all", 0, 3), odd}});
  return out;
}

TEST(FindingList, EveryFindingReadsBackAsWritten) {
  const auto findings = every_kind();
  FindingList list;
  for (const auto& f : findings) list.push_back(f);
  ASSERT_EQ(list.size(), findings.size());
  Finding reused;  // get() into one finding, its storage reused from a bigger one to a smaller one
  for (std::size_t i = 0; i < findings.size(); ++i) {
    expect_same(list[i], findings[i]);
    list.get(i, reused);
    expect_same(reused, findings[i]);
    EXPECT_EQ(list.score(i), findings[i].score);
    EXPECT_EQ(list.code(i), findings[i].code);
    EXPECT_EQ(list.variant(i), findings[i].variant);
    EXPECT_EQ(list.severity(i), findings[i].severity);
    EXPECT_EQ(list.rank(i), findings[i].rank);
    EXPECT_TRUE(std::ranges::equal(list.people(i), findings[i].people));
    ASSERT_EQ(list.evidence_names(i).size(), findings[i].evidence.size());
    for (std::size_t e = 0; e < findings[i].evidence.size(); ++e)
      EXPECT_EQ(list.word(list.evidence_names(i)[e]), findings[i].evidence[e].name);
  }
  // A figure that is not a number reads back as one.
  FindingList nan;
  nan.push_back(Finding{"s", "c", FindingSeverity::info, {}, {}, "", {FindingArg::num("x", std::nan(""))}});
  EXPECT_TRUE(std::isnan(nan[0].args.at(0).number));
  // Iteration makes each finding in turn.
  std::size_t i = 0;
  for (const Finding& f : list) expect_same(f, findings[i++]);
  EXPECT_EQ(i, findings.size());
  EXPECT_EQ(std::count_if(list.begin(), list.end(), [](const Finding& f) { return f.score == "nobody_behind"; }), 2);
  // A word is held once, however often it is used.
  EXPECT_EQ(std::count_if(list.begin(), list.end(), [](const Finding&) { return true; }), 5);
  std::vector<std::string> words;
  for (std::uint32_t k = 0; k < list.words(); ++k) words.emplace_back(list.word(k));
  std::sort(words.begin(), words.end());
  EXPECT_EQ(std::adjacent_find(words.begin(), words.end()), words.end());
}

// A list keeps of an argument what its kind shows: an argument holding more (which would not
// read back) is refused with std::invalid_argument, and the list is left as it was, even when the
// argument is inside a clause after others were added.
TEST(FindingList, AnArgumentHoldingWhatItsKindDoesNotShowIsRefused) {
  using A = FindingArg;
  std::vector<A> refused;
  A a = A::text_of("t", "x");
  a.number = 1.5;  // a number beside a text
  refused.push_back(a);
  a = A::num("n", 2.0);
  a.items = {"x"};  // a text beside a number
  refused.push_back(a);
  a = A::count_of("c", 3);
  a.first = 1;  // people beside a count
  refused.push_back(a);
  a = A::texts_of("ts", {"a"});
  a.clauses = {FindingClause{"k", {}}};  // clauses beside texts
  refused.push_back(a);
  a = A::clauses_of("cl", {}, "word.and");
  a.items.push_back("word.or");  // two separators
  refused.push_back(a);
  a = A::clauses_of("cl", {});
  a.items = {""};  // an empty separator (reads back as none)
  refused.push_back(a);
  a = A::people_of("p", 0, 1);
  a.number = -0.0;  // a number's bits beside people
  refused.push_back(a);
  a = A::num("k", 0.0);
  a.kind = static_cast<A::Kind>(9);  // of no kind
  refused.push_back(a);
  A bad_inside = A::num("n", 1.0);
  bad_inside.size = 4;
  refused.push_back(A::clauses_of("outer", {FindingClause{"k", {A::text_of("fine", "x"), A::num("fine", 1.0)}},
                                             FindingClause{"k", {A::texts_of("fine", {"y", "z"}), bad_inside}}}));
  const auto findings = every_kind();
  for (const A& arg : refused) {
    FindingList list;
    for (const auto& f : findings) list.push_back(f);
    const FindingList before = list;
    Finding f{"s", "c", FindingSeverity::info, {1, 2}, {{"e", 1.0}}, "", {A::text_of("first", "fine"), arg}};
    EXPECT_THROW(list.push_back(f), std::invalid_argument) << arg.name;
    EXPECT_TRUE(list == before) << arg.name;
    list.push_back(findings[2]);  // and goes on from where it was
    ASSERT_EQ(list.size(), findings.size() + 1);
    expect_same(list.back(), findings[2]);
    expect_same(list[findings.size() - 1], findings.back());
  }
}

// Many distinct texts (a finding a goal): each held once, each read back, the table of words
// grown as they come.
// A batch's teams (assess_many) count their findings: while a CountFindings lives, a list keeps
// each finding's severity, score, code, variant and rank, none of its people, evidence or
// arguments, and sort_findings leaves it as it is; once it is gone, findings are kept whole again.
TEST(FindingList, CountedFindingsKeepWhatTheyAreNotWhatTheySay) {
  const auto findings = every_kind();
  FindingList counted;
  {
    const detail::CountFindings counting;
    EXPECT_TRUE(detail::counting_findings());
    counted.reserve_more(findings[0], 1000);
    for (const auto& f : findings) counted.push_back(f);
    sort_findings(counted);
    EXPECT_FALSE(counted.sorted());
    std::vector<Finding> whole = findings;  // findings of their own are left as they are
    sort_findings(whole);
    ASSERT_EQ(whole.size(), findings.size());
    for (std::size_t i = 0; i < findings.size(); ++i) expect_same(whole[i], findings[i]);
  }
  EXPECT_FALSE(detail::counting_findings());
  ASSERT_EQ(counted.size(), findings.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding f = counted[i];
    EXPECT_EQ(f.severity, findings[i].severity);
    EXPECT_EQ(f.score, findings[i].score);
    EXPECT_EQ(f.code, findings[i].code);
    EXPECT_EQ(f.variant, findings[i].variant);
    EXPECT_EQ(f.rank, findings[i].rank);
    EXPECT_TRUE(f.people.empty() && f.evidence.empty() && f.args.empty());
  }
  counted.push_back(findings[0]);  // whole again
  expect_same(counted.back(), findings[0]);
  sort_findings(counted);
  EXPECT_TRUE(counted.sorted());
}

TEST(FindingList, ManyWords) {
  FindingList list;
  for (int round = 0; round < 2; ++round)
    for (int k = 0; k < 3000; ++k)
      list.push_back(Finding{"goal_alignment", "orphan_goal", FindingSeverity::low, {}, {}, "",
                             {FindingArg::text_of("goal", "goal " + std::to_string(k))}});
  EXPECT_EQ(list.words(), 3000u + 4u);  // the goals, the score, the code, the variant "" and the argument's name
  for (int k = 0; k < 6000; k += 7) EXPECT_EQ(list[static_cast<std::size_t>(k)].args.at(0).items.at(0), "goal " + std::to_string(k % 3000));
}

// A list moved from is empty, and takes findings again as a new one.
TEST(FindingList, MovedFromTakesFindingsAgain) {
  const auto findings = every_kind();
  FindingList a;
  for (const auto& f : findings) a.push_back(f);
  FindingList b = std::move(a);
  ASSERT_EQ(b.size(), findings.size());
  a.push_back(findings[2]);  // NOLINT(bugprone-use-after-move): a moved-from list is reused
  ASSERT_EQ(a.size(), 1u);
  expect_same(a[0], findings[2]);
  FindingList c;
  for (const auto& f : findings) c.push_back(f);
  b = std::move(c);  // assigned over
  c.push_back(findings[1]);
  expect_same(c[0], findings[1]);
  expect_same(b[4], findings[4]);
}

TEST(FindingList, AppendSelectAndCompare) {
  const auto findings = every_kind();
  FindingList a, b;
  for (std::size_t i = 0; i < findings.size(); ++i) (i % 2 ? b : a).push_back(findings[i]);
  FindingList joined = b;  // b's words first: a's are numbered anew when appended
  joined.append(a);
  ASSERT_EQ(joined.size(), findings.size());
  for (std::size_t i = 0; i < b.size(); ++i) expect_same(joined[i], b[i]);
  for (std::size_t i = 0; i < a.size(); ++i) expect_same(joined[b.size() + i], a[i]);
  joined.append(joined);  // itself
  ASSERT_EQ(joined.size(), 2 * findings.size());
  expect_same(joined[findings.size() + 1], joined[1]);
  // Part of a list, by words_of.
  FindingList part;
  part.push_back(findings[3]);
  part.append(a, 1, 3, part.words_of(a));
  ASSERT_EQ(part.size(), 3u);
  expect_same(part[1], a[1]);
  expect_same(part[2], a[2]);
  EXPECT_THROW(part.append(a, 2, 4, part.words_of(a)), std::out_of_range);
  EXPECT_THROW(part.append(a, 0, 1, part.words_of(b)), std::out_of_range);
  // The chosen findings, in the order chosen, repeated ones too.
  const std::vector<std::uint32_t> order{2, 0, 2};
  const FindingList chosen = a.select(order);
  ASSERT_EQ(chosen.size(), 3u);
  expect_same(chosen[0], a[2]);
  expect_same(chosen[1], a[0]);
  expect_same(chosen[2], a[2]);
  EXPECT_TRUE(chosen == a.select(order));
  EXPECT_FALSE(chosen == a);
  FindingList cleared = a;
  cleared.clear();
  EXPECT_TRUE(cleared.empty());
  cleared.push_back(findings[1]);
  expect_same(cleared[0], findings[1]);
}

// sort_findings of a list orders as sorting the findings themselves, ties broken by people,
// variant and arguments, and a second sort keeps the order.
TEST(FindingList, SortsAsTheFindingsThemselves) {
  std::mt19937 random(5);
  std::vector<Finding> findings(3000);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    Finding& f = findings[i];
    f.severity = static_cast<FindingSeverity>(random() % 5);
    f.score = random() % 2 ? "sharing_health" : "nobody_behind";
    f.code = random() % 2 ? "lagging" : "gap";
    f.variant = random() % 2 ? "mentor" : "";
    f.rank = static_cast<std::uint32_t>(random() % 2);
    for (std::size_t k = random() % 3; k > 0; --k) f.people.push_back(static_cast<index_t>(random() % 4));
    f.args = {FindingArg::num("x", static_cast<double>(random() % 3))};
    f.evidence = {{"input_position", static_cast<double>(i)}};
  }
  std::vector<Finding> expected = findings;
  std::stable_sort(expected.begin(), expected.end(), [](const Finding& a, const Finding& b) {
    const int sa = -static_cast<int>(a.severity), sb = -static_cast<int>(b.severity);
    return std::tie(sa, a.score, a.code, a.rank, a.people, a.variant, a.args) <
           std::tie(sb, b.score, b.code, b.rank, b.people, b.variant, b.args);
  });
  FindingList list;
  for (const auto& f : findings) list.push_back(f);
  EXPECT_FALSE(list.sorted());
  sort_findings(list);
  EXPECT_TRUE(list.sorted());
  ASSERT_EQ(list.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i)
    ASSERT_EQ(list.evidence_values(i)[0], expected[i].evidence[0].value) << i;
  const FindingList once = list;
  sort_findings(list);
  EXPECT_TRUE(list == once);
  list.push_back(findings[0]);
  EXPECT_FALSE(list.sorted());
}

}  // namespace
}  // namespace teamgraph
