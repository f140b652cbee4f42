#include "teamgraph/assess.hpp"

#include <algorithm>

namespace teamgraph {

const Score* Report::score(std::string_view name) const {
  for (const auto& s : scores)
    if (s.name == name) return &s;
  return nullptr;
}

Policy effective_policy(const Org& org, const Policy& base) {
  const auto& overrides = org.team().policy_json;
  return overrides.empty() ? base : policy_from_json(overrides, base);
}

namespace {

void truck_factor_findings(const Org& org, TruckFactorSummary& tf, std::vector<Finding>& out) {
  if (!tf.assessed || tf.result.authorship.artifacts.empty()) return;
  const auto& r = tf.result;
  const std::size_t artifacts = r.authorship.artifacts.size();
  if (r.value <= 2) {
    Finding f{"truck_factor", "low_truck_factor", r.value <= 1 ? FindingSeverity::critical : FindingSeverity::high,
              r.removed, {}, {}, {}};
    std::string who;
    for (std::size_t i = 0; i < r.removed.size(); ++i)
      who += (i ? (i + 1 == r.removed.size() ? " and " : ", ") : "") + std::string("{") + std::to_string(i) + "}";
    f.message = r.value == 0 ? "Fewer than half of the " + std::to_string(artifacts) +
                                   " artifacts have an author now: the team's knowledge is already thin."
                             : "Truck factor " + std::to_string(r.value) + ": if " + who +
                                   " leave, more than half of the " + std::to_string(artifacts) +
                                   " artifacts are left with no one who knows them.";
    f.evidence = {{"truck_factor", static_cast<double>(r.value)}, {"artifacts", static_cast<double>(artifacts)},
                  {"coverage_after", r.coverage.back()}};
    f.recommendation = "Pair others with " + (who.empty() ? std::string("the main authors") : who) +
                       " on the artifacts only they know, and share that knowledge at the weekly meeting.";
    out.push_back(std::move(f));
  }
  (void)org;
}

}  // namespace

Report assess(const Org& org, const Policy& policy) {
  Report report;
  report.policy = policy;
  report.leadership = leadership_coverage(org, policy);
  report.succession = succession_readiness(org, policy);
  if (org.has_table("contributions")) {
    report.truck_factor.assessed = true;
    report.truck_factor.result =
        truck_factor(contribution_log(org), nullptr, TruckFactorMethod::standard, policy.truck_factor);
  } else {
    report.truck_factor.absent_reason = "no contributions table";
  }
  report.departure = departure_impact(org, policy, &report.leadership,
                                      report.truck_factor.assessed ? &report.truck_factor.result.authorship : nullptr);

  auto add = [&](const std::string& name, bool assessed, double value, const std::string& reason) {
    report.scores.push_back(Score{name, assessed, assessed ? value : 0.0, assessed ? std::string() : reason});
  };
  add("leadership_coverage", report.leadership.assessed, report.leadership.score, report.leadership.absent_reason);
  add("succession_readiness", report.succession.assessed, report.succession.score, report.succession.absent_reason);

  for (const auto* list : {&report.leadership.findings, &report.succession.findings, &report.departure.findings})
    report.findings.insert(report.findings.end(), list->begin(), list->end());
  truck_factor_findings(org, report.truck_factor, report.findings);
  sort_findings(report.findings);
  return report;
}

Report assess(const Org& org) { return assess(org, effective_policy(org)); }

}  // namespace teamgraph
