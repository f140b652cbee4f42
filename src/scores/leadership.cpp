#include "teamgraph/scores/leadership.hpp"
#include "teamgraph/org_parts.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <boost/range/iterator_range.hpp>

namespace teamgraph {

int competency_column(const Org& org, std::string_view name) {
  const auto& names = org.competencies().names;
  const auto it = std::lower_bound(names.begin(), names.end(), name);
  return it != names.end() && *it == name ? static_cast<int>(it - names.begin()) : -1;
}

double competency_score(double coverage, index_t depth, const LeadershipPolicy& policy) {
  if (depth >= 2) return 100.0;
  if (depth == 1) return policy.single_holder_score;
  return policy.threshold > 0 ? policy.missing_cap * std::min(1.0, coverage / policy.threshold) : 0.0;
}

double group_score(const std::vector<double>& competency_scores, bool complete, const LeadershipPolicy& policy) {
  if (competency_scores.empty()) return 0.0;
  const double mean =
      std::accumulate(competency_scores.begin(), competency_scores.end(), 0.0) / static_cast<double>(competency_scores.size());
  return complete ? mean : std::min(mean, policy.missing_cap);
}

GroupCoverage group_coverage(const Org& org, const std::vector<index_t>& group, const std::vector<std::string>& required,
                             const LeadershipPolicy& policy) {
  const auto& scores = org.competencies().scores;
  GroupCoverage out;
  out.complete = true;
  out.competencies.reserve(required.size());
  std::vector<double> per;
  per.reserve(required.size());
  for (const auto& name : required) {
    CompetencyCoverage c{name, 0.0, no_index, 0, 0.0};
    if (const int col = competency_column(org, name); col >= 0) {
      for (const index_t p : group) {
        const double v = scores(p, col);
        if (std::isnan(v)) continue;
        if (c.best == no_index || v > c.coverage) {
          c.coverage = v;
          c.best = p;
        }
        if (v >= policy.threshold) ++c.depth;
      }
    }
    c.score = competency_score(c.coverage, c.depth, policy);
    out.complete = out.complete && c.depth > 0;
    per.push_back(c.score);
    out.competencies.push_back(std::move(c));
  }
  out.score = group_score(per, out.complete, policy);
  return out;
}

namespace {

TrainingPlan training_plan(const Org& org, const std::vector<index_t>& core, const GroupCoverage& coverage,
                           const LeadershipPolicy& policy) {
  TrainingPlan plan;
  std::vector<std::size_t> missing;  // indices into coverage.competencies
  for (std::size_t i = 0; i < coverage.competencies.size(); ++i)
    if (coverage.competencies[i].depth == 0) missing.push_back(i);
  if (missing.empty()) return plan;
  const auto& scores = org.competencies().scores;
  // Which missing competencies each core member is within reach of.
  struct Candidate {
    index_t person;
    std::uint32_t mask;
    double gap;  // total training distance over what they could cover
  };
  std::vector<Candidate> candidates;
  std::uint32_t coverable = 0;
  for (const index_t p : core) {
    Candidate c{p, 0, 0.0};
    for (std::size_t k = 0; k < missing.size(); ++k) {
      const int col = competency_column(org, coverage.competencies[missing[k]].competency);
      const double v = col >= 0 ? scores(p, col) : std::nan("");
      if (!std::isnan(v) && v >= policy.threshold - policy.training_reach) {
        c.mask |= 1u << k;
        c.gap += policy.threshold - v;
      }
    }
    if (c.mask) {
      candidates.push_back(c);
      coverable |= c.mask;
    }
  }
  for (std::size_t k = 0; k < missing.size(); ++k)
    if (!(coverable & (1u << k))) plan.hire_for.push_back(coverage.competencies[missing[k]].competency);
  // Exact minimum set cover over the coverable competencies: DP over subsets (at most 2^|R|).
  const std::size_t full = coverable;
  constexpr double inf = std::numeric_limits<double>::infinity();
  struct State {
    std::size_t count = std::numeric_limits<std::size_t>::max();
    double gap = inf;
    std::vector<std::size_t> chosen;  // candidate indices, ascending
  };
  std::vector<State> best(std::size_t{1} << missing.size());
  best[0] = State{0, 0.0, {}};
  for (std::size_t mask = 0; mask < best.size(); ++mask) {
    if (best[mask].count == std::numeric_limits<std::size_t>::max()) continue;
    for (std::size_t ci = 0; ci < candidates.size(); ++ci) {
      if (std::find(best[mask].chosen.begin(), best[mask].chosen.end(), ci) != best[mask].chosen.end()) continue;
      const std::size_t next = (mask | candidates[ci].mask) & full;
      if (next == mask) continue;
      State s{best[mask].count + 1, best[mask].gap + candidates[ci].gap, best[mask].chosen};
      s.chosen.insert(std::upper_bound(s.chosen.begin(), s.chosen.end(), ci), ci);
      auto& target = best[next];
      // Fewest people, then the least total training, then the lowest indices: deterministic.
      if (std::tie(s.count, s.gap, s.chosen) < std::tie(target.count, target.gap, target.chosen)) target = std::move(s);
    }
  }
  std::uint32_t remaining = static_cast<std::uint32_t>(full);
  for (const std::size_t ci : best[full].chosen) {
    const auto& c = candidates[ci];
    std::vector<std::string> trains;
    for (std::size_t k = 0; k < missing.size(); ++k)
      if ((c.mask & remaining) & (1u << k)) trains.push_back(coverage.competencies[missing[k]].competency);
    remaining &= ~c.mask;
    plan.trainees.push_back(c.person);
    plan.trains.push_back(std::move(trains));
  }
  return plan;
}

}  // namespace

LeadershipReport leadership_coverage(const Org& org, const Policy& policy) {
  const LeadershipPolicy& lp = policy.leadership;
  LeadershipReport report;
  report.core = people_in_tier(org, Tier::core);
  if (!org.has_table("competencies")) {
    report.absent_reason = "no competencies table";
    return report;
  }
  if (report.core.empty()) {
    report.absent_reason = "no one is in the core tier";
    return report;
  }
  report.assessed = true;
  report.core_coverage = group_coverage(org, report.core, lp.required, lp);
  report.score = report.core_coverage.score;
  using A = FindingArg;
  for (const auto& c : report.core_coverage.competencies) {
    if (c.depth == 0) {
      Finding f{"leadership_coverage", "missing_competency", FindingSeverity::critical, {}, {}, {}, {}};
      f.evidence = {{"coverage", c.coverage}, {"threshold", lp.threshold}, {"gap", lp.threshold - c.coverage}};
      if (c.best == no_index) {
        f.variant = "unscored";
        f.args = {A::text_of("competency", c.competency)};
      } else {
        f.people = {c.best};
        // Beyond training reach only a hire closes the gap (the training plan says the same).
        if (lp.threshold - c.coverage > lp.training_reach) f.variant = "out_of_reach";
        f.args = {A::num("threshold", lp.threshold), A::text_of("competency", c.competency), A::people_of("closest", 0, 1),
                  A::num("coverage", c.coverage), A::num("gap", lp.threshold - c.coverage)};
      }
      report.findings.push_back(std::move(f));
    } else if (c.depth == 1) {
      Finding f{"leadership_coverage", "single_holder", FindingSeverity::medium, {c.best}, {}, {}, {}};
      f.args = {A::people_of("holder", 0, 1), A::text_of("competency", c.competency), A::num("coverage", c.coverage)};
      f.evidence = {{"coverage", c.coverage}, {"depth", 1.0}, {"threshold", lp.threshold}};
      report.findings.push_back(std::move(f));
    }
  }

  // Units: each manager with their direct reports.
  const auto& h = org.hierarchy();
  std::size_t unassessed_managers = 0;
  const auto& placeholder = org.people().placeholder;
  std::vector<index_t> group;  // a unit's manager and direct reports, refilled for every unit
  for (index_t m = 0; m < org.size(); ++m) {
    // A placeholder manager holds no capability the data could show: their unit is not assessed.
    if (boost::out_degree(m, h.reports) == 0 || placeholder[m]) continue;
    UnitCoverage unit;
    unit.manager = m;
    unit.size = 1 + people_under(org, m);
    group.assign(1, m);
    for (const index_t r : neighbours(h.reports, m)) group.push_back(r);
    unit.coverage = group_coverage(org, group, lp.unit_required, lp);
    for (const auto& name : lp.unit_required) {
      const int col = competency_column(org, name);
      const double v = col >= 0 ? org.competencies().scores(m, col) : std::nan("");
      if (!std::isnan(v)) unit.assessed = true;
      if (std::isnan(v) || v < lp.threshold) unit.manager_lacks.push_back(name);
    }
    if (!unit.assessed) {
      ++unassessed_managers;
    } else if (!unit.manager_lacks.empty()) {
      Finding f{"leadership_coverage", "manager_lacks_leadership",
                unit.size >= policy.succession.large_unit ? FindingSeverity::high : FindingSeverity::medium,
                {m}, {}, {}, {}};
      f.args.reserve(4);  // built in place: a list initializer would copy each argument (a rich 1M-person org has 134k of these)
      f.args.push_back(A::people_of("manager", 0, 1));
      f.args.push_back(A::count_of("count", unit.size - 1));
      f.args.push_back(A::num("threshold", lp.threshold));
      f.args.push_back(A::texts_of("competencies", unit.manager_lacks));
      f.evidence = {{"people_led", static_cast<double>(unit.size - 1)},
                    {"competencies_lacking", static_cast<double>(unit.manager_lacks.size())},
                    {"unit_score", unit.coverage.score}};
      report.findings.push_back(std::move(f));
    }
    report.units.push_back(std::move(unit));
  }
  if (unassessed_managers > 0) {
    Finding f{"leadership_coverage", "managers_not_assessed", FindingSeverity::info, {}, {}, {}, {}};
    f.args = {A::count_of("count", unassessed_managers), A::texts_of("competencies", lp.unit_required)};
    f.evidence = {{"managers", static_cast<double>(unassessed_managers)}};
    report.findings.push_back(std::move(f));
  }

  report.plan = training_plan(org, report.core, report.core_coverage, lp);
  if (!report.plan.trainees.empty() || !report.plan.hire_for.empty()) {
    Finding f{"leadership_coverage", "training_plan", FindingSeverity::high, report.plan.trainees, {}, {}, {}};
    // "train {0} in a and b; {1} in c": one clause a trainee.
    std::vector<FindingClause> steps;
    for (std::size_t i = 0; i < report.plan.trainees.size(); ++i)
      steps.push_back({"training_plan.step", {A::people_of("trainee", i, 1), A::texts_of("competencies", report.plan.trains[i])}});
    if (!steps.empty()) f.args.push_back(A::clauses_of("steps", std::move(steps), "training_plan.step_separator"));
    if (!report.plan.hire_for.empty()) f.args.push_back(A::texts_of("hire_for", report.plan.hire_for));
    f.variant = report.plan.hire_for.empty() ? "" : report.plan.trainees.empty() ? "hire" : "train_and_hire";
    f.evidence = {{"trainees", static_cast<double>(report.plan.trainees.size())},
                  {"hires", report.plan.hire_for.empty() ? 0.0 : 1.0}};
    report.findings.push_back(std::move(f));
  }
  sort_findings(report.findings);
  return report;
}

}  // namespace teamgraph
