#pragma once
// What-if analysis: the org after people leave, successors are promoted, people move or
// successors are named. The original org is never touched; the changed org is built and
// validated like any input (a move that creates a reporting cycle throws OrgDataError).

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "teamgraph/org.hpp"
#include "teamgraph/policy.hpp"
#include "teamgraph/table.hpp"

namespace teamgraph {

struct WhatIf {
  // People who leave: their sharing links, attendance, incentives, competencies, contributions
  // and rows of operations go with them; their goals are dropped and the goals under them re-attached to
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
  // Fill each seat left vacant (by a leaver, or by someone promoted who holds a key position or
  // has reports) with the best ready-now successor named for it (best_ready_now_successor), the
  // most senior seat first, then the seat that successor leaves, down the vacancy cascade. A seat
  // given in `promote` is filled as given. false: only `promote` fills seats.
  bool fill = true;
};

// Who fills which seat in a what-if, before the changed org is built.
struct WhatIfPlan {
  // {previous holder, successor} for each seat filled by `fill`, in the order they were filled.
  std::vector<std::pair<std::string, std::string>> filled;
  // The vacated seats nobody fills (their reports go up to the next seat held), in that order.
  std::vector<std::string> unfilled;
};

// The changed org. Throws RequestError (a std::invalid_argument; subject "what-if", one problem
// "problem.what_if.<variant>" about the person, field leave, promote, move or add_successor) for
// a change that names an unknown person, fills a seat that is not vacant, promotes someone who
// leaves or uses one person twice.
// `policy` decides the key positions and the competencies a successor is fitted by.
Org what_if(const Org& org, const WhatIf& changes, const Policy& policy = {});

// The seats what_if() fills and leaves empty for the same arguments (same exceptions; cheap: no
// org is built).
WhatIfPlan plan_what_if(const Org& org, const WhatIf& changes, const Policy& policy = {});

// Every table the org was built from, in canonical order, scored values as read (on their
// declared scales): building these tables (with org.team()) gives the same org again, exactly.
std::vector<std::pair<std::string, Table>> org_tables(const Org& org);

}  // namespace teamgraph
