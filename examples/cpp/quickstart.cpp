// The quickstart walk-through in C++: load the sample team, assess it, read the findings, and ask
// what happens if the operations director leaves and their senior store operator steps up.
//
//   quickstart [TEAM_FOLDER]      (default: the bundled examples/ecommerce-team)

#include <teamgraph/org_parts.hpp>  // org.hierarchy(): the org's parts (Eigen columns, Boost graphs)
#include <teamgraph/teamgraph.hpp>

#include <cstdio>
#include <iostream>

#ifndef TEAMGRAPH_SAMPLE_TEAM
#define TEAMGRAPH_SAMPLE_TEAM "examples/ecommerce-team"
#endif

int main(int argc, char** argv) {
  const char* path = argc > 1 ? argv[1] : TEAMGRAPH_SAMPLE_TEAM;
  teamgraph::Org org;
  try {
    org = teamgraph::read_org(path);  // validates everything; all problems at once
  } catch (const teamgraph::OrgDataError& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
  std::cout << org.team().name << ": " << org.size() << " people, " << org.hierarchy().layers << " layers\n\n";

  const teamgraph::Report report = teamgraph::assess(org);
  std::cout << "Scores\n";
  for (const auto& score : report.scores) {
    if (score.assessed)
      std::printf("  %-22s %5.1f\n", score.name.c_str(), score.value);
    else
      std::printf("  %-22s   n/a (%s)\n", score.name.c_str(), score.absent_reason.c_str());
  }
  std::cout << "\nTop findings\n";
  for (std::size_t i = 0; i < report.findings.size() && i < 5; ++i) {
    const auto& f = report.findings[i];
    // The words are the Python package's catalog's: C++ shows the code and the arguments behind them.
    std::vector<std::string> people;
    for (const auto p : f.people) people.emplace_back(org.id(p));
    std::cout << "  [" << teamgraph::to_string(f.severity) << "] " << teamgraph::describe(f, org)
              << "\n      people: " << teamgraph::join_words(people) << "\n";
  }
  std::cout << "\nDeparture risk, highest first\n";
  for (std::size_t i = 0; i < 3 && i < report.departure.ranking.size(); ++i) {
    const auto p = report.departure.ranking[i];
    std::printf("  %-6s impact %.2f  risk %.3f\n", std::string(org.id(p)).c_str(), report.departure.impact[p],
                report.departure.risk[p]);
  }

  teamgraph::WhatIf change;
  change.leave = {"e02"};
  change.promote = {{"e02", "m10"}};
  const teamgraph::Report after = teamgraph::assess(teamgraph::what_if(org, change));
  std::cout << "\nWhat if e02 leaves and m10 steps up?\n";
  for (const auto& score : after.scores) {
    const auto* before = report.score(score.name);
    if (score.assessed && before && before->assessed)
      std::printf("  %-22s %5.1f -> %5.1f\n", score.name.c_str(), before->value, score.value);
  }
  return 0;
}
