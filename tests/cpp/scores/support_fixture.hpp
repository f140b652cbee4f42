#pragma once
// What the support scores' tests share: a small team and ways to look at a finding's arguments.

#include <algorithm>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "../helpers.hpp"

namespace teamgraph::testing {

// A team of five: A leads B and C, B leads D and E; C is a "store lead" who leads no one.
inline const std::string support_people =
    "id,department,tier,manager_id,role\n"
    "A,x,core,,general manager\nB,x,core,A,lead\nC,x,core,A,store lead\nD,y,execution,B,\nE,y,execution,B,\n";

// The first finding with `code`, or nullptr. A list makes a Finding when one is read: those found
// are kept here for the rest of the test program.
inline const Finding* finding(const ScoreReport& r, std::string_view code) {
  static std::deque<Finding> found;
  for (std::size_t i = 0; i < r.findings.size(); ++i)
    if (r.findings.code(i) == code) return &found.emplace_back(r.findings[i]);
  return nullptr;
}

// The ids of the people a `people` argument names, in order.
inline std::vector<std::string> people_of(const Finding& f, std::string_view arg, const Org& org) {
  std::vector<std::string> out;
  const FindingArg* a = f.arg(arg);
  if (!a || a->kind != FindingArg::Kind::people) return out;
  for (std::uint32_t k = a->first; k < a->first + a->size && k < f.people.size(); ++k) out.emplace_back(org.id(f.people[k]));
  return out;
}

}  // namespace teamgraph::testing
