#include <teamgraph/teamgraph.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer TEAM_FOLDER\n";
    return 2;
  }
  try {
    const teamgraph::Org org = teamgraph::read_org(argv[1]);
    std::cout << "teamgraph " << teamgraph::version << ": " << org.size() << " people\n";
    const teamgraph::Report report = teamgraph::assess(org);
    for (const auto& score : report.scores)
      std::cout << score.name << ": " << (score.assessed ? std::to_string(score.value) : score.absent_reason) << "\n";
    return org.size() > 0 ? 0 : 1;
  } catch (const teamgraph::OrgDataError& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
}
