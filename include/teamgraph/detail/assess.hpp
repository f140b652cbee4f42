#pragma once
// Private: assess() without gathering the findings, for batch scoring, which keeps only the
// scores and how many findings of each severity there are.

#include <span>
#include <vector>

#include "teamgraph/assess.hpp"

namespace teamgraph::detail {

// Every score as in assess(), but report.findings holds only the health index's finding (each
// score's findings stay in its own report), the truck factor's findings go to `truck_findings`,
// and report.policy is left default. `parallel`: the scores on two threads (a batch, which keeps
// every core busy with teams, says false).
Report assess_scores(const Org& org, const Policy& policy, FindingList& truck_findings, bool parallel = false);
// The same into `report`, whose every part is replaced (report.policy is left as it is): a batch
// reuses one report per thread.
void assess_scores(const Org& org, const Policy& policy, FindingList& truck_findings, Report& report,
                   bool parallel = false);

// The findings of `lists`, each list's sorted (sort_findings) first if it is not, merged into one
// list in sort_findings' order; the lists are left empty. Each finding is copied once.
FindingList merge_findings(std::span<FindingList* const> lists);

}  // namespace teamgraph::detail
