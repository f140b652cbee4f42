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

// The findings of `lists`, in sort_findings' order within each list (sorted here where a list is
// not), merged into one list in sort_findings' order; the lists are left empty. Each finding is
// copied once: a list of many findings is not sorted into a copy of its own first.
FindingList merge_findings(std::span<FindingList* const> lists);

// While one lives on a thread, sort_findings leaves a list of more than 32 findings as it is:
// assess() scores on such threads and merges the scores' lists (merge_findings), which puts each
// in sort_findings' order as it copies it, rather than each score copying its list into that
// order first (a rich 1M-person org's quarter of a million findings of nobody behind).
class DeferSorting {
 public:
  DeferSorting();
  ~DeferSorting();
  DeferSorting(const DeferSorting&) = delete;
  DeferSorting& operator=(const DeferSorting&) = delete;

 private:
  bool before_;
};

// While one lives on a thread, findings are counted, not kept: FindingList::push_back keeps a
// finding's severity, score, code, variant and rank, but not its people, evidence or arguments,
// and sort_findings leaves every list as it is. For assess_many, whose rows hold how many
// findings of each severity a team has, and nothing else of them.
class CountFindings {
 public:
  CountFindings();
  ~CountFindings();
  CountFindings(const CountFindings&) = delete;
  CountFindings& operator=(const CountFindings&) = delete;

 private:
  bool before_;
};

// Whether a CountFindings lives on this thread.
bool counting_findings() noexcept;

}  // namespace teamgraph::detail
