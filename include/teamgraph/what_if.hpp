#pragma once
// What-if analysis: the org after people leave, successors are promoted, people move or
// successors are named. The original org is never touched; the changed org is built and
// validated like any input (a move that creates a reporting cycle throws OrgDataError).

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "teamgraph/org.hpp"
#include "teamgraph/table.hpp"

namespace teamgraph {

struct WhatIf {
  // People who leave: their sharing links, attendance, incentives, competencies and
  // contributions go with them; their goals are dropped and the goals under them re-attached to
  // the next goal up; their reports go to whoever fills their seat, else to their manager.
  std::vector<std::string> leave;
  // {seat holder, successor}: the successor takes the seat (its manager, its reports, and the core
  // tier if the seat was core) and the seat's successor bench. A seat must be vacant: its holder
  // leaves or is promoted in the same what-if.
  std::vector<std::pair<std::string, std::string>> promote;
  // {person, new manager}.
  std::vector<std::pair<std::string, std::string>> move;
  // (incumbent, successor, readiness) rows to add.
  std::vector<std::tuple<std::string, std::string, Readiness>> add_successor;
};

// The changed org. Throws std::invalid_argument for a change that names an unknown person,
// fills a seat that is not vacant, promotes someone who leaves or uses one person twice.
Org what_if(const Org& org, const WhatIf& changes);

// Every table the org was built from, in canonical order, values back on their declared
// scales: building these tables (with org.team()) gives the same org again.
std::vector<std::pair<std::string, Table>> org_tables(const Org& org);

}  // namespace teamgraph
