#pragma once
// Test helpers: orgs from CSV text held in the test, and the problems a bad input raises.

#include <gtest/gtest.h>
#include <pthread.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "teamgraph/teamgraph.hpp"
#include "teamgraph/org_parts.hpp"

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

// Runs `job` on a thread with a 256 KiB stack: nothing may recurse once per level of a hierarchy.
inline void run_on_small_stack(const std::function<void()>& job) {
  struct Box {
    const std::function<void()>* job;
  } box{&job};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 256 * 1024);
  pthread_t thread;
  ASSERT_EQ(pthread_create(
                &thread, &attr,
                [](void* arg) -> void* {
                  (*static_cast<Box*>(arg)->job)();
                  return nullptr;
                },
                &box),
            0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

// A small org used by several score tests: three core members (A over B and C) and two reports of B.
inline const std::string small_people =
    "id,tier,manager_id,flight_risk\n"
    "A,core,,0.5\nB,core,A,0.1\nC,core,A,0.2\nD,execution,B,0.3\nE,execution,B,\n";
inline const std::string small_successors =
    "incumbent_id,successor_id,readiness\nA,B,ready_now\nB,D,ready_1_2y\nB,E,ready_3y_plus\n";

// Leadership over the small org with three required competencies, so that every number is
// checkable by hand (threshold 0.6, missing cap 40, single holder 80); C's control score is the
// one the tests vary.
inline Policy small_leadership_policy() {
  Policy p;
  p.leadership.required = {"planning", "control", "command"};
  p.leadership.unit_required = {"planning", "command"};
  return p;
}
inline std::string small_competencies(const std::string& c_control) {
  return "person_id,competency,score\n"
         "A,planning,0.9\nB,planning,0.7\nC,planning,0.3\n"
         "A,control,0.5\nC,control," + c_control + "\n"
         "A,command,0.8\nB,command,0.4\nD,planning,0.2\n";
}

}  // namespace teamgraph::testing
