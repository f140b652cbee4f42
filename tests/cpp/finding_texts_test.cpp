// The C++ text writer of findings (teamgraph/finding_texts.hpp), by the rules of the Python
// catalog (tests/python/test_catalog.py compares the two on every fixture).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <tuple>

#include "teamgraph/detail/assess.hpp"
#include "teamgraph/finding_texts.hpp"

namespace teamgraph {
namespace {

using Value = TextCatalog::Value;

Value whole(std::int64_t v) { return {Value::Kind::whole, v, 0.0, {}}; }
Value number(double v) { return {Value::Kind::number, 0, v, {}}; }
Value text(std::string v) { return {Value::Kind::text, 0, 0.0, std::move(v)}; }

TextCatalog english() {
  TextCatalog c;
  c.entries["list.separator"] = {{", "}, TextCatalog::Plural::one_other};
  c.entries["list.last"] = {{"{head} and {last}"}, TextCatalog::Plural::one_other};
  c.entries["list.more"] = {{"{head} and {count} more"}, TextCatalog::Plural::one_other};
  c.entries["value.not_available"] = {{"n/a"}, TextCatalog::Plural::one_other};
  c.entries["term.control"] = {{"control"}, TextCatalog::Plural::one_other};
  c.entries["gap.message"] = {{"{people} lacks {competency} ({score:.1f}, {share:.0%}).",
                               "{people} lack {competency} ({score:.1f}, {share:.0%})."},
                              TextCatalog::Plural::one_other};
  c.entries["gap.recommendation"] = {{"Train {{them}}: {score}."}, TextCatalog::Plural::one_other};
  return c;
}

TEST(FindingTexts, GeneralFormatIsPythons) {
  // {value:.Ng} as Python's format(value, ".Ng") writes it (the expected texts are Python's).
  TextCatalog c;
  c.entries["item"] = {{"{value:.3g}"}, TextCatalog::Plural::one_other};
  c.entries["one"] = {{"{value:.1g}|{value:.0g}"}, TextCatalog::Plural::one_other};
  const std::vector<std::pair<double, std::string>> cases = {
      {1e-05, "1e-05"}, {123456.0, "1.23e+05"}, {0.000123456, "0.000123"}, {-0.0, "-0"}, {2.5, "2.5"},
      {INFINITY, "inf"}, {-INFINITY, "-inf"}, {0.0001, "0.0001"}, {1000.0, "1e+03"}, {999.5, "1e+03"},
      {0.1235, "0.123"}, {0.5, "0.5"}, {3.0, "3"}, {12.345, "12.3"}, {1e+16, "1e+16"}, {1.5e-7, "1.5e-07"}, {0.0, "0"}};
  for (const auto& [value, expected] : cases) EXPECT_EQ(c.text("item", {{"value", number(value)}}), expected) << value;
  EXPECT_EQ(c.text("one", {{"value", number(123456.0)}}), "1e+05|1e+05");
  EXPECT_EQ(c.text("item", {{"value", whole(123456)}}), "1.23e+05");
}

TEST(FindingTexts, PlaceholdersSpecsPluralsAndBraces) {
  const TextCatalog c = english();
  EXPECT_EQ(c.text("gap.message", {{"people", text("a")}, {"competency", text("x")}, {"score", number(0.25)},
                                   {"share", number(0.125)}, {"count", whole(1)}}),
            "a lacks x (0.2, 12%).");  // 0.25 -> 0.2 and 12.5% -> 12%: halves to even, as Python
  EXPECT_EQ(c.text("gap.message", {{"people", text("a, b")}, {"competency", text("x")}, {"score", number(NAN)},
                                   {"share", number(1)}, {"count", whole(2)}}),
            "a, b lack x (n/a, 100%).");
  EXPECT_EQ(c.text("gap.recommendation", {{"score", number(0.5)}}), "Train {them}: 0.50.");  // no spec: two decimals
  EXPECT_EQ(c.text("no.such.key"), "no.such.key");
  EXPECT_THROW(c.text("gap.recommendation"), std::invalid_argument);  // {score} has no value
  TextCatalog chinese = c;
  chinese.entries["gap.message"].plural = TextCatalog::Plural::single;
  EXPECT_EQ(chinese.text("gap.message", {{"people", text("a, b")}, {"competency", text("x")}, {"score", number(1)},
                                         {"share", number(1)}, {"count", whole(2)}}),
            "a, b lacks x (1.0, 100%).");  // one form for every count
}

TEST(FindingTexts, PeopleAreNamedTenAtMostThenCounted) {
  const TextCatalog c = english();
  Finding f{"leadership_coverage", "gap", FindingSeverity::high, {}, {}, {}, {}};
  for (index_t p = 0; p < 12; ++p) f.people.push_back(p);
  f.args = {FindingArg::people_of("people", 0, 12), FindingArg::text_of("competency", "control"),
            FindingArg::num("score", 0.5), FindingArg::num("share", 0.5), FindingArg::count_of("count", 12)};
  const auto texts =
      finding_texts(std::vector<Finding>{f}, c, [](index_t p, std::string& out) { out += "p" + std::to_string(p); });
  ASSERT_EQ(texts.message.size(), 1u);
  EXPECT_EQ(texts.message[0], "p0, p1, p2, p3, p4, p5, p6, p7, p8, p9 and 2 more lack control (0.5, 50%).");
  EXPECT_EQ(texts.recommendation[0], "Train {them}: 0.50.");
}

// Many findings are sorted by keys of their names' ranks: the order must be that of comparing
// every field (most severe first, then score, code, rank, people, variant, arguments), ties kept
// in their order. Names one a prefix of another, equal keys, NaN figures.
TEST(SortFindings, ManyFindingsInTheOrderOfTheirFields) {
  std::mt19937 random(5);
  const std::vector<std::string> scores{"sharing_health", "nobody_behind", "nobody", ""},
      codes{"lagging", "lag", "lagging_x", "b"}, variants{"", "mentor", "no_mentor"};
  for (const std::size_t size : {2u, 7u, 32u, 33u, 200u, 2000u}) {
    std::vector<Finding> findings(size);
    for (std::size_t i = 0; i < size; ++i) {
      Finding& f = findings[i];
      f.severity = static_cast<FindingSeverity>(random() % 5);
      f.score = scores[random() % scores.size()];
      f.code = codes[random() % codes.size()];
      f.rank = static_cast<std::uint32_t>(random() % 3);
      for (std::size_t k = random() % 3; k > 0; --k) f.people.push_back(static_cast<index_t>(random() % 4));
      f.variant = variants[random() % variants.size()];
      f.args = {FindingArg::num("score", random() % 4 ? static_cast<double>(random() % 3) : std::nan(""))};
      f.evidence = {{"input_position", static_cast<double>(i)}};  // tells ties apart after sorting
    }
    std::vector<Finding> expected = findings;
    std::stable_sort(expected.begin(), expected.end(), [](const Finding& a, const Finding& b) {
      const int sa = -static_cast<int>(a.severity), sb = -static_cast<int>(b.severity);
      return std::tie(sa, a.score, a.code, a.rank, a.people, a.variant, a.args) <
             std::tie(sb, b.score, b.code, b.rank, b.people, b.variant, b.args);
    });
    sort_findings(findings);
    ASSERT_EQ(findings.size(), size);
    for (std::size_t i = 0; i < size; ++i)
      EXPECT_EQ(findings[i].evidence[0].value, expected[i].evidence[0].value) << "size " << size << ", place " << i;
  }
}

// assess() merges each score's sorted findings into one list (detail::merge_findings): the order
// is that of sorting them all, whether each score is in a list of its own, a list is out of
// order, or one score's findings are in two lists; and whether the scores sorted their lists or,
// under detail::DeferSorting (assess()'s scoring), left them for the merge to read in order.
TEST(SortFindings, MergedListsInTheOrderOfSortingThemAll) {
  std::mt19937 random(11);
  const std::vector<std::string> scores{"sharing_health", "nobody_behind", "nobody", "a", "z"};
  auto make = [&](std::size_t n, const std::vector<std::string>& names, std::size_t& position) {
    n = std::max(n, names.size() * 3);
    std::vector<Finding> list(n);
    for (auto& f : list) {
      f.severity = static_cast<FindingSeverity>(random() % 5);
      f.score = names[random() % names.size()];
      f.code = random() % 2 ? "lagging" : "gap";
      f.rank = static_cast<std::uint32_t>(random() % 2);
      for (std::size_t k = random() % 3; k > 0; --k) f.people.push_back(static_cast<index_t>(random() % 5));
      f.evidence = {{"input_position", static_cast<double>(position)}};
      // Arguments of every pool (texts, words, clauses with arguments of their own) and the
      // people's: the merge copies them pool by pool, each moved by where its pool's part begins.
      f.args = {FindingArg::num("x", static_cast<double>(position++)),
                FindingArg::texts_of("t", {"w" + std::to_string(random() % 7), "v"}),
                FindingArg::people_of("who", 0, f.people.size())};
      if (random() % 3 == 0)
        f.args.push_back(FindingArg::clauses_of(
            "parts", {{"clause.a", {FindingArg::count_of("count", random() % 4), FindingArg::words_of("w", {"word.x"})}}},
            "word.and"));
    }
    FindingList out;
    for (const auto& f : list) out.push_back(f);
    return out;
  };
  std::vector<std::string> many;  // shape 3: more scores than are looked up by a scan
  for (int k = 0; k < 70; ++k) many.push_back("score" + std::to_string(k));
  for (int shape = 0; shape < 6; ++shape) {
    std::size_t position = 0;
    std::vector<FindingList> storage;
    for (std::size_t l = 0; l < scores.size(); ++l) {
      // shape 0: a score a list; 1: the same, the last list left unsorted; 2: "a" in two lists;
      // 3: the last list with 70 scores of its own; 4: every list's sort deferred; 5: the same,
      // with "a" in two lists
      std::vector<std::string> names{scores[l]};
      if ((shape == 2 || shape == 5) && l == 1) names.push_back("a");
      if (shape == 3 && l + 1 == scores.size()) names = many;
      storage.push_back(make(40 + 30 * l, names, position));
      if (shape >= 4) {
        const detail::DeferSorting deferred;
        sort_findings(storage.back());
        EXPECT_FALSE(storage.back().sorted()) << "shape " << shape << ", list " << l;
      } else if (!(shape == 1 && l + 1 == scores.size())) {
        sort_findings(storage.back());
      }
    }
    storage.emplace_back();  // an empty list
    FindingList expected;
    for (const auto& list : storage) expected.append(list);
    sort_findings(expected);
    std::vector<FindingList*> lists;
    for (auto& list : storage) lists.push_back(&list);
    const FindingList merged = detail::merge_findings(lists);
    ASSERT_EQ(merged.size(), expected.size()) << shape;
    for (std::size_t i = 0; i < merged.size(); ++i)
      EXPECT_EQ(merged[i].evidence[0].value, expected[i].evidence[0].value) << "shape " << shape << ", place " << i;
    EXPECT_TRUE(merged == expected) << "shape " << shape;  // every pool, every argument
    for (const auto& list : storage) EXPECT_TRUE(list.empty());
  }
}

}  // namespace
}  // namespace teamgraph
