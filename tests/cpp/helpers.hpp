#pragma once
// Test helpers: orgs from CSV text held in the test, and the problems a bad input raises.

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "teamgraph/teamgraph.hpp"

namespace teamgraph::testing {

using Tables = std::vector<std::pair<std::string, std::string>>;  // table name -> CSV text

inline OrgBuilder builder_from_csv(const Tables& tables, const std::string& team_json, std::vector<Problem>& problems) {
  OrgBuilder builder;
  for (const auto& [name, text] : tables) builder.add_table(name, parse_csv_table(text, name + ".csv", problems));
  if (!team_json.empty()) builder.set_team(parse_team_json(team_json, "team.json", problems));
  return builder;
}

inline Org org_from_csv(const Tables& tables, const std::string& team_json = {}) {
  std::vector<Problem> problems;
  OrgBuilder builder = builder_from_csv(tables, team_json, problems);
  builder.add_problems(std::move(problems));
  return builder.build();
}

// The problems of an input that must not build; fails the test if it builds.
inline std::vector<Problem> problems_of(const Tables& tables, const std::string& team_json = {}) {
  try {
    org_from_csv(tables, team_json);
  } catch (const OrgDataError& e) {
    return e.problems();
  }
  ADD_FAILURE() << "the input was accepted";
  return {};
}

// The one problem with this code; fails the test unless there is exactly one.
inline Problem only(const std::vector<Problem>& problems, const std::string& code) {
  std::vector<Problem> found;
  for (const auto& p : problems)
    if (p.code == code) found.push_back(p);
  if (found.size() != 1) {
    std::string all;
    for (const auto& p : problems) all += "\n  " + p.to_string();
    ADD_FAILURE() << "expected one '" << code << "' problem, found " << found.size() << ":" << all;
    return {};
  }
  return found.front();
}

}  // namespace teamgraph::testing
