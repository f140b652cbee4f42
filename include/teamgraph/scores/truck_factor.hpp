#pragma once
// Truck factor (docs/scores.md): the fewest departures that leave more than half of the team's
// artifacts (products, listings, campaigns, accounts, files) with no one who knows them.
//
// Authorship follows the degree-of-authorship model of Avelino et al. (ICPC 2016):
//   DOA(person, artifact) = 3.293 + 1.098 FA + 0.164 DL - 0.321 ln(1 + AC)
// FA = 1 for the person who created the artifact, DL = that person's changes (modify, rename),
// AC = everyone else's changes. A person is an author when DOA / (the artifact's highest DOA)
// > 0.75 and DOA >= 3.293.
// Greedy truck factor: while coverage (the share of artifacts with at least one remaining
// author) is at least 0.5, remove the person who authors the most artifacts (ties: the smaller
// label) and count one. The count when coverage first drops below 0.5 is the truck factor.
//
// Two methods:
// - default: follows renames in time order (a renamed artifact keeps its history; a deleted one
//   no longer counts); what docs/scores.md explains.
// - avelino2016: reproduces the published tool exactly, quirks included (creations do not count
//   as changes, deletions are ignored, a rename pulls in every row ever recorded under the old
//   name, each rename is expanded once per run in artifact-list order, a row counts once per
//   artifact however many renames reach it, Java float thresholds,
//   "DOA >= 3.293 or FA"), so that it matches the paper's table.

#include <string>
#include <vector>

#include "teamgraph/org.hpp"
#include "teamgraph/policy.hpp"

namespace teamgraph {

enum class TruckFactorMethod : std::uint8_t { standard, avelino2016 };

// A contributions table on its own (no org needed): rows of (person, artifact, action, date,
// previous artifact), people and artifacts as codes into the label lists.
struct ContributionLog {
  std::vector<std::string> people;
  std::vector<std::string> artifacts;
  std::vector<index_t> person;
  std::vector<std::int32_t> artifact;
  std::vector<ContributionAction> action;
  std::vector<std::int64_t> date;
  std::vector<std::int32_t> previous;  // for renames, else -1
};

// The log of an org's contributions table (people labels are person ids, in index order).
ContributionLog contribution_log(const Org& org);

// Who authors each counted artifact.
struct Authorship {
  std::vector<std::string> artifacts;     // the counted artifacts, in the order they were given
  std::vector<std::size_t> offsets{0};    // authors of artifact a: [offsets[a], offsets[a+1])
  std::vector<index_t> authors;           // indices into the log's people, ascending
  std::vector<std::size_t> authored;      // per person: artifacts they author
};

struct TruckFactorResult {
  std::size_t value = 0;
  std::vector<index_t> removed;           // the people removed, in order (log people indices)
  std::vector<std::size_t> removed_authored;  // their authored artifact counts
  std::vector<double> coverage;           // coverage before each removal, and at the stop
  Authorship authorship;
};

// `artifacts`: the artifacts to count (default: every artifact in the log, in name order).
Authorship authorship(const ContributionLog& log, const std::vector<std::string>* artifacts = nullptr,
                      TruckFactorMethod method = TruckFactorMethod::standard, const TruckFactorPolicy& policy = {});
TruckFactorResult truck_factor(const ContributionLog& log, const std::vector<std::string>* artifacts = nullptr,
                               TruckFactorMethod method = TruckFactorMethod::standard,
                               const TruckFactorPolicy& policy = {});
// The greedy truck factor over an authorship (used per department and knowledge area).
TruckFactorResult greedy_truck_factor(Authorship authorship, std::size_t people, TruckFactorMethod method,
                                      const TruckFactorPolicy& policy);

}  // namespace teamgraph
