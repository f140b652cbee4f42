#pragma once
// Private: assess() without gathering the findings, for batch scoring, which keeps only the
// scores and how many findings of each severity there are.

#include <vector>

#include "teamgraph/assess.hpp"

namespace teamgraph::detail {

// Every score as in assess(), but report.findings holds only the health index's finding (each
// score's findings stay in its own report), the truck factor's findings go to `truck_findings`,
// and report.policy is left default.
Report assess_scores(const Org& org, const Policy& policy, std::vector<Finding>& truck_findings);
// The same into `report`, whose every part is replaced (report.policy is left as it is): a batch
// reuses one report per thread.
void assess_scores(const Org& org, const Policy& policy, std::vector<Finding>& truck_findings, Report& report);

}  // namespace teamgraph::detail
